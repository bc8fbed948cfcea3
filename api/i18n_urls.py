from django.urls import path

from offers.cache import cached_for_visitors

from . import feeds, open_data

# Inside the language prefix: people's pages and the feeds are in one language each.
urlpatterns = [
    path("embed/offers/", open_data.offer_embed, name="offer_embed"),
    # Kept per catalogue version and language, like the pages they follow.
    path("feeds/offers/", cached_for_visitors(feeds.AllOffersFeed()), name="feed_offers"),
    path("feeds/towns/<slug:slug>/", cached_for_visitors(feeds.TownFeed()), name="feed_town"),
    path("feeds/categories/<slug:slug>/", cached_for_visitors(feeds.CategoryFeed()), name="feed_category"),
]
