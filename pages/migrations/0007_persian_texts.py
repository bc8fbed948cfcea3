"""The information pages in Persian (fa), which joined the portal after 0002 seeded the others.

The texts are in ``0007_persian_texts.json`` beside this file, frozen with the migration: the
seeded pages as they stand after 0004 and 0005. Only a page that exists gets them, and only
where its Persian text is still empty, so nothing KI staff wrote is overwritten.
"""

import json
from pathlib import Path

from django.db import migrations

TEXTS = json.loads(Path(__file__).with_suffix(".json").read_text(encoding="utf-8"))
FIELDS = ("title", "summary", "body")


def add_persian(apps, schema_editor):
    InfoPage = apps.get_model("pages", "InfoPage")
    for page in InfoPage.objects.filter(slug__in=TEXTS):
        texts = TEXTS[page.slug]
        changed = [f"{field}_fa" for field in FIELDS if not getattr(page, f"{field}_fa")]
        for column in changed:
            setattr(page, column, texts[column.removesuffix("_fa")])
        if changed:
            page.save(update_fields=changed)


def remove_persian(apps, schema_editor):
    InfoPage = apps.get_model("pages", "InfoPage")
    for page in InfoPage.objects.filter(slug__in=TEXTS):
        texts = TEXTS[page.slug]
        changed = [f"{field}_fa" for field in FIELDS if getattr(page, f"{field}_fa") == texts[field]]
        for column in changed:
            setattr(page, column, "")
        if changed:
            page.save(update_fields=changed)


class Migration(migrations.Migration):
    dependencies = [("pages", "0006_persian")]

    operations = [migrations.RunPython(add_persian, remove_persian)]
