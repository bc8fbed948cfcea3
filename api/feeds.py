"""Atom feeds of new and changed offers: all of them, per town and per category, in each language."""

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from municipalities.models import Municipality
from offers.models import Category, Offer
from portal.i18n import is_fallback

# The newest changes; older ones are in the API (modified_after).
ITEMS = 50


class MarkedGerman:
    """The feed writer of one entry, adding xml:lang="de" to the elements that show German in place of a translation."""

    def __init__(self, handler, elements):
        self.handler = handler
        self.elements = elements

    def addQuickElement(self, name, contents=None, attrs=None):
        if name in self.elements:
            attrs = {**(attrs or {}), "xml:lang": "de"}
        self.handler.addQuickElement(name, contents, attrs)

    def __getattr__(self, name):
        return getattr(self.handler, name)


class LanguageMarkedAtomFeed(Atom1Feed):
    """Atom whose untranslated titles and summaries say they are German, as the pages' lang="de" does."""

    def add_item_elements(self, handler, item):
        super().add_item_elements(MarkedGerman(handler, item["german"]), item)


class OfferFeed(Feed):
    feed_type = LanguageMarkedAtomFeed

    def item_extra_kwargs(self, offer):
        # The Atom elements <title> and <summary> hold the fields of the same names.
        return {"german": {field for field in ("title", "summary") if is_fallback(offer, field)}}

    def offers(self, obj):
        return Offer.objects.published()

    def items(self, obj):
        return self.offers(obj).select_related("provider").order_by("-updated", "-pk")[:ITEMS]

    def item_title(self, offer):
        return offer.title

    def item_description(self, offer):
        return offer.summary

    def item_link(self, offer):
        return offer.get_absolute_url()

    def item_guid(self, offer):
        return f"urn:uuid:{offer.uuid}"

    item_guid_is_permalink = False

    def item_pubdate(self, offer):
        return offer.created

    def item_updateddate(self, offer):
        return offer.updated

    def item_author_name(self, offer):
        return offer.provider.name

    def feed_copyright(self, obj):
        from django.conf import settings

        return settings.DATA_LICENCE["name"]


class AllOffersFeed(OfferFeed):
    def title(self, obj):
        return _("Neue und geänderte Angebote – Wel-KOMM-In Kreis Unna")

    def link(self, obj):
        return reverse("offer_list")

    def subtitle(self, obj):
        return _(
            "Integrationskurse, Beratung und Hilfe für Zugewanderte in den zehn Städten und Gemeinden des Kreises Unna."
        )


class TownFeed(OfferFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Municipality, slug=slug)

    def offers(self, town):
        return Offer.objects.published().in_municipality(town)

    def title(self, town):
        return _("Neue und geänderte Angebote in %(town)s") % {"town": town.name}

    def link(self, town):
        return reverse("municipality_detail", args=[town.slug])


class CategoryFeed(OfferFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Category, slug=slug)

    def offers(self, category):
        return Offer.objects.published().filter(category=category)

    def title(self, category):
        return _("Neue und geänderte Angebote: %(category)s") % {"category": category.name}

    def link(self, category):
        return reverse("category_detail", args=[category.slug])
