from django.core.paginator import Page, Paginator
from django.db import models
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.functional import cached_property
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from municipalities.models import Centre, Municipality

from . import cache, calendar, distance, failed_searches, hours
from .cards import CardSet, load_facts, published_rows
from .filters import MAX_QUERY_LENGTH, OfferFilter
from .models import Category, CourseRun, Location, Offer, Provider, column, hours_prefetches
from .search import suggestion

PAGE_SIZE = 20
MAX_COUNT = 1000
# Offers per category on a town's page.
OFFERS_PER_CATEGORY = 5
# Fewer results than this in a town: the list offers the nearest other towns.
FEW_RESULTS = 5
# Counselling offers shown when nothing matches.
FALLBACK_OFFERS = 6


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

    @property
    def more_than(self):
        """MAX_COUNT when the count passed it (the page says "more than 1000"), else None."""
        return MAX_COUNT if self.count > MAX_COUNT else None


class RankedPaginator(CappedPaginator):
    """Finds the matches first, then orders: `order(candidates=ids)` when more than MAX_COUNT match
    (the ids the count found), `first` the rows up to this page's end (see OfferFilter.ordered).

    Every list counts its matches in key order, ranked or not: from the index of published ids with
    the columns a town's or a category's list filters on (offers_offer_published_ids), a plan that
    stops at the limit at any size. Counted as the planner chose instead, a town's list read all
    published offers' bitmap first: 4 ms at 50,000 offers, 56 ms at 500,000.
    """

    def __init__(self, order, object_list, per_page, categories=(), named=None):
        super().__init__(object_list, per_page)
        self.order = order
        self.categories = categories
        self.named = named

    @cached_property
    def matches(self):
        """The ids of at most MAX_COUNT + 1 matches, the cheapest to find (those of `categories` first):
        counting them reads the same rows, and a broad search ranks these instead of reading them again."""
        return self.object_list.some_ids(MAX_COUNT + 1, self.categories, self.named)

    @cached_property
    def count(self):
        return len(self.matches)

    def page(self, number):
        number = self.validate_number(number)
        candidates = self.matches[:MAX_COUNT] if self.count > MAX_COUNT else None
        self.object_list = self.order(candidates=candidates, first=number * self.per_page)
        return super().page(number)


def pages_of(count):
    """The pages over a (capped) count of offers: at most MAX_COUNT of them can be paged through."""
    return Paginator(range(min(count, MAX_COUNT)), PAGE_SIZE)


def paginate(request, queryset):
    # get_page() turns page=abc into 1 and page=99999 into the last page.
    return CappedPaginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))


@cache.cached_for_visitors
def offer_list(request):
    context = offer_list_context(request)
    town = context["filterset"].form.cleaned_data.get("municipality")
    response = about_towns(render(request, "offers/offer_list.html", context), [town] if town else [])
    if context["searched"]:  # counted by cache.cached_for_visitors, from the page cache too
        response.page_facts["search"] = context["searched"]
        response.page_facts["search_failed"] = context["searched"][2] < failed_searches.FEW
    return response


