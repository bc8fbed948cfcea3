"""Loads a postal code table from GeoNames, which an operator downloads, as the centres of "near me".

    curl -O https://download.geonames.org/export/zip/DE.zip && unzip DE.zip DE.txt
    python manage.py load_postal_codes DE.txt

The file is GeoNames' postal code dump (licence CC BY 4.0: name GeoNames as the source, the
privacy page does): tab-separated, one place per line, columns country code, postal code,
place name, admin name 1, admin code 1, admin name 2, admin code 2, admin name 3, admin code 3,
latitude, longitude, accuracy. A code with several places is put at the mean of their
coordinates. Codes already in the table are replaced, others are added; a broken line stops
the load with its number and nothing is saved.
"""

import csv
from collections import defaultdict
from decimal import Decimal, InvalidOperation

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from municipalities.models import Municipality, PostalCode
from portal.text import fold

SOURCE = "GeoNames-Postleitzahlen (CC BY 4.0), Mittel der Orte"
COLUMNS = 12
COUNTRY, CODE, PLACE, LATITUDE, LONGITUDE = 0, 1, 2, 9, 10
EXACT = Decimal("0.00001")


def read_places(lines, country):
    """{code: [(place, latitude, longitude), …]} of `country`'s rows; CommandError naming a broken line."""
    places = defaultdict(list)
    for number, row in enumerate(csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE), start=1):
        if not row or not "".join(row).strip():
            continue
        if len(row) < LONGITUDE + 1:
            raise CommandError(f"Zeile {number}: {len(row)} Spalten statt {COLUMNS} (GeoNames-Postleitzahlen?)")
        if row[COUNTRY] != country:
            continue
        try:
            latitude, longitude = Decimal(row[LATITUDE]), Decimal(row[LONGITUDE])
        except InvalidOperation:
            raise CommandError(f"Zeile {number}: keine Koordinaten ({row[LATITUDE]!r}, {row[LONGITUDE]!r})") from None
        if not (-90 <= latitude <= 90 and -180 <= longitude <= 180) or not row[CODE].strip():
            raise CommandError(f"Zeile {number}: Postleitzahl oder Koordinaten ungültig")
        places[row[CODE].strip()].append((row[PLACE].strip(), latitude, longitude))
    return places


class Command(BaseCommand):
    help = "Lädt die Postleitzahlen-Tabelle von GeoNames (DE.txt, CC BY 4.0) als Mittelpunkte für „in der Nähe“."

    def add_arguments(self, parser):
        parser.add_argument("path", help="GeoNames postal code file (tab-separated, e.g. DE.txt)")
        parser.add_argument("--country", default="DE", help="only rows of this country code (default DE)")

    def handle(self, path, country, **options):
        try:
            with open(path, encoding="utf-8", newline="") as file:
                places = read_places(file, country)
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"{path}: {error}") from None
        if not places:
            raise CommandError(f"{path}: keine Zeile für das Land {country}")
        towns = list(Municipality.objects.all())
        by_code = {code: town for town in towns for code in town.postal_code_list()}
        by_name = {fold(town.name): town for town in towns}
        rows = []
        for code, found in sorted(places.items()):
            names = list(dict.fromkeys(name for name, _lat, _lon in found))
            town = by_code.get(code) or next((by_name[fold(n)] for n in names if fold(n) in by_name), None)
            rows.append(
                PostalCode(
                    code=code,
                    place_name=", ".join(names)[:200],
                    municipality=town,
                    latitude=(sum(lat for _n, lat, _lon in found) / len(found)).quantize(EXACT),
                    longitude=(sum(lon for _n, _lat, lon in found) / len(found)).quantize(EXACT),
                    source=SOURCE,
                )
            )
        with transaction.atomic():
            PostalCode.objects.bulk_create(
                rows,
                batch_size=1000,
                update_conflicts=True,
                unique_fields=["code"],
                update_fields=["place_name", "municipality", "latitude", "longitude", "source"],
            )
        self.stdout.write(f"{len(rows)} Postleitzahlen geladen (Quelle: GeoNames, CC BY 4.0).")
