"""Text helpers shared by every app."""

import re
import unicodedata

from django.utils.text import slugify

# The Arabic script's variants of one letter, as Persian (and Dari) writers type them on Arabic or
# Persian keyboards: Arabic yeh, alef maksura and kaf are Persian yeh and keheh; the zero-width
# non-joiner inside a word ("مهد‌کودک") and the tatweel stretching a word are dropped; Arabic-Indic
# and Persian digits are digits.
ARABIC_SCRIPT_VARIANTS = str.maketrans(
    {
        "\u064a": "\u06cc",  # ي -> ی
        "\u0649": "\u06cc",  # ى -> ی
        "\u0643": "\u06a9",  # ك -> ک
        "\u06d5": "\u0647",  # ە (what ۀ leaves without its hamza) -> ه
        "\u200c": None,
        "\u0640": None,
        **{chr(0x0660 + digit): str(digit) for digit in range(10)},
        **{chr(0x06F0 + digit): str(digit) for digit in range(10)},
    }
)
GERMAN_TRANSLITERATION = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"})


def slugify_de(value):
    """A URL slug the way Germans spell without umlauts: Bönen -> boenen."""
    return slugify(str(value).translate(GERMAN_TRANSLITERATION))


def fold(value):
    """Fold text for searching, identically on SQLite and PostgreSQL.

    SQLite's LIKE ignores case only for ASCII, so we store and search a
    case-folded form: casefold() handles ß and Cyrillic, dropping combining
    marks makes `İstanbul`, `istanbul` and `ıstanbul` (dotless ı) one word and
    lets `Ubung` find `Übung` too; the Arabic script's letter variants become one
    (ARABIC_SCRIPT_VARIANTS), so «كلاس» typed on an Arabic keyboard finds «کلاس».
    """
    decomposed = unicodedata.normalize("NFKD", str(value).casefold().replace("ı", "i"))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", stripped).translate(ARABIC_SCRIPT_VARIANTS)


# CSV (formula) injection, as OWASP describes it, in the CSV files of the admin and the open data:
# Excel and LibreOffice run a cell starting with =, +, -, @, a tab or a carriage return as a
# formula (=HYPERLINK(…) sends a click elsewhere, =WEBSERVICE(…) the sheet's data). All of them
# get a leading ', phone numbers too: „+49 2303 27-1234“ is itself taken for a formula (shown as
# an error or a sum), and telling a harmless phone number from „+HYPERLINK(…)“ or „-1+cmd|…“
# would mean parsing formulas. Only a plain number („-5“, „+3,5“) stays as it is: it runs nothing
# and the program shows the same number. A text already starting with ' and then one of these
# gets one more ', so that reading takes off exactly one and every text comes back unchanged.
FORMULA_START = re.compile(r"'*[=+\-@\t\r]")
PLAIN_NUMBER = re.compile(r"[+-]?\d+(?:[.,]\d+)?")
ESCAPED_FORMULA = re.compile(r"'+[=+\-@\t\r]")


def escape_formula(value):
    """The text of a CSV cell that a spreadsheet program shows as text, never runs."""
    text = "" if value is None else str(value)
    if FORMULA_START.match(text) and not PLAIN_NUMBER.fullmatch(text):
        return "'" + text
    return text


def spreadsheet_row(row):
    """A CSV row of `row`'s cells, none of which a spreadsheet program runs (every CSV the portal serves)."""
    return [escape_formula(cell) for cell in row]


def unescape_formula(text):
    """The cell's text without the `'` that `escape_formula` (or a careful person) put before a formula sign."""
    return text[1:] if ESCAPED_FORMULA.match(text) else text
