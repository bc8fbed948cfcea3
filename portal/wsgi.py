import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.prod")

application = get_wsgi_application()

from portal.i18n import warm_up_languages  # noqa: E402 (needs the apps loaded)

warm_up_languages()
