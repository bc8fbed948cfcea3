"""The catalogue's version: it grows with every change to what public pages show.

Any saved or deleted entry that a public page shows bumps it (`watch_catalogue` connects the
signals once, for every model with a CatalogueQuerySet), and it is part of every key of the cached pages and lists (offers/cache.py), so the
next request computes afresh. Here, beside its model, so every app's querysets can bump it.
"""

from contextlib import contextmanager

from asgiref.local import Local
from django.apps import apps
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db import DEFAULT_DB_ALIAS, connections, models, router, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save
from django.dispatch import receiver

from .models import CatalogueVersion

# The version as this request first read it (per thread and async task); None outside requests.
_this_request = Local()


@receiver(request_started, dispatch_uid="catalogue-version-request-started")
def _request_started(**kwargs):
    _this_request.is_open = True
    _this_request.catalogue_version = None
    _this_request.reads_are_current = False
    _this_request.read_once = {}


@receiver(request_finished, dispatch_uid="catalogue-version-request-finished")
def _request_finished(**kwargs):
    _this_request.is_open = False
    _this_request.catalogue_version = None
    _this_request.reads_are_current = False
    _this_request.read_once = {}


def once_per_request(key, compute):
    """compute()'s result, read once for the rest of this request (however many of its queries ask, until
    it changes the catalogue); outside a request, computed on every call."""
    if not getattr(_this_request, "is_open", False):
        return compute()
    read = _this_request.read_once  # set with is_open at the request's start
    if key not in read:
        read[key] = compute()
    return read[key]


