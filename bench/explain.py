"""The SQL queries of one page, computed afresh, each with its EXPLAIN (ANALYZE, BUFFERS): what grows with the catalogue.

DATABASE_URL=postgres://…/copy .venv/bin/python bench/explain.py URL [--plans]

Prints each query's execution time and the data pages it touched (shared buffers hit and read:
a measure of the database's work that does not depend on the machine's load), then the page's
sums; with --plans, the plans too.
"""

import os
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/welkommin_bench")

import run  # noqa: E402, F401 (sets the production settings first)


def page_queries(url):
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    client.get(url)  # the catalogue version and the language list, as a running worker has them
    cache.clear()
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200, url
    return [query["sql"] for query in captured]


def explained(sql):
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {sql}")
        return [line for (line,) in cursor.fetchall()]


def buffers(plan):
    """Shared buffers the query's top node touched (its children's included), hit and read."""
    for line in plan:
        if line.startswith("Planning"):
            break
        if "Buffers: shared" in line:
            return sum(int(number) for number in re.findall(r"(?:hit|read)=(\d+)", line))
    return 0


def main():
    import django

    django.setup()
    url, show_plans = sys.argv[1], "--plans" in sys.argv
    total_ms = total_buffers = 0
    for sql in page_queries(url):
        if not sql.lstrip().upper().startswith("SELECT"):
            continue
        plan = explained(sql)
        milliseconds, touched = float(plan[-1].split()[-2]), buffers(plan)
        total_ms, total_buffers = total_ms + milliseconds, total_buffers + touched
        print(f"{milliseconds:9.2f} ms {touched:7} buffers | {sql[:130]}")
        if show_plans:
            print("\n".join(plan), end="\n\n")
    print(f"{total_ms:9.2f} ms {total_buffers:7} buffers | the page's queries together")


if __name__ == "__main__":
    main()
