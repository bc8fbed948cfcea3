"""`make bench`: the portal at NRW scale on PostgreSQL, figures as a table.

Deterministic data (`load_demo --scale 50000`, fixed seed), server time measured
in-process without network, throughput and memory under gunicorn on this machine.
"""

import http.client
import os
import random
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/welkommin_bench")
os.environ["DJANGO_SETTINGS_MODULE"] = "portal.settings.prod"
os.environ.setdefault("SECRET_KEY", "bench-only-secret-key-bench-only-secret-key-0123456789")
os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
os.environ["SECURE_SSL_REDIRECT"] = "0"
# One client asks thousands of times a minute here: the API's limit per address would answer 429.
os.environ.setdefault("API_REQUESTS_PER_MINUTE", "100000000")

OFFERS = int(os.environ.get("BENCH_OFFERS", "50000"))
TOWNS = int(os.environ.get("BENCH_TOWNS", "396"))
REQUESTS = int(os.environ.get("BENCH_REQUESTS", "200"))
CLIENTS = int(os.environ.get("BENCH_CLIENTS", "50"))
SECONDS = int(os.environ.get("BENCH_SECONDS", "30"))
WORKERS = int(os.environ.get("BENCH_WORKERS", "3"))


def manage(*args):
    subprocess.run([sys.executable, str(ROOT / "manage.py"), *args], cwd=ROOT, check=True)


def prepare():
    import django

    django.setup()
    from offers.models import Offer

    manage("migrate", "--noinput", "-v0")
    manage("collectstatic", "--noinput", "-v0")  # production settings serve hashed files from the manifest
    if Offer.objects.filter(provider__slug__startswith="synthetisch-").count() != OFFERS:
        started = time.perf_counter()
        manage("load_demo", "--scale", str(OFFERS), "--municipalities", str(TOWNS))
        print(f"load_demo --scale {OFFERS}: {time.perf_counter() - started:.1f} s")


def server_times(client, url, count, warm_cache):
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)  # warm the connection and the template cache
    times, queries = [], set()
    for _ in range(count):
        if not warm_cache:
            cache.clear()  # every cache off: each request computes everything
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            response = client.get(url)
            times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (url, response.status_code)
        queries.add(len(captured))
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.95) - 1], sorted(queries)


