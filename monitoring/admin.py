"""The monitoring in the admin, for KI staff (monitoring.view_monitoring): overview, town page, reports.

The pages are added with `admin.site.add_urls`; the newer population figures have a model admin.
"""

from django.contrib import admin
from django.urls import path, reverse

from portal.admin import VersionedAdmin

from . import views
from .models import PopulationFigure


@admin.register(PopulationFigure)
class PopulationFigureAdmin(VersionedAdmin):
    list_display = ["municipality", "year", "kind", "value", "source"]
    list_filter = ["kind", "year", "municipality__district"]
    search_fields = ["municipality__name", "source"]
    list_select_related = ["municipality"]


admin.site.add_urls(
    [
        path("monitoring/", admin.site.admin_view(views.overview), name="monitoring_overview"),
        path("monitoring/town/<slug:slug>/", admin.site.admin_view(views.town), name="monitoring_town"),
        path(
            "monitoring/town/<slug:slug>/report/<int:year>/",
            admin.site.admin_view(views.town_report),
            name="monitoring_town_report",
        ),
        path(
            "monitoring/district/<slug:slug>/report/<int:year>/",
            admin.site.admin_view(views.district_report),
            name="monitoring_district_report",
        ),
    ]
)


@admin.site.add_dashboard_figures(template="monitoring/admin/dashboard.html")
def monitoring_link(request):
    """A link to the monitoring for KI staff; nothing for a provider's staff."""
    if not request.user.has_perm("monitoring.view_monitoring"):
        return {}
    return {"monitoring_url": reverse("admin:monitoring_overview")}
