from django.urls import path

from . import feeds, open_data

# Inside the language prefix: people's pages and the feeds are in one language each.
urlpatterns = [
    path("embed/offers/", open_data.offer_embed, name="offer_embed"),
    path("feeds/offers/", feeds.AllOffersFeed(), name="feed_offers"),
    path("feeds/towns/<slug:slug>/", feeds.TownFeed(), name="feed_town"),
    path("feeds/categories/<slug:slug>/", feeds.CategoryFeed(), name="feed_category"),
]
