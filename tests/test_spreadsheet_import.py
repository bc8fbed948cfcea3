"""Offers in and out as spreadsheets: every row previewed, bad rows named, nothing half-saved."""

import csv
import io
import re
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse
from reversion.models import Version

from imports.files import read_table
from offers.factories import LocationFactory, OfferFactory, ProviderFactory
from offers.models import Category, IntegrationCourse, Location, Offer, language_codes
from portal.catalogue import catalogue_version

from .spreadsheets import confirm, dataset, export, offer_row, problems, sample, spreadsheet, upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def provider():
    return ProviderFactory(name="VHS Unna", slug="vhs-unna")


@pytest.fixture
def ki_client(client, ki_editor):
    client.force_login(ki_editor)
    return client


def test_preview_saves_nothing_and_confirming_saves_every_language(ki_client, provider):
    rows = [
        offer_row("VHS Unna", "Deutsch im Beruf"),
        offer_row("vhs-unna", "Deutsch für den Alltag", town="05978024", postal_code="44532"),
    ]
    preview = upload(ki_client, spreadsheet(rows))
    assert preview.status_code == 200
    page = preview.content.decode()
    assert "noch ist nichts gespeichert" in page
    assert [row.state_label for row in preview.context["report"].rows] == ["neu", "neu"]
    assert not Offer.objects.exists()
    assert not Location.objects.exists()

    response = confirm(ki_client, preview)
    assert response.status_code == 302
    offer = Offer.objects.get(title_de="Deutsch im Beruf")
    for code in language_codes():
        assert offer.summary_de and getattr(offer, f"summary_{code}").startswith(sample(code))
        assert getattr(offer, f"costs_note_{code}")
    assert offer.provider == provider
    assert offer.status == Offer.Status.PUBLISHED
    assert sorted(group.slug for group in offer.target_groups.all()) == ["frauen", "gefluechtete"]
    assert offer.languages == ["ar", "de"]
    assert offer.free_of_charge and offer.min_age == 16
    assert str(offer.visible_until) == "2027-12-31"
    [place] = offer.locations.all()
    assert (place.name, place.street, place.postal_code, place.municipality.name) == (
        "Bildungszentrum",
        "Bahnhofstraße 1",
        "59423",
        "Unna",
    )
    assert Offer.objects.get(title_de="Deutsch für den Alltag").locations.get().municipality.name == "Lünen"


def test_a_new_offers_first_version_holds_its_places_and_target_groups_and_names_the_file(ki_client, provider):
    confirm(ki_client, upload(ki_client, spreadsheet([offer_row("VHS Unna", "Deutsch im Beruf")]), "liste.csv"))
    offer = Offer.objects.get()
    [version] = Version.objects.get_for_object(offer)
    assert version.field_dict["locations"] == [offer.locations.get().pk]
    assert sorted(version.field_dict["target_groups"]) == sorted(offer.target_groups.values_list("pk", flat=True))
    assert version.revision.comment == "Tabellen-Import „liste.csv“"
    assert catalogue_version() > 0


def test_an_existing_place_of_the_provider_is_reused(ki_client, provider, unna):
    place = LocationFactory(
        provider=provider, name="Bildungszentrum", street="Bahnhofstraße 1", postal_code="59423", municipality=unna
    )
    confirm(ki_client, upload(ki_client, spreadsheet([offer_row("VHS Unna", "Deutsch im Beruf")])))
    assert list(Offer.objects.get().locations.all()) == [place]
    assert Location.objects.count() == 1


def test_course_facts_of_an_integration_course(ki_client, provider):
    row = offer_row(
        "VHS Unna",
        "Integrationskurs am Morgen",
        category="integrationskurs",
        Kursart="Allgemeiner Integrationskurs",
        Zielniveau="B1",
    )
    confirm(ki_client, upload(ki_client, spreadsheet([row], "xlsx"), "kurse.xlsx"))
    course = Offer.objects.get().course
    assert (course.course_type, course.teaching_units, course.target_level) == (
        IntegrationCourse.CourseType.GENERAL,
        700,
        "B1",
    )


