import datetime

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone, translation

from municipalities.factories import DistrictFactory, MunicipalityFactory
from offers.factories import (
    CategoryFactory,
    CourseRunFactory,
    IntegrationCourseFactory,
    LocationFactory,
    OfferFactory,
    ProviderFactory,
    TargetGroupFactory,
)
from offers.models import Category, IntegrationCourse, Location, Offer, Provider, months_before

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 11, 25)


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch):
    monkeypatch.setattr(timezone, "localdate", lambda *args: TODAY)


def field_errors(instance):
    with pytest.raises(ValidationError) as caught:
        instance.full_clean()
    return caught.value.message_dict


# Validation


def test_end_before_start_is_refused():
    run = CourseRunFactory.build(
        offer=OfferFactory(), start_date=TODAY, end_date=TODAY - datetime.timedelta(days=1), places_reported_on=TODAY
    )
    assert field_errors(run) == {"end_date": ["Das Ende liegt vor dem Beginn."]}


def test_min_age_above_max_age_is_refused():
    offer = OfferFactory.build(category=CategoryFactory(), provider=ProviderFactory(), min_age=27, max_age=12)
    assert field_errors(offer) == {"max_age": ["Das Höchstalter ist kleiner als das Mindestalter."]}


def test_database_refuses_inconsistent_ages_and_dates_too():
    with pytest.raises(IntegrityError), transaction.atomic():
        OfferFactory(min_age=30, max_age=20)
    with pytest.raises(IntegrityError), transaction.atomic():
        CourseRunFactory(start_date=TODAY, end_date=TODAY - datetime.timedelta(days=1))


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("email", "kein-at-zeichen"),
        ("registration_url", "javascript:alert(1)"),
        ("registration_url", "nur text"),
        ("phone", "ruf mich an"),
        ("phone", "12"),
        ("languages", ["xx"]),
    ],
)
def test_bad_contact_data_is_refused(field, value):
    offer = OfferFactory.build(category=CategoryFactory(), provider=ProviderFactory(), **{field: value})
    assert field in field_errors(offer)


@pytest.mark.parametrize("phone", ["02303 27-1234", "+49 2303 271234", "(02306) 555/120"])
def test_ordinary_phone_numbers_are_accepted(phone):
    OfferFactory.build(category=CategoryFactory(), provider=ProviderFactory(), phone=phone).full_clean()


def test_published_offer_needs_a_place(unna):
    offer = OfferFactory.build(status=Offer.Status.PUBLISHED, format=Offer.Format.ON_SITE)
    with pytest.raises(ValidationError, match="mindestens einen Ort"):
        offer.check_reachable([])
    offer.check_reachable([LocationFactory(municipality=unna)])
    OfferFactory.build(status=Offer.Status.PUBLISHED, format=Offer.Format.ONLINE).check_reachable([])
    OfferFactory.build(status=Offer.Status.PUBLISHED, whole_district=unna.district).check_reachable([])
    OfferFactory.build(status=Offer.Status.DRAFT).check_reachable([])


def test_location_postal_code_must_belong_to_its_town(unna):
    location = LocationFactory.build(provider=ProviderFactory(), municipality=unna, postal_code="44532")
    assert field_errors(location) == {
        "postal_code": ["Die Postleitzahl 44532 gehört nicht zu Unna (59423, 59425, 59427)."]
    }


def test_location_coordinates_come_in_pairs(unna):
    location = LocationFactory.build(provider=ProviderFactory(), municipality=unna, latitude="51.53")
    assert "longitude" in field_errors(location)


def test_legacy_course_types_only_for_courses_that_started_by_may_2025(integration_course):
    offer = OfferFactory(category=integration_course)
    run = CourseRunFactory(offer=offer, start_date=datetime.date(2026, 1, 12))
    course = IntegrationCourse(offer=offer, course_type="women", teaching_units=1000)
    assert course.offer_errors(offer) == {
        "course_type": "Diese Kursart gibt es für Kurse mit Beginn nach Mai 2025 nicht mehr."
    }
    run.start_date = datetime.date(2025, 3, 3)
    run.end_date = datetime.date(2025, 9, 3)
    run.save()
    assert course.offer_errors(offer) == {}
    # As submitted beside it in the admin, before anything is saved:
    assert "course_type" in course.offer_errors(offer, run_starts=[datetime.date(2025, 6, 2)])


@pytest.mark.parametrize(("course_type", "units"), [("general", 700), ("intensive", 500)])
def test_general_and_intensive_courses_have_fixed_units(integration_course, course_type, units):
    course = IntegrationCourseFactory.build(
        offer=OfferFactory(category=integration_course), course_type=course_type, teaching_units=600
    )
    assert field_errors(course) == {"teaching_units": [f"Diese Kursart hat {units} Unterrichtseinheiten."]}


