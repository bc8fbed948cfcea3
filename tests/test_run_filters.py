"""The list's URL contract for time and room: starts_within, places, age, sort=next_start (SQLite and PostgreSQL)."""

import re

import pytest
from django.utils import translation
from django.utils.formats import date_format

from offers.factories import CourseRunFactory, LocationFactory, OfferFactory

from .listing import days, titles

pytestmark = pytest.mark.django_db


@pytest.fixture
def courses(unna):
    def offer(title, *runs, **fields):
        created = OfferFactory(title_de=title, locations=[LocationFactory(municipality=unna)], **fields)
        for run in runs:
            CourseRunFactory(offer=created, **run)
        return created

    offer("Anfang in drei Wochen", {"start_date": days(21), "free_places": 4})
    offer("Anfang morgen, voll", {"start_date": days(1), "free_places": 0})
    offer("Läuft, Einstieg jederzeit", {"start_date": days(-30), "rolling_entry": True, "free_places": 2})
    offer("Anfang in zehn Wochen", {"start_date": days(70), "free_places": 9, "places_reported_on": days(-20)})
    offer("Abgesagt nächste Woche", {"start_date": days(7), "is_cancelled": True})
    offer("Ohne Termine", min_age=18, max_age=27)
    offer("Vorbei", {"start_date": days(-90), "end_date": days(-2), "free_places": 5})


def test_starts_within_weeks(client, courses):
    found = titles(client.get("/de/offers/", {"municipality": "unna", "starts_within": "4"}))
    assert sorted(found) == ["Anfang in drei Wochen", "Anfang morgen, voll", "Läuft, Einstieg jederzeit"]


def test_places_means_free_places_reported_in_the_last_14_days(client, courses):
    found = titles(client.get("/de/offers/", {"municipality": "unna", "places": "1"}))
    assert sorted(found) == ["Anfang in drei Wochen", "Läuft, Einstieg jederzeit"]


def test_age_is_in_the_form_now(client, courses):
    response = client.get("/de/offers/", {"municipality": "unna", "age": "30"})
    assert "Ohne Termine" not in titles(response)
    assert 'name="age" value="30"' in response.content.decode()
    assert "Ohne Termine" in titles(client.get("/de/offers/", {"municipality": "unna", "age": "20"}))


def test_sort_by_next_start_puts_offers_without_one_last(client, courses):
    found = titles(client.get("/de/offers/", {"municipality": "unna", "sort": "next_start"}))
    # Running with rolling entry: joinable today; cancelled and over count as none (then by title).
    assert found == [
        "Läuft, Einstieg jederzeit",
        "Anfang morgen, voll",
        "Anfang in drei Wochen",
        "Anfang in zehn Wochen",
        "Abgesagt nächste Woche",
        "Ohne Termine",
        "Vorbei",
    ]
    assert titles(client.get("/de/offers/", {"municipality": "unna"}))[0] == "Abgesagt nächste Woche"  # by title


def test_places_and_next_start_together_in_arabic(client, courses):
    found = titles(client.get("/ar/offers/", {"municipality": "unna", "places": "1", "sort": "next_start"}))
    assert found == ["Läuft, Einstieg jederzeit", "Anfang in drei Wochen"]


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"starts_within": "zwei"}, "Bitte eine Zahl von Wochen zwischen 1 und 52 angeben."),
        ({"starts_within": "0"}, "Bitte eine Zahl von Wochen zwischen 1 und 52 angeben."),
        ({"starts_within": "999999999999999999999"}, "Bitte eine Zahl von Wochen zwischen 1 und 52 angeben."),
        ({"age": "-3"}, "Bitte ein Alter zwischen 0 und 120 Jahren angeben."),
        ({"age": "1e3"}, "Bitte ein Alter zwischen 0 und 120 Jahren angeben."),
        (
            {"sort": "price"},
            "Diese Sortierung gibt es nicht: beste Treffer zuerst, nach Titel oder nach nächstem Kursbeginn.",
        ),
        ({"places": "2"}, "Diese Angabe im Link kennen wir nicht. Wir haben sie nicht berücksichtigt."),
        ({"places": "x"}, "Diese Angabe im Link kennen wir nicht. Wir haben sie nicht berücksichtigt."),
    ],
)
def test_a_bad_value_gets_the_forms_message_and_the_rest_of_the_list(client, courses, query, message):
    response = client.get("/de/offers/", {"municipality": "unna", **query})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert len(titles(response)) == 7  # the wrong value is left out, the town still applies


def test_every_earlier_parameter_still_works_beside_the_new_ones(client, courses):
    response = client.get(
        "/de/offers/",
        {"municipality": "unna", "free": "1", "childcare": "1", "places": "1", "starts_within": "8", "page": "1"},
    )
    assert response.status_code == 200 and titles(response) == []
    assert "Nur mit freien Plätzen" in response.content.decode()


@pytest.fixture
def one_run_each(unna):
    """Finding 1: a run starting soon but full, and a run with places starting in 16 weeks, on one offer."""
    split = OfferFactory(title_de="Bald voll, später frei", locations=[LocationFactory(municipality=unna)])
    CourseRunFactory(offer=split, start_date=days(7), free_places=0, has_waiting_list=True)
    CourseRunFactory(offer=split, start_date=days(112), free_places=6)
    both = OfferFactory(title_de="Bald und frei", locations=[LocationFactory(municipality=unna)])
    CourseRunFactory(offer=both, start_date=days(10), free_places=3)
    later = OfferFactory(title_de="Frei in acht Wochen", locations=[LocationFactory(municipality=unna)])
    CourseRunFactory(offer=later, start_date=days(56), free_places=3)


