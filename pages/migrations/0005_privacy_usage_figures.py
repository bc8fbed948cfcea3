"""The privacy notice says what the usage figures count and why, and what a report on an offer keeps.

The paragraphs are data, frozen with this migration in 0005_privacy_usage_figures.json. Appended
like 0004's: only to a privacy page that exists, only in languages it has a text in, only once.
"""

import json
from pathlib import Path

from django.db import migrations

SLUG = "datenschutz"
PARAGRAPH = json.loads((Path(__file__).parent / "0005_privacy_usage_figures.json").read_text(encoding="utf-8"))


def add_usage_figures(apps, schema_editor):
    page = apps.get_model("pages", "InfoPage").objects.filter(slug=SLUG).first()
    if page is None:
        return
    for code, paragraph in PARAGRAPH.items():
        body = getattr(page, f"body_{code}")
        if body and paragraph not in body:
            setattr(page, f"body_{code}", f"{body.rstrip()}\n\n{paragraph}")
    page.body = page.body_de
    page.save()


def remove_usage_figures(apps, schema_editor):
    page = apps.get_model("pages", "InfoPage").objects.filter(slug=SLUG).first()
    if page is None:
        return
    for code, paragraph in PARAGRAPH.items():
        body = getattr(page, f"body_{code}")
        if body:
            setattr(page, f"body_{code}", body.replace(f"\n\n{paragraph}", ""))
    page.body = page.body_de
    page.save()


class Migration(migrations.Migration):
    dependencies = [("pages", "0004_privacy_login_records")]

    operations = [migrations.RunPython(add_usage_figures, remove_usage_figures)]
