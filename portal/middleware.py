import codecs
import logging

from csp.constants import HEADER
from csp.middleware import CheckableLazyObject, CSPMiddleware
from csp.utils import build_policy
from django.conf import settings
from django.core.exceptions import BadRequest, SuspiciousOperation
from django.db import DatabaseError, InterfaceError, OperationalError, connection
from django.http import HttpResponse, HttpResponseBadRequest
from django.http.multipartparser import MultiPartParserError
from django.template.loader import render_to_string
from django.utils.cache import add_never_cache_headers
from django.utils.translation import get_language, get_language_bidi

logger = logging.getLogger(__name__)


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


class UnreadablePostMiddleware:
    """A post we cannot read gets a clear 400 (templates/400.html) before any view reads it.

    Django raises while reading a post with a charset other than UTF-8, too many fields or a
    body over DATA_UPLOAD_MAX_MEMORY_SIZE, and its own error views read the post again for the
    CSRF token, so the error escaped Django into the server's bare 500 page without security
    headers. An unknown charset, which Django would quietly read as UTF-8, is refused as well, and
    so is a Content-Length that is no length (Django reads it as 0; views may trust it). Listed after the middleware that adds security headers, so the 400 carries them.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method == "POST":
            try:
                length = request.META.get("CONTENT_LENGTH") or "0"
                if not (length.isascii() and length.isdigit()):
                    raise BadRequest(f"Content-Length {length!r}")
                if "charset" in request.content_params:
                    codecs.lookup(request.content_params["charset"])
                request.POST  # noqa: B018 - read here, where a failure can still be answered
            except (LookupError, BadRequest, SuspiciousOperation, MultiPartParserError) as error:
                logger.warning("Unreadable post to %s refused: %s", request.path, error)
                return HttpResponseBadRequest(render_to_string("400.html"))
        return self.get_response(request)


class DatabaseUnavailableMiddleware:
    """While the database is away, visitors and staff get a short page in their language, not a 500.

    The page is rendered without context processors, which could need the
    database themselves. Connections are re-opened per request
    (CONN_HEALTH_CHECKS), so the portal recovers by itself when the database returns.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        # Staff get the page too. Only a lost connection counts: an IntegrityError in an admin
        # save is a bug, to be logged with its traceback, not an outage.
        if not isinstance(exception, (OperationalError, InterfaceError)):
            return None
        page = render_to_string(
            "503.html", {"language": get_language(), "direction": "rtl" if get_language_bidi() else "ltr"}
        )
        response = HttpResponse(page, status=503)
        response["Retry-After"] = "60"
        return response


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, the settings' policy built once per process instead of for every response.

    django-csp builds the policy and the report-only policy from the settings anew for each
    response: a tenth of what a page from the page cache costs. A response whose view changes its
    policy (django-csp's decorators, the embedded list's frame-ancestors) or that uses a nonce is
    left to django-csp, and so is every response with report-only, excluded prefixes or DEBUG set.
    """

    def __init__(self, get_response):
        super().__init__(get_response)
        configured = getattr(settings, "CONTENT_SECURITY_POLICY", None) or {}
        plain = not (
            settings.DEBUG
            or configured.get("EXCLUDE_URL_PREFIXES")
            or getattr(settings, "CONTENT_SECURITY_POLICY_REPORT_ONLY", None)
        )
        self.configured_policy = build_policy() if plain else None

    def process_response(self, request, response):
        changed = any(name.startswith("_csp_") for name in vars(response))
        if self.configured_policy is None or changed or getattr(request, "_csp_nonce", None) is not None:
            return super().process_response(request, response)
        if HEADER not in response:
            response[HEADER] = self.configured_policy
        # As django-csp does: a nonce asked for after the header is written raises instead of going unsent.
        request.csp_nonce = CheckableLazyObject(self._csp_nonce_post_response)
        return response
