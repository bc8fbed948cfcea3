import base64

from django.conf import settings
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.views.decorators.cache import cache_control, never_cache

from . import counter
from .models import DailyCount

# The smallest transparent GIF.
PIXEL = base64.b64decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7")


@cache_control(public=True, max_age=86400)
def print_counter(request, language):
    """The handout's print-only rule for `language`: the counter image loads only when printing.

    One small stylesheet per language of LANGUAGES, so a new language is counted without a rule of its own.
    """
    if language not in dict(settings.LANGUAGES):
        raise Http404
    image = reverse("usage_printed", args=[language])
    return HttpResponse(
        f'@media print {{ .print-counter::after {{ content: url("{image}"); }} }}\n', content_type="text/css"
    )


@never_cache
def printed(request, language):
    """The handout's print-only stylesheet rule loads this image, so it counts prints, not views."""
    if language not in dict(settings.LANGUAGES):
        raise Http404
    counter.count(DailyCount.Kind.HANDOUT_PRINT, "handout", language)
    counter.maybe_flush()
    return HttpResponse(PIXEL, content_type="image/gif")
