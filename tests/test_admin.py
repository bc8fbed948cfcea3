import re

import pytest
from django.urls import reverse

from municipalities.models import Municipality
from offers.factories import LocationFactory, OfferFactory, ProviderFactory
from offers.models import Category, Offer

from .admin_forms import management_form

pytestmark = pytest.mark.django_db


def offer_form_data(category, provider, **overrides):
    data = {
        "title_de": "Integrationskurs für Frauen mit Kinderbetreuung",
        "title_ar": "دورة الاندماج للنساء مع رعاية الأطفال",
        "summary_de": "Deutsch lernen am Vormittag, Ihre Kinder werden betreut.",
        "summary_ar": "تعلّمي الألمانية صباحًا، ويُعتنى بأطفالك.",
        "category": str(category.pk),
        "provider": str(provider.pk),
        "status": Offer.Status.DRAFT,
        "format": Offer.Format.ON_SITE,
        "languages": ["de", "ar"],
        **management_form("course"),
    }
    data.update(overrides)
    return data


def test_ki_editor_adds_an_offer_in_german_and_arabic(client, ki_editor, unna):
    client.force_login(ki_editor)
    category = Category.objects.get(slug="migrationsberatung-erwachsene")
    provider = ProviderFactory(name="Beratungsdienst Ahorn")
    location = LocationFactory(provider=provider, municipality=unna)

    response = client.post(
        reverse("admin:offers_offer_add"),
        offer_form_data(category, provider, status=Offer.Status.PUBLISHED, locations=[str(location.pk)]),
    )
    assert response.status_code == 302, response.context["adminform"].form.errors

    offer = Offer.objects.get()
    assert offer.title_de == "Integrationskurs für Frauen mit Kinderbetreuung"
    assert offer.title_ar == "دورة الاندماج للنساء مع رعاية الأطفال"
    assert offer.languages == ["ar", "de"]
    assert list(offer.locations.all()) == [location]

    listing = client.get(reverse("admin:offers_offer_changelist"))
    assert listing.status_code == 200
    assert "Integrationskurs für Frauen mit Kinderbetreuung" in listing.content.decode()
    assert "Unna" in listing.content.decode()


def test_published_offer_without_place_is_refused_with_a_clear_message(client, ki_editor):
    client.force_login(ki_editor)
    category = Category.objects.get(slug="beratung")
    response = client.post(
        reverse("admin:offers_offer_add"),
        offer_form_data(category, ProviderFactory(), status=Offer.Status.PUBLISHED),
    )
    assert response.status_code == 200
    assert "braucht mindestens einen Ort" in response.content.decode()
    assert not Offer.objects.exists()


def test_invalid_inline_course_facts_save_nothing(client, ki_editor, unna):
    client.force_login(ki_editor)
    category = Category.objects.get(slug=Category.INTEGRATION_COURSE)
    data = offer_form_data(category, ProviderFactory())
    data.update(management_form("course", total=1, runs=(1, 0)))
    data.update(
        {
            "course-0-course_type": "women",
            "course-0-teaching_units": "1000",
            "course-0-target_level": "B1",
            "runs-0-start_date": "2026-09-01",
            "runs-0-intensity": "part_time",
            "runs-0-time_of_day": "morning",
        }
    )
    response = client.post(reverse("admin:offers_offer_add"), data)
    assert response.status_code == 200
    assert "nach Mai 2025 nicht mehr" in response.content.decode()
    assert not Offer.objects.exists()


def test_arabic_inputs_are_right_to_left_and_jquery_ui_is_served_locally(client, ki_editor):
    client.force_login(ki_editor)
    page = client.get(reverse("admin:offers_offer_add")).content.decode()
    title_ar = re.search(r'<input[^>]+name="title_ar"[^>]*>', page).group(0)
    assert "mt-bidi" in title_ar
    assert "portal-admin/admin.css" in page
    assert "/static/vendor/jquery-ui/jquery-ui.min.js" in page
    # No script, style or font may come from another host.
    assert not re.search(r'(src|href)="(https?:)?//', page)


def test_staff_without_editorial_group_cannot_open_the_admin(client, django_user_model):
    staff = django_user_model.objects.create_user("praktikant", password="x", is_staff=True)
    client.force_login(staff)
    for url in (reverse("admin:index"), reverse("admin:offers_offer_changelist")):
        response = client.get(url)
        assert response.status_code == 302
        assert response.url.startswith(reverse("admin:login"))


