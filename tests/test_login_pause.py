"""Failed back-office logins are paused by django-axes: per user name and address, in the database."""

import datetime
from concurrent.futures import ThreadPoolExecutor

import pytest
from axes.models import AccessAttempt, AccessLog
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from .servers import Browser

pytestmark = pytest.mark.django_db


def editor(django_user_model, name):
    user = django_user_model.objects.create_user(name, password="secret-pass-123", is_staff=True)
    user.groups.add(Group.objects.get(name="KI-Redaktion"))
    return user


def days_ago(days):
    return timezone.now() - datetime.timedelta(days=days)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_thirty_parallel_guesses_at_two_workers_get_exactly_the_limit_of_password_checks(
    two_servers, django_user_model
):
    editor(django_user_model, "ki-editor")
    editor(django_user_model, "other-editor")

    def guess(number):
        browser = Browser(two_servers[number % 2])
        return browser.post_form("/admin/login/", {"username": "ki-editor", "password": f"guess-{number}"})[0]

    with ThreadPoolExecutor(max_workers=10) as pool:
        answers = list(pool.map(guess, range(30)))
    assert answers.count(200) == 5 and answers.count(429) == 25, answers  # LOGIN_FAILURE_LIMIT's default
    for server in two_servers:
        right_password = Browser(server).post_form(
            "/admin/login/", {"username": "ki-editor", "password": "secret-pass-123"}
        )
        assert right_password[0] == 429
        assert "Zu viele fehlgeschlagene Anmeldungen" in right_password[1]
        other = Browser(server).post_form("/admin/login/", {"username": "other-editor", "password": "secret-pass-123"})
        assert other[0] == 302  # the same address, another user name: not paused


def test_a_guesser_behind_a_misconfigured_balancer_does_not_lock_out_the_other_editors(
    client, django_user_model, settings
):
    """FORWARDED_FOR_PROXIES left at 0 behind a balancer: every login seems to come from its address."""
    settings.AXES_FAILURE_LIMIT = 2
    editor(django_user_model, "ki-editor")
    editor(django_user_model, "other-editor")
    url = reverse("admin:login")
    balancer = {"REMOTE_ADDR": "10.0.0.2"}
    for _ in range(3):
        client.post(url, {"username": "ki-editor", "password": "wrong"}, **balancer)
    assert client.post(url, {"username": "ki-editor", "password": "secret-pass-123"}, **balancer).status_code == 429
    assert client.post(url, {"username": "other-editor", "password": "secret-pass-123"}, **balancer).status_code == 302


def test_what_is_kept_about_logins_is_deleted_after_30_days(client, django_user_model):
    editor(django_user_model, "ki-editor")
    url = reverse("admin:login")
    client.post(url, {"username": "ki-editor", "password": "wrong"}, REMOTE_ADDR="203.0.113.7")
    client.post(url, {"username": "other-name", "password": "wrong"}, REMOTE_ADDR="203.0.113.7")
    client.post(url, {"username": "ki-editor", "password": "secret-pass-123"}, REMOTE_ADDR="203.0.113.8")
    assert AccessAttempt.objects.filter(username="other-name", ip_address="203.0.113.7").exists()
    assert AccessLog.objects.filter(username="ki-editor", ip_address="203.0.113.8").exists()

    AccessAttempt.objects.filter(username="other-name").update(attempt_time=days_ago(31))
    AccessAttempt.objects.filter(username="ki-editor").update(attempt_time=days_ago(29))
    AccessLog.objects.update(attempt_time=days_ago(31))
    call_command("forget_logins")
    assert list(AccessAttempt.objects.values_list("username", flat=True)) == ["ki-editor"]
    assert not AccessLog.objects.exists()
