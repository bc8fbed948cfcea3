"""Cached offer-list results: the expensive count and ordering, reused until the catalogue changes.

The cache holds only ids and counts (no HTML), so per-visitor parts of the page
(the caseworker's handout buttons, CSRF tokens) stay correct. Any saved or
deleted entry that a list shows bumps the catalogue version, so the next
request computes afresh.
"""

import hashlib

from django.core.cache import cache

VERSION_KEY = "offers:catalogue-version"
TIMEOUT = 300


def catalogue_version():
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, 1, None)
        version = cache.get(VERSION_KEY, 1)
    return version


def catalogue_changed(**kwargs):
    """Signal receiver: lists computed before this moment are stale."""
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 1, None)


def list_results(language, query, compute):
    """(ids on the page, total count, page number) for one list URL, computed at most once per version."""
    params = "&".join(f"{key}={value}" for key, values in sorted(query.lists()) for value in sorted(values))
    # Hashed: query strings may be long or hold control characters no cache key may contain.
    digest = hashlib.sha256(params.encode("utf-8", "surrogatepass")).hexdigest()
    key = f"offers:list:{catalogue_version()}:{language}:{digest}"
    results = cache.get(key)
    if results is None:
        results = compute()
        cache.set(key, results, TIMEOUT)
    return results
