"""How one spreadsheet cell becomes a value and back, with a German message for every bad cell.

Each widget's `clean` raises ValueError with the message staff read in the preview; `render`
writes what the export and the preview show, so a value exported and imported again is the
same value. Cells from XLSX come as numbers, dates or text; from CSV always as text.
"""

import datetime
import re

from django.utils.translation import gettext as _
from import_export import widgets

from portal.text import fold

TRUE_WORDS = {"ja", "j", "x", "1", "wahr", "true", "yes"}
FALSE_WORDS = {"nein", "n", "0", "falsch", "false", "no", ""}


def text(value):
    """A cell as text: numbers typed into Excel (59423, 700.0) as their digits."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime.datetime):
        value = value.date()
    if isinstance(value, datetime.date):
        return value.strftime("%d.%m.%Y")
    return str(value).strip()


def split_list(value):
    """„a, b; c“ -> ["a", "b", "c"]."""
    return [part.strip() for part in re.split(r"[,;\n]+", text(value)) if part.strip()]


class TextWidget(widgets.Widget):
    def clean(self, value, row=None, **kwargs):
        return text(value)

    def render(self, value, obj=None, **kwargs):
        return "" if value is None else str(value)


class LinkWidget(TextWidget):
    """A link typed without a scheme is meant as https, as in the admin's forms."""

    def clean(self, value, row=None, **kwargs):
        link = text(value)
        if link and "://" not in link and not link.startswith(("mailto:", "tel:")):
            link = f"https://{link}"
        return link


class IntegerWidget(widgets.Widget):
    def clean(self, value, row=None, **kwargs):
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        if isinstance(value, float) and value.is_integer():
            return int(value)
        cell = text(value)
        if not cell:
            return None
        if not re.fullmatch(r"\d+", cell):
            raise ValueError(_("„%(value)s“ ist keine ganze Zahl.") % {"value": cell})
        return int(cell)

    def render(self, value, obj=None, **kwargs):
        return "" if value is None else str(value)


class DateWidget(widgets.Widget):
    """31.12.2026 (as Germans write it), 2026-12-31, or a date cell of Excel."""

    def clean(self, value, row=None, **kwargs):
        if isinstance(value, datetime.datetime):
            return value.date()
        if isinstance(value, datetime.date):
            return value
        cell = text(value)
        if not cell:
            return None
        for pattern in ("%d.%m.%Y", "%Y-%m-%d", "%d.%m.%y"):
            try:
                return datetime.datetime.strptime(cell, pattern).date()  # noqa: DTZ007 (a calendar date)
            except ValueError:
                continue
        raise ValueError(
            _("„%(value)s“ ist kein gültiges Datum. Bitte als TT.MM.JJJJ schreiben, z. B. 31.12.2026.")
            % {"value": cell}
        )

    def render(self, value, obj=None, **kwargs):
        return value.strftime("%d.%m.%Y") if value else ""


class BooleanWidget(widgets.Widget):
    def clean(self, value, row=None, **kwargs):
        if isinstance(value, bool):
            return value
        cell = text(value).casefold()
        if cell in TRUE_WORDS:
            return True
        if cell in FALSE_WORDS:
            return False
        raise ValueError(_("„%(value)s“: bitte „ja“ oder „nein“ schreiben.") % {"value": text(value)})

    def render(self, value, obj=None, **kwargs):
        return "ja" if value else "nein"


class ChoiceWidget(widgets.Widget):
    """Fixed German words in the file (a file format, not the interface language), or the stored codes."""

    def __init__(self, words, default=None):
        super().__init__()
        self.words = dict(words)  # code -> word
        self.default = default
        self.codes = {fold(word): code for code, word in self.words.items()}
        self.codes.update({fold(code): code for code in self.words})

    def clean(self, value, row=None, **kwargs):
        cell = text(value)
        if not cell:
            if self.default is not None:
                return self.default
            return ""
        try:
            return self.codes[fold(cell)]
        except KeyError:
            raise ValueError(
                _("„%(value)s“ ist nicht erlaubt. Erlaubt sind: %(allowed)s.")
                % {"value": cell, "allowed": ", ".join(f"„{word}“" for word in self.words.values())}
            ) from None

    def render(self, value, obj=None, **kwargs):
        return self.words.get(value, value or "")


class LookupWidget(widgets.Widget):
    """A related entry by one of its names; `entries` maps each folded name to the entry.

    The resource fills `entries` once before the import (one query, not one per row).
    """

    def __init__(self, unknown_message, show=str):
        super().__init__()
        self.entries = {}
        self.ambiguous = set()
        self.unknown_message = unknown_message
        self.show = show

    def add(self, entry, *names):
        for name in names:
            if not name:
                continue
            key = fold(name)
            existing = self.entries.get(key)
            if existing is not None and existing.pk != entry.pk:
                self.ambiguous.add(key)
            self.entries[key] = entry

    def clean(self, value, row=None, **kwargs):
        cell = text(value)
        if not cell:
            return None
        key = fold(cell)
        if key in self.ambiguous:
            raise ValueError(
                _("„%(value)s“ ist nicht eindeutig: bitte den Kurznamen oder Schlüssel angeben.") % {"value": cell}
            )
        try:
            return self.entries[key]
        except KeyError:
            raise ValueError(self.unknown_message % {"value": cell}) from None

    def render(self, value, obj=None, **kwargs):
        return "" if value is None else self.show(value)
