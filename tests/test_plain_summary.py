"""An optional summary "in einfacher Sprache" stands first on the offer page, in the visitor's language."""

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from offers.factories import OfferFactory
from offers.models import Offer

pytestmark = pytest.mark.django_db


def page(client, offer, code="de"):
    with translation.override(code):
        address = offer.get_absolute_url()
    return client.get(address).content.decode()


def test_the_plain_summary_stands_first_under_its_heading(client):
    offer = OfferFactory(
        summary_de="Allgemeiner Integrationskurs mit 700 Unterrichtseinheiten.",
        plain_summary_de="Sie lernen Deutsch. Sie brauchen einen Berechtigungsschein.",
        phone="02303 555-101",
    )
    html = page(client, offer)
    heading = html.index('<h2 id="plain-summary-heading">In einfacher Sprache</h2>')
    assert html.index("<h1") < heading < html.index("Anrufen") < html.index('<p class="lead">Allgemeiner')
    assert "<p>Sie lernen Deutsch. Sie brauchen einen" in html
    # Its words are explained like every other text of the page.
    assert '<a class="term" href="/de/glossary/#berechtigungsschein"' in html


def test_the_plain_summary_speaks_the_visitors_language_or_german_marked_as_such(client):
    offer = OfferFactory(
        plain_summary_de="Hilfe bei Briefen vom Amt.",
        plain_summary_ar="مساعدة في رسائل الدوائر الرسمية.",
    )
    arabic = page(client, offer, "ar")
    assert '<h2 id="plain-summary-heading">بلغة بسيطة</h2>' in arabic
    assert '<div class="text"><p>مساعدة في رسائل الدوائر الرسمية.</p></div>' in arabic
    russian = page(client, offer, "ru")
    assert '<h2 id="plain-summary-heading">Простым языком</h2>' in russian
    assert '<div class="text" lang="de" dir="ltr"><p>Hilfe bei Briefen vom Amt.</p></div>' in russian


def test_an_offer_without_plain_summary_shows_no_empty_section(client):
    html = page(client, OfferFactory())
    assert "plain-summary" not in html


def test_the_plain_summary_is_part_of_the_translation_workflow():
    offer = OfferFactory(
        title_de="Sprachcafé", summary_de="Jeden Mittwoch.", title_en="Language café", summary_en="Every Wednesday."
    )
    assert offer.translation_status["en"] == "complete"
    offer.plain_summary_de = "Jeden Mittwoch Deutsch sprechen."
    offer.save()
    assert Offer.objects.translation_missing("en").filter(pk=offer.pk).exists()
    offer.plain_summary_en = "Speak German every Wednesday."
    offer.save()
    assert Offer.objects.get(pk=offer.pk).translation_status["en"] == "complete"
    offer.plain_summary_de = "Jeden Mittwoch um 17 Uhr Deutsch sprechen."
    offer.save()
    assert Offer.objects.translation_outdated("en").filter(pk=offer.pk).exists()


def test_ki_editors_write_it_in_the_admin_with_a_help_text(client, ki_editor):
    client.force_login(ki_editor)
    html = client.get(reverse("admin:offers_offer_add")).content.decode()
    assert 'name="plain_summary_de"' in html
    assert 'name="plain_summary_uk"' in html
    assert "Steht auf der Angebotsseite ganz oben." in html


def test_demo_offers_carry_plain_summaries_in_german_and_other_languages(client):
    call_command("load_demo")
    offers = Offer.objects.exclude(plain_summary_de="")
    assert offers.count() >= 3
    assert offers.exclude(plain_summary_ar="").exclude(plain_summary_uk="").count() >= 2
    offer = offers.exclude(plain_summary_tr="").first()
    html = page(client, offer, "tr")
    assert '<h2 id="plain-summary-heading">Sade dille</h2>' in html
    assert f"<p>{offer.plain_summary_tr.split(':')[0]}" in html
