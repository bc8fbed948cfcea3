"""An offer's runs in the spreadsheet: column groups `Termin <n>: …`, matched by position, places with their date."""

import datetime

import pytest
from reversion.models import Version

from imports.files import read_table
from offers.factories import CourseRunFactory, LocationFactory, OfferFactory, ProviderFactory
from offers.models import CourseRun, Offer

from .listing import TODAY, days
from .spreadsheets import confirm, dataset, export, offer_row, problems, spreadsheet, upload

pytestmark = pytest.mark.django_db


def german(day):
    return day.strftime("%d.%m.%Y")


@pytest.fixture
def ki_client(client, ki_editor):
    client.force_login(ki_editor)
    return client


@pytest.fixture
def reporter(django_user_model):
    return django_user_model.objects.create_user("melderin", is_staff=True)


@pytest.fixture
def course(unna, reporter):
    provider = ProviderFactory(name="VHS Unna")
    place = LocationFactory(
        provider=provider, name="Haus am Markt", street="Markt 1", postal_code="59423", municipality=unna
    )
    other = LocationFactory(
        provider=provider, name="Nordstadt", street="Nordring 5", postal_code="59423", municipality=unna
    )
    offer = OfferFactory(provider=provider, title_de="Deutsch im Beruf", locations=[place, other])
    CourseRunFactory(
        offer=offer,
        location=place,
        start_date=days(20),
        end_date=days(200),
        registration_deadline=days(10),
        weekdays=[1, 2, 4],
        class_start=datetime.time(8, 45),
        class_end=datetime.time(12),
        intensity=CourseRun.Intensity.PART_TIME,
        time_of_day=CourseRun.TimeOfDay.MORNING,
        note_de="Mit Kinderbetreuung",
        max_places=20,
        free_places=6,
        places_reported_on=days(-20),
        places_reported_by=reporter,
    )
    CourseRunFactory(
        offer=offer,
        location=other,
        start_date=days(60),
        end_date=None,
        rolling_entry=True,
        weekdays=[6],
        class_start=datetime.time(18),
        class_end=datetime.time(20, 30),
        intensity=CourseRun.Intensity.FULL_TIME,
        time_of_day=CourseRun.TimeOfDay.EVENING,
        max_places=None,
        free_places=0,
        has_waiting_list=True,
        places_reported_on=days(-5),
        places_reported_by=reporter,
    )
    return offer


def exported(client, file_format="csv"):
    return read_table(f"e.{file_format}", export(client, file_format))


def test_runs_are_exported_as_column_groups_in_order(ki_client, course):
    OfferFactory(title_de="Ohne Termine", provider=course.provider, format=Offer.Format.ONLINE)
    rows = {row["Titel (de)"]: row for row in exported(ki_client).dict}
    row = rows["Deutsch im Beruf"]
    assert (row["Termin 1: Beginn"], row["Termin 1: Ende"], row["Termin 1: Anmeldeschluss"]) == (
        german(days(20)),
        german(days(200)),
        german(days(10)),
    )
    assert (row["Termin 1: Wochentage"], row["Termin 1: Unterricht von"], row["Termin 1: Unterricht bis"]) == (
        "Mo, Di, Do",
        "08:45",
        "12:00",
    )
    assert (row["Termin 1: Ort"], row["Termin 1: Vollzeit/Teilzeit"], row["Termin 1: Tageszeit"]) == (
        "Haus am Markt",
        "Teilzeit",
        "Vormittags",
    )
    assert (row["Termin 1: Hinweis (de)"], row["Termin 1: Plätze insgesamt"], row["Termin 1: Freie Plätze"]) == (
        "Mit Kinderbetreuung",
        "20",
        "6",
    )
    assert (row["Termin 1: Einstieg jederzeit"], row["Termin 1: Abgesagt"], row["Termin 1: Warteliste"]) == (
        "nein",
        "nein",
        "nein",
    )
    assert (row["Termin 2: Einstieg jederzeit"], row["Termin 2: Warteliste"], row["Termin 2: Ende"]) == ("ja", "ja", "")
    assert (row["Termin 2: Ort"], row["Termin 2: Freie Plätze"], row["Termin 2: Tageszeit"]) == (
        "Nordstadt",
        "0",
        "Abends",
    )
    # The reporter is staff only: not in the file.
    assert not any("melderin" in value for value in row.values())
    assert all(value == "" for column, value in rows["Ohne Termine"].items() if column.startswith("Termin "))


