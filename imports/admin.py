"""The spreadsheet pages of the back office: import with preview, export, the empty template.

For offers, providers and places (`SHEETS`), each hanging on its admin list (its buttons) and
under the admin's address; the offer app's admins know nothing of them: this app adds its
buttons and pages, as `links` adds its filters. Every page is scoped like the admin lists: a
provider's staff import and export only their provider's offers and places, and import no
providers (they may only view their own).
"""

import base64
import hashlib
from dataclasses import dataclass

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from offers.admin import LocationAdmin, OfferAdmin, ProviderAdmin

from .files import CSV_TYPE, MAX_BYTES, XLSX_TYPE, FileProblem, read_table, write_csv, write_xlsx
from .providers import LocationResource, ProviderResource
from .resources import OfferResource
from .services import import_rows

SESSION_KEY = "spreadsheet_import"
FORMATS = {"csv": (write_csv, CSV_TYPE), "xlsx": (write_xlsx, XLSX_TYPE)}


@dataclass(frozen=True)
class Sheet:
    """One kind of spreadsheet: its rows' resource, its pages' addresses and words.

    Offers, providers and places are separate files, each imported from its own admin list: a
    workbook with three sheets would tie a provider's places to a file of offers they need
    not be in (an offer's row names its places by address), and the preview of one kind is one
    table staff read row by row.
    """

    resource: type  # a SpreadsheetResource
    stem: str  # the file name's start
    row_label: str  # what names a row in the preview
    title: str
    intro: str

    @property
    def model(self):
        return self.resource._meta.model

    @property
    def name(self):
        return self.model._meta.model_name

    def may_import(self, user):
        return user.has_perm(f"offers.add_{self.name}") and user.has_perm(f"offers.change_{self.name}")

    def may_export(self, user):
        return user.has_perm(f"offers.view_{self.name}")


SHEETS = {
    sheet.name: sheet
    for sheet in (
        Sheet(
            OfferResource,
            "angebote",
            gettext_lazy("Titel"),
            gettext_lazy("Angebote aus einer Tabelle importieren"),
            gettext_lazy(
                "Eine Zeile je Angebot, die Spalten wie in der Vorlage. Zeilen mit Kennung ändern das Angebot mit "
                "dieser Kennung, Zeilen ohne Kennung legen neue Angebote an. Vor dem Speichern sehen Sie jede Änderung."
            ),
        ),
        Sheet(
            ProviderResource,
            "traeger",
            gettext_lazy("Name"),
            gettext_lazy("Träger aus einer Tabelle importieren"),
            gettext_lazy(
                "Eine Zeile je Träger, die Spalten wie in der Vorlage. Zeilen mit Kennung ändern den Träger mit "
                "dieser Kennung, Zeilen ohne Kennung legen neue Träger an. Vor dem Speichern sehen Sie jede Änderung."
            ),
        ),
        Sheet(
            LocationResource,
            "orte",
            gettext_lazy("Bezeichnung"),
            gettext_lazy("Orte aus einer Tabelle importieren"),
            gettext_lazy(
                "Eine Zeile je Ort, die Spalten wie in der Vorlage. Zeilen mit Kennung ändern den Ort mit dieser "
                "Kennung, Zeilen ohne Kennung legen neue Orte an. Vor dem Speichern sehen Sie jede Änderung."
            ),
        ),
    )
}

# Each list gets the buttons "Tabelle importieren" and "Als … exportieren", and an action for
# the entries ticked in it.
for model_admin in (OfferAdmin, ProviderAdmin, LocationAdmin):
    model_admin.change_list_template = "admin/imports/change_list.html"


def export_selected(modeladmin, request, queryset):
    # The list's queryset is the editor's own scope already; the export narrows to it again.
    sheet = SHEETS[modeladmin.model._meta.model_name]
    dataset = sheet.resource.export_for(request.user, queryset)
    return download(dataset, "xlsx", f"{sheet.stem}-auswahl-{timezone.localdate():%Y-%m-%d}")


OfferAdmin.actions = [
    *OfferAdmin.actions,
    admin.action(export_selected, description=gettext_lazy("Ausgewählte Angebote als Excel-Tabelle exportieren")),
]
ProviderAdmin.actions = [
    *ProviderAdmin.actions,
    admin.action(export_selected, description=gettext_lazy("Ausgewählte Träger als Excel-Tabelle exportieren")),
]
LocationAdmin.actions = [
    *LocationAdmin.actions,
    admin.action(export_selected, description=gettext_lazy("Ausgewählte Orte als Excel-Tabelle exportieren")),
]


