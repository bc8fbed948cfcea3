"""The portal's languages as visitors see them."""

from functools import lru_cache

from babel import Locale
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language, get_language_bidi, get_language_info


@lru_cache(maxsize=None)
def name_in_itself(code):
    """'Deutsch', 'Türkçe', 'العربية', 'Українська': how speakers name their language."""
    name = Locale.parse(code).get_display_name(code)
    return name[:1].upper() + name[1:]


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
