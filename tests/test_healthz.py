import contextlib
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection
from django.urls import reverse

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.django_db
def test_healthz_answers_ok_after_a_database_round_trip(client, django_assert_num_queries):
    with django_assert_num_queries(1):
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok\n"
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_a_load_balancers_probe_by_address_and_plain_http_gets_an_answer(client, settings):
    """Balancers probe each server at its own address, over plain HTTP, and count a 400 or a
    redirect to HTTPS as a dead server."""
    settings.ALLOWED_HOSTS = ["integration.kreis-unna.de"]
    settings.SECURE_SSL_REDIRECT = True
    probe = client.get("/healthz", HTTP_HOST="10.0.0.5:8000")
    assert (probe.status_code, probe.content) == (200, b"ok\n")
    assert "no-cache" in probe["Cache-Control"]
    assert client.get("/de/", HTTP_HOST="10.0.0.5:8000").status_code == 400  # the host check stays for the site
    assert client.get("/de/", HTTP_HOST="integration.kreis-unna.de").status_code == 301  # and so does HTTPS


@contextlib.contextmanager
def database_away():
    """The database unreachable until the block ends, as if its server were down."""
    reachable = connection.settings_dict.copy()
    connection.close()
    if connection.vendor == "sqlite":
        connection.settings_dict["NAME"] = "/nonexistent-directory/db.sqlite3"
    else:
        connection.settings_dict["PORT"] = "1"  # nothing listens there
    try:
        yield
    finally:
        connection.close()
        connection.settings_dict.update(reachable)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_healthz_answers_503_while_the_database_is_unreachable_and_recovers(client):
    with database_away():
        response = client.get("/healthz")
    assert response.status_code == 503
    assert client.get("/healthz").status_code == 200


def run_settings(module, **env):
    """Import a settings module in a fresh interpreter with only `env` set."""
    clean_env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DEBUG", "SECRET_KEY", "DATABASE_URL", "ALLOWED_HOSTS"}
    }
    code = (
        f"import django, os; os.environ['DJANGO_SETTINGS_MODULE'] = '{module}'; "
        "from django.conf import settings; "
        "print(settings.DEBUG, settings.DATABASES['default']['ENGINE'], settings.DATABASES['default']['NAME'], settings.ALLOWED_HOSTS)"
    )
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env={**clean_env, **env}, capture_output=True, text=True, timeout=60
    )


def test_production_settings_need_a_secret_key():
    result = run_settings("portal.settings.prod")
    assert result.returncode != 0
    assert "Set the SECRET_KEY environment variable" in result.stderr


def test_production_settings_come_from_the_environment_with_debug_off():
    result = run_settings(
        "portal.settings.prod",
        SECRET_KEY="x" * 50,
        DATABASE_URL="postgres://portal@db.internal:5432/welkommin",
        ALLOWED_HOSTS="integration.kreis-unna.de",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "False",
        "django.db.backends.postgresql",
        "welkommin",
        "['integration.kreis-unna.de']",
    ]


def test_another_sqlite_file_through_database_url():
    result = run_settings(
        "portal.settings.prod", SECRET_KEY="x" * 50, DATABASE_URL="sqlite:////tmp/other.sqlite3", DEBUG="1"
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[:3] == ["True", "django.db.backends.sqlite3", "/tmp/other.sqlite3"]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize(("language", "heading"), [("ar", 'lang="ar" dir="rtl"'), ("de", "Kurz nicht erreichbar")])
def test_public_pages_answer_a_friendly_503_while_the_database_is_away_and_recover(client, language, heading):
    with database_away():
        response = client.get(f"/{language}/offers/")
        home = client.get(f"/{language}/")
    for page in (response, home):
        assert page.status_code == 503
        assert heading in page.content.decode()
        assert page["Retry-After"] == "60"
    assert client.get(f"/{language}/offers/").status_code == 200


def test_production_logs_errors_and_outages_to_stderr(tmp_path):
    """Without LOGGING, Django with DEBUG off mails a 500's traceback to ADMINS (none are set)
    and writes nothing: an outage would leave no trace in gunicorn's log."""
    code = (
        "import django; django.setup(); from django.test import Client; print(Client().get('/de/offers/').status_code)"
    )
    env = {
        **{key: value for key, value in os.environ.items() if key not in {"DEBUG", "DATABASE_URL", "REDIS_URL"}},
        "DJANGO_SETTINGS_MODULE": "portal.settings.prod",
        "SECRET_KEY": "x" * 50,
        "DATABASE_URL": "sqlite:////nonexistent-directory/db.sqlite3",  # the database is away
        "ALLOWED_HOSTS": "testserver",
        "SECURE_SSL_REDIRECT": "0",
    }
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert result.stdout.strip() == "503", result.stderr
    assert "ERROR django.request: Service Unavailable: /de/offers/" in result.stderr


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_staff_get_the_same_503_in_the_admin_while_the_database_is_away_and_recover(client, ki_editor):
    from django.test import Client

    from offers.factories import OfferFactory

    offer = OfferFactory()
    client.force_login(ki_editor)
    visitor = Client()
    admin_pages = [
        reverse("admin:index"),
        reverse("admin:offers_offer_changelist"),
        reverse("admin:offers_offer_change", args=[offer.pk]),
        reverse("admin:offers_offer_translations"),
    ]
    with database_away():
        pages = [client.get(path) for path in admin_pages]
        pages.append(client.get(reverse("admin:login")))  # a visitor without a session gets the form, then:
        pages.append(visitor.post(reverse("admin:login"), {"username": "ki-editor", "password": "secret-pass-123"}))
    for page in pages:
        assert page.status_code == 503
        assert "Kurz nicht erreichbar" in page.content.decode()
        assert page["Retry-After"] == "60"
    assert client.get(reverse("admin:offers_offer_changelist")).status_code == 200


def test_production_admin_login_answers_503_while_the_database_is_away():
    code = (
        "import django; django.setup(); from django.test import Client; c = Client(); "
        "print(c.post('/admin/login/', {'username': 'a', 'password': 'b'}).status_code); "
        "c.cookies['sessionid'] = 'a-session-of-a-logged-in-editor'; print(c.get('/admin/').status_code)"
    )
    env = {
        **{
            key: value
            for key, value in os.environ.items()
            if key not in {"DEBUG", "DATABASE_URL", "REDIS_URL", "ADMIN_PATH"}
        },
        "DJANGO_SETTINGS_MODULE": "portal.settings.prod",
        "SECRET_KEY": "x" * 50,
        "DATABASE_URL": "sqlite:////nonexistent-directory/db.sqlite3",
        "ALLOWED_HOSTS": "testserver",
        "SECURE_SSL_REDIRECT": "0",
    }
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert result.stdout.split() == ["503", "503"], result.stderr
