"""`make bench`: the portal at NRW scale on PostgreSQL, one table per catalogue size.

Deterministic data (`load_demo --scale N`, fixed seed), each size in its own database:
50,000 offers in DATABASE_URL's (default `welkommin_bench`), other sizes beside it
(`welkommin_bench500` for 500,000). `BENCH_SIZES=50000,500000 make bench` measures both.
Server time is measured in-process without network; throughput, waits and memory under
gunicorn on this machine, with this script's Python client and with wrk (Debian: `apt-get
install wrk`; without it, only the Python client's figures).
"""

import datetime
import http.client
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/welkommin_bench")
os.environ["DJANGO_SETTINGS_MODULE"] = "portal.settings.prod"
os.environ.setdefault("SECRET_KEY", "bench-only-secret-key-bench-only-secret-key-0123456789")
os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
os.environ["SECURE_SSL_REDIRECT"] = "0"
# One client asks thousands of times a minute here: the API's limit per address would answer 429.
os.environ.setdefault("API_REQUESTS_PER_MINUTE", "100000000")

SIZES = [int(size) for size in os.environ.get("BENCH_SIZES", os.environ.get("BENCH_OFFERS", "50000")).split(",")]
BASE_SIZE = 50_000
TOWNS = int(os.environ.get("BENCH_TOWNS", "396"))
REQUESTS = int(os.environ.get("BENCH_REQUESTS", "200"))
CLIENTS = int(os.environ.get("BENCH_CLIENTS", "50"))
SECONDS = int(os.environ.get("BENCH_SECONDS", "30"))
WORKERS = int(os.environ.get("BENCH_WORKERS", "3"))
PORT = 8765
WRK_THREADS = 2


