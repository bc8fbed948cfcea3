"""The portal's languages as visitors see them."""

from decimal import Decimal
from functools import cache, lru_cache
from urllib.parse import unquote, urlsplit, urlunsplit

from babel import Locale
from babel.dates import format_time
from babel.lists import format_list
from babel.numbers import format_decimal, format_percent
from babel.units import format_unit
from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.urls import NoReverseMatch, Resolver404, get_resolver, resolve, reverse
from django.utils import translation
from django.utils.translation import get_language, get_language_bidi, get_language_info, to_locale


@cache
def name_in_itself(code):
    """'Deutsch', 'Türkçe', 'العربية', 'Українська': how speakers name their language."""
    name = Locale.parse(code).get_display_name(code)
    return name[:1].upper() + name[1:]


@cache
def babel_locale(code):
    return Locale.parse(to_locale(code))


def number(value):
    """43815 -> '43.815' (de), '43,815' (en), '43 815' (uk): in the current language."""
    if type(value) is int:  # a card's free places: few values, each formatted by Babel once
        return whole_number_in(value, get_language())
    return format_decimal(value, locale=babel_locale(get_language()))


@lru_cache(maxsize=4096)  # ints alone: 0, -0.0 and Decimal("0") are one key, and Babel writes them apart
def whole_number_in(value, language):
    return format_decimal(value, locale=babel_locale(language))


def percent(value):
    """20.7 (a percentage as published) -> '20,7 %' (de), '20.7%' (en), '%20,7' (tr).

    One decimal place as in the source, the sign placed and spaced as the language does it:
    a no-break space where there is one, so '20,7' and '%' never part at a line end.
    """
    locale = babel_locale(get_language())
    pattern = locale.percent_formats[None].pattern.replace("#,##0", "#,##0.0").replace(" ", "\xa0")
    return format_percent(Decimal(str(value)) / 100, pattern, locale=locale)


def kilometres(value):
    """2.43 -> '2,4 km' (de), '2.4 كم' (ar), '2,4 км' (uk); from 10 km on in whole kilometres."""
    pattern = "#,##0.#" if value < 10 else "#,##0"
    return format_unit(value, "length-kilometer", length="short", format=pattern, locale=babel_locale(get_language()))


def and_list(items):
    """['Deutsch', 'Arabisch'] -> 'Deutsch und Arabisch' (de), 'الألمانية والعربية' (ar)."""
    items = [str(item) for item in items]
    return format_list(items, locale=babel_locale(get_language())) if items else ""


def is_fallback(instance, field):
    """True when `field` shows German because the current language has no text."""
    language = get_language()
    if language == settings.LANGUAGE_CODE:
        return False
    return not getattr(instance, f"{field}_{language}", None) and bool(getattr(instance, f"{field}_de", None))


def fallback_lang(instance, field):
    """` lang="de" dir="ltr"` for the element that shows German in place of a missing translation, else ""."""
    return ' lang="de" dir="ltr"' if is_fallback(instance, field) else ""


def language_links(request):
    """The same page (and query string) in every portal language."""
    current = get_language()
    path = request.get_full_path()
    try:
        origin = request.build_absolute_uri("/")[:-1]
    except DisallowedHost:
        origin = None  # the 400 page for a host we do not serve: no alternates under its name
    links = []
    in_language = translations_of(path)
    for code, _name in settings.LANGUAGES:
        url = in_language(code)
        if url == path and code != current:
            # An unresolvable path (a 404 page): swap the language prefix by hand.
            url = f"/{code}/"
        links.append(
            {
                "code": code,
                "name": name_in_itself(code),
                "url": url,
                # Alternates must be absolute (search engines ignore relative hreflang links).
                "absolute_url": origin and origin + url,
                "current": code == current,
                "dir": "rtl" if get_language_info(code)["bidi"] else "ltr",
            }
        )
    return links


def translations_of(path):
    """A function giving `path` in a language, as Django's translate_url() does, but with the path resolved once,
    not once per language: seven resolutions were a third of the language switcher's cost."""
    parts = urlsplit(path)
    try:
        match = resolve(unquote(parts.path))
    except Resolver404:
        return lambda code: path
    name = f"{match.namespace}:{match.url_name}" if match.namespace else match.url_name

    def in_language(code):
        with translation.override(code):
            try:
                return urlunsplit(parts._replace(path=reverse(name, args=match.args, kwargs=match.kwargs)))
            except NoReverseMatch:
                return path

    return in_language


def warm_up_languages():
    """Build the URL resolver's tables and the language names for every language once, when a
    worker starts (portal/wsgi.py).

    Django builds the tables lazily, per language and namespace, on the first reverse() there;
    every page's language links (`language_links`) reverse in all languages, so a worker's first
    admin page paid for all seven: about 0.6 s of its 1.3 s on this machine (docs/performance.md).
    """

    def build(resolver, namespace=""):
        for name, (_prefix, namespaced) in resolver.namespace_dict.items():
            # A namespace's tables (the admin's) are built on the first reverse() into it, by name.
            try:
                reverse(f"{namespace}{name}:-")
            except NoReverseMatch:
                pass
            build(namespaced, f"{namespace}{name}:")

    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            get_resolver().reverse_dict  # noqa: B018 (reading it builds the language's tables)
            build(get_resolver())
        name_in_itself(code)


def context(request):
    """Template context processor: the language switcher and text direction."""
    return {
        "language_links": language_links(request),
        "text_direction": "rtl" if get_language_bidi() else "ltr",
    }


def _weekday_name(locale, day):
    # Babel's short names ("Mo.", "Mo", "Pt", "пн"); German writes them without the dot in a span.
    return locale.days["format"]["short"][day - 1].rstrip(".")


def _time(locale, value):
    # The locale's short time, hours without a leading zero: 8:45 (de), 8:45 AM (en), 8:45 ص (ar).
    pattern = locale.time_formats["short"].pattern.replace("HH", "H").replace("hh", "h")
    return format_time(value, pattern, locale=locale)


def weekly_times(weekdays, start=None, end=None, language=None):
    """[1, 2, 3, 4, 5], 8:45, 12:00 -> 'Mo–Fr 8:45–12:00' (de), 'Mo–Fr 8:45 AM–12:00 PM' (en).

    Three or more days in a row are a span, others a list in the language's way.
    """
    locale = babel_locale(language or get_language())
    days = sorted(set(weekdays))
    groups = []
    for day in days:
        if groups and groups[-1][-1] == day - 1:
            groups[-1].append(day)
        else:
            groups.append([day])
    parts = []
    for group in groups:
        if len(group) >= 3:
            parts.append(f"{_weekday_name(locale, group[0])}–{_weekday_name(locale, group[-1])}")
        else:
            parts.extend(_weekday_name(locale, day) for day in group)
    text = format_list(parts, locale=locale) if len(parts) > 1 else "".join(parts)
    if start and end:
        text = f"{text} {_time(locale, start)}–{_time(locale, end)}".strip()
    return text