def test_anonymous_visitor_is_sent_to_login(client):
    response = client.get(reverse("admin:offers_offer_changelist"))
    assert response.status_code == 302


@pytest.mark.parametrize(
    "query",
    [
        "",
        "status=published",
        "translation_missing=ar",
        "review_overdue=yes",
        "expired=yes",
        "expired=no",
        "is_demo__exact=1",
        "q=%C3%BCbung",
        "translation_missing=xx",
    ],
)
def test_offer_list_filters_answer(client, ki_editor, query, unna):
    OfferFactory(title_de="Übungsgruppe", locations=[LocationFactory(municipality=unna)])
    client.force_login(ki_editor)
    response = client.get(f"{reverse('admin:offers_offer_changelist')}?{query}")
    assert response.status_code == 200


def test_admin_search_ignores_case_of_umlauts(client, ki_editor):
    match = OfferFactory(title_de="Übungsgruppe")
    OfferFactory(title_de="Sprachcafé")
    client.force_login(ki_editor)
    response = client.get(reverse("admin:offers_offer_changelist"), {"q": "übung"})
    assert list(response.context["cl"].queryset) == [match]


def test_translation_missing_filter_lists_only_untranslated(client, ki_editor):
    translated = OfferFactory(title_de="Kurs", summary_de="Kurz", title_ar="دورة", summary_ar="قصير")
    untranslated = OfferFactory(title_de="Nur Deutsch", summary_de="Kurz")
    client.force_login(ki_editor)
    response = client.get(reverse("admin:offers_offer_changelist"), {"translation_missing": "ar"})
    assert list(response.context["cl"].queryset) == [untranslated]
    assert translated.translation_states()["ar"] == "complete"


def test_offer_list_query_count_does_not_grow_with_rows(client, ki_editor, django_assert_max_num_queries, unna):
    client.force_login(ki_editor)
    OfferFactory(locations=[LocationFactory(municipality=unna)])
    with django_assert_max_num_queries(18) as few:
        assert client.get(reverse("admin:offers_offer_changelist")).status_code == 200
    for _ in range(30):
        OfferFactory(locations=[LocationFactory(municipality=unna)])
    with django_assert_max_num_queries(18) as many:
        assert client.get(reverse("admin:offers_offer_changelist")).status_code == 200
    assert len(few.captured_queries) == len(many.captured_queries)


def test_actions_publish_unpublish_and_mark_reviewed(client, ki_editor, unna):
    client.force_login(ki_editor)
    reachable = OfferFactory(
        status=Offer.Status.DRAFT, last_reviewed=None, locations=[LocationFactory(municipality=unna)]
    )
    placeless = OfferFactory(status=Offer.Status.DRAFT, title_de="Ohne Ort")
    url = reverse("admin:offers_offer_changelist")
    ids = [str(reachable.pk), str(placeless.pk)]

    response = client.post(url, {"action": "publish", "_selected_action": ids}, follow=True)
    text = response.content.decode()
    assert "1 Angebot veröffentlicht." in text
    assert "„Ohne Ort“ nicht veröffentlicht" in text
    reachable.refresh_from_db()
    placeless.refresh_from_db()
    assert (reachable.status, placeless.status) == (Offer.Status.PUBLISHED, Offer.Status.DRAFT)

    client.post(url, {"action": "mark_reviewed_today", "_selected_action": ids})
    assert Offer.objects.filter(last_reviewed__isnull=True).count() == 0

    client.post(url, {"action": "unpublish", "_selected_action": ids})
    assert not Offer.objects.published().exists()


def test_category_slug_cannot_be_changed_after_creation(client, ki_editor):
    client.force_login(ki_editor)
    category = Category.objects.get(slug="beratung")
    page = client.get(reverse("admin:offers_category_change", args=[category.pk])).content.decode()
    assert 'name="slug"' not in page


def test_every_admin_page_of_the_editor_opens(client, ki_editor, unna):
    OfferFactory(locations=[LocationFactory(municipality=unna)])
    client.force_login(ki_editor)
    for model in ("offer", "provider", "location", "category", "targetgroup"):
        assert client.get(reverse(f"admin:offers_{model}_changelist")).status_code == 200
        assert client.get(reverse(f"admin:offers_{model}_add")).status_code == 200
    for model in ("municipality", "district"):
        assert client.get(reverse(f"admin:municipalities_{model}_changelist")).status_code == 200
    assert client.get(reverse("admin:municipalities_municipality_change", args=[unna.pk])).status_code == 200


