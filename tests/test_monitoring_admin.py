"""The monitoring's admin pages: KI staff only, every town paged, a constant number of queries."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from monitoring.models import PopulationFigure
from municipalities.factories import MunicipalityFactory
from municipalities.models import Municipality
from offers.factories import CourseRunFactory, LocationFactory, OfferFactory, WeeklyHoursFactory
from offers.models import Category
from reports.models import Report


def town_with_offers(town, number):
    location = LocationFactory(municipality=town)
    WeeklyHoursFactory(location=location)
    mbe = Category.objects.get(slug="migrationsberatung-erwachsene")
    course = Category.objects.get(slug=Category.INTEGRATION_COURSE)
    for index in range(number):
        offer = OfferFactory(category=mbe if index % 2 else course, languages=["de", "ar"], locations=[location])
        CourseRunFactory(offer=offer, start_date=timezone.localdate() + datetime.timedelta(weeks=2))
        Report.objects.create(offer=offer, kind=Report.Kind.CONTACT, language="de")


def test_provider_editors_get_403_on_every_monitoring_page(editor_client, own_offer, unna):
    pages = [
        reverse("admin:monitoring_overview"),
        reverse("admin:monitoring_town", args=[unna.slug]),
        reverse("admin:monitoring_town_report", args=[unna.slug, 2026]),
        reverse("admin:monitoring_town_report", args=[unna.slug, 2026]) + "?format=csv",
        reverse("admin:monitoring_district_report", args=[unna.district.slug, 2026]),
        reverse("admin:monitoring_district_report", args=[unna.district.slug, 2026]) + "?format=csv",
        reverse("admin:monitoring_populationfigure_changelist"),
        reverse("admin:monitoring_populationfigure_add"),
    ]
    for page in pages:
        assert editor_client.get(page).status_code == 403, page
    response = editor_client.post(
        reverse("admin:monitoring_populationfigure_add"),
        {"municipality": unna.pk, "year": 2024, "kind": "population", "value": 1, "source": "x"},
    )
    assert response.status_code == 403
    assert not PopulationFigure.objects.exists()
    # Nor does their dashboard link to it.
    assert reverse("admin:monitoring_overview") not in editor_client.get(reverse("admin:index")).content.decode()


def test_the_overview_lists_every_town_paged_with_a_constant_number_of_queries(client, ki_editor, unna, luenen):
    client.force_login(ki_editor)
    town_with_offers(unna, 4)
    town_with_offers(luenen, 1)
    url = reverse("admin:monitoring_overview")
    with CaptureQueriesContext(connection) as few:
        page = client.get(url).content.decode()
    assert "Unna" in page and "Lünen" in page
    assert reverse("admin:monitoring_town", args=["unna"]) in page
    assert reverse("admin:index") in page  # linked from the dashboard too
    assert reverse("admin:monitoring_overview") in client.get(reverse("admin:index")).content.decode()

    for town in MunicipalityFactory.create_batch(30, district=unna.district):
        town_with_offers(town, 2)
    with CaptureQueriesContext(connection) as many:
        first = client.get(url).content.decode()
    assert len(many) == len(few), [query["sql"] for query in many]
    second = client.get(url, {"page": 2}).content.decode()
    shown = Municipality.objects.order_by("name")
    names = list(shown.values_list("name", flat=True))
    assert names[0] in first and names[-1] not in first
    assert names[-1] in second and names[0] not in second
    assert client.get(url, {"page": "nonsense"}).status_code == 200
    assert client.get(url, {"page": 999}).status_code == 200


def test_the_town_page_shows_every_indicator_and_its_gaps(client, ki_editor, unna):
    client.force_login(ki_editor)
    town_with_offers(unna, 2)
    PopulationFigure.objects.create(
        municipality=unna,
        year=2024,
        kind=PopulationFigure.Kind.FOREIGNERS,
        value=9999,
        source="Ausländerzentralregister",
    )
    page = client.get(reverse("admin:monitoring_town", args=["unna"])).content.decode()
    for text in (
        "Einwohner insgesamt",
        "Zensus 2011",
        "9.999",
        "Ausländerzentralregister",
        "Migrationsberatung für Erwachsene (MBE)",
        "je 1.000 Personen mit Migrationshintergrund",
        "Offene Sprechstunden je Woche",
        "3 Std.",
        "Kurse mit freien Plätzen in den nächsten 6 Wochen",
        "Übersetzt",
        "In den letzten 12 Monaten geprüft",
        "Offene Meldungen",
        "Unna: kein Angebot der Kategorie „Freizeit und Begegnung“",
        "Unna: kein Integrationskurs mit Kinderbetreuung, der in den nächsten 6 Wochen beginnt",
    ):
        assert text in page, text
    assert client.get(reverse("admin:monitoring_town", args=["nowhere"])).status_code == 404


def test_ki_staff_add_a_newer_figure_and_the_town_page_shows_it(client, ki_editor, unna):
    client.force_login(ki_editor)
    response = client.post(
        reverse("admin:monitoring_populationfigure_add"),
        {"municipality": unna.pk, "year": 2024, "kind": "population", "value": 58000, "source": "IT.NRW 31.12.2024"},
    )
    assert response.status_code == 302
    assert PopulationFigure.objects.get().value == 58000
    page = client.get(reverse("admin:monitoring_town", args=["unna"])).content.decode()
    assert "58.000" in page and "IT.NRW 31.12.2024" in page
    # Another figure for the same town, kind and year is refused with a message, not a 500.
    again = client.post(
        reverse("admin:monitoring_populationfigure_add"),
        {"municipality": unna.pk, "year": 2024, "kind": "population", "value": 1, "source": "x"},
    )
    assert again.status_code == 200
    assert PopulationFigure.objects.count() == 1


@pytest.mark.parametrize("year", ["1800", "abc"])
def test_a_report_for_an_impossible_year_is_not_found(client, ki_editor, unna, year):
    client.force_login(ki_editor)
    response = client.get(f"/admin/monitoring/town/unna/report/{year}/")
    assert response.status_code == 404
