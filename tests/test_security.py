"""Production hardening: deploy checks, security headers, admin path and login throttling."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from csp.utils import build_policy
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.django_db


def test_deploy_checks_pass_with_production_settings():
    env = {
        **{k: v for k, v in os.environ.items() if k not in {"DEBUG", "DATABASE_URL"}},
        "DJANGO_SETTINGS_MODULE": "portal.settings.prod",
        "SECRET_KEY": "a-long-random-production-secret-" * 3,
        "ALLOWED_HOSTS": "integration.kreis-unna.de",
        "DATABASE_URL": "sqlite:////tmp/deploy-check.sqlite3",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_public_pages_send_a_strict_content_security_policy(client):
    response = client.get("/de/offers/")
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy and "script-src 'self'" in policy and "style-src 'self'" in policy
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"


def test_every_page_sends_the_policy_django_csp_builds_from_the_settings_and_a_views_change_still_applies(
    client, unna, settings
):
    configured = build_policy()
    for _ in range(2):  # rendered, then from the page cache
        assert Client().get("/ar/offers/?municipality=unna")["Content-Security-Policy"] == configured
    assert client.get("/de/offers/?q=x")["Content-Security-Policy"] == configured
    settings.EMBED_ALLOWED_ORIGINS = ["https://www.kreis-unna.de"]
    embedded = client.get("/ar/embed/offers/?municipality=unna")["Content-Security-Policy"]
    assert "frame-ancestors https://www.kreis-unna.de" in embedded
    assert embedded.replace("https://www.kreis-unna.de", "'none'") == configured


def test_repeated_failed_logins_are_paused(client, ki_editor, settings):
    settings.AXES_FAILURE_LIMIT = 3
    url = reverse("admin:login")
    for _ in range(3):
        assert client.post(url, {"username": "ki-editor", "password": "wrong"}).status_code == 200
    blocked = client.post(url, {"username": "ki-editor", "password": "secret-pass-123"})
    assert blocked.status_code == 429
    assert "Zu viele fehlgeschlagene Anmeldungen" in blocked.content.decode()
    call_command("axes_reset")  # KI staff lift a pause by hand
    assert client.post(url, {"username": "ki-editor", "password": "secret-pass-123"}).status_code == 302


def test_behind_a_load_balancer_failed_logins_are_counted_per_visitor_not_per_proxy(client, ki_editor, settings):
    """Every request arrives from the balancer's address; the visitor's is the one it adds to X-Forwarded-For."""
    settings.AXES_FAILURE_LIMIT = 2
    settings.FORWARDED_FOR_PROXIES = 1
    url = reverse("admin:login")
    balancer = {"REMOTE_ADDR": "10.0.0.2"}

    def log_in(forwarded_for, password):
        return client.post(
            url, {"username": "ki-editor", "password": password}, HTTP_X_FORWARDED_FOR=forwarded_for, **balancer
        )

    for claimed in ("1.1.1.1", "2.2.2.2"):  # made-up addresses in front of the real one change nothing
        assert log_in(f"{claimed}, 203.0.113.7", "wrong").status_code == 200
    assert log_in("203.0.113.7", "secret-pass-123").status_code == 429
    assert log_in("198.51.100.4", "secret-pass-123").status_code == 302  # another visitor is not locked out


def test_without_a_proxy_x_forwarded_for_is_ignored(client, ki_editor, settings):
    settings.AXES_FAILURE_LIMIT = 2
    url = reverse("admin:login")
    for claimed in ("1.1.1.1", "2.2.2.2"):
        assert (
            client.post(url, {"username": "ki-editor", "password": "wrong"}, HTTP_X_FORWARDED_FOR=claimed).status_code
            == 200
        )
    assert (
        client.post(
            url, {"username": "ki-editor", "password": "secret-pass-123"}, HTTP_X_FORWARDED_FOR="3.3.3.3"
        ).status_code
        == 429
    )


def test_admin_path_comes_from_the_environment():
    code = "import django, os; django.setup(); from django.urls import reverse; print(reverse('admin:index'))"
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "portal.settings.test", "ADMIN_PATH": "redaktion-7f3a"}
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert result.stdout.strip() == "/redaktion-7f3a/", result.stderr


def test_redis_url_gives_a_shared_cache():
    code = (
        "import django; django.setup(); from django.core.cache import cache; "
        "from django.core.cache import caches; cache.set('welkommin-probe', 'ok', 5); print(type(caches['default']).__name__, cache.get('welkommin-probe'))"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "portal.settings.test", "REDIS_URL": "redis://127.0.0.1:6379/15"}
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    if "Connection refused" in result.stderr:
        pytest.skip("no Redis on 127.0.0.1:6379")
    assert result.stdout.split() == ["RedisCache", "ok"], result.stderr
