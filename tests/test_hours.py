"""Structured opening and consultation hours: validation, the admin's scope, history, open now."""

import datetime
from zoneinfo import ZoneInfo

import pytest
import reversion
from django.core.exceptions import ValidationError
from django.urls import reverse
from reversion.models import Version

from offers import hours
from offers.factories import ClosureFactory, LocationFactory, OfferFactory, WeeklyHoursFactory, counselling_office
from offers.models import Closure, Offer, WeeklyHours
from portal.catalogue import catalogue_version

from .admin_forms import management_form

pytestmark = pytest.mark.django_db

BERLIN = ZoneInfo("Europe/Berlin")
UTC = datetime.UTC


def at(year, month, day, hour, minute=0, tz=BERLIN):
    return datetime.datetime(year, month, day, hour, minute, tzinfo=tz)


# --- validation -------------------------------------------------------------------------------


def test_an_hour_ending_before_it_begins_is_refused_with_a_clear_message(unna):
    hour = WeeklyHours(
        location=LocationFactory(municipality=unna),
        weekday=3,
        opens_at=datetime.time(12),
        closes_at=datetime.time(9),
    )
    with pytest.raises(ValidationError) as error:
        hour.full_clean()
    assert error.value.message_dict["closes_at"] == ["Das Ende (09:00) liegt nicht nach dem Beginn (12:00)."]


def test_an_hour_belongs_to_exactly_one_location_or_offer(unna):
    location = LocationFactory(municipality=unna)
    hour = WeeklyHours(
        location=location,
        offer=OfferFactory(locations=[location]),
        weekday=0,
        opens_at=datetime.time(9),
        closes_at=datetime.time(10),
    )
    with pytest.raises(ValidationError) as error:
        hour.full_clean()
    assert "Bitte genau einen Ort oder ein Angebot angeben." in error.value.messages


def test_a_closure_ending_before_it_begins_is_refused(unna):
    closure = Closure(
        location=LocationFactory(municipality=unna),
        starts_on=datetime.date(2026, 7, 10),
        ends_on=datetime.date(2026, 7, 1),
    )
    with pytest.raises(ValidationError) as error:
        closure.full_clean()
    assert error.value.message_dict["ends_on"] == ["Das Ende der Schließung liegt vor ihrem Beginn."]


# --- the admin: inlines, overlap, scope, history ---------------------------------------------


def location_post(location, hours_rows=(), closures=(), initial_hours=0):
    data = {
        "name": location.name,
        "street": location.street,
        "postal_code": location.postal_code,
        "municipality": str(location.municipality_id),
        "provider": str(location.provider_id),
        "wheelchair_access": location.wheelchair_access,
        "closed_on_public_holidays": "on",
        **management_form("weekly_hours", total=len(hours_rows), initial=initial_hours),
    }
    data["closures-TOTAL_FORMS"] = str(len(closures))
    for index, row in enumerate(hours_rows):
        data.update({f"weekly_hours-{index}-{name}": value for name, value in row.items()})
    for index, row in enumerate(closures):
        data.update({f"closures-{index}-{name}": value for name, value in row.items()})
    return data


@pytest.fixture
def ki_client(client, ki_editor):
    client.force_login(ki_editor)
    return client


def test_ki_editor_adds_walk_in_hours_and_a_closure_to_a_location(ki_client, unna):
    location = LocationFactory(municipality=unna)
    version_before = catalogue_version()
    response = ki_client.post(
        reverse("admin:offers_location_change", args=[location.pk]),
        location_post(
            location,
            [{"weekday": "3", "opens_at": "09:00", "closes_at": "12:00", "kind": "walk_in"}],
            [{"starts_on": "2026-07-20", "ends_on": "2026-07-31", "reason_de": "Betriebsferien"}],
        ),
    )
    assert response.status_code == 302
    hour = location.weekly_hours.get()
    assert (hour.weekday, hour.opens_at, hour.closes_at, hour.kind) == (
        3,
        datetime.time(9),
        datetime.time(12),
        "walk_in",
    )
    assert location.closures.get().reason_de == "Betriebsferien"
    assert catalogue_version() > version_before
    # The location's version holds its hours: history covers them.
    version = Version.objects.get_for_object(location).first()
    held = {other.content_type.model for other in version.revision.version_set.all()}
    assert {"location", "weeklyhours", "closure"} <= held


