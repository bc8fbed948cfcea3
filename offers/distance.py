"""Offers sorted by distance from a postal code's centre ("near=59423"), no PostGIS.

Offers are sorted in SQL by one ORM expression of plain arithmetic, the same on
PostgreSQL and SQLite, under one URL contract. An offer is as near as its nearest place; a
place without coordinates of its own counts at its town's centre; offers without places
(online, district-wide) come after the rest. Cards show the great-circle distance, computed
in Python from the places they have loaded anyway.
"""

import math

from django.db.models import CharField, Exists, ExpressionWrapper, F, FloatField, Min, OuterRef, Value
from django.db.models.functions import Cast, Coalesce

from municipalities.models import Municipality
from portal.catalogue import kept_in_process

from .models import Offer, shown_title

EARTH_RADIUS_KM = 6371.0088
# nearness() is in degrees of latitude, squared.
KM_PER_DEGREE = EARTH_RADIUS_KM * math.pi / 180
# Rounding of the stored coordinates must not push a place at a band's edge out of its box.
MARGIN_DEGREES = 1e-6
# The radii of the bands nearest_first() reads, widening until one holds the page.
BANDS_KM = (4, 16, 64)


def haversine_km(latitude, longitude, centre):
    """Kilometres between a point and `centre` (a municipalities.models.Centre)."""
    lat1, lon1, lat2, lon2 = map(math.radians, (float(latitude), float(longitude), centre.latitude, centre.longitude))
    a = math.sin((lat1 - lat2) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon1 - lon2) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def nearness(latitude, longitude, centre):
    """SQL: a number that grows with the distance from `centre`, cheap enough for every row of a list.

    The squared distance on a plane through the centre (equirectangular): two subtractions and
    multiplications per place, no trigonometry per row. Within NRW it orders places as the
    great-circle distance does (its error is far below a metre per kilometre); the cards show
    the exact distance (haversine_km).
    """
    lat, lon = (Cast(value, FloatField()) for value in (latitude, longitude))
    north = lat - Value(centre.latitude)
    east = (lon - Value(centre.longitude)) * Value(math.cos(math.radians(centre.latitude)))
    return north * north + east * east


def order_by_distance(offers, centre):
    """The whole result set nearest first (an offer at its nearest place); offers without places last; then by title."""
    nearest = Min(
        nearness(
            Coalesce("locations__latitude", "locations__municipality__latitude"),
            Coalesce("locations__longitude", "locations__municipality__longitude"),
            centre,
        )
    )
    # Grouped per offer, the title needs its type spelled out (each language's column has its own class).
    title = ExpressionWrapper(shown_title(), output_field=CharField())
    return offers.alias(nearness=nearest, shown_title=title).order_by(
        F("nearness").asc(nulls_last=True), "shown_title", "pk"
    )


def places_within(centre, km):
    """The offer's places (OuterRef "pk") inside the box around `centre` that holds the circle of `km`."""
    half_height = km / KM_PER_DEGREE + MARGIN_DEGREES
    half_width = km / KM_PER_DEGREE / math.cos(math.radians(centre.latitude)) + MARGIN_DEGREES
    places = Offer.locations.through.objects.filter(offer=OuterRef("pk")).alias(
        latitude=Coalesce("location__latitude", "location__municipality__latitude"),
        longitude=Coalesce("location__longitude", "location__municipality__longitude"),
    )
    return places.filter(
        latitude__range=(centre.latitude - half_height, centre.latitude + half_height),
        longitude__range=(centre.longitude - half_width, centre.longitude + half_width),
    )


def nearest_first(offers, centre, first):
    """The ids of the first `first` `offers` in order_by_distance's order.

    Read by distance bands: the offers with a place inside a box around the centre, the nearest
    of them kept if they lie within the box's half-width (anything outside the box is farther);
    the band widens until it holds `first` offers. A page near a town reads the offers held
    around it, not every offer of the catalogue.
    """
    if not first:
        return []
    for km in BANDS_KM:
        band = order_by_distance(offers.filter(Exists(places_within(centre, km))), centre)
        ids = list(band.filter(nearness__lte=(km / KM_PER_DEGREE) ** 2).values_list("pk", flat=True)[:first])
        if len(ids) == first:
            return ids
    return list(order_by_distance(offers, centre).values_list("pk", flat=True)[:first])


def place_km(offer, centre):
    """The offer's distance as its card shows it (its prefetched places), or None."""
    distances = [
        haversine_km(lat, lon, centre)
        for location in offer.locations.all()
        for lat, lon in [
            (location.latitude, location.longitude)
            if location.latitude is not None and location.longitude is not None
            else (location.municipality.latitude, location.municipality.longitude)
        ]
        if lat is not None and lon is not None
    ]
    return min(distances) if distances else None


def town_centres():
    """[(id, district id, name, slug, latitude, longitude)] of every town with a centre: one query per catalogue
    version in a process (396 short rows, as the filter's towns), not one per list page with few results."""

    def compute():
        return list(
            Municipality.objects.exclude(latitude=None)
            .exclude(longitude=None)
            .values_list("pk", "district_id", "name", "slug", "latitude", "longitude")
        )

    return kept_in_process("town-centres", compute)


def nearest_towns(town, centre, count=3):
    """The `count` towns of `town`'s district nearest to `centre`, other than `town`, as (name, slug, km)."""
    others = [
        (name, slug, haversine_km(lat, lon, centre))
        for pk, district, name, slug, lat, lon in town_centres()
        if pk != town.pk and district == town.district_id
    ]
    return sorted(others, key=lambda other: other[2])[:count]
