"""Template tags for showing offers: their badges, languages, filters and missing translations."""

import functools
from html import escape

from django import template
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

from portal import i18n
from portal.templatetags.portal import tel_href

from ..cards import pk_of, title_html
from ..languages import language_name
from .hours import offer_hours_now

register = template.Library()


@register.simple_tag
def offer_badges(offer):
    """Where, how and in which languages an offer is held, as badges.

    Built in Python, not in a template: a list page shows twenty of them, and
    rendering them with template tags took a tenth of the page's time.
    """
    places = [town.name for town in offer.municipalities()]
    if offer.whole_district_id:
        places.append(_("im ganzen Kreis"))
    if offer.format == offer.Format.ONLINE:
        places.append(_("online"))
    elif offer.format == offer.Format.HYBRID:
        places.append(_("vor Ort und online"))
    features = []
    if offer.free_of_charge:
        features.append(_("kostenlos"))
    if offer.childcare:
        features.append(_("mit Kinderbetreuung"))
    if offer.women_only:
        features.append(_("nur für Frauen"))
    if offer.languages:
        features.append(f"{_('Sprachen:')} {i18n.and_list(language_name(code) for code in offer.languages)}")
    # html.escape, not format_html: Django's lazy-string checks cost more than the badges themselves.
    badges = [f'<li class="badge place">{escape(place)}</li>' for place in places]
    badges += [f'<li class="badge">{escape(feature)}</li>' for feature in features]
    return mark_safe(f'<ul class="badges">{"".join(badges)}</ul>')  # noqa: S308 (every part escaped above)


@register.simple_tag(takes_context=True)
def offer_card(context, offer, handout_button=False):
    """One offer (or its id: the list's results) of a list, town, category or provider page as a card
    (kept in `context["cards"]`, offers/cards.py); nothing for an offer that left the site.

    Built in Python: through the template engine, the cards were half of a list page's instructions.
    """
    quick_mode = context.get("quick_mode")
    card = context["cards"].card(offer, quick_mode, lambda offer: card_body(offer, quick_mode))
    if card is None:
        return ""
    body, title = card
    button = f"\n{button_html(context, pk_of(offer), title)}\n" if handout_button else ""
    return mark_safe(f"{body}  {button}\n</li>\n")  # noqa: S308 (built escaped)


def card_body(offer, quick_mode):
    """The card up to its handout button: the same for every visitor in a language and time slot, but in the compact view."""
    pk = offer.pk
    distance = ""
    if getattr(offer, "distance_km", None) is not None:
        distance = f'<p class="offer-distance">{escape(_("Entfernung:"))} <bdi>{escape(i18n.kilometres(offer.distance_km))}</bdi></p>'
    if quick_mode:
        places = "; ".join(
            f"{escape(location.street)}, <bdi>{escape(location.postal_code)}</bdi> <bdi>{escape(str(location.municipality))}</bdi>"
            for location in offer.locations.all()
        )
        phone = (
            f'· <a href="{escape(tel_href(offer.phone))}" dir="ltr">{escape(offer.phone)}</a>' if offer.phone else ""
        )
        email = f'· <a href="mailto:{escape(offer.email)}" dir="ltr">{escape(offer.email)}</a>' if offer.email else ""
        text = f'\n    <p class="contact-line">{places}\n      {phone}\n      {email}</p>\n  '
    else:
        missing = (
            f'<p class="untranslated">{escape(_("Noch nicht in Ihre Sprache übersetzt: Sie sehen den deutschen Text."))}</p>'
            if untranslated(offer)
            else ""
        )
        text = f"\n    <p{i18n.fallback_lang(offer, 'summary')}>{escape(offer.summary)}</p>\n    {missing}\n  "
    return (
        f'<li class="offer{" compact" if quick_mode else ""}" id="offer-{pk}" tabindex="-1" data-offer-id="{pk}">\n'
        f'  <h3><a href="{escape(offer.get_absolute_url())}"{i18n.fallback_lang(offer, "title")}>{escape(offer.title)}</a></h3>\n'
        f'  <p class="offer-meta">{escape(str(offer.category))} · <bdi>{escape(str(offer.provider))}</bdi></p>\n'
        f"  {distance}\n"
        f"  {text}\n"
        f"  {offer_badges(offer)}\n"
        f"  {next_run(offer)}\n"
        f"  {offer_hours_now(offer, card=True)}\n"
    )


def next_run(offer):
    """The card's line on the next run: its dates and places, its note, or that no dates are planned."""
    run = offer.next_run
    if run and run.is_dated:
        places = ""
        if run.tells_places:
            places = f" · {run_places(run)}"
        return f'<p class="next-run">{escape(_("Nächster Termin:"))} {run_dates(run)}{places}</p>'
    if run and run.note:
        return f'<p class="next-run"{i18n.fallback_lang(run, "note")}>{escape(run.note)}</p>'
    if not run and offer.has_runs:
        return f'<p class="no-runs">{escape(_("Zurzeit keine Termine."))}</p>'
    return ""


@register.simple_tag(takes_context=True)
def handout_button(context, offer):
    """A button of a handout form around the cards: one CSRF token and return address per page, not per card."""
    return button_html(context, offer.pk, title_html(offer))