def stored_version(database):
    # 0 if the row is missing (a flushed test database); the next change creates it. In plain SQL: the
    # ORM took 15 times as long to build this one primary-key read, the most of a page from the cache.
    connection = connections[database]
    table = connection.ops.quote_name(CatalogueVersion._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT version FROM {table} WHERE id = 1")  # noqa: S608 (the model's own table name)
        row = cursor.fetchone()
    return row[0] if row else 0


def catalogue_version():
    """The catalogue's version from the database: one primary-key read per request, however many keys need it.

    Not kept across requests: another process may have saved meanwhile. Read from the primary, so a
    page from the cache asks no replica anything (see `reads_are_current`).
    """
    version = getattr(_this_request, "catalogue_version", None)
    if version is None:
        version = stored_version(DEFAULT_DB_ALIAS)
        if getattr(_this_request, "is_open", False):
            _this_request.catalogue_version = version
    return version


def reads_are_current(version):
    """Whether the catalogue reads from here on see at least `version`; asked before computing what is cached.

    The version comes from the primary, the public pages' catalogue from the replica, which may lag
    behind: a page rendered from it must not be kept under the newer version (for a minute, or five
    for a list). One query, on a cache miss and only where a replica answers.
    """
    if getattr(_this_request, "reads_are_current", False):
        return True
    database = router.db_for_read(apps.get_model("offers", "Offer"))
    if database in (None, DEFAULT_DB_ALIAS):
        return True
    replicated = stored_version(database)
    # Once caught up, the replica stays so for the rest of the request: it only moves forward.
    _this_request.reads_are_current = replicated >= version and getattr(_this_request, "is_open", False)
    return replicated >= version


def until_changed(kind, name, compute, timeout):
    """compute()'s result, computed at most once per catalogue version (and kept at most `timeout` seconds).

    Everything cached goes through here or `each_until_changed`, so the one version in the key is all a change has to bump.
    A result of None is not kept: compute() says so for what must not be shared.
    """
    return each_until_changed(kind, [name], lambda names: {name: compute()}, timeout)[name]


def each_until_changed(kind, names, compute, timeout):
    """{name: value} as until_changed() gives one, for many names in one cache read and one write.

    compute(missing names) returns {name: value} for those not kept (the offer cards of a page).
    """
    version = catalogue_version()
    keys = {name: f"offers:{kind}:{version}:{name}" for name in names}
    kept = cache.get_many(list(keys.values()))
    values = {name: kept[key] for name, key in keys.items() if key in kept}
    missing = [name for name in names if name not in values]
    if missing:
        current = reads_are_current(version)
        computed = compute(missing)
        if current:
            cache.set_many({keys[name]: value for name, value in computed.items() if value is not None}, timeout)
        values.update(computed)
    return values


# What this process keeps for the catalogue version it read last: (version, {name: value}).
_kept_here = (None, {})


def kept_in_process(name, compute):
    """compute()'s result, kept in this process's memory until the catalogue version changes.

    For the few small things every page reads (the filter form's towns, categories and target groups,
    its rendered options, the hours' boundaries, the search's vocabulary, the towns' centres, whether a
    stored run step is stale): the process's own memory is cheaper than a query or an unpickling from
    the shared cache per request. The version is still read from the database on every request, so a
    change shows on the next request in every process; only the current version's values are held.
    """
    global _kept_here
    version = catalogue_version()
    kept_version, values = _kept_here
    if kept_version != version:
        values = {}
    if name not in values:
        # Asked before computing: a replica that catches up meanwhile still gave some rows from before `version`.
        current = reads_are_current(version)
        value = compute()
        if not current:  # computed from a lagging replica: not kept under this version
            return value
        values[name] = value
        _kept_here = (version, values)
    return values[name]


def forget_kept_in_process():
    """After the database went back to an earlier state (a test's rollback, a restore), versions repeat."""
    global _kept_here
    _kept_here = (None, {})


def catalogue_changed(signal=None, using=DEFAULT_DB_ALIAS, action="", **kwargs):
    """Signal receiver (before and after each write), also called for bulk writes: what was computed before is stale.

    The UPDATE runs in the saving transaction, so other processes see the new version exactly when
    they see the change. In a transaction it runs before the write: every writer then locks the
    version row first, and two transactions never hold rows the other waits for (a deadlock, say
    an XLIFF import beside an edit of one of its offers). Outside one, after the write, so nobody
    sees the new version with the old data.
    """
    if signal is not None:
        if getattr(_this_request, "changing_as_one", None) == using:
            return  # bumped once for the whole transaction (one_change)
        before = signal in (pre_save, pre_delete) or action.startswith("pre_")
        if before != connections[using].in_atomic_block:
            return
    versions = CatalogueVersion.objects.using(using)
    if not versions.filter(pk=1).update(version=models.F("version") + 1):
        versions.get_or_create(pk=1)
    _this_request.catalogue_version = None
    _this_request.read_once = {}


@contextmanager
def one_change(using=DEFAULT_DB_ALIAS):
    """One transaction writing many rows (a spreadsheet import): the version is bumped once, first.

    Every save, delete and link would bump it again, thousands of UPDATEs of one row that the
    transaction holds locked from its first bump on anyway; other processes see the new version
    when they see the rows, at the commit.
    """
    with transaction.atomic(using=using):
        catalogue_changed(using=using)
        previous = getattr(_this_request, "changing_as_one", None)
        _this_request.changing_as_one = using
        try:
            yield
        finally:
            _this_request.changing_as_one = previous


class CatalogueQuerySet(models.QuerySet):
    """For what public pages show: bulk writes bypass save() and its signals, so they bump the version themselves."""

    def update(self, **kwargs):
        with transaction.atomic(using=self.db, savepoint=False):
            catalogue_changed(using=self.db)
            return super().update(**kwargs)

    def bulk_create(self, objs, *args, **kwargs):
        with transaction.atomic(using=self.db, savepoint=False):
            catalogue_changed(using=self.db)
            return super().bulk_create(objs, *args, **kwargs)


def watch_catalogue(models_of_the_project):
    """Connects catalogue_changed() to every write of what public pages show, declared once.

    A model is shown publicly when its manager is a CatalogueQuerySet (which covers its bulk
    writes); its links to other such models (an offer's places and target groups) count too.
    """
    catalogue = [
        model for model in models_of_the_project if isinstance(model._default_manager.all(), CatalogueQuerySet)
    ]
    # Before and after each write: catalogue_changed() picks the one that keeps the version right.
    for model in catalogue:
        for signal in (pre_save, post_save, pre_delete, post_delete):
            signal.connect(catalogue_changed, sender=model, dispatch_uid="catalogue-changed")
        for field in model._meta.local_many_to_many:
            if field.related_model in catalogue:
                m2m_changed.connect(
                    catalogue_changed, sender=field.remote_field.through, dispatch_uid="catalogue-changed"
                )
