"""The German back office speaks German: history, comparison, restore and the selection widget."""

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import django
import pytest
import reversion
from django.urls import reverse
from reversion.models import Version

from offers.factories import LocationFactory, OfferFactory, ProviderFactory, TargetGroupFactory
from offers.models import Category, Location, Offer

pytestmark = pytest.mark.django_db

# What django-reversion-compare's templates say where no German translation is found.
ENGLISH = [
    "compare",
    "Revert to this version",
    "Go back to history list",
    "previous",
    "next",
    "Field didn't exist",
    "changed to:",
    "time since that date:",
    "add:",
    "remove:",
    "Note:",
    "More info:",
    "reversion control",
]


class VisibleText(HTMLParser):
    """The text a reader sees: element contents and the labels of buttons and fields."""

    def __init__(self):
        super().__init__()
        self.parts = []
        self.hidden = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.hidden += 1
        for name, value in attrs:
            if name in ("title", "placeholder", "aria-label", "alt") or (
                name == "value" and tag == "input" and dict(attrs).get("type") == "submit"
            ):
                self.parts.append(value or "")

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self.hidden -= 1

    def handle_data(self, data):
        if not self.hidden:
            self.parts.append(data)


def visible_text(response):
    parser = VisibleText()
    parser.feed(response.content.decode())
    return " ".join(" ".join(parser.parts).split())


def assert_german(response):
    assert response.status_code == 200
    text = visible_text(response)
    for english in ENGLISH:
        assert not re.search(rf"(?<!\w){re.escape(english)}(?!\w)", text, re.IGNORECASE), (english, text)
    assert "Konrolle" not in text


@pytest.fixture
def staff_client(client, ki_editor):
    client.force_login(ki_editor)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "de"
    return client


@pytest.fixture
def edited_offer(unna, luenen):
    """An offer whose category, provider, places and target groups all changed between two versions."""
    first_location = LocationFactory(municipality=unna)
    offer = OfferFactory(
        title_de="Sprachcafé",
        category=Category.objects.get(slug="beratung"),
        provider=first_location.provider,
        locations=[first_location],
        target_groups=[TargetGroupFactory()],
    )
    with reversion.create_revision():
        offer.save()
    second_location = LocationFactory(municipality=luenen)
    offer.title_de = "Sprachcafé am Mittwoch"
    offer.category = Category.objects.get(slug="freizeit-begegnung")
    offer.provider = second_location.provider
    offer.status = Offer.Status.DRAFT
    offer.women_only = True
    with reversion.create_revision():
        offer.save()
        offer.locations.set([second_location])
        offer.target_groups.set([TargetGroupFactory()])
    return offer


def compare_page(client, obj):
    versions = list(Version.objects.get_for_object(obj).order_by("pk"))
    return client.get(
        reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_compare", args=[obj.pk]),
        {"version_id1": versions[0].pk, "version_id2": versions[-1].pk},
    )


def test_history_compare_and_restore_pages_are_german(staff_client, edited_offer):
    with reversion.create_revision():
        edited_offer.save()  # a third version, so the comparison of the first two links onwards
    versions = list(Version.objects.get_for_object(edited_offer).order_by("pk"))
    history = staff_client.get(reverse("admin:offers_offer_history", args=[edited_offer.pk]))
    assert_german(history)
    assert "Vergleichen" in visible_text(history)

    compare = staff_client.get(
        reverse("admin:offers_offer_compare", args=[edited_offer.pk]),
        {"version_id1": versions[1].pk, "version_id2": versions[2].pk},
    )
    assert_german(compare)
    text = visible_text(compare)
    assert "Diese Version wiederherstellen" in text and "vorherige" in text.lower()
    assert "Zurück zur Historie" in text and "Geschichte" not in text

    assert_german(staff_client.get(reverse("admin:offers_offer_revision", args=[edited_offer.pk, versions[0].pk])))


def test_recover_pages_are_german(staff_client, edited_offer):
    edited_offer.delete()
    assert_german(staff_client.get(reverse("admin:offers_offer_recoverlist")))
    version = Version.objects.get_deleted(Offer).get()
    assert_german(staff_client.get(reverse("admin:offers_offer_recover", args=[version.pk])))


def test_comparing_offers_gives_no_warning_that_the_history_may_be_wrong(staff_client, edited_offer):
    page = compare_page(staff_client, edited_offer)
    assert_german(page)
    text = visible_text(page)
    # Every changed relation is shown, places with their old and new town …
    for heading in ("Kategorie", "Träger", "Orte", "Zielgruppen"):
        assert heading in text, heading
    assert "Unna" in text and "Lünen" in text
    # … a relation that did not change is not listed as changed …
    assert "Im ganzen Kreis" not in text
    # … and nothing is marked as outside version control.
    assert 'class="follow"' not in page.content.decode()
    assert "Versionsgeschichte" not in text


def test_comparing_locations_gives_no_warning_either(staff_client, unna, luenen):
    location = LocationFactory(municipality=unna, provider=ProviderFactory())
    with reversion.create_revision():
        location.save()
    location.municipality = luenen
    location.postal_code = luenen.postal_code_list()[0]
    with reversion.create_revision():
        location.save()
    page = compare_page(staff_client, Location.objects.get(pk=location.pk))
    assert_german(page)
    assert 'class="follow"' not in page.content.decode()
    assert "Lünen" in visible_text(page)


def javascript_catalogue(client):
    script = client.get(reverse("admin:jsi18n")).content.decode()
    return json.loads(re.search(r"const newcatalog = (\{.*?\});", script, re.S).group(1))


def test_selection_widget_speaks_german(staff_client):
    """Zielgruppen and Sprachen are picked in Django's two-list widget, labelled by its JavaScript."""
    widget = Path(django.__file__).parent / "contrib/admin/static/admin/js/SelectFilter2.js"
    texts = set(re.findall(r"gettext\((['\"])(.+?)\1\)", widget.read_text()))
    assert len(texts) > 10
    catalogue = javascript_catalogue(staff_client)
    for _quote, text in texts:
        assert catalogue.get(text.replace('\\"', '"')), text
    assert catalogue["Choose all %s"] == "Alle %s auswählen"
    assert catalogue["Remove all %s"] == "Alle %s entfernen"


def test_a_linked_place_is_named_as_it_was_even_when_renamed_or_deleted_since(staff_client, unna, luenen):
    old_place = LocationFactory(municipality=unna, name="Altes Stadtteilbüro")
    with reversion.create_revision():
        old_place.save()
    offer = OfferFactory(title_de="Sprachcafé", provider=old_place.provider, locations=[old_place])
    with reversion.create_revision():
        offer.save()
    new_place = LocationFactory(municipality=luenen, provider=old_place.provider, name="Neues Stadtteilbüro")
    with reversion.create_revision():
        offer.save()
        offer.locations.set([new_place])
    old_place.name = "Umgebautes Büro"
    with reversion.create_revision():
        old_place.save()
    old_place.delete()

    text = visible_text(compare_page(staff_client, offer))

    assert "- Altes Stadtteilbüro" in text and "+ Neues Stadtteilbüro" in text
    assert "Umgebautes Büro" not in text
