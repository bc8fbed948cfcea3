"""Restoring a version brings back that one entry (with its own rows), never the rest of its revision.

django-reversion's admin reverts the whole revision a version belongs to, and looks the version up
without its model: a bulk action, an XLIFF import or the demo load writes one revision across
many providers' entries, and a provider's editor could name any model's version.
"""

import pytest
import reversion
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.urls import reverse
from reversion.models import Version

from offers.factories import IntegrationCourseFactory, LocationFactory, OfferFactory, ProviderFactory
from offers.models import IntegrationCourse, Location, Offer, Provider
from pages.models import InfoPage

from .admin_forms import offer_post

pytestmark = pytest.mark.django_db


def resubmitted(response):
    """What the browser posts when staff submit the admin form as it stands."""
    data = {}
    forms = [response.context["adminform"].form]
    for inline in response.context["inline_admin_formsets"]:
        management = inline.formset.management_form
        data.update({bound.html_name: str(bound.value()) for bound in management})
        forms += inline.formset.forms
    for form in forms:
        for bound in form:
            value = bound.value()
            if value is None or value is False:
                continue
            if value is True:
                data[bound.html_name] = "on"
            elif isinstance(value, (list, tuple)):
                data[bound.html_name] = [str(item) for item in value]
            else:
                data[bound.html_name] = str(value)
    return data


def save_version(comment, *objects):
    with reversion.create_revision():
        for obj in objects:
            obj.save()
        reversion.set_comment(comment)


def revision_url(offer, version):
    return reverse("admin:offers_offer_revision", args=[offer.pk, version.pk])


def test_another_models_version_under_an_own_offers_id_is_not_found(
    editor_client, own_offer, foreign_offer, other_provider, unna
):
    """A foreign location sharing the own offer's id, saved in one revision with the foreign offer."""
    location = LocationFactory(pk=own_offer.pk, provider=other_provider, municipality=unna)
    save_version("Sammelaktion", location, foreign_offer)
    foreign_offer.title_de, foreign_offer.status = "Fremdes Angebot (neu)", Offer.Status.DRAFT
    save_version("Vom KI zurückgenommen", foreign_offer)
    version = Version.objects.get_for_object(location).get()

    response = editor_client.post(revision_url(own_offer, version), offer_post(own_offer))

    assert response.status_code == 404
    foreign_offer.refresh_from_db()
    assert (foreign_offer.title_de, foreign_offer.status) == ("Fremdes Angebot (neu)", Offer.Status.DRAFT)
    assert Version.objects.get_for_object(foreign_offer).count() == 2


def test_restoring_an_own_offer_leaves_its_revision_siblings_alone(editor_client, own_offer, foreign_offer):
    """A KI bulk action saved both offers in one revision; the provider restores their own one."""
    save_version("Als geprüft markiert", own_offer, foreign_offer)
    shared = Version.objects.get_for_object(own_offer).get()
    own_offer.title_de = "Eigenes Angebot, geändert"
    foreign_offer.title_de, foreign_offer.status = "Fremdes Angebot (neu)", Offer.Status.DRAFT
    save_version("Später", own_offer, foreign_offer)

    form = editor_client.get(revision_url(own_offer, shared))
    assert form.status_code == 200
    response = editor_client.post(revision_url(own_offer, shared), resubmitted(form))

    assert response.status_code == 302
    own_offer.refresh_from_db()
    foreign_offer.refresh_from_db()
    assert own_offer.title_de == "Eigenes Angebot"
    assert (foreign_offer.title_de, foreign_offer.status) == ("Fremdes Angebot (neu)", Offer.Status.DRAFT)


def test_an_information_page_version_cannot_be_restored_by_a_provider_editor(editor_client, own_offer):
    page = InfoPage.objects.first()
    InfoPage.objects.filter(pk=page.pk).update(id=own_offer.pk)
    page = InfoPage.objects.get(pk=own_offer.pk)
    original_title = page.title_de
    page.title_de = "Alter Seitentitel"
    save_version("Seite bearbeitet", page)
    version = Version.objects.get_for_object(page).get()
    InfoPage.objects.filter(pk=page.pk).update(title_de=original_title)

    via_offer = editor_client.post(revision_url(own_offer, version), offer_post(own_offer))
    direct = editor_client.post(reverse("admin:pages_infopage_revision", args=[page.pk, version.pk]), {"title_de": "x"})

    assert via_offer.status_code == 404
    assert direct.status_code in (403, 404)
    assert InfoPage.objects.get(pk=own_offer.pk).title_de == original_title


