"""Who is asking: the one fact about a visitor the portal uses, for pausing and limiting only."""

from django.conf import settings


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
