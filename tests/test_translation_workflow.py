"""A changed German text makes its translations outdated; staff see it and can confirm them."""

import re
import xml.etree.ElementTree as ET

import pytest
from django.core.management import call_command
from django.urls import reverse

from offers import xliff
from offers.factories import LocationFactory, OfferFactory
from offers.models import Offer

pytestmark = pytest.mark.django_db


@pytest.fixture
def offer(unna):
    return OfferFactory(
        title_de="Sprachcafé",
        summary_de="Jeden Mittwoch.",
        title_ar="مقهى اللغة",
        summary_ar="كل أربعاء.",
        title_en="Language café",
        summary_en="Every Wednesday.",
        locations=[LocationFactory(municipality=unna)],
    )


def test_changing_the_german_text_makes_translations_outdated(offer):
    assert offer.translation_states()["ar"] == "complete"
    offer = Offer.objects.get(pk=offer.pk)
    offer.summary_de = "Jeden Mittwoch und Freitag."
    offer.save()
    states = Offer.objects.get(pk=offer.pk).translation_states()
    assert (states["ar"], states["en"], states["tr"]) == ("outdated", "outdated", "missing")
    assert set(Offer.objects.translation_outdated("ar")) == {offer}


def test_rewriting_the_translation_makes_it_current_again(offer):
    offer = Offer.objects.get(pk=offer.pk)
    offer.summary_de = "Jeden Mittwoch und Freitag."
    offer.save()
    offer = Offer.objects.get(pk=offer.pk)
    offer.summary_ar = "كل أربعاء وجمعة."
    offer.save()
    states = Offer.objects.get(pk=offer.pk).translation_states()
    assert (states["ar"], states["en"]) == ("complete", "outdated")


def test_editing_only_one_field_keeps_the_others_outdated(offer):
    offer = Offer.objects.get(pk=offer.pk)
    offer.title_de = "Sprachtreff"
    offer.summary_de = "Jeden Freitag."
    offer.save()
    offer = Offer.objects.get(pk=offer.pk)
    offer.title_ar = "ملتقى اللغة"
    offer.save()
    assert Offer.objects.get(pk=offer.pk).translation_states()["ar"] == "outdated"


def test_public_site_shows_an_outdated_translation_as_it_is(client, offer):
    offer = Offer.objects.get(pk=offer.pk)
    offer.summary_de = "Jeden Mittwoch und Freitag."
    offer.save()
    page = client.get(f"/ar/offers/{offer.pk}-{offer.slug}/").content.decode()
    assert "كل أربعاء." in page
    assert 'class="notice"' not in page


def test_staff_mark_a_language_checked(client, ki_editor, offer):
    offer = Offer.objects.get(pk=offer.pk)
    offer.summary_de = "Jeden Mittwoch und Freitag."
    offer.save()
    client.force_login(ki_editor)
    client.post(
        reverse("admin:offers_offer_changelist"),
        {"action": "mark_translation_checked_ar", "_selected_action": [offer.pk]},
    )
    states = Offer.objects.get(pk=offer.pk).translation_states()
    assert (states["ar"], states["en"]) == ("complete", "outdated")


def test_translation_overview_counts_published_offers_per_language(client, ki_editor, offer, unna):
    OfferFactory(title_de="Nur Deutsch", summary_de="Kurz", locations=[LocationFactory(municipality=unna)])
    OfferFactory(title_de="Entwurf", status=Offer.Status.DRAFT)
    changed = Offer.objects.get(pk=offer.pk)
    changed.title_de = "Sprachtreff"
    changed.save()
    client.force_login(ki_editor)
    response = client.get(reverse("admin:offers_offer_translations"))
    assert response.status_code == 200
    rows = {row["language"]: row for row in response.context["rows"]}
    assert {key: rows["ar"][key] for key in ("complete", "missing", "outdated")} == {
        "complete": 0,
        "missing": 1,
        "outdated": 1,
    }
    assert {key: rows["tr"][key] for key in ("complete", "missing", "outdated")} == {
        "complete": 0,
        "missing": 2,
        "outdated": 0,
    }
    page = response.content.decode()
    assert "translation_outdated=ar" in page and "translation_missing=tr" in page
    outdated = client.get(reverse("admin:offers_offer_changelist"), {"translation_outdated": "ar"})
    assert list(outdated.context["cl"].queryset) == [changed]


