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
    """The offers a page shows as cards, prepared together on the first card: one cache read, one batch of prefetches."""

    def __init__(self, *offer_lists):
        self.offers = [offer for offers in offer_lists for offer in offers]
        self.bodies = None

    def body(self, offer, own, render):
        """`render(offer)`'s HTML, from the kept cards unless `own` (the visitor's own view of every card)."""
        if self.bodies is None:
            self.bodies = self.prepare(own, render)
        return self.bodies[offer.pk]

    def prepare(self, own, render):
        # A release may render cards differently: its static files' hash is in the name, as for pages.
        prefix = f"{cache.static_release()}:{get_language()}:{hours.time_slot()}"
        shared = {} if own else {f"{prefix}:{offer.pk}": offer for offer in self.offers if not is_own(offer)}
        unshared = [offer for offer in self.offers if own or is_own(offer)]
        loaded = []

        def render_missing(names):
            load([shared[name] for name in names] + unshared)
            loaded.append(True)
            return {name: render(shared[name]) for name in names}

        kept = each_until_changed("card", list(shared), render_missing, cache.PAGE_TIMEOUT) if shared else {}
        if unshared and not loaded:
            load(unshared)
        bodies = {shared[name].pk: html for name, html in kept.items()}
        bodies.update((offer.pk, render(offer)) for offer in unshared)
        return bodies


def is_own(offer):
    """A card with the distance from the visitor's postal code is theirs alone."""
    return getattr(offer, "distance_km", None) is not None


def load(offers):
    prefetch_related_objects(offers, *Offer.objects.card_prefetches())
