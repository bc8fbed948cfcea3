"""The days tests set runs on, what they read off list pages and how a town's offers were written: one copy for every test module."""

import datetime
import re

from django.db import connection
from django.utils import timezone

TODAY = timezone.localdate()


def days(count):
    return TODAY + datetime.timedelta(days=count)


def titles(response):
    """The cards' titles of a list page, in the order shown."""
    assert response.status_code == 200
    return re.findall(r'<h3><a href="[^"]+"[^>]*>([^<]+)</a></h3>', response.content.decode())


# The three ways in_municipality writes a town's offers: a list of ids; on PostgreSQL above MAX_IDS_LISTED
# one array hashed behind a subquery; an EXISTS above MAX_IDS_HASHED (on SQLite above MAX_IDS_LISTED).
HASHED = {"MAX_IDS_LISTED": 2}
EXISTS = {"MAX_IDS_LISTED": 2, "MAX_IDS_HASHED": 2}
# What each way but the list writes into the SQL (the EXISTS: of the offer's links to places in a town).
WRITTEN = {
    "hashed": re.compile(re.escape("IN (SELECT unnest(")),
    "exists": re.compile(
        r'EXISTS\(SELECT 1 AS "a" FROM "offers_offer_locations"[^()]* INNER JOIN "offers_location"[^()]* '
        r'ON \([^()]*\) WHERE \([^()]*"municipality_id" = '
    ),
}


def ways_written(captured):
    """The ways of writing a town's offers (WRITTEN) that the captured queries used: none where listed."""
    sql = " ".join(query["sql"] for query in captured)
    return {way for way, written in WRITTEN.items() if written.search(sql)}


def ways_expected(most):
    """The ways (as ways_written gives them) a town of more ids than `most` allows is written on this
    database: none where `most` is the default (its ids listed)."""
    if not most:
        return set()
    return {"hashed" if most is HASHED and connection.vendor == "postgresql" else "exists"}
