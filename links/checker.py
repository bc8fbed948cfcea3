"""Check whether external links answer, politely: few threads and one request per host at a time.

Pure standard library and no database, so it can be tested against a local server.
"""

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


@dataclass(frozen=True)
class Result:
    ok: bool
    status_code: int | None = None
    error: str = ""


class HeadKeepingRedirectHandler(urllib.request.HTTPRedirectHandler):
    """urllib turns a redirected HEAD into a GET; stay with HEAD so no body is sent."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        redirected = super().redirect_request(req, fp, code, msg, headers, newurl)
        if redirected is not None:
            redirected.method = req.get_method()
        return redirected


def check_urls(urls, timeout=10, max_workers=8, user_agent=DEFAULT_USER_AGENT):
    """{url: Result} for each distinct URL; never raises for a URL that fails.

    The URLs of one host are checked one after the other in one task, so no
    host sees more than one request from us at a time (redirects to another
    host aside); at most `max_workers` hosts are checked at once.
    """
    by_host = defaultdict(list)
    for url in dict.fromkeys(urls):
        by_host[host_of(url)].append(url)
    opener = urllib.request.build_opener(HeadKeepingRedirectHandler)

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
    if parts.scheme not in ("http", "https"):
        return Result(ok=False, error="not an http or https URL")
    # A URLField may hold umlauts in the path (an IRI); send it as a browser would.
    url = urlunsplit(parts._replace(path=quote(parts.path, URI_SAFE), query=quote(parts.query, URI_SAFE)))
    result = fetch(opener, url, "HEAD", timeout, user_agent)
    if not result.ok:
        result = fetch(opener, url, "GET", timeout, user_agent)
    return result


def fetch(opener, url, method, timeout, user_agent):
    try:
        with opener.open(
            urllib.request.Request(url, method=method, headers={"User-Agent": user_agent}), timeout=timeout
        ) as response:
            if method == "GET":
                response.read(GET_READ_LIMIT)
            return Result(ok=response.status < 400, status_code=response.status)
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
