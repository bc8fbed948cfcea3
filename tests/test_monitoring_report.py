"""The yearly monitoring report per town and for the district: a printable page and CSV, figures with source and date."""

import csv
import io

from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format

from monitoring.models import PopulationFigure
from municipalities.models import District
from offers.factories import LocationFactory, OfferFactory
from offers.models import Category


def test_the_district_report_as_csv_has_a_row_per_town_with_sources_and_gaps(client, ki_editor, unna):
    client.force_login(ki_editor)
    OfferFactory(category=Category.objects.get(slug="beratung"), locations=[LocationFactory(municipality=unna)])
    PopulationFigure.objects.create(
        municipality=unna, year=2023, kind=PopulationFigure.Kind.POPULATION, value=58100, source="IT.NRW Fortschreibung"
    )
    district = District.objects.get(slug="kreis-unna")
    year = timezone.localdate().year
    response = client.get(reverse("admin:monitoring_district_report", args=[district.slug, year]), {"format": "csv"})
    assert response["Content-Type"].startswith("text/csv")
    assert f'filename="monitoring-kreis-unna-{year}.csv"' in response["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert [row["Stadt oder Gemeinde"] for row in rows] == list(
        district.municipalities.order_by("name").values_list("name", flat=True)
    )
    row = next(row for row in rows if row["Stadt oder Gemeinde"] == "Unna")
    assert (row["Einwohner insgesamt"], row["Einwohner insgesamt: Jahr"]) == ("58100", "2023")
    assert row["Einwohner insgesamt: Quelle"] == "IT.NRW Fortschreibung"
    assert row["Personen mit Migrationshintergrund: Jahr"] == str(unna.census_year)
    assert row["Personen mit Migrationshintergrund: Quelle"] == unna.census_source
    assert row["Angebote: Beratung"] == "1"
    assert row["Angebotszahlen Stand"] == timezone.localdate().isoformat()
    assert "Unna: kein Angebot der Kategorie „Integrationskurs“" in row["Lücken"]


def test_the_printable_town_report_names_figures_sources_and_the_date(client, ki_editor, unna):
    client.force_login(ki_editor)
    year = timezone.localdate().year
    page = client.get(reverse("admin:monitoring_town_report", args=["unna", year])).content.decode()
    assert f"Integrationsmonitoring {year}: Unna" in page
    assert unna.census_source in page
    with translation.override("de"):
        assert f"Stand: {date_format(timezone.localdate(), 'DATE_FORMAT')}" in page
    assert "monitoring/report.css" in page
    assert "Unna: kein Angebot der Kategorie" in page
    download = client.get(reverse("admin:monitoring_town_report", args=["unna", year]), {"format": "csv"})
    rows = list(csv.reader(io.StringIO(download.content.decode())))
    assert len(rows) == 2 and rows[1][0] == "Unna"


def test_a_report_of_an_earlier_year_shows_that_years_figures(client, ki_editor, unna):
    client.force_login(ki_editor)
    for year, value in ((2022, 57000), (2024, 59000)):
        PopulationFigure.objects.create(
            municipality=unna, year=year, kind=PopulationFigure.Kind.POPULATION, value=value, source=f"Quelle {year}"
        )
    page = client.get(reverse("admin:monitoring_town_report", args=["unna", 2023])).content.decode()
    assert "57.000" in page and "Quelle 2022" in page
    assert "59.000" not in page


def test_the_monitoring_pages_speak_every_language_and_arabic_runs_right_to_left(client, ki_editor, unna):
    client.force_login(ki_editor)
    year = timezone.localdate().year
    for code, title in (("ar", "رصد الاندماج"), ("uk", "Моніторинг інтеграції"), ("tr", "Uyum izleme")):
        town = client.get(reverse("admin:monitoring_town", args=["unna"]), HTTP_ACCEPT_LANGUAGE=code)
        assert title in town.content.decode()
        report = client.get(reverse("admin:monitoring_town_report", args=["unna", year]), HTTP_ACCEPT_LANGUAGE=code)
        page = report.content.decode()
        assert f'lang="{code}"' in page and title in page
        assert ('dir="rtl"' in page) == (code == "ar")
    # The gap sentences are translated too.
    page = client.get(reverse("admin:monitoring_town", args=["unna"]), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Unna: no offer in the category" in page


def test_no_cell_of_the_report_csv_runs_as_a_formula(client, ki_editor, unna):
    """A figure's source is typed in the admin; opened in a spreadsheet program it must stay text."""
    client.force_login(ki_editor)
    PopulationFigure.objects.create(
        municipality=unna, year=2023, kind=PopulationFigure.Kind.POPULATION, value=58100, source='=HYPERLINK("x")'
    )
    download = client.get(reverse("admin:monitoring_town_report", args=["unna", 2023]), {"format": "csv"})
    row = next(csv.DictReader(io.StringIO(download.content.decode())))
    assert row["Einwohner insgesamt: Quelle"] == '\'=HYPERLINK("x")'
    assert row["Einwohner insgesamt"] == "58100"
