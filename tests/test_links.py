"""The link check, against local HTTP servers: the tests never reach the internet.

127.0.0.2 stands in for a public server: the tests resolve names ending in ".test" to it and
let the checker count it as public. 127.0.0.1 and [::1] are what they are, loopback, and the
checker must not ask them anything.
"""

import ipaddress
import socket
import ssl
import subprocess
import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from io import StringIO
from types import SimpleNamespace
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.management import call_command
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from links import checker
from links.admin import BrokenOfferLinkFilter, BrokenProviderLinkFilter
from links.checker import check_urls
from links.models import LinkCheck
from offers.factories import OfferFactory, ProviderFactory
from offers.models import Offer, Provider

TIMEOUT = 0.5
PUBLIC_STAND_IN = "127.0.0.2"
LOOPBACK_ADDRESSES = ("127.0.0.1", "::1")
REFUSED_LOOPBACK = "Adresse nicht erlaubt (internes Netz: 127.0.0.1)"


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
            server.host_headers.append(host)
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
        elif path == "/to":
            self.send_response(302)
            self.send_header("Location", parse_qs(urlsplit(self.path).query)["target"][0])
        else:
            self.send_response(404)
        self.send_header("Content-Length", "2" if with_body else "0")
        self.end_headers()
        if with_body:
            self.wfile.write(b"hi")

    def log_message(self, format, *args):
        pass  # keep the test output clean


class Server(ThreadingHTTPServer):
    def __init__(self, host, port):
        self.address_family = socket.AF_INET6 if ":" in host else socket.AF_INET
        super().__init__((host, port), Handler)
        self.lock = threading.Lock()
        self.requests = []
        self.host_headers = []
        self.in_flight = Counter()
        self.max_in_flight = Counter()
        self.port = self.server_address[1]


def start_on_one_port(hosts):
    """A server on each host, all on one port: a request that goes to the wrong address then
    reaches a server that counts it, instead of a closed port."""
    for _ in range(50):
        first = Server(hosts[0], 0)
        servers = [first]
        try:
            servers += [Server(host, first.port) for host in hosts[1:]]
        except OSError:  # the port is taken on another address: try the next one
            for server in servers:
                server.server_close()
            continue
        for server in servers:
            server.thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
            server.thread.start()
        return servers
    raise RuntimeError("no port free on all of " + ", ".join(hosts))


@pytest.fixture
def servers():
    public, *loopback = start_on_one_port([PUBLIC_STAND_IN, *LOOPBACK_ADDRESSES])
    public.base = f"http://kurse.test:{public.port}"
    yield SimpleNamespace(public=public, loopback=loopback)
    for server in (public, *loopback):
        server.shutdown()
        server.server_close()
        server.thread.join()


@pytest.fixture
def server(servers):
    """The stand-in public server, at http://kurse.test:<port>."""
    return servers.public


@pytest.fixture
def loopback(servers):
    """Servers on 127.0.0.1 and [::1], on the stand-in's port, that must get no request."""
    return servers.loopback


def requests_to(servers):
    return [request for server in servers for request in server.requests]


@pytest.fixture(autouse=True)
def resolver(monkeypatch):
    """{name: [addresses]} for names a test adds; names ending in ".test" resolve to the stand-in."""
    names = {}
    real_getaddrinfo = socket.getaddrinfo
    real_is_public_address = checker.is_public_address

    def getaddrinfo(host, port, *args, **kwargs):
        addresses = names.get(host) or ([PUBLIC_STAND_IN] if host.endswith(".test") else [host])
        return [info for address in addresses for info in real_getaddrinfo(address, port, *args, **kwargs)]

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    monkeypatch.setattr(
        checker,
        "is_public_address",
        lambda address: address == ipaddress.ip_address(PUBLIC_STAND_IN) or real_is_public_address(address),
    )
    return names


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
        probe.bind((PUBLIC_STAND_IN, 0))
        port = probe.getsockname()[1]
    result = check(f"http://kurse.test:{port}/")
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


