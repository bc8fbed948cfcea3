"""Migrations 0026–0028: an offer's dates, schedule texts and per-run course facts move into runs, nothing lost.

Run with Django's MigrationExecutor: rows are made with the models as they were just before (0025), then the
migrations run, and every value is looked for on the run.
"""

import datetime
import json
from pathlib import Path

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from offers.models import CourseRun, IntegrationCourse, Offer

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

BEFORE = [("offers", "0025_stable_uuids")]
LANGUAGES = ["de", "en", "tr", "ar", "ru", "uk"]
DEMO_BEFORE_RUNS = Path(__file__).parent / "data" / "demo_offers_before_runs.json"
TODAY = datetime.date(2026, 11, 25)


@pytest.fixture
def migrate():
    """migrate(target) -> the historical apps at `target`; afterwards the database is back at the latest state."""

    def to(target):
        executor = MigrationExecutor(connection)
        executor.migrate(target)
        return executor.loader.project_state(target).apps

    yield to
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())


def latest():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


def old_offer(apps, provider, category, title, **fields):
    Offer = apps.get_model("offers", "Offer")
    return Offer.objects.create(
        provider=provider,
        category=category,
        title=title,
        title_de=title,
        slug="angebot",
        summary_de="Kurz.",
        languages=",de,",
        **fields,
    )


def test_hand_made_rows_before_the_runs_arrive_on_their_runs_with_every_value(migrate):
    apps = migrate(BEFORE)
    Provider = apps.get_model("offers", "Provider")
    Category = apps.get_model("offers", "Category")
    OldCourse = apps.get_model("offers", "IntegrationCourse")
    provider = Provider.objects.create(
        name="Sprachschule Lindenhof", slug="lindenhof-migration", kind="course_provider"
    )
    course_category = Category.objects.get(slug="integrationskurs")
    counselling = Category.objects.get(slug="beratung")
    schedules = {f"schedule_{code}": f"Mo–Fr 8:45–12:00 ({code})" for code in LANGUAGES}
    course_offer = old_offer(
        apps,
        provider,
        course_category,
        "Integrationskurs am Abend",
        start_date=datetime.date(2027, 2, 1),
        end_date=datetime.date(2027, 9, 30),
        schedule="Mo–Fr 8:45–12:00 (de)",
        **schedules,
    )
    OldCourse.objects.create(
        offer=course_offer,
        course_type="intensive",
        teaching_units=500,
        target_level="A2",
        intensity="full_time",
        time_of_day="evening",
        rolling_entry=True,
        has_free_places=False,
        registration_deadline=datetime.date(2027, 1, 15),
    )
    open_course = old_offer(apps, provider, course_category, "Kurs mit Plätzen")
    OldCourse.objects.create(
        offer=open_course,
        course_type="general",
        teaching_units=700,
        intensity="part_time",
        time_of_day="afternoon",
        has_free_places=True,
    )
    only_english = old_offer(apps, provider, counselling, "Nur englischer Zeitplan", schedule_en="Tuesdays 4–6 pm")
    only_end = old_offer(apps, provider, counselling, "Nur ein Ende", end_date=datetime.date(2027, 3, 31))
    nothing = old_offer(apps, provider, counselling, "Ohne Termine")

    migrate(latest())

    run = CourseRun.objects.get(offer_id=course_offer.pk)
    assert (run.start_date, run.end_date) == (datetime.date(2027, 2, 1), datetime.date(2027, 9, 30))
    assert [getattr(run, f"note_{code}") for code in LANGUAGES] == [f"Mo–Fr 8:45–12:00 ({code})" for code in LANGUAGES]
    assert run.rolling_entry is True
    assert run.registration_deadline == datetime.date(2027, 1, 15)
    assert (run.intensity, run.time_of_day) == ("full_time", "evening")
    assert run.free_places == 0  # "no free places" stays no free places
    # What holds for every run stays with the course.
    course = IntegrationCourse.objects.get(offer_id=course_offer.pk)
    assert (course.course_type, course.teaching_units, course.target_level) == ("intensive", 500, "A2")

    open_run = CourseRun.objects.get(offer_id=open_course.pk)
    assert open_run.free_places is None and open_run.places_reported_on is None  # "yes", without a number: please ask
    assert (open_run.intensity, open_run.time_of_day, open_run.rolling_entry) == ("part_time", "afternoon", False)
    assert open_run.state(TODAY) == CourseRun.State.ASK

    english = CourseRun.objects.get(offer_id=only_english.pk)
    assert english.note_en == "Tuesdays 4–6 pm" and not english.note_de
    assert CourseRun.objects.get(offer_id=only_end.pk).end_date == datetime.date(2027, 3, 31)
    assert not CourseRun.objects.filter(offer_id=nothing.pk).exists()
    assert CourseRun.objects.count() == 4
    # The moved columns are gone from the offer and the course.
    offer_columns = {field.name for field in Offer._meta.get_fields()}
    assert not offer_columns & {"start_date", "end_date", "schedule", "schedule_de"}
    course_columns = {field.name for field in IntegrationCourse._meta.get_fields()}
    assert not course_columns & {
        "intensity",
        "time_of_day",
        "rolling_entry",
        "has_free_places",
        "registration_deadline",
    }


