"""The offer cards of the list, town, category and provider pages, kept per offer and reused by every page that shows them.

A card is kept per offer, language, catalogue version and time slot (`hours.time_slot()`: the date
and the hour boundaries passed today, as for the page cache), so what it says about the time (open
now, the next walk-in hour, runs that are over, places figures that aged) is right at the minute
it is shown, while a district-wide offer on every town's list is rendered once. Only the offers
whose card is not kept load their places, runs and hours (`Offer.objects.card_prefetches()`: one
batch for the page). Cards that are the visitor's own are not kept: the caseworker's compact view
(its contact lines) and a list sorted by distance (each card's distance). The handout button is
added per request (it says whether the offer is in the visitor's selection); the offer's title it
names is kept with the card. A list page's results are ids: the rows of its offers are read only
for the cards not kept, so a page whose cards are all kept reads no offer at all.
"""

from html import escape

from django.db.models import prefetch_related_objects
from django.utils.translation import get_language

from portal import i18n
from portal.catalogue import each_until_changed

from . import cache, hours
from .models import Offer


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


def load(cards):
    """The places, runs and hours of the cards' offers: one batch per run filter (a page has one, and its fallback none)."""
    by_filter = {}
    for offer, matching in cards:
        by_filter.setdefault(tuple(sorted(matching.items())), []).append(offer)
    for matching, offers in by_filter.items():
        prefetch_related_objects(offers, *Offer.objects.card_prefetches(dict(matching)))
