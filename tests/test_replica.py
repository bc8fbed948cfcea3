"""With DATABASE_REPLICA_URL, public pages read from the replica and the back office from the primary."""

import pytest
from django.urls import reverse

from portal import db_router

pytestmark = pytest.mark.django_db


@pytest.fixture
def replica_configured(monkeypatch):
    from django.db import connections

    monkeypatch.setitem(connections.settings, "replica", connections.settings["default"])


def reads_during(client, url, monkeypatch):
    seen = []
    original = db_router.ReplicaRouter.db_for_read

    def spy(self, model, **hints):
        seen.append(original(self, model, **hints))
        return None  # the test database has no second connection: only record the choice

    monkeypatch.setattr(db_router.ReplicaRouter, "db_for_read", spy)
    assert client.get(url).status_code == 200
    return set(seen)


def test_public_pages_read_from_the_replica(client, replica_configured, monkeypatch):
    assert reads_during(client, "/de/offers/", monkeypatch) == {"replica"}


def test_back_office_reads_from_the_primary(client, ki_editor, replica_configured, monkeypatch):
    client.force_login(ki_editor)
    assert reads_during(client, reverse("admin:offers_offer_changelist"), monkeypatch) == {None}


def test_without_a_replica_everything_uses_the_primary(client, monkeypatch):
    assert reads_during(client, "/de/offers/", monkeypatch) == {None}