def load(port, paths, seconds, clients):
    """`clients` keep-alive connections, each walking `paths` from its own place.

    Returns requests/s, errors, and the median and p95 time a client waited for an answer
    (queueing included: 50 clients share the workers).
    """
    done, errors, waits = [0], [0], []
    lock = threading.Lock()
    deadline = time.monotonic() + seconds

    def worker(position):
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        count = failed = 0
        waited = []
        while time.monotonic() < deadline:
            path = paths[position % len(paths)]
            position += 1
            started = time.perf_counter()
            try:
                connection.request("GET", path)
                response = connection.getresponse()
                response.read()
                if response.status != 200:
                    failed += 1
                count += 1
            except (OSError, http.client.HTTPException):
                failed += 1
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            waited.append((time.perf_counter() - started) * 1000)
        with lock:
            done[0] += count
            errors[0] += failed
            waits.extend(waited)

    threads = [threading.Thread(target=worker, args=(number * len(paths) // clients,)) for number in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    waits.sort()
    return done[0] / seconds, errors[0], statistics.median(waits), waits[int(len(waits) * 0.95) - 1]


def cpu_reference_ms():
    """A fixed pure-Python loop: how fast this machine's cores were during the run (lower is faster).

    Shared cloud cores vary between runs; this puts the server times in context.
    """
    times = []
    for _ in range(5):
        started = time.perf_counter()
        total = 0
        for number in range(3_000_000):
            total += number
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def worker_rss_mb(master_pid):
    children = subprocess.run(["pgrep", "-P", str(master_pid)], capture_output=True, text=True).stdout.split()
    sizes = []
    for pid in children:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                sizes.append(int(line.split()[1]) / 1024)
    return sizes


def main():
    prepare()
    from django.conf import settings
    from django.test import Client

    from municipalities.models import Municipality
    from offers.models import Offer

    client = Client()
    town = Municipality.objects.get(slug="unna")
    offer = (
        Offer.objects.published().in_municipality(town).filter(category__slug="integrationskurs").order_by("pk").first()
    )
    list_url = "/ar/offers/?municipality=unna&category=integrationskurs"
    detail_url = f"/ar/offers/{offer.pk}-{offer.slug}/"
    rows = []
    pages = (
        ("offer list (Unna, integration course, Arabic)", list_url),
        ("offer detail (Arabic)", detail_url),
        ("search q=deutsch (German)", "/de/offers/?q=deutsch"),
        # Issue 14: open at this minute (weekday and time in SQL, today's holiday and closures once).
        ("open now (Unna, Arabic)", "/ar/offers/?municipality=unna&open_now=1"),
        # Relevance (issue 15): a word nearly every offer holds, and a provider's name a few hundred hold.
        ("search relevance, common word q=beratung", "/de/offers/?q=beratung"),
        ("search relevance, rare name q=synthetischer trager 058", "/de/offers/?q=synthetischer+trager+058"),
        ("search synonym across languages q=almanca kursu (Turkish)", "/tr/offers/?q=almanca+kursu"),
        # The open data API (HSDS): one town by its postcode, a page of 50, in Arabic.
        (
            "API service list (Unna's 59423, per_page=50, Arabic)",
            "/api/hsds/services?postcode=59423&per_page=50&lang=ar",
        ),
    )
    # A rush that does not hit the page cache: every town's list in every language, with and without a category.
    languages = [code for code, _name in settings.LANGUAGES]
    every_list = [
        f"/{language}/offers/?municipality={town}{category}"
        for town in Municipality.objects.order_by("slug").values_list("slug", flat=True)
        for language in languages
        for category in ("", "&category=integrationskurs")
    ]
    random.Random(6).shuffle(every_list)
    # A caseworker has a session (handout selection): no cached page, but the cached list results.
    caseworker = Client()
    caseworker.post("/ar/handout/add/", {"offer": offer.pk, "next": list_url})
    reference_before = cpu_reference_ms()
    runs = [
        (client, False, "cache off"),
        (client, True, "page cache warm"),
        (caseworker, True, "with a session, list cache warm"),
    ]
    for visitor, warm_cache, state in runs:
        for name, url in pages:
            median, p95, queries = server_times(visitor, url, REQUESTS, warm_cache)
            rows.append((f"{name}, {state}", f"{median:.1f} ms", f"{p95:.1f} ms", "/".join(map(str, queries))))
    # When, and is there room (issue 14): soonest start first, only runs with free places reported lately.
    soonest_url = "/ar/offers/?municipality=unna&places=1&sort=next_start"
    median, p95, queries = server_times(client, soonest_url, REQUESTS, False)
    rows.append(
        (
            "offer list by next start, places=1 (Unna, Arabic), cache off",
            f"{median:.1f} ms",
            f"{p95:.1f} ms",
            "/".join(map(str, queries)),
        )
    )
    reference_after = cpu_reference_ms()

    port = 8765
    gunicorn = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "gunicorn"),
            "portal.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(WORKERS),
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=os.environ.copy(),
    )
    try:
        for _ in range(100):
            try:
                http.client.HTTPConnection("127.0.0.1", port, timeout=1).request("GET", "/healthz")
                break
            except OSError:
                time.sleep(0.1)
        loads = [
            ("/healthz", load(port, ["/healthz"], SECONDS, CLIENTS)),
            ("offer list (the URL above)", load(port, [list_url], SECONDS, CLIENTS)),
            (
                f"offer lists of every town and language ({len(every_list)} URLs, most computed afresh)",
                load(port, every_list, SECONDS, CLIENTS),
            ),
        ]
        rss = worker_rss_mb(gunicorn.pid)
    finally:
        gunicorn.terminate()
        gunicorn.wait(timeout=30)

    print(
        f"\n{Offer.objects.count()} offers, {Municipality.objects.count()} towns, PostgreSQL, "
        f"{os.cpu_count()} cores, gunicorn {WORKERS} workers, {CLIENTS} clients for {SECONDS} s\n"
    )
    print("| what | median | p95 | SQL queries per request |")
    print("| --- | --- | --- | --- |")
    for row in rows:
        print("| " + " | ".join(row) + " |")
    print("\n| load | requests/s | errors | wait median / p95 |")
    print("| --- | --- | --- | --- |")
    for name, (rate, errors, wait_median, wait_p95) in loads:
        print(f"| {name} | {rate:.0f} | {errors} | {wait_median:.0f} / {wait_p95:.0f} ms |")
    print(f"| ratio offer list / healthz | {loads[1][1][0] / loads[0][1][0]:.0%} | | |")
    print(f"\nworker RSS after the load: {', '.join(f'{size:.0f} MB' for size in rss)}")
    print(
        f"CPU reference (3 million additions in Python, before and after the server times): "
        f"{reference_before:.0f} / {reference_after:.0f} ms"
    )


if __name__ == "__main__":
    main()
