"""The demo login printed in the README (`redaktion` / `wel-komm-in-demo`) never opens a
production back office: `check --deploy` fails while an account has its password, production
settings refuse the password, and `create_demo_staff` refuses to run there."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import global_settings
from django.contrib.auth import authenticate
from django.contrib.auth.models import User
from django.core.management import call_command
from django.db import connection
from django.test import RequestFactory

ROOT = Path(__file__).resolve().parent.parent
DEMO_PASSWORD = "wel-komm-in-demo"

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def database_url():
    """The test database as a DATABASE_URL, for a second process with production settings."""
    database = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{database['NAME']}"
    return f"postgres://{database['USER']}@{database['HOST']}:{database['PORT']}/{database['NAME']}"


def production(*arguments, **env):
    """`manage.py <arguments>` with production settings on the test database."""
    clean = {key: value for key, value in os.environ.items() if key not in {"DEBUG", "DATABASE_URL", "REDIS_URL"}}
    env = {
        **clean,
        "DJANGO_SETTINGS_MODULE": "portal.settings.prod",
        "SECRET_KEY": "a-long-random-production-secret-key-" + "x" * 30,
        "DATABASE_URL": database_url(),
        "ALLOWED_HOSTS": "integration.kreis-unna.de",
        **env,
    }
    return subprocess.run(
        [sys.executable, "manage.py", *arguments], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


@pytest.fixture
def production_hashes(settings):
    """Passwords hashed as production hashes them (the test settings use fast MD5)."""
    settings.PASSWORD_HASHERS = global_settings.PASSWORD_HASHERS


@pytest.mark.parametrize(
    ("username", "password", "fails"),
    [
        ("redaktion", DEMO_PASSWORD, True),
        ("anna.schmidt", DEMO_PASSWORD, True),  # the published password on any account
        ("redaktion", "a-new-password-4711", False),
    ],
)
def test_check_deploy_fails_while_an_account_has_the_demo_password(production_hashes, username, password, fails):
    User.objects.create_user(username, password=password, is_staff=True)
    result = production("check", "--deploy")
    assert (result.returncode != 0) == fails, result.stderr
    assert ("portal.E001" in result.stderr and username in result.stderr) == fails, result.stderr


def test_check_deploy_passes_without_accounts():
    result = production("check", "--deploy")
    assert result.returncode == 0, result.stderr


def test_production_refuses_the_demo_password(production_hashes):
    User.objects.create_user("redaktion", password=DEMO_PASSWORD, is_staff=True)
    User.objects.create_user("anna.schmidt", password="another-pass-4711", is_staff=True)
    code = (
        "from django.contrib.auth import authenticate; from django.test import RequestFactory; "
        "login = RequestFactory().post('/admin/login/'); "
        f"print(authenticate(login, username='redaktion', password='{DEMO_PASSWORD}'), "
        "authenticate(login, username='anna.schmidt', password='another-pass-4711'))"
    )
    result = production("shell", "-v", "0", "-c", code)
    assert result.stdout.split() == ["None", "anna.schmidt"], result.stderr
    # Development still lets it in (django-axes wants the login's request to count failures).
    assert (
        authenticate(RequestFactory().post("/admin/login/"), username="redaktion", password=DEMO_PASSWORD) is not None
    )


@pytest.mark.parametrize("debug", ["1", "0"])
def test_create_demo_staff_refuses_production_settings(debug):
    result = production("create_demo_staff", DEBUG=debug)
    assert result.returncode != 0
    assert "create_demo_staff runs only in development" in result.stderr
    assert not User.objects.filter(username="redaktion").exists()


@pytest.mark.parametrize("debug", [True, False])
def test_create_demo_staff_creates_the_printed_login_in_development(settings, debug):
    settings.DEBUG = debug  # `make run` serves the demo with DEBUG off, `make dev` with it on
    call_command("create_demo_staff")
    login = RequestFactory().post("/admin/login/")
    assert authenticate(login, username="redaktion", password=DEMO_PASSWORD).groups.filter(name="KI-Redaktion").exists()


def test_create_demo_staff_also_creates_a_provider_editor_of_one_demo_provider(settings, production_hashes):
    """Finding 13: the README's second demo login, a Träger-Redaktion account, caught by check --deploy too."""
    from offers.factories import ProviderFactory
    from offers.models import Provider

    first = ProviderFactory(name="AWO Unterbezirk Unna")
    ProviderFactory(name="Zentrum Lünen")
    call_command("create_demo_staff")
    editor = authenticate(RequestFactory().post("/admin/login/"), username="traeger", password=DEMO_PASSWORD)
    assert editor.groups.filter(name="Träger-Redaktion").exists() and not editor.is_superuser
    assert list(Provider.objects.filter(editors=editor)) == [first]
    result = production("check", "--deploy")
    assert result.returncode != 0 and "portal.E001" in result.stderr and "'traeger'" in result.stderr, result.stderr
    assert "traeger" in Path(settings.BASE_DIR, "README.md").read_text()
