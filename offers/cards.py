"""The offer cards of the list, town, category and provider pages, kept per offer and reused by every page that shows them.

A card is kept per offer, language, catalogue version and time slot (`hours.time_slot()`: the date
and the hour boundaries passed today, as for the page cache), so what it says about the time (open
now, the next walk-in hour, runs that are over, places figures that aged) is right at the minute
it is shown, while a district-wide offer on every town's list is rendered once. Only the offers
whose card is not kept load their places, runs and hours (`Offer.objects.card_prefetches()`: one
batch for the page). Cards that are the visitor's own are not kept: the caseworker's compact view
(its contact lines) and a list sorted by distance (each card's distance). The handout button is
added per request (it says whether the offer is in the visitor's selection).
"""

from django.db.models import prefetch_related_objects
from django.utils.translation import get_language

from portal.catalogue import each_until_changed

from . import cache, hours
from .models import Offer


class CardSet:
    """The offers a page shows as cards, prepared together on the first card: one cache read, one batch of prefetches.

    `matching`: the run filters of the first list (keywords of CourseRunQuerySet.matching, as
    `OfferFilter.run_filters()` gives them): its cards show the run that matched, so they are kept
    apart from the cards of unfiltered lists. Further lists (the zero-hit page's counselling) are unfiltered.
    """

    def __init__(self, *offer_lists, matching=None):
        first, *others = offer_lists or ((),)
        self.cards = [(offer, matching or {}) for offer in first]
        self.cards += [(offer, {}) for offers in others for offer in offers]
        self.bodies = None

    def body(self, offer, own, render):
        """`render(offer)`'s HTML, from the kept cards unless `own` (the visitor's own view of every card)."""
        if self.bodies is None:
            self.bodies = self.prepare(own, render)
        return self.bodies[offer.pk]

    def prepare(self, own, render):
        # A release may render cards differently: its static files' hash is in the name, as for pages.
        prefix = f"{cache.static_release()}:{get_language()}:{hours.time_slot()}"
        shared = {} if own else {name(prefix, *card): card for card in self.cards if not is_own(card[0])}
        unshared = [card for card in self.cards if own or is_own(card[0])]
        loaded = []

        def render_missing(names):
            load([shared[name] for name in names] + unshared)
            loaded.append(True)
            return {name: render(shared[name][0]) for name in names}

        kept = each_until_changed("card", list(shared), render_missing, cache.PAGE_TIMEOUT) if shared else {}
        if unshared and not loaded:
            load(unshared)
        bodies = {shared[name][0].pk: html for name, html in kept.items()}
        bodies.update((offer.pk, render(offer)) for offer, _matching in unshared)
        return bodies


def name(prefix, offer, matching):
    """A kept card's name: under run filters, the card of that filter (it shows the run that matched)."""
    filters = "".join(f"{key}={value};" for key, value in sorted(matching.items()))
    return f"{prefix}:{filters}{offer.pk}"


def is_own(offer):
    """A card with the distance from the visitor's postal code is theirs alone."""
    return getattr(offer, "distance_km", None) is not None


def load(cards):
    """The places, runs and hours of the cards' offers: one batch per run filter (a page has one, and its fallback none)."""
    by_filter = {}
    for offer, matching in cards:
        by_filter.setdefault(tuple(sorted(matching.items())), []).append(offer)
    for matching, offers in by_filter.items():
        prefetch_related_objects(offers, *Offer.objects.card_prefetches(dict(matching)))