@pytest.mark.parametrize(
    "host",
    [
        "127.0.0.1",
        "[::1]",
        "localhost",
        "intern.example",  # a name of ours resolving to 127.0.0.1
        "0x7f000001",
        "2130706433",
        "0177.0.0.1",
        "127.1",
        "0.0.0.0",  # connecting to it reaches this machine
        "[::ffff:127.0.0.1]",
    ],
)
def test_a_link_to_this_machine_is_refused_without_a_request(host, loopback, resolver):
    resolver["intern.example"] = ["127.0.0.1"]
    result = check(f"http://{host}:{loopback[0].port}/ok")
    assert (result.ok, result.status_code) == (False, None)
    assert result.error.startswith("Adresse nicht erlaubt (internes Netz: ")
    assert requests_to(loopback) == []


@pytest.mark.parametrize(
    "address",
    [
        "10.1.2.3",
        "172.16.0.1",
        "192.168.178.1",
        "100.64.0.1",  # carrier-grade NAT
        "169.254.169.254",  # link-local: a cloud's metadata service
        "224.0.0.1",  # multicast
        "240.0.0.1",  # reserved
        "255.255.255.255",
        "[fd00::1]",  # unique local
        "[fe80::1]",  # link-local
        "[fec0::1]",  # site-local
        "[ff02::1]",  # multicast
        "[::]",
        "[2002:7f00:1::1]",  # 6to4 of 127.0.0.1
    ],
)
def test_internal_and_special_addresses_are_refused(address):
    result = check(f"https://{address}/")
    assert (result.ok, result.status_code, result.refused) == (False, None, True)
    assert result.error == f"Adresse nicht erlaubt (internes Netz: {address.strip('[]')})"


def test_a_name_with_an_internal_address_among_public_ones_is_refused(server, loopback, resolver):
    resolver["gemischt.test"] = [PUBLIC_STAND_IN, "127.0.0.1"]
    result = check(f"http://gemischt.test:{server.port}/ok")
    assert (result.ok, result.error) == (False, REFUSED_LOOPBACK)
    assert server.requests == requests_to(loopback) == []


@pytest.mark.parametrize("target_host", ["127.0.0.1", "localhost", "0x7f000001", "[::1]"])
def test_a_redirect_to_this_machine_is_refused_and_not_followed(target_host, server, loopback):
    result = check(f"{server.base}/to?target=http://{target_host}:{server.port}/ok")
    assert (result.ok, result.status_code) == (False, None)
    assert result.error.startswith("Adresse nicht erlaubt (internes Netz: ")
    assert requests_to(loopback) == []
    assert server.requests == [("HEAD", "/to")]  # and no GET: it would be refused the same way


def test_a_redirect_to_another_scheme_is_refused(server):
    result = check(f"{server.base}/to?target=ftp://127.0.0.1/kurs.pdf")
    assert (result.ok, result.error) == (False, "Adresse nicht erlaubt (nur http und https)")


