from django.core.paginator import Page, Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.functional import cached_property
from django.utils.translation import get_language

from municipalities.models import Municipality

from . import cache, calendar
from .filters import OfferFilter
from .models import Category, CourseRun, Offer, Provider

PAGE_SIZE = 20
MAX_COUNT = 1000
# Offers per category on a town's page.
OFFERS_PER_CATEGORY = 5


class CappedPaginator(Paginator):
    """Counts the offer list no further than MAX_COUNT (50 pages).

    An exact count of a broad search reads every matching row, and nobody pages
    through more than a thousand offers: the list says "more than 1000" instead.
    """

    @cached_property
    def count(self):
        """At most MAX_COUNT + 1: one more than the limit says there are more."""
        return self.object_list.order_by()[: MAX_COUNT + 1].count()

    @cached_property
    def num_pages(self):
        return pages_of(self.count).num_pages


def pages_of(count):
    """The pages over a (capped) count of offers: at most MAX_COUNT of them can be paged through."""
    return Paginator(range(min(count, MAX_COUNT)), PAGE_SIZE)


def paginate(request, queryset):
    # get_page() turns page=abc into 1 and page=99999 into the last page.
    return Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))


@cache.cached_for_visitors
def offer_list(request):
    filterset = OfferFilter(request.GET, queryset=Offer.objects.published(), request=request)
    filterset.is_valid()  # the chips and the empty state read the cleaned values, cached results or not

    computed = {}

    def compute():
        page = CappedPaginator(filterset.ordered().for_cards(), PAGE_SIZE).get_page(request.GET.get("page"))
        computed.update((offer.pk, offer) for offer in page.object_list)
        return list(computed), page.paginator.count, page.number

    ids, count, number = cache.list_results(get_language(), request.GET, compute)
    # Computed just now, the page's offers came with their count; from the cache, only their ids,
    # which may name an offer that left the site since without a save (its visible-until date passed).
    offers = computed or Offer.objects.published().for_cards().in_bulk(ids)
    page = Page([offers[pk] for pk in ids if pk in offers], number, pages_of(count))
    context = {
        "filterset": filterset,
        "page": page,
        "active_filters": filterset.active_filters(),
        "more_than": MAX_COUNT if count > MAX_COUNT else None,
    }
    if not page.paginator.count:
        context["fallback_offers"] = fallback_offers(filterset)
    return render(request, "offers/offer_list.html", context)


def fallback_offers(filterset):
    """When nothing matches: the counselling that helps anyone, near the chosen town."""
    offers = Offer.objects.published().counselling_for_everyone()
    town = filterset.form.cleaned_data.get("municipality")
    if town:
        offers = offers.in_municipality(town)
    return offers.for_cards().order_by_title()[:6]


@cache.cached_for_visitors
def offer_detail(request, pk, slug=None):
    offer = get_object_or_404(
        Offer.objects.published()
        .select_related("category", "provider", "whole_district", "course")
        .prefetch_related("locations__municipality", "target_groups", Offer.objects.upcoming_runs())
        .with_run_facts(),
        pk=pk,
    )
    if slug != offer.slug:
        return redirect(offer, permanent=True)
    return render(request, "offers/offer_detail.html", {"offer": offer})


@cache.cached_for_visitors
def provider_detail(request, slug):
    provider = get_object_or_404(Provider, slug=slug)
    page = paginate(request, provider.offers.published().for_cards().order_by_title())
    return render(request, "offers/provider_detail.html", {"provider": provider, "page": page})


@cache.cached_for_visitors
def category_detail(request, slug):
    category = get_object_or_404(Category, slug=slug)
    page = paginate(request, category.offers.published().for_cards().order_by_title())
    return render(request, "offers/category_detail.html", {"category": category, "page": page})


@cache.cached_for_visitors
def municipality_detail(request, slug):
    town = get_object_or_404(Municipality.objects.select_related("district"), slug=slug)
    offers = Offer.objects.published().in_municipality(town)
    counts = offers.count_per_category()
    shown = list(offers.for_cards().first_per_category(OFFERS_PER_CATEGORY))
    groups = [
        {
            "category": category,
            "count": counts[category.pk],
            "offers": [o for o in shown if o.category_id == category.pk],
        }
        for category in Category.objects.all()
        if counts.get(category.pk)
    ]
    return render(request, "municipalities/municipality_detail.html", {"town": town, "groups": groups})


def ics_response(cal, filename):
    response = HttpResponse(cal.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def run_ics(request, pk):
    """ "In den Kalender übernehmen": one run of a published offer as an .ics file."""
    run = get_object_or_404(
        CourseRun.objects.upcoming().select_related("offer", "location__municipality"),
        pk=pk,
        offer__in=Offer.objects.published(),
    )
    events = calendar.run_events(run, get_language(), request.get_host())
    if not events:
        raise Http404
    return ics_response(calendar.calendar_of(events), f"termin-{run.pk}.ics")


def staff_feed(request, kind, slug, token):
    """A subscribable feed of the runs of one provider or one town, for staff (the address holds a secret)."""
    if kind not in ("provider", "town") or not calendar.feed_token_is_valid(kind, slug, token):
        raise Http404
    runs = CourseRun.objects.upcoming().filter(offer__in=Offer.objects.published())
    if kind == "provider":
        owner = get_object_or_404(Provider, slug=slug)
        runs = runs.filter(offer__provider=owner)
    else:
        owner = get_object_or_404(Municipality, slug=slug)
        runs = runs.filter(offer__in=Offer.objects.published().in_municipality(owner))
    runs = runs.select_related("offer", "location__municipality").in_order()
    events = [event for run in runs for event in calendar.run_events(run, get_language(), request.get_host())]
    return ics_response(calendar.calendar_of(events, name=f"Wel-KOMM-In: {owner}"), f"{kind}-{slug}.ics")