BAD_CELLS = [
    (
        {"Ort 1: Stadt oder Gemeinde": "Atlantis"},
        "Ort 1: Stadt oder Gemeinde",
        "Unbekannte Stadt oder Gemeinde „Atlantis“",
    ),
    ({"Träger": "Unbekannter Verein"}, "Träger", "Unbekannter Träger „Unbekannter Verein“"),
    ({"Sichtbar bis": "31.02.2027"}, "Sichtbar bis", "„31.02.2027“ ist kein gültiges Datum"),
    ({"Mindestalter": "30", "Höchstalter": "20"}, "Höchstalter", "Das Höchstalter ist kleiner als das Mindestalter"),
    ({"E-Mail": "kurs(at)example.org"}, "E-Mail", "E-Mail-Adresse"),
    ({"Telefon": "ruf an"}, "Telefon", "Telefonnummer"),
    ({"Link zur Anmeldung": "https://exa mple"}, "Link zur Anmeldung", "gültige Adresse"),
    ({"Kategorie": "zauberei"}, "Kategorie", "Die Kategorie „zauberei“ gibt es nicht"),
    ({"Zielgruppen": "drachen"}, "Zielgruppen", "Die Zielgruppe „drachen“ gibt es nicht"),
    ({"Kostenlos": "vielleicht"}, "Kostenlos", "bitte „ja“ oder „nein“"),
    ({"Sprachen": "de, klingonisch"}, "Sprachen", "Unbekannter Sprachcode"),
    ({"Ort 1: Postleitzahl": "44532"}, "Ort 1: Postleitzahl", "gehört nicht zu Unna"),
    ({"Status": "fertig"}, "Status", "„fertig“ ist nicht erlaubt"),
    ({"Kursart": "Intensivkurs"}, "Kursart", "nur für Angebote der Kategorie Integrationskurs"),
    ({"Titel (de)": ""}, "Titel (de)", "Pflichtfeld"),
]


@pytest.mark.parametrize(("cells", "column", "message"), BAD_CELLS)
def test_a_bad_cell_is_named_with_row_column_and_message_and_nothing_is_saved(
    ki_client, provider, cells, column, message
):
    rows = [offer_row("VHS Unna", "Gutes Angebot"), offer_row("VHS Unna", "Schlechtes Angebot", **cells)]
    preview = upload(ki_client, spreadsheet(rows))
    found = problems(preview)
    assert list(found) == [3]  # the headers are row 1
    assert any(col == column and message in text for col, text in found[3]), found
    assert message in preview.content.decode()
    assert "Fehlerhafte Zeilen überspringen" in preview.content.decode()
    confirm(ki_client, preview)
    assert not Offer.objects.exists()


def test_a_duplicate_of_an_existing_offer_is_a_bad_row(ki_client, provider, unna):
    place = LocationFactory(provider=provider, street="Bahnhofstraße 1", postal_code="59423", municipality=unna)
    existing = OfferFactory(
        provider=provider,
        category=Category.objects.get(slug="berufssprachkurs"),
        title_de="Deutsch im Beruf",
        locations=[place],
    )
    rows = [offer_row("VHS Unna", "DEUTSCH im beruf"), offer_row("VHS Unna", "Neu"), offer_row("VHS Unna", "Neu")]
    found = problems(upload(ki_client, spreadsheet(rows)))
    assert list(found) == [2, 4]
    assert f"Kennung {existing.pk}" in found[2][0][1]
    assert "Zeile 3" in found[4][0][1]


def test_bad_rows_are_saved_only_when_staff_skip_them_explicitly(ki_client, provider):
    rows = [offer_row("VHS Unna", "Gut"), offer_row("Niemand", "Schlecht")]
    preview = upload(ki_client, spreadsheet(rows))
    response = confirm(ki_client, preview)
    assert response.status_code == 200
    assert "Nichts wurde gespeichert" in response.content.decode()
    assert not Offer.objects.exists()
    response = confirm(ki_client, preview, skip_bad_rows=True)
    assert response.status_code == 302
    assert list(Offer.objects.values_list("title_de", flat=True)) == ["Gut"]


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("leer.csv", b"", "Die Datei ist leer"),
        ("bild.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "keine Tabelle"),
        (
            "alt.csv",
            "Träger;Kategorie;Titel (de);Kurzbeschreibung (de)\nVHS;x;Übung;ä\n".encode("cp1252"),
            "nicht in UTF-8",
        ),
        ("kaputt.xlsx", b"PK\x03\x04kaputt", "nicht als Excel-Datei"),
        ("alt.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 20, "keine Excel-Datei im XLSX-Format"),
        ("nur-kopf.csv", b"\xef\xbb\xbf\n\n", "keine Zeilen"),
        ("quote.csv", b'Tr\xc3\xa4ger;Kategorie\n"VHS;x\n', "fehlerhaft"),
    ],
)
def test_a_broken_file_gets_a_clear_message_not_a_500(ki_client, name, data, message):
    response = upload(ki_client, data, name)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Offer.objects.exists()


