"""Course runs: validation with clear messages, their state, and what visitors see of them."""

import datetime
import re

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from offers.factories import CourseRunFactory, LocationFactory, OfferFactory
from offers.models import FEW_PLACES, CourseRun, Offer

from .listing import TODAY, days

pytestmark = pytest.mark.django_db


def field_errors(instance):
    with pytest.raises(ValidationError) as caught:
        instance.full_clean()
    return caught.value.message_dict


def text(response):
    """The page's visible text, tags removed, whitespace collapsed."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


# Validation


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"start_date": days(10), "end_date": days(9)}, "end_date", "Das Ende liegt vor dem Beginn."),
        (
            {"max_places": 12, "free_places": 13},
            "free_places",
            "Es sind mehr freie Plätze angegeben (13) als Plätze insgesamt (12).",
        ),
        (
            {"start_date": days(10), "registration_deadline": days(11)},
            "registration_deadline",
            "Der Anmeldeschluss liegt nach dem Beginn (außer bei „Einstieg jederzeit möglich“).",
        ),
        (
            {"class_start": datetime.time(12), "class_end": datetime.time(8, 45)},
            "class_end",
            "Der Unterricht endet vor seinem Beginn.",
        ),
        (
            {"class_start": datetime.time(8), "class_end": None},
            "class_end",
            "Bitte Beginn und Ende des Unterrichts gemeinsam angeben.",
        ),
    ],
)
def test_inconsistent_runs_are_refused_with_a_clear_message(fields, field, message):
    run = CourseRunFactory.build(offer=OfferFactory(), **fields)
    assert field_errors(run) == {field: [message]}


def test_a_rolling_entry_run_may_take_registrations_after_its_start():
    CourseRunFactory.build(
        offer=OfferFactory(), start_date=days(-20), registration_deadline=days(30), rolling_entry=True
    ).full_clean()


def test_the_location_must_be_one_of_the_offers():
    own = LocationFactory()
    offer = OfferFactory(provider=own.provider, locations=[own])
    elsewhere = LocationFactory()
    run = CourseRunFactory.build(offer=offer, location=elsewhere)
    assert field_errors(run) == {
        "location": ["Dieser Ort gehört nicht zum Angebot. Bitte einen der Orte des Angebots wählen."]
    }
    run.location = own
    run.full_clean()


def test_the_database_refuses_inconsistent_runs_too():
    for fields in (
        {"start_date": days(5), "end_date": days(4)},
        {"max_places": 10, "free_places": 11},
        {"class_start": datetime.time(12), "class_end": datetime.time(9)},
    ):
        with pytest.raises(IntegrityError), transaction.atomic():
            CourseRunFactory(**fields)


# State


@pytest.mark.parametrize(
    ("fields", "state"),
    [
        ({"free_places": FEW_PLACES + 1}, CourseRun.State.OPEN),
        ({"free_places": FEW_PLACES}, CourseRun.State.FEW),
        ({"free_places": 0, "has_waiting_list": True}, CourseRun.State.WAITING_LIST),
        ({"free_places": 0}, CourseRun.State.FULL),
        ({"free_places": 8, "places_reported_on": days(-15)}, CourseRun.State.ASK),
        ({"free_places": 8, "places_reported_on": days(-14)}, CourseRun.State.OPEN),
        ({"free_places": None}, CourseRun.State.ASK),
        ({"is_cancelled": True}, CourseRun.State.CANCELLED),
        ({"start_date": days(-100), "end_date": days(-1)}, CourseRun.State.OVER),
        ({"start_date": days(-3), "end_date": None}, CourseRun.State.OVER),
        ({"start_date": days(-3), "end_date": None, "rolling_entry": True}, CourseRun.State.OPEN),
    ],
)
def test_a_runs_state(fields, state):
    assert CourseRunFactory.build(**fields).state(TODAY) == state


def test_upcoming_and_reported_places_querysets_agree_with_the_state():
    CourseRunFactory(start_date=days(-100), end_date=days(-1))  # over
    running = CourseRunFactory(start_date=days(-10), end_date=days(60), free_places=0)
    soon = CourseRunFactory(start_date=days(7), free_places=3)
    stale = CourseRunFactory(start_date=days(7), places_reported_on=days(-20))
    cancelled = CourseRunFactory(start_date=days(7), is_cancelled=True)
    undated = CourseRunFactory(start_date=None, end_date=None)
    assert set(CourseRun.objects.upcoming(TODAY)) == {running, soon, stale, cancelled, undated}
    assert set(CourseRun.objects.with_reported_places(TODAY)) == {soon, undated}
    assert set(CourseRun.objects.starting_within(2, TODAY)) == {soon, stale}
    assert set(CourseRun.objects.figures_outdated(TODAY)) == {stale}


def test_class_times_are_written_the_languages_way():
    run = CourseRunFactory.build(
        weekdays=[1, 2, 3, 4, 5], class_start=datetime.time(8, 45), class_end=datetime.time(12)
    )
    assert run.class_times("de") == "Mo–Fr 8:45–12:00"
    assert run.class_times("en") == "Mo–Fr 8:45\u202fAM–12:00\u202fPM"  # CLDR's narrow no-break space
    assert run.class_times("uk") == "пн–пт 8:45–12:00"
    run.weekdays = [1, 3, 4]
    assert run.class_times("de") == "Mo, Mi und Do 8:45–12:00"


# Public pages


def detail(client, offer, language="de"):
    return client.get(f"/{language}/offers/{offer.pk}-{offer.slug}/")


def test_the_detail_page_lists_upcoming_runs_with_times_place_and_dated_places(client, django_user_model):
    location = LocationFactory(name="Haus am Markt")
    offer = OfferFactory(provider=location.provider, locations=[location])
    reporter = django_user_model.objects.create_user("melderin-lindenhof", is_staff=True)
    CourseRunFactory(
        offer=offer,
        start_date=datetime.date(2030, 2, 4),
        end_date=datetime.date(2030, 7, 26),
        location=location,
        free_places=12,
        places_reported_on=TODAY,
        places_reported_by=reporter,
    )
    CourseRunFactory(offer=offer, start_date=datetime.date(2030, 9, 2), free_places=5, places_reported_on=days(-20))
    CourseRunFactory(offer=offer, start_date=datetime.date(2030, 11, 4), free_places=0, has_waiting_list=True)
    CourseRunFactory(offer=offer, start_date=datetime.date(2031, 1, 6), is_cancelled=True)
    CourseRunFactory(offer=offer, start_date=days(-200), end_date=days(-1), note_de="Längst vorbei")
    page = text(detail(client, offer))
    assert "4. Februar 2030 – 26. Juli 2030" in page
    assert "Mo–Fr 8:45–12:00" in page
    assert "Haus am Markt" in page
    assert f"12 freie Plätze (Stand {TODAY.day}." in page
    assert "Plätze Stand" in page and "bitte nachfragen" in page  # the figure from 20 days ago
    assert "5 freie Plätze" not in page
    assert "Ausgebucht, Warteliste" in page
    assert "Abgesagt" in page
    assert "Längst vorbei" not in page
    assert "melderin-lindenhof" not in detail(client, offer).content.decode()  # the reporter: admin only


def test_an_offer_whose_runs_are_all_over_says_so(client):
    offer = OfferFactory(locations=[LocationFactory()])
    CourseRunFactory(offer=offer, start_date=days(-200), end_date=days(-1))
    assert "Zurzeit keine Termine." in text(detail(client, offer))
    CourseRunFactory(offer=offer, start_date=days(-30), end_date=None, rolling_entry=True)
    assert "Zurzeit keine Termine." not in text(detail(client, offer))
    assert "Einstieg jederzeit möglich" in text(detail(client, offer))


def test_the_cached_page_does_not_show_yesterdays_runs(client, monkeypatch):
    offer = OfferFactory(locations=[LocationFactory()])
    CourseRunFactory(offer=offer, start_date=days(-30), end_date=TODAY, note_de="Letzter Kurstag heute")
    assert "Letzter Kurstag heute" in text(detail(client, offer))
    tomorrow = timezone.now() + datetime.timedelta(days=1)
    monkeypatch.setattr(timezone, "now", lambda: tomorrow)  # the one clock of runs and hours alike
    page = text(detail(client, offer))  # same catalogue version, next day
    assert "Letzter Kurstag heute" not in page and "Zurzeit keine Termine." in page


def test_cards_show_the_next_run_with_its_places_in_german_and_arabic(client, unna):
    location = LocationFactory(municipality=unna)
    offer = OfferFactory(locations=[location], title_de="Integrationskurs Mitte")
    CourseRunFactory(offer=offer, start_date=days(-400), end_date=days(-200))
    CourseRunFactory(offer=offer, start_date=days(3), end_date=None, is_cancelled=True)
    CourseRunFactory(offer=offer, start_date=datetime.date(2030, 2, 4), end_date=None, free_places=2)
    german = text(client.get("/de/offers/?municipality=unna"))
    assert "Nächster Termin: ab 4. Februar 2030 · Nur noch 2 freie Plätze (Stand" in german
    arabic = client.get("/ar/offers/?municipality=unna").content.decode()
    assert '<time datetime="2030-02-04">' in arabic and "فبراير" in arabic


def test_a_run_ics_is_not_offered_for_drafts(client):
    run = CourseRunFactory(offer=OfferFactory(status=Offer.Status.DRAFT))
    assert client.get(f"/de/runs/{run.pk}.ics").status_code == 404
