"""Text helpers shared by every app."""

import unicodedata

from django.utils.text import slugify

GERMAN_TRANSLITERATION = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"})


def slugify_de(value):
    """A URL slug the way Germans spell without umlauts: Bönen -> boenen."""
    return slugify(str(value).translate(GERMAN_TRANSLITERATION))


def fold(value):
    """Fold text for searching, identically on SQLite and PostgreSQL.

    SQLite's LIKE ignores case only for ASCII, so we store and search a
    case-folded form: casefold() handles ß and Cyrillic, dropping combining
    marks makes `İstanbul`, `istanbul` and `ıstanbul` (dotless ı) one word and
    lets `Ubung` find `Übung` too.
    """
    decomposed = unicodedata.normalize("NFKD", str(value).casefold().replace("ı", "i"))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", stripped)
