"""The link check, against a local HTTP server: the tests never reach the internet."""

import socket
import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from io import StringIO
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command
from django.test import RequestFactory
from django.utils import timezone

from links.admin import BrokenOfferLinkFilter, BrokenProviderLinkFilter
from links.checker import check_urls
from links.models import LinkCheck
from offers.factories import OfferFactory, ProviderFactory
from offers.models import Offer, Provider

TIMEOUT = 0.5


class Handler(BaseHTTPRequestHandler):
    """Serves the cases a link checker meets; the server records what it was asked."""

    def do_HEAD(self):
        self.answer(with_body=False)

    def do_GET(self):
        self.answer(with_body=True)

    def answer(self, with_body):
        server = self.server
        host = self.headers["Host"]
        path = urlsplit(self.path).path
        with server.lock:
            server.requests.append((self.command, path))
            server.in_flight[host] += 1
            server.max_in_flight[host] = max(server.max_in_flight[host], server.in_flight[host])
        try:
            if path == "/slow":
                time.sleep(TIMEOUT * 2)
            elif path == "/busy":
                time.sleep(0.05)  # long enough for parallel requests to overlap
        finally:
            # Before the answer goes out: once it has, the checker's next request may come at once.
            with server.lock:
                server.in_flight[host] -= 1
        try:
            self.respond(path, with_body)
        except OSError:
            pass  # the checker gave up on /slow and hung up

    def respond(self, path, with_body):
        if path in ("/ok", "/slow", "/busy") or (path == "/no-head" and with_body):
            self.send_response(200)
        elif path == "/no-head":
            self.send_response(405)
        elif path == "/redirect":
            self.send_response(302)
            self.send_header("Location", "/ok")
        else:
            self.send_response(404)
        self.send_header("Content-Length", "2" if with_body else "0")
        self.end_headers()
        if with_body:
            self.wfile.write(b"hi")

    def log_message(self, format, *args):
        pass  # keep the test output clean


@pytest.fixture(autouse=True)
def no_proxy(monkeypatch):
    # A proxy from the environment would not reach our local server.
    monkeypatch.setenv("no_proxy", "*")
    monkeypatch.setenv("NO_PROXY", "*")


@pytest.fixture
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.lock = threading.Lock()
    httpd.requests = []
    httpd.in_flight = Counter()
    httpd.max_in_flight = Counter()
    httpd.base = f"http://127.0.0.1:{httpd.server_address[1]}"
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield httpd
    httpd.shutdown()
    httpd.server_close()
    thread.join()


def check(url):
    return check_urls([url], timeout=TIMEOUT)[url]


def test_a_working_link_is_ok_after_a_head_request(server):
    result = check(f"{server.base}/ok")
    assert (result.ok, result.status_code, result.error) == (True, 200, "")
    assert server.requests == [("HEAD", "/ok")]


def test_a_missing_page_is_broken_after_head_and_get(server):
    result = check(f"{server.base}/gone")
    assert (result.ok, result.status_code) == (False, 404)
    assert "404" in result.error
    assert server.requests == [("HEAD", "/gone"), ("GET", "/gone")]


def test_a_server_refusing_head_is_asked_again_with_get(server):
    result = check(f"{server.base}/no-head")
    assert (result.ok, result.status_code) == (True, 200)
    assert server.requests == [("HEAD", "/no-head"), ("GET", "/no-head")]


def test_a_redirect_is_followed_and_its_target_counts(server):
    result = check(f"{server.base}/redirect")
    assert (result.ok, result.status_code) == (True, 200)
    assert server.requests == [("HEAD", "/redirect"), ("HEAD", "/ok")]


def test_a_server_too_slow_to_answer_is_broken(server):
    started = time.monotonic()
    result = check(f"{server.base}/slow")
    assert (result.ok, result.status_code, result.error) == (False, None, "timed out")
    assert time.monotonic() - started < TIMEOUT * 4  # HEAD and GET time out, nothing waits longer