def test_the_request_goes_to_the_address_that_was_checked(server, loopback, monkeypatch):
    """DNS rebinding: a name that answers with a public address once, then with loopback."""
    lookups = []
    resolve = socket.getaddrinfo

    def rebinding_getaddrinfo(host, port, *args, **kwargs):
        if host == "wechsel.test":
            lookups.append(host)
            host = PUBLIC_STAND_IN if len(lookups) == 1 else "127.0.0.1"
        return resolve(host, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", rebinding_getaddrinfo)
    result = check(f"http://wechsel.test:{server.port}/ok")
    assert (result.ok, result.status_code) == (True, 200)
    assert server.requests == [("HEAD", "/ok")]
    assert server.host_headers == [f"wechsel.test:{server.port}"]
    assert requests_to(loopback) == []


def test_a_proxy_from_the_environment_is_not_used(server, loopback, monkeypatch):
    # A proxy connects for us, to whatever address it likes.
    monkeypatch.setenv("http_proxy", f"http://127.0.0.1:{loopback[0].port}")
    assert check(f"{server.base}/ok").ok
    assert server.requests == [("HEAD", "/ok")]
    assert requests_to(loopback) == []


@pytest.fixture
def tls_server(server, tmp_path, monkeypatch):
    """The stand-in public server over TLS, its certificate for kurse.test; records the SNI."""
    certificate, key = tmp_path / "kurse.test.pem", tmp_path / "kurse.test.key"
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "1",
            "-subj",
            "/CN=kurse.test",
            "-addext",
            "subjectAltName=DNS:kurse.test",
            "-keyout",
            key,
            "-out",
            certificate,
        ],
        check=True,
        capture_output=True,
    )
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(certificate, key)
    server.server_names = []
    context.sni_callback = lambda sock, name, context: server.server_names.append(name)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    monkeypatch.setenv("SSL_CERT_FILE", str(certificate))  # the only certificate the checker trusts
    return server


def test_https_checks_the_certificate_and_sends_sni_for_the_name(tls_server):
    result = check(f"https://kurse.test:{tls_server.port}/ok")
    assert (result.ok, result.status_code) == (True, 200)
    assert tls_server.server_names == ["kurse.test"]
    assert tls_server.host_headers == [f"kurse.test:{tls_server.port}"]


def test_https_refuses_a_certificate_for_another_name(tls_server):
    # andere.test resolves to the same server, whose certificate is for kurse.test only.
    result = check(f"https://andere.test:{tls_server.port}/ok")
    assert (result.ok, result.status_code) == (False, None)
    assert "certificate verify failed" in result.error
    assert tls_server.requests == []


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


@pytest.mark.django_db
def test_check_links_records_a_refused_link_with_its_reason(server, loopback):
    ProviderFactory(website=f"http://127.0.0.1:{server.port}/ok")
    OfferFactory(registration_url=f"{server.base}/to?target=http://localhost:{server.port}/ok")
    out = StringIO()

    call_command("check_links", "--timeout", str(TIMEOUT), stdout=out)

    checks = LinkCheck.objects.all()
    assert [(check.ok, check.status_code, check.error) for check in checks] == [(False, None, REFUSED_LOOPBACK)] * 2
    assert out.getvalue().splitlines()[0] == "Checked 2 links: 2 broken."
    assert requests_to(loopback) == []


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
        broken_registration,
        of_broken_provider,
        working,
        unchecked,
    }


def test_the_provider_filter_finds_broken_websites(link_checks):
    broken = ProviderFactory(website="https://kaputt.example/")
    ProviderFactory(website="https://heil.example/")
    ProviderFactory(website="")

    assert filtered(BrokenProviderLinkFilter, Provider) == {broken}


@pytest.mark.parametrize(
    ("model", "broken", "working"),
    [("offer", "registration_url", "registration_url"), ("provider", "website", "website")],
)
def test_the_offer_and_provider_lists_in_the_admin_filter_by_broken_links(
    admin_client, link_checks, model, broken, working
):
    factory = OfferFactory if model == "offer" else ProviderFactory
    kaputt = factory(**{broken: "https://kaputt.example/"})
    heil = factory(**{working: "https://heil.example/"})
    changelist = reverse(f"admin:offers_{model}_changelist")
    page = admin_client.get(changelist).content.decode()
    # The "Link defekt" filter stands beside the other filters, before the demo flag.
    assert "Link defekt" in page
    assert page.index("Link defekt") < page.index("link_broken=yes") < page.index("is_demo__exact")
    shown = admin_client.get(changelist, {"link_broken": "yes"}).content.decode()
    assert f"/{kaputt.pk}/change/" in shown
    assert f"/{heil.pk}/change/" not in shown
