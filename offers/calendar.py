"""iCalendar files: "add to calendar" for a run or a walk-in hour, and the staff feeds per provider and town.

Events are built by one function per kind (`run_events`, `walk_in_events`), and `calendar_of()`
wraps any mix of them with the time zones they use (VTIMEZONE), so one feed carries runs and
consultation hours alike. Times are in Europe/Berlin: a weekly RRULE with UNTIL, closures and
public holidays as EXDATE, a registration deadline as an alarm.
"""

import datetime

from django.core import signing
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from icalendar import Alarm, Calendar, Event, vRecur

from . import hours
from .models import HSDS_DAYS

FEED_SALT = "offers.calendar.feed"

# The file vouches for a year of hours: the RRULE ends there, so every holiday in it is excluded.
HORIZON_DAYS = 365
PRODID = "-//Wel-KOMM-In//Kreis Unna//DE"


def walk_in_events(schedule, summary, place="", url="", moment=None, host="wel-komm-in"):
    """One VEVENT per walk-in hour of `schedule`, from its next occurrence for HORIZON_DAYS."""
    moment = moment or hours.now()
    today = hours.local_now(moment).date()
    until = today + datetime.timedelta(days=HORIZON_DAYS)
    events = []
    for hour in schedule.hours:
        if not hour.is_walk_in:
            continue
        first = today + datetime.timedelta(days=(hour.weekday - today.weekday()) % 7)
        start = datetime.datetime.combine(first, hour.opens_at, tzinfo=hours.BERLIN)
        days = (first + datetime.timedelta(weeks=week) for week in range((until - first).days // 7 + 1))
        excluded = [
            datetime.datetime.combine(day, hour.opens_at, tzinfo=hours.BERLIN)
            for day in days
            if schedule.closed_because(day)
        ]
        last = datetime.datetime.combine(until, hour.closes_at, tzinfo=hours.BERLIN)
        event = Event()
        event.add("uid", f"weekly-hours-{hour.pk}@{host}")
        event.add("dtstamp", moment.astimezone(datetime.UTC))
        event.add("summary", summary)
        event.add("dtstart", start)
        event.add("dtend", datetime.datetime.combine(first, hour.closes_at, tzinfo=hours.BERLIN))
        # UNTIL in UTC, as RFC 5545 wants beside a DTSTART with a time zone.
        event.add("rrule", {"freq": "weekly", "byday": HSDS_DAYS[hour.weekday], "until": last.astimezone(datetime.UTC)})
        if excluded:
            event.add("exdate", excluded)
        if place:
            event.add("location", place)
        if url:
            event.add("url", url)
        events.append(event)
    return events


def calendar_of(events, name=""):
    """A calendar holding `events`, with the VTIMEZONE of Europe/Berlin."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    if name:
        calendar.add("x-wr-calname", name)
    for event in events:
        calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar


def address_of(location):
    return f"{location.name}, {location.street}, {location.postal_code} {location.municipality.name}"


def offer_walk_in_events(offer, url="", moment=None, host="wel-komm-in"):
    """The walk-in hours of an offer (its own, else its locations'), named after it."""
    summary = _("Offene Sprechstunde: %(title)s") % {"title": offer.title}
    events = []
    for schedule in hours.schedules_of_offer(offer):
        place = address_of(schedule.location) if schedule.location else ""
        if not place and len(offer.locations.all()) == 1:
            place = address_of(offer.locations.all()[0])
        events += walk_in_events(schedule, summary, place, url, moment, host)
    return events


def summary(offer, language):
    """German and the visitor's language: 'Integrationskurs Unna / دورة الاندماج في أونا'."""
    german = offer.title_de or offer.title
    theirs = getattr(offer, f"title_{language}", "") or ""
    return f"{german} / {theirs}" if theirs and theirs != german else german


def first_class_day(run):
    """The first day on or after the start that is one of the run's weekdays."""
    day = run.start_date
    if run.weekdays:
        while day.isoweekday() not in run.weekdays:
            day += datetime.timedelta(days=1)
    return day


def run_closed_days(run, first, last):
    """The class days from `first` to `last` the run does not meet: NRW public holidays and its location's closures."""
    closures = list(run.location.closures.all()) if run.location else []
    schedule = hours.Schedule([], closures, True)
    day, days = first, []
    while day <= last:
        if (not run.weekdays or day.isoweekday() in run.weekdays) and schedule.closed_because(day):
            days.append(day)
        day += datetime.timedelta(days=1)
    return days


def run_events(run, language, host="localhost", url=""):
    """The run as events: its classes weekly until the end (RRULE, Europe/Berlin) without holidays and
    closures (EXDATE), the deadline as an alarm unless cancelled; without class times one all-day event."""
    if not run.start_date:
        return []
    offer = run.offer
    event = Event()
    event.add("uid", f"run-{run.pk}@{host}")
    event.add("dtstamp", timezone.now())
    event.add("summary", summary(offer, language))
    if run.class_start and run.class_end:
        day = first_class_day(run)
        event.add("dtstart", datetime.datetime.combine(day, run.class_start, tzinfo=hours.BERLIN))
        event.add("dtend", datetime.datetime.combine(day, run.class_end, tzinfo=hours.BERLIN))
        if run.end_date:
            rule = {"freq": "weekly", "byday": [HSDS_DAYS[d - 1] for d in run.weekdays] or [HSDS_DAYS[day.weekday()]]}
            # With a TZID start, UNTIL is in UTC: the end of the last day in Berlin.
            last = datetime.datetime.combine(run.end_date, datetime.time(23, 59, 59), tzinfo=hours.BERLIN)
            rule["until"] = last.astimezone(datetime.UTC)
            event.add("rrule", vRecur(rule))
            closed = run_closed_days(run, day, run.end_date)
            if closed:
                event.add(
                    "exdate", [datetime.datetime.combine(d, run.class_start, tzinfo=hours.BERLIN) for d in closed]
                )
    else:
        # No class times: one all-day event on the start date, the note says when (not a months-long block).
        event.add("dtstart", run.start_date)
        event.add("dtend", run.start_date + datetime.timedelta(days=1))
    if run.location:
        event.add("location", address_of(run.location))
    with translation.override(language):
        description = (
            [_("Anmeldeschluss") + f": {run.registration_deadline:%d.%m.%Y}"] if run.registration_deadline else []
        )
        if run.note:
            description.append(run.note)
    if description:
        event.add("description", "\n".join(description))
    if run.is_cancelled:
        event.add("status", "CANCELLED")
    if url:
        event.add("url", url)
    if run.registration_deadline and not run.is_cancelled:
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        with translation.override(language):
            alarm.add("description", f"{_('Anmeldeschluss')}: {summary(offer, language)}")
        deadline = datetime.datetime.combine(run.registration_deadline, datetime.time(9), tzinfo=hours.BERLIN)
        alarm.add("trigger", deadline.astimezone(datetime.UTC))
        event.add_component(alarm)
    return [event]


def feed_token(kind, slug):
    """The secret part of a staff feed's address: calendar apps subscribe without logging in."""
    return signing.Signer(salt=FEED_SALT).sign(f"{kind}:{slug}").rsplit(signing.Signer().sep, 1)[1]


def feed_token_is_valid(kind, slug, token):
    try:
        signing.Signer(salt=FEED_SALT).unsign(f"{kind}:{slug}{signing.Signer().sep}{token}")
    except signing.BadSignature:
        return False
    return True
