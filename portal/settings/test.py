from .base import *  # noqa: F403
from .base import BASE_DIR, DATABASES

SECRET_KEY = "test-only-key"
DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# A file, not memory, so a test can close the connection and open it again.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["TEST"] = {"NAME": str(BASE_DIR / ".test-db.sqlite3")}

# A test's pinned query count must not depend on how long the suite has run: the usage figures
# are flushed where a test asks for it (tests/test_usage.py).
USAGE_FLUSH_EVERY = None
# Tests write the counts of failed searches themselves (failed_searches.flush()): no write inside a pinned request.
FAILED_SEARCHES_FLUSH_SECONDS = 10**9
