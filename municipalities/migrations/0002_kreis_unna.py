"""The Kreis Unna and its ten towns, census figures as published (Zensus 2011 / IT NRW).

The figures are in ``0002_kreis_unna.json`` beside this file, frozen with the migration. The
district's own row is as printed, not the sum of the rounded town figures; percentages are
strings there, so they stay exactly as published.
"""

import json
from decimal import Decimal
from pathlib import Path

from django.db import migrations

FIGURES = Path(__file__).with_suffix(".json")


def load(apps, schema_editor):
    District = apps.get_model("municipalities", "District")
    Municipality = apps.get_model("municipalities", "Municipality")
    with open(FIGURES, encoding="utf-8") as file:
        data = json.load(file)

    def census(row):
        return {
            "population": row["population"],
            "population_without_migration_background": row["population_without_migration_background"],
            "population_with_migration_background": row["population_with_migration_background"],
            "migration_background_percent": Decimal(row["migration_background_percent"]),
            "foreigners": row["foreigners"],
            "foreigners_percent": Decimal(row["foreigners_percent"]),
            "census_year": data["census_year"],
            "census_source": data["census_source"],
        }

    district_row = data["district"]
    district, _created = District.objects.update_or_create(
        key=district_row["key"],
        defaults={"name": district_row["name"], "slug": district_row["slug"], **census(district_row)},
    )
    for row in data["municipalities"]:
        Municipality.objects.update_or_create(
            official_key=row["official_key"],
            defaults={
                "district": district,
                "name": row["name"],
                "slug": row["slug"],
                "postal_codes": row["postal_codes"],
                **census(row),
            },
        )


class Migration(migrations.Migration):
    dependencies = [("municipalities", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
