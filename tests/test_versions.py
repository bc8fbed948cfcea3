"""Nothing is ever lost: every admin edit is a version that staff can compare and restore."""

import pytest
from django.conf import settings
from django.urls import reverse
from reversion.models import Version

from offers.factories import LocationFactory, ProviderFactory
from offers.models import Category, Offer

from .admin_forms import management_form

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

LANGUAGES = [code for code, _name in settings.LANGUAGES]
TEXT_FIELDS = ("title", "summary", "description", "registration_info", "costs_note")


def form_data(offer_fields, location):
    data = {
        "category": str(Category.objects.get(slug="beratung").pk),
        "provider": str(location.provider_id),
        "status": "published",
        "format": "on_site",
        "locations": [str(location.pk)],
        **management_form(),
    }
    data.update(offer_fields)
    return data


def texts(round_number):
    return {f"{field}_{code}": f"{field} {code} Fassung {round_number}" for field in TEXT_FIELDS for code in LANGUAGES}


@pytest.fixture
def editor_client(client, ki_editor):
    client.force_login(ki_editor)
    return client


def test_edit_three_times_then_restore_version_one(editor_client, unna):
    location = LocationFactory(municipality=unna, provider=ProviderFactory())
    assert editor_client.post(reverse("admin:offers_offer_add"), form_data(texts(1), location)).status_code == 302
    offer = Offer.objects.get()
    for round_number in (2, 3):
        response = editor_client.post(
            reverse("admin:offers_offer_change", args=[offer.pk]), form_data(texts(round_number), location)
        )
        assert response.status_code == 302
    versions = list(Version.objects.get_for_object(offer).order_by("pk"))
    assert len(versions) == 3

    history = editor_client.get(reverse("admin:offers_offer_history", args=[offer.pk]))
    assert history.status_code == 200
    assert "ki-editor" in history.content.decode()

    # Compare version 1 with version 3.
    compare = editor_client.get(
        reverse("admin:offers_offer_compare", args=[offer.pk]),
        {"version_id1": versions[0].pk, "version_id2": versions[2].pk},
    )
    assert compare.status_code == 200
    assert "Fassung 1" in compare.content.decode() and "Fassung 3" in compare.content.decode()

    # Restore version 1: the revision form, submitted as it stands.
    revision_url = reverse("admin:offers_offer_revision", args=[offer.pk, versions[0].pk])
    assert editor_client.get(revision_url).status_code == 200
    assert editor_client.post(revision_url, form_data(texts(1), location)).status_code == 302
    offer.refresh_from_db()
    for field, value in texts(1).items():
        assert getattr(offer, field) == value, field


def test_deleted_offer_can_be_recovered(editor_client, unna):
    location = LocationFactory(municipality=unna, provider=ProviderFactory())
    editor_client.post(reverse("admin:offers_offer_add"), form_data(texts(1), location))
    offer = Offer.objects.get()
    delete = editor_client.post(reverse("admin:offers_offer_delete", args=[offer.pk]), {"post": "yes"})
    assert delete.status_code == 302
    assert not Offer.objects.exists()

    recover_list = editor_client.get(reverse("admin:offers_offer_recoverlist"))
    assert "title de Fassung 1" in recover_list.content.decode()
    version = Version.objects.get_deleted(Offer).get()
    recover_url = reverse("admin:offers_offer_recover", args=[version.pk])
    assert editor_client.post(recover_url, form_data(texts(1), location)).status_code == 302
    recovered = Offer.objects.get()
    assert recovered.title_ar == "title ar Fassung 1"
    assert list(recovered.locations.all()) == [location]


def test_bulk_actions_leave_versions_too(editor_client, unna):
    location = LocationFactory(municipality=unna, provider=ProviderFactory())
    editor_client.post(reverse("admin:offers_offer_add"), form_data(texts(1), location))
    offer = Offer.objects.get()
    url = reverse("admin:offers_offer_changelist")
    editor_client.post(url, {"action": "unpublish", "_selected_action": [offer.pk]})
    editor_client.post(url, {"action": "mark_reviewed_today", "_selected_action": [offer.pk]})
    editor_client.post(url, {"action": "publish", "_selected_action": [offer.pk]})
    comments = [v.revision.comment for v in Version.objects.get_for_object(offer).order_by("pk")]
    assert comments[1:] == ["Veröffentlichung zurückgenommen", "Als geprüft markiert", "Veröffentlicht"]


@pytest.mark.parametrize("model", ["provider", "location", "category", "targetgroup"])
def test_every_edited_model_has_a_history(editor_client, model):
    assert editor_client.get(reverse(f"admin:offers_{model}_recoverlist")).status_code == 200


def test_information_pages_have_a_history(editor_client):
    assert editor_client.get(reverse("admin:pages_infopage_recoverlist")).status_code == 200
