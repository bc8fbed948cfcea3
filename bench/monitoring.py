"""The integration monitoring at NRW scale: the district overview and a town page, cold, on PostgreSQL.

Run after `make bench` prepared its database (or it prepares it: `load_demo --scale 50000`, 396 towns):

    .venv/bin/python bench/monitoring.py

"Cold" is each request on a fresh database connection with an empty cache, as the first KI staff
member of the morning meets it, in a worker started as portal/wsgi.py starts one. The issue's target: the overview under 1 s at 50,000 offers.
"""

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import OFFERS, TOWNS, prepare  # noqa: E402 (the bench's settings and data come first)

REQUESTS = 10
# The first backend only refuses demo passwords; it does not load users for a session.
BACKEND = "django.contrib.auth.backends.ModelBackend"


def main():
    prepare()
    from django.contrib.auth.models import Group, User
    from django.core.cache import cache
    from django.db import connection, connections
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from municipalities.models import District, Municipality
    from offers.models import Offer
    from portal.i18n import warm_up_languages

    warm_up_languages()  # as portal/wsgi.py does when a worker starts
    user, _created = User.objects.get_or_create(username="bench-monitoring", defaults={"is_staff": True})
    user.groups.add(Group.objects.get(name="KI-Redaktion"))
    client = Client()
    client.force_login(user, backend=BACKEND)
    town = Municipality.objects.get(slug="unna")
    district = District.objects.get(slug="nrw-synthetisch")
    year = time.localtime().tm_year
    pages = [
        ("monitoring overview, page 1 (25 towns)", "/admin/monitoring/"),
        ("monitoring overview, last page", f"/admin/monitoring/?page={TOWNS // 25 + 1}"),
        ("monitoring town page (Unna)", f"/admin/monitoring/town/{town.slug}/"),
        (
            f"yearly report of the synthetic district ({district.municipalities.count()} towns), CSV",
            f"/admin/monitoring/district/{district.slug}/report/{year}/?format=csv",
        ),
    ]
    print(
        f"\n{Offer.objects.count()} offers, {Municipality.objects.count()} towns, PostgreSQL (BENCH_OFFERS={OFFERS})\n"
    )
    print("| what | cold median | cold max | SQL queries |")
    print("| --- | --- | --- | --- |")
    for name, url in pages:
        times, queries = [], set()
        for _ in range(REQUESTS):
            cache.clear()
            client.force_login(user, backend=BACKEND)
            connections.close_all()
            with CaptureQueriesContext(connection) as captured:
                started = time.perf_counter()
                response = client.get(url, secure=True)  # production cookies are HTTPS-only
                times.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, (url, response.status_code)
            queries.add(len(captured))
        print(
            f"| {name} | {statistics.median(times):.0f} ms | {max(times):.0f} ms | {'/'.join(map(str, sorted(queries)))} |"
        )


if __name__ == "__main__":
    main()
