"""Cached catalogue results and pages, reused until the catalogue changes.

Any saved or deleted entry that a public page shows bumps the catalogue version,
which is part of every key below, so the next request computes afresh.
"""

import functools
import hashlib

from django.conf import settings
from django.contrib.staticfiles.storage import staticfiles_storage
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.utils import timezone
from django.utils.translation import get_language

from portal.catalogue import until_changed

TIMEOUT = 300
# Short, so a release's new templates show within a minute.
PAGE_TIMEOUT = 60
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
    return until_changed("list", f"{today()}:{language}:{digest(params)}", compute, TIMEOUT)


def today():
    """Part of every key: runs that ended and places figures that aged leave the pages at midnight (Europe/Berlin)."""
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


def with_token(request, content):
    placeholder = CSRF_PLACEHOLDER.encode()
    # get_token() sets the visitor's CSRF cookie: only pages with a form need one.
    return content.replace(placeholder, get_token(request).encode()) if placeholder in content else content


def cached_for_visitors(view):
    """Whole public pages for anonymous visitors: a rush costs one render per page and catalogue version."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
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
            return {"content": response.content, "content_type": response["Content-Type"]}

        page_address = digest(request.get_host() + request.get_full_path())
        page = until_changed(
            "page", f"{static_release()}:{today()}:{get_language()}:{page_address}", render, PAGE_TIMEOUT
        )
        if not rendered:
            return HttpResponse(with_token(request, page["content"]), content_type=page["content_type"])
        response = rendered[0]
        if not response.streaming:
            response.content = with_token(request, response.content)
        return response

    return wrapper
