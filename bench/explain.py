"""The SQL queries of a page computed afresh, each under EXPLAIN (ANALYZE, BUFFERS): what a page costs the database.

DATABASE_URL=postgres://…/copy .venv/bin/python bench/explain.py [--runs N] [--plans] [URL …]

Each query runs N times (default 1) and keeps its best time; the page's sum is printed with the
data pages touched (shared buffers hit and read: the database's work, whatever the machine's
load) and its three costliest queries, or with --plans every query's plan. Without URLs: the
lists of bench/lists.py.
"""

import os
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/welkommin_bench")

import lists  # noqa: E402 (sets the production settings first)


def page_queries(client, url):
    """The page's SELECTs, every cache cleared first (the catalogue version and language list read once before, as a running worker has them)."""
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)
    cache.clear()
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200, url
    return [query["sql"] for query in captured if query["sql"].lstrip().upper().startswith(("SELECT", "WITH", "("))]


def buffers(plan):
    """Shared buffers the query's top node touched (its children's included), hit and read."""
    for line in plan:
        if line.startswith("Planning"):
            break
        if "Buffers: shared" in line:
            return sum(int(number) for number in re.findall(r"(?:hit|read)=(\d+)", line))
    return 0


def explained(sql, runs):
    """(best planning + execution time in ms, buffers, plan) of `runs` EXPLAIN ANALYZE runs."""
    from django.db import connection

    best = None
    with connection.cursor() as cursor:
        for _ in range(runs):
            cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {sql}")
            plan = [line for (line,) in cursor.fetchall()]
            took = sum(float(ms) for ms in re.findall(r"(?:Planning|Execution) Time: ([\d.]+) ms", "\n".join(plan)))
            if best is None or took < best[0]:
                best = (took, buffers(plan), plan)
    return best


def database_time(client, url, runs=1):
    """[(ms, buffers, sql, plan)] of the page's queries, costliest first."""
    queries = []
    for sql in page_queries(client, url):
        ms, touched, plan = explained(sql, runs)
        queries.append((ms, touched, sql, plan))
    return sorted(queries, key=lambda query: query[0], reverse=True)


def main():
    import django

    django.setup()
    from django.test import Client

    arguments = sys.argv[1:]
    plans = "--plans" in arguments
    runs = int(arguments[arguments.index("--runs") + 1]) if "--runs" in arguments else 1
    urls = [argument for argument in arguments if argument.startswith("/")] or lists.URLS
    client = Client()
    for url in urls:
        queries = database_time(client, url, runs)
        print(
            f"| {url} | {sum(q[0] for q in queries):.1f} ms | {sum(q[1] for q in queries)} buffers | {len(queries)} queries |"
        )
        for ms, touched, sql, plan in queries if plans else queries[:3]:
            print(f"    {ms:7.1f} ms {touched:7} buffers  {sql[:160]}")
            if plans:
                print("\n".join(plan), end="\n\n")


if __name__ == "__main__":
    main()
