"""The spreadsheet pages of the back office: import with preview, export, the empty template.

They hang on the offer list (its buttons) and under the admin's address; the offer admin
knows nothing of them: this app adds its buttons and pages, as `links` adds its filters.
Every page is scoped like the offer admin: a provider's staff import and export only their
provider's offers.
"""

import base64
import hashlib

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from offers.admin import OfferAdmin
from offers.models import Offer

from .files import CSV_TYPE, MAX_BYTES, XLSX_TYPE, FileProblem, read_table, write_csv, write_xlsx
from .resources import export_offers, template_headers
from .services import import_offers

SESSION_KEY = "spreadsheet_import"
FORMATS = {"csv": (write_csv, CSV_TYPE), "xlsx": (write_xlsx, XLSX_TYPE)}

# The offer list gets the buttons "Tabelle importieren" and "Als … exportieren", and an action
# for the offers ticked in it.
OfferAdmin.change_list_template = "admin/imports/offer_change_list.html"


@admin.action(description=gettext_lazy("Ausgewählte Angebote als Excel-Tabelle exportieren"))
def export_selected(modeladmin, request, queryset):
    # The list's queryset is the editor's own scope already; export_offers narrows to it again.
    dataset = export_offers(request.user, queryset)
    return download(dataset, "xlsx", f"angebote-auswahl-{timezone.localdate():%Y-%m-%d}")


OfferAdmin.actions = [*OfferAdmin.actions, export_selected]


def may_import(user):
    return user.has_perm("offers.add_offer") and user.has_perm("offers.change_offer")


def download(dataset, file_format, stem):
    try:
        write, content_type = FORMATS[file_format]
    except KeyError:
        return HttpResponse(_("Unbekanntes Format: bitte csv oder xlsx."), status=400, content_type="text/plain")
    response = HttpResponse(write(dataset), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{stem}.{file_format}"'
    return response


def export_view(request):
    if not request.user.has_perm("offers.view_offer"):
        raise PermissionDenied
    dataset = export_offers(request.user)
    return download(dataset, request.GET.get("format", "xlsx"), f"angebote-{timezone.localdate():%Y-%m-%d}")


def template_view(request):
    if not may_import(request.user):
        raise PermissionDenied
    import tablib

    return download(
        tablib.Dataset(headers=template_headers(request.user)), request.GET.get("format", "xlsx"), "vorlage-angebote"
    )


def digest(data):
    return hashlib.sha256(data).hexdigest()


def import_view(request):
    """Upload, preview every row, then confirm: all rows, or (ticked) all but the bad ones, in one transaction."""
    if not may_import(request.user):
        raise PermissionDenied
    report, problem, stored = None, None, request.session.get(SESSION_KEY)
    if request.method == "POST" and "confirm" in request.POST:
        if not stored or stored["digest"] != request.POST.get("digest"):
            problem = _("Die Vorschau gehört zu einer anderen Datei. Bitte die Datei noch einmal hochladen.")
        else:
            data = base64.b64decode(stored["data"])
            skip = request.POST.get("skip_bad_rows") == "1"
            report = import_offers(
                read_table(stored["name"], data), request.user, stored["name"], dry_run=False, skip_bad_rows=skip
            )
            if report.saved:
                request.session.pop(SESSION_KEY, None)
                saved = report.new + report.changed
                messages.success(
                    request,
                    ngettext(
                        "„%(file)s“ importiert: %(count)d Angebot gespeichert (%(new)d neu, %(changed)d geändert), %(unchanged)d unverändert.",
                        "„%(file)s“ importiert: %(count)d Angebote gespeichert (%(new)d neu, %(changed)d geändert), %(unchanged)d unverändert.",
                        saved,
                    )
                    % {
                        "file": report.file_name,
                        "count": saved,
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
                return redirect("admin:offers_offer_changelist")
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
                dataset = read_table(upload.name, data)
            except FileProblem as error:
                problem = str(error)
            else:
                report = import_offers(dataset, request.user, upload.name, dry_run=True)
                if not report.problems:
                    stored = {"name": upload.name, "data": base64.b64encode(data).decode(), "digest": digest(data)}
                    request.session[SESSION_KEY] = stored
    context = {
        **admin.site.each_context(request),
        "title": _("Angebote aus einer Tabelle importieren"),
        "opts": Offer._meta,
        "report": report,
        "problem": problem,
        "digest": stored["digest"] if stored and report and not report.problems else "",
        "may_skip": bool(report and report.bad_rows and len(report.bad_rows) < len(report.rows)),
    }
    return TemplateResponse(
        request, "admin/imports/offer_import.html", context, status=400 if problem and not report else 200
    )


admin.site.add_urls(
    [
        path("offers/spreadsheet/import/", admin.site.admin_view(import_view), name="imports_offer_import"),
        path("offers/spreadsheet/export/", admin.site.admin_view(export_view), name="imports_offer_export"),
        path("offers/spreadsheet/template/", admin.site.admin_view(template_view), name="imports_offer_template"),
    ]
)