def test_course_facts_only_for_integration_courses():
    offer = OfferFactory(category=CategoryFactory())
    assert "course_type" in IntegrationCourseFactory.build(offer=offer).offer_errors(offer)


def test_course_facts_live_beside_the_offer(integration_course):
    course = IntegrationCourseFactory()
    assert Offer.objects.get(pk=course.offer.pk).course.teaching_units == 700
    other = OfferFactory()
    assert not IntegrationCourse.objects.filter(offer=other).exists()


# QuerySets


def test_published_hides_drafts_and_expired_offers():
    visible = OfferFactory(visible_until=TODAY)
    unlimited = OfferFactory(visible_until=None)
    OfferFactory(status=Offer.Status.DRAFT)
    expired = OfferFactory(visible_until=TODAY - datetime.timedelta(days=1))
    assert set(Offer.objects.published()) == {visible, unlimited}
    assert list(Offer.objects.expired()) == [expired]


def test_in_municipality_includes_district_wide_and_online_offers(unna, luenen):
    in_unna = OfferFactory(locations=[LocationFactory(municipality=unna)])
    twice_in_unna = OfferFactory(locations=[LocationFactory(municipality=unna), LocationFactory(municipality=unna)])
    OfferFactory(locations=[LocationFactory(municipality=luenen)])
    district_wide = OfferFactory(whole_district=unna.district)
    online = OfferFactory(format=Offer.Format.ONLINE)
    elsewhere = MunicipalityFactory(district=DistrictFactory())
    OfferFactory(whole_district=elsewhere.district)

    result = list(Offer.objects.in_municipality(unna))
    assert sorted(result, key=lambda o: o.pk) == [in_unna, twice_in_unna, district_wide, online]


def test_filters_by_category_target_group_language_and_age():
    course = CategoryFactory()
    women, parents = TargetGroupFactory(), TargetGroupFactory()
    match = OfferFactory(
        category=course, target_groups=[women, parents], languages=["ar", "de"], min_age=16, max_age=27
    )
    OfferFactory(category=course, target_groups=[parents], languages=["tr"])
    OfferFactory(target_groups=[women], languages=["ar"])

    offers = Offer.objects.in_categories([course]).for_target_groups([women]).held_in_language("ar").for_age(19)
    assert list(offers) == [match]
    assert not Offer.objects.filter(pk=match.pk).for_age(30).exists()
    assert list(Offer.objects.held_in_language("a")) == []


def test_languages_round_trip_as_a_sorted_list():
    offer = OfferFactory(languages=["uk", "de", "ar", "de"])
    offer.refresh_from_db()
    assert offer.languages == ["ar", "de", "uk"]
    assert OfferFactory().languages == []


def test_review_overdue_after_twelve_months_or_never_reviewed():
    recent = OfferFactory(last_reviewed=datetime.date(2025, 11, 25))
    old = OfferFactory(last_reviewed=datetime.date(2025, 11, 24))
    never = OfferFactory(last_reviewed=None)
    assert set(Offer.objects.review_overdue()) == {old, never}
    assert recent not in Offer.objects.review_overdue()


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (datetime.date(2026, 11, 25), 12, datetime.date(2025, 11, 25)),
        (datetime.date(2026, 3, 31), 1, datetime.date(2026, 2, 28)),
        (datetime.date(2024, 3, 31), 1, datetime.date(2024, 2, 29)),
        (datetime.date(2026, 1, 15), 2, datetime.date(2025, 11, 15)),
    ],
)
def test_months_before(day, months, expected):
    assert months_before(day, months) == expected


def test_expiring_within_30_days():
    soon = OfferFactory(visible_until=TODAY + datetime.timedelta(days=30))
    OfferFactory(visible_until=TODAY + datetime.timedelta(days=31))
    OfferFactory(visible_until=TODAY - datetime.timedelta(days=1))
    assert list(Offer.objects.expiring_within(30)) == [soon]


# Translations


def test_missing_translation_falls_back_to_german():
    offer = OfferFactory(
        title_de="Integrationskurs am Vormittag", title_ar="دورة الاندماج صباحًا", summary_de="Nur Deutsch."
    )
    with translation.override("ar"):
        assert offer.title == "دورة الاندماج صباحًا"
        assert offer.summary == "Nur Deutsch."
    with translation.override("uk"):
        assert offer.title == "Integrationskurs am Vormittag"


