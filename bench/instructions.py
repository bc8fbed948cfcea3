"""CPU instructions per request, counted by valgrind (callgrind): a measure the machine's load does not change.

    .venv/bin/python bench/instructions.py [--warm] URL [URL ...]

For each URL, one process under callgrind warms up (every URL asked twice) and then asks that URL
REQUESTS times (10), every cache cleared before each (with --warm: the caches kept, so an
anonymous visitor gets the cached page); a second process only warms up. The difference of their
instruction counts divided by REQUESTS is one request's cost, startup and warm-up left out.
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


def ask(urls, measured, count, warm):
    """Inside valgrind: warm up on every URL, then `count` requests of `measured`."""
    import django

    django.setup()
    from django.core.cache import cache
    from django.test import Client

    client = Client()
    for url in urls * 2:
        assert client.get(url).status_code == 200, url
    for _ in range(count):
        if not warm:
            cache.clear()
        client.get(measured)


def instructions(urls, measured, count, warm):
    with tempfile.TemporaryDirectory() as directory:
        out = Path(directory) / "callgrind.out"
        command = [sys.executable, __file__, "--inside", str(count), "--warm" if warm else "--cold", measured, *urls]
        subprocess.run(
            ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", *command],
            check=True,
            stderr=subprocess.DEVNULL,
        )
        return int(re.search(r"^summary: (\d+)", out.read_text(), re.MULTILINE).group(1))


def main(arguments):
    if arguments[0] == "--inside":
        count, mode, measured, *urls = arguments[1:]
        ask(urls, measured, int(count), mode == "--warm")
        return
    warm = arguments[0] == "--warm"
    urls = arguments[1:] if warm else arguments
    baseline = instructions(urls, urls[0], 0, warm)
    for url in urls:
        per_request = (instructions(urls, url, REQUESTS, warm) - baseline) / REQUESTS
        print(f"| {url} | {'page cache warm' if warm else 'cache off'} | {per_request / 1e6:.1f} million |", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