def test_overlapping_hours_of_one_day_are_refused_with_both_times_named(ki_client, unna):
    location = LocationFactory(municipality=unna)
    response = ki_client.post(
        reverse("admin:offers_location_change", args=[location.pk]),
        location_post(
            location,
            [
                {"weekday": "0", "opens_at": "09:00", "closes_at": "12:00", "kind": "walk_in"},
                {"weekday": "0", "opens_at": "11:00", "closes_at": "14:00", "kind": "appointment"},
            ],
        ),
    )
    assert response.status_code == 200
    assert "Am Montag überschneiden sich die Zeiten 09:00–12:00 und 11:00–14:00." in response.content.decode()
    assert not WeeklyHours.objects.exists()


def test_restoring_a_location_version_brings_its_hours_back(ki_client, unna):
    location = LocationFactory(municipality=unna)
    url = reverse("admin:offers_location_change", args=[location.pk])
    first = {"weekday": "3", "opens_at": "09:00", "closes_at": "12:00", "kind": "walk_in"}
    ki_client.post(url, location_post(location, [first]))
    hour = location.weekly_hours.get()
    changed = {"id": str(hour.pk), "location": str(location.pk), **first, "opens_at": "10:00"}
    assert ki_client.post(url, location_post(location, [changed], initial_hours=1)).status_code == 302
    assert location.weekly_hours.get().opens_at == datetime.time(10)

    oldest = Version.objects.get_for_object(location).order_by("pk").first()
    revision_url = reverse("admin:offers_location_revision", args=[location.pk, oldest.pk])
    restored = {"id": str(hour.pk), "location": str(location.pk), **first}
    assert ki_client.post(revision_url, location_post(location, [restored], initial_hours=1)).status_code == 302
    assert location.weekly_hours.get().opens_at == datetime.time(9)


def test_restoring_a_version_from_before_the_hours_keeps_the_hours_of_today(ki_client, unna):
    """A version that holds no hours (saved before hours existed) must not delete the hours kept since."""
    location = LocationFactory(municipality=unna, name="Beratungsstelle alt")
    with reversion.create_revision():
        reversion.set_comment("Demo-Daten geladen")
        reversion.add_to_revision(location)
    old = Version.objects.get_for_object(location).get()
    location.name = "Beratungsstelle neu"
    location.save()
    WeeklyHoursFactory(location=location)
    ClosureFactory(location=location, starts_on=datetime.date(2026, 12, 24))

    revision_url = reverse("admin:offers_location_revision", args=[location.pk, old.pk])
    form = ki_client.get(revision_url).content.decode()
    assert 'name="weekly_hours-TOTAL_FORMS" value="1"' in form  # today's hour is in the form to keep
    hour = location.weekly_hours.get()
    kept = {"id": str(hour.pk), "location": str(location.pk), "weekday": "3", "opens_at": "09:00", "closes_at": "12:00"}
    data = location_post(location, [{**kept, "kind": "walk_in"}], initial_hours=1)
    closure = location.closures.get()
    data.update(
        {
            "name": "Beratungsstelle alt",
            "closures-TOTAL_FORMS": "1",
            "closures-INITIAL_FORMS": "1",
            "closures-0-id": str(closure.pk),
            "closures-0-location": str(location.pk),
            "closures-0-starts_on": "2026-12-24",
        }
    )
    assert ki_client.post(revision_url, data).status_code == 302
    location.refresh_from_db()
    assert location.name == "Beratungsstelle alt"
    assert list(location.weekly_hours.values_list("pk", flat=True)) == [hour.pk]
    assert list(location.closures.values_list("pk", flat=True)) == [closure.pk]


def test_provider_editor_cannot_attach_hours_to_another_providers_location(
    editor_client, own_provider, other_provider, unna
):
    own = LocationFactory(provider=own_provider, municipality=unna)
    foreign = LocationFactory(provider=other_provider, municipality=unna)
    foreign_hour = WeeklyHoursFactory(location=foreign)
    row = {"weekday": "1", "opens_at": "08:00", "closes_at": "10:00", "kind": "walk_in"}

    # Through the other location's own form: not theirs to open.
    response = editor_client.post(
        reverse("admin:offers_location_change", args=[foreign.pk]), location_post(foreign, [row])
    )
    assert response.status_code in (302, 403, 404)
    # Through their own form, naming the other location (or its hour) as the row's owner.
    editor_client.post(
        reverse("admin:offers_location_change", args=[own.pk]),
        location_post(own, [{**row, "location": str(foreign.pk)}]),
    )
    editor_client.post(
        reverse("admin:offers_location_change", args=[own.pk]),
        location_post(own, [{**row, "id": str(foreign_hour.pk), "location": str(foreign.pk)}], initial_hours=1),
    )

    assert list(foreign.weekly_hours.values_list("pk", "weekday", "opens_at")) == [
        (foreign_hour.pk, 3, datetime.time(9))
    ]
    assert all(hour.location_id == own.pk for hour in WeeklyHours.objects.exclude(pk=foreign_hour.pk))


