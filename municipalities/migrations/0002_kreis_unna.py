"""The Kreis Unna and its ten towns, census figures as published (Zensus 2011 / IT NRW)."""

from decimal import Decimal

from django.db import migrations

CENSUS_YEAR = 2011
CENSUS_SOURCE = "Zensus 2011 / IT NRW"

# name, slug, AGS, postal codes, population, without MH, with MH, MH %, foreigners, foreigners %
KREIS_UNNA = [
    ("Bergkamen", "bergkamen", "05978004", "59192", 49011, 36620, 12390, "25.3", 4250, "8.7"),
    ("Bönen", "boenen", "05978008", "59199", 18018, 13820, 4150, "23.0", 1520, "8.4"),
    ("Fröndenberg/Ruhr", "froendenberg", "05978012", "58730", 20928, 17300, 3560, "17.0", 1030, "4.9"),
    ("Holzwickede", "holzwickede", "05978016", "59439", 16755, 13920, 2820, "16.8", 870, "5.2"),
    ("Kamen", "kamen", "05978020", "59174", 43815, 34400, 9080, "20.7", 2580, "5.9"),
    ("Lünen", "luenen", "05978024", "44532 44534 44536", 86010, 56510, 29190, "34.6", 9010, "10.5"),
    ("Schwerte", "schwerte", "05978028", "58239", 46743, 36810, 9590, "20.5", 2880, "6.2"),
    ("Selm", "selm", "05978032", "59379", 26017, 22390, 3540, "13.6", 800, "3.1"),
    ("Unna", "unna", "05978036", "59423 59425 59427", 59149, 44400, 14320, "24.2", 3540, "6.0"),
    ("Werne", "werne", "05978040", "59368", 29614, 25480, 4060, "13.7", 1230, "4.2"),
]
# The district's own row, as printed (not the sum of the rounded town figures).
KREIS_UNNA_TOTAL = (396060, 301650, 92700, "23.4", 27720, "7.0")


def census(population, without_mh, with_mh, mh_percent, foreigners, foreigners_percent):
    return {
        "population": population,
        "population_without_migration_background": without_mh,
        "population_with_migration_background": with_mh,
        "migration_background_percent": Decimal(mh_percent),
        "foreigners": foreigners,
        "foreigners_percent": Decimal(foreigners_percent),
        "census_year": CENSUS_YEAR,
        "census_source": CENSUS_SOURCE,
    }


def load(apps, schema_editor):
    District = apps.get_model("municipalities", "District")
    Municipality = apps.get_model("municipalities", "Municipality")
    district, _created = District.objects.update_or_create(
        key="05978", defaults={"name": "Kreis Unna", "slug": "kreis-unna", **census(*KREIS_UNNA_TOTAL)}
    )
    for name, slug, ags, postal_codes, *figures in KREIS_UNNA:
        Municipality.objects.update_or_create(
            official_key=ags,
            defaults={
                "district": district,
                "name": name,
                "slug": slug,
                "postal_codes": postal_codes,
                **census(*figures),
            },
        )


class Migration(migrations.Migration):
    dependencies = [("municipalities", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
