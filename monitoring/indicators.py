"""The monitoring's indicators for many towns at once.

`town_indicators(towns)` reads a fixed number of aggregate queries (nine), whatever the number of
towns or offers: the district overview pages through 396 towns at 50,000 offers with it.

What counts for a town:
- **offers a resident can use**: published offers held at one of the town's locations, offered in
  the town's whole district, or online (as `Offer.objects.in_municipality` says), per category;
- **counselling languages**: the languages those offers of the counselling categories (`COUNSELLING`)
  are held in; **read languages**: the interface languages in which the town's pages were read
  (usage.DailyCount, page views naming the town, in the usage window);
- **walk-in hours per week**: the walk-in `WeeklyHours` of the town's locations and of the published
  offers held there, summed;
- **courses with free places**: offers held in the town with a run one can join in the next
  `SOON_WEEKS` weeks that has free places reported in the last 14 days;
- **translation coverage, review share, open reports**: over the published offers held in the town.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db.models import BooleanField, Case, Count, Exists, F, OuterRef, Q, Sum, Value, When
from django.db.models.functions import Coalesce
from django.utils import timezone

from offers.languages import language_name
from offers.models import PLACES_CURRENT_DAYS, Category, CourseRun, HoursKind, Offer, WeeklyHours, months_before
from reports.models import Report
from usage.models import DailyCount

from .models import PopulationFigure

# Categories whose offers counsel: their languages are the town's counselling languages.
COUNSELLING = ("migrationsberatung-erwachsene", "jugendmigrationsdienst", "beratung")
SOON_WEEKS = 6
REVIEW_MONTHS = 12
USAGE_DAYS = 365


@dataclass(frozen=True)
class Figure:
    value: int
    year: int
    source: str


@dataclass
class TownIndicators:
    town: object
    as_of: datetime.date
    usage_since: datetime.date
    usage_until: datetime.date
    categories: list
    population: Figure
    migration_background: Figure
    foreigners: Figure
    population_base: Figure
    migration_background_base: Figure
    foreigners_base: Figure
    offers_per_category: dict
    languages_per_category: dict
    childcare_course_soon: bool
    read_languages: dict
    walk_in_minutes: int
    free_place_courses: int
    local_offers: int
    reviewed: int
    translated: dict
    open_reports: int

    @property
    def offers_total(self):
        return sum(self.offers_per_category.values())

    def per_thousand(self, count):
        """`count` per 1,000 people with a migration background (None without a figure)."""
        people = self.migration_background.value
        return count * 1000 / people if people else None

    @property
    def per_thousand_total(self):
        return self.per_thousand(self.offers_total)

    @property
    def counselling_languages(self):
        slugs = {category.pk for category in self.categories if category.slug in COUNSELLING}
        return {code for pk, codes in self.languages_per_category.items() if pk in slugs for code in codes}

    @property
    def walk_in_hours(self):
        return self.walk_in_minutes / 60

    @property
    def reviewed_share(self):
        return self.reviewed / self.local_offers if self.local_offers else None

    def figure_rows(self):
        """(label, shown figure, census figure) for population, migration background and foreigners."""
        return [
            (PopulationFigure.Kind.POPULATION.label, self.population, self.population_base),
            (
                PopulationFigure.Kind.MIGRATION_BACKGROUND.label,
                self.migration_background,
                self.migration_background_base,
            ),
            (PopulationFigure.Kind.FOREIGNERS.label, self.foreigners, self.foreigners_base),
        ]

    def category_rows(self):
        """(category, offers, per 1,000, languages named) in the categories' order."""
        return [
            (
                category,
                self.offers_per_category.get(category.pk, 0),
                self.per_thousand(self.offers_per_category.get(category.pk, 0)),
                sorted(language_name(code) for code in self.languages_per_category.get(category.pk, ())),
            )
            for category in self.categories
        ]

    def language_rows(self):
        """Per interface language: views of the town's pages in it, counselling held in it, translated offers."""
        held = self.counselling_languages
        return [
            {
                "code": code,
                "name": language_name(code),
                "views": self.read_languages.get(code, 0),
                "counselling": code in held,
                "translated": self.translated.get(code, 0),
                "share": self.translated.get(code, 0) / self.local_offers if self.local_offers else None,
            }
            for code, _name in settings.LANGUAGES
        ]