@pytest.mark.parametrize("file_format", ["xlsx", "csv"])
def test_round_trip_with_runs_changes_nothing(ki_client, course, file_format):
    before = list(CourseRun.objects.order_by("pk").values())
    updated = Offer.objects.get(pk=course.pk).updated
    versions = Version.objects.count()
    data = export(ki_client, file_format)
    preview = upload(ki_client, data, f"export.{file_format}")
    assert [row.state_label for row in preview.context["report"].rows] == ["unverändert"], [
        row.changes for row in preview.context["report"].rows
    ]
    confirm(ki_client, preview)
    assert list(CourseRun.objects.order_by("pk").values()) == before
    assert Offer.objects.get(pk=course.pk).updated == updated
    assert Version.objects.count() == versions


@pytest.mark.parametrize("file_format", ["xlsx", "csv"])
def test_a_changed_figure_is_dated_today_and_reported_by_the_importer(ki_client, ki_editor, course, file_format):
    rows = exported(ki_client, file_format).dict
    rows[0]["Termin 1: Freie Plätze"] = "3"
    rows[0]["Termin 2: Hinweis (de)"] = "Samstags"
    updated = Offer.objects.get(pk=course.pk).updated
    preview = upload(ki_client, spreadsheet(dataset(rows), file_format), f"plaetze.{file_format}")
    [row] = preview.context["report"].rows
    assert row.state_label == "geändert"
    assert row.changes == [("Termin 1: Freie Plätze", "6", "3"), ("Termin 2: Hinweis (de)", "", "Samstags")]
    assert CourseRun.objects.get(offer=course, start_date=days(20)).free_places == 6  # the preview saved nothing
    versions = Version.objects.count()
    response = confirm(ki_client, preview)
    assert response.status_code == 302
    first, second = CourseRun.objects.filter(offer=course).in_order()
    assert (first.free_places, first.places_reported_on, first.places_reported_by) == (3, TODAY, ki_editor)
    # A run whose figure did not change keeps its date and its reporter.
    assert (second.note_de, second.places_reported_on, second.places_reported_by.username) == (
        "Samstags",
        days(-5),
        "melderin",
    )
    # The runs changed, not the offer: a version for each run, none for the offer, its date as it was.
    new = Version.objects.order_by("-pk")[: Version.objects.count() - versions]
    assert sorted((version.content_type.model, int(version.object_id)) for version in new) == sorted(
        [("courserun", first.pk), ("courserun", second.pk)]
    )
    assert all(version.revision.comment == f"Tabellen-Import „plaetze.{file_format}“" for version in new)
    assert Offer.objects.get(pk=course.pk).updated == updated


def test_new_runs_of_a_new_offer_at_its_places(ki_client, ki_editor, unna):
    ProviderFactory(name="VHS Unna")
    row = offer_row(
        "VHS Unna",
        "Deutsch am Abend",
        **{
            "Termin 1: Beginn": german(days(30)),
            "Termin 1: Ende": german(days(120)),
            "Termin 1: Wochentage": "Mo–Mi",
            "Termin 1: Unterricht von": "18:00",
            "Termin 1: Unterricht bis": "20:15",
            "Termin 1: Ort": "Bildungszentrum",
            "Termin 1: Vollzeit/Teilzeit": "Teilzeit",
            "Termin 1: Tageszeit": "Abends",
            "Termin 1: Plätze insgesamt": "16",
            "Termin 1: Freie Plätze": "16",
            "Termin 2: Beginn": german(days(150)),
            "Termin 2: Ort": "Ort 1",
            "Termin 2: Einstieg jederzeit": "ja",
            "Termin 2: Abgesagt": "nein",
        },
    )
    preview = upload(ki_client, spreadsheet([row]))
    assert not problems(preview)
    confirm(ki_client, preview)
    offer = Offer.objects.get(title_de="Deutsch am Abend")
    first, second = offer.runs.in_order()
    place = offer.locations.get()
    assert (first.start_date, first.end_date, first.weekdays) == (days(30), days(120), [1, 2, 3])
    assert (first.class_start, first.class_end, first.location) == (datetime.time(18), datetime.time(20, 15), place)
    assert (first.intensity, first.time_of_day, first.max_places, first.free_places) == ("part_time", "evening", 16, 16)
    assert (first.places_reported_on, first.places_reported_by) == (TODAY, ki_editor)
    assert (second.start_date, second.rolling_entry, second.location, second.free_places) == (
        days(150),
        True,
        place,
        None,
    )
    assert second.places_reported_on is None


