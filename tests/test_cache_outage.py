"""The optional Redis cache is only a speed-up: while it is away, pages, edits and logins go on."""

import shutil
import socket
import subprocess
import threading
import time

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from offers.factories import LocationFactory, OfferFactory
from portal.redis_client import PausingRedis
from portal.settings.base import redis_cache

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(not shutil.which("redis-server"), reason="needs redis-server (Debian's redis-server)"),
]


class RedisServer:
    """A Redis of the test's own, on a free port, that the test can stop and start again."""

    def __init__(self):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process = None

    def start(self):
        self.process = subprocess.Popen(
            ["redis-server", "--bind", "127.0.0.1", "--port", str(self.port), "--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL,
        )
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.1).close()
                return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("redis-server did not start")

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)


@pytest.fixture
def redis_server():
    server = RedisServer()
    server.start()
    yield server
    server.stop()


@pytest.fixture
def hung_redis():
    """Accepts connections and never answers, like a Redis host that hangs."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(64)
    accepted = []

    def accept():
        while True:
            try:
                accepted.append(listener.accept()[0])
            except OSError:
                return

    threading.Thread(target=accept, daemon=True).start()
    yield f"redis://127.0.0.1:{listener.getsockname()[1]}/0"
    listener.close()
    for connection_ in accepted:
        connection_.close()


@pytest.fixture(autouse=True)
def short_pause(monkeypatch):
    monkeypatch.setattr(PausingRedis, "PAUSE", 0.5)
    monkeypatch.setattr(PausingRedis, "paused_until", 0.0)


def queries_of(url):
    with CaptureQueriesContext(connection) as captured:
        response = Client().get(url)
    assert response.status_code == 200, url
    return len(captured), response.content.decode()


def test_pages_edits_and_logins_go_on_while_redis_is_away_and_redis_is_used_again_when_back(
    redis_server, settings, client, ki_editor, unna, caplog
):
    settings.CACHES = {"default": redis_cache(redis_server.url)}
    offer = OfferFactory(title_de="Sprachcafé", locations=[LocationFactory(municipality=unna)])
    urls = ["/de/offers/?municipality=unna", "/de/offers/?q=sprach", offer.get_absolute_url(), "/de/towns/unna/"]
    for url in urls:
        queries_of(url)
        assert queries_of(url)[0] == 1, url  # served from Redis: only the catalogue version is read

    redis_server.stop()
    started = time.perf_counter()
    for url in urls:
        count, page = queries_of(url)
        assert count > 0 and "Sprachcafé" in page, url
    assert time.perf_counter() - started < 2  # a refused connection costs no wait
    assert "Redis failed" in caplog.text  # the outage is in the log

    offer.title_de = "Sprachtreff"
    offer.save()  # the save goes through and bumps the catalogue version in the database
    urls[2] = offer.get_absolute_url()  # the slug follows the new title
    assert "Sprachtreff" in queries_of(urls[0])[1]
    logged_in = client.post(reverse("admin:login"), {"username": "ki-editor", "password": "secret-pass-123"})
    assert logged_in.status_code == 302

    redis_server.start()
    time.sleep(PausingRedis.PAUSE)
    for url in urls:
        queries_of(url)
        count, page = queries_of(url)
        assert count == 1 and "Sprachtreff" in page, url


def test_a_redis_that_hangs_costs_one_timeout_per_pause_not_one_per_call(hung_redis, settings, unna):
    settings.CACHES = {"default": redis_cache(hung_redis)}
    OfferFactory(title_de="Sprachcafé", locations=[LocationFactory(municipality=unna)])
    url = "/de/offers/?municipality=unna"
    started = time.perf_counter()
    assert "Sprachcafé" in queries_of(url)[1]
    first = time.perf_counter() - started
    started = time.perf_counter()
    for _ in range(5):
        assert "Sprachcafé" in queries_of(url)[1]
    following = time.perf_counter() - started
    # Ten cache calls of 0.25 s each would be 2.5 s per page without the pause.
    assert first < 1.5 and following < 1.0, (first, following)