def published(prefix=""):
    """The condition "published and still visible" for an offer reached through `prefix`."""
    today = timezone.localdate()
    return Q(**{f"{prefix}status": Offer.Status.PUBLISHED}) & (
        Q(**{f"{prefix}visible_until__isnull": True}) | Q(**{f"{prefix}visible_until__gte": today})
    )


def wide(prefix=""):
    """Whether the offer reaches every resident of the location's district: online or district-wide."""
    return Case(
        When(
            Q(**{f"{prefix}format": Offer.Format.ONLINE})
            | Q(**{f"{prefix}whole_district_id": F("location__municipality__district_id")}),
            then=Value(True),
        ),
        default=Value(False),
        output_field=BooleanField(),
    )


def census(town, kind):
    value = {
        PopulationFigure.Kind.POPULATION: town.population,
        PopulationFigure.Kind.MIGRATION_BACKGROUND: town.population_with_migration_background,
        PopulationFigure.Kind.FOREIGNERS: town.foreigners,
    }[kind]
    return Figure(value, town.census_year, town.census_source)


def town_indicators(towns, year=None, today=None, categories=None):
    """TownIndicators for each of `towns` (Municipality rows), in their order.

    `year` makes it the yearly report's: the newest population figures up to that year and the page
    views of that year; the catalogue's figures are always as of `today`.
    """
    towns = list(towns)
    today = today or timezone.localdate()
    if year is None:
        usage_since, usage_until = today - datetime.timedelta(days=USAGE_DAYS - 1), today
    else:
        usage_since, usage_until = datetime.date(year, 1, 1), min(datetime.date(year, 12, 31), today)
    ids = [town.pk for town in towns]
    districts = {town.district_id for town in towns}
    categories = list(Category.objects.all()) if categories is None else categories
    Link = Offer.locations.through

    figures = {}
    rows = PopulationFigure.objects.filter(municipality__in=ids).order_by("year", "pk")
    if year is not None:
        rows = rows.filter(year__lte=year)
    for figure in rows:
        figures[figure.municipality_id, figure.kind] = Figure(figure.value, figure.year, figure.source)

    # One pass over the towns' own links gives both the local offers per category and languages
    # (not those every resident can use anyway: they are counted with the district's below) and
    # the coverage figures. In a town each offer falls in exactly one group (its category, its
    # languages and whether it is wide are the same at all its places there: one district), so
    # the groups' distinct counts add up to the town's.
    reviewed_since = months_before(today, REVIEW_MONTHS)
    codes = [code for code, _name in settings.LANGUAGES]
    coverage_counts = {
        "total": Count("offer_id", distinct=True),
        "reviewed": Count("offer_id", filter=Q(offer__last_reviewed__gte=reviewed_since), distinct=True),
        **{
            f"translated_{code}": Count(
                "offer_id", filter=Q(**{f"offer__translation_status__{code}": "complete"}), distinct=True
            )
            for code in codes
        },
    }
    counts, languages, coverage = {}, {}, {}
    local = (
        Link.objects.filter(published("offer__"), location__municipality__in=ids)
        .annotate(wide=wide("offer__"))
        .values("location__municipality_id", "offer__category_id", "offer__languages", "wide")
        .annotate(**coverage_counts)
        .order_by()
    )
    for row in local:
        town = row["location__municipality_id"]
        totals = coverage.setdefault(town, dict.fromkeys(coverage_counts, 0))
        for name in coverage_counts:
            totals[name] += row[name]
        if row["wide"]:
            continue
        key = (town, row["offer__category_id"])
        counts[key] = counts.get(key, 0) + row["total"]
        languages.setdefault(key, set()).update(Offer._meta.get_field("languages").as_list(row["offer__languages"]))
    reach = (
        Offer.objects.filter(published())
        .filter(Q(format=Offer.Format.ONLINE) | Q(whole_district_id__in=districts))
        .values_list("whole_district_id", "format", "category_id", "languages")
        .annotate(offers=Count("pk"))
        .order_by()
    )
    wide_counts, wide_languages = {}, {}
    for district_id, form, category, codes, offers in reach:
        for district in districts:
            if form == Offer.Format.ONLINE or district_id == district:
                key = (district, category)
                wide_counts[key] = wide_counts.get(key, 0) + offers
                wide_languages.setdefault(key, set()).update(Offer._meta.get_field("languages").as_list(codes))

    soon = CourseRun.objects.starting_within(SOON_WEEKS, today).filter(offer=OuterRef("pk"))
    childcare_courses = Offer.objects.filter(
        published(), Exists(soon), category__slug=Category.INTEGRATION_COURSE, childcare=True
    )
    # The few courses themselves, with each of their places' towns: which are wide, which local, in Python.
    childcare_places = set(
        childcare_courses.values_list("whole_district_id", "format", "locations__municipality_id").distinct().order_by()
    )
    childcare_wide = {
        (district, form)
        for district, form, _town in childcare_places
        if form == Offer.Format.ONLINE or district in districts
    }
    childcare_local = {town for _district, _form, town in childcare_places}

    places_since = today - datetime.timedelta(days=PLACES_CURRENT_DAYS)
    free_places = dict(
        CourseRun.objects.starting_within(SOON_WEEKS, today)
        .filter(published("offer__"), free_places__gt=0, places_reported_on__gte=places_since)
        .annotate(town=Coalesce("location__municipality_id", "offer__locations__municipality_id"))
        .filter(town__in=ids)
        .values("town")
        .annotate(offers=Count("offer_id", distinct=True))
        .values_list("town", "offers")
        .order_by()
    )

    minutes = {}
    hours = (
        WeeklyHours.objects.filter(kind=HoursKind.WALK_IN)
        .filter(Q(location__municipality__in=ids) | Q(published("offer__"), offer__locations__municipality__in=ids))
        .annotate(town=Coalesce("location__municipality_id", "offer__locations__municipality_id"))
        .values_list("town", "pk", "opens_at", "closes_at")
        .distinct()
        .order_by()
    )
    for town, _pk, opens_at, closes_at in hours:
        span = datetime.datetime.combine(today, closes_at) - datetime.datetime.combine(today, opens_at)
        minutes[town] = minutes.get(town, 0) + int(span.total_seconds() // 60)

    reports = dict(
        Report.objects.open()
        .filter(offer__locations__municipality__in=ids)
        .values("offer__locations__municipality")
        .annotate(open=Count("pk", distinct=True))
        .values_list("offer__locations__municipality", "open")
        .order_by()
    )

    views = {}
    for slug, language, count in (
        DailyCount.objects.filter(
            kind=DailyCount.Kind.TOWN_VIEW,
            town__in=[town.slug for town in towns],
            day__range=(usage_since, usage_until),
        )
        .values("town", "language")
        .annotate(views=Sum("count"))
        .values_list("town", "language", "views")
        .order_by()
    ):
        views.setdefault(slug, {})[language] = count

    result = []
    for town in towns:
        shown = {}
        for kind in PopulationFigure.Kind:
            base = census(town, kind)
            newer = figures.get((town.pk, kind))
            shown[kind] = newer if newer and newer.year >= base.year else base
        per_category, languages_of = {}, {}
        for category in categories:
            local_key, wide_key = (town.pk, category.pk), (town.district_id, category.pk)
            offers = counts.get(local_key, 0) + wide_counts.get(wide_key, 0)
            if offers:
                per_category[category.pk] = offers
                languages_of[category.pk] = languages.get(local_key, set()) | wide_languages.get(wide_key, set())
        row = coverage.get(town.pk, {})
        result.append(
            TownIndicators(
                town=town,
                as_of=today,
                usage_since=usage_since,
                usage_until=usage_until,
                categories=categories,
                population=shown[PopulationFigure.Kind.POPULATION],
                migration_background=shown[PopulationFigure.Kind.MIGRATION_BACKGROUND],
                foreigners=shown[PopulationFigure.Kind.FOREIGNERS],
                population_base=census(town, PopulationFigure.Kind.POPULATION),
                migration_background_base=census(town, PopulationFigure.Kind.MIGRATION_BACKGROUND),
                foreigners_base=census(town, PopulationFigure.Kind.FOREIGNERS),
                offers_per_category=per_category,
                languages_per_category=languages_of,
                childcare_course_soon=town.pk in childcare_local
                or any(
                    form == Offer.Format.ONLINE or district == town.district_id for district, form in childcare_wide
                ),
                read_languages=views.get(town.slug, {}),
                walk_in_minutes=minutes.get(town.pk, 0),
                free_place_courses=free_places.get(town.pk, 0),
                local_offers=row.get("total", 0),
                reviewed=row.get("reviewed", 0),
                translated={code: row.get(f"translated_{code}", 0) for code in codes},
                open_reports=reports.get(town.pk, 0),
            )
        )
    return result