def download(dataset, file_format, stem):
    try:
        write, content_type = FORMATS[file_format]
    except KeyError:
        return HttpResponse(_("Unbekanntes Format: bitte csv oder xlsx."), status=400, content_type="text/plain")
    response = HttpResponse(write(dataset), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{stem}.{file_format}"'
    return response


def export_view(request, sheet):
    if not sheet.may_export(request.user):
        raise PermissionDenied
    dataset = sheet.resource.export_for(request.user)
    return download(dataset, request.GET.get("format", "xlsx"), f"{sheet.stem}-{timezone.localdate():%Y-%m-%d}")


def template_view(request, sheet):
    if not sheet.may_import(request.user):
        raise PermissionDenied
    import tablib

    headers = sheet.resource.for_file(request.user).headers()
    return download(tablib.Dataset(headers=headers), request.GET.get("format", "xlsx"), f"vorlage-{sheet.stem}")


def digest(data):
    return hashlib.sha256(data).hexdigest()


def run_import(sheet, user, name, data, **options):
    dataset = read_table(name, data)
    return import_rows(sheet.resource.for_file(user, name, dataset), dataset, **options)


def import_view(request, sheet):
    """Upload, preview every row, then confirm: all rows, or (ticked) all but the bad ones, in one transaction."""
    if not sheet.may_import(request.user):
        raise PermissionDenied
    session_key = f"{SESSION_KEY}:{sheet.name}"
    report, problem, stored = None, None, request.session.get(session_key)
    if request.method == "POST" and "confirm" in request.POST:
        if not stored or stored["digest"] != request.POST.get("digest"):
            problem = _("Die Vorschau gehört zu einer anderen Datei. Bitte die Datei noch einmal hochladen.")
        else:
            skip = request.POST.get("skip_bad_rows") == "1"
            report = run_import(
                sheet,
                request.user,
                stored["name"],
                base64.b64decode(stored["data"]),
                dry_run=False,
                skip_bad_rows=skip,
            )
            if report.saved:
                request.session.pop(session_key, None)
                messages.success(
                    request,
                    _("„%(file)s“ importiert: %(new)d neu, %(changed)d geändert, %(unchanged)d unverändert.")
                    % {
                        "file": report.file_name,
                        "new": report.new,
                        "changed": report.changed,
                        "unchanged": report.unchanged,
                    },
                )
                if report.bad_rows:
                    messages.warning(
                        request,
                        ngettext(
                            "%(count)d fehlerhafte Zeile übersprungen.",
                            "%(count)d fehlerhafte Zeilen übersprungen.",
                            len(report.bad_rows),
                        )
                        % {"count": len(report.bad_rows)},
                    )
                return redirect(f"admin:offers_{sheet.name}_changelist")
            problem = _("Nichts wurde gespeichert: die Datei hat fehlerhafte Zeilen.")
    elif request.method == "POST":
        upload = request.FILES.get("file")
        if upload is None:
            problem = _("Bitte eine Datei auswählen.")
        elif upload.size > MAX_BYTES:
            problem = _("Die Datei ist größer als 10 MB. Bitte in mehrere Dateien aufteilen.")
        else:
            data = upload.read()
            try:
                report = run_import(sheet, request.user, upload.name, data, dry_run=True)
            except FileProblem as error:
                problem = str(error)
            else:
                if not report.problems:
                    stored = {"name": upload.name, "data": base64.b64encode(data).decode(), "digest": digest(data)}
                    request.session[session_key] = stored
    context = {
        **admin.site.each_context(request),
        "title": sheet.title,
        "intro": sheet.intro,
        "opts": sheet.model._meta,
        "row_label": sheet.row_label,
        "report": report,
        "problem": problem,
        "digest": stored["digest"] if stored and report and not report.problems else "",
        "may_skip": bool(report and report.bad_rows and len(report.bad_rows) < len(report.rows)),
    }
    return TemplateResponse(
        request, "admin/imports/import.html", context, status=400 if problem and not report else 200
    )


admin.site.add_urls(
    [
        path(
            f"{sheet.name}s/spreadsheet/{action}/",
            admin.site.admin_view(view),
            {"sheet": sheet},
            name=f"imports_{sheet.name}_{action}",
        )
        for sheet in SHEETS.values()
        for action, view in (("import", import_view), ("export", export_view), ("template", template_view))
    ]
)
