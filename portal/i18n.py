"""The portal's languages as visitors see them."""

from decimal import Decimal
from functools import cache

from babel import Locale
from babel.lists import format_list
from babel.numbers import format_decimal, format_percent
from babel.units import format_unit
from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.urls import translate_url
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
    return format_decimal(value, locale=babel_locale(get_language()))


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


def language_links(request):
    """The same page (and query string) in every portal language."""
    current = get_language()
    path = request.get_full_path()
    try:
        origin = request.build_absolute_uri("/")[:-1]
    except DisallowedHost:
        origin = None  # the 400 page for a host we do not serve: no alternates under its name
    links = []
    for code, _name in settings.LANGUAGES:
        url = translate_url(path, code)
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


def context(request):
    """Template context processor: the language switcher and text direction."""
    return {
        "language_links": language_links(request),
        "text_direction": "rtl" if get_language_bidi() else "ltr",
    }