def test_missing_and_unknown_columns_are_named(ki_client, provider):
    row = offer_row("VHS Unna", "Gut")
    del row["Kategorie"]
    row["Farbe"] = "blau"
    response = upload(ki_client, spreadsheet([row]))
    page = response.content.decode()
    assert "Diese Pflichtspalten fehlen: „Kategorie“" in page
    assert "Diese Spalten kennt der Import nicht: „Farbe“" in page
    assert 'name="confirm"' not in page


@pytest.mark.parametrize("file_format", ["xlsx", "csv"])
def test_template_has_the_documented_german_columns(ki_client, file_format):
    response = ki_client.get(reverse("admin:imports_offer_template"), {"format": file_format})
    assert response.status_code == 200
    headers = read_table(f"vorlage.{file_format}", response.content).headers
    assert headers[:4] == ["Kennung", "Träger", "Kategorie", "Status"]
    assert {"Titel (ar)", "Kurzbeschreibung (uk)", "Ort 2: Stadt oder Gemeinde", "Kursart"} <= set(headers)
    assert {"Termin 1: Beginn", "Termin 2: Freie Plätze", "Termin 2: Hinweis (de)"} <= set(headers)
    documented = (Path(__file__).resolve().parent.parent / "docs" / "spreadsheet-import.md").read_text()
    for header in headers:
        if header.startswith("Termin "):  # a run's note is German only: its "(de)" stays
            generic = re.sub(r"^Termin \d+:", "Termin <n>:", header)
        else:
            generic = header.replace("Ort 1", "Ort <n>").replace("Ort 2", "Ort <n>")
            for code in language_codes():
                generic = generic.replace(f"({code})", "(<Sprache>)")
        assert f"`{generic}`" in documented, header


def unicode_offers(provider, unna):
    place = LocationFactory(
        provider=provider, name="Türkischer Elternverein", street="Nordring 5", postal_code="59423", municipality=unna
    )
    course = OfferFactory(
        provider=provider,
        category=Category.objects.get(slug="integrationskurs"),
        title_de="Integrationskurs İzmir-Straße",
        title_tr="Entegrasyon kursu: ılık İstanbul",
        title_ar="دورة الاندماج",
        title_ru="Интеграционный курс",
        title_uk="Інтеграційний курс",
        summary_ar="كل يوم إثنين",
        description_de='Zeile eins\nZeile zwei; mit "Anführungszeichen" und =Gleichheitszeichen',
        phone="+49 2303 271234",
        languages=["ar", "tr"],
        locations=[place],
    )
    IntegrationCourse.objects.create(offer=course, course_type="literacy", teaching_units=1000)
    online = OfferFactory(
        provider=provider,
        title_de="Online-Beratung",
        # Texts a spreadsheet program would run as formulas, and one that already starts with the escape mark.
        title_en=FORMULA,
        title_ru="'=schon mit Apostroph",
        summary_en="-5 % für Studierende",
        summary_uk="-5",
        format=Offer.Format.ONLINE,
        email="rat@example.org",
        phone="+49 2303 27-1234",
    )
    return [course, online]


FORMULA = '=HYPERLINK("http://evil.example","klick")'


def test_the_csv_export_keeps_formulas_from_running(ki_client, provider, unna):
    unicode_offers(provider, unna)
    text = export(ki_client, "csv").decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text, newline=""), delimiter=";"))
    online = next(row for row in rows if row["Titel (de)"] == "Online-Beratung")
    assert online["Titel (en)"] == "'" + FORMULA
    assert online["Titel (ru)"] == "''=schon mit Apostroph"
    assert online["Kurzbeschreibung (en)"] == "'-5 % für Studierende"
    assert online["Telefon"] == "'+49 2303 27-1234"
    assert online["Kurzbeschreibung (uk)"] == "-5"  # a plain number runs nothing
    assert online["Titel (tr)"] == ""


