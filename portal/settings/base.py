"""Settings shared by every environment; the environment supplies the secrets."""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG")
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")

INSTALLED_APPS = [
    # modeltranslation must come before the admin to patch its forms.
    "modeltranslation",
    "portal.apps.PortalAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "axes",
    "django_filters",
    "csp",
    "reversion",
    "reversion_compare",
    "portal",
    "municipalities",
    "offers",
    "pages",
    "handouts",
    "links",
    "reports",
    "usage",
    "monitoring",
    "demo",
    "glossary",
    "api",
    "imports",
]

MIDDLEWARE = [
    "portal.middleware.HealthCheckMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "portal.db_router.PublicReadsFromReplicaMiddleware",
    # Django masks the CSRF token per response, which defeats BREACH on compressed pages.
    "django.middleware.gzip.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # Counts public page views and QR-code visits per day, in the cache (usage/counter.py).
    "usage.middleware.CountUsageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "portal.middleware.ContentSecurityPolicyMiddleware",
    "portal.middleware.UnreadablePostMiddleware",
    "portal.middleware.DatabaseUnavailableMiddleware",
    # Last, as django-axes asks: turns a paused login into its answer.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    # Refuses a paused login before the password is checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "portal.urls"
# The portal's own page, in the visitor's language, when a form comes without its token.
CSRF_FAILURE_VIEW = "portal.errors.csrf_failure"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "portal.i18n.context",
                "handouts.context.handout",
                "offers.cache.csrf_placeholder",
                "api.context.open_data",
            ],
        },
    },
]

# DATABASE_URL selects the database: postgres://… in production,
# sqlite:///path for another SQLite file; the embedded SQLite file otherwise.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if os.environ.get("DATABASE_REPLICA_URL"):
    DATABASES["replica"] = dj_database_url.parse(
        os.environ["DATABASE_REPLICA_URL"],
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
for database in DATABASES.values():
    if database["ENGINE"] == "django.db.backends.sqlite3":
        # Several processes on one file: a transaction takes the write lock when it begins, so a
        # second one waits for it instead of failing with "database is locked" when it first writes.
        database.setdefault("OPTIONS", {})["transaction_mode"] = "IMMEDIATE"
    if database["ENGINE"] == "django.db.backends.postgresql":
        # PostgreSQL's JIT compiles queries for ~0.5 s when it overrates a count; short web queries never win it back.
        database.setdefault("OPTIONS", {})["options"] = "-c jit=off"
        # A database host that does not answer must not hold a worker (the replica then falls back).
        database["OPTIONS"].setdefault("connect_timeout", 3)
DATABASE_ROUTERS = ["portal.db_router.ReplicaRouter"]


def redis_cache(url):
    """Redis as a speed-up only: while it cannot be reached, reads miss and writes are skipped,
    so pages, edits and logins go on from the database (portal.redis_client logs each outage)."""
    return {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": url,
        "OPTIONS": {
            "IGNORE_EXCEPTIONS": True,
            "REDIS_CLIENT_CLASS": "portal.redis_client.PausingRedis",
            # A Redis host that does not answer at all must not hold a request for long.
            "SOCKET_CONNECT_TIMEOUT": 0.25,
            "SOCKET_TIMEOUT": 0.25,
        },
    }


# A cache shared by all app servers (pages, lists, login throttling) when REDIS_URL is set;
# otherwise each process keeps its own.
if os.environ.get("REDIS_URL"):
    CACHES = {"default": redis_cache(os.environ["REDIS_URL"])}
# Each process adds the usage counts it made to the daily figures at most this often (seconds;
# None: only `manage.py flush_usage` does). See usage/counter.py.
USAGE_FLUSH_EVERY = 60
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# The one place that lists the portal's languages: German is the source of
# every text, the others are optional translations that fall back to German.
LANGUAGE_CODE = "de"
LANGUAGES = [
    ("de", _("Deutsch")),
    ("en", _("Englisch")),
    ("tr", _("Türkisch")),
    ("ar", _("Arabisch")),
    ("ru", _("Russisch")),
    ("uk", _("Ukrainisch")),
    ("fa", _("Persisch")),
]
# PostgreSQL's stemmer per language (its text search configuration), for search: "Beratungen" finds
# "Beratung". A language without one (Ukrainian, Persian) gets no full-text index: `simple` would find
# only whole words, which the search's substring match finds already (docs/architecture.md, Search).
SEARCH_STEMMERS = {"de": "german", "en": "english", "tr": "turkish", "ar": "arabic", "ru": "russian"}
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Europe/Berlin"

MODELTRANSLATION_DEFAULT_LANGUAGE = "de"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("de",)
# Served from our own static files: no request may leave the site (GDPR).
JQUERY_UI_URL = "vendor/jquery-ui/jquery-ui.min.js"

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"

# Nothing is loaded from other hosts and nothing runs inline (GDPR, XSS).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [SELF],
        "object-src": [NONE],
    }
}
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