def offer_list_context(request):
    """The list's filter form, page of offers and chips for `request`'s URL contract (also the embedded list's)."""
    filterset = OfferFilter(request.GET, queryset=Offer.objects.published(), request=request)
    filterset.is_valid()  # the chips and the empty state read the cleaned values, cached results or not

    near = filterset.form.cleaned_data.get("near")  # a postal code's Centre: nearest first
    runs = filterset.run_filters()  # under starts_within or places, a card shows the run that matched

    def compute():
        if near:  # only ids, nearest first; the page's cards come by id below
            page = CappedPaginator(filterset.qs, PAGE_SIZE).get_page(request.GET.get("page"))
            first = min(page.number * PAGE_SIZE, page.paginator.count)
            ids = distance.nearest_first(filterset.qs, near, first)
            return ids[(page.number - 1) * PAGE_SIZE :], page.paginator.count, page.number
        paginator = RankedPaginator(
            lambda candidates, first: filterset.ordered(candidates, first).values_list("pk", flat=True),
            filterset.qs,
            PAGE_SIZE,
            filterset.named_categories(),
            filterset.named_offers(),
        )
        page = paginator.get_page(request.GET.get("page"))
        return column(page.object_list), page.paginator.count, page.number

    # Only ids: the cards are kept (offers/cards.py), and only those not kept read their offer's row.
    ids, count, number = cache.list_results(get_language(), request.GET, compute)
    if near:  # each card's distance from the postal code needs the offer's places: the visitor's own cards
        ids = published_rows(ids)
        load_facts(ids, runs)
    page = Page(ids, number, pages_of(count))
    context = {
        "searched": (get_language(), filterset.form.cleaned_data["q"], count) if filterset.query else None,
        "filterset": filterset,
        "page": page,
        "active_filters": filterset.active_filters(),
        "more_than": MAX_COUNT if count > MAX_COUNT else None,
    }
    if near:
        for offer in page.object_list:
            offer.distance_km = distance.place_km(offer, near)
    town = filterset.form.cleaned_data.get("municipality")
    if town and page.paginator.count < FEW_RESULTS:
        context["nearby_towns"] = nearby_towns(filterset, town, near)
    if not page.paginator.count:
        context["fallback_offers"] = fallback_offers(filterset)
        if filterset.query:
            context["suggestion"] = suggestion(filterset.form.cleaned_data["q"][:MAX_QUERY_LENGTH])
    context["cards"] = CardSet(page.object_list, context.get("fallback_offers", ()), matching=runs)
    return context


def about_towns(response, towns):
    """Names the towns the page is about for the usage figures (see cache.PAGE_FACTS)."""
    response.page_facts = {"towns": [town.slug for town in towns]}
    return response


def nearby_towns(filterset, town, near):
    """Few results in `town`: links to the same search in the nearest other towns, with their distance."""
    if near is None and town.latitude is None:
        return []
    centre = near or Centre(town.slug, float(town.latitude), float(town.longitude))
    links = []
    for name, slug, km in distance.nearest_towns(town, centre):
        query = filterset.data.copy()
        query["municipality"] = slug
        query.pop("page", None)
        links.append({"name": name, "km": km, "query": query.urlencode()})
    return links


def fallback_offers(filterset):
    """When nothing matches: the counselling that helps anyone, near the chosen town."""
    offers = Offer.objects.published()
    town = filterset.form.cleaned_data.get("municipality") or filterset.town_from_query
    if town:
        offers = offers.in_municipality(town)
    # The categories the form has read anyway: each one's first offers come from its own title index.
    counselling = [
        row.pk for row in filterset.form.fields["category"].rows if row.slug in Category.COUNSELLING_FOR_EVERYONE
    ]
    return offers.first_by_title(counselling, FALLBACK_OFFERS).for_cards().order_by_title()[:FALLBACK_OFFERS]


@cache.cached_for_visitors
def offer_detail(request, pk, slug=None):
    offer = get_object_or_404(
        Offer.objects.published()
        .select_related("category", "provider", "whole_district", "course")
        .prefetch_related(located_with_hours(), "target_groups", *hours_prefetches(), Offer.objects.upcoming_runs())
        .with_run_facts(),
        pk=pk,
    )
    if slug != offer.slug:
        return redirect(offer, permanent=True)
    return about_towns(render(request, "offers/offer_detail.html", {"offer": offer}), offer.municipalities())


@cache.cached_for_visitors
def provider_detail(request, slug):
    provider = get_object_or_404(Provider, slug=slug)
    page = paginate(request, provider.offers.published().for_cards().order_by_title())
    return render(request, "offers/provider_detail.html", {"provider": provider, "page": page, "cards": CardSet(page)})


@cache.cached_for_visitors
def category_detail(request, slug):
    category = get_object_or_404(Category, slug=slug)
    page = paginate(request, category.offers.published().for_cards().order_by_title())
    return render(request, "offers/category_detail.html", {"category": category, "page": page, "cards": CardSet(page)})


