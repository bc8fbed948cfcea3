"""Production: every secret from the environment, DEBUG off unless set."""

from django.conf import global_settings

from .base import *  # noqa: F403
from .base import MIDDLEWARE, env_bool, env_list, require_secret_key

require_secret_key()

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", default=True)
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

# The demo password printed in the README opens nothing here, even if `create_demo_staff` ran
# against this database by mistake; first, ahead of whatever backends the base settings list.
AUTHENTICATION_BACKENDS = [
    "portal.demo_login.RefuseDemoPasswordBackend",
    *globals().get("AUTHENTICATION_BACKENDS", global_settings.AUTHENTICATION_BACKENDS),
]

# Static files from the app itself (after `collectstatic`), compressed, with long cache headers.
# Right after SecurityMiddleware, as whitenoise's documentation asks.
_after_security = MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1
MIDDLEWARE = [
    *MIDDLEWARE[:_after_security],
    "whitenoise.middleware.WhiteNoiseMiddleware",
    *MIDDLEWARE[_after_security:],
]

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Hashed names, so browsers may cache static files for a year.
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Warnings and errors to stderr, which gunicorn and the service manager collect. Django's own
# default with DEBUG off mails a 500's traceback to ADMINS (none are set) and writes nothing else.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"stderr": {"class": "logging.StreamHandler", "formatter": "plain", "level": "WARNING"}},
    "root": {"handlers": ["stderr"], "level": "WARNING"},
}
