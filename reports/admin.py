from django.contrib import admin, messages
from django.db import models
from django.db.models.functions import Coalesce
from django.http import Http404
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST
from reversion import create_revision, set_comment, set_user

from offers.admin import OfferAdmin
from portal.admin import VersionedAdmin

from .models import Report
from .services import CorrectionImpossible, apply_correction


@admin.register(Report)
class ReportAdmin(VersionedAdmin):
    """Reports on the offers the editor may change: a provider's staff see only their own provider's."""

    list_display = ["__str__", "offer_link", "created", "status", "language", "closed_by", "closed_at"]
    list_filter = ["status", "kind"]
    list_select_related = ["offer", "closed_by"]
    search_fields = ["text", "offer__title_de"]
    fields = ["offer", "kind", "text", "language", "created", "status", "closed_by", "closed_at"]
    readonly_fields = ["offer", "kind", "text", "language", "created", "closed_by", "closed_at"]
    actions = ["mark_read", "mark_done", "correct"]
    change_form_template = "reports/admin/change_form.html"

    def get_queryset(self, request):
        return super().get_queryset(request).editable_by(request.user)

    def has_add_permission(self, request):
        return False  # visitors send reports, editors handle them

    def lookup_allowed(self, lookup, value, request=None):
        # The offer list's "⚑ n" links here, filtered to one offer (still within the editor's scope).
        return lookup == "offer__id__exact" or super().lookup_allowed(lookup, value, request)

    @admin.display(description=_("Angebot"), ordering="offer__title_de")
    def offer_link(self, report):
        url = reverse("admin:offers_offer_change", args=[report.offer_id])
        return format_html('<a href="{}">{}</a>', url, report.offer)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        report = self.get_object(request, object_id)
        if report is not None and report.status == Report.Status.NEW and request.method == "GET":
            Report.objects.filter(pk=report.pk, status=Report.Status.NEW).update(status=Report.Status.READ)
        return super().change_view(request, object_id, form_url, extra_context)

    def save_model(self, request, obj, form, change):
        if "status" in form.changed_data:
            if obj.status == Report.Status.DONE:
                obj.close(request.user)
            else:
                obj.closed_by, obj.closed_at = None, None
        super().save_model(request, obj, form, change)

    def get_urls(self):
        correct = path(
            "<int:pk>/correct/",
            self.admin_site.admin_view(require_POST(self.correct_view)),
            name="reports_report_correct",
        )
        return [correct, *super().get_urls()]

    def correct_view(self, request, pk):
        """The change form's button: correct the offer as the report says and close the report."""
        report = self.get_object(request, str(pk))  # through the editor's scope: another's report is a 404
        if report is None or not self.has_change_permission(request, report):
            raise Http404
        self.apply(request, [report])
        return redirect("admin:reports_report_change", report.pk)

    def apply(self, request, reports):
        corrected = 0
        for report in reports:
            try:
                apply_correction(report, request.user)
            except CorrectionImpossible as error:
                self.message_user(request, f"{report}: {error}", messages.ERROR)
                continue
            corrected += 1
        if corrected:
            self.message_user(
                request,
                ngettext(
                    "%(count)d Meldung als Korrektur übernommen und erledigt.",
                    "%(count)d Meldungen als Korrektur übernommen und erledigt.",
                    corrected,
                )
                % {"count": corrected},
                messages.SUCCESS,
            )

    @admin.action(description=_("Als Korrektur übernehmen und erledigen (Kurs voll, Büro geschlossen)"))
    def correct(self, request, queryset):
        self.apply(request, list(queryset.select_related("offer")))

    def set_status(self, request, queryset, status, comment):
        reports = list(queryset)
        with create_revision():
            for report in reports:
                if status == Report.Status.DONE:
                    report.close(request.user)
                else:
                    report.status = status
                report.save()
            set_user(request.user)
            set_comment(comment)
        return len(reports)

    @admin.action(description=_("Als gelesen markieren"))
    def mark_read(self, request, queryset):
        self.set_status(request, queryset.filter(status=Report.Status.NEW), Report.Status.READ, _("Gelesen"))

    @admin.action(description=_("Als erledigt markieren"))
    def mark_done(self, request, queryset):
        count = self.set_status(request, queryset.open(), Report.Status.DONE, _("Erledigt"))
        self.message_user(
            request,
            ngettext("%(count)d Meldung erledigt.", "%(count)d Meldungen erledigt.", count) % {"count": count},
            messages.SUCCESS,
        )


class OpenReportsFilter(admin.SimpleListFilter):
    title = _("Offene Meldungen")
    parameter_name = "open_reports"

    def lookups(self, request, model_admin):
        return [("yes", _("Ja"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(pk__in=Report.objects.open().values("offer"))
        return queryset


# The offer list shows and filters the offers with open reports; offers knows nothing of them.
OfferAdmin.list_annotations = {
    **OfferAdmin.list_annotations,
    "open_report_count": Coalesce(
        models.Subquery(
            Report.objects.open()
            .filter(offer=models.OuterRef("pk"))
            .order_by()
            .values("offer")
            .annotate(count=models.Count("pk"))
            .values("count")[:1]
        ),
        0,
    ),
}


@admin.display(description=_("Meldungen"), ordering="open_report_count")
def open_reports(offer):
    count = getattr(offer, "open_report_count", 0)
    if not count:
        return ""
    url = reverse("admin:reports_report_changelist")
    return format_html('<a class="open-reports" href="{}?offer__id__exact={}">⚑ {}</a>', url, offer.pk, count)


if "open_reports" not in [getattr(column, "__name__", column) for column in OfferAdmin.list_display]:
    OfferAdmin.list_display = [*OfferAdmin.list_display, open_reports]
    filters = list(OfferAdmin.list_filter)
    filters.insert(filters.index("is_demo"), OpenReportsFilter)
    OfferAdmin.list_filter = filters


@admin.site.add_dashboard_figures(template="reports/admin/dashboard.html")
def open_reports_figures(request):
    """The dashboard's open reports, on the offers the editor may change."""
    reports = Report.objects.editable_by(request.user).open().select_related("offer", "offer__provider")
    return {"open_reports": list(reports.order_by("created", "pk")[:25]), "open_report_total": reports.count()}
