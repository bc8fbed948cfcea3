"""Migration 0034: the next start among runs with free places is filled for the offers that have runs already."""

import io

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from offers.factories import CourseRunFactory, OfferFactory

from .listing import TODAY, days

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def migrate(target):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(target or executor.loader.graph.leaf_nodes())


def test_offers_with_runs_get_their_start_with_places_so_the_nightly_run_finds_nothing_stale(unna):
    offer = OfferFactory(title_de="Kurs mit Plätzen")
    CourseRunFactory(offer=offer, start_date=days(20), free_places=3, places_reported_on=days(-3))
    CourseRunFactory(offer=offer, start_date=days(5), free_places=0, places_reported_on=TODAY)
    migrate([("offers", "0033_offer_reach_by_format")])
    try:
        migrate([("offers", "0034_run_dates_places_next_start")])
    finally:
        migrate(None)
    out = io.StringIO()
    call_command("refresh_run_dates", stdout=out)
    assert out.getvalue() == "0 offers' run dates refreshed.\n"
    assert offer.run_dates.places_next_start == days(20)
