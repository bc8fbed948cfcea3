"""The glossary's first words in Persian (fa), which joined the portal after 0002 seeded the others.

The texts are in ``0005_persian_terms.json`` beside this file, frozen with the migration. Only a
word that exists gets them, and only where its Persian text is still empty, so nothing KI staff
wrote is overwritten.
"""

import json
from pathlib import Path

from django.db import migrations

TERMS = json.loads(Path(__file__).with_suffix(".json").read_text(encoding="utf-8"))
FIELDS = ("word", "variants", "explanation")


def text(texts, field):
    value = texts[field]
    return "\n".join(value) if isinstance(value, list) else value


def add_persian(apps, schema_editor):
    Term = apps.get_model("glossary", "Term")
    for term in Term.objects.filter(slug__in=TERMS):
        changed = [f"{field}_fa" for field in FIELDS if not getattr(term, f"{field}_fa")]
        for column in changed:
            setattr(term, column, text(TERMS[term.slug], column.removesuffix("_fa")))
        if changed:
            term.save(update_fields=changed)


def remove_persian(apps, schema_editor):
    Term = apps.get_model("glossary", "Term")
    for term in Term.objects.filter(slug__in=TERMS):
        changed = [f"{field}_fa" for field in FIELDS if getattr(term, f"{field}_fa") == text(TERMS[term.slug], field)]
        for column in changed:
            setattr(term, column, "")
        if changed:
            term.save(update_fields=changed)


class Migration(migrations.Migration):
    dependencies = [("glossary", "0004_persian")]

    operations = [migrations.RunPython(add_persian, remove_persian)]