def test_provider_editor_cannot_add_closures_to_another_providers_offer(
    editor_client, own_provider, other_provider, unna
):
    foreign_offer = OfferFactory(
        provider=other_provider, locations=[LocationFactory(provider=other_provider, municipality=unna)]
    )
    data = {
        "title_de": "Übernommen",
        "summary_de": "x",
        "category": str(foreign_offer.category_id),
        "provider": str(other_provider.pk),
        "format": "on_site",
        **management_form("closures", total=1),
        "closures-0-starts_on": "2026-08-01",
        "closures-0-reason_de": "Fremd",
    }
    response = editor_client.post(reverse("admin:offers_offer_change", args=[foreign_offer.pk]), data)
    assert response.status_code in (302, 403, 404)
    assert not Closure.objects.exists()
    assert Offer.objects.get(pk=foreign_offer.pk).title_de != "Übernommen"


# --- open now and the next walk-in hour -------------------------------------------------------


@pytest.fixture
def thursday_office(unna):
    """A counselling office with a walk-in hour on Thursdays 9–12 and appointments on Mondays 14–16."""
    location = counselling_office(municipality=unna)
    offer = OfferFactory(locations=[location])
    return Offer.objects.prefetch_related(
        "weekly_hours", "closures", "locations__weekly_hours", "locations__closures"
    ).get(pk=offer.pk)


def offer_status(offer, moment):
    return hours.status(hours.schedules_of_offer(offer), moment)


def open_ids(moment):
    return set(Offer.objects.open_now(moment).values_list("pk", flat=True))


@pytest.mark.parametrize(
    ("moment", "is_open"),
    [
        # Before the change to summer time (last Sunday of March 2026 is the 29th): 9:00 CET is 8:00 UTC.
        (datetime.datetime(2026, 3, 26, 7, 59, tzinfo=UTC), False),
        (datetime.datetime(2026, 3, 26, 8, 0, tzinfo=UTC), True),
        # After it 9:00 CEST is 7:00 UTC: the hour stays at 9:00 local time.
        (datetime.datetime(2026, 4, 2, 6, 59, tzinfo=UTC), False),
        (datetime.datetime(2026, 4, 2, 7, 0, tzinfo=UTC), True),
        (datetime.datetime(2026, 4, 2, 9, 59, tzinfo=UTC), True),
        (datetime.datetime(2026, 4, 2, 10, 0, tzinfo=UTC), False),
        # Back to winter time on 25 October 2026.
        (datetime.datetime(2026, 10, 22, 7, 0, tzinfo=UTC), True),
        (datetime.datetime(2026, 10, 29, 7, 30, tzinfo=UTC), False),
        (datetime.datetime(2026, 10, 29, 8, 0, tzinfo=UTC), True),
    ],
)
def test_open_now_follows_berlin_time_across_the_daylight_saving_change(thursday_office, moment, is_open):
    assert offer_status(thursday_office, moment).walk_in_now is is_open
    assert (thursday_office.pk in open_ids(moment)) is is_open


def test_closed_on_fronleichnam_a_holiday_of_nrw_and_open_the_week_after(thursday_office):
    corpus_christi = at(2026, 6, 4, 10)  # a Thursday; a public holiday in NRW, not in Berlin or Hamburg
    assert hours.public_holiday(corpus_christi.date()) == "Fronleichnam"
    status = offer_status(thursday_office, corpus_christi)
    assert not status.open_now
    assert status.next_walk_in == at(2026, 6, 11, 9)
    assert thursday_office.pk not in open_ids(corpus_christi)
    assert thursday_office.pk in open_ids(at(2026, 6, 11, 10))


def test_german_unity_day_closes_unless_the_location_opens_on_holidays(unna):
    location = LocationFactory(municipality=unna)
    WeeklyHoursFactory(location=location, weekday=4)  # Friday 3 October 2025
    offer = OfferFactory(locations=[location])
    unity_day = at(2025, 10, 3, 10)
    assert offer.pk not in open_ids(unity_day)
    location.closed_on_public_holidays = False
    location.save()
    assert offer.pk in open_ids(unity_day)
    offer = Offer.objects.prefetch_related("locations__weekly_hours").get(pk=offer.pk)
    assert offer_status(offer, unity_day).walk_in_now


