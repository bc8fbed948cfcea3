"""iCalendar files: "add to calendar" for a run, and the staff feeds per provider and per town.

Events are built by one function per kind (`run_events`; walk-in hours add theirs beside it), and
`calendar_of(events)` wraps any mix of them with the time zones they use (VTIMEZONE), so one feed
can carry runs and consultation hours alike.
"""

import datetime
import zoneinfo

from django.core import signing
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from icalendar import Alarm, Calendar, Event, vRecur

BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")
ICAL_DAYS = {1: "MO", 2: "TU", 3: "WE", 4: "TH", 5: "FR", 6: "SA", 7: "SU"}
FEED_SALT = "offers.calendar.feed"


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


def run_events(run, language, host="localhost"):
    """The run as events: its classes weekly until the end (RRULE, Europe/Berlin), the deadline as an alarm."""
    if not run.start_date:
        return []
    offer = run.offer
    event = Event()
    event.add("uid", f"run-{run.pk}@{host}")
    event.add("dtstamp", timezone.now())
    event.add("summary", summary(offer, language))
    if run.class_start and run.class_end:
        day = first_class_day(run)
        event.add("dtstart", datetime.datetime.combine(day, run.class_start, tzinfo=BERLIN))
        event.add("dtend", datetime.datetime.combine(day, run.class_end, tzinfo=BERLIN))
        if run.end_date:
            rule = {"freq": "weekly", "byday": [ICAL_DAYS[d] for d in run.weekdays] or [ICAL_DAYS[day.isoweekday()]]}
            # With a TZID start, UNTIL is in UTC: the end of the last day in Berlin.
            last = datetime.datetime.combine(run.end_date, datetime.time(23, 59, 59), tzinfo=BERLIN)
            rule["until"] = last.astimezone(datetime.UTC)
            event.add("rrule", vRecur(rule))
    else:
        event.add("dtstart", run.start_date)
        event.add("dtend", (run.end_date or run.start_date) + datetime.timedelta(days=1))
    if run.location:
        location = run.location
        event.add(
            "location", f"{location.name}, {location.street}, {location.postal_code} {location.municipality.name}"
        )
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
    if run.registration_deadline:
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        with translation.override(language):
            alarm.add("description", f"{_('Anmeldeschluss')}: {summary(offer, language)}")
        deadline = datetime.datetime.combine(run.registration_deadline, datetime.time(9), tzinfo=BERLIN)
        alarm.add("trigger", deadline.astimezone(datetime.UTC))
        event.add_component(alarm)
    return [event]


def calendar_of(events, name=None):
    calendar = Calendar()
    calendar.add("prodid", "-//Wel-KOMM-In//Kreis Unna//DE")
    calendar.add("version", "2.0")
    if name:
        calendar.add("x-wr-calname", name)
    for event in events:
        calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar


def feed_token(kind, slug):
    """The secret part of a staff feed's address: calendar apps subscribe without logging in."""
    return signing.Signer(salt=FEED_SALT).sign(f"{kind}:{slug}").rsplit(signing.Signer().sep, 1)[1]


def feed_token_is_valid(kind, slug, token):
    try:
        signing.Signer(salt=FEED_SALT).unsign(f"{kind}:{slug}{signing.Signer().sep}{token}")
    except signing.BadSignature:
        return False
    return True
