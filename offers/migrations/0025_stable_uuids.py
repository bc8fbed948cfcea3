"""Stable UUIDs for what the open data API publishes (HSDS ids): providers, places, categories, target groups, offers;
and the index the API counts a town's offers from.

Three steps, so existing rows each get their own id: add the column empty, fill it row by row,
then make it unique and required (a default in AddField would give every row the same one).
"""

import uuid

from django.db import migrations, models

MODELS = ("provider", "location", "category", "targetgroup", "offer")


def fill_uuids(apps, schema_editor):
    for name in MODELS:
        model = apps.get_model("offers", name)
        rows = list(model.objects.filter(uuid__isnull=True).only("pk"))
        for row in rows:
            row.uuid = uuid.uuid4()
        model.objects.bulk_update(rows, ["uuid"], batch_size=1000)


def field(null):
    if null:
        return models.UUIDField(null=True, editable=False, verbose_name="Dauerhafte Kennung")
    return models.UUIDField(default=uuid.uuid4, editable=False, unique=True, verbose_name="Dauerhafte Kennung")


class Migration(migrations.Migration):
    dependencies = [
        ("offers", "0024_search_failed_searches"),
    ]

    operations = [
        *(migrations.AddField(model_name=name, name="uuid", field=field(null=True)) for name in MODELS),
        migrations.RunPython(fill_uuids, migrations.RunPython.noop),
        *(migrations.AlterField(model_name=name, name="uuid", field=field(null=False)) for name in MODELS),
        # The API counts a town's offers from this index (api/views.py, count_in_town).
        migrations.AddIndex(
            model_name="offer",
            index=models.Index(
                fields=["status", "visible_until", "format", "whole_district", "id"], name="offers_offer_reach"
            ),
        ),
    ]
