"""Opening and consultation hours: open now, the next walk-in hour, and how they read in each language.

Everything is computed in Europe/Berlin from an aware instant (`now()`, the one clock the tests
set), so a weekly hour stays at 9:00 local time across the daylight-saving change. NRW's public
holidays come from the `holidays` library. The rows are `WeeklyHours` and `Closure`
(offers/models.py); an offer with weekly hours of its own follows them, otherwise the hours
of its locations.
"""

import bisect
import datetime
import functools
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

import holidays
from babel.dates import format_skeleton, format_time
from django.conf import settings
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from portal.catalogue import kept_in_process
from portal.i18n import babel_locale

BERLIN = ZoneInfo(settings.TIME_ZONE)
# How far ahead the next walk-in hour is looked for, and closures are announced.
DAYS_AHEAD = 62
CLOSURES_SHOWN_DAYS = 42


def now():
    """The current instant: the one clock of the hours (tests set it)."""
    return timezone.now()


def local_now(moment=None):
    return (moment or now()).astimezone(BERLIN)


@functools.cache
def _nrw_holidays(year, language="de"):
    return holidays.Germany(subdiv="NW", years=year, language=language)


# The holidays library's languages for ours (holidays.Germany().supported_languages): de, en_US, uk.
HOLIDAY_LANGUAGES = {"de": "de", "en": "en_US", "uk": "uk"}


def shown_public_holiday(day):
    """The holiday's name as the visitor reads it: translated where the library can, else German marked lang="de"."""
    german = public_holiday(day)
    language = HOLIDAY_LANGUAGES.get((get_language() or "de").split("-")[0])
    if not german or language == "de":
        return german
    if language:
        return _nrw_holidays(day.year, language).get(day) or german
    return format_html('<span lang="de">{}</span>', german)


def public_holiday(day):
    """The German name of the NRW public holiday on `day` ("Fronleichnam"), or None."""
    return _nrw_holidays(day.year).get(day)


def time_slot(moment=None):
    """Part of a cache key that changes only when "open now" or the next hour can change.

    That is at midnight (the date) and at any weekly hour's beginning or end on this weekday:
    the catalogue's distinct boundaries are a small set, read once per catalogue version and kept
    in the process (every page from the page cache needs them: an unpickling, or a Redis round trip, less).
    """
    local = local_now(moment)
    passed, _boundaries = boundaries_passed(local)
    return f"{local.date().isoformat()}.{passed}"


def boundaries_passed(local):
    """(how many of this weekday's boundaries have passed at `local`, how many it has)."""
    from .models import WeeklyHours

    boundaries = kept_in_process("hours-boundaries", WeeklyHours.objects.boundaries).get(local.weekday(), [])
    return bisect.bisect_right(boundaries, local.time().replace(tzinfo=None)), len(boundaries)


def no_hour_now(moment=None):
    """Whether no weekly hour anywhere goes on at `moment`: before the weekday's first boundary, after its
    last, or on a weekday without hours. Read from the kept boundaries: at night the list asks nothing."""
    passed, boundaries = boundaries_passed(local_now(moment))
    return passed in (0, boundaries)


@dataclass
class Schedule:
    """The weekly hours of one location or offer with the closures that apply to them."""

    hours: list
    closures: list = field(default_factory=list)
    closed_on_public_holidays: bool = True
    location: object = None

    @property
    def has_walk_in(self):
        return any(hour.is_walk_in for hour in self.hours)

    def closed_because(self, day):
        """Why it is closed all day on `day` (the closure's reason or the holiday's name), or None."""
        for closure in self.closures:
            if closure.starts_on <= day <= closure.last_day:
                return closure.reason or _("Geschlossen")
        if self.closed_on_public_holidays:
            return public_holiday(day)
        return None

    def open_hour(self, moment=None, walk_in_only=False):
        """The weekly hour going on at `moment`, or None."""
        local = local_now(moment)
        if self.closed_because(local.date()):
            return None
        clock = local.time().replace(tzinfo=None)
        for hour in self.hours:
            if hour.weekday == local.weekday() and hour.opens_at <= clock < hour.closes_at:
                if hour.is_walk_in or not walk_in_only:
                    return hour
        return None

    def next_walk_in(self, moment=None):
        """(start as an aware datetime in Berlin, the hour) of the next walk-in hour beginning after `moment`."""
        local = local_now(moment)
        walk_in = [hour for hour in self.hours if hour.is_walk_in]
        if not walk_in:
            return None
        for offset in range(DAYS_AHEAD):
            day = local.date() + datetime.timedelta(days=offset)
            if self.closed_because(day):
                continue
            for hour in walk_in:
                if hour.weekday == day.weekday():
                    start = datetime.datetime.combine(day, hour.opens_at, tzinfo=BERLIN)
                    if start > local:
                        return start, hour
        return None

    def exceptions_ahead(self, moment=None, days=CLOSURES_SHOWN_DAYS):
        """[(first day, last day, reason)] closed in the next `days` days, holidays only where hours fall."""
        today = local_now(moment).date()
        until = today + datetime.timedelta(days=days)
        found = [
            (closure.starts_on, closure.last_day, closure.reason or _("Geschlossen"))
            for closure in self.closures
            if closure.last_day >= today and closure.starts_on <= until
        ]
        if self.closed_on_public_holidays:
            weekdays = {hour.weekday for hour in self.hours}
            for offset in range(days + 1):
                day = today + datetime.timedelta(days=offset)
                name = shown_public_holiday(day)
                if name and day.weekday() in weekdays and not any(a <= day <= b for a, b, _r in found):
                    found.append((day, day, name))
        return sorted(found, key=lambda closed: closed[0])


