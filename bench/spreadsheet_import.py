"""The spreadsheet import at a district's size on PostgreSQL: a 2,000-row file, preview and import timed.

    .venv/bin/python bench/spreadsheet_import.py    # DATABASE_URL, default the local welkommin_imports_bench

Targets (issue 16): preview under 30 s, import under 60 s. Timed through the admin's own view
(upload, every row checked and rolled back, the preview page rendered; then the confirmed import
in one transaction with a version per offer), in-process, without network. The file is made
here: every text in six languages, one place each, 5 bad rows skipped on confirming.
"""

import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/welkommin_imports_bench")
os.environ["DJANGO_SETTINGS_MODULE"] = "portal.settings.prod"
os.environ.setdefault("SECRET_KEY", "bench-only-secret-key-bench-only-secret-key-0123456789")
os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
os.environ["SECURE_SSL_REDIRECT"] = "0"

ROWS = int(os.environ.get("BENCH_ROWS", "2000"))
CATEGORIES = ["berufssprachkurs", "beratung", "elternprogramme", "freizeit-begegnung", "sprachfoerderung-kinder"]
SAMPLES = {
    "de": "Sprachkurs für Anfängerinnen",
    "en": "Language course for beginners",
    "tr": "Başlangıç için dil kursu, İstanbul",
    "ar": "دورة لغة للمبتدئين",
    "ru": "Языковой курс для начинающих",
    "uk": "Мовний курс для початківців",
    "fa": "دورهٔ زبان برای نوآموزان",
}
TEXTS = ["Titel", "Kurzbeschreibung", "Beschreibung", "So melden Sie sich an", "Hinweis zu Kosten"]


def ensure_database():
    import psycopg2

    url = os.environ["DATABASE_URL"]
    if not url.startswith("postgres"):
        return
    name = url.rsplit("/", 1)[1]
    connection = psycopg2.connect(url.rsplit("/", 1)[0] + "/postgres")
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if not cursor.fetchone():
            cursor.execute(f'CREATE DATABASE "{name}"')
    connection.close()


def rows(providers, towns):
    from django.conf import settings

    table = []
    for index in range(ROWS):
        town = towns[index % len(towns)]
        row = {"Kennung": "", "Träger": providers[index % len(providers)].name, "Kategorie": CATEGORIES[index % 5]}
        row["Status"] = "Veröffentlicht"
        for label in TEXTS:
            for code, _name in settings.LANGUAGES:  # every language, a later one with the German sample
                row[f"{label} ({code})"] = f"{SAMPLES.get(code, SAMPLES['de'])} – {label} {index:04d}"
        row["Titel (de)"] = f"Bench-Angebot {index:04d}"
        row.update(
            {
                "Zielgruppen": "frauen, gefluechtete",
                "Sprachen": "de, ar",
                "Kostenlos": "ja",
                "Telefon": "02303 27-1234",
                "E-Mail": "kurs@example.org",
                "Sichtbar bis": "31.12.2027",
                "Ort 1: Bezeichnung": "Bildungszentrum",
                "Ort 1: Straße und Hausnummer": f"Hauptstraße {index % 50 + 1}",
                "Ort 1: Postleitzahl": town.postal_code_list()[0],
                "Ort 1: Stadt oder Gemeinde": town.name,
            }
        )
        table.append(row)
    table[16]["Ort 1: Stadt oder Gemeinde"] = "Entenhausen"
    table[399]["Träger"] = "Niemand"
    table[998]["Sichtbar bis"] = "32.12.2027"
    table[1497]["E-Mail"] = "keine-adresse"
    table[1998]["Kategorie"] = "zauberei"
    return table


def main():
    ensure_database()
    import django

    django.setup()
    import tablib
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.core.management import call_command
    from django.test import Client
    from django.test.utils import setup_test_environment
    from django.urls import reverse

    from imports.files import write_csv, write_xlsx
    from municipalities.models import Municipality
    from offers.models import Location, Offer, Provider

    setup_test_environment()  # the client keeps each response's template context (the report)
    call_command("migrate", "--noinput", verbosity=0)
    call_command("collectstatic", "--noinput", verbosity=0)  # production settings serve hashed files
    Offer.objects.filter(provider__slug__startswith="bench-import-").delete()
    Location.objects.filter(provider__slug__startswith="bench-import-").delete()
    providers = [
        Provider.objects.get_or_create(
            slug=f"bench-import-{letter}", defaults={"name": f"Bench-Träger {letter}", "kind": "welfare"}
        )[0]
        for letter in "abc"
    ]
    towns = list(Municipality.objects.order_by("name")[:10])
    user, _created = get_user_model().objects.get_or_create(username="bench-import-ki", defaults={"is_staff": True})
    user.groups.add(Group.objects.get(name="KI-Redaktion"))
    table = rows(providers, towns)
    data = tablib.Dataset(headers=list(table[0]))
    for row in table:
        data.append(list(row.values()))
    files = {"xlsx": write_xlsx(data), "csv": write_csv(data)}
    client = Client(secure=True)  # the production settings send the session cookie over https only
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    url = reverse("admin:imports_offer_import")
    print(
        f"{ROWS} rows, {len(data.headers)} columns; XLSX {len(files['xlsx']) / 1e6:.1f} MB, CSV {len(files['csv']) / 1e6:.1f} MB"
    )
    for file_format in ("xlsx", "csv"):
        started = time.perf_counter()
        preview = client.post(url, {"file": SimpleUploadedFile(f"bench.{file_format}", files[file_format])})
        seconds = time.perf_counter() - started
        assert preview.context is not None, (preview.status_code, preview.headers, preview.content[:300])
        report = preview.context["report"]
        assert preview.status_code == 200 and len(report.bad_rows) == 5, report.problems
        print(f"preview ({file_format}): {seconds:.1f} s  ({report.new} new, {len(report.bad_rows)} bad rows)")
    started = time.perf_counter()
    response = client.post(url, {"confirm": "1", "digest": preview.context["digest"], "skip_bad_rows": "1"})
    seconds = time.perf_counter() - started
    assert response.status_code == 302, response.content[:500]
    imported = Offer.objects.filter(provider__slug__startswith="bench-import-").count()
    print(f"import (csv, bad rows skipped): {seconds:.1f} s  ({imported} offers saved, a version each)")


if __name__ == "__main__":
    main()
