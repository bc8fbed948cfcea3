import csv

from django.contrib import admin
from django.http import StreamingHttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.text import spreadsheet_row

from .charts import CHARTS, chart, csv_rows
from .models import DailyCount


class Echo:
    def write(self, value):
        return value


@admin.register(DailyCount)
class DailyCountAdmin(admin.ModelAdmin):
    """Site-wide figures, for KI staff (usage.view_dailycount): charts and a CSV, nothing to edit."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        if not self.has_view_permission(request):
            return super().changelist_view(request, extra_context)  # Django's 403
        if request.GET.get("format") == "csv":
            return self.csv_view()
        context = {
            **self.admin_site.each_context(request),
            "title": _("Nutzungszahlen der letzten 8 Wochen"),
            "opts": self.model._meta,
            "charts": [chart(column) for column in CHARTS],
            "csv_url": f"{reverse('admin:usage_dailycount_changelist')}?format=csv",
        }
        return TemplateResponse(request, "usage/admin/charts.html", context)

    def csv_view(self):
        writer = csv.writer(Echo())
        response = StreamingHttpResponse(
            (writer.writerow(spreadsheet_row(row)) for row in csv_rows()), content_type="text/csv"
        )
        response["Content-Disposition"] = f'attachment; filename="nutzung-{timezone.localdate():%Y-%m-%d}.csv"'
        return response


@admin.site.add_dashboard_figures(template="usage/admin/dashboard.html")
def usage_figures(request):
    """A link to the charts for those who may see site-wide figures; nothing for a provider's staff."""
    if not request.user.has_perm("usage.view_dailycount"):
        return {}
    today = DailyCount.objects.filter(day=timezone.localdate(), kind=DailyCount.Kind.PAGE_VIEW)
    return {"usage_url": reverse("admin:usage_dailycount_changelist"), "usage_days": today.exists()}
