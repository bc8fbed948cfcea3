"""Cached catalogue results and pages, reused until the catalogue changes.

Any saved or deleted entry that a public page shows bumps the catalogue version,
which is part of every key below, so the next request computes afresh.
"""

import functools
import hashlib
import secrets

from django.conf import settings
from django.contrib.staticfiles.storage import staticfiles_storage
from django.http import HttpResponse
from django.middleware.csrf import CSRF_ALLOWED_CHARS, CSRF_TOKEN_LENGTH, _unmask_cipher_token, get_token
from django.utils import timezone
from django.utils.translation import get_language

from portal.catalogue import until_changed

from . import failed_searches, hours

TIMEOUT = 300
# Short, so a release's new templates show within a minute.
PAGE_TIMEOUT = 60
# A view may describe its page for those counting views (the usage app's middleware reads it):
# response.page_facts = {"towns": [slugs the page is about], "search": (language, text, results),
# "search_failed": bool}. It is kept with a cached page, so a page from the cache is counted like
# one just rendered: by the usage app's middleware, and here the searches that found little.
PAGE_FACTS = "page_facts"
# Stands in for the CSRF token in cached HTML; each visitor gets their own on the way out.
CSRF_PLACEHOLDER = "csrf-token-of-this-visitor"


def digest(text):
    # Hashed: query strings may be long or hold control characters no cache key may contain.
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def list_results(language, query, compute):
    """(ids on the page, total count, page number) for one list URL, computed at most once per version.

    Only ids and counts: visitors with a session (a handout selection, quick
    mode, staff) share these but get their own HTML.
    """
    params = "&".join(f"{key}={value}" for key, values in sorted(query.lists()) for value in sorted(values))
    # Runs that ended and places figures that aged leave the lists at midnight; which offers are open
    # now changes with the time: such a list is kept for one time slot (which begins with the date).
    slot = hours.time_slot() if "open_now" in query else today()
    return until_changed("list", f"{language}:{slot}:{digest(params)}", compute, TIMEOUT)


def today():
    """The date in Europe/Berlin: runs that ended and places figures that aged leave the lists at midnight."""
    return timezone.localdate().isoformat()


def static_release():
    """Changes with every release's static files (the manifest's hash; empty without a manifest).

    Servers of two releases may share one cache for a while; a page names the static files of
    the release that rendered it, and the other release's whitenoise does not have them.
    """
    return getattr(staticfiles_storage, "manifest_hash", "")


def is_anonymous_visitor(request):
    """No session, no messages: the page is the same for every such visitor but for the CSRF token."""
    return request.method in ("GET", "HEAD") and set(request.COOKIES) <= {settings.CSRF_COOKIE_NAME}


def csrf_placeholder(request):
    """Template context processor: the placeholder instead of a token while a page is rendered for the cache."""
    return {"csrf_token": CSRF_PLACEHOLDER} if getattr(request, "renders_for_page_cache", False) else {}


# A random byte below 248 (4 × 62) stands for CSRF_ALLOWED_CHARS[byte % 62], so each character for four
# values; the 8 values above are dropped, not folded in, which would make the first 8 characters likelier.
_CHARACTER_OF_BYTE = bytes(ord(CSRF_ALLOWED_CHARS[byte % len(CSRF_ALLOWED_CHARS)]) for byte in range(256))
_BYTES_DROPPED = bytes(range(4 * len(CSRF_ALLOWED_CHARS), 256))


def random_token():
    """A CSRF token's length of CSRF_ALLOWED_CHARS, each equally likely, from one read of the system's randomness.

    As random as Django's get_random_string(), which reads it once per character (secrets.choice).
    """
    token = b""
    while len(token) < CSRF_TOKEN_LENGTH:
        token += secrets.token_bytes(CSRF_TOKEN_LENGTH + 16).translate(_CHARACTER_OF_BYTE, _BYTES_DROPPED)
    return token[:CSRF_TOKEN_LENGTH].decode()


def visitor_token(request):
    """Django's get_token(), but a new visitor's secret and mask are drawn at once (64 reads were a ninth of a cached page).

    Django's token is a random mask followed by the secret enciphered with it; its check unmasks the
    token (`_unmask_cipher_token`) and compares the result with the cookie's secret. Drawing the token
    at random and making its unmasked value the new secret gives the same pair, with the same odds:
    for any mask, the secret and its cipher determine each other. A returning visitor's secret is
    kept, masked anew by Django.
    """
    if "CSRF_COOKIE" in request.META:
        return get_token(request)
    token = random_token()
    # What get_token() stores for a new secret (_add_new_csrf_cookie): CsrfViewMiddleware sets it as the cookie.
    request.META.update(CSRF_COOKIE=_unmask_cipher_token(token), CSRF_COOKIE_NEEDS_UPDATE=True)
    return token


def with_token(request, content):
    placeholder = CSRF_PLACEHOLDER.encode()
    # The token sets the visitor's CSRF cookie: only pages with a form need one.
    return content.replace(placeholder, visitor_token(request).encode()) if placeholder in content else content


def cached_for_visitors(view):
    """Whole public pages for anonymous visitors: a rush costs one render per page and catalogue version."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        response = served(request, *args, **kwargs)
        searched = getattr(response, PAGE_FACTS, {}).get("search")
        if searched:  # each time it is asked, whether rendered or from the cache
            failed_searches.count(*searched)
        return response

    def served(request, *args, **kwargs):
        if not is_anonymous_visitor(request):
            return view(request, *args, **kwargs)
        rendered = []

        def render():
            request.renders_for_page_cache = True
            try:
                response = view(request, *args, **kwargs)
            finally:
                request.renders_for_page_cache = False
            rendered.append(response)
            if response.streaming or response.status_code != 200 or response.cookies:
                return None
            return {
                "content": response.content,
                "content_type": response["Content-Type"],
                "facts": getattr(response, PAGE_FACTS, {}),
            }

        page_address = digest(request.get_host() + request.get_full_path())
        # Pages say what is open now, when the next walk-in hour is, which runs are still ahead and how
        # old a places figure is: kept for one time slot (the date and the hours passed today).
        key = f"{static_release()}:{get_language()}:{hours.time_slot()}:{page_address}"
        page = until_changed("page", key, render, PAGE_TIMEOUT)
        if not rendered:
            response = HttpResponse(with_token(request, page["content"]), content_type=page["content_type"])
            setattr(response, PAGE_FACTS, page.get("facts", {}))  # what is counted, from the cache too
            return response
        response = rendered[0]
        if not response.streaming:
            response.content = with_token(request, response.content)
        return response

    return wrapper
