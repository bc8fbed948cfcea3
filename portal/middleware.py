from django.conf import settings
from django.db import DatabaseError
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.translation import get_language, get_language_bidi


class DatabaseUnavailableMiddleware:
    """While the database is away, visitors get a short page in their language, not a 500.

    The page is rendered without context processors, which could need the
    database themselves. Connections are re-opened per request
    (CONN_HEALTH_CHECKS), so the portal recovers by itself when the database returns.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, DatabaseError) or request.path.startswith(f"/{settings.ADMIN_PATH}"):
            return None
        page = render_to_string("503.html", {"language": get_language(), "direction": "rtl" if get_language_bidi() else "ltr"})
        response = HttpResponse(page, status=503)
        response["Retry-After"] = "60"
        return response
