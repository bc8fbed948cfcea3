"""Optional read replica for the public pages (DATABASE_REPLICA_URL).

Only the read-only requests of the public site read the catalogue from the replica;
the back office always reads what it has just written, from the primary.
"""

import logging
import time
from contextvars import ContextVar

from django.conf import settings
from django.db import DatabaseError, connections

logger = logging.getLogger(__name__)

_public_read = ContextVar("public_read", default=False)
# After the replica failed to connect, the primary answers for this long (per process).
REPLICA_PAUSE = 30.0
_replica_paused_until = 0.0
# The catalogue, which only staff write. Sessions stay on the primary: a replica lags, and the
# page after "add to handout" must show the offer just added.
REPLICATED_APPS = {"offers", "municipalities", "pages", "links"}


class ReplicaRouter:
    def db_for_read(self, model, **hints):
        replicated = model._meta.app_label in REPLICATED_APPS and _public_read.get()
        return "replica" if replicated and replica_reachable() else None

    def db_for_write(self, model, **hints):
        return None

    def allow_relation(self, obj1, obj2, **hints):
        return True

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == "default"


class PublicReadsFromReplicaMiddleware:
    """Marks GET/HEAD requests outside the back office as safe to answer from the replica."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        public_read = request.method in ("GET", "HEAD") and not request.path.startswith(f"/{settings.ADMIN_PATH}")
        token = _public_read.set(public_read)
        try:
            return self.get_response(request)
        finally:
            _public_read.reset(token)


def replica_reachable():
    """Whether a replica is configured and connects; while it does not, the primary serves the public pages.

    Asked when a public request reads the catalogue (a cached page reads nothing), so a replica
    that is away costs no visitor a 503. Django's health check runs at the first such read only.
    """
    global _replica_paused_until
    if "replica" not in connections.settings or time.monotonic() < _replica_paused_until:
        return False
    replica = connections["replica"]
    try:
        replica.close_if_health_check_failed()
        replica.ensure_connection()
    except DatabaseError as error:
        logger.warning("The read replica is unreachable (%s); the primary serves for %s s.", error, REPLICA_PAUSE)
        _replica_paused_until = time.monotonic() + REPLICA_PAUSE
        return False
    return True
