"""The stored run dates behind places=1 and sort=next_start (offers/run_dates.py): right on every day, after every write."""

import datetime
import io
import pickle
import random

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from offers.factories import CourseRunFactory, LocationFactory, OfferFactory
from offers.models import CourseRun, Offer

from .listing import EXISTS, HASHED, TODAY, days, titles, ways_expected, ways_written

pytestmark = pytest.mark.django_db


@pytest.fixture
def offer_in(unna):
    def offer(title, *runs):
        created = OfferFactory(title_de=title, locations=[LocationFactory(municipality=unna)])
        for run in runs:
            CourseRunFactory(offer=created, **run)
        return created

    return offer


def soonest(client, language="de", **query):
    return titles(client.get(f"/{language}/offers/", {"municipality": "unna", "sort": "next_start", **query}))


def test_a_run_that_ends_today_counts_today_and_not_tomorrow_without_any_save(client, offer_in, monkeypatch):
    offer_in(
        "Läuft bis heute, dann in einem Monat", {"start_date": days(-10), "end_date": TODAY}, {"start_date": days(30)}
    )
    offer_in("Beginnt in fünf Tagen", {"start_date": days(5)})
    assert soonest(client) == ["Läuft bis heute, dann in einem Monat", "Beginnt in fünf Tagen"]

    monkeypatch.setattr(timezone, "localdate", lambda *args: TODAY + datetime.timedelta(days=1))
    # Another language: the page cache's time slot follows the clock of the hours, not this one.
    assert soonest(client, "en") == ["Beginnt in fünf Tagen", "Läuft bis heute, dann in einem Monat"]
    call_command("refresh_run_dates", stdout=open("/dev/null", "w"))  # noqa: SIM115 (the nightly run)
    assert soonest(client, "tr") == ["Beginnt in fünf Tagen", "Läuft bis heute, dann in einem Monat"]


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="PostgreSQL only: the first page's bands (PostgreSQL CI pass)"
)
def test_after_the_nightly_refresh_the_order_is_read_from_the_stored_steps_alone(client, offer_in, monkeypatch):
    offer_in(
        "Läuft bis heute, dann in einem Monat", {"start_date": days(-10), "end_date": TODAY}, {"start_date": days(30)}
    )
    offer_in("Beginnt in fünf Tagen", {"start_date": days(5)})
    monkeypatch.setattr(timezone, "localdate", lambda *args: TODAY + datetime.timedelta(days=1))

    def order_and_its_query(language):
        with CaptureQueriesContext(connection) as captured:
            found = soonest(client, language)
        # The page's ids: the first page's bands, one query (the towns' languages are a union too).
        (ids,) = [query["sql"] for query in captured if "UNION ALL" in query["sql"] and "offerrundates" in query["sql"]]
        return found, ids

    # Tomorrow, before the nightly run: one offer's stored step has ended, its start comes from its runs.
    found, ids = order_and_its_query("en")
    assert found == ["Beginnt in fünf Tagen", "Läuft bis heute, dann in einem Monat"]
    assert "offers_courserun" in ids
    call_command("refresh_run_dates", stdout=io.StringIO())
    # Every step holds again: the same order, and this process (which had found a stale step) sees it.
    found, ids = order_and_its_query("tr")
    assert found == ["Beginnt in fünf Tagen", "Läuft bis heute, dann in einem Monat"]
    assert "offers_courserun" not in ids


def test_places_reported_fourteen_days_ago_count_today_and_not_tomorrow(client, offer_in, monkeypatch):
    offer_in("Gemeldet vor 14 Tagen", {"start_date": days(20), "free_places": 3, "places_reported_on": days(-14)})
    offer_in("Gemeldet heute", {"start_date": days(40), "free_places": 1, "places_reported_on": TODAY})
    found = soonest(client, places="1")
    assert found == ["Gemeldet vor 14 Tagen", "Gemeldet heute"]
    monkeypatch.setattr(timezone, "localdate", lambda *args: TODAY + datetime.timedelta(days=1))
    assert soonest(client, "en", places="1") == ["Gemeldet heute"]
    # The older figure has aged out: the nightly run moves that offer's stored start with places to the new day.
    out = io.StringIO()
    call_command("refresh_run_dates", stdout=out)
    assert out.getvalue() == "1 offers' run dates refreshed.\n"
    assert soonest(client, "tr", places="1") == ["Gemeldet heute"]