# The back office lives where the environment says (an unguessable path helps against scanners).
ADMIN_PATH = os.environ.get("ADMIN_PATH", "admin/").strip("/") + "/"
# Failed back-office logins (django-axes, counted in the database, so across every process and
# server) per user name and client address before a pause, and the pause. Per combination: one
# guesser cannot lock out other editors, nor, behind a misconfigured balancer, everyone.
AXES_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(seconds=int(os.environ.get("LOGIN_FAILURE_WINDOW", "900")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "portal.visitors.client_address"
AXES_LOCKOUT_CALLABLE = "portal.admin.login_paused"
# The attempts' log (address, user name, browser, time) is personal data, deleted after this many
# days by `manage.py forget_logins` (cron) and named in the privacy notice.
LOGIN_RECORDS_DAYS = 30
# How many proxies (load balancer, TLS proxy) add to X-Forwarded-For in front of the app servers;
# 0 (the default) ignores the header, which a client could otherwise make up.
FORWARDED_FOR_PROXIES = int(os.environ.get("FORWARDED_FOR_PROXIES", "0"))

LOGIN_URL = "admin:login"

# How long after the last review an offer counts as overdue.
REVIEW_INTERVAL_MONTHS = int(os.environ.get("REVIEW_INTERVAL_MONTHS", "12"))
# The KI mailbox that `review_reminders` writes to (nothing is sent while unset).
REVIEW_REMINDER_EMAIL = os.environ.get("REVIEW_REMINDER_EMAIL", "")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "wel-komm-in@localhost")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))


# The licence of the open data (API, feeds, dataset description, footer): Datenlizenz Deutschland –
# Namensnennung – 2.0 unless an installation publishes under another; `uri` is DCAT-AP.de's.
DATA_LICENCE = {
    "id": "dl-de/by-2-0",
    "name": "Datenlizenz Deutschland – Namensnennung – Version 2.0",
    "url": "https://www.govdata.de/dl-de/by-2-0",
    "uri": "http://dcat-ap.de/def/licenses/dl-by-de/2.0",
}
# Whom reusers name (the licence asks for it) and whom they ask: the dataset description's publisher.
DATA_PUBLISHER = {
    "name": os.environ.get("DATA_PUBLISHER_NAME", "Kreis Unna – Kommunales Integrationszentrum"),
    "url": os.environ.get("DATA_PUBLISHER_URL", "https://www.kreis-unna.de/"),
    "email": os.environ.get("DATA_CONTACT_EMAIL", ""),
}
# Websites that may show the embeddable offer list (/<lang>/embed/offers/) in a frame, e.g.
# "https://www.unna.de,https://www.luenen.de"; no site may while it is empty (CSP frame-ancestors).
EMBED_ALLOWED_ORIGINS = env_list("EMBED_ALLOWED_ORIGINS")
# Requests to the open data API per client address and minute (429 with Retry-After beyond).
API_REQUESTS_PER_MINUTE = int(os.environ.get("API_REQUESTS_PER_MINUTE", "120"))


def require_secret_key():
    if not SECRET_KEY:
        raise ImproperlyConfigured("Set the SECRET_KEY environment variable.")


# Searches that found little are counted in memory and written at most this often (offers/failed_searches.py).
FAILED_SEARCHES_FLUSH_SECONDS = 60
