"""Providers and their places in and out as spreadsheets, each from its own admin list, as offers are."""

from pathlib import Path

import pytest
from django.urls import reverse
from reversion.models import Version

from imports.files import read_table
from offers.factories import LocationFactory, ProviderFactory
from offers.models import Location, Provider, language_codes

from .spreadsheets import confirm, dataset, export, offer_row, problems, spreadsheet, upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def ki_client(client, ki_editor):
    client.force_login(ki_editor)
    return client


def provider_row(**cells):
    row = {
        "Kennung": "",
        "Name": "Caritas Unna",
        "Kurzname": "",
        "Art des Trägers": "Wohlfahrtsverband",
        "Website": "caritas-unna.example.org",
        "E-Mail": "info@caritas-unna.example.org",
        "Telefon": "02303 555-200",
    }
    for code in language_codes():
        row[f"Beschreibung ({code})"] = f"Beratung und Begleitung ({code})"
    row.update(cells)
    return row


def place_row(provider, **cells):
    row = {
        "Kennung": "",
        "Träger": provider,
        "Bezeichnung": "Beratungsstelle Mitte",
        "Straße und Hausnummer": "Bahnhofstraße 1",
        "Postleitzahl": "59423",
        "Stadt oder Gemeinde": "Unna",
        "Breitengrad": "51,537",
        "Längengrad": "7.689",
        "Rollstuhlgerecht": "Barrierefrei zugänglich",
        "An Feiertagen geschlossen": "ja",
    }
    for code in language_codes():
        row[f"Öffnungszeiten ({code})"] = f"Mo 9–12 ({code})"
    row.update(cells)
    return row


@pytest.mark.parametrize("file_format", ["xlsx", "csv"])
def test_new_providers_with_every_language_after_the_preview(ki_client, file_format):
    data = spreadsheet([provider_row(), provider_row(Name="Diakonie Kamen", Kurzname="diakonie-kamen")], file_format)
    preview = upload(ki_client, data, f"traeger.{file_format}", sheet="provider")
    assert [row.state_label for row in preview.context["report"].rows] == ["neu", "neu"]
    assert not Provider.objects.filter(name="Caritas Unna").exists()  # the preview saves nothing
    assert confirm(ki_client, preview, sheet="provider").status_code == 302
    caritas = Provider.objects.get(name="Caritas Unna")
    assert (caritas.slug, caritas.kind, caritas.website) == (
        "caritas-unna",
        "welfare",
        "https://caritas-unna.example.org",
    )
    assert all(
        getattr(caritas, f"description_{code}") == f"Beratung und Begleitung ({code})" for code in language_codes()
    )
    version = Version.objects.get_for_object(caritas).get()
    assert version.revision.comment == f"Tabellen-Import „traeger.{file_format}“"
    assert Provider.objects.get(slug="diakonie-kamen").name == "Diakonie Kamen"


@pytest.mark.parametrize("file_format", ["xlsx", "csv"])
def test_new_places_with_coordinates_and_opening_hours(ki_client, file_format):
    ProviderFactory(name="Caritas Unna")
    data = spreadsheet([place_row("Caritas Unna"), place_row("Caritas Unna", Bezeichnung="Zweigstelle")], file_format)
    preview = upload(ki_client, data, f"orte.{file_format}", sheet="location")
    assert [row.title for row in preview.context["report"].rows] == ["Beratungsstelle Mitte", "Zweigstelle"]
    assert confirm(ki_client, preview, sheet="location").status_code == 302
    place = Location.objects.get(name="Beratungsstelle Mitte")
    assert (place.provider.name, place.municipality.name, str(place.latitude), str(place.longitude)) == (
        "Caritas Unna",
        "Unna",
        "51.537000",
        "7.689000",
    )
    assert place.wheelchair_access == "yes" and place.closed_on_public_holidays
    assert place.opening_hours_ar == "Mo 9–12 (ar)"