def test_every_write_of_runs_moves_the_list(client, offer_in):
    late = offer_in("Später Kurs", {"start_date": days(50), "free_places": 0})
    offer_in("Früher Kurs", {"start_date": days(10), "free_places": 2})
    assert soonest(client, places="1") == ["Früher Kurs"]

    run = late.runs.get()
    run.free_places = 4
    run.save()  # a save (the admin, a report's correction, the places screen)
    assert soonest(client, "en", places="1") == ["Früher Kurs", "Später Kurs"]

    CourseRun.objects.filter(offer=late).update(start_date=days(3))  # a bulk update
    assert soonest(client, "tr", places="1") == ["Später Kurs", "Früher Kurs"]

    CourseRun.objects.bulk_create([CourseRun(offer=late, start_date=days(1), free_places=1, places_reported_on=TODAY)])
    late.runs.filter(start_date=days(3)).delete()
    assert soonest(client, "ar", places="1") == ["Später Kurs", "Früher Kurs"]

    late.runs.all().delete()  # no runs at all: no places, last in the order
    assert soonest(client, "ru") == ["Früher Kurs", "Später Kurs"]
    assert soonest(client, "uk", places="1") == ["Früher Kurs"]


def test_a_run_moved_to_another_offer_leaves_the_first_ones_places_and_next_start(client, offer_in):
    old = offer_in("Alter Kurs", {"start_date": days(20), "free_places": 3, "places_reported_on": TODAY})
    offer_in("Neuer Kurs", {"start_date": days(30), "free_places": 0})
    run = old.runs.get()
    run.offer = Offer.objects.get(title_de="Neuer Kurs")  # the run admin's offer field
    run.save()
    assert soonest(client, places="1") == ["Neuer Kurs"]
    assert soonest(client, "en") == ["Neuer Kurs", "Alter Kurs"]  # no runs left: last
    # A version's restore saves a run it did not read: it moves back all the same.
    restored = CourseRun(**{field.attname: getattr(run, field.attname) for field in CourseRun._meta.concrete_fields})
    restored.offer = old
    restored.save()
    assert soonest(client, "tr", places="1") == ["Alter Kurs"]


def test_the_places_screen_updates_the_list(admin_client, client, offer_in):
    offer = offer_in("Kurs", {"start_date": days(10), "free_places": 0})
    assert soonest(client, places="1") == []
    run = offer.runs.get()
    response = admin_client.post(
        f"/admin/offers/courserun/places/?provider={offer.provider_id}", {f"run-{run.pk}-free_places": "6"}
    )
    assert response.status_code == 302
    assert soonest(client, "en", places="1") == ["Kurs"]


def random_runs(rng, offer):
    for _ in range(rng.randint(0, 3)):
        start = None if rng.random() < 0.15 else days(rng.randint(-40, 40))
        end = None if rng.random() < 0.4 or start is None else start + datetime.timedelta(days=rng.randint(0, 30))
        CourseRunFactory(
            offer=offer,
            start_date=start,
            end_date=end,
            rolling_entry=rng.random() < 0.2,
            is_cancelled=rng.random() < 0.1,
            free_places=rng.choice((None, 0, 2)),
            places_reported_on=None if rng.random() < 0.1 else days(rng.randint(-30, 5)),
        )


def test_stored_dates_give_what_the_runs_give_on_any_day(unna):
    """Random runs, stored as of today, then read on days around it: the same as computed from the runs."""
    rng = random.Random(14)
    for number in range(40):
        random_runs(rng, OfferFactory(title_de=f"Angebot {number:02}"))
    offers = Offer.objects.all()
    for shift in range(-45, 75, 3):
        day = days(shift)
        # All runs, and (places=1&sort=next_start) only those with free places reported lately.
        for runs in ({}, {"weeks": None, "places": True}):
            matching = CourseRun.objects.matching(today=day, **runs) if runs else None
            live = offers.annotate(next_start=Offer.objects.next_start_live(day, matching))
            # Nulls last on both databases, as the list sorts them.
            live = sorted(live.values_list("next_start", "title_de"), key=lambda row: (row[0] is None, row))
            stored = list(offers.order_by_next_start(today=day, runs=runs).values_list("title_de", flat=True))
            assert stored == [title for _start, title in live], (day, runs)
            # Only the first ones needed (a page): on PostgreSQL from the four bands, the same order.
            for first in (1, 7, 20):
                head = offers.order_by_next_start(today=day, first=first, runs=runs)
                assert list(head.values_list("title_de", flat=True)[:first]) == stored[:first], (day, runs, first)
        with_places = {
            offer.title_de for offer in offers if any(run.state(day) in ("open", "few") for run in offer.runs.all())
        }
        assert set(offers.with_free_places(today=day).values_list("title_de", flat=True)) == with_places, day


