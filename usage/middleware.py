"""Counts public page views (from the page cache too) and QR-code visits; see usage/counter.py."""

from django.http import HttpResponseRedirect
from django.urls import Resolver404, resolve

from . import counter
from .models import DailyCount

# The public pages counted, by URL name; the value is the page type stored.
PAGE_TYPES = {
    "home": "home",
    "offer_list": "offer_list",
    "offer_detail": "offer_detail",
    "offer_detail_short": "offer_detail",
    "provider_detail": "provider_detail",
    "category_detail": "category_detail",
    "municipality_detail": "municipality_detail",
    "page_detail": "page_detail",
    "handout": "handout",
    "report_form": "report_form",
}
# The handout's QR codes add it to the addresses they carry.
QR_MARKER = ("via", "qr")


def page_type(request, match=None):
    if match is None:
        try:
            match = resolve(request.path_info)
        except Resolver404:
            return None
    return PAGE_TYPES.get(match.url_name)


class CountUsageMiddleware:
    """After the locale middleware: the language is the page's."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method == "GET" and request.GET.get(QR_MARKER[0]) == QR_MARKER[1]:
            page = page_type(request)
            if page:
                return self.qr_visit(request, page)
        response = self.get_response(request)
        if request.method == "GET" and response.status_code == 200 and request.resolver_match:
            page = page_type(request, request.resolver_match)
            if page:
                self.page_view(request, response, page)
                counter.maybe_flush()
        return response

    def qr_visit(self, request, page):
        """Counted, then sent on to the address without the marker: the page cache keeps one copy."""
        counter.count(DailyCount.Kind.QR_VISIT, page, request.LANGUAGE_CODE)
        query = request.GET.copy()
        del query[QR_MARKER[0]]
        target = request.path + (f"?{query.urlencode()}" if query else "")
        return HttpResponseRedirect(target)

    def page_view(self, request, response, page):
        language = request.LANGUAGE_CODE
        facts = getattr(response, "page_facts", None) or {}
        figures = [(DailyCount.Kind.PAGE_VIEW, page, language, "")]
        figures += [(DailyCount.Kind.TOWN_VIEW, page, language, town) for town in facts.get("towns", ())]
        if page == "offer_list" and request.GET.get("q", "").strip():
            figures.append((DailyCount.Kind.SEARCH, page, language, ""))
        # The search's own hook: a view sets page_facts["search_failed"] when nothing was found.
        if facts.get("search_failed"):
            figures.append((DailyCount.Kind.FAILED_SEARCH, page, language, ""))
        counter.count_each(figures)