def database_url(size):
    """50,000 offers in DATABASE_URL's database, N offers in the same name plus N // 1000."""
    url = urlsplit(os.environ["DATABASE_URL"])
    name = url.path.lstrip("/") + ("" if size == BASE_SIZE else str(size // 1000))
    return url._replace(path=f"/{name}").geturl()


def create_database(url):
    import psycopg2

    url = urlsplit(url)
    name = url.path.lstrip("/")
    connection = psycopg2.connect(url._replace(path="/postgres").geturl())
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if not cursor.fetchone():
            cursor.execute(f'CREATE DATABASE "{name}"')  # the name comes from DATABASE_URL, set by whoever runs this
    connection.close()


def manage(*args):
    subprocess.run([sys.executable, str(ROOT / "manage.py"), *args], cwd=ROOT, check=True)


def prepare(size):
    """Migrated, static files collected, `size` synthetic offers: the seconds their load took, or None if there already."""
    import django

    django.setup()
    from offers.models import Offer

    manage("migrate", "--noinput", "-v0")
    manage("collectstatic", "--noinput", "-v0")  # production settings serve hashed files from the manifest
    if Offer.objects.filter(provider__slug__startswith="synthetisch-").count() == size:
        return None
    started = time.perf_counter()
    manage("load_demo", "--scale", str(size), "--municipalities", str(TOWNS))
    return time.perf_counter() - started


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


def sample_offer():
    """The first integration course a resident of Unna can attend: its detail and provider pages are measured."""
    from municipalities.models import Municipality
    from offers.models import Offer

    town = Municipality.objects.get(slug="unna")
    offers = Offer.objects.published().in_municipality(town).filter(category__slug="integrationskurs")
    return offers.select_related("provider").order_by("pk").first()


def pages(offer):
    """(what, URL) of every page measured in-process, cache off and page cache warm."""
    return [
        ("offer list (Unna, integration course, Arabic)", "/ar/offers/?municipality=unna&category=integrationskurs"),
        ("offer list, page 5 (Unna, Arabic)", "/ar/offers/?municipality=unna&page=5"),
        ("offer detail (Arabic)", f"/ar/offers/{offer.pk}-{offer.slug}/"),
        ("town page (Unna, Turkish)", "/tr/towns/unna/"),
        ("category page (integration course, Arabic)", "/ar/categories/integrationskurs/"),
        ("provider page (Arabic)", f"/ar/providers/{offer.provider.slug}/"),
        # Relevance (issue 15): a word nearly every offer holds, and a provider's name a few hundred hold.
        ("search, common word q=beratung", "/de/offers/?q=beratung"),
        ("search, rare name q=synthetischer trager 058", "/de/offers/?q=synthetischer+trager+058"),
        ("nearest first, near=59423 (Arabic)", "/ar/offers/?near=59423"),
        # Issue 14: soonest start first among runs with free places reported lately; open at this minute.
        ("next start, places=1 (Unna, Arabic)", "/ar/offers/?municipality=unna&places=1&sort=next_start"),
        ("open now (Unna, Arabic)", "/ar/offers/?municipality=unna&open_now=1"),
        # The open data API (HSDS): one town by its postcode, a page of 50, in Arabic.
        ("API service list (59423, per_page=50, Arabic)", "/api/hsds/services?postcode=59423&per_page=50&lang=ar"),
    ]


def every_list():
    """The rush the page cache cannot absorb: every town's list in every language, with and without a category."""
    from django.conf import settings

    from municipalities.models import Municipality

    paths = [
        f"/{language}/offers/?municipality={town}{category}"
        for town in Municipality.objects.order_by("slug").values_list("slug", flat=True)
        for language, _name in settings.LANGUAGES
        for category in ("", "&category=integrationskurs")
    ]
    random.Random(6).shuffle(paths)
    return paths


def page_rows(offer, measured):
    """Each page's server time cache off and page cache warm, and a caseworker's list (a session: list cache only)."""
    from django.test import Client

    client, rows = Client(), []
    for name, url in measured:
        cold, warm = server_times(client, url, REQUESTS, False), server_times(client, url, REQUESTS, True)
        rows.append((name, cold, warm))
    # "Open now" finds nothing at night, when this bench often runs, and then asks nothing: at a busy hour too.
    busy = next(url for _name, url in measured if "open_now=1" in url)
    with hours_at(busy_hour()):
        cold, warm = server_times(client, busy, REQUESTS, False), server_times(client, busy, REQUESTS, True)
    rows.append(("open now at a busy hour (Thursday 10:00, Unna, Arabic)", cold, warm))
    caseworker = Client()  # a handout selection: no cached page, but the cached list results
    name, list_url = measured[0]
    caseworker.post("/ar/handout/add/", {"offer": offer.pk, "next": list_url})
    rows.append((f"{name}, with a session", server_times(caseworker, list_url, REQUESTS, False), None))
    return rows


def busy_hour():
    """The coming Thursday at 10:00 in Europe/Berlin: most weekly hours go on then."""
    from offers import hours

    today = hours.local_now().date()
    thursday = today + datetime.timedelta(days=(3 - today.weekday()) % 7)
    return datetime.datetime.combine(thursday, datetime.time(10), tzinfo=hours.BERLIN)


@contextmanager
def hours_at(moment):
    """The hours' clock (open now, the next hour, the pages' time slot) at `moment`, as the tests set it."""
    from offers import hours

    real = hours.now
    hours.now = lambda: moment
    try:
        yield
    finally:
        hours.now = real


def python_load(paths, streams):
    """`streams` keep-alive connections, each walking `paths` from its own place.

    Returns requests/s, errors, the median and p95 time a client waited for an answer
    (queueing included: 50 clients share the workers), and how many requests asked a
    path already asked (at most that many page-cache hits).
    """
    done, errors, waits, asked = [0], [0], [], []
    lock = threading.Lock()
    deadline = time.monotonic() + SECONDS

    def worker(position):
        connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=30)
        count = failed = 0
        waited, walked = [], []
        while time.monotonic() < deadline:
            path = paths[position % len(paths)]
            walked.append(path)
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
                connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=30)
            waited.append((time.perf_counter() - started) * 1000)
        with lock:
            done[0] += count
            errors[0] += failed
            waits.extend(waited)
            asked.extend(walked)

    threads = [threading.Thread(target=worker, args=(number * len(paths) // streams,)) for number in range(streams)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    waits.sort()
    repeated = len(asked) - len(set(asked))
    return done[0] / SECONDS, errors[0], statistics.median(waits), waits[int(len(waits) * 0.95) - 1], repeated


# wrk walks the paths like the Python client: each thread from its own place; done() prints one line to parse.
WRK_SCRIPT = """
paths = {}
for line in io.lines(os.getenv("BENCH_PATHS")) do paths[#paths + 1] = line end
local threads, started = {}, 0
function setup(thread)
  thread:set("id", started)
  started = started + 1
  table.insert(threads, thread)
end
function init(args)
  position = math.floor(id * #paths / tonumber(os.getenv("BENCH_THREADS")))
  count = 0
end
function request()
  count = count + 1
  position = position + 1
  return wrk.format("GET", paths[position % #paths + 1])
end
function done(summary, latency, requests)
  local counts = {}
  for _, thread in ipairs(threads) do counts[#counts + 1] = thread:get("count") end
  local errors = summary.errors
  io.write(string.format("BENCH %d %d %d %f %f %s\\n", summary.requests, summary.duration,
    errors.connect + errors.read + errors.write + errors.status + errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, table.concat(counts, ",")))
end
"""


def wrk_load(paths, streams):
    """The same load from wrk, in C: figures that do not hang on the Python client's own limits."""
    with tempfile.TemporaryDirectory() as folder:
        script, listed = Path(folder, "walk.lua"), Path(folder, "paths")
        script.write_text(WRK_SCRIPT)
        listed.write_text("\n".join(paths) + "\n")
        output = subprocess.run(
            ["wrk", f"-t{WRK_THREADS}", f"-c{streams}", f"-d{SECONDS}s", "--timeout", "30s", "-s", str(script)]
            + [f"http://127.0.0.1:{PORT}"],
            env={**os.environ, "BENCH_PATHS": str(listed), "BENCH_THREADS": str(WRK_THREADS)},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    fields = next(line for line in output.splitlines() if line.startswith("BENCH ")).split()
    requests, microseconds, errors, median, p95 = (
        int(fields[1]),
        int(fields[2]),
        int(fields[3]),
        *map(float, fields[4:6]),
    )
    # A thread asks a path again once it walked past its share of the list.
    repeated = sum(max(0, int(count) - len(paths) // WRK_THREADS) for count in fields[6].split(","))
    return requests / (microseconds / 1e6), errors, median, p95, repeated


@contextmanager
def serving():
    """gunicorn with fresh workers: their caches empty (and a shared Redis cache cleared)."""
    from django.core.cache import cache

    cache.clear()
    gunicorn = subprocess.Popen(
        [str(Path(sys.executable).parent / "gunicorn"), "portal.wsgi", "--bind", f"127.0.0.1:{PORT}"]
        + ["--workers", str(WORKERS), "--log-level", "warning"],
        cwd=ROOT,
        env=os.environ.copy(),
    )
    try:
        answered, deadline = 0, time.monotonic() + 60
        while answered < 3 * WORKERS and time.monotonic() < deadline:  # the socket accepts before the workers run
            try:
                probe = http.client.HTTPConnection("127.0.0.1", PORT, timeout=5)
                probe.request("GET", "/healthz")
                answered += probe.getresponse().status == 200
                probe.close()
            except OSError:
                time.sleep(0.2)
        yield gunicorn
    finally:
        gunicorn.terminate()
        gunicorn.wait(timeout=30)


def worker_rss_mb(master_pid):
    children = subprocess.run(["pgrep", "-P", str(master_pid)], capture_output=True, text=True).stdout.split()
    sizes = []
    for pid in children:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                sizes.append(int(line.split()[1]) / 1024)
    return sizes


def load_rows(list_url, rush):
    """Per load generator: /healthz, one cached list, and the rush with every cache cleared before it."""
    generators = [("Python client", python_load)]
    if shutil.which("wrk"):
        generators.append(("wrk", wrk_load))
    results, rss = {}, []
    for generator, load in generators:
        with serving():
            results[generator, "healthz"] = load(["/healthz"], CLIENTS)
            results[generator, "cached"] = load([list_url], CLIENTS)
        with serving() as gunicorn:
            results[generator, "rush"] = load(rush, CLIENTS)
            rss = worker_rss_mb(gunicorn.pid)
    return [generator for generator, _load in generators], results, rss


def print_pages(rows):
    print("| what | cache off median / p95 | page cache warm median / p95 | SQL queries (cache off) |")
    print("| --- | --- | --- | --- |")
    for name, (median, p95, queries), warm in rows:
        warm_times = f"{warm[0]:.1f} / {warm[1]:.1f} ms" if warm else "(not cached: a session)"
        print(f"| {name} | {median:.1f} / {p95:.1f} ms | {warm_times} | {'/'.join(map(str, queries))} |")


def print_loads(generators, results, rush_size):
    print("\n| load | " + " | ".join(f"{name}: requests/s, errors, wait median / p95" for name in generators) + " |")
    print("| --- |" + " --- |" * len(generators))
    names = {
        "healthz": "/healthz",
        "cached": "offer list (the first URL above), page cache",
        "rush": f"offer lists of every town and language ({rush_size} URLs, caches cleared before)",
    }
    for key, name in names.items():
        cells = []
        for generator in generators:
            rate, errors, median, p95, repeated = results[generator, key]
            repeats = f", {repeated} asked again" if key == "rush" else ""
            cells.append(f"{rate:.0f}/s, {errors} errors, {median:.0f} / {p95:.0f} ms{repeats}")
        print(f"| {name} | " + " | ".join(cells) + " |")
    for key in ("cached", "rush"):
        ratios = [f"{results[g, key][0] / results[g, 'healthz'][0]:.1%}" for g in generators]
        print(f"| ratio {names[key].split(' (')[0]} / healthz | " + " | ".join(ratios) + " |")


def bench(size):
    """One size's table, in this process's database (DATABASE_URL)."""
    load_seconds = prepare(size)
    from municipalities.models import Municipality
    from offers.models import Offer

    offer = sample_offer()
    measured = pages(offer)
    reference_before = cpu_reference_ms()
    rows = page_rows(offer, measured)
    reference_after = cpu_reference_ms()
    rush = every_list()
    generators, results, rss = load_rows(measured[0][1], rush)
    print(
        f"\n## {Offer.objects.count()} offers, {Municipality.objects.count()} towns, PostgreSQL, "
        f"{os.cpu_count()} cores, gunicorn {WORKERS} workers, {CLIENTS} clients for {SECONDS} s, "
        f"load average {os.getloadavg()[0]:.1f}\n"
    )
    print_pages(rows)
    print_loads(generators, results, len(rush))
    loaded = f"{load_seconds:.0f} s" if load_seconds is not None else "loaded earlier"
    print(f"\nload_demo --scale {size}: {loaded}")
    print(f"worker RSS after the rush: {', '.join(f'{size:.0f} MB' for size in rss)}")
    print(
        f"CPU reference (3 million additions in Python, before and after the server times): "
        f"{reference_before:.0f} / {reference_after:.0f} ms"
    )
    if not shutil.which("wrk"):
        print("wrk is not installed (Debian: `apt-get install wrk`): the Python client's figures only.")


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "--size":
        bench(int(sys.argv[2]))
        return
    for size in SIZES:  # each size in its own process: Django's settings hold one database
        url = database_url(size)
        create_database(url)
        subprocess.run(
            [sys.executable, __file__, "--size", str(size)], env={**os.environ, "DATABASE_URL": url}, check=True
        )


if __name__ == "__main__":
    main()