@pytest.mark.parametrize("query", [{}, {"places": "1"}])
def test_the_list_by_next_start_reads_the_same_queries_for_6_and_30_offers(client, offer_in, query):
    """The catalogue version, the hours' boundaries, the towns, the count, the page's ids (PostgreSQL: the
    bands' ids, then those ordered, and whether a stored step is stale, once per catalogue version), the
    form's languages, categories and target groups, then the cards' rows, places, hours, closures and runs;
    and the ids of the town's offers held there (in_municipality), read once for the count and the page."""

    def add(count):
        for number in range(count):
            offer_in(f"Kurs {number}", {"start_date": days(number % 9), "free_places": 2, "places_reported_on": TODAY})

    counts = []
    for count in (6, 24):  # more than FEW_RESULTS: no nearby towns
        add(count)
        with CaptureQueriesContext(connection) as captured:
            found = soonest(client, "ar", **query)
        assert len(found) == min(len(Offer.objects.all()), 20)
        counts.append(len(captured))
    expected = 16 if connection.vendor == "postgresql" else 14
    assert counts == [expected, expected]


@pytest.mark.parametrize("most", [HASHED, EXISTS], ids=["hashed", "exists"])
@pytest.mark.parametrize(
    "query", [{}, {"places": "1"}, {"sort": "next_start"}, {"places": "1", "sort": "next_start"}, {"q": "Kurs"}]
)
def test_a_town_holding_more_offers_than_are_listed_as_ids_lists_the_same(
    client, offer_in, luenen, monkeypatch, query, most
):
    """in_municipality gives a town's offers as a list of ids up to MAX_IDS_LISTED, above that as an array
    behind a subquery (PostgreSQL) or an EXISTS: the same offers in the same order either way, and none held
    only in another town (one with a run with places too, so the run filters cannot let it in)."""
    from django.core.cache import cache

    with_places = {"start_date": days(0), "free_places": 2, "places_reported_on": TODAY}
    for number in range(5):
        offer_in(f"Kurs {number}", with_places | {"start_date": days(number)})
    elsewhere = OfferFactory(title_de="Kurs in Lünen", locations=[LocationFactory(municipality=luenen)])
    CourseRunFactory(offer=elsewhere, **with_places)
    with CaptureQueriesContext(connection) as captured:
        listed = titles(client.get("/de/offers/", {"municipality": "unna", **query}))
    assert sorted(listed) == [f"Kurs {number}" for number in range(5)]
    assert ways_written(captured) == set()
    for name, value in most.items():
        monkeypatch.setattr(f"offers.models.{name}", value)
    cache.clear()
    with CaptureQueriesContext(connection) as captured:
        assert titles(client.get("/de/offers/", {"municipality": "unna", **query})) == listed
    assert ways_written(captured) == ways_expected(most)


def test_a_town_queryset_sees_an_offer_held_there_since(unna):
    """The town's ids are read for each evaluation outside a request (once per request inside one): a review
    found them kept by the queryset, so an offer added since was missing when it was evaluated again."""
    OfferFactory(locations=[LocationFactory()])  # in another town: the empty list of ids matches nothing
    town = Offer.objects.in_municipality(unna)
    assert list(town) == []
    new = OfferFactory(locations=[LocationFactory(municipality=unna)])
    assert town.all().count() == 1 and new in town.all()  # (count() of an evaluated queryset is its length)


def test_a_town_queryset_reads_its_ids_from_the_database_it_runs_on(unna, monkeypatch):
    """Built while the router chose the replica, run on the primary: the ids come from the primary too."""
    from django.db import connections

    from portal import db_router

    monkeypatch.setitem(connections.settings, "replica", connections.settings["default"])
    monkeypatch.setattr(db_router, "replica_reachable", lambda: True)
    token = db_router._public_read.set(True)
    try:
        built = Offer.objects.in_municipality(unna)
    finally:
        db_router._public_read.reset(token)
    new = OfferFactory(locations=[LocationFactory(municipality=unna)])
    assert list(built.using("default")) == [new]  # asking the replica would fail: tests may not


@pytest.mark.parametrize("most", [{}, HASHED, EXISTS], ids=["listed", "hashed", "exists"])
def test_a_town_queryset_pickles_and_nests_with_its_ids_listed_hashed_or_its_exists(unna, monkeypatch, most):
    """The EXISTS is built and resolved only when the SQL is written, against the query written then: inside
    two subqueries as well as alone, and after a pickle (which the EXISTS built at once did not survive).
    Listed, hashed or an EXISTS, the town's offers are the same."""
    for name, value in most.items():
        monkeypatch.setattr(f"offers.models.{name}", value)
    held = [OfferFactory(locations=[LocationFactory(municipality=unna)]) for _ in range(3)]
    OfferFactory(locations=[LocationFactory()])
    town = Offer.objects.in_municipality(unna).order_by("pk")
    inner = Offer.objects.filter(pk__in=town.values("pk"))
    with CaptureQueriesContext(connection) as captured:
        nested = Offer.objects.filter(pk__in=inner.values("pk")).filter(pk__in=town.values("pk")).order_by("pk")
        assert list(nested) == held
    assert ways_written(captured) == ways_expected(most)
    assert list(pickle.loads(pickle.dumps(town))) == held  # noqa: S301 (our own bytes)
