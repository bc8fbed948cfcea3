"""Persian (fa) names of the categories and target groups, and Persian synonyms, for what 0002 and
0023 seeded before fa had its columns (data: 0030_persian_texts.json, frozen with this migration).

Only rows that exist get them, found by slug (synonyms: by the words they were seeded with), and
only where the Persian text is still empty, so nothing KI staff wrote is overwritten.
"""

import json
from pathlib import Path

from django.db import migrations

DATA = json.loads(Path(__file__).with_suffix(".json").read_text(encoding="utf-8"))


def fill(row, texts):
    """Set each empty `<field>_fa` of `row` from {field: text}; save only what changed."""
    changed = [f"{field}_fa" for field, text in texts.items() if text and not getattr(row, f"{field}_fa")]
    for column in changed:
        setattr(row, column, texts[column.removesuffix("_fa")])
    if changed:
        row.save(update_fields=changed)


def unfill(row, texts):
    changed = [f"{field}_fa" for field, text in texts.items() if text and getattr(row, f"{field}_fa") == text]
    for column in changed:
        setattr(row, column, "")
    if changed:
        row.save(update_fields=changed)


def rows(apps):
    Category = apps.get_model("offers", "Category")
    TargetGroup = apps.get_model("offers", "TargetGroup")
    Synonym = apps.get_model("offers", "Synonym")
    for category in Category.objects.filter(slug__in=DATA["categories"]):
        name, explanation = DATA["categories"][category.slug]
        yield category, {"name": name, "explanation": explanation}
    for group in TargetGroup.objects.filter(slug__in=DATA["target_groups"]):
        yield group, {"name": DATA["target_groups"][group.slug]}
    for row in DATA["synonyms"]:
        for synonym in Synonym.objects.filter(words=row["seeded"]):
            yield synonym, {"words": row["words"], "also_search": row["also_search"]}


def add_persian(apps, schema_editor):
    for row, texts in list(rows(apps)):
        fill(row, texts)


def remove_persian(apps, schema_editor):
    for row, texts in list(rows(apps)):
        unfill(row, texts)


class Migration(migrations.Migration):
    dependencies = [("offers", "0029_persian")]

    operations = [migrations.RunPython(add_persian, remove_persian)]