@cache.cached_for_visitors
def municipality_detail(request, slug):
    town = get_object_or_404(Municipality.objects.select_related("district"), slug=slug)
    offers = Offer.objects.published().in_municipality(town)
    categories = [category for category in offers.per_category(OFFERS_PER_CATEGORY, MAX_COUNT) if category.count]
    cards = offers.for_cards().in_bulk([pk for category in categories for pk in category.first_ids])
    groups = [
        {
            "category": category,
            "count": category.count,
            "more_than": MAX_COUNT if category.count > MAX_COUNT else None,
            "offers": [cards[pk] for pk in category.first_ids if pk in cards],
        }
        for category in categories
    ]
    return about_towns(
        render(
            request,
            "municipalities/municipality_detail.html",
            {"town": town, "groups": groups, "cards": CardSet(cards.values())},
        ),
        [town],
    )


def located_with_hours():
    return models.Prefetch(
        "locations", Location.objects.select_related("municipality").prefetch_related(*hours_prefetches())
    )


def ics_response(events, filename, name=""):
    """A calendar file of `events`, downloaded under `filename`."""
    response = HttpResponse(calendar.calendar_of(events, name).to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def offer_walk_in_ics(request, pk):
    """The offer's walk-in hours as a calendar file: computed per request, it is right at any minute."""
    offer = get_object_or_404(
        Offer.objects.published().prefetch_related(located_with_hours(), *hours_prefetches()), pk=pk
    )
    events = calendar.offer_walk_in_events(
        offer, request.build_absolute_uri(offer.get_absolute_url()), host=request.get_host()
    )
    if not events:
        raise Http404
    return ics_response(events, f"sprechstunde-{offer.pk}.ics", offer.title)


def location_walk_in_ics(request, pk):
    """A location's walk-in hours; only locations where a published offer is held are public."""
    location = get_object_or_404(
        Location.objects.filter(offers__in=Offer.objects.published())
        .distinct()
        .select_related("municipality")
        .prefetch_related(*hours_prefetches()),
        pk=pk,
    )
    summary = _("Offene Sprechstunde: %(title)s") % {"title": location.name}
    events = calendar.walk_in_events(
        hours.schedule_of_location(location), summary, calendar.address_of(location), host=request.get_host()
    )
    if not events:
        raise Http404
    return ics_response(events, f"sprechstunde-ort-{location.pk}.ics", location.name)


def run_ics(request, pk):
    """ "In den Kalender übernehmen": one run of a published offer as an .ics file."""
    run = get_object_or_404(
        CourseRun.objects.upcoming().select_related("offer", "location__municipality"),
        pk=pk,
        offer__in=Offer.objects.published(),
    )
    url = request.build_absolute_uri(run.offer.get_absolute_url())
    events = calendar.run_events(run, get_language(), request.get_host(), url)
    if not events:
        raise Http404
    return ics_response(events, f"termin-{run.pk}.ics")


def staff_feed(request, kind, slug, token):
    """A subscribable feed of the runs and walk-in hours of one provider or one town, for staff (the address holds a secret)."""
    if kind not in ("provider", "town") or not calendar.feed_token_is_valid(kind, slug, token):
        raise Http404
    if kind == "provider":
        owner = get_object_or_404(Provider, slug=slug)
        offers = Offer.objects.published().filter(provider=owner)
    else:
        owner = get_object_or_404(Municipality, slug=slug)
        offers = Offer.objects.published().in_municipality(owner)
    runs = (
        CourseRun.objects.upcoming()
        .filter(offer__in=offers)
        .select_related("offer", "location__municipality")
        .prefetch_related("location__closures")
    )
    host = request.get_host()
    events = [
        event
        for run in runs.in_order()
        for event in calendar.run_events(
            run, get_language(), host, request.build_absolute_uri(run.offer.get_absolute_url())
        )
    ]
    for offer in offers.prefetch_related(located_with_hours(), *hours_prefetches()):
        events += calendar.offer_walk_in_events(offer, request.build_absolute_uri(offer.get_absolute_url()), host=host)
    return ics_response(events, f"{kind}-{slug}.ics", f"Wel-KOMM-In: {owner}")
