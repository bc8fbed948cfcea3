"""A post Django cannot read (a charset other than UTF-8, too many fields, too large) gets a clear
400 with the usual security headers: Django's own 400 and 500 views read the post again for
the CSRF token, so the error used to escape Django into gunicorn's bare 500 page."""

import os
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.test import Client

from pages.models import AccessibilityFeedback
from tests.servers import serving

ROOT = Path(__file__).resolve().parent.parent
TOKEN = "abcdefghijklmnopqrstuvwxyz012345"  # a CSRF secret in the cookie's format
FORM = f"csrfmiddlewaretoken={TOKEN}&message=Kontrast"
UNREADABLE = [
    pytest.param("application/x-www-form-urlencoded; charset=utf-7", FORM, id="utf-7"),
    pytest.param("application/x-www-form-urlencoded; charset=foo", FORM, id="unknown-charset"),
    pytest.param("application/x-www-form-urlencoded", FORM + "&x=1" * 1100, id="too-many-fields"),
    pytest.param("application/x-www-form-urlencoded", FORM + "&x=" + "a" * 3_000_000, id="too-large"),
]


def assert_clear_400(status, headers, body):
    assert status == 400
    assert "default-src 'self'" in headers["Content-Security-Policy"]
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert "Diese Anfrage konnten wir nicht lesen" in body


@pytest.mark.django_db
@pytest.mark.parametrize(("content_type", "body"), UNREADABLE)
def test_an_unreadable_post_gets_a_clear_400(content_type, body):
    client = Client(enforce_csrf_checks=True)
    client.cookies["csrftoken"] = TOKEN
    # generic(): post() would encode the body in the declared charset itself.
    response = client.generic("POST", "/de/accessibility-feedback/", body, content_type=content_type)
    assert_clear_400(response.status_code, response.headers, response.content.decode())
    assert not AccessibilityFeedback.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("length", ["abc", "-1", "1e3"])
def test_a_post_with_a_content_length_that_is_no_length_gets_a_clear_400(length):
    client = Client(enforce_csrf_checks=True)
    client.cookies["csrftoken"] = TOKEN
    response = client.generic(
        "POST", "/de/accessibility-feedback/", FORM, "application/x-www-form-urlencoded", CONTENT_LENGTH=length
    )
    assert_clear_400(response.status_code, response.headers, response.content.decode())
    assert not AccessibilityFeedback.objects.exists()


@pytest.mark.django_db
def test_the_400_speaks_the_visitors_language():
    client = Client(enforce_csrf_checks=True)
    client.cookies["csrftoken"] = TOKEN
    response = client.post(
        "/ar/accessibility-feedback/", FORM, content_type="application/x-www-form-urlencoded; charset=utf-7"
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert 'lang="ar" dir="rtl"' in page
    assert "تعذّر علينا قراءة هذا الطلب" in page


@pytest.fixture(scope="module")
def gunicorn(tmp_path_factory):
    """The portal as production serves it: gunicorn, production settings, DEBUG off."""
    env = {
        **{key: value for key, value in os.environ.items() if key not in {"DEBUG", "REDIS_URL"}},
        "DJANGO_SETTINGS_MODULE": "portal.settings.prod",
        "SECRET_KEY": "x" * 50,
        "DATABASE_URL": f"sqlite:///{tmp_path_factory.mktemp('gunicorn') / 'portal.sqlite3'}",
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",
    }
    gunicorn = str(Path(sys.executable).parent / "gunicorn")
    command = [gunicorn, "portal.wsgi", "--workers", "1", "--no-control-socket", "--bind"]
    with serving(lambda port: [*command, f"127.0.0.1:{port}"], env, "/de/", "gunicorn") as url:
        yield url


@pytest.mark.parametrize(("content_type", "body"), UNREADABLE)
def test_gunicorn_answers_an_unreadable_post_with_a_clear_400(gunicorn, content_type, body):
    request = urllib.request.Request(
        gunicorn + "/de/accessibility-feedback/",
        data=body.encode(),
        headers={"Content-Type": content_type, "Cookie": f"csrftoken={TOKEN}"},
        method="POST",
    )
    with pytest.raises(urllib.error.HTTPError) as answer:
        urllib.request.urlopen(request, timeout=30)
    error = answer.value
    assert_clear_400(error.code, error.headers, error.read().decode())
