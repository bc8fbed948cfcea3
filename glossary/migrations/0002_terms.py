"""The glossary's first words, in every language the portal had when it was written.

The texts are in ``0002_terms.json`` beside this file, frozen with the migration. A language
added later (Persian) gets its columns from a later migration and starts empty: its pages
show the German word and explanation, marked lang="de", until KI staff fill them in.
"""

import json
from pathlib import Path

from django.core.exceptions import FieldDoesNotExist
from django.db import migrations

TERMS = Path(__file__).with_suffix(".json")


def load(apps, schema_editor):
    Term = apps.get_model("glossary", "Term")

    def has_column(name):
        try:
            Term._meta.get_field(name)
        except FieldDoesNotExist:
            return False
        return True

    with open(TERMS, encoding="utf-8") as file:
        terms = json.load(file)
    for term in terms:
        values = {}
        for code, texts in term["texts"].items():
            for field in ("word", "variants", "explanation"):
                value = texts[field]
                value = "\n".join(value) if isinstance(value, list) else value
                if has_column(f"{field}_{code}"):
                    values[f"{field}_{code}"] = value
                if code == "de":
                    values[field] = value
        Term.objects.update_or_create(slug=term["slug"], defaults=values)


class Migration(migrations.Migration):
    dependencies = [("glossary", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