def test_starts_within_and_places_need_one_run_with_both(client, one_run_each):
    found = titles(client.get("/de/offers/", {"municipality": "unna", "starts_within": "2", "places": "1"}))
    assert found == ["Bald und frei"]


def test_next_start_orders_by_the_run_the_filters_matched(client, one_run_each):
    found = titles(client.get("/de/offers/", {"municipality": "unna", "places": "1", "sort": "next_start"}))
    # the full run in a week does not count: the split offer's run with places starts in 16 weeks
    assert found == ["Bald und frei", "Frei in acht Wochen", "Bald voll, später frei"]


def next_run_lines(response):
    """Each card's "Nächster Termin" line, tags removed, in the order shown."""
    assert response.status_code == 200
    lines = re.findall(r'<p class="next-run">(.*?)</p>', response.content.decode(), re.S)
    return [" ".join(re.sub(r"<[^>]+>", " ", line).split()).replace(" )", ")") for line in lines]


@pytest.fixture
def full_then_free(unna):
    """Next week full, in three weeks places reported a month ago, in ten weeks 5 places reported today."""
    offer = OfferFactory(title_de="Deutschkurs", locations=[LocationFactory(municipality=unna)])
    CourseRunFactory(offer=offer, start_date=days(7), end_date=days(100), free_places=0)
    CourseRunFactory(offer=offer, start_date=days(21), end_date=days(120), free_places=3, places_reported_on=days(-30))
    CourseRunFactory(offer=offer, start_date=days(70), end_date=days(200), free_places=5)
    return offer


def shown(start, end, places):
    return f"Nächster Termin: {date_format(start, 'j. F Y')} – {date_format(end, 'j. F Y')} · {places}"


@pytest.mark.parametrize(
    ("query", "run"),
    [
        ({}, (days(7), days(100), f"Ausgebucht (Stand {date_format(days(0), 'j. F Y')})")),
        ({"places": "1"}, (days(70), days(200), f"5 freie Plätze (Stand {date_format(days(0), 'j. F Y')})")),
        ({"starts_within": "4"}, (days(7), days(100), f"Ausgebucht (Stand {date_format(days(0), 'j. F Y')})")),
        (
            {"starts_within": "12", "places": "1"},
            (days(70), days(200), f"5 freie Plätze (Stand {date_format(days(0), 'j. F Y')})"),
        ),
        (
            {"places": "1", "sort": "next_start"},
            (days(70), days(200), f"5 freie Plätze (Stand {date_format(days(0), 'j. F Y')})"),
        ),
    ],
)
def test_the_card_shows_the_run_that_matched_the_filter(client, full_then_free, query, run):
    with translation.override("de"):
        expected = shown(*run)
    assert next_run_lines(client.get("/de/offers/", {"municipality": "unna", **query})) == [expected]


def test_a_run_in_time_and_a_run_with_places_are_not_one_run(client, full_then_free):
    assert titles(client.get("/de/offers/", {"municipality": "unna", "starts_within": "4", "places": "1"})) == []


def test_cards_from_the_cached_results_show_the_matching_run_too(client, full_then_free):
    query = {"municipality": "unna", "places": "1"}
    first = next_run_lines(client.get("/de/offers/", query))
    with translation.override("de"):
        assert first == [shown(days(70), days(200), f"5 freie Plätze (Stand {date_format(days(0), 'j. F Y')})")]
    client.cookies["sessionid"] = "a-visitor-with-a-session"  # their own HTML, from the cached ids
    assert next_run_lines(client.get("/de/offers/", query)) == first


def test_a_kept_card_of_the_unfiltered_list_is_not_shown_on_a_filtered_one(client, full_then_free):
    """Cards are kept and reused across lists (offers/cards.py): a filtered list's card shows its own run."""
    with translation.override("de"):
        full = shown(days(7), days(100), f"Ausgebucht (Stand {date_format(days(0), 'j. F Y')})")
        free = shown(days(70), days(200), f"5 freie Plätze (Stand {date_format(days(0), 'j. F Y')})")
    for query, expected in [
        ({}, full),
        ({"places": "1"}, free),
        ({"starts_within": "12", "places": "1"}, free),
        ({"category": full_then_free.category.slug}, full),
        ({"places": "1", "category": full_then_free.category.slug}, free),
    ]:
        assert next_run_lines(client.get("/de/offers/", {"municipality": "unna", **query})) == [expected], query


@pytest.mark.parametrize("runs", [None, {"places": True}])
def test_next_start_order_of_offers_that_cannot_match_is_empty(courses, runs):
    """A filter the ORM knows matches nothing (no ids) gives an empty list, not an error, also where the first
    page is read from the order's bands (PostgreSQL)."""
    from offers.models import Offer

    assert list(Offer.objects.filter(pk__in=[]).order_by_next_start(first=20, runs=runs)) == []
    assert list(Offer.objects.published().order_by_next_start(first=20, runs=runs))  # the courses themselves
