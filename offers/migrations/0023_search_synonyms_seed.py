"""A first list of synonyms for every language (data: 0023_search_synonyms.json, frozen with this migration).

KI-Redaktion keeps them in the admin; provider staff do not (their group gets no permission here).
"""

import json
from pathlib import Path

from django.db import migrations

from portal.migration_support import grant

DATA = Path(__file__).with_suffix("").with_name("0023_search_synonyms.json")


def seed(apps, schema_editor):
    Synonym = apps.get_model("offers", "Synonym")
    Category = apps.get_model("offers", "Category")
    TargetGroup = apps.get_model("offers", "TargetGroup")
    columns = {field.name for field in Synonym._meta.fields}
    for row in json.loads(DATA.read_text(encoding="utf-8"))["synonyms"]:
        synonym = Synonym(
            category=Category.objects.filter(slug=row.get("category")).first(),
            target_group=TargetGroup.objects.filter(slug=row.get("target_group")).first(),
        )
        for name in ("words", "also_search"):
            texts = row.get(name, {})
            setattr(synonym, name, texts.get("de") or next(iter(texts.values()), ""))
            for code, text in texts.items():
                if f"{name}_{code}" in columns:  # a language the portal speaks (fa waits for its column)
                    setattr(synonym, f"{name}_{code}", text)
        synonym.save()
    grant(apps, "KI-Redaktion", {"offers": {"synonym": ("add", "change", "delete", "view")}})


def unseed(apps, schema_editor):
    apps.get_model("offers", "Synonym").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("offers", "0022_search_synonyms_and_own_texts")]

    operations = [migrations.RunPython(seed, unseed)]
