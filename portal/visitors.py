"""Who is asking: the one fact about a visitor the portal uses, for pausing and limiting only."""

from django.conf import settings
from django.contrib import messages
from django.core.cache import cache


def client_address(request):
    """The visitor's address, also behind FORWARDED_FOR_PROXIES trusted proxies.

    Each proxy appends the address it was contacted from to X-Forwarded-For, so the visitor's
    is the proxies' count from the right; anything further left the client may have made up.
    """
    proxies = settings.FORWARDED_FOR_PROXIES
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    if proxies and len(forwarded) >= proxies and forwarded[-proxies]:
        return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def within_allowance(request, purpose, per_hour):
    """Counts one more post for `purpose` from the visitor's address; False once the hour's `per_hour` are used.

    One limit for every public form (the accessibility feedback, the reports on offers): the count
    lives in the cache for an hour and is shared by the app servers when Redis is configured.
    """
    key = f"allowance:{purpose}:{client_address(request)}"
    cache.add(key, 0, 60 * 60)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr: this post is the first of a new hour
        count = 1
    return (count or 0) <= per_hour  # None while Redis is away: let it through


def posted_too_much(request, max_bytes):
    """A public form's post larger than `max_bytes` (as sent, before Django reads it)."""
    return request.method == "POST" and int(request.META.get("CONTENT_LENGTH") or 0) > max_bytes


def refused_post(request, message, form_page, status):
    """The form's page again with `message` on top: 413 for a post too large, 429 for one too many this hour.

    `form_page(status)` renders the page; a 429 says when to try again.
    """
    messages.error(request, message)
    response = form_page(status)
    if status == 429:
        response["Retry-After"] = "3600"
    return response
