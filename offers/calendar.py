"""Walk-in hours as iCalendar events: a weekly RRULE in Europe/Berlin, closures and holidays as EXDATE.

`walk_in_events()` builds the events of one schedule; the `.ics` views here and the per-provider
and per-town feeds put them into a calendar with `calendar_of()`.
"""

import datetime

from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from . import hours
from .models import HSDS_DAYS

# The file vouches for a year of hours: the RRULE ends there, so every holiday in it is excluded.
HORIZON_DAYS = 365
PRODID = "-//Wel-KOMM-In//Sprechzeiten//DE"


def walk_in_events(schedule, summary, place="", url="", moment=None):
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
        event.add("uid", f"weekly-hours-{hour.pk}@wel-komm-in")
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


def offer_walk_in_events(offer, url="", moment=None):
    """The walk-in hours of an offer (its own, else its locations'), named after it."""
    summary = _("Offene Sprechstunde: %(title)s") % {"title": offer.title}
    events = []
    for schedule in hours.schedules_of_offer(offer):
        place = address_of(schedule.location) if schedule.location else ""
        if not place and len(offer.locations.all()) == 1:
            place = address_of(offer.locations.all()[0])
        events += walk_in_events(schedule, summary, place, url, moment)
    return events
