"""Optional read replica for the public pages (DATABASE_REPLICA_URL).

Only the anonymous, read-only requests of the public site read from the replica;
the back office always reads what it has just written, from the primary.
"""

from contextvars import ContextVar

from django.conf import settings
from django.db import connections

_use_replica = ContextVar("use_replica", default=False)


class ReplicaRouter:
    def db_for_read(self, model, **hints):
        return "replica" if _use_replica.get() and "replica" in connections.settings else None

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
        token = _use_replica.set(public_read)
        try:
            return self.get_response(request)
        finally:
            _use_replica.reset(token)