def test_a_provider_editor_cannot_put_themselves_back_on_a_providers_editor_list(
    editor_client, provider_editor, own_offer, django_user_model
):
    other = ProviderFactory(pk=own_offer.pk, name="Bildungswerk Birke")
    other.editors.add(provider_editor)
    save_version("Redaktion eingetragen", other)
    version = Version.objects.get_for_object(other).get()
    other.editors.remove(provider_editor)

    via_offer = editor_client.post(revision_url(own_offer, version), offer_post(own_offer))
    direct = editor_client.post(
        reverse("admin:offers_provider_revision", args=[other.pk, version.pk]),
        {"name": other.name, "editors": [provider_editor.pk]},
    )

    assert via_offer.status_code == 404
    assert direct.status_code in (403, 404)
    assert not other.editors.exists()
    assert not Offer.objects.editable_by(provider_editor).exclude(provider__name="Sprachschule Lindenhof").exists()


def test_a_provider_editor_restores_an_earlier_version_of_their_own_offer(editor_client, own_offer):
    save_version("Erste Fassung", own_offer)
    first = Version.objects.get_for_object(own_offer).get()
    own_offer.title_de = "Zweite Fassung"
    save_version("Zweite Fassung", own_offer)

    form = editor_client.get(revision_url(own_offer, first))
    assert form.status_code == 200
    assert 'value="Eigenes Angebot"' in form.content.decode()
    response = editor_client.post(revision_url(own_offer, first), resubmitted(form))

    assert response.status_code == 302
    own_offer.refresh_from_db()
    assert own_offer.title_de == "Eigenes Angebot"
    # Like every edit of theirs, the restored offer waits for KI staff to publish it.
    assert own_offer.status == Offer.Status.SUBMITTED
    versions = Version.objects.get_for_object(own_offer).order_by("-pk")
    assert versions.count() == 3
    newest = versions.first()
    assert newest.revision.comment.startswith("Version vom ")
    assert newest.revision.comment.endswith(" wiederhergestellt")
    assert newest.revision.user.username == "lindenhof"
    assert newest.field_dict["title_de"] == "Eigenes Angebot"


def test_ki_staff_recover_one_deleted_offer_from_the_demo_revision_alone(client, ki_editor, provider_editor):
    call_command("load_demo")
    demo_revision = Version.objects.get_for_model(Offer).first().revision
    assert demo_revision.version_set.count() > 100
    deleted = Offer.objects.filter(course__isnull=False).first()
    deleted_pk, deleted_title = deleted.pk, deleted.title_de
    deleted_course = IntegrationCourse.objects.filter(offer=deleted).values().get()
    deleted_locations = set(deleted.locations.values_list("pk", flat=True))
    later = Offer.objects.exclude(pk=deleted_pk).first()
    later.title_de = "Später vom KI bearbeitet"
    save_version("Später", later)
    provider = Provider.objects.exclude(pk=deleted.provider_id).first()
    provider.editors.add(provider_editor)
    location = Location.objects.first()
    Location.objects.filter(pk=location.pk).update(name="Umbenannt ohne Version")
    untouched = {
        model: list(model.objects.exclude(pk=deleted_pk).order_by("pk").values())
        for model in (Offer, Location, Provider, IntegrationCourse)
    }
    client.force_login(ki_editor)
    assert client.post(reverse("admin:offers_offer_delete", args=[deleted_pk]), {"post": "yes"}).status_code == 302
    assert not Offer.objects.filter(pk=deleted_pk).exists()

    version = Version.objects.get_deleted(Offer).get()
    assert version.revision == demo_revision
    url = reverse("admin:offers_offer_recover", args=[version.pk])
    form = client.get(url)
    assert form.status_code == 200
    response = client.post(url, resubmitted(form))

    assert response.status_code == 302
    recovered = Offer.objects.get(pk=deleted_pk)
    assert recovered.title_de == deleted_title
    assert set(recovered.locations.values_list("pk", flat=True)) == deleted_locations
    assert IntegrationCourse.objects.filter(offer=recovered).values().get() == deleted_course
    # Everything else stands as it was before the recovery, the later edit included.
    for model, rows in untouched.items():
        assert list(model.objects.exclude(pk=deleted_pk).order_by("pk").values()) == rows, model
    assert Offer.objects.get(pk=later.pk).title_de == "Später vom KI bearbeitet"
    assert provider_editor in provider.editors.all()
    assert Version.objects.get_for_object(recovered).order_by("-pk").first().revision.comment.startswith("Version vom ")


