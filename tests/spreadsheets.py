"""Helpers for the spreadsheet tests: rows as staff type them, files as Excel and CSV save them."""

import tablib
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from imports.files import read_table, write_csv, write_xlsx
from offers.models import language_codes

TEXTS = {
    "Titel": "title",
    "Kurzbeschreibung": "summary",
    "Beschreibung": "description",
    "So melden Sie sich an": "registration_info",
    "Hinweis zu Kosten": "costs_note",
}
# Every language's script: Turkish dotted and dotless i, Arabic and Persian (right to left), Cyrillic.
SAMPLES = {
    "de": "Sprachkurs für Anfängerinnen",
    "en": "Language course for beginners",
    "tr": "Başlangıç için dil kursu: İstanbul'dan ılık selamlar",
    "ar": "دورة لغة للمبتدئين",
    "ru": "Языковой курс для начинающих",
    "uk": "Мовний курс для початківців, Київ",
    "fa": "دورهٔ زبان برای نوآموزان، کابل",
}


def sample(code):
    """The sample text of `code`; a language added later gets the German one with its code."""
    return SAMPLES.get(code) or f"{SAMPLES['de']} ({code})"


def offer_row(
    provider, title, *, category="berufssprachkurs", town="Unna", postal_code="59423", street="Bahnhofstraße 1", **cells
):
    """One offer with every text in every language, held at one place."""
    row = {"Kennung": "", "Träger": provider, "Kategorie": category, "Status": "Veröffentlicht"}
    for label in TEXTS:
        for code in language_codes():
            base = title if (label == "Titel" and code == "de") else f"{sample(code)} – {label}"
            row[f"{label} ({code})"] = f"{base} {title}" if code != "de" or label != "Titel" else base
    row.update(
        {
            "Form": "Vor Ort",
            "Zielgruppen": "frauen, gefluechtete",
            "Mindestalter": "16",
            "Sprachen": "de, ar",
            "Kostenlos": "ja",
            "Telefon": "02303 27-1234",
            "E-Mail": "kurs@example.org",
            "Link zur Anmeldung": "https://example.org/anmeldung",
            "Sichtbar bis": "31.12.2027",
            "Ort 1: Bezeichnung": "Bildungszentrum",
            "Ort 1: Straße und Hausnummer": street,
            "Ort 1: Postleitzahl": postal_code,
            "Ort 1: Stadt oder Gemeinde": town,
        }
    )
    row.update(cells)
    return row


def dataset(rows):
    headers = []
    for row in rows:
        headers.extend(column for column in row if column not in headers)
    data = tablib.Dataset(headers=headers)
    for row in rows:
        data.append([row.get(column, "") for column in headers])
    return data


def spreadsheet(rows, file_format="csv"):
    data = rows if isinstance(rows, tablib.Dataset) else dataset(rows)
    return (write_csv if file_format == "csv" else write_xlsx)(data)


def upload(client, data, name="angebote.csv", sheet="offer"):
    return client.post(reverse(f"admin:imports_{sheet}_import"), {"file": SimpleUploadedFile(name, data)})


def confirm(client, preview, skip_bad_rows=False, sheet="offer"):
    form = {"confirm": "1", "digest": preview.context["digest"]}
    if skip_bad_rows:
        form["skip_bad_rows"] = "1"
    return client.post(reverse(f"admin:imports_{sheet}_import"), form)


def export(client, file_format="csv", sheet="offer"):
    response = client.get(reverse(f"admin:imports_{sheet}_export"), {"format": file_format})
    assert response.status_code == 200
    return response.content


def problems(response):
    """{spreadsheet row: [(column, message)]} as the preview lists them."""
    return {row.number: row.problems for row in response.context["report"].bad_rows}


def read_back(data, name="export.csv"):
    return read_table(name, data)
