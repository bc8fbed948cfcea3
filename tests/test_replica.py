"""With DATABASE_REPLICA_URL, public pages read from the replica and the back office from the primary."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse

from offers.factories import LocationFactory, OfferFactory
from portal import db_router

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def replica_configured(monkeypatch):
    from django.db import connections

    monkeypatch.setitem(connections.settings, "replica", connections.settings["default"])
    # Inside a test Django refuses a second connection; the replica counts as reachable.
    monkeypatch.setattr(db_router, "replica_reachable", lambda: True)


def reads_by_model(client, url, monkeypatch):
    """{model label: the databases the router chose for its reads} during one GET."""
    seen = {}
    original = db_router.ReplicaRouter.db_for_read

    def spy(self, model, **hints):
        seen.setdefault(model._meta.label_lower, set()).add(original(self, model, **hints))
        return None  # the test database has no second connection: only record the choice

    monkeypatch.setattr(db_router.ReplicaRouter, "db_for_read", spy)
    assert client.get(url).status_code == 200
    return seen


def reads_during(client, url, monkeypatch):
    return set().union(*reads_by_model(client, url, monkeypatch).values())


def test_public_pages_read_from_the_replica(client, replica_configured, monkeypatch):
    assert reads_during(client, "/de/offers/", monkeypatch) == {"replica"}


def test_back_office_reads_from_the_primary(client, ki_editor, replica_configured, monkeypatch):
    client.force_login(ki_editor)
    assert reads_during(client, reverse("admin:offers_offer_changelist"), monkeypatch) == {None}


def test_without_a_replica_everything_uses_the_primary(client, monkeypatch):
    assert reads_during(client, "/de/offers/", monkeypatch) == {None}


def test_a_caseworkers_own_selection_is_read_from_the_primary(client, replica_configured, monkeypatch, unna):
    """A replica lags behind; the page right after "add to handout" must already show the offer."""
    offer = OfferFactory(locations=[LocationFactory(municipality=unna)])
    client.post("/de/handout/add/", {"offer": offer.pk, "next": "/de/offers/"})
    reads = reads_by_model(client, "/de/offers/?municipality=unna", monkeypatch)
    assert reads["sessions.session"] == {None}
    assert reads["offers.offer"] == {"replica"}


def test_a_page_from_the_cache_does_not_ask_the_replica(replica_configured, monkeypatch, unna):
    asked = []
    monkeypatch.setattr(
        db_router, "replica_reachable", lambda: asked.append(True) and False
    )  # reads stay on the primary
    OfferFactory(locations=[LocationFactory(municipality=unna)])
    assert Client().get("/de/offers/?municipality=unna").status_code == 200
    assert asked
    asked.clear()
    assert Client().get("/de/offers/?municipality=unna").status_code == 200
    assert asked == []


# A subprocess: inside a test, Django forbids connecting to a database the test did not declare.
REPLICA_SCRIPT = """
import django
django.setup()
from django.core.management import call_command
from django.test import Client
from municipalities.models import Municipality
from offers.factories import LocationFactory, OfferFactory

call_command("migrate", verbosity=0)
OfferFactory(title_de="Sprachcafé", locations=[LocationFactory(municipality=Municipality.objects.get(slug="unna"))])
for _ in range(3):
    response = Client().get("/de/offers/?municipality=unna")
    print(response.status_code, "Sprachcafé" in response.content.decode())
"""


@pytest.mark.parametrize("replica_away", [False, True])
def test_public_pages_answer_whether_the_replica_connects_or_not(tmp_path, replica_away):
    primary = f"sqlite:///{tmp_path / 'primary.sqlite3'}"
    env = {
        **{key: value for key, value in os.environ.items() if key != "DATABASE_URL"},
        "DJANGO_SETTINGS_MODULE": "portal.settings.test",
        "DATABASE_URL": primary,
        # SQLite: the same file stands in for a replica that works.
        "DATABASE_REPLICA_URL": "sqlite:////nonexistent/replica.sqlite3" if replica_away else primary,
        "ALLOWED_HOSTS": "testserver",
    }
    result = subprocess.run(
        [sys.executable, "-c", REPLICA_SCRIPT], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )
    assert result.stdout.split("\n")[:3] == ["200 True"] * 3, result.stdout + result.stderr
    # While it is away: one warning per pause, not one per request.
    assert result.stderr.count("read replica is unreachable") == (1 if replica_away else 0), result.stderr
