"""An import from start to end: check the columns, run every row, and say per row what happens.

`import_rows(resource, dataset, dry_run=True)` is the preview (the resource made for the user and
the file: offers, providers or places): everything is written and
rolled back, so the preview sees what the import will do (places created, duplicates within the
file). The real import runs the same in one transaction: if any row is bad and staff have not
chosen to skip bad rows, it is rolled back whole.
"""

from dataclasses import dataclass, field

from django.core.exceptions import NON_FIELD_ERRORS
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from import_export.results import RowResult

from portal.catalogue import one_change

STATES = {
    RowResult.IMPORT_TYPE_NEW: gettext_lazy("neu"),
    RowResult.IMPORT_TYPE_UPDATE: gettext_lazy("geändert"),
    RowResult.IMPORT_TYPE_SKIP: gettext_lazy("unverändert"),
    RowResult.IMPORT_TYPE_INVALID: gettext_lazy("fehlerhaft"),
    RowResult.IMPORT_TYPE_ERROR: gettext_lazy("fehlerhaft"),
}


@dataclass
class RowReport:
    number: int  # the spreadsheet's row number (the headers are row 1)
    state: str  # new, update, skip, invalid, error (RowResult's import types)
    title: str = ""
    entry_id: int | None = None  # the changed entry's id (none for a new one)
    changes: list = field(default_factory=list)  # (column, before, after)
    problems: list = field(default_factory=list)  # (column, message)

    @property
    def bad(self):
        return self.state in (RowResult.IMPORT_TYPE_INVALID, RowResult.IMPORT_TYPE_ERROR)

    @property
    def state_label(self):
        return STATES[self.state]


@dataclass
class Report:
    file_name: str
    rows: list = field(default_factory=list)
    problems: list = field(default_factory=list)  # about the whole file
    saved: bool = False

    @property
    def bad_rows(self):
        return [row for row in self.rows if row.bad]

    def count(self, state):
        return sum(1 for row in self.rows if row.state == state)

    @property
    def new(self):
        return self.count(RowResult.IMPORT_TYPE_NEW)

    @property
    def changed(self):
        return self.count(RowResult.IMPORT_TYPE_UPDATE)

    @property
    def unchanged(self):
        return self.count(RowResult.IMPORT_TYPE_SKIP)

    @property
    def ok(self):
        return not self.problems and not self.bad_rows


def column_problems(headers, resource):
    known = resource.known_columns()
    problems = []
    missing = [column for column in resource.required_columns() if column not in headers]
    if missing:
        problems.append(
            _("Diese Pflichtspalten fehlen: %(columns)s. Bitte die Vorlage verwenden.")
            % {"columns": ", ".join(f"„{column}“" for column in missing)}
        )
    unknown = [header for header in headers if header not in known]
    if unknown:
        problems.append(
            _(
                "Diese Spalten kennt der Import nicht: %(columns)s. Bitte die Überschriften wie in der Vorlage schreiben."
            )
            % {"columns": ", ".join(f"„{column}“" for column in unknown)}
        )
    return problems


def import_rows(resource, dataset, *, dry_run=True, skip_bad_rows=False):
    """Run the rows of `dataset` through `resource` (made for the user and the file); with dry_run nothing stays."""
    report = Report(file_name=resource.file_name, problems=column_problems(dataset.headers, resource))
    if report.problems:
        return report
    with one_change():
        result = resource.import_data(
            dataset, dry_run=dry_run, use_transactions=True, rollback_on_validation_errors=not skip_bad_rows
        )
        report.rows = [row_report(row, resource) for row in result.rows]
        report.problems = [_("Unerwarteter Fehler: %(error)s") % {"error": error.error} for error in result.base_errors]
        report.saved = not dry_run and not report.problems and (skip_bad_rows or not report.bad_rows)
        report.saved = report.saved and not any(row.state == RowResult.IMPORT_TYPE_ERROR for row in report.rows)
        if not report.saved:
            transaction.set_rollback(True)
    return report


def row_report(row_result, resource):
    report = RowReport(number=row_result.number, state=row_result.import_type, title=row_result.title)
    instance = row_result.instance
    if instance is not None:
        report.entry_id = instance.pk if row_result.import_type != RowResult.IMPORT_TYPE_NEW else None
        report.changes = getattr(row_result, "changes", [])
    if row_result.validation_error is not None:
        for key, messages in row_result.validation_error.message_dict.items():
            column = "" if key == NON_FIELD_ERRORS else resource.columns_by_attribute.get(key, key)
            report.problems.extend((column, message) for message in messages)
    for error in row_result.errors:
        report.problems.append(("", _("Unerwarteter Fehler beim Speichern: %(error)s") % {"error": error.error}))
    return report