BAD_RUN_CELLS = [
    ({"Termin 1: Ende": german(days(5))}, "Termin 1: Ende", "Das Ende liegt vor dem Beginn."),
    ({"Termin 1: Wochentage": "Mo, Xy"}, "Termin 1: Wochentage", "„Xy“ ist kein Wochentag"),
    ({"Termin 1: Unterricht von": "25:00"}, "Termin 1: Unterricht von", "„25:00“ ist keine Uhrzeit"),
    ({"Termin 1: Unterricht bis": "08:00"}, "Termin 1: Unterricht bis", "Der Unterricht endet vor seinem Beginn."),
    ({"Termin 1: Ort": "Nirgendwo"}, "Termin 1: Ort", "„Nirgendwo“ ist keiner der Orte dieses Angebots"),
    ({"Termin 1: Freie Plätze": "30"}, "Termin 1: Freie Plätze", "mehr freie Plätze"),
    ({"Termin 1: Beginn": "31.02.2027"}, "Termin 1: Beginn", "kein gültiges Datum"),
    ({"Termin 1: Tageszeit": "nachts"}, "Termin 1: Tageszeit", "ist nicht erlaubt"),
]


@pytest.mark.parametrize(("cells", "column", "message"), BAD_RUN_CELLS)
def test_a_bad_run_cell_is_named_with_row_and_column_and_nothing_is_saved(ki_client, course, cells, column, message):
    runs = list(CourseRun.objects.order_by("pk").values())
    rows = exported(ki_client).dict
    rows[0].update(cells)
    preview = upload(ki_client, spreadsheet(dataset(rows)))
    found = problems(preview)
    assert list(found) == [2]
    assert any(where == column and message in text for where, text in found[2]), found
    confirm(ki_client, preview)
    assert list(CourseRun.objects.order_by("pk").values()) == runs


def test_an_editors_changed_places_leave_a_published_offer_published_a_text_change_does_not(
    editor_client, provider_editor, own_provider, unna
):
    place = LocationFactory(
        provider=own_provider, name="Markt", street="Markt 1", postal_code="59423", municipality=unna
    )
    offer = OfferFactory(provider=own_provider, title_de="Eigener Kurs", locations=[place])
    run = CourseRunFactory(offer=offer, location=place, free_places=5, places_reported_on=days(-30))
    rows = exported(editor_client).dict
    rows[0]["Termin 1: Freie Plätze"] = "2"
    preview = upload(editor_client, spreadsheet(dataset(rows)))
    assert [row.changes for row in preview.context["report"].rows] == [[("Termin 1: Freie Plätze", "5", "2")]]
    confirm(editor_client, preview)
    offer.refresh_from_db()
    run.refresh_from_db()
    assert offer.status == Offer.Status.PUBLISHED and offer in Offer.objects.published()
    assert (run.free_places, run.places_reported_on, run.places_reported_by) == (2, TODAY, provider_editor)
    rows[0]["Termin 1: Freie Plätze"] = "1"
    rows[0]["Kurzbeschreibung (de)"] = "Jetzt auch abends."
    confirm(editor_client, upload(editor_client, spreadsheet(dataset(rows))))
    offer.refresh_from_db()
    assert offer.status == Offer.Status.SUBMITTED and offer.summary_de == "Jetzt auch abends."
    assert CourseRun.objects.get(pk=run.pk).free_places == 1


def test_an_editor_cannot_change_another_providers_runs_by_the_offers_id(editor_client, own_provider, other_provider):
    foreign = OfferFactory(provider=other_provider, title_de="Fremder Kurs", format=Offer.Format.ONLINE)
    run = CourseRunFactory(offer=foreign, free_places=5, places_reported_on=days(-2))
    row = offer_row(
        own_provider.name,
        "Fremder Kurs",
        Kennung=str(foreign.pk),
        **{"Termin 1: Freie Plätze": "0", "Termin 2: Beginn": german(days(40))},
    )
    preview = upload(editor_client, spreadsheet([row]))
    assert "gehört zu einem anderen Träger" in str(problems(preview)[2])
    confirm(editor_client, preview, skip_bad_rows=True)
    run.refresh_from_db()
    assert (run.free_places, run.places_reported_on) == (5, days(-2))
    assert list(CourseRun.objects.filter(offer=foreign)) == [run]
    assert not CourseRun.objects.exclude(pk=run.pk).exists()
