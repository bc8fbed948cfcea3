from django.conf import settings
from django.db import DatabaseError, connection
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.cache import add_never_cache_headers
from django.utils.translation import get_language, get_language_bidi


class HealthCheckMiddleware:
    """`/healthz`: a real database round trip, so a load balancer sees a lost database.

    Answered first, before the host check and the HTTPS redirect: balancers probe each server
    at its own address over plain HTTP and would count the 400 or the redirect as a dead server.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info != "/healthz":
            return self.get_response(request)
        try:
            with connection.cursor() as cursor:
                cursor.execute("SELECT 1")
                cursor.fetchone()
            response = HttpResponse("ok\n", content_type="text/plain")
        except DatabaseError:
            response = HttpResponse("database unavailable\n", status=503, content_type="text/plain")
        add_never_cache_headers(response)
        return response


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