def test_translation_states_and_missing_filter():
    complete = {
        f"{field}_{code}": f"{field} {code}" for field in ("title", "summary") for code, _name in settings.LANGUAGES
    }
    full = OfferFactory(**complete)
    partial = OfferFactory(title_de="Nur Deutsch", summary_de="Kurz", title_en="Only English title")
    assert set(full.translation_states().values()) == {"complete"}
    assert partial.translation_states() == {
        code: "complete" if code == "de" else "missing" for code, _name in settings.LANGUAGES
    }
    assert list(Offer.objects.translation_missing("en")) == [partial]
    assert set(Offer.objects.translation_missing("ar")) == {partial}


def test_order_by_title_follows_the_fallback():
    b = OfferFactory(title_de="B-Kurs", title_en="Zebra course")
    a = OfferFactory(title_de="A-Kurs")
    c = OfferFactory(title_de="C-Kurs", title_en="")
    assert list(Offer.objects.order_by_title("de")) == [a, b, c]
    assert list(Offer.objects.order_by_title("en")) == [a, c, b]


# Search


@pytest.mark.parametrize(
    ("stored", "query"),
    [
        ("Übungsgruppe Deutsch", "übung"),
        ("Übungsgruppe Deutsch", "ÜBUNG"),
        ("übungsgruppe", "Übung"),
        ("Straßenfest", "strasse"),
        ("Екскурсія: Київ і Львів", "київ"),
        ("екскурсія: київ і львів", "КИЇВ"),
        ("Курс для взрослых", "КУРС"),
        ("İstanbul kültür derneği", "istanbul"),
        ("istanbul dostları", "İstanbul"),
        ("ISTANBUL", "ıstanbul"),
        ("Integrationskurs in Unna", "kurs"),
        ("Integrationskurs in Unna", "KURS unna"),
    ],
)
def test_search_ignores_case_on_every_database(stored, query):
    offer = OfferFactory(title_de=stored)
    assert list(Offer.objects.search(query, languages=["de"])) == [offer]


def test_search_covers_current_language_and_german_only():
    offer = OfferFactory(title_de="Sprachcafé", title_uk="Мовне кафе", title_tr="Dil kafesi")
    assert list(Offer.objects.search("мовне", languages=["uk"])) == [offer]
    assert list(Offer.objects.search("sprachcafé", languages=["uk"])) == [offer]
    assert not Offer.objects.search("мовне", languages=["tr"]).exists()
    with translation.override("tr"):
        assert list(Offer.objects.search("kafesi")) == [offer]


def test_search_text_includes_provider_and_category_and_follows_renames():
    provider = ProviderFactory(name="Sprachschule Lindenhof")
    offer = OfferFactory(provider=provider)
    assert list(Offer.objects.search("lindenhof")) == [offer]
    provider.name = "Bildungswerk Ahorn"
    provider.save()
    assert list(Offer.objects.search("ahorn")) == [offer]
    assert not Offer.objects.search("lindenhof").exists()
    offer.category.name_de = "Nähcafé"
    offer.category.save()
    assert list(Offer.objects.search("nahcafe")) == [offer]


def test_reordering_categories_or_saving_unchanged_names_rewrites_no_offer(django_assert_num_queries):
    offer = OfferFactory(provider=ProviderFactory(name="Sprachschule Lindenhof"))
    category = Category.objects.get(pk=offer.category_id)
    category.order += 1
    with django_assert_num_queries(2):  # the catalogue version and the category's own row
        category.save()
    provider = Provider.objects.get(pk=offer.provider_id)
    provider.phone = "02303 555-100"
    with django_assert_num_queries(2):
        provider.save()
    assert list(Offer.objects.search("lindenhof")) == [offer]


@pytest.mark.parametrize("query", ["a\x00b", "%", "_", "' OR 1=1 --", "x" * 5000, "<script>"])
def test_search_with_strange_input_finds_nothing(query):
    OfferFactory(title_de="Integrationskurs")
    assert list(Offer.objects.search(query)) == []


@pytest.mark.parametrize("query", ["", "   ", "\x00"])
def test_empty_search_filters_nothing(query):
    offer = OfferFactory()
    assert list(Offer.objects.search(query)) == [offer]


def test_slug_follows_the_german_title():
    offer = OfferFactory(title_de="Beratung für Jugendliche in Lünen")
    assert offer.slug == "beratung-fuer-jugendliche-in-luenen"


def test_location_str_names_the_town(unna):
    location = LocationFactory(municipality=unna, name="Treff", street="Markt 1", postal_code="59423")
    assert str(location) == "Treff, Markt 1, 59423 Unna"
    assert Location.objects.filter(municipality=unna).count() == 1