def schedule_of_location(location, offer_closures=()):
    return Schedule(
        list(location.weekly_hours.all()),
        [*location.closures.all(), *offer_closures],
        location.closed_on_public_holidays,
        location,
    )


def schedules_of_offer(offer):
    """The schedules an offer keeps: its own hours, else those of each of its locations that has hours."""
    own = list(offer.weekly_hours.all())
    closures = list(offer.closures.all())
    if own:
        return [Schedule(own, closures, offer.closed_on_public_holidays)]
    schedules = (schedule_of_location(location, closures) for location in offer.locations.all())
    return [schedule for schedule in schedules if schedule.hours]


@dataclass
class Status:
    """What a card or a page says about the hours at one instant."""

    open_now: bool
    walk_in_now: bool
    next_walk_in: datetime.datetime | None


def status(schedules, moment=None):
    moment = moment or now()
    upcoming = [found for schedule in schedules if (found := schedule.next_walk_in(moment))]
    return Status(
        open_now=any(schedule.open_hour(moment) for schedule in schedules),
        walk_in_now=any(schedule.open_hour(moment, walk_in_only=True) for schedule in schedules),
        next_walk_in=min((start for start, _hour in upcoming), default=None),
    )


# How the hours read in each language (Babel: the locale's weekday names and time format).


def _locale(language=None):
    return babel_locale(language or get_language() or settings.LANGUAGE_CODE)


def weekday_name(weekday, language=None, width="wide"):
    """0 -> 'Montag' (de), 'الاثنين' (ar); width 'abbreviated' -> 'Mo'."""
    return _locale(language).days["stand-alone"][width][weekday]


def time_text(value, language=None):
    """9:00 (de), 9:00 AM (en), ٩:٠٠ ص or 9:00 ص (ar): the locale's short time, hours without a leading zero."""
    # The zone in the key: 9:00 UTC and 10:00+01:00 are equal times, which Babel writes apart.
    return time_in(value, value.tzinfo, language or get_language() or settings.LANGUAGE_CODE)


@functools.lru_cache(maxsize=4096)  # the catalogue's hours start and end at a few times: each formatted by Babel once
def time_in(value, zone, language):
    locale = _locale(language)
    pattern = locale.time_formats["short"].pattern.replace("HH", "H").replace("hh", "h")
    moment = datetime.datetime.combine(datetime.date(2000, 1, 3), value)
    return format_time(moment, pattern, locale=locale)


def span_text(hour, language=None):
    """'9:00–12:00'."""
    return f"{time_text(hour.opens_at, language)}–{time_text(hour.closes_at, language)}"


def hour_text(hour, language=None):
    """'Do 9:00–12:00'."""
    return f"{weekday_name(hour.weekday, language, 'abbreviated')} {span_text(hour, language)}"


def date_text(day, language=None):
    """'Donnerstag, 8. Januar' in the locale's order."""
    return _("%(weekday)s, %(date)s") % {
        "weekday": weekday_name(day.weekday(), language),
        "date": format_skeleton("MMMMd", day, locale=_locale(language)),
    }


def when_text(start, moment=None, language=None):
    """'heute, 9:00', 'morgen, 9:00', 'Donnerstag, 9:00' (this week), else 'Donnerstag, 15. Januar, 9:00'."""
    today = local_now(moment).date()
    start = start.astimezone(BERLIN)
    days = (start.date() - today).days
    if days == 0:
        day = _("heute")
    elif days == 1:
        day = _("morgen")
    elif days < 7:
        day = weekday_name(start.weekday(), language)
    else:
        day = date_text(start.date(), language)
    return _("%(day)s, %(time)s") % {"day": day, "time": time_text(start.time(), language)}


def weekly_table(hours, language=None):
    """[(weekday name, [(span text, hour)])] for the days that have hours, Monday first."""
    days = {}
    for hour in sorted(hours, key=lambda hour: (hour.weekday, hour.opens_at)):
        days.setdefault(hour.weekday, []).append((span_text(hour, language), hour))
    return [(weekday_name(weekday, language), spans) for weekday, spans in days.items()]
