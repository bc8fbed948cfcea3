"""The offer cards of the list, town, category and provider pages, kept per offer and reused by every page that shows them.

A card is kept per offer, language, catalogue version and time slot (`hours.time_slot()`: the date
and the hour boundaries passed today, as for the page cache), so what it says about the time (open
now, the next walk-in hour, runs that are over, places figures that aged) is right at the minute
it is shown, while a district-wide offer on every town's list is rendered once. Only the offers
whose card is not kept load their places, runs and hours (`load()`: one
batch for the page). Cards that are the visitor's own are not kept: the caseworker's compact view
(its contact lines) and a list sorted by distance (each card's distance). The handout button is
added per request (it says whether the offer is in the visitor's selection); the offer's title it
names is kept with the card. A list page's results are ids: the rows of its offers are read only
for the cards not kept, so a page whose cards are all kept reads no offer at all.
"""

from html import escape

from django.conf import settings
from django.db.models import Q
from django.utils.translation import get_language
from modeltranslation.utils import get_language as current_language

from portal import i18n
from portal.catalogue import each_until_changed, kept_in_process

from . import cache, hours
from .models import Closure, CourseRun, Location, Offer, WeeklyHours


class CardSet:
    """The offers a page shows as cards, prepared together on the first card: one cache read, one batch of prefetches.

    Each list holds offers, or their ids (the list page's results): the rows of offers given by id
    are read, as published offers, only if their card is not kept; an offer that left the site since
    has no card. `matching`: the run filters of the first list (keywords of CourseRunQuerySet.matching,
    as `OfferFilter.run_filters()` gives them): its cards show the run that matched, so they are kept
    apart from the cards of unfiltered lists. Further lists (the zero-hit page's counselling) are unfiltered.
    """

    def __init__(self, *offer_lists, matching=None):
        first, *others = offer_lists or ((),)
        self.cards = [(offer, matching or {}) for offer in first]
        self.cards += [(offer, {}) for offers in others for offer in offers]
        self.prepared = None

    def card(self, offer, own, render):
        """(body, title) of `offer` (an offer or its id): `render(offer)`'s HTML and the title's, for its handout button.

        From the kept cards unless `own` (the visitor's own view of every card); None if the offer left the site.
        """
        if self.prepared is None:
            self.prepared = self.prepare(own, render)
        return self.prepared.get(pk_of(offer))

    def prepare(self, own, render):
        # A release may render cards differently: its static files' hash is in the name, as for pages.
        prefix = f"{cache.static_release()}:{get_language()}:{hours.time_slot()}"
        shared = {} if own else {name(prefix, *card): card for card in self.cards if not is_own(card[0])}
        unshared = with_rows([card for card in self.cards if own or is_own(card[0])])
        loaded = []

        def render_missing(names):
            cards = with_rows([shared[name] for name in names])
            load(cards + unshared)
            loaded.append(True)
            rows = {offer.pk: offer for offer, _matching in cards}
            return {name: prepared(rows[pk], render) for name in names if (pk := pk_of(shared[name][0])) in rows}

        # (body, title) pairs, named apart from the bodies alone that the release before kept in a shared cache.
        kept = each_until_changed("card-and-title", list(shared), render_missing, cache.PAGE_TIMEOUT) if shared else {}
        if unshared and not loaded:
            load(unshared)
        cards = {pk_of(shared[name][0]): card for name, card in kept.items()}
        cards.update((offer.pk, prepared(offer, render)) for offer, _matching in unshared)
        return cards


def pk_of(offer):
    return offer if isinstance(offer, int) else offer.pk


def prepared(offer, render):
    """What is kept of a card: its body, and its title for the handout button (the visitor's own, added per request)."""
    return render(offer), title_html(offer)


def title_html(offer):
    """The offer's title as its handout button names it."""
    return f"<span{i18n.fallback_lang(offer, 'title')}>{escape(offer.title)}</span>"


def published_rows(entries):
    """The offers of `entries` in order: offers as they are, ids read as published offers' card rows in one
    query; an id whose offer left the site is left out."""
    ids = [entry for entry in entries if isinstance(entry, int)]
    rows = Offer.objects.published().for_cards().in_bulk(ids) if ids else {}
    return [
        rows[entry] if isinstance(entry, int) else entry
        for entry in entries
        if not isinstance(entry, int) or entry in rows
    ]


def with_rows(cards):
    """The cards with an offer row for each one given by id (see published_rows)."""
    rows = {offer.pk: offer for offer in published_rows([offer for offer, _matching in cards])}
    return [(rows[pk_of(offer)], matching) for offer, matching in cards if pk_of(offer) in rows]


def name(prefix, offer, matching):
    """A kept card's name: under run filters, the card of that filter (it shows the run that matched)."""
    filters = "".join(f"{key}={value};" for key, value in sorted(matching.items()))
    return f"{prefix}:{filters}{pk_of(offer)}"


