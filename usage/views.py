import base64

from django.conf import settings
from django.http import Http404, HttpResponse
from django.views.decorators.cache import never_cache

from . import counter
from .models import DailyCount

# The smallest transparent GIF.
PIXEL = base64.b64decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7")


@never_cache
def printed(request, language):
    """The handout's print-only stylesheet rule loads this image, so it counts prints, not views."""
    if language not in dict(settings.LANGUAGES):
        raise Http404
    counter.count(DailyCount.Kind.HANDOUT_PRINT, "handout", language)
    counter.maybe_flush()
    return HttpResponse(PIXEL, content_type="image/gif")
