"""Offers sorted by distance from a postal code's centre ("near=59423"): great-circle distance, no PostGIS.

The same ORM expression runs on PostgreSQL (its math functions) and SQLite (Django registers
SIN, COS, ASIN, SQRT, RADIANS and POWER on every SQLite connection), so both sort the whole
result set in SQL under one URL contract. An offer is as near as its nearest place; a place
without coordinates of its own counts at its town's centre; offers without places (online,
district-wide) come after the rest. Cards show the same distance, computed in Python from the
places they have loaded anyway.
"""

import math

from django.db.models import F, FloatField, OuterRef, Subquery, Value
from django.db.models.functions import ASin, Cast, Coalesce, Cos, Least, Power, Radians, Sin, Sqrt

from municipalities.models import Municipality
from portal.catalogue import until_changed

from .models import Location, shown_title

EARTH_RADIUS_KM = 6371.0088
TIMEOUT = 300


def haversine_km(latitude, longitude, centre):
    """Kilometres between a point and `centre` (a municipalities.models.Centre)."""
    lat1, lon1, lat2, lon2 = map(math.radians, (float(latitude), float(longitude), centre.latitude, centre.longitude))
    a = math.sin((lat1 - lat2) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon1 - lon2) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def distance_km(latitude, longitude, centre):
    """The SQL expression of haversine_km() for the coordinate expressions `latitude`, `longitude`."""
    lat, lon = (Radians(Cast(value, FloatField())) for value in (latitude, longitude))
    centre_lat, centre_lon = math.radians(centre.latitude), math.radians(centre.longitude)
    a = Power(Sin((lat - Value(centre_lat)) / 2), 2) + Cos(lat) * Value(math.cos(centre_lat)) * Power(
        Sin((lon - Value(centre_lon)) / 2), 2
    )
    return Value(2 * EARTH_RADIUS_KM) * ASin(Least(Sqrt(a), Value(1.0)))


def nearest_place_km(centre):
    """Per offer: the distance of its nearest place, or NULL for an offer without places."""
    places = (
        Location.objects.filter(offers=OuterRef("pk"))
        .annotate(
            km=distance_km(
                Coalesce("latitude", "municipality__latitude"), Coalesce("longitude", "municipality__longitude"), centre
            )
        )
        .order_by("km")
        .values("km")[:1]
    )
    return Subquery(places, output_field=FloatField())


def order_by_distance(offers, centre):
    """The whole result set nearest first; offers without places last; then by title as everywhere."""
    return offers.alias(distance_km=nearest_place_km(centre), shown_title=shown_title()).order_by(
        F("distance_km").asc(nulls_last=True), "shown_title", "pk"
    )


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
    """[(id, name, slug, latitude, longitude)] of every town with a centre: one query per catalogue version."""

    def compute():
        return list(
            Municipality.objects.exclude(latitude=None)
            .exclude(longitude=None)
            .values_list("pk", "name", "slug", "latitude", "longitude")
        )

    return until_changed("town-centres", "all", compute, TIMEOUT)


def nearest_towns(town, centre, count=3):
    """The `count` towns nearest to `centre` other than `town`, as (name, slug, km), nearest first."""
    others = [
        (name, slug, haversine_km(lat, lon, centre)) for pk, name, slug, lat, lon in town_centres() if pk != town.pk
    ]
    return sorted(others, key=lambda other: other[2])[:count]
