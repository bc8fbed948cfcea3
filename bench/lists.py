"""Server time of a few list URLs with every cache off (median / p95 / queries): `bench/run.py`'s method, for one change.

DATABASE_URL=postgres://…/copy .venv/bin/python bench/lists.py [requests]
"""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/welkommin_bench")

import run  # noqa: E402 (sets the production settings first)

URLS = [
    "/ar/offers/?municipality=unna",
    "/ar/offers/?municipality=unna&places=1",
    "/ar/offers/?municipality=unna&sort=next_start",
    "/ar/offers/?municipality=unna&places=1&sort=next_start",
    "/ar/offers/?municipality=unna&open_now=1",
    "/ar/offers/?near=59423",
    "/ar/offers/?municipality=unna&near=59423",
]


def main():
    import django

    django.setup()
    from django.test import Client

    count = int(sys.argv[1]) if len(sys.argv) > 1 else 30
    client = Client()
    print(f"cpu reference {run.cpu_reference_ms():.0f} ms")
    for url in URLS:
        median, p95, queries = run.server_times(client, url, count, False)
        print(f"| {url} | {median:.1f} / {p95:.1f} ms | {'/'.join(map(str, queries))} |")
    print(f"cpu reference {run.cpu_reference_ms():.0f} ms")


if __name__ == "__main__":
    main()
