"""Search and near= pages at scale: database time (EXPLAIN ANALYZE, best of N per query, summed
over the page's queries) and server time (median / p95 / queries), every cache off.

DATABASE_URL=postgres://…/copy .venv/bin/python bench/search.py [requests] [explains] [plan-url-substring]
"""

import os
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import explain  # noqa: E402 (the bench database and the production settings, as bench/lists.py has them)
from lists import run  # noqa: E402

URLS = [
    "/de/offers/?q=deutsch",
    "/de/offers/?q=beratung",
    "/de/offers/?q=kinderbetreuung",
    "/de/offers/?q=integrationskurs",
    "/de/offers/?q=Integrationskurz",
    "/tr/offers/?q=almanca+kursu",
    "/uk/offers/?q=%D0%BC%D0%B1%D0%B5",
    "/de/offers/?q=Kamen",
    "/de/offers/?q=beratungen",  # PostgreSQL's stemmer: also finds "Beratung"
    "/ru/offers/?q=%D0%BA%D1%83%D1%80%D1%81%D1%8B",  # курсы: also finds курс
    "/de/offers/?near=59423",
    "/de/offers/?municipality=unna&near=59423",
]


def same_page_each_time(client, url, times=3):
    """Whether `times` requests computed afresh show the same offers in the same order (a ranked sample must not drift)."""
    from django.core.cache import cache

    pages = set()
    for _ in range(times):
        cache.clear()
        pages.add(tuple(re.findall(r'data-offer-id="(\d+)"', client.get(url).content.decode())))
    return len(pages) == 1


def main():
    import django

    django.setup()
    from django.test import Client

    count = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    explains = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    show_plan = sys.argv[3] if len(sys.argv) > 3 else None
    client = Client()
    print(f"load average {os.getloadavg()[0]:.1f}; cpu reference {run.cpu_reference_ms():.0f} ms")
    print("| page | database | server median / p95 | queries | same page each time |")
    for url in URLS:
        if show_plan and show_plan not in url:
            continue
        queries = explain.database_time(client, url, explains)
        database = sum(query[0] for query in queries)
        if show_plan:
            for ms, _buffers, sql, plan in queries:
                if ms > 1:
                    print(f"-- {ms:.1f} ms\n{sql}\n" + "\n".join(plan) + "\n")
        median, p95, queries = run.server_times(client, url, count, False)
        stable = "yes" if same_page_each_time(client, url) else "NO"
        print(f"| {url} | {database:.1f} ms | {median:.1f} / {p95:.1f} ms | {'/'.join(map(str, queries))} | {stable} |")
    print(f"load average {os.getloadavg()[0]:.1f}; cpu reference {run.cpu_reference_ms():.0f} ms")


if __name__ == "__main__":
    main()
