"""Thin views over indicators.py and gaps.py; KI staff only (monitoring.view_monitoring)."""

import csv
import io

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from municipalities.models import District, Municipality
from portal.text import spreadsheet_row

from .gaps import gaps_of
from .indicators import town_indicators
from .report import csv_rows

PAGE_SIZE = 25
FIRST_YEAR = 2000


def require_monitoring(request):
    if not request.user.has_perm("monitoring.view_monitoring"):
        raise PermissionDenied


def check_year(year):
    if not FIRST_YEAR <= year <= timezone.localdate().year:
        raise Http404


def with_gaps(indicators):
    return [(row, gaps_of(row)) for row in indicators]


def overview(request):
    require_monitoring(request)
    page = Paginator(Municipality.objects.order_by("name", "pk"), PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        **admin.site.each_context(request),
        "title": _("Integrationsmonitoring: alle Städte und Gemeinden"),
        "page": page,
        "rows": with_gaps(town_indicators(page.object_list)),
        "districts": District.objects.order_by("name"),
        "year": timezone.localdate().year,
    }
    return TemplateResponse(request, "monitoring/admin/overview.html", context)


def town(request, slug):
    require_monitoring(request)
    municipality = get_object_or_404(Municipality.objects.select_related("district"), slug=slug)
    [indicators] = town_indicators([municipality])
    context = {
        **admin.site.each_context(request),
        "title": _("Integrationsmonitoring: %(town)s") % {"town": municipality.name},
        "town": municipality,
        "indicators": indicators,
        "gaps": gaps_of(indicators),
        "year": timezone.localdate().year,
    }
    return TemplateResponse(request, "monitoring/admin/town.html", context)


def report(request, title, rows, year, filename, district=None):
    if request.GET.get("format") == "csv":
        buffer = io.StringIO()
        csv.writer(buffer).writerows(map(spreadsheet_row, csv_rows(rows)))
        response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
        return response
    context = {"title": title, "rows": rows, "year": year, "district": district, "today": timezone.localdate()}
    return TemplateResponse(request, "monitoring/report.html", context)


def town_report(request, slug, year):
    require_monitoring(request)
    check_year(year)
    municipality = get_object_or_404(Municipality, slug=slug)
    rows = with_gaps(town_indicators([municipality], year=year))
    title = _("Integrationsmonitoring %(year)s: %(town)s") % {"year": year, "town": municipality.name}
    return report(request, title, rows, year, f"monitoring-{municipality.slug}-{year}")


def district_report(request, slug, year):
    require_monitoring(request)
    check_year(year)
    district = get_object_or_404(District, slug=slug)
    rows = with_gaps(town_indicators(district.municipalities.order_by("name", "pk"), year=year))
    title = _("Integrationsmonitoring %(year)s: %(district)s") % {"year": year, "district": district.name}
    return report(request, title, rows, year, f"monitoring-{district.slug}-{year}", district=district)
