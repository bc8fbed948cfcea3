"""A changed German text makes its translations outdated; staff see it and can confirm them."""

import pytest
from django.urls import reverse

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
    client.post(reverse("admin:offers_offer_changelist"), {"action": "mark_translation_checked_ar", "_selected_action": [offer.pk]})
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
    assert {key: rows["ar"][key] for key in ("complete", "missing", "outdated")} == {"complete": 0, "missing": 1, "outdated": 1}
    assert {key: rows["tr"][key] for key in ("complete", "missing", "outdated")} == {"complete": 0, "missing": 2, "outdated": 0}
    page = response.content.decode()
    assert "translation_outdated=ar" in page and "translation_missing=tr" in page
    outdated = client.get(reverse("admin:offers_offer_changelist"), {"translation_outdated": "ar"})
    assert list(outdated.context["cl"].queryset) == [changed]
