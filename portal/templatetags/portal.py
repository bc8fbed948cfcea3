import re
from html import escape

from django import template
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from offers.languages import language_name
from portal import i18n
from portal.i18n import is_fallback

register = template.Library()


@register.simple_tag
def fallback_lang(instance, field):
    """` lang="de"` on the element that shows German in place of a missing translation."""
    return mark_safe(' lang="de" dir="ltr"') if is_fallback(instance, field) else ""


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
    return mark_safe(f'<ul class="badges">{"".join(badges)}</ul>')


@register.filter
def number(value):
    return i18n.number(value)


@register.filter
def percent(value):
    return i18n.percent(value)


@register.filter
def and_list(items):
    """Items joined as the current language joins a list ('A, B und C'; Arabic with 'و')."""
    return i18n.and_list(items)


@register.filter
def filter_labels(active_filters):
    """The labels of a list's active filters as one list: 'Unna und Integrationskurs'.

    Each is isolated, so a Latin town name keeps its place in an Arabic line.
    """
    return mark_safe(i18n.and_list(f"<bdi>{escape(label)}</bdi>" for label, _query in active_filters))


@register.filter
def spoken_language(code):
    return language_name(code)


@register.filter
def spoken_languages(codes):
    """['de', 'ar'] -> 'Deutsch und Arabisch', in the current language."""
    return i18n.and_list(language_name(code) for code in codes)


@register.filter
def tel_href(number):
    """'02303 27-1234' -> 'tel:+492303271234', which every phone dials."""
    digits = re.sub(r"[^\d+]", "", number or "")
    if digits.startswith("00"):
        digits = "+" + digits[2:]
    elif digits.startswith("0"):
        digits = "+49" + digits[1:]
    return f"tel:{digits}"


@register.filter
def untranslated(offer):
    """True when some text of the offer shows German in the current language.

    An outdated translation still counts as one: it is shown as it is.
    """
    return offer.translation_status.get(get_language()) == offer.TranslationState.MISSING
