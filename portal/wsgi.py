import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.prod")

application = get_wsgi_application()

from portal.i18n import warm_up_languages  # noqa: E402 (needs the apps loaded)

warm_up_languages()

# What the worker holds from here on (apps, templates, URL tables, catalogues) lives as long as it:
# kept out of the garbage collector's full collections, which otherwise walk all of it again and again.
gc.freeze()
