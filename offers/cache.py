"""Cached catalogue results and pages, reused until the catalogue changes.

Any saved or deleted entry that a public page shows bumps the catalogue version,
which is part of every key below, so the next request computes afresh.
"""

import functools
import hashlib

from asgiref.local import Local
from django.apps import apps
from django.conf import settings
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db import DEFAULT_DB_ALIAS, connections, models, router, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save
from django.dispatch import receiver
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.utils.translation import get_language

from portal.models import CatalogueVersion

TIMEOUT = 300
# Short, so a release's new templates show within a minute.
PAGE_TIMEOUT = 60
# Stands in for the CSRF token in cached HTML; each visitor gets their own on the way out.
CSRF_PLACEHOLDER = "csrf-token-of-this-visitor"


# The version as this request first read it (per thread and async task); None outside requests.
_this_request = Local()


@receiver(request_started, dispatch_uid="catalogue-version-request-started")
def _request_started(**kwargs):
    _this_request.is_open = True
    _this_request.catalogue_version = None
    _this_request.reads_are_current = False


@receiver(request_finished, dispatch_uid="catalogue-version-request-finished")
def _request_finished(**kwargs):
    _this_request.is_open = False
    _this_request.catalogue_version = None
    _this_request.reads_are_current = False


def stored_version(database):
    # 0 if the row is missing (a flushed test database); the next change creates it.
    return CatalogueVersion.objects.using(database).filter(pk=1).values_list("version", flat=True).first() or 0


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

    Everything cached goes through here, so the one version in the key is all a change has to bump.
    A result of None is not kept: compute() says so for what must not be shared.
    """
    version = catalogue_version()
    key = f"offers:{kind}:{version}:{name}"
    value = cache.get(key)
    if value is None:
        current = reads_are_current(version)
        value = compute()
        if current and value is not None:
            cache.set(key, value, timeout)
    return value


def catalogue_changed(signal=None, using=DEFAULT_DB_ALIAS, action="", **kwargs):
    """Signal receiver (before and after each write), also called for bulk writes: what was computed before is stale.

    The UPDATE runs in the saving transaction, so other processes see the new version exactly when
    they see the change. In a transaction it runs before the write: every writer then locks the
    version row first, and two transactions never hold rows the other waits for (a deadlock, say
    an XLIFF import beside an edit of one of its offers). Outside one, after the write, so nobody
    sees the new version with the old data.
    """
    if signal is not None:
        before = signal in (pre_save, pre_delete) or action.startswith("pre_")
        if before != connections[using].in_atomic_block:
            return
    versions = CatalogueVersion.objects.using(using)
    if not versions.filter(pk=1).update(version=models.F("version") + 1):
        versions.get_or_create(pk=1)
    _this_request.catalogue_version = None


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
    catalogue = [model for model in models_of_the_project if isinstance(model._default_manager.all(), CatalogueQuerySet)]
    # Before and after each write: catalogue_changed() picks the one that keeps the version right.
    for model in catalogue:
        for signal in (pre_save, post_save, pre_delete, post_delete):
            signal.connect(catalogue_changed, sender=model, dispatch_uid="catalogue-changed")
        for field in model._meta.local_many_to_many:
            if field.related_model in catalogue:
                m2m_changed.connect(catalogue_changed, sender=field.remote_field.through, dispatch_uid="catalogue-changed")


def digest(text):
    # Hashed: query strings may be long or hold control characters no cache key may contain.
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def list_results(language, query, compute):
    """(ids on the page, total count, page number) for one list URL, computed at most once per version.

    Only ids and counts: visitors with a session (a handout selection, quick
    mode, staff) share these but get their own HTML.
    """
    params = "&".join(f"{key}={value}" for key, values in sorted(query.lists()) for value in sorted(values))
    return until_changed("list", f"{language}:{digest(params)}", compute, TIMEOUT)


def static_release():
    """Changes with every release's static files (the manifest's hash; empty without a manifest).

    Servers of two releases may share one cache for a while; a page names the static files of
    the release that rendered it, and the other release's whitenoise does not have them.
    """
    return getattr(staticfiles_storage, "manifest_hash", "")


def is_anonymous_visitor(request):
    """No session, no messages: the page is the same for every such visitor but for the CSRF token."""
    return request.method in ("GET", "HEAD") and set(request.COOKIES) <= {settings.CSRF_COOKIE_NAME}


def csrf_placeholder(request):
    """Template context processor: the placeholder instead of a token while a page is rendered for the cache."""
    return {"csrf_token": CSRF_PLACEHOLDER} if getattr(request, "renders_for_page_cache", False) else {}


def with_token(request, content):
    placeholder = CSRF_PLACEHOLDER.encode()
    # get_token() sets the visitor's CSRF cookie: only pages with a form need one.
    return content.replace(placeholder, get_token(request).encode()) if placeholder in content else content


def cached_for_visitors(view):
    """Whole public pages for anonymous visitors: a rush costs one render per page and catalogue version."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if not is_anonymous_visitor(request):
            return view(request, *args, **kwargs)
        rendered = []

        def render():
            request.renders_for_page_cache = True
            try:
                response = view(request, *args, **kwargs)
            finally:
                request.renders_for_page_cache = False
            rendered.append(response)
            if response.streaming or response.status_code != 200 or response.cookies:
                return None
            return {"content": response.content, "content_type": response["Content-Type"]}

        page_address = digest(request.get_host() + request.get_full_path())
        page = until_changed("page", f"{static_release()}:{get_language()}:{page_address}", render, PAGE_TIMEOUT)
        if not rendered:
            return HttpResponse(with_token(request, page["content"]), content_type=page["content_type"])
        response = rendered[0]
        if not response.streaming:
            response.content = with_token(request, response.content)
        return response

    return wrapper