def badges(client):
    """{offer id: {language: state}} as the list's "Übersetzt" column shows them."""
    page = client.get(reverse("admin:offers_offer_changelist")).content.decode()
    shown = {}
    for row in page.split("<tr")[1:]:
        link = re.search(r"/admin/offers/offer/(\d+)/change/", row)
        if link:
            states = re.findall(r'<span class="(\w+)" title="[^"]*">([A-Z]{2})</span>', row)
            shown[int(link[1])] = {code.lower(): state for state, code in states}
    return shown


def listed(client, parameter, language):
    response = client.get(reverse("admin:offers_offer_changelist"), {parameter: language})
    return {offer.pk for offer in response.context["cl"].queryset}


def test_filters_badges_and_overview_agree_where_texts_and_status_could_differ(client, ki_editor, offer, unna):
    OfferFactory(title_de="Nur Deutsch", summary_de="Kurz", locations=[LocationFactory(municipality=unna)])
    # A translated title, an untranslated summary: missing, though one column is filled.
    OfferFactory(
        title_de="Nähcafé",
        summary_de="Freitags.",
        title_ar="مقهى الخياطة",
        locations=[LocationFactory(municipality=unna)],
    )
    changed = Offer.objects.get(pk=offer.pk)
    changed.summary_de = "Jeden Mittwoch und Freitag."
    changed.save()  # outdated in ar and en, yet every column is filled
    # A write past save() (a bulk update): the texts now lack an Arabic summary, the status
    # still says complete. Staff see one answer, the status's, everywhere.
    stale = OfferFactory(
        title_de="Kochtreff",
        summary_de="Dienstags.",
        title_ar="لقاء الطبخ",
        summary_ar="الثلاثاء.",
        locations=[LocationFactory(municipality=unna)],
    )
    Offer.objects.filter(pk=stale.pk).update(summary_ar="")
    client.force_login(ki_editor)

    shown = badges(client)
    assert len(shown) == 4
    overview = {row["language"]: row for row in client.get(reverse("admin:offers_offer_translations")).context["rows"]}
    for code in ("en", "tr", "ar", "ru", "uk"):
        for parameter, state in (("translation_missing", "missing"), ("translation_outdated", "outdated")):
            badged = {pk for pk, states in shown.items() if states[code] == state}
            assert listed(client, parameter, code) == badged, (code, state)
            assert overview[code][state] == len(badged), (code, state)
    assert shown[stale.pk]["ar"] == "complete" and stale.pk not in listed(client, "translation_missing", "ar")
    assert (shown[changed.pk]["ar"], shown[changed.pk]["tr"]) == ("outdated", "missing")


def test_every_write_path_stores_the_state_its_texts_have(client, ki_editor):
    """Demo catalogue (save()), synthetic offers (bulk_create), XLIFF import and the "checked" action."""

    def stale():
        return [offer.pk for offer in Offer.objects.all() if offer.translation_status != offer.translation_states()]

    call_command("load_demo")
    call_command("load_demo", "--scale", "20", "--municipalities", "10")
    assert Offer.objects.translation_missing("tr").exists() and not stale()

    for offer in Offer.objects.in_translation_state("tr", Offer.TranslationState.COMPLETE)[:2]:
        offer.title_de = f"{offer.title_de} (neu)"
        offer.save()
    exported = ET.fromstring(xliff.export_xliff(Offer.objects.needing_translation("tr").order_by("pk")[:4], "tr"))
    for target in exported.iter(f"{{{xliff.NS}}}target"):
        target.text = f"Çeviri {target.text or ''}"
    plan = xliff.plan_import(ET.tostring(exported, encoding="utf-8"))
    assert plan.ok
    xliff.apply_import(plan)
    assert not stale()

    outdated = [offer.pk for offer in Offer.objects.translation_outdated("tr")]
    assert outdated
    client.force_login(ki_editor)
    client.post(
        reverse("admin:offers_offer_changelist"),
        {"action": "mark_translation_checked_tr", "_selected_action": outdated},
    )
    assert not Offer.objects.translation_outdated("tr").filter(pk__in=outdated).exists()
    assert not stale()
