"""Languages an offer is held in: ISO 639-1 codes, named in the reader's language."""

from functools import cache

from babel import Locale
from django.utils.translation import get_language


@cache
def _names(locale_code):
    names = Locale.parse(locale_code.replace("-", "_")).languages
    return {code: name for code, name in names.items() if len(code) == 2 and code.isalpha()}


ISO_639_1_CODES = frozenset(_names("en"))


def language_name(code, locale_code=None):
    return _names(locale_code or get_language() or "de").get(code, code)


def language_choices():
    """All ISO 639-1 languages, sorted by their name in the current language."""
    names = _names(get_language() or "de")
    return sorted(((code, names.get(code, code)) for code in ISO_639_1_CODES), key=lambda c: c[1].casefold())
