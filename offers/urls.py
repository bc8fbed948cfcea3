from django.urls import path

from . import views

urlpatterns = [
    path("offers/", views.offer_list, name="offer_list"),
    path("offers/<int:pk>-<str:slug>/", views.offer_detail, name="offer_detail"),
    path("offers/<int:pk>/", views.offer_detail, name="offer_detail_short"),
    path("offers/<int:pk>/walk-in.ics", views.offer_walk_in_ics, name="offer_walk_in_ics"),
    path("locations/<int:pk>/walk-in.ics", views.location_walk_in_ics, name="location_walk_in_ics"),
    path("runs/<int:pk>.ics", views.run_ics, name="run_ics"),
    path("calendar/<str:kind>/<slug:slug>/<str:token>.ics", views.staff_feed, name="staff_feed"),
    path("providers/<slug:slug>/", views.provider_detail, name="provider_detail"),
    path("categories/<slug:slug>/", views.category_detail, name="category_detail"),
    # A town's page is its offers by category: it lives with the offers it lists.
    path("towns/<slug:slug>/", views.municipality_detail, name="municipality_detail"),
]
