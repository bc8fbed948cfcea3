"""The dates, schedule texts and per-run course facts live on the runs now (moved by 0027)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("offers", "0027_runs_from_offer_dates"),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name="offer",
            name="offer_starts_before_it_ends",
        ),
        migrations.RemoveField(
            model_name="integrationcourse",
            name="has_free_places",
        ),
        migrations.RemoveField(
            model_name="integrationcourse",
            name="intensity",
        ),
        migrations.RemoveField(
            model_name="integrationcourse",
            name="registration_deadline",
        ),
        migrations.RemoveField(
            model_name="integrationcourse",
            name="rolling_entry",
        ),
        migrations.RemoveField(
            model_name="integrationcourse",
            name="time_of_day",
        ),
        migrations.RemoveField(
            model_name="offer",
            name="end_date",
        ),
        migrations.RemoveField(
            model_name="offer",
            name="schedule",
        ),
        migrations.RemoveField(
            model_name="offer",
            name="schedule_ar",
        ),
        migrations.RemoveField(
            model_name="offer",
            name="schedule_de",
        ),
        migrations.RemoveField(
            model_name="offer",
            name="schedule_en",
        ),
        migrations.RemoveField(
            model_name="offer",
            name="schedule_ru",
        ),
        migrations.RemoveField(
            model_name="offer",
            name="schedule_tr",
        ),
        migrations.RemoveField(
            model_name="offer",
            name="schedule_uk",
        ),
        migrations.RemoveField(
            model_name="offer",
            name="start_date",
        ),
    ]
