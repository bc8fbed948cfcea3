from collections import Counter

import pytest
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from demo.synthetic import SYNTHETIC_PREFIX
from municipalities.models import Municipality
from offers.models import Category, CourseRun, IntegrationCourse, Location, Offer, Provider, TargetGroup, language_codes

pytestmark = pytest.mark.django_db


def snapshot():
    return (
        Provider.objects.count(),
        Location.objects.count(),
        Offer.objects.count(),
        Offer.locations.through.objects.count(),
        Offer.target_groups.through.objects.count(),
        list(CourseRun.objects.order_by("pk").values_list("pk", "start_date", "free_places", "note_de")),
    )


def test_load_demo_twice_does_not_duplicate():
    call_command("load_demo")
    first = snapshot()
    call_command("load_demo")
    assert snapshot() == first


def test_load_demo_if_empty_leaves_existing_data_alone():
    call_command("load_demo")
    Offer.objects.first().delete()
    before = snapshot()
    call_command("load_demo", "--if-empty")
    assert snapshot() == before


def test_demo_catalogue_is_rich_enough_and_valid():
    call_command("load_demo")
    offers = list(Offer.objects.for_listing())
    assert Provider.objects.filter(is_demo=True).count() >= 10
    assert len(offers) >= 60
    assert all(offer.is_demo for offer in offers)

    towns = {town for offer in offers for town in offer.municipalities()}
    assert towns == set(Municipality.objects.filter(district__slug="kreis-unna"))
    assert {offer.category for offer in offers} == set(Category.objects.all())

    states = [offer.translation_states() for offer in offers]
    for code in language_codes()[1:]:  # every language shows translated offers beside German-only ones
        assert sum(state[code] == "complete" for state in states) >= 4, code
    # Most offers are translated into every language but at most one (Persian came later: a handful).
    fully_translated = [state for state in states if list(state.values()).count("complete") >= len(state) - 1]
    german_only = [
        offer for offer in offers if not any(getattr(offer, f"title_{code}") for code in language_codes()[1:])
    ]
    assert len(fully_translated) >= len(offers) / 2
    assert german_only, "some offers stay German-only to show the fallback"

    for offer in offers:
        offer.full_clean()
        offer.check_reachable(list(offer.locations.all()))
        if hasattr(offer, "course"):
            offer.course.full_clean()
            assert offer.course.offer_errors(offer) == {}
    for run in CourseRun.objects.select_related("offer"):
        run.full_clean()
    for location in Location.objects.all():
        location.full_clean()
    for provider in Provider.objects.all():
        provider.full_clean()


def test_demo_courses_have_several_runs_full_waiting_cancelled_and_old_figures():
    call_command("load_demo")
    today = timezone.localdate()
    courses = Offer.objects.filter(pk__in=IntegrationCourse.objects.values("offer"))
    runs_per_course = Counter(CourseRun.objects.filter(offer__in=courses).values_list("offer", flat=True))
    assert len(runs_per_course) == courses.count()
    assert sum(1 for count in runs_per_course.values() if count >= 2) >= courses.count() / 2
    states = Counter(run.state(today) for run in CourseRun.objects.filter(offer__in=courses))
    assert states[CourseRun.State.FULL] >= 1
    assert states[CourseRun.State.WAITING_LIST] >= 1
    assert states[CourseRun.State.CANCELLED] == 1
    assert states[CourseRun.State.OPEN] + states[CourseRun.State.FEW] >= 10
    assert states[CourseRun.State.ASK] >= 2  # figures older than 14 days
    reported = {(today - run.places_reported_on).days for run in CourseRun.objects.exclude(places_reported_on=None)}
    assert len(reported) >= 5 and max(reported) > 14
    assert CourseRun.objects.exclude(weekdays=[]).exists()
    assert CourseRun.objects.filter(rolling_entry=True, start_date__lt=today).exists()


def test_categories_and_target_groups_are_translated_into_all_languages():
    for item in [*Category.objects.all(), *TargetGroup.objects.all()]:
        for code in language_codes():
            assert getattr(item, f"name_{code}"), (item, code)
    for category in Category.objects.all():
        for code in language_codes():
            assert getattr(category, f"explanation_{code}"), (category, code)


def test_scaled_synthetic_catalogue_is_reproducible_and_replaces_itself():
    call_command("load_demo", "--scale", "300", "--municipalities", "40")
    synthetic = Offer.objects.filter(provider__slug__startswith=SYNTHETIC_PREFIX)
    assert synthetic.count() == 300
    assert Municipality.objects.count() == 40
    titles = list(synthetic.order_by("pk").values_list("title_de", flat=True))

    call_command("load_demo", "--scale", "300", "--municipalities", "40")
    assert Offer.objects.count() == 300
    assert list(Offer.objects.order_by("pk").values_list("title_de", flat=True)) == titles

    counts = Counter(offer.category_id for offer in Offer.objects.all())
    assert len(counts) == Category.objects.count()
    # Bulk-created offers are searchable like saved ones.
    assert Offer.objects.search("synthetisches").count() == 300
    assert CourseRun.objects.filter(offer__in=synthetic).count() == 900  # three runs each: 150,000 at --scale 50000
    assert Offer.objects.search("синтетична", languages=["uk"]).count() == 150


@pytest.mark.parametrize("arguments", [["--scale", "0"], ["--scale", "5", "--municipalities", "3"]])
def test_scale_refuses_nonsense(arguments):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError):
        call_command("load_demo", *arguments)


