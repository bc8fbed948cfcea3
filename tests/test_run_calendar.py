"""'In den Kalender übernehmen' and the staff feeds: what is served, parsed back and expanded."""

import datetime
import zoneinfo

import pytest
from dateutil.rrule import rrulestr
from django.urls import reverse
from icalendar import Calendar

from offers import calendar
from offers.factories import CourseRunFactory, LocationFactory, OfferFactory

pytestmark = pytest.mark.django_db

BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")


@pytest.fixture
def run_over_the_clock_change(unna):
    """Mo–Fr 8:45–12:00 from 1 March to 30 April 2027: summer time begins on Sunday, 28 March."""
    location = LocationFactory(municipality=unna, name="Haus am Markt")
    offer = OfferFactory(
        locations=[location],
        title_de="Integrationskurs am Vormittag",
        title_ar="دورة الاندماج الصباحية",
        provider=location.provider,
    )
    return CourseRunFactory(
        offer=offer,
        location=location,
        start_date=datetime.date(2027, 3, 1),
        end_date=datetime.date(2027, 4, 30),
        registration_deadline=datetime.date(2027, 2, 15),
    )


def served(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


def occurrences(event):
    start = event.decoded("dtstart")
    rule = rrulestr(event["rrule"].to_ical().decode(), dtstart=start)
    return list(rule)


def test_a_runs_classes_stay_at_845_berlin_time_across_the_clock_change(client, run_over_the_clock_change):
    run = run_over_the_clock_change
    cal = served(client, f"/ar/runs/{run.pk}.ics")
    (timezone,) = cal.walk("VTIMEZONE")
    assert str(timezone["TZID"]) == "Europe/Berlin"
    (event,) = cal.walk("VEVENT")
    assert event["dtstart"].params["TZID"] == "Europe/Berlin"
    assert str(event["summary"]) == "Integrationskurs am Vormittag / دورة الاندماج الصباحية"
    assert "Haus am Markt" in str(event["location"])
    days = occurrences(event)
    assert len(days) == 45  # every weekday from 1 March to 30 April 2027 (23 + 22)
    assert days[0] == datetime.datetime(2027, 3, 1, 8, 45, tzinfo=BERLIN)
    assert days[-1].date() == datetime.date(2027, 4, 30)
    assert {day.weekday() for day in days} == {0, 1, 2, 3, 4}
    assert {day.astimezone(BERLIN).time() for day in days} == {datetime.time(8, 45)}
    before = [day for day in days if day.date() < datetime.date(2027, 3, 28)]
    after = [day for day in days if day.date() > datetime.date(2027, 3, 28)]
    assert {day.utcoffset() for day in before} == {datetime.timedelta(hours=1)}
    assert {day.utcoffset() for day in after} == {datetime.timedelta(hours=2)}
    assert {day.astimezone(datetime.UTC).time() for day in before} == {datetime.time(7, 45)}
    assert {day.astimezone(datetime.UTC).time() for day in after} == {datetime.time(6, 45)}
    assert event.decoded("dtend") == datetime.datetime(2027, 3, 1, 12, 0, tzinfo=BERLIN)


def test_the_registration_deadline_is_an_alarm(client, run_over_the_clock_change):
    cal = served(client, f"/de/runs/{run_over_the_clock_change.pk}.ics")
    (alarm,) = cal.walk("VALARM")
    assert str(alarm["action"]) == "DISPLAY"
    assert alarm.decoded("trigger") == datetime.datetime(2027, 2, 15, 9, 0, tzinfo=BERLIN).astimezone(datetime.UTC)
    assert "Anmeldeschluss" in str(alarm["description"])


def test_the_first_class_is_on_the_first_of_its_weekdays(client, unna):
    run = CourseRunFactory(
        offer=OfferFactory(locations=[LocationFactory(municipality=unna)]),
        start_date=datetime.date(2027, 3, 1),  # a Monday
        end_date=datetime.date(2027, 3, 31),
        weekdays=[2, 4],
        class_start=datetime.time(18),
        class_end=datetime.time(21, 15),
    )
    (event,) = served(client, f"/de/runs/{run.pk}.ics").walk("VEVENT")
    days = occurrences(event)
    assert days[0] == datetime.datetime(2027, 3, 2, 18, 0, tzinfo=BERLIN)
    assert len(days) == 9 and {day.isoweekday() for day in days} == {2, 4}


def test_the_run_page_links_its_calendar_file(client, run_over_the_clock_change):
    offer = run_over_the_clock_change.offer
    page = client.get(f"/de/offers/{offer.pk}-{offer.slug}/").content.decode()
    assert f'href="/de/runs/{run_over_the_clock_change.pk}.ics"' in page


def test_staff_feeds_per_provider_and_town_need_their_secret(client, run_over_the_clock_change, unna):
    provider = run_over_the_clock_change.offer.provider
    other = CourseRunFactory(offer=OfferFactory(title_de="Anderswo", locations=[LocationFactory()]))
    token = calendar.feed_token("provider", provider.slug)
    cal = served(client, reverse("staff_feed", args=["provider", provider.slug, token]))
    assert [str(event["summary"]) for event in cal.walk("VEVENT")] == ["Integrationskurs am Vormittag"]
    town = served(client, reverse("staff_feed", args=["town", "unna", calendar.feed_token("town", "unna")]))
    summaries = [str(event["summary"]) for event in town.walk("VEVENT")]
    assert "Integrationskurs am Vormittag" in summaries and "Anderswo" not in summaries
    assert other.pk
    for kind, slug, secret in (
        ("provider", provider.slug, "falsch"),
        ("provider", provider.slug, calendar.feed_token("town", provider.slug)),
        ("town", "unna", token),
    ):
        assert client.get(reverse("staff_feed", args=[kind, slug, secret])).status_code == 404


def test_the_places_screen_gives_editors_their_feed(editor_client, own_provider):
    page = editor_client.get(reverse("admin:offers_courserun_places")).content.decode()
    assert calendar.feed_token("provider", own_provider.slug) in page


def test_a_runs_file_leaves_out_holidays_and_closures_and_links_the_offer(client, run_over_the_clock_change):
    """Finding 2: Good Friday and Easter Monday 2027 and the location's closure are EXDATEs; the offer's URL is in it."""
    from offers.factories import ClosureFactory

    run = run_over_the_clock_change
    run.class_start, run.class_end, run.weekdays = datetime.time(8, 45), datetime.time(12), [1, 2, 3, 4, 5]
    run.save()
    ClosureFactory(location=run.location, starts_on=datetime.date(2027, 4, 14), reason="Betriebsversammlung")
    (event,) = served(client, f"/de/runs/{run.pk}.ics").walk("VEVENT")
    exdates = event.get("exdate", [])
    exdates = exdates if isinstance(exdates, list) else [exdates]
    excluded = {value.dt.date() for exdate in exdates for value in exdate.dts}
    assert {datetime.date(2027, 3, 26), datetime.date(2027, 3, 29), datetime.date(2027, 4, 14)} <= excluded
    assert all(run.start_date <= day <= run.end_date for day in excluded)
    assert str(event["url"]).endswith(run.offer.get_absolute_url())
    assert str(event["uid"]) == f"run-{run.pk}@testserver"


def test_a_cancelled_run_has_no_alarm_and_one_without_times_is_one_all_day_event(client, run_over_the_clock_change):
    run = run_over_the_clock_change
    run.class_start = run.class_end = None
    run.note = "Zeiten nach Absprache"
    run.save()
    (event,) = served(client, f"/de/runs/{run.pk}.ics").walk("VEVENT")
    assert event.decoded("dtstart") == run.start_date
    assert event.decoded("dtend") == run.start_date + datetime.timedelta(days=1)  # not a months-long block
    assert "Zeiten nach Absprache" in str(event["description"])
    run.is_cancelled = True
    run.save()
    (event,) = served(client, f"/de/runs/{run.pk}.ics").walk("VEVENT")
    assert str(event["status"]) == "CANCELLED" and event.walk("VALARM") == []
