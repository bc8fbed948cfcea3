"""KI-Redaktion edits and publishes everything; a provider's own staff only their rows, never publishing."""

import pytest
from django.urls import reverse

from offers.factories import LocationFactory
from offers.models import Category, Offer

from .admin_forms import management_form, offer_post

pytestmark = pytest.mark.django_db


def test_provider_editor_sees_only_their_own_offers(editor_client, own_offer, foreign_offer):
    response = editor_client.get(reverse("admin:offers_offer_changelist"))
    assert list(response.context["cl"].queryset) == [own_offer]
    assert "Fremdes Angebot" not in response.content.decode()


@pytest.mark.parametrize(
    "view",
    ["admin:offers_offer_change", "admin:offers_offer_history", "admin:offers_offer_delete"],
)
def test_guessing_another_providers_admin_url_reveals_nothing(editor_client, foreign_offer, view):
    response = editor_client.get(reverse(view, args=[foreign_offer.pk]))
    assert response.status_code in (302, 403, 404)
    assert "Fremdes Angebot" not in response.content.decode()


def test_posting_to_another_providers_offer_changes_nothing(editor_client, foreign_offer):
    response = editor_client.post(
        reverse("admin:offers_offer_change", args=[foreign_offer.pk]), offer_post(foreign_offer, title_de="Übernommen")
    )
    assert response.status_code in (302, 403, 404)
    foreign_offer.refresh_from_db()
    assert foreign_offer.title_de == "Fremdes Angebot"


def test_provider_editor_cannot_move_an_offer_to_another_provider(editor_client, own_offer, other_provider):
    response = editor_client.post(
        reverse("admin:offers_offer_change", args=[own_offer.pk]),
        offer_post(own_offer, provider=str(other_provider.pk)),
    )
    assert response.status_code == 200  # the form refuses the foreign provider
    own_offer.refresh_from_db()
    assert own_offer.provider.name == "Sprachschule Lindenhof"


def test_provider_changes_wait_for_ki_review(editor_client, own_offer):
    assert own_offer.status == Offer.Status.PUBLISHED
    response = editor_client.post(
        reverse("admin:offers_offer_change", args=[own_offer.pk]),
        offer_post(own_offer, title_de="Neuer Titel", status="published"),  # a forged status is ignored
    )
    assert response.status_code == 302
    own_offer.refresh_from_db()
    assert (own_offer.title_de, own_offer.status) == ("Neuer Titel", Offer.Status.SUBMITTED)
    assert not Offer.objects.published().filter(pk=own_offer.pk).exists()


def test_new_offers_of_provider_staff_are_submitted(editor_client, own_provider, unna):
    location = LocationFactory(provider=own_provider, municipality=unna)
    data = {
        "title_de": "Sprachcafé",
        "summary_de": "Jeden Mittwoch.",
        "category": str(Category.objects.get(slug="freizeit-begegnung").pk),
        "provider": str(own_provider.pk),
        "format": "on_site",
        "locations": [str(location.pk)],
        **management_form(),
    }
    assert editor_client.post(reverse("admin:offers_offer_add"), data).status_code == 302
    assert Offer.objects.get(title_de="Sprachcafé").status == Offer.Status.SUBMITTED


def test_provider_editor_cannot_publish_by_action(editor_client, own_offer):
    own_offer.status = Offer.Status.SUBMITTED
    own_offer.save()
    page = editor_client.get(reverse("admin:offers_offer_changelist")).content.decode()
    assert 'value="publish"' not in page
    editor_client.post(
        reverse("admin:offers_offer_changelist"), {"action": "publish", "_selected_action": [own_offer.pk]}
    )
    own_offer.refresh_from_db()
    assert own_offer.status == Offer.Status.SUBMITTED


def test_ki_editor_publishes_what_a_provider_submitted(client, ki_editor, own_offer):
    own_offer.status = Offer.Status.SUBMITTED
    own_offer.save()
    client.force_login(ki_editor)
    assert "Eigenes Angebot" in client.get(reverse("admin:index")).content.decode()
    client.post(reverse("admin:offers_offer_changelist"), {"action": "publish", "_selected_action": [own_offer.pk]})
    own_offer.refresh_from_db()
    assert own_offer.status == Offer.Status.PUBLISHED


def test_provider_editor_cannot_raise_their_own_rights(editor_client, provider_editor, own_provider, other_provider):
    for url in (
        reverse("admin:auth_user_change", args=[provider_editor.pk]),
        reverse("admin:auth_group_changelist"),
        reverse("admin:offers_provider_change", args=[other_provider.pk]),
    ):
        assert editor_client.get(url).status_code in (302, 403, 404), url
    editor_client.post(
        reverse("admin:auth_user_change", args=[provider_editor.pk]), {"is_superuser": "on", "username": "lindenhof"}
    )
    editor_client.post(
        reverse("admin:offers_provider_change", args=[own_provider.pk]),
        {"name": own_provider.name, "editors": [provider_editor.pk]},
    )
    editor_client.post(
        reverse("admin:offers_provider_change", args=[other_provider.pk]),
        {"name": "x", "editors": [provider_editor.pk]},
    )
    provider_editor.refresh_from_db()
    assert not provider_editor.is_superuser
    assert list(provider_editor.edited_providers.all()) == [own_provider]
    assert not provider_editor.has_perm("offers.publish_offer")
    assert not provider_editor.has_perm("offers.edit_every_provider")


def test_provider_editor_sees_only_own_locations_and_no_recovery(editor_client, own_offer, foreign_offer):
    response = editor_client.get(reverse("admin:offers_location_changelist"))
    assert set(response.context["cl"].queryset) == set(own_offer.locations.all())
    assert editor_client.get(reverse("admin:offers_offer_recoverlist")).status_code == 403
    autocomplete = editor_client.get(
        reverse("admin:autocomplete"),
        {"app_label": "offers", "model_name": "offer", "field_name": "locations", "term": ""},
    )
    assert {int(item["id"]) for item in autocomplete.json()["results"]} == {loc.pk for loc in own_offer.locations.all()}


def test_provider_dashboard_lists_only_their_own_entries(editor_client, own_offer, foreign_offer):
    Offer.objects.update(last_reviewed=None)
    page = editor_client.get(reverse("admin:index")).content.decode()
    assert "Eigenes Angebot" in page
    assert "Fremdes Angebot" not in page


def test_translator_exchange_is_for_ki_staff_only(editor_client):
    assert editor_client.get(reverse("admin:offers_offer_translation_export", args=["ar"])).status_code == 403
    assert editor_client.get(reverse("admin:offers_offer_translation_import")).status_code == 403
