"""Information pages KI staff maintain: seeded with short texts in six languages.

The texts are in ``0002_info_pages.json`` beside this file, frozen with the migration, so it
seeds the same pages whenever it runs. Legal pages are placeholders (placeholder=True) until
the district fills them in.
"""

import json
from pathlib import Path

from django.db import migrations

LANGUAGES = ("de", "en", "tr", "ar", "ru", "uk")
PAGES = Path(__file__).with_suffix(".json")


def load(apps, schema_editor):
    InfoPage = apps.get_model("pages", "InfoPage")
    with open(PAGES, encoding="utf-8") as file:
        pages = json.load(file)
    for page in pages:
        texts = page["texts"]
        values = {"kind": page["kind"], "order": page["order"], "placeholder": page["placeholder"]}
        for field in ("title", "summary", "body"):
            for code in LANGUAGES:
                values[f"{field}_{code}"] = texts[code][field] if code in texts else ""
            values[field] = texts["de"][field]
        InfoPage.objects.update_or_create(slug=page["slug"], defaults=values)


class Migration(migrations.Migration):
    dependencies = [("pages", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