def test_a_closed_port_is_broken():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    result = check(f"http://127.0.0.1:{port}/")
    assert (result.ok, result.status_code) == (False, None)
    assert "refused" in result.error.lower()


@pytest.mark.parametrize("url", ["not a link", "ftp://example.org/kurs.pdf", "http://[::1/"])
def test_an_unusable_address_is_broken_without_a_request(url):
    result = check(url)
    assert not result.ok
    assert result.error


def test_umlauts_in_a_link_are_sent_encoded(server):
    assert check(f"{server.base}/ok?ort=Lünen").ok


def test_one_host_gets_one_request_at_a_time(server):
    urls = [f"{server.base}/busy?page={number}" for number in range(6)]
    results = check_urls(urls, timeout=TIMEOUT, max_workers=8)
    assert all(result.ok for result in results.values())
    assert len(server.requests) == 6
    assert server.max_in_flight[urlsplit(server.base).netloc] == 1


@pytest.mark.django_db
def test_check_links_records_every_link_and_lists_the_broken_ones(server):
    provider = ProviderFactory(website=f"{server.base}/gone")
    OfferFactory(provider=provider, registration_url=f"{server.base}/ok")
    OfferFactory(provider=provider, registration_url=f"{server.base}/ok")  # checked once
    OfferFactory(status=Offer.Status.DRAFT, registration_url=f"{server.base}/no-head")
    # Working again since the last run: the row is updated, not duplicated.
    LinkCheck.objects.create(url=f"{server.base}/ok", ok=False, error="timed out", checked_at=timezone.now())
    out = StringIO()

    call_command("check_links", "--timeout", str(TIMEOUT), "--workers", "2", stdout=out)

    checks = {check.url: check for check in LinkCheck.objects.all()}
    assert sorted(checks) == [f"{server.base}/{path}" for path in ("gone", "no-head", "ok")]
    assert (checks[f"{server.base}/ok"].ok, checks[f"{server.base}/ok"].error) == (True, "")
    assert checks[f"{server.base}/no-head"].ok
    gone = checks[f"{server.base}/gone"]
    assert (gone.ok, gone.status_code) == (False, 404)
    lines = out.getvalue().splitlines()
    assert lines[0] == "Checked 3 links: 1 broken."
    assert lines[1:] == [f"{server.base}/gone: {gone.error}"]


def filtered(filter_class, model, value="yes"):
    request = RequestFactory().get("/", {"link_broken": value})
    list_filter = filter_class(request, {"link_broken": [value]}, model, None)
    return set(list_filter.queryset(request, model.objects.all()))


@pytest.fixture
def link_checks(db):
    checked_at = timezone.now()
    LinkCheck.objects.create(url="https://kaputt.example/", ok=False, status_code=404, checked_at=checked_at)
    LinkCheck.objects.create(url="https://heil.example/", ok=True, status_code=200, checked_at=checked_at)


def test_the_offer_filter_finds_broken_registration_links_and_provider_websites(link_checks):
    broken_provider = ProviderFactory(website="https://kaputt.example/")
    working_provider = ProviderFactory(website="https://heil.example/")
    broken_registration = OfferFactory(provider=working_provider, registration_url="https://kaputt.example/")
    of_broken_provider = OfferFactory(provider=broken_provider)
    working = OfferFactory(provider=working_provider, registration_url="https://heil.example/")
    unchecked = OfferFactory(registration_url="https://neu.example/")

    assert filtered(BrokenOfferLinkFilter, Offer) == {broken_registration, of_broken_provider}
    assert filtered(BrokenOfferLinkFilter, Offer, value="") == {
        broken_registration, of_broken_provider, working, unchecked
    }


def test_the_provider_filter_finds_broken_websites(link_checks):
    broken = ProviderFactory(website="https://kaputt.example/")
    ProviderFactory(website="https://heil.example/")
    ProviderFactory(website="")

    assert filtered(BrokenProviderLinkFilter, Provider) == {broken}