def button_html(context, pk, title):
    """The handout button of the offer `pk`, named by its `title` (HTML, as the kept card holds it)."""
    if pk in context.get("handout_ids", ()):
        action = f' formaction="{escape(reverse("handout_remove"))}">{escape(_("Aus der Handreichung nehmen"))}'
    else:
        action = f">{escape(_('Zur Handreichung'))}"
    return mark_safe(  # noqa: S308 (every part escaped, the title where it was built)
        f'<button type="submit" name="offer" value="{pk}" class="secondary handout-button"{action}'
        f'<span class="visually-hidden">: {title}</span></button>'
    )


# The list's filter fields and messages as tags, not includes: its eleven includes took 4 % of the page.


@register.simple_tag
def link_value_error(field):
    """That a value in the link is unknown to the filter, under the id Django's aria-describedby names on the field."""
    if not field.errors:
        return ""
    message = _("Diese Angabe im Link kennen wir nicht. Wir haben sie nicht berücksichtigt.")
    return mark_safe(f'<p class="field-error" id="{escape(field.auto_id)}_error">{escape(message)}</p>')  # noqa: S308 (escaped)


@register.simple_tag
def filter_field(field):
    """A labelled filter with the field's own messages (a number out of range names its range)."""
    errors = "".join(
        f'<p class="field-error" id="{escape(field.auto_id)}_error">{escape(error)}</p>' for error in field.errors
    )
    return mark_safe(  # noqa: S308 (every part escaped; the field renders itself escaped)
        f'<div class="field"><label for="{escape(field.id_for_label)}">{escape(str(field.label))}</label>{field}{errors}</div>'
    )


@register.filter
def filter_labels(active_filters):
    """The labels of a list's active filters as one list: 'Unna und Integrationskurs'.

    Each is isolated, so a Latin town name keeps its place in an Arabic line.
    """
    return mark_safe(i18n.and_list(f"<bdi>{escape(label)}</bdi>" for label, _query in active_filters))  # noqa: S308 (labels escaped; the joining words are Babel's locale data)


@register.filter
def spoken_language(code):
    return language_name(code)


@register.filter
def spoken_languages(codes):
    """['de', 'ar'] -> 'Deutsch und Arabisch', in the current language."""
    return i18n.and_list(language_name(code) for code in codes)


@register.filter
def untranslated(offer):
    """True when some text of the offer shows German in the current language.

    An outdated translation still counts as one: it is shown as it is.
    """
    return offer.translation_status.get(get_language()) == offer.TranslationState.MISSING


# Runs: dates and places as a visitor reads them (the page is cached per day, offers/cache.py).


def _day(value):
    return _day_in(get_language(), value)


@functools.lru_cache(maxsize=4096)
def _day_in(language, value):
    # Kept per language and day: a page of cards names the same few days again and again.
    return f'<time datetime="{value:%Y-%m-%d}">{escape(date_format(value, "DATE_FORMAT"))}</time>'


@register.simple_tag
def run_places(run):
    """'12 freie Plätze (Stand 28. November 2026)', or 'Plätze Stand …: bitte nachfragen' for an old figure."""
    state = run.state()
    States = run.State
    if state == States.CANCELLED:
        return mark_safe(f'<span class="run-state cancelled">{escape(_("Abgesagt"))}</span>')  # noqa: S308 (escaped)
    if state == States.ASK:
        if run.places_reported_on and run.free_places is not None:
            text = escape(_("Plätze Stand %(date)s: bitte nachfragen")) % {"date": _day(run.places_reported_on)}
        else:
            text = escape(_("Freie Plätze: bitte nachfragen"))
        return mark_safe(f'<span class="run-state ask">{text}</span>')  # noqa: S308 (escaped)
    if state == States.FULL:
        label = _("Ausgebucht")
    elif state == States.WAITING_LIST:
        label = _("Ausgebucht, Warteliste")
    elif state == States.FEW:
        label = ngettext("Nur noch %(count)s freier Platz", "Nur noch %(count)s freie Plätze", run.free_places) % {
            "count": i18n.number(run.free_places)
        }
    else:
        label = ngettext("%(count)s freier Platz", "%(count)s freie Plätze", run.free_places) % {
            "count": i18n.number(run.free_places)
        }
    as_of = escape(_("Stand %(date)s")) % {"date": _day(run.places_reported_on)}
    return mark_safe(f'<span class="run-state {state}">{escape(label)} ({as_of})</span>')  # noqa: S308 (escaped)


@register.simple_tag
def run_dates(run):
    """'2. Februar 2027 – 30. Juli 2027', 'ab …', or 'Einstieg jederzeit möglich'."""
    parts = []
    if run.rolling_entry and run.start_date and run.start_date < timezone.localdate():
        # Running already (issue 14, finding 12): its past start is no "next date".
        parts.append(escape(_("läuft, Einstieg jederzeit möglich")))
        if run.end_date:
            parts.append(escape(_("bis %(date)s")) % {"date": _day(run.end_date)})
        return mark_safe(" · ".join(parts))  # noqa: S308 (escaped)
    if run.start_date and run.end_date:
        parts.append(f"{_day(run.start_date)} – {_day(run.end_date)}")
    elif run.start_date:
        parts.append(escape(_("ab %(date)s")) % {"date": _day(run.start_date)})
    elif run.end_date:
        parts.append(escape(_("bis %(date)s")) % {"date": _day(run.end_date)})
    if run.rolling_entry:
        parts.append(escape(_("Einstieg jederzeit möglich")))
    return mark_safe(" · ".join(parts))  # noqa: S308 (escaped)
