"""How one spreadsheet cell becomes a value and back, with a German message for every bad cell.

Each widget's `clean` raises ValueError with the message staff read in the preview; `render`
writes what the export and the preview show, so a value exported and imported again is the
same value. Cells from XLSX come as numbers, dates or text; from CSV always as text.
"""

import datetime
import decimal
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


def digits(value, width):
    """A code Excel may have stored as a number and so lost its leading zeros: 5978036 -> 05978036."""
    cell = text(value)
    return cell.zfill(width) if cell.isdigit() and len(cell) < width else cell


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


class DecimalWidget(widgets.Widget):
    """51.537 or 51,537 (as Germans write it), kept to `places` decimals as the database keeps it."""

    def __init__(self, places):
        super().__init__()
        self.quantum = decimal.Decimal(1).scaleb(-places)

    def clean(self, value, row=None, **kwargs):
        cell = text(value).replace(",", ".")
        if not cell:
            return None
        try:
            return decimal.Decimal(cell).quantize(self.quantum)
        except decimal.InvalidOperation:
            raise ValueError(_("„%(value)s“ ist keine Zahl.") % {"value": text(value)}) from None

    def render(self, value, obj=None, **kwargs):
        return "" if value is None else str(value)


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

    def __init__(self, unknown_message, show=str, width=None):
        super().__init__()
        self.width = width  # keys of digits whose leading zeros Excel may have dropped (digits())
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
        cell = digits(value, self.width) if self.width else text(value)
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


# Weekdays as Germans abbreviate them (a file format: the same in every admin language), ISO 1..7.
WEEKDAY_WORDS = ("Mo", "Di", "Mi", "Do", "Fr", "Sa", "So")
WEEKDAY_NAMES = {
    **{fold(word): number for number, word in enumerate(WEEKDAY_WORDS, start=1)},
    **{
        fold(name): number
        for number, name in enumerate(
            ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"), start=1
        )
    },
    **{str(number): number for number in range(1, 8)},
}


class WeekdaysWidget(widgets.Widget):
    """„Mo, Di, Do“, ranges „Mo–Fr“ (also „Mo-Fr“), full names or ISO digits 1–7; written as „Mo, Di, Do“."""

    def clean(self, value, row=None, **kwargs):
        days = set()
        for part in split_list(value):
            ends = [end.strip() for end in re.split(r"\s*[-–—]\s*", part)]
            numbers = []
            for end in ends:
                number = WEEKDAY_NAMES.get(fold(end).rstrip("."))
                if number is None:
                    raise ValueError(
                        _("„%(value)s“ ist kein Wochentag. Bitte Mo, Di, Mi, Do, Fr, Sa, So schreiben, z. B. „Mo–Fr“.")
                        % {"value": end}
                    )
                numbers.append(number)
            if len(numbers) == 2 and numbers[0] <= numbers[1]:
                days.update(range(numbers[0], numbers[1] + 1))
            elif len(numbers) == 1:
                days.add(numbers[0])
            else:
                raise ValueError(
                    _("„%(value)s“ ist kein Wochentag. Bitte Mo, Di, Mi, Do, Fr, Sa, So schreiben, z. B. „Mo–Fr“.")
                    % {"value": part}
                )
        return sorted(days)

    def render(self, value, obj=None, **kwargs):
        return ", ".join(WEEKDAY_WORDS[day - 1] for day in sorted(value or []))


class TimeWidget(widgets.Widget):
    """8:45 or 08:45 (also 8.45), or a time cell of Excel; written as 08:45."""

    def clean(self, value, row=None, **kwargs):
        if isinstance(value, datetime.datetime):
            return value.time().replace(second=0, microsecond=0)
        if isinstance(value, datetime.time):
            return value.replace(second=0, microsecond=0)
        cell = text(value)
        if not cell:
            return None
        match = re.fullmatch(r"(\d{1,2})[:.](\d{2})(?::00)?", cell)
        if match and int(match[1]) < 24 and int(match[2]) < 60:
            return datetime.time(int(match[1]), int(match[2]))
        raise ValueError(_("„%(value)s“ ist keine Uhrzeit. Bitte als SS:MM schreiben, z. B. 08:45.") % {"value": cell})

    def render(self, value, obj=None, **kwargs):
        return value.strftime("%H:%M") if value else ""
