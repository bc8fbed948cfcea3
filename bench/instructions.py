"""CPU instructions per request, counted by valgrind (callgrind): a measure the machine's load does not change.

    .venv/bin/python bench/instructions.py URL [warm:URL ...]

One process under callgrind warms up (every URL asked twice), then asks each URL REQUESTS times
(10), every cache cleared before each; a URL written `warm:URL` keeps the caches, so an
anonymous visitor without a cookie (as the bench's load clients) gets the cached page; `rush` (first, before a URL clears the caches) asks REQUESTS
different town lists (the first towns by slug, in Arabic), the caches kept: each list is computed afresh with what lists share (the cards, the
language list, the hours' boundaries) kept, as in the bench's rush. Callgrind writes its counts at each `os.getppid()`
(`--dump-before=getppid`), so each URL's requests are counted apart from startup and warm-up.
`/healthz` is counted last, and each count is also given as a multiple of its count: `make bench`
holds a cached page's throughput against `/healthz`'s (issue 18).
Same database and settings as `make bench` (bench/run.py).
"""

import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import run  # noqa: F401 (bench/run.py: the bench's database and production settings, in os.environ)

REQUESTS = int(os.environ.get("BENCH_INSTRUCTION_REQUESTS", "10"))
WARM = "warm:"
RUSH = "rush"
HEALTHZ = "warm:/healthz"


def ask(urls):
    """Inside valgrind: warm up on every URL, then REQUESTS requests of each, a count written before each URL."""
    from django.conf import settings
    from django.core.cache import cache
    from django.test import Client

    import portal.wsgi  # noqa: F401 (a worker as gunicorn starts one: warmed up, its heap frozen)
    from municipalities.models import Municipality

    # The usage figures' flush once a minute would land in some URL's count: valgrind runs for minutes.
    settings.USAGE_FLUSH_EVERY = None
    client = Client()
    towns = list(Municipality.objects.order_by("slug").values_list("slug", flat=True)[:REQUESTS])
    asked = [url for url in urls if url != RUSH]
    for url in asked * 2:
        assert client.get(url.removeprefix(WARM)).status_code == 200, url
    for url in urls:
        if url.startswith(WARM):  # in the cache again, after the URLs before cleared it
            client.get(url.removeprefix(WARM))
        os.getppid()  # callgrind writes the counts so far
        if url == RUSH:
            for town in towns:
                assert client.get(f"/ar/offers/?municipality={town}").status_code == 200, town
            continue
        for _ in range(REQUESTS):
            if not url.startswith(WARM):
                cache.clear()
            client.cookies.clear()  # no CSRF cookie from the request before: a new visitor each time
            client.get(url.removeprefix(WARM))
    os.getppid()


def main(urls):
    if urls[0] == "--inside":
        ask(urls[1:])
        return
    urls = [url for url in urls if url != HEALTHZ] + [HEALTHZ]
    with tempfile.TemporaryDirectory() as directory:
        out = Path(directory) / "callgrind.out"
        subprocess.run(
            [
                "valgrind",
                "--tool=callgrind",
                "--dump-before=getppid",
                f"--callgrind-out-file={out}",
                sys.executable,
                __file__,
                "--inside",
                *urls,
            ],
            check=True,
            stderr=subprocess.DEVNULL,
        )
        # callgrind.out.1 is startup and warm-up; .2 the first URL's requests, and so on.
        counts = {
            url: int(re.search(r"^summary: (\d+)", Path(f"{out}.{number}").read_text(), re.MULTILINE).group(1))
            for number, url in enumerate(urls, start=2)
        }
        for url, total in counts.items():
            state = "page cache warm" if url.startswith(WARM) else "cache off"
            state = "different lists, shared caches warm" if url == RUSH else state
            against = total / counts[HEALTHZ]
            print(
                f"| {url.removeprefix(WARM)} | {state} | {total / REQUESTS / 1e6:.2f} million | {against:.1f} × /healthz |"
            )


if __name__ == "__main__":
    main(sys.argv[1:])