def test_demo_has_walk_in_and_appointment_hours_closures_and_a_location_open_on_holidays():
    from offers.models import Closure, HoursKind, WeeklyHours, overlapping_hours

    call_command("load_demo")
    first = (WeeklyHours.objects.count(), Closure.objects.count())
    call_command("load_demo")
    assert (WeeklyHours.objects.count(), Closure.objects.count()) == first  # loading twice duplicates nothing
    assert set(WeeklyHours.objects.values_list("kind", flat=True)) == set(HoursKind.values)
    assert WeeklyHours.objects.filter(offer__isnull=False).exists()  # counselling with hours of its own
    assert Closure.objects.filter(ends_on__isnull=True).exists() and Closure.objects.filter(ends_on__isnull=False)
    assert Location.objects.filter(closed_on_public_holidays=False).exists()
    for row in [*WeeklyHours.objects.all(), *Closure.objects.all()]:
        row.full_clean()
    for owner in [*Location.objects.prefetch_related("weekly_hours"), *Offer.objects.prefetch_related("weekly_hours")]:
        assert overlapping_hours(owner.weekly_hours.all()) is None, owner
    walk_in = Offer.objects.published().with_walk_in().counselling_for_everyone()
    assert walk_in.count() >= 8


def test_every_synthetic_location_has_weekly_hours():
    from offers.models import WeeklyHours

    call_command("load_demo", "--scale", "50", "--municipalities", "20")
    synthetic = Location.objects.filter(provider__slug__startswith=SYNTHETIC_PREFIX)
    assert synthetic.count() == 20
    assert not synthetic.exclude(pk__in=WeeklyHours.objects.values("location")).exists()


needs_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="COPY is PostgreSQL's (runs in the PostgreSQL CI pass)"
)


@needs_postgresql
def test_the_synthetic_load_by_copy_stores_what_bulk_create_stores(monkeypatch):
    """`--scale` writes its rows by COPY on PostgreSQL: column for column (every language's) what Django's
    INSERTs write, and the run dates as CourseRun's bulk_create rebuilds them from the stored runs."""
    from django.db import models

    from demo import synthetic
    from offers.models import OfferRunDates

    def stored():
        offers = Offer.objects.filter(provider__slug__startswith=SYNTHETIC_PREFIX).order_by("pk")
        place = {pk: index for index, pk in enumerate(offers.values_list("pk", flat=True))}
        place_names = dict(Location.objects.values_list("pk", "name"))
        moving = {"id", "uuid", "created", "updated", "offer_id", "provider_id"}

        def rows(model, queryset, *order):
            columns = [field.attname for field in model._meta.concrete_fields]
            # A plain QuerySet: modeltranslation's values() would give one column per text, not each language's.
            plain = models.QuerySet(model).filter(pk__in=queryset.values("pk")).order_by(*order)
            return [
                (
                    {key: place_names.get(value) if key == "location_id" else value for key, value in row.items()}
                    | dict.fromkeys(moving & row.keys()),
                    place[row.get("offer_id", row.get("id"))],
                )
                for row in plain.values(*columns)
            ]

        return {
            "offers": rows(Offer, offers, "pk"),
            "runs": rows(CourseRun, CourseRun.objects.filter(offer__in=offers), "offer", "pk"),
            "run dates": rows(OfferRunDates, OfferRunDates.objects.filter(offer__in=offers), "offer"),
            "places": rows(Offer.locations.through, Offer.locations.through.objects.filter(offer__in=offers), "offer"),
            "groups": rows(
                Offer.target_groups.through,
                Offer.target_groups.through.objects.filter(offer__in=offers),
                "offer",
                "targetgroup",
            ),
        }

    def by_insert(model, objs):
        if model is OfferRunDates:
            return []  # CourseRun's bulk_create writes them, from the runs read back
        return (CourseRun.objects if model is CourseRun else models.QuerySet(model)).bulk_create(objs)

    synthetic.generate_synthetic(120, 15)
    by_copy = stored()
    monkeypatch.setattr(synthetic, "write_rows", by_insert)
    synthetic.generate_synthetic(120, 15)
    by_insert = stored()
    assert len(by_copy["offers"]) == 120 and len(by_copy["runs"]) == 360 and len(by_copy["run dates"]) == 120
    translated = by_copy["offers"][1][0]
    assert translated["title_uk"] and translated["summary_ar"] and translated["languages"]
    assert by_copy["runs"][0][0]["location_id"].startswith("Treffpunkt")
    assert by_copy == by_insert


@needs_postgresql
def test_copy_keeps_backslashes_tabs_and_line_breaks():
    from demo.synthetic import copy_rows

    odd = "C:\\Kurse\tRaum 2\nzweite Zeile\r\\N \\. Ünna"
    (by_copy,) = copy_rows(Provider, [Provider(name=odd, slug="copy-escapes", description_de=odd)])
    (by_insert,) = Provider.objects.bulk_create([Provider(name=odd, slug="insert-escapes", description_de=odd)])
    texts = ["name", "description_de", "description_en", "description_ar"]
    stored = {row["slug"]: row for row in Provider.objects.values("slug", "uuid", *texts)}
    assert stored["copy-escapes"]["name"] == odd and stored["copy-escapes"]["description_de"] == odd
    assert [stored["copy-escapes"][name] for name in texts] == [stored["insert-escapes"][name] for name in texts]
    assert stored["copy-escapes"]["uuid"] == by_copy.uuid and by_copy.pk != by_insert.pk
