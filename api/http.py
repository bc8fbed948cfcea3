"""What every API response shares: GET only, open to every origin, language, licence, limit and cache."""

import functools
import json
import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_supported_language_variant
from django.utils.translation.trans_real import parse_accept_lang_header

from offers.cache import digest, today
from portal.catalogue import until_changed
from portal.visitors import client_address

# Kept per catalogue version like the pages; short, because an offer also leaves the site when
# its visible-until date passes, which no save announces.
TIMEOUT = 60
JSON = "application/json"


class BadRequest(Exception):
    """A parameter the API cannot read: answered 400 with the message, never a 500."""


class NotFound(Exception):
    pass


def licence():
    return dict(settings.DATA_LICENCE)


def response_metadata(language, fallbacks=()):
    """In every response: the language, where German stood in, the licence and whom to name."""
    return {
        "language": language,
        "fallback_language": settings.LANGUAGE_CODE,
        # Texts shown in German because they have no translation yet, per object id and field.
        "german_fallback": list(fallbacks),
        "licence": licence(),
        "attribution": settings.DATA_PUBLISHER["name"],
    }


def json_bytes(data):
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()


def chosen_language(request):
    """`lang=` first, then Accept-Language, then German; only the portal's languages."""
    codes = [code for code, _name in settings.LANGUAGES]
    asked = request.GET.get("lang")
    if asked is not None:
        if asked not in codes:
            raise BadRequest(f"lang must be one of {', '.join(codes)}")
        return asked
    for accepted, _quality in parse_accept_lang_header(request.headers.get("Accept-Language", "")[:255]):
        if accepted == "*":
            break
        try:
            return get_supported_language_variant(accepted)
        except LookupError:
            continue
    return settings.LANGUAGE_CODE


def with_api_headers(response, language=None):
    response["Access-Control-Allow-Origin"] = "*"
    response["Link"] = f'<{settings.DATA_LICENCE["url"]}>; rel="license"'
    if language:
        response["Content-Language"] = language
    patch_vary_headers(response, ["Accept-Language"])
    return response


def error(status, message, language=None, **extra):
    body = {"error": message, "status": status, **extra}
    return with_api_headers(HttpResponse(json_bytes(body), status=status, content_type=JSON), language)


def within_rate_limit(request):
    """Counts one more request from the visitor's address in this minute; (allowed, seconds to wait)."""
    window = 60
    now = time.time()
    key = f"api-rate:{client_address(request)}:{int(now // window)}"
    cache.add(key, 0, window + 1)
    try:
        count = cache.incr(key)
    except ValueError:  # the key expired between add and incr
        count = None
    wait = int(window - now % window) + 1
    return (count is None or count <= settings.API_REQUESTS_PER_MINUTE), wait  # None while Redis is away


def preflight():
    response = HttpResponse(status=204)
    response["Access-Control-Allow-Methods"] = "GET, HEAD, OPTIONS"
    response["Access-Control-Allow-Headers"] = "Accept, Accept-Language, Content-Type"
    response["Access-Control-Max-Age"] = "86400"
    return with_api_headers(response)


def api_view(kind="hsds", content_type=JSON):
    """Read-only, no login, open to every origin, limited per address, cached per catalogue version.

    The view returns (body, language) or raises BadRequest / NotFound; body is a dict (JSON)
    or bytes (already rendered, of `content_type`).
    """

    def decorate(view):
        @functools.wraps(view)
        def wrapper(request, *args, **kwargs):
            if request.method == "OPTIONS":
                return preflight()
            if request.method not in ("GET", "HEAD"):
                response = error(405, "The API is read-only: GET, HEAD and OPTIONS only.")
                response["Allow"] = "GET, HEAD, OPTIONS"
                return response
            allowed, wait = within_rate_limit(request)
            if not allowed:
                limit = settings.API_REQUESTS_PER_MINUTE
                response = error(
                    429, f"More than {limit} requests a minute from this address.", retry_after=wait, limit=limit
                )
                response["Retry-After"] = str(wait)
                return response
            try:
                language = chosen_language(request)
            except BadRequest as problem:
                return error(400, str(problem))
            failures = []

            def compute():
                try:
                    body = view(request, language, *args, **kwargs)
                except (BadRequest, NotFound) as problem:
                    failures.append(problem)
                    return None
                return json_bytes(body) if isinstance(body, dict) else body

            address = digest(request.get_host() + request.get_full_path())
            # The day is in the key as in the page cache's: a run that ended yesterday leaves the
            # schedules and service_capacity at midnight, without an edit.
            content = until_changed(kind, f"{language}:{today()}:{address}", compute, TIMEOUT)
            if failures:
                status = 404 if isinstance(failures[0], NotFound) else 400
                return error(status, str(failures[0]) or "Not found", language)
            return with_api_headers(HttpResponse(content, content_type=content_type), language)

        wrapper.csrf_exempt = True
        return wrapper

    return decorate
