"""Check whether external links answer, politely: few threads and one request per host at a time.

The check runs on our server, so it asks only public servers: a saved link, or a redirect, to
loopback or the internal network would let a provider editor reach what the internet cannot.
Each hop's name is resolved once and refused if any of its addresses is not public; the
connection goes to an address that was checked, since a second lookup could answer differently
(DNS rebinding). The Host header, TLS SNI and the certificate check stay with the name.

Pure standard library and no database, so it can be tested against a local server.
"""

import http.client
import ipaddress
import socket
import urllib.request
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from http.client import HTTPException
from urllib.error import HTTPError, URLError
from urllib.parse import quote, urlsplit, urlunsplit

DEFAULT_USER_AGENT = "Wel-KOMM-In-Linkpruefung/1.0 (Python urllib)"
# A GET only has to show that the page starts to arrive, not download it.
GET_READ_LIMIT = 4096
# Characters that may stand unescaped in a path or query (RFC 3986), "%" for existing escapes.
URI_SAFE = "/?:@!$&'()*+,;=-._~%"
SCHEMES = ("http", "https")
REFUSED_SCHEME = "Adresse nicht erlaubt (nur http und https)"
REFUSED_ADDRESS = "Adresse nicht erlaubt (internes Netz: {address})"


@dataclass(frozen=True)
class Result:
    ok: bool
    status_code: int | None = None
    error: str = ""
    # Not asked at all: the link or one of its redirects leads to a target we do not request.
    refused: bool = False


class RefusedTarget(Exception):
    """A target the check does not request; the message says why, for the admin."""


def is_public_address(address):
    """Whether an address is one anyone on the internet reaches: not loopback, private,
    link-local, multicast, reserved or unspecified."""
    embedded = getattr(address, "ipv4_mapped", None) or getattr(address, "sixtofour", None)
    if embedded:
        return is_public_address(embedded)
    return address.is_global and not (
        address.is_multicast or address.is_reserved or getattr(address, "is_site_local", False)
    )


def public_addresses(host, port):
    """getaddrinfo's answers for `host`, or RefusedTarget if any of them is not public: an
    attacker's name may list a public address next to an internal one."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    for *_, sockaddr in infos:
        if not is_public_address(ipaddress.ip_address(sockaddr[0])):
            raise RefusedTarget(REFUSED_ADDRESS.format(address=sockaddr[0]))
    return infos


def connect_to_public_address(address, timeout, source_address=None):
    """In place of http.client's socket.create_connection: connects to the checked addresses
    themselves, trying them in order as create_connection does (no source address is set)."""
    host, port = address
    error = OSError(f"no address for {host}")
    for family, kind, proto, _, sockaddr in public_addresses(host, port):
        sock = socket.socket(family, kind, proto)
        try:
            sock.settimeout(timeout)
            sock.connect(sockaddr)
            return sock
        except OSError as exc:
            sock.close()
            error = exc
    raise error


class PublicAddressOnly:
    """For an http.client connection class: connect only to a checked public address."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # http.client's hook for opening the socket; the TLS wrapping after it keeps the name.
        self._create_connection = connect_to_public_address


class PublicHTTPConnection(PublicAddressOnly, http.client.HTTPConnection):
    pass


class PublicHTTPSConnection(PublicAddressOnly, http.client.HTTPSConnection):
    pass


class PublicHTTPHandler(urllib.request.HTTPHandler):
    def http_open(self, req):
        return self.do_open(PublicHTTPConnection, req)


class PublicHTTPSHandler(urllib.request.AbstractHTTPHandler):
    # No context given: http.client's default verifies the certificate for the name.
    def https_open(self, req):
        return self.do_open(PublicHTTPSConnection, req)

    https_request = urllib.request.AbstractHTTPHandler.do_request_


class HeadKeepingRedirectHandler(urllib.request.HTTPRedirectHandler):
    """urllib turns a redirected HEAD into a GET; stay with HEAD so no body is sent."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        # urllib itself would follow a redirect to ftp://.
        if urlsplit(newurl).scheme not in SCHEMES:
            fp.close()
            raise RefusedTarget(REFUSED_SCHEME)
        redirected = super().redirect_request(req, fp, code, msg, headers, newurl)
        if redirected is not None:
            redirected.method = req.get_method()
        return redirected


def build_opener():
    """Only the handlers the check needs: no proxy (it would connect for us, to any address),
    no ftp, no file."""
    opener = urllib.request.OpenerDirector()
    for handler in (
        PublicHTTPHandler(),
        PublicHTTPSHandler(),
        HeadKeepingRedirectHandler(),
        urllib.request.HTTPDefaultErrorHandler(),
        urllib.request.HTTPErrorProcessor(),
    ):
        opener.add_handler(handler)
    return opener


def check_urls(urls, timeout=10, max_workers=8, user_agent=DEFAULT_USER_AGENT):
    """{url: Result} for each distinct URL; never raises for a URL that fails.

    The URLs of one host are checked one after the other in one task, so no
    host sees more than one request from us at a time (redirects to another
    host aside); at most `max_workers` hosts are checked at once.
    """
    by_host = defaultdict(list)
    for url in dict.fromkeys(urls):
        by_host[host_of(url)].append(url)
    opener = build_opener()

    def check_host(host_urls):
        return {url: check_url(opener, url, timeout, user_agent) for url in host_urls}

    results = {}
    with ThreadPoolExecutor(max_workers=max_workers) as pool:
        for host_results in pool.map(check_host, by_host.values()):
            results.update(host_results)
    return results


def host_of(url):
    try:
        return urlsplit(url).hostname or ""
    except ValueError:  # e.g. an unclosed "[" of an IPv6 address
        return ""


def check_url(opener, url, timeout, user_agent):
    """HEAD, and GET once more if that fails: many servers refuse or botch HEAD."""
    try:
        parts = urlsplit(url)
    except ValueError as exc:
        return Result(ok=False, error=describe(exc))
    if parts.scheme not in SCHEMES:
        return Result(ok=False, error=REFUSED_SCHEME, refused=True)
    # A URLField may hold umlauts in the path (an IRI); send it as a browser would.
    url = urlunsplit(parts._replace(path=quote(parts.path, URI_SAFE), query=quote(parts.query, URI_SAFE)))
    result = fetch(opener, url, "HEAD", timeout, user_agent)
    if not result.ok and not result.refused:
        result = fetch(opener, url, "GET", timeout, user_agent)
    return result


def fetch(opener, url, method, timeout, user_agent):
    try:
        with opener.open(
            # The opener knows http and https only (build_opener), so no file: or ftp: is opened.
            urllib.request.Request(url, method=method, headers={"User-Agent": user_agent}),  # noqa: S310
            timeout=timeout,
        ) as response:
            if method == "GET":
                response.read(GET_READ_LIMIT)
            return Result(ok=response.status < 400, status_code=response.status)
    except RefusedTarget as exc:
        return Result(ok=False, error=str(exc), refused=True)
    except HTTPError as exc:
        # Also a redirect urllib could not follow (a loop, no Location): the visitor gets nowhere.
        exc.close()
        return Result(ok=False, status_code=exc.code, error=f"HTTP {exc.code}: {exc.reason}")
    except (OSError, HTTPException, ValueError) as exc:
        return Result(ok=False, error=describe(exc))


def describe(exc):
    """A short text for the admin: the cause, not urllib's wrapping of it."""
    reason = exc.reason if isinstance(exc, URLError) else exc
    if isinstance(reason, TimeoutError):
        return "timed out"
    return str(reason) or type(reason).__name__