@pytest.mark.parametrize("file_format", ["xlsx", "csv"])
def test_round_trip_export_and_import_unchanged_changes_nothing(ki_client, provider, unna, file_format):
    offers = unicode_offers(provider, unna)
    before = {offer.pk: Offer.objects.get(pk=offer.pk).updated for offer in offers}
    versions = Version.objects.count()
    data = export(ki_client, file_format)
    preview = upload(ki_client, data, f"export.{file_format}")
    report = preview.context["report"]
    assert [row.state_label for row in report.rows] == ["unverändert", "unverändert"], [r.changes for r in report.rows]
    assert 'name="confirm"' not in preview.content.decode()
    assert "Die Datei enthält keine Änderungen" in preview.content.decode()
    confirm(ki_client, preview)  # importing it all the same saves nothing
    assert Version.objects.count() == versions
    assert {offer.pk: offer.updated for offer in Offer.objects.all()} == before
    again = export(ki_client, file_format)
    assert read_table(f"a.{file_format}", again).dict == read_table(f"b.{file_format}", data).dict
    row = read_table(f"a.{file_format}", again).dict[0]
    assert row["Titel (tr)"] == "Entegrasyon kursu: ılık İstanbul"
    assert row["Titel (ar)"] == "دورة الاندماج"
    assert row["Titel (uk)"] == "Інтеграційний курс"
    assert row["Telefon"] == "+49 2303 271234"
    online = read_table(f"a.{file_format}", again).dict[1]
    assert (online["Titel (en)"], online["Titel (ru)"]) == (FORMULA, "'=schon mit Apostroph")
    assert (online["Telefon"], online["Kurzbeschreibung (uk)"]) == ("+49 2303 27-1234", "-5")


@pytest.mark.parametrize("file_format", ["xlsx", "csv"])
def test_a_changed_cell_is_previewed_and_saved_as_one_version_naming_the_file(ki_client, provider, unna, file_format):
    course, online = unicode_offers(provider, unna)
    other = OfferFactory(title_de="Fremd", provider=ProviderFactory(name="Caritas"), format=Offer.Format.ONLINE)
    table = read_table(f"e.{file_format}", export(ki_client, file_format))
    rows = table.dict
    by_id = {int(row["Kennung"]): row for row in rows}
    by_id[course.pk]["Titel (ar)"] = "دورة الاندماج الجديدة"
    by_id[other.pk]["Telefon"] = "02303 999"
    preview = upload(ki_client, spreadsheet(dataset(rows), file_format), f"neu.{file_format}")
    report = {row.entry_id: row for row in preview.context["report"].rows}
    assert report[course.pk].state_label == "geändert"
    assert report[course.pk].changes == [("Titel (ar)", "دورة الاندماج", "دورة الاندماج الجديدة")]
    assert report[online.pk].state_label == "unverändert"
    versions = Version.objects.count()
    response = confirm(ki_client, preview)
    assert response.status_code == 302, [row.problems for row in response.context["report"].rows]
    assert Offer.objects.get(pk=course.pk).title_ar == "دورة الاندماج الجديدة"
    new_versions = Version.objects.filter(pk__gt=0).order_by("-pk")[: Version.objects.count() - versions]
    offer_versions = [v for v in new_versions if v.content_type.model == "offer"]
    assert sorted(int(v.object_id) for v in offer_versions) == sorted([course.pk, other.pk])
    assert len({v.revision_id for v in offer_versions}) == 2  # one revision per offer, not one across providers
    assert all(v.revision.comment == f"Tabellen-Import „neu.{file_format}“" for v in offer_versions)
    assert not Version.objects.get_for_object(online).filter(revision__comment__startswith="Tabellen-Import").exists()


@pytest.mark.parametrize(
    ("language", "heading", "state"),
    [
        ("en", "Preview of “angebote.csv”", "new"),
        ("ar", "معاينة „angebote.csv“", "جديد"),
        ("uk", "Попередній перегляд", "нова"),
    ],
)
def test_the_preview_speaks_the_editors_language(ki_client, provider, language, heading, state):
    ki_client.defaults["HTTP_ACCEPT_LANGUAGE"] = language
    response = upload(ki_client, spreadsheet([offer_row("VHS Unna", "Deutsch im Beruf")]))
    page = response.content.decode()
    assert f'lang="{language}"' in page
    assert ('dir="rtl"' in page) == (language == "ar")
    assert heading in page
    assert f'class="import-state-new">{state}<' in page


def test_imported_offers_appear_on_the_cached_public_list_at_once(client, ki_editor, provider):
    visitor = Client()
    assert "Deutsch im Beruf" not in visitor.get("/de/offers/").content.decode()  # the page is cached now
    client.force_login(ki_editor)
    before = catalogue_version()
    confirm(client, upload(client, spreadsheet([offer_row("VHS Unna", "Deutsch im Beruf")])))
    assert catalogue_version() > before
    assert "Deutsch im Beruf" in visitor.get("/de/offers/").content.decode()