def test_a_version_of_another_model_cannot_be_recovered_as_an_offer(client, ki_editor, unna):
    location = LocationFactory(municipality=unna)
    save_version("Ort angelegt", location)
    version = Version.objects.get_for_object(location).get()
    location_pk = location.pk
    location.delete()
    client.force_login(ki_editor)

    response = client.post(reverse("admin:offers_offer_recover", args=[version.pk]), {"title_de": "x"})

    assert response.status_code == 404
    assert not Location.objects.filter(pk=location_pk).exists()
    assert not Offer.objects.filter(pk=location_pk).exists()


@pytest.fixture
def view_on_site(client):
    def get(obj):
        content_type = ContentType.objects.get_for_model(obj)
        return client.get(reverse("admin:view_on_site", args=[content_type.pk, obj.pk]))

    return get


def test_view_on_site_shortcut_reveals_nothing_outside_a_provider_editors_scope(
    editor_client, view_on_site, own_offer, other_provider, unna
):
    draft = OfferFactory(provider=other_provider, title_de="Geheimer Entwurf", status=Offer.Status.DRAFT)
    published = OfferFactory(provider=other_provider, title_de="Fremd veröffentlicht")
    foreign_location = LocationFactory(provider=other_provider, municipality=unna, name="Fremder Ort")

    for obj in (draft, published, foreign_location, other_provider):
        response = view_on_site(obj)
        assert response.status_code == 404, obj
        assert "Geheimer Entwurf" not in response.content.decode()
        assert "geheimer-entwurf" not in response.get("Location", "")

    own = view_on_site(own_offer)
    assert own.status_code == 302
    assert own["Location"].endswith(own_offer.get_absolute_url())


def test_view_on_site_shortcut_still_serves_ki_staff(client, ki_editor, view_on_site, foreign_offer):
    client.force_login(ki_editor)
    response = view_on_site(foreign_offer)
    assert response.status_code == 302
    assert response["Location"].endswith(foreign_offer.get_absolute_url())


@pytest.mark.parametrize("model_name", ["category", "targetgroup", "provider"])
def test_provider_editors_restore_no_categories_target_groups_or_providers(editor_client, own_provider, model_name):
    from django.apps import apps

    obj = own_provider if model_name == "provider" else apps.get_model("offers", model_name).objects.first()
    save_version("Bearbeitet", obj)
    version = Version.objects.get_for_object(obj).get()
    url = reverse(f"admin:offers_{model_name}_revision", args=[obj.pk, version.pk])
    assert editor_client.get(url).status_code == 403
    assert editor_client.post(url, {"name_de": "Übernommen", "name": "Übernommen"}).status_code == 403
    obj.refresh_from_db()
    assert "Übernommen" not in str(obj)


def test_restoring_an_integration_course_brings_its_course_facts_back(client, ki_editor, unna):
    course = IntegrationCourseFactory(offer__locations=[LocationFactory(municipality=unna)])
    offer = course.offer
    save_version("Erste Fassung", offer)
    first = Version.objects.get_for_object(offer).get()
    course.course_type, course.teaching_units = IntegrationCourse.CourseType.INTENSIVE, 500
    save_version("Intensivkurs", course, offer)
    client.force_login(ki_editor)

    form = client.get(revision_url(offer, first))
    response = client.post(revision_url(offer, first), resubmitted(form))

    assert response.status_code == 302
    course.refresh_from_db()
    assert (course.course_type, course.teaching_units) == (IntegrationCourse.CourseType.GENERAL, 700)
