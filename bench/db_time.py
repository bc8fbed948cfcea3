"""Database time of list URLs: every SQL query of the page under EXPLAIN ANALYZE, best of `runs`, summed.

DATABASE_URL=postgres://…/copy .venv/bin/python bench/db_time.py [runs] [url …]
(every cache cleared before each page; prints each URL's sum and its three costliest queries).
"""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/welkommin_bench")

import lists  # noqa: E402 (sets the production settings first)


def main():
    import django

    django.setup()
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    urls = sys.argv[2:] or lists.URLS
    client = Client()
    for url in urls:
        cache.clear()
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200, url
        costs = []
        with connection.cursor() as cursor:
            for query in captured.captured_queries:
                if not query["sql"].lstrip().upper().startswith(("SELECT", "WITH", "(")):
                    continue  # BEGIN, SAVEPOINT and the like cost nothing to speak of
                best = None
                for _ in range(runs):
                    cursor.execute(f"EXPLAIN (ANALYZE, FORMAT JSON) {query['sql']}")
                    plan = cursor.fetchone()[0]
                    plan = plan[0] if isinstance(plan, list) else plan
                    took = plan["Planning Time"] + plan["Execution Time"]
                    best = took if best is None else min(best, took)
                costs.append((best, query["sql"]))
        costs.sort(reverse=True)
        print(f"| {url} | {sum(cost for cost, _sql in costs):.1f} ms | {len(costs)} queries |")
        for cost, sql in costs[:3]:
            print(f"    {cost:7.1f} ms  {sql[:160]}")


if __name__ == "__main__":
    main()