def test_bad_rows_are_named_with_row_column_and_message_and_nothing_is_saved(ki_client):
    ProviderFactory(name="Caritas Unna")
    rows = [
        provider_row(Name="Gut"),
        provider_row(Name="Schlecht", **{"E-Mail": "keine-adresse", "Art des Trägers": "Verein"}),
    ]
    preview = upload(ki_client, spreadsheet(rows), "traeger.csv", sheet="provider")
    found = problems(preview)
    assert list(found) == [3]
    assert {column for column, _message in found[3]} == {"E-Mail", "Art des Trägers"}
    page = preview.content.decode()
    assert "„Verein“ ist nicht erlaubt" in page and 'data-row="3"' in page
    places = [
        place_row("Caritas Unna"),
        place_row("Unbekannt e. V."),
        place_row("Caritas Unna", Postleitzahl="59174", Breitengrad="Norden"),
        place_row("Caritas Unna", **{"Stadt oder Gemeinde": "Atlantis"}),
    ]
    preview = upload(ki_client, spreadsheet(places), "orte.csv", sheet="location")
    found = problems(preview)
    assert sorted(found) == [3, 4, 5]
    assert found[3] == [("Träger", "Unbekannter Träger „Unbekannt e. V.“: bitte den Namen wie im Portal angeben.")]
    assert dict(found[4])["Breitengrad"] == "„Norden“ ist keine Zahl."
    assert dict(found[5])["Stadt oder Gemeinde"].startswith("Unbekannte Stadt oder Gemeinde „Atlantis“")
    response = confirm(ki_client, preview, sheet="location")
    assert response.status_code == 200 and not Location.objects.exists()
    # The postal code of another town is named once the coordinates are fixed.
    places[2]["Breitengrad"] = "51.5"
    preview = upload(ki_client, spreadsheet(places[2:3]), "orte.csv", sheet="location")
    assert dict(problems(preview)[2])["Postleitzahl"].startswith("Die Postleitzahl 59174 gehört nicht zu Unna")


@pytest.mark.parametrize("sheet", ["provider", "location"])
@pytest.mark.parametrize("file_format", ["xlsx", "csv"])
def test_round_trip_export_and_import_unchanged_changes_nothing(ki_client, unna, sheet, file_format):
    caritas = ProviderFactory(
        name="Caritas Unna", description_tr="İstanbul'dan ılık selamlar", website="https://caritas.example.org/"
    )
    LocationFactory(
        provider=caritas, municipality=unna, latitude="51.537", longitude="7.689", opening_hours_uk="Пн 9–12"
    )
    LocationFactory(provider=ProviderFactory(name="Diakonie"), municipality=unna, wheelchair_access="partial")
    versions = Version.objects.count()
    data = export(ki_client, file_format, sheet=sheet)
    preview = upload(ki_client, data, f"export.{file_format}", sheet=sheet)
    rows = preview.context["report"].rows
    assert [row.state_label for row in rows] == ["unverändert", "unverändert"], [row.changes for row in rows]
    assert "Die Datei enthält keine Änderungen" in preview.content.decode()
    confirm(ki_client, preview, sheet=sheet)
    assert Version.objects.count() == versions
    assert read_table(f"a.{file_format}", export(ki_client, file_format, sheet=sheet)).dict == (
        read_table(f"b.{file_format}", data).dict
    )


def test_a_changed_cell_is_previewed_and_saved_as_one_version_naming_the_file(ki_client, unna):
    place = LocationFactory(municipality=unna, name="Alt")
    rows = read_table("e.csv", export(ki_client, sheet="location")).dict
    rows[0]["Bezeichnung"] = "Neu"
    preview = upload(ki_client, spreadsheet(dataset(rows)), "neu.csv", sheet="location")
    assert preview.context["report"].rows[0].changes == [("Bezeichnung", "Alt", "Neu")]
    assert confirm(ki_client, preview, sheet="location").status_code == 302
    assert Location.objects.get(pk=place.pk).name == "Neu"
    assert Version.objects.get_for_object(place).get().revision.comment == "Tabellen-Import „neu.csv“"


def test_an_editor_imports_their_own_places_and_no_other_providers(editor_client, own_provider, other_provider, unna):
    own = LocationFactory(provider=own_provider, municipality=unna, name="Eigener Ort")
    foreign = LocationFactory(provider=other_provider, municipality=unna, name="Fremder Ort")
    rows = read_table("e.csv", export(editor_client, sheet="location")).dict
    assert [row["Bezeichnung"] for row in rows] == ["Eigener Ort"]  # the export is their own places only
    # A new place of their own (the provider column may stay empty), one naming the provider next
    # door, and the id of that provider's place: refused, and nothing saved.
    rows[0]["Bezeichnung"] = "Eigener Ort, neu"
    attempt = [
        rows[0],
        place_row("", Bezeichnung="Neuer eigener Ort"),
        place_row(other_provider.name, Bezeichnung="Untergeschoben"),
        {**place_row(own_provider.name, Bezeichnung="Übernommen"), "Kennung": str(foreign.pk)},
    ]
    preview = upload(editor_client, spreadsheet(attempt), "orte.csv", sheet="location")
    found = problems(preview)
    assert sorted(found) == [4, 5]
    assert found[4] == [
        (
            "Träger",
            "„Bildungswerk Ahorn“ ist ein anderer Träger: Sie dürfen nur Orte Ihres eigenen Trägers importieren.",
        )
    ]
    assert found[5] == [
        (
            "Kennung",
            f"Der Ort mit der Kennung {foreign.pk} gehört zu einem anderen Träger: Sie dürfen ihn nicht ändern.",
        )
    ]
    response = confirm(editor_client, preview, sheet="location")
    assert response.status_code == 200
    assert Location.objects.get(pk=own.pk).name == "Eigener Ort"
    assert Location.objects.get(pk=foreign.pk).name == "Fremder Ort"
    assert not Location.objects.filter(name__in=["Neuer eigener Ort", "Untergeschoben", "Übernommen"]).exists()
    # Skipping the bad rows saves only their own.
    assert confirm(editor_client, preview, skip_bad_rows=True, sheet="location").status_code == 302
    assert Location.objects.get(pk=own.pk).name == "Eigener Ort, neu"
    assert Location.objects.get(name="Neuer eigener Ort").provider == own_provider
    assert Location.objects.filter(provider=other_provider).get() == foreign


