"""Integration monitoring per town (issue 17): indicators from the portal's own data, gaps as sentences."""

import datetime

import pytest
from django.conf import settings
from django.utils import timezone, translation

from monitoring.gaps import gaps_of
from monitoring.indicators import town_indicators
from monitoring.models import PopulationFigure
from municipalities.factories import DistrictFactory, MunicipalityFactory
from offers.factories import (
    CourseRunFactory,
    LocationFactory,
    OfferFactory,
    WeeklyHoursFactory,
)
from offers.models import Category, HoursKind, Offer
from reports.models import Report
from usage.models import DailyCount

OTHER_LANGUAGES = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


@pytest.fixture
def town(db):
    district = DistrictFactory(name="Testkreis")
    return MunicipalityFactory(
        name="Selm",
        slug="selm-test",
        district=district,
        population=26000,
        population_with_migration_background=5200,
        foreigners=1900,
        census_year=2011,
        census_source="Zensus 2011 / IT NRW",
    )


def covered_town(town):
    """Every category held in the town in every language, an integration course with childcare soon, walk-in hours."""
    location = LocationFactory(municipality=town)
    WeeklyHoursFactory(location=location, weekday=1, opens_at=datetime.time(9), closes_at=datetime.time(12))
    offers = {}
    for category in Category.objects.all():
        offers[category.slug] = OfferFactory(
            category=category,
            languages=["de", *OTHER_LANGUAGES],
            childcare=category.slug == Category.INTEGRATION_COURSE,
            locations=[location],
        )
    CourseRunFactory(
        offer=offers[Category.INTEGRATION_COURSE], start_date=timezone.localdate() + datetime.timedelta(weeks=2)
    )
    return location, offers


def test_a_town_with_exactly_one_gap_gets_exactly_that_sentence(town):
    location, offers = covered_town(town)
    mbe = offers["migrationsberatung-erwachsene"]
    mbe.languages = ["de", *(code for code in OTHER_LANGUAGES if code != "ar")]
    mbe.save()

    with translation.override("de"):
        [indicators] = town_indicators([town])
        assert gaps_of(indicators) == [
            "Selm: kein Angebot der Kategorie „Migrationsberatung für Erwachsene (MBE)“ auf Arabisch"
        ]


def test_a_covered_town_has_no_gap_and_each_missing_thing_is_named(town):
    location, offers = covered_town(town)
    with translation.override("de"):
        assert gaps_of(town_indicators([town])[0]) == []

        offers[Category.INTEGRATION_COURSE].runs.update(start_date=timezone.localdate() + datetime.timedelta(weeks=7))
        offers["freizeit-begegnung"].delete()
        location.weekly_hours.update(kind=HoursKind.APPOINTMENT)
        gaps = gaps_of(town_indicators([town])[0])
    assert gaps == [
        "Selm: kein Angebot der Kategorie „Freizeit und Begegnung“",
        "Selm: kein Integrationskurs mit Kinderbetreuung, der in den nächsten 6 Wochen beginnt",
        "Selm: keine offene Sprechstunde",
    ]


def test_district_wide_and_online_offers_count_for_every_town_of_their_district(town):
    covered_town(town)
    mbe = Offer.objects.get(category__slug="migrationsberatung-erwachsene")
    mbe.languages = ["de"]
    mbe.save()
    OfferFactory(category=mbe.category, languages=["ar"], whole_district=town.district)
    others = [code for code, _name in settings.LANGUAGES if code not in ("de", "ar")]  # tr, en, ru, uk, fa …
    OfferFactory(category=mbe.category, languages=others, format=Offer.Format.ONLINE)
    OfferFactory(category=mbe.category, languages=["ar"], whole_district=DistrictFactory())  # another district's
    with translation.override("de"):
        [indicators] = town_indicators([town])
        assert gaps_of(indicators) == []
    assert indicators.offers_per_category[mbe.category_id] == 3


