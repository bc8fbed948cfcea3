"""A district's whole catalogue in one file: 2,000 rows, 5 of them bad (the file is made here, not kept)."""

import pytest
from django.db.models import F

from municipalities.models import Municipality
from offers.factories import LocationFactory, OfferFactory, ProviderFactory
from offers.models import Category, CourseRun, Offer, language_codes

from .spreadsheets import TEXTS, confirm, offer_row, problems, spreadsheet, upload

pytestmark = pytest.mark.django_db

ROWS = 2000
# Every tenth row has a run at its place: the others' run columns stay empty.
RUN = {
    "Termin 1: Beginn": "01.03.2027",
    "Termin 1: Ende": "30.09.2027",
    "Termin 1: Wochentage": "Mo–Fr",
    "Termin 1: Unterricht von": "08:45",
    "Termin 1: Unterricht bis": "12:00",
    "Termin 1: Ort": "Bildungszentrum",
    "Termin 1: Plätze insgesamt": "20",
    "Termin 1: Freie Plätze": "5",
}
CATEGORIES = ["berufssprachkurs", "beratung", "elternprogramme", "freizeit-begegnung", "sprachfoerderung-kinder"]


def bulk_rows(providers, towns):
    rows = []
    for index in range(ROWS):
        town = towns[index % len(towns)]
        rows.append(
            offer_row(
                providers[index % len(providers)].name,
                f"Angebot {index:04d}",
                category=CATEGORIES[index % len(CATEGORIES)],
                town=town.name,
                postal_code=town.postal_code_list()[0],
                street=f"Hauptstraße {index % 50 + 1}",
                **(RUN if index % 10 == 0 else {}),
            )
        )
    return rows


def test_two_thousand_rows_with_five_bad_ones(client, ki_editor):
    client.force_login(ki_editor)
    providers = [ProviderFactory(name=f"Träger {letter}") for letter in "ABC"]
    towns = list(Municipality.objects.order_by("name"))
    rows = bulk_rows(providers, towns)
    # An offer already in the portal that row 1,500 repeats (same provider, category, title, place).
    twin = rows[1498]
    place = LocationFactory(
        provider=providers[1498 % 3],
        street=twin["Ort 1: Straße und Hausnummer"],
        postal_code=twin["Ort 1: Postleitzahl"],
        municipality=Municipality.objects.get(name=twin["Ort 1: Stadt oder Gemeinde"]),
    )
    existing = OfferFactory(
        provider=providers[1498 % 3],
        category=Category.objects.get(slug=twin["Kategorie"]),
        title_de="ANGEBOT 1498",
        locations=[place],
    )
    bad = {  # spreadsheet row (the headers are row 1) -> (column, what the preview says)
        18: ("Ort 1: Stadt oder Gemeinde", "Unbekannte Stadt oder Gemeinde „Entenhausen“"),
        401: ("Träger", "Unbekannter Träger „Träger Z“"),
        1000: ("Sichtbar bis", "„32.12.2027“ ist kein gültiges Datum"),
        1500: ("Titel (de)", f"Doppelt: dieses Angebot gibt es schon (Kennung {existing.pk}"),
        1999: ("E-Mail", "E-Mail-Adresse"),
    }
    rows[16]["Ort 1: Stadt oder Gemeinde"] = "Entenhausen"
    rows[399]["Träger"] = "Träger Z"
    rows[998]["Sichtbar bis"] = "32.12.2027"
    rows[1997]["E-Mail"] = "keine-adresse"

    preview = upload(client, spreadsheet(rows), "kreis.csv")
    found = problems(preview)
    assert sorted(found) == sorted(bad)
    for number, (column, message) in bad.items():
        assert len(found[number]) == 1, found[number]
        assert found[number][0][0] == column
        assert message in found[number][0][1]
    report = preview.context["report"]
    assert (report.new, len(report.bad_rows)) == (1995, 5)
    page = preview.content.decode()
    assert page.count('class="import-state-new"') == 1995

    response = confirm(client, preview)
    assert "Nichts wurde gespeichert" in response.content.decode()
    assert list(Offer.objects.all()) == [existing]

    response = confirm(client, preview, skip_bad_rows=True)
    assert response.status_code == 302
    imported = Offer.objects.exclude(pk=existing.pk)
    assert imported.count() == 1995
    assert not imported.filter(title_de__in=[rows[number - 2]["Titel (de)"] for number in bad]).exists()
    columns = [f"{name}_{code}" for name in TEXTS.values() for code in language_codes()]
    for values in imported.values(*columns):
        assert all(values.values()), values
    assert imported.filter(locations__isnull=False).distinct().count() == 1995
    runs = CourseRun.objects.filter(offer__in=imported)
    assert runs.count() == 200  # row 18's offer (index 16) has none; no bad row has a run
    assert runs.filter(weekdays=[1, 2, 3, 4, 5], free_places=5, places_reported_by=ki_editor).count() == 200
    assert runs.filter(location__offers=F("offer")).count() == 200  # each at its offer's place
