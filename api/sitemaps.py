"""/sitemap.xml: every public page in every language, each with its hreflang alternates."""

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from municipalities.models import Municipality
from offers.models import Category, Offer, Provider
from pages.models import InfoPage


class PortalSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True
    # A sitemap file holds at most 50,000 addresses; each entry here stands for one per language.
    limit = 50_000 // len(settings.LANGUAGES)


class Fixed(PortalSitemap):
    def items(self):
        return ["home", "offer_list", "glossary"]

    def location(self, name):
        return reverse(name)


class Offers(PortalSitemap):
    def items(self):
        return Offer.objects.published().only("pk", "slug", "updated").order_by("pk")

    def lastmod(self, offer):
        return offer.updated


class Providers(PortalSitemap):
    def items(self):
        return Provider.objects.only("slug").order_by("pk")


class Categories(PortalSitemap):
    def items(self):
        return Category.objects.only("slug").order_by("pk")


class Towns(PortalSitemap):
    def items(self):
        return Municipality.objects.only("slug").order_by("pk")

    def location(self, town):
        return reverse("municipality_detail", args=[town.slug])


class InfoPages(PortalSitemap):
    def items(self):
        return InfoPage.objects.order_by("pk")


SITEMAPS = {
    "pages": Fixed,
    "offers": Offers,
    "providers": Providers,
    "categories": Categories,
    "towns": Towns,
    "info": InfoPages,
}
