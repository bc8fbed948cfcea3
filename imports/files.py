"""Spreadsheet files in and out: CSV (UTF-8, `;` or `,`) and Excel (XLSX), never a 500 on a broken file.

Reading gives a tablib Dataset (what django-import-export imports) or a `FileProblem` with the
message staff read. Writing gives bytes: CSV with a byte order mark and semicolons, as German
Excel opens it; XLSX with every cell as text, so a phone number „+49 …“ or a text starting
with „=“ is never taken for a formula and postal codes keep their digits. A CSV cell has no type,
so there a text that a spreadsheet program would run as a formula gets a leading `'`
(`escape_formula`), and reading a CSV takes exactly that mark off again (`unescape_formula`).
"""

import csv
import io
import zipfile

import tablib
from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from portal.text import spreadsheet_row, unescape_formula

MAX_BYTES = 10 * 1024 * 1024
MAX_ROWS = 20_000
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV_TYPE = "text/csv; charset=utf-8"


class FileProblem(Exception):
    """The file cannot be read as a table: the message says why and what to do."""


def read_table(name, data):
    """A tablib Dataset from an uploaded CSV or XLSX file (chosen by its content, not only its name)."""
    if not data:
        raise FileProblem(_("Die Datei ist leer."))
    if len(data) > MAX_BYTES:
        raise FileProblem(_("Die Datei ist größer als 10 MB. Bitte in mehrere Dateien aufteilen."))
    if data[:4] == b"PK\x03\x04":
        rows = read_xlsx(data)
    elif name.lower().endswith((".xlsx", ".xlsm", ".xls", ".ods")) or data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise FileProblem(
            _(
                "Die Datei ist keine Excel-Datei im XLSX-Format. Bitte als „Excel-Arbeitsmappe (.xlsx)“ oder CSV speichern."
            )
        )
    elif b"\x00" in data[:4096] and data[:2] not in (b"\xff\xfe", b"\xfe\xff"):
        raise FileProblem(_("Die Datei ist keine Tabelle (CSV oder XLSX)."))
    else:
        rows = read_csv(data)
    rows = [row for row in rows if any(cell not in (None, "") for cell in row)]
    if not rows:
        raise FileProblem(_("Die Datei enthält keine Zeilen."))
    headers = [str(cell).strip() if cell is not None else "" for cell in rows[0]]
    while headers and not headers[-1]:
        headers.pop()
    if not any(headers):
        raise FileProblem(_("Die erste Zeile muss die Spaltenüberschriften enthalten (wie in der Vorlage)."))
    seen = set()
    for header in headers:
        if not header:
            raise FileProblem(
                _("Eine Spalte hat keine Überschrift. Bitte jede Spalte benennen oder leere Spalten löschen.")
            )
        if header in seen:
            raise FileProblem(_("Die Spalte „%(column)s“ kommt zweimal vor.") % {"column": header})
        seen.add(header)
    body = rows[1:]
    if len(body) > MAX_ROWS:
        raise FileProblem(_("Die Datei hat mehr als %(count)s Zeilen. Bitte aufteilen.") % {"count": MAX_ROWS})
    dataset = tablib.Dataset(headers=headers)
    width = len(headers)
    for row in body:
        cells = list(row[:width]) + [None] * (width - len(row))
        if any(cell not in (None, "") for cell in row[width:]):
            raise FileProblem(_("Einige Zeilen haben mehr Zellen als die erste Zeile Überschriften."))
        dataset.append(cells)
    return dataset


def read_xlsx(data):
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError) as error:
        raise FileProblem(
            _("Die Datei lässt sich nicht als Excel-Datei (XLSX) lesen. Ist sie beschädigt oder ein anderes Format?")
        ) from error
    try:
        sheet = workbook.worksheets[0]
        return [list(row) for row in sheet.iter_rows(values_only=True)]
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError) as error:
        raise FileProblem(_("Das erste Tabellenblatt der Excel-Datei lässt sich nicht lesen.")) from error
    finally:
        workbook.close()


def read_csv(data):
    try:
        content = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
            content = data.decode("utf-16")
        else:
            raise FileProblem(
                _(
                    "Die CSV-Datei ist nicht in UTF-8 gespeichert (Umlaute und arabische oder kyrillische Schrift "
                    "gingen verloren). Bitte in Excel „CSV UTF-8 (durch Trennzeichen getrennt)“ wählen "
                    "oder als XLSX hochladen."
                )
            ) from None
    if "\x00" in content:
        raise FileProblem(_("Die Datei ist keine Tabelle (CSV oder XLSX)."))
    first_line = content.split("\n", 1)[0]
    delimiter = max((";", ",", "\t"), key=first_line.count)
    try:
        rows = csv.reader(io.StringIO(content, newline=""), delimiter=delimiter, strict=True)
        return [[unescape_formula(cell) for cell in row] for row in rows]
    except csv.Error as error:
        raise FileProblem(_("Die CSV-Datei ist fehlerhaft: %(error)s") % {"error": error}) from error


def write_csv(dataset):
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(dataset.headers)
    for row in dataset:
        writer.writerow(spreadsheet_row(row))
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def write_xlsx(dataset, title="Angebote"):
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title)
    sheet.freeze_panes = "A2"

    def cells(values):
        row = []
        for value in values:
            # Control characters cannot stand in an XLSX cell (and mean nothing in a text).
            cell = WriteOnlyCell(sheet, value=ILLEGAL_CHARACTERS_RE.sub("", "" if value is None else str(value)))
            cell.data_type = "s"  # text, never a formula
            row.append(cell)
        return row

    sheet.append(cells(dataset.headers))
    for row in dataset:
        sheet.append(cells(row))
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
