"""Template tags for showing offers: their badges, languages, filters and missing translations."""

from html import escape

from django import template
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from portal import i18n

from ..languages import language_name

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