def is_own(offer):
    """A card with the distance from the visitor's postal code is theirs alone."""
    return getattr(offer, "distance_km", None) is not None


# What each relation a card reads is set to: its rows in an empty queryset (see prefetched).
EMPTY = {
    "locations": Location.objects.none(),
    "weekly_hours": WeeklyHours.objects.none(),
    "closures": Closure.objects.none(),
}


def load(cards):
    """The places, runs and hours of the cards' offers (those not loaded yet, see load_facts): the places
    and hours once for all, the runs once per run filter (a page has one, and its fallback none)."""
    by_filter = {}
    for offer, matching in cards:
        if not hasattr(offer, "upcoming_runs"):
            by_filter.setdefault(tuple(sorted(matching.items())), []).append(offer)
    load_places_and_hours([offer for offers in by_filter.values() for offer in offers])
    for matching, offers in by_filter.items():
        load_runs(offers, dict(matching))


def load_facts(offers, matching):
    """What the cards of `offers` show beside the offer's row, under the list's run filters `matching`."""
    load([(offer, matching) for offer in offers])


def load_places_and_hours(offers):
    """Each offer's places (with their towns and coordinates: a list "near" a postal code), and the weekly
    hours and the closures not over of the offers and their places: three queries, two where none of
    them has a closure not over.

    What prefetch_related would read in five, with a queryset filtered per offer and place (half of
    a cold list's card time): the hours and closures of offers and places are rows of one table each.
    Closures are few: what they close is kept per process, catalogue version and day, so a page of
    offers that no closure concerns asks nothing about closures.
    """
    if not offers:
        return
    ids = [offer.pk for offer in offers]
    links = (
        Offer.locations.through.objects.filter(offer_id__in=ids)
        .select_related("location__municipality")
        .only(
            "offer_id",
            *(
                f"location__{name}"
                for name in ("street", "postal_code", "latitude", "longitude", "closed_on_public_holidays")
            ),
            *(f"location__municipality__{name}" for name in ("name", "latitude", "longitude")),
        )
        .order_by(*(f"location__{name}" for name in Location._meta.ordering), "pk")
    )
    links = list(links)
    places = {}
    for link in links:
        places.setdefault(link.offer_id, []).append(link.location)
    held = Q(offer_id__in=ids) | Q(location_id__in={link.location_id for link in links})
    hours_of = by_holder(WeeklyHours.objects.filter(held))
    today = hours.local_now().date()
    closed = kept_in_process(f"closure-holders:{today}", Closure.objects.ending_from(today).holders)
    page = {("offer", pk) for pk in ids} | {("location", link.location_id) for link in links}
    closures_of = by_holder(Closure.objects.ending_from(today).filter(held)) if closed & page else {}
    for place in (link.location for link in links):
        prefetched(place, "weekly_hours", hours_of.get(("location", place.pk), []))
        prefetched(place, "closures", closures_of.get(("location", place.pk), []))
    for offer in offers:
        prefetched(offer, "locations", places.get(offer.pk, []))
        prefetched(offer, "weekly_hours", hours_of.get(("offer", offer.pk), []))
        prefetched(offer, "closures", closures_of.get(("offer", offer.pk), []))


def load_runs(offers, matching):
    """Each offer's runs not over, in order, as `offer.upcoming_runs` (Offer.next_runs): under run filters,
    those that match (the card shows the run that matched). Only what a card says of a run: when and
    whether there is room, not its place nor its class times."""
    shown = {settings.LANGUAGE_CODE, current_language()}
    runs = CourseRun.objects.matching(**matching) if matching else CourseRun.objects.upcoming()
    runs = runs.filter(offer_id__in=[offer.pk for offer in offers]).in_order()
    fields = ["start_date", "end_date", "rolling_entry", "is_cancelled", "max_places", "free_places"]
    fields += ["places_reported_on", "has_waiting_list", *(f"note_{code}" for code in shown)]
    of_offer = {}
    for run in runs.only("offer_id", *fields):
        of_offer.setdefault(run.offer_id, []).append(run)
    for offer in offers:
        offer.upcoming_runs = of_offer.get(offer.pk, [])


def by_holder(rows):
    """{("offer" or "location", id): rows} of hours or closures, each an offer's own or a place's."""
    held = {}
    for row in rows:
        holder = ("offer", row.offer_id) if row.offer_id else ("location", row.location_id)
        held.setdefault(holder, []).append(row)
    return held


def prefetched(instance, relation, rows):
    """`instance.<relation>.all()` gives `rows` without a query, as prefetch_related leaves it (Django's
    own way: a queryset with its results in place), one copy of an empty queryset instead of one filtered per
    row: filtered further, it finds nothing, where prefetch_related's would query that row's relation."""
    empty = EMPTY[relation]
    queryset = object.__new__(type(empty))
    queryset.__dict__.update(empty.__dict__)  # a shallow copy (copy.copy() would run the query)
    queryset._result_cache = rows
    instance.__dict__.setdefault("_prefetched_objects_cache", {})[relation] = queryset
