"""Growth from 50,000 to 500,000 offers: each URL's server time at both sizes, alternating, in one sitting.

DATABASE_URL=postgres://…/welkommin_bench .venv/bin/python bench/growth.py [--rounds N] URL …

`URL|URL` asks the first at 50,000 and the second at 500,000 (a page the bench picks per size,
such as the provider of the first integration course in Unna).

One process per size (bench/run.py's databases: 50,000 offers in DATABASE_URL's, 500,000 in the
same name plus 500), each keeping its connection and templates warm. A round asks every URL
BENCH_REQUESTS times (40) at 50,000, then at 500,000, every cache cleared before each request
(`run.server_times`); the sizes take turns, so a busy moment of the machine falls on both.
Prints per URL the median of the rounds' medians, their ratio and the SQL queries at each size.
"""

import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import run  # noqa: E402 (the bench's databases and production settings, in os.environ)

SIZES = (50_000, 500_000)


def serve():
    """In a child: answer each URL read from stdin with its median server time and queries, as JSON."""
    import django

    django.setup()
    from django.test import Client

    client = Client()
    for line in sys.stdin:
        median, _p95, queries = run.server_times(client, line.strip(), run.REQUESTS, False)
        print(json.dumps([median, queries]), flush=True)


def main(arguments):
    if arguments[:1] == ["--serve"]:
        serve()
        return
    rounds = int(arguments[arguments.index("--rounds") + 1]) if "--rounds" in arguments else 3
    urls = [argument for argument in arguments if argument.startswith("/")]
    os.environ.setdefault("BENCH_REQUESTS", "40")
    children = {
        size: subprocess.Popen(
            [sys.executable, __file__, "--serve"],
            env={**os.environ, "DATABASE_URL": run.database_url(size)},
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        for size in SIZES
    }
    medians = {(url, size): [] for url in urls for size in SIZES}
    queries = {}
    print(f"cpu reference {run.cpu_reference_ms():.0f} ms", flush=True)
    for _round in range(rounds):
        for url in urls:
            for size, child in children.items():
                child.stdin.write(url.split("|")[SIZES.index(size) if "|" in url else 0] + "\n")
                child.stdin.flush()
                median, counted = json.loads(child.stdout.readline())
                medians[url, size].append(median)
                queries[url, size] = counted
    print(f"cpu reference {run.cpu_reference_ms():.0f} ms")
    print("| URL | 50,000 | 500,000 | growth | SQL queries |")
    print("| --- | --- | --- | --- | --- |")
    for url in urls:
        small, large = (statistics.median(medians[url, size]) for size in SIZES)
        counts = " / ".join("/".join(map(str, queries[url, size])) for size in SIZES)
        print(f"| {url} | {small:.1f} ms | {large:.1f} ms | {large / small:.2f}× | {counts} |")
    for child in children.values():
        child.stdin.close()
        child.wait()


if __name__ == "__main__":
    main(sys.argv[1:])
