"""The SQL queries of one page, computed afresh, each with its EXPLAIN (ANALYZE, BUFFERS): what grows with the catalogue.

DATABASE_URL=postgres://…/copy .venv/bin/python bench/explain.py URL [--plans]

Prints each query's execution time and its share of rows read; with --plans, the plans too.
"""

import os
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


def main():
    import django

    django.setup()
    url, show_plans = sys.argv[1], "--plans" in sys.argv
    for sql in page_queries(url):
        if not sql.lstrip().upper().startswith("SELECT"):
            continue
        plan = explained(sql)
        print(f"{plan[-1].strip():>28} | {sql[:150]}")
        if show_plans:
            print("\n".join(plan), end="\n\n")


if __name__ == "__main__":
    main()