def test_ki_editors_group_has_exactly_the_permissions_editors_need():
    from django.contrib.auth.models import Group

    codenames = set(Group.objects.get(name="KI-Redaktion").permissions.values_list("codename", flat=True))
    editable = {
        f"{action}_{model}"
        for model in (
            "offer",
            "integrationcourse",
            "courserun",
            "provider",
            "location",
            "weeklyhours",
            "closure",
            "synonym",
        )
        for action in ("add", "change", "delete", "view")
    }
    reference = {f"{action}_{model}" for model in ("category", "targetgroup") for action in ("add", "change", "view")}
    pages = {
        "add_infopage",
        "change_infopage",
        "view_infopage",
        "change_accessibilityfeedback",
        "view_accessibilityfeedback",
    }
    glossary = {f"{action}_term" for action in ("add", "change", "delete", "view")}
    assert codenames == editable | reference | pages | glossary | {
        "view_failedsearch",
        "view_district",
        "view_municipality",
        "publish_offer",
        "edit_every_provider",
        "view_linkcheck",
        "view_report",
        "change_report",
        "view_dailycount",
        "view_monitoring",
        *(f"{action}_populationfigure" for action in ("add", "change", "delete", "view")),
    }


def test_ki_editor_may_not_delete_categories_or_change_towns(client, ki_editor, unna):
    client.force_login(ki_editor)
    category = Category.objects.get(slug="beratung")
    assert client.get(reverse("admin:offers_category_delete", args=[category.pk])).status_code == 403
    response = client.post(reverse("admin:municipalities_municipality_change", args=[unna.pk]), {"name": "Anders"})
    assert response.status_code == 403
    unna.refresh_from_db()
    assert unna.name == "Unna"


def test_ki_editor_reads_and_closes_accessibility_feedback(client, ki_editor):
    from pages.models import AccessibilityFeedback

    feedback = AccessibilityFeedback.objects.create(message="Kontrast zu schwach", language="ar")
    client.force_login(ki_editor)
    listing = client.get(reverse("admin:pages_accessibilityfeedback_changelist"))
    assert "Kontrast zu schwach" in listing.content.decode()
    client.post(
        reverse("admin:pages_accessibilityfeedback_changelist"),
        {"action": "mark_handled", "_selected_action": [feedback.pk]},
    )
    feedback.refresh_from_db()
    assert feedback.handled
    assert client.get(reverse("admin:pages_accessibilityfeedback_add")).status_code == 403
    assert client.get(reverse("admin:pages_infopage_changelist")).status_code == 200


def test_place_autocomplete_puts_whole_name_and_prefix_matches_first(client, ki_editor):
    """Typing "Kamen" must not offer Bergkamen first (Enter picks the first)."""
    bergkamen = Municipality.objects.get(slug="bergkamen")
    kamen = Municipality.objects.get(slug="kamen")
    for name in (
        "Bildungswerk Seseketal Bergkamen",
        "Sozialdienst Hellweg Bergkamen",
        "Integrationsagentur Nordlicht Bergkamen",
        "Frauentreff Regenbogen Bergkamen",
    ):
        LocationFactory(municipality=bergkamen, name=name)
    in_kamen = [
        LocationFactory(municipality=kamen, name="Sprachschule Lindenhof Kamen"),
        LocationFactory(municipality=kamen, name="Stadtteilbüro Methler"),  # found by its town
    ]
    client.force_login(ki_editor)

    response = client.get(
        reverse("admin:autocomplete"),
        {"app_label": "offers", "model_name": "offer", "field_name": "locations", "term": "Kamen"},
    )

    ids = [int(item["id"]) for item in response.json()["results"]]
    assert len(ids) == 6
    assert set(ids[:2]) == {location.pk for location in in_kamen}


def test_town_search_puts_the_town_itself_first(client, ki_editor):
    client.force_login(ki_editor)
    response = client.get(reverse("admin:municipalities_municipality_changelist"), {"q": "Kamen"})
    assert [town.name for town in response.context["cl"].result_list] == ["Kamen", "Bergkamen"]
