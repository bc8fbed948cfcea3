"""Course runs: an offer has many runs (dates, class times, place, free places); 0027 fills them."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

import offers.fields
from portal.migration_support import grant


def editors_edit_runs(apps, schema_editor):
    # Both editorial groups keep runs: providers report their places and dates, KI staff check them.
    for group in ("KI-Redaktion", "Träger-Redaktion"):
        grant(apps, group, {"offers": {"courserun": ("add", "change", "delete", "view")}})


class Migration(migrations.Migration):
    dependencies = [
        ("offers", "0025_stable_uuids"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="CourseRun",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("start_date", models.DateField(blank=True, null=True, verbose_name="Beginn")),
                ("end_date", models.DateField(blank=True, null=True, verbose_name="Ende")),
                ("registration_deadline", models.DateField(blank=True, null=True, verbose_name="Anmeldeschluss")),
                ("rolling_entry", models.BooleanField(default=False, verbose_name="Einstieg jederzeit möglich")),
                (
                    "weekdays",
                    offers.fields.WeekdaysField(blank=True, default=list, max_length=7, verbose_name="Wochentage"),
                ),
                ("class_start", models.TimeField(blank=True, null=True, verbose_name="Unterricht von")),
                ("class_end", models.TimeField(blank=True, null=True, verbose_name="Unterricht bis")),
                (
                    "intensity",
                    models.CharField(
                        blank=True,
                        choices=[("full_time", "Vollzeit"), ("part_time", "Teilzeit")],
                        max_length=10,
                        verbose_name="Vollzeit oder Teilzeit",
                    ),
                ),
                (
                    "time_of_day",
                    models.CharField(
                        blank=True,
                        choices=[("morning", "Vormittags"), ("afternoon", "Nachmittags"), ("evening", "Abends")],
                        max_length=10,
                        verbose_name="Tageszeit",
                    ),
                ),
                ("note", models.CharField(blank=True, max_length=300, verbose_name="Hinweis zum Termin")),
                ("note_de", models.CharField(blank=True, max_length=300, null=True, verbose_name="Hinweis zum Termin")),
                ("note_en", models.CharField(blank=True, max_length=300, null=True, verbose_name="Hinweis zum Termin")),
                ("note_tr", models.CharField(blank=True, max_length=300, null=True, verbose_name="Hinweis zum Termin")),
                ("note_ar", models.CharField(blank=True, max_length=300, null=True, verbose_name="Hinweis zum Termin")),
                ("note_ru", models.CharField(blank=True, max_length=300, null=True, verbose_name="Hinweis zum Termin")),
                ("note_uk", models.CharField(blank=True, max_length=300, null=True, verbose_name="Hinweis zum Termin")),
                (
                    "max_places",
                    models.PositiveSmallIntegerField(blank=True, null=True, verbose_name="Plätze insgesamt"),
                ),
                ("free_places", models.PositiveSmallIntegerField(blank=True, null=True, verbose_name="Freie Plätze")),
                ("places_reported_on", models.DateField(blank=True, null=True, verbose_name="Plätze Stand")),
                ("is_cancelled", models.BooleanField(default=False, verbose_name="Abgesagt")),
                ("has_waiting_list", models.BooleanField(default=False, verbose_name="Warteliste")),
            ],
            options={
                "verbose_name": "Termin",
                "verbose_name_plural": "Termine",
                "ordering": ["start_date", "pk"],
            },
        ),
        migrations.AddField(
            model_name="courserun",
            name="location",
            field=models.ForeignKey(
                blank=True,
                help_text="Einer der Orte des Angebots.",
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="runs",
                to="offers.location",
                verbose_name="Ort",
            ),
        ),
        migrations.AddField(
            model_name="courserun",
            name="offer",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="runs",
                to="offers.offer",
                verbose_name="Angebot",
            ),
        ),
        migrations.AddField(
            model_name="courserun",
            name="places_reported_by",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
                verbose_name="Plätze gemeldet von",
            ),
        ),
        migrations.AddIndex(
            model_name="courserun",
            index=models.Index(fields=["offer", "start_date"], name="offers_cour_offer_i_7fadde_idx"),
        ),
        migrations.AddIndex(
            model_name="courserun",
            index=models.Index(fields=["end_date"], name="offers_cour_end_dat_8913c5_idx"),
        ),
        migrations.AddConstraint(
            model_name="courserun",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("start_date__isnull", True),
                    ("end_date__isnull", True),
                    ("start_date__lte", models.F("end_date")),
                    _connector="OR",
                ),
                name="run_starts_before_it_ends",
            ),
        ),
        migrations.AddConstraint(
            model_name="courserun",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("free_places__isnull", True),
                    ("max_places__isnull", True),
                    ("free_places__lte", models.F("max_places")),
                    _connector="OR",
                ),
                name="run_free_places_within_maximum",
            ),
        ),
        migrations.AddConstraint(
            model_name="courserun",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("class_start__isnull", True),
                    ("class_end__isnull", True),
                    ("class_start__lt", models.F("class_end")),
                    _connector="OR",
                ),
                name="run_class_starts_before_it_ends",
            ),
        ),
        migrations.RunPython(editors_edit_runs, migrations.RunPython.noop),
    ]