def test_the_demo_catalogue_as_it_was_before_the_runs_moves_into_runs_without_loss(migrate):
    apps = migrate(BEFORE)
    Provider = apps.get_model("offers", "Provider")
    Category = apps.get_model("offers", "Category")
    OldCourse = apps.get_model("offers", "IntegrationCourse")
    demo = json.loads(DEMO_BEFORE_RUNS.read_text(encoding="utf-8"))
    providers = {
        data["slug"]: Provider.objects.create(name=data["name"], slug=data["slug"], kind=data["kind"])
        for data in demo["providers"]
    }
    categories = {category.slug: category for category in Category.objects.all()}

    def day(days):
        return None if days is None else TODAY + datetime.timedelta(days=days)

    expected = {}
    for data in demo["offers"]:
        schedules = {f"schedule_{code}": data["schedule"].get(code, "") for code in LANGUAGES}
        offer = old_offer(
            apps,
            providers[data["provider"]],
            categories[data["category"]],
            data["title"],
            start_date=day(data["start_in_days"]),
            end_date=day(data["end_in_days"]),
            schedule=data["schedule"].get("de", ""),
            **schedules,
        )
        course = data["course"]
        if course:
            OldCourse.objects.create(
                offer=offer,
                **{key: value for key, value in course.items() if key != "registration_deadline_in_days"},
                registration_deadline=day(course["registration_deadline_in_days"]),
            )
        expected[offer.pk] = data

    migrate(latest())

    runs = {run.offer_id: run for run in CourseRun.objects.all()}
    with_something = [
        pk
        for pk, data in expected.items()
        if data["start_in_days"] is not None or data["end_in_days"] is not None or data["schedule"] or data["course"]
    ]
    assert sorted(runs) == sorted(with_something)
    assert CourseRun.objects.count() == len(with_something)  # one run each
    for pk in with_something:
        data, run = expected[pk], runs[pk]
        assert (run.start_date, run.end_date) == (day(data["start_in_days"]), day(data["end_in_days"])), data["title"]
        for code in LANGUAGES:
            assert (getattr(run, f"note_{code}") or "") == data["schedule"].get(code, ""), (data["title"], code)
        course = data["course"]
        if course:
            assert run.rolling_entry == course["rolling_entry"]
            assert run.registration_deadline == day(course["registration_deadline_in_days"])
            assert (run.intensity, run.time_of_day) == (course["intensity"], course["time_of_day"])
            assert run.free_places == (None if course["has_free_places"] else 0)
