"""Issue 14 acceptance findings 3, 4, 6, 12: what a card and the handout say about an offer's runs."""

import re

import pytest
from django.utils import translation
from django.utils.formats import date_format

from offers.factories import CourseRunFactory, LocationFactory, OfferFactory

from .listing import days

pytestmark = pytest.mark.django_db


def text(response):
    assert response.status_code == 200
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", response.content.decode()))


def card_and_handout(client, offer):
    card = text(client.get("/de/offers/", {"municipality": "unna"}))
    handout = text(client.get(f"/de/handout/?offers={offer.pk}&client=de"))
    return card, handout


def test_a_dateless_run_shows_its_note_not_an_empty_next_date(client, unna):
    offer = OfferFactory(title_de="Beratung", locations=[LocationFactory(municipality=unna)])
    CourseRunFactory(offer=offer, start_date=None, end_date=None, note_de="Dienstags nach Absprache")
    card, handout = card_and_handout(client, offer)
    for page in (card, handout):
        assert "Dienstags nach Absprache" in page
        assert "Nächster Termin:" not in page and "Nächste Termine" not in page


def test_a_dateless_run_without_a_note_shows_nothing(client, unna):
    offer = OfferFactory(title_de="Beratung", locations=[LocationFactory(municipality=unna)])
    CourseRunFactory(offer=offer, start_date=None, end_date=None, note_de="")
    card, handout = card_and_handout(client, offer)
    for page in (card, handout):
        assert "Nächster Termin" not in page and "Nächste Termine" not in page


def test_runs_all_over_say_no_dates_on_the_card_and_in_the_handout(client, unna):
    offer = OfferFactory(title_de="Vorbei", locations=[LocationFactory(municipality=unna)])
    CourseRunFactory(offer=offer, start_date=days(-90), end_date=days(-2))
    card, handout = card_and_handout(client, offer)
    assert "Zurzeit keine Termine." in card
    assert "Zurzeit keine Termine." in handout


def test_the_handouts_runs_are_one_term_with_several_descriptions(client, unna):
    offer = OfferFactory(title_de="Zwei Kurse", locations=[LocationFactory(municipality=unna)])
    CourseRunFactory(offer=offer, start_date=days(10), end_date=None)
    CourseRunFactory(offer=offer, start_date=days(40), end_date=None)
    page = client.get(f"/de/handout/?offers={offer.pk}&client=de").content.decode()
    assert "<dt></dt>" not in page
    block = re.search(r"<dt>Nächste Termine</dt>((?:<dd[^>]*>.*?</dd>)+)", page)
    assert block and block.group(1).count('<dd class="handout-run">') == 2


def test_a_running_course_with_rolling_entry_does_not_show_its_past_start(client, unna):
    offer = OfferFactory(title_de="Läuft", locations=[LocationFactory(municipality=unna)])
    start = days(-40)
    CourseRunFactory(offer=offer, start_date=start, end_date=days(100), rolling_entry=True)
    card, handout = card_and_handout(client, offer)
    for page in (card, handout):
        assert "läuft, Einstieg jederzeit möglich" in page
        with translation.override("de"):
            assert date_format(start, "DATE_FORMAT") not in page  # the start is past: not a next date


def test_an_offer_whose_runs_were_all_deleted_says_nothing_about_dates(client, unna):
    """The card's "no dates at the moment" comes from the stored run dates: deleting the last run removes them."""
    offer = OfferFactory(title_de="Früher mit Terminen", locations=[LocationFactory(municipality=unna)])
    run = CourseRunFactory(offer=offer, start_date=days(-90), end_date=days(-2))
    assert "Zurzeit keine Termine." in card_and_handout(client, offer)[0]
    run.delete()
    card, handout = card_and_handout(client, offer)
    assert "Zurzeit keine Termine." not in card and "Zurzeit keine Termine." not in handout
    assert "Zurzeit keine Termine." not in client.get(offer.get_absolute_url()).content.decode()