def test_an_editor_cannot_import_providers_at_all(editor_client, own_provider, other_provider):
    before = list(Provider.objects.values_list("pk", "name", "phone").order_by("pk"))
    rows = [
        provider_row(Name="Neuer Träger"),
        {**provider_row(Name="Umbenannt"), "Kennung": str(other_provider.pk)},
        {**provider_row(Name=own_provider.name, Telefon="0000"), "Kennung": str(own_provider.pk)},
    ]
    for name in ("admin:imports_provider_import", "admin:imports_provider_template"):
        assert editor_client.get(reverse(name)).status_code == 403
    assert upload(editor_client, spreadsheet(rows), "traeger.csv", sheet="provider").status_code == 403
    assert list(Provider.objects.values_list("pk", "name", "phone").order_by("pk")) == before
    # They may export their own provider, as they may view it.
    exported = read_table("t.csv", export(editor_client, sheet="provider")).dict
    assert [row["Name"] for row in exported] == [own_provider.name]


@pytest.mark.parametrize(
    ("sheet", "columns"),
    [
        ("provider", ["Kennung", "Name", "Kurzname", "Art des Trägers", "Beschreibung (de)", "Website", "E-Mail"]),
        ("location", ["Kennung", "Träger", "Bezeichnung", "Straße und Hausnummer", "Postleitzahl", "Breitengrad"]),
    ],
)
def test_templates_have_the_documented_german_columns(ki_client, sheet, columns):
    response = ki_client.get(reverse(f"admin:imports_{sheet}_template"), {"format": "xlsx"})
    assert response.status_code == 200
    headers = read_table("vorlage.xlsx", response.content).headers
    assert all(column in headers for column in columns)
    # Every column is explained in the guide (the languages' columns as one pattern, „Beschreibung (<Sprache>)“).
    guide = (Path(__file__).parents[1] / "docs" / "spreadsheet-import.md").read_text()
    assert all(f"`{column}`" in guide for column in headers if "(" not in column)


def test_the_lists_link_to_import_and_export(ki_client, provider_editor):
    page = ki_client.get(reverse("admin:offers_location_changelist")).content.decode()
    assert reverse("admin:imports_location_import") in page
    assert reverse("admin:imports_location_export") + "?format=xlsx" in page
    page = ki_client.get(reverse("admin:offers_provider_changelist")).content.decode()
    assert reverse("admin:imports_provider_import") in page
    ki_client.force_login(provider_editor)
    page = ki_client.get(reverse("admin:offers_provider_changelist")).content.decode()
    assert reverse("admin:imports_provider_import") not in page
    assert reverse("admin:imports_provider_export") in page


# An id no database column holds (beyond 64 bits), and digits int() does not read (superscript two).
@pytest.mark.parametrize("cell", ["99999999999999999999999", "²"])
@pytest.mark.parametrize(
    ("sheet", "row"),
    [
        ("offer", lambda: offer_row("Sprachschule Lindenhof", "Sprachcafé")),
        ("location", lambda: place_row("Sprachschule Lindenhof")),
        ("provider", provider_row),
    ],
)
def test_an_id_no_entry_can_have_is_a_bad_row_not_a_500(ki_client, own_provider, sheet, row, cell):
    preview = upload(ki_client, spreadsheet([{**row(), "Kennung": cell}]), sheet=sheet)
    assert preview.status_code == 200
    [(column, message)] = problems(preview)[2]
    assert column == "Kennung"
    assert cell in message
