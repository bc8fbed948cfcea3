"""One run per offer from what the offer held about its dates, nothing lost.

An offer with a start or end date, a schedule text in any language, or integration-course facts
that differ per run (rolling entry, registration deadline, full or part time, time of day, free
places) gets one run holding them; the schedule text in every language becomes the run's note.
The old yes/no "free places" had no number and no date: "no" becomes 0 free places, "yes" an
unknown number (public pages say "please ask" until a provider reports a figure). Reversible.
"""

from django.conf import settings
from django.db import migrations


def languages(apps):
    """The languages of LANGUAGES whose columns exist at this migration (a later language has none yet)."""
    offer_fields = {field.name for field in apps.get_model("offers", "Offer")._meta.fields}
    run_fields = {field.name for field in apps.get_model("offers", "CourseRun")._meta.fields}
    return [
        code
        for code, _name in settings.LANGUAGES
        if f"schedule_{code}" in offer_fields and f"note_{code}" in run_fields
    ]


def runs_from_offers(apps, schema_editor):
    Offer = apps.get_model("offers", "Offer")
    IntegrationCourse = apps.get_model("offers", "IntegrationCourse")
    CourseRun = apps.get_model("offers", "CourseRun")
    courses = {course.offer_id: course for course in IntegrationCourse.objects.all()}
    runs = []
    codes = languages(apps)
    for offer in Offer.objects.order_by("pk").iterator(chunk_size=2000):
        course = courses.get(offer.pk)
        notes = {f"note_{code}": getattr(offer, f"schedule_{code}") or "" for code in codes}
        if not (offer.start_date or offer.end_date or any(notes.values()) or course):
            continue
        run = CourseRun(
            offer_id=offer.pk,
            start_date=offer.start_date,
            end_date=offer.end_date,
            note=offer.schedule or "",
            **{name: value or None for name, value in notes.items()},
        )
        run.note_de = notes["note_de"]
        if course:
            run.rolling_entry = course.rolling_entry
            run.registration_deadline = course.registration_deadline
            run.intensity = course.intensity
            run.time_of_day = course.time_of_day
            run.free_places = None if course.has_free_places else 0
        runs.append(run)
        if len(runs) >= 2000:
            CourseRun.objects.bulk_create(runs)
            runs = []
    CourseRun.objects.bulk_create(runs)


def offers_from_runs(apps, schema_editor):
    """Back: the first run of each offer (0026's reverse then drops the runs)."""
    Offer = apps.get_model("offers", "Offer")
    IntegrationCourse = apps.get_model("offers", "IntegrationCourse")
    CourseRun = apps.get_model("offers", "CourseRun")
    seen = set()
    codes = languages(apps)
    for run in CourseRun.objects.order_by("offer_id", "start_date", "pk"):
        if run.offer_id in seen:
            continue
        seen.add(run.offer_id)
        schedule = {f"schedule_{code}": getattr(run, f"note_{code}") for code in codes}
        Offer.objects.filter(pk=run.offer_id).update(
            start_date=run.start_date, end_date=run.end_date, schedule=run.note_de or "", **schedule
        )
        IntegrationCourse.objects.filter(offer_id=run.offer_id).update(
            rolling_entry=run.rolling_entry,
            registration_deadline=run.registration_deadline,
            intensity=run.intensity or "part_time",
            time_of_day=run.time_of_day or "morning",
            has_free_places=run.free_places != 0,
        )


class Migration(migrations.Migration):
    dependencies = [
        ("offers", "0026_course_runs"),
    ]

    operations = [
        migrations.RunPython(runs_from_offers, offers_from_runs),
    ]
