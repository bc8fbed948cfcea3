from django.conf import settings

from .selection import HandoutSelection

QUICK_MODE_KEY = "caseworker_quick_mode"


def handout(request):
    """The selection and quick mode, read only where a session exists (no cookie, no query)."""
    if settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return {"handout_ids": [], "quick_mode": False}
    return {
        "handout_ids": HandoutSelection(request.session).ids,
        "quick_mode": request.session.get(QUICK_MODE_KEY, False),
    }