def test_a_closure_range_closes_every_day_inside_it(thursday_office):
    location = thursday_office.locations.get()
    ClosureFactory(location=location, starts_on=datetime.date(2026, 7, 20), ends_on=datetime.date(2026, 7, 31))
    offer = Offer.objects.prefetch_related("locations__weekly_hours", "locations__closures").get(pk=thursday_office.pk)
    inside = at(2026, 7, 23, 10)
    status = offer_status(offer, inside)
    assert not status.open_now
    assert status.next_walk_in == at(2026, 8, 6, 9)
    assert offer.pk not in open_ids(inside)
    assert offer.pk in open_ids(at(2026, 7, 16, 10))
    assert offer.pk in open_ids(at(2026, 8, 6, 10))


def test_an_offers_own_hours_come_before_its_locations(thursday_office):
    WeeklyHoursFactory(offer=thursday_office, weekday=1, opens_at=datetime.time(15), closes_at=datetime.time(17))
    tuesday, thursday = at(2026, 5, 12, 16), at(2026, 5, 14, 10)
    assert open_ids(tuesday) == {thursday_office.pk}
    assert open_ids(thursday) == set()
    assert set(Offer.objects.with_walk_in().values_list("pk", flat=True)) == {thursday_office.pk}


def test_appointment_hours_are_open_but_no_walk_in(thursday_office):
    monday = at(2026, 5, 11, 15)
    status = offer_status(thursday_office, monday)
    assert status.open_now and not status.walk_in_now
    # Thursday 14 May 2026 is Ascension Day: the next walk-in hour is a week later.
    assert status.next_walk_in == at(2026, 5, 21, 9)


def test_a_new_location_gets_its_hours_in_the_same_submit(ki_client, unna, own_provider):
    unsaved = LocationFactory.build(provider=own_provider, municipality=unna, name="Neue Beratungsstelle")
    row = {"weekday": "2", "opens_at": "09:00", "closes_at": "11:00", "kind": "walk_in"}
    response = ki_client.post(
        reverse("admin:offers_location_add"),
        location_post(unsaved, [row], [{"starts_on": "2026-08-03", "reason_de": "Umzug"}]),
    )
    assert response.status_code == 302
    location = own_provider.locations.get(name="Neue Beratungsstelle")
    assert location.weekly_hours.get().weekday == 2
    assert location.closures.get().reason_de == "Umzug"


def test_an_offers_own_hours_are_edited_in_its_form_and_kept_in_its_version(ki_client, unna):
    offer = OfferFactory(locations=[LocationFactory(municipality=unna)])
    data = {
        "title_de": offer.title_de,
        "summary_de": offer.summary_de,
        "category": str(offer.category_id),
        "provider": str(offer.provider_id),
        "status": "published",
        "format": "on_site",
        "locations": [str(location.pk) for location in offer.locations.all()],
        **management_form("weekly_hours", total=1),
        "weekly_hours-0-weekday": "4",
        "weekly_hours-0-opens_at": "09:00",
        "weekly_hours-0-closes_at": "12:00",
        "weekly_hours-0-kind": "walk_in",
    }
    assert ki_client.post(reverse("admin:offers_offer_change", args=[offer.pk]), data).status_code == 302
    assert list(offer.weekly_hours.values_list("weekday", "kind")) == [(4, "walk_in")]
    version = Version.objects.get_for_object(offer).first()
    assert "weeklyhours" in {other.content_type.model for other in version.revision.version_set.all()}


def test_times_and_numbers_formatted_once_keep_what_tells_them_apart():
    """The kept texts of Babel (hours.time_in, i18n.whole_number_in): 9:00 UTC and 10:00+01:00 are equal
    times and -0.0 equals 0, but each is written as Babel writes it."""
    from django.utils import translation

    from portal import i18n

    utc, plus_one = datetime.UTC, datetime.timezone(datetime.timedelta(hours=1))
    assert hours.time_text(datetime.time(9, tzinfo=utc), "de") == "9:00"
    assert hours.time_text(datetime.time(10, tzinfo=plus_one), "de") == "10:00"
    with translation.override("de"):
        assert i18n.number(0) == "0"
        assert i18n.number(-0.0) == "-0"
        assert i18n.number(43815) == "43.815"
    with translation.override("uk"):
        assert i18n.number(43815) == "43\xa0815"