def test_the_indicators_of_a_town(town, django_assert_num_queries):
    today = timezone.localdate()
    location = LocationFactory(municipality=town)
    WeeklyHoursFactory(location=location, weekday=0, opens_at=datetime.time(9), closes_at=datetime.time(12))
    WeeklyHoursFactory(location=location, weekday=2, opens_at=datetime.time(14), closes_at=datetime.time(15, 30))
    WeeklyHoursFactory(location=location, weekday=3, kind=HoursKind.APPOINTMENT)  # not walk-in
    mbe = Category.objects.get(slug="migrationsberatung-erwachsene")
    course = Category.objects.get(slug=Category.INTEGRATION_COURSE)
    counselling = OfferFactory(category=mbe, languages=["de", "ar"], locations=[location], last_reviewed=today)
    counselling.title_ar = "استشارة"
    counselling.summary_ar = "استشارة"
    counselling.save()
    old = OfferFactory(
        category=course, languages=["de"], locations=[location], last_reviewed=today.replace(year=today.year - 2)
    )
    CourseRunFactory(offer=old, start_date=today + datetime.timedelta(weeks=3), free_places=4)
    CourseRunFactory(offer=old, start_date=today + datetime.timedelta(weeks=8), free_places=4)  # later than six weeks
    full = OfferFactory(category=course, languages=["de"], locations=[location])
    CourseRunFactory(offer=full, start_date=today + datetime.timedelta(weeks=1), free_places=0)
    OfferFactory(category=mbe, languages=["ru"], locations=[location], status=Offer.Status.DRAFT)  # not published
    Report.objects.create(offer=old, kind=Report.Kind.CONTACT, language="de")
    Report.objects.create(offer=old, kind=Report.Kind.OTHER, language="de", status=Report.Status.DONE)
    DailyCount.objects.create(
        day=today, kind=DailyCount.Kind.TOWN_VIEW, page="town", language="uk", town=town.slug, count=40
    )
    DailyCount.objects.create(
        day=today, kind=DailyCount.Kind.TOWN_VIEW, page="offer_list", language="uk", town=town.slug, count=2
    )
    DailyCount.objects.create(
        day=today, kind=DailyCount.Kind.TOWN_VIEW, page="town", language="ar", town=town.slug, count=5
    )
    DailyCount.objects.create(
        day=today, kind=DailyCount.Kind.TOWN_VIEW, page="town", language="ar", town="unna", count=99
    )
    PopulationFigure.objects.create(
        municipality=town,
        year=2024,
        kind=PopulationFigure.Kind.FOREIGNERS,
        value=2600,
        source="Ausländerzentralregister",
    )

    with django_assert_num_queries(9):  # the categories, figures and seven aggregates, whatever the towns
        [indicators] = town_indicators([town])
    assert (indicators.population.value, indicators.population.year) == (26000, 2011)
    assert indicators.population.source == "Zensus 2011 / IT NRW"
    assert (indicators.foreigners.value, indicators.foreigners.year) == (2600, 2024)
    assert indicators.foreigners.source == "Ausländerzentralregister"
    assert indicators.migration_background.value == 5200
    assert indicators.offers_per_category == {mbe.pk: 1, course.pk: 2}
    assert indicators.offers_total == 3
    assert indicators.per_thousand(indicators.offers_total) == pytest.approx(3 / 5.2)
    assert indicators.counselling_languages == {"de", "ar"}
    assert indicators.read_languages == {"uk": 42, "ar": 5}
    assert indicators.walk_in_minutes == 180 + 90
    assert indicators.free_place_courses == 1
    assert indicators.translated["ar"] == 1
    assert indicators.translated["en"] == 0
    assert indicators.local_offers == 3
    assert indicators.reviewed == 2
    assert indicators.open_reports == 1


def test_the_newest_figure_is_shown_and_the_census_stays_the_base(town):
    PopulationFigure.objects.create(
        municipality=town, year=2022, kind=PopulationFigure.Kind.POPULATION, value=26500, source="Zensus 2022"
    )
    PopulationFigure.objects.create(
        municipality=town, year=2023, kind=PopulationFigure.Kind.POPULATION, value=26700, source="IT.NRW Fortschreibung"
    )
    [indicators] = town_indicators([town])
    assert (indicators.population.value, indicators.population.year, indicators.population.source) == (
        26700,
        2023,
        "IT.NRW Fortschreibung",
    )
    assert (indicators.population_base.value, indicators.population_base.year) == (26000, 2011)
    # A yearly report for 2022 shows the figure of that year.
    [report] = town_indicators([town], year=2022)
    assert (report.population.value, report.population.source) == (26500, "Zensus 2022")
