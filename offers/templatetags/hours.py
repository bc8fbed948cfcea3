"""Template tags for opening and consultation hours: the weekly table, open now, the next walk-in hour."""

from html import escape

from django import template
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from portal.i18n import and_list

from .. import hours
from ..models import COUNSELLING_CATEGORIES

register = template.Library()


@register.simple_tag
def offer_hours_now(offer, card=False):
    """'Jetzt offene Sprechstunde', 'Jetzt geöffnet' or 'Nächste offene Sprechstunde: Donnerstag, 9:00'.

    On cards only for counselling offers (and offers with hours of their own); an empty string
    where no hours are kept. Reads prefetched hours (`for_cards`, the detail view).
    """
    if card and not is_counselling(offer):
        return ""
    return now_text(hours.schedules_of_offer(offer))


@register.simple_tag
def location_hours_now(location):
    return now_text([hours.schedule_of_location(location)])


def is_counselling(offer):
    return offer.category.slug in COUNSELLING_CATEGORIES or bool(offer.weekly_hours.all())


def now_text(schedules):
    if not schedules:
        return ""
    moment = hours.now()
    status = hours.status(schedules, moment)
    lines = []
    if status.walk_in_now:
        lines.append(("open", _("Jetzt offene Sprechstunde")))
    elif status.open_now:
        lines.append(("open", _("Jetzt geöffnet")))
    if status.next_walk_in and not status.walk_in_now:
        when = hours.when_text(status.next_walk_in, moment)
        lines.append(("next", _("Nächste offene Sprechstunde: %(when)s") % {"when": when}))
    if not lines:
        lines.append(("closed", _("Zurzeit geschlossen")))
    html = "".join(f'<p class="hours-now {kind}">{escape(text)}</p>' for kind, text in lines)
    return mark_safe(html)  # noqa: S308 (every part escaped)


@register.inclusion_tag("offers/_weekly_hours.html")
def weekly_hours(schedule):
    """The weekly table (walk-in or by appointment) and the closures coming up."""
    moment = hours.now()
    exceptions = [
        {"first": first, "last": last, "reason": reason} for first, last, reason in schedule.exceptions_ahead(moment)
    ]
    for closed in exceptions:
        closed["first_text"] = hours.date_text(closed["first"])
        closed["last_text"] = hours.date_text(closed["last"]) if closed["last"] != closed["first"] else ""
    return {"days": hours.weekly_table(schedule.hours), "exceptions": exceptions}


@register.simple_tag
def location_schedule(location):
    return hours.schedule_of_location(location)


@register.simple_tag
def own_schedule(offer):
    """The offer's own hours (None when it follows its locations')."""
    own = hours.schedules_of_offer(offer)
    return own[0] if own and own[0].location is None else None


@register.simple_tag
def walk_in_lines(offer):
    """[(place, 'Do 9:00–12:00 und Di 14:00–16:00')] of an offer's walk-in hours, in the current language.

    For the printed handout, for counselling offices: the place is named where the hours are several locations'.
    """
    if not is_counselling(offer):
        return []
    schedules = hours.schedules_of_offer(offer)
    lines = []
    for schedule in schedules:
        spans = [hours.hour_text(hour) for hour in schedule.hours if hour.is_walk_in]
        if spans:
            place = schedule.location.name if schedule.location and len(schedules) > 1 else ""
            lines.append((place, and_list(spans)))
    return lines
