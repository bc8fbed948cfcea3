"""Counting in the cache, flushing to DailyCount: no database write per request, nothing about anyone.

A counter's key is the day and what is counted (kind, page type, language, town), nothing else:
no address, no browser, no cookie, no session, no time of day. `count()` increments it in the
Django cache (atomic with Redis and with the local-memory cache). The keys of a day are listed
under numbered slots (a counter's first increment takes a slot), so `flush()` finds them without
scanning the cache; it adds the counts to the day's rows and takes them off the counters.

`flush()` runs from cron (`manage.py flush_usage`) and, at most once a minute, in each process
after a counted request (`maybe_flush()`): with the local-memory cache each process has its own
counters and only it can flush them.
"""

import logging
import re
import threading
import time
from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from .models import DailyCount

logger = logging.getLogger(__name__)

PREFIX = "usage"
# Counters live long enough to be flushed after a quiet night or a failed cron run.
KEEP = 3 * 24 * 60 * 60
DAYS_FLUSHED = 3
# What a dimension may hold: no free text from a request ever becomes a key.
NAME = re.compile(r"^[a-z0-9_-]{0,100}$")
KINDS = frozenset(DailyCount.Kind.values)

_flushed_at = time.monotonic()
_flush_lock = threading.Lock()


def counter_key(day, kind, page="", language="", town=""):
    return f"{PREFIX}:c:{day.isoformat()}:{kind}:{page}:{language}:{town}"


def count(kind, page="", language="", town=""):
    """One more of `kind` today; never raises (a figure is not worth a failed page)."""
    count_each([(kind, page, language, town)])


def count_each(figures):
    """One more of each (kind, page type, language, town) today: a page's view, its towns, its search.

    The day and the languages are looked up once for all of them: per figure, they were most of a
    cached page's counting.
    """
    day = timezone.localdate()
    languages = {"", *dict(settings.LANGUAGES)}
    for kind, page, language, town in figures:
        if kind in KINDS and language in languages and NAME.match(page) and NAME.match(town):
            _increment(day, counter_key(day, kind, page, language, town))


def _increment(day, key):
    try:
        try:
            cache.incr(key)  # one round trip for all but a figure's first count of the day
        except ValueError:
            if cache.add(key, 1, KEEP):
                slot = cache.incr(_add_slot_counter(day))
                cache.set(f"{PREFIX}:k:{day.isoformat()}:{slot}", key, KEEP)
            else:  # another process added it just now
                cache.incr(key)
    except Exception:  # noqa: BLE001 (a cache outage must not cost the page)
        logger.warning("usage counter not counted", exc_info=True)


def _add_slot_counter(day):
    slots = f"{PREFIX}:n:{day.isoformat()}"
    cache.add(slots, 0, KEEP)
    return slots


def pending(day):
    """{counter key: count} of `day` not yet flushed."""
    slots = cache.get(f"{PREFIX}:n:{day.isoformat()}") or 0
    keys = cache.get_many([f"{PREFIX}:k:{day.isoformat()}:{slot}" for slot in range(1, slots + 1)]).values()
    return {key: value for key, value in cache.get_many(list(keys)).items() if value}


def dimensions(key):
    _prefix, _c, day, kind, page, language, town = key.split(":")
    return {"day": day, "kind": kind, "page": page, "language": language, "town": town}


def flush():
    """Adds the cached counts to the daily rows; returns how many counts were written.

    One flush at a time per cache; one write per figure and day, however many requests it counts.
    """
    if not cache.add(f"{PREFIX}:flushing", 1, 60):
        return 0
    written = 0
    try:
        today = timezone.localdate()
        counts = {}
        for back in range(DAYS_FLUSHED):
            counts.update(pending(today - timedelta(days=back)))
        if not counts:
            return 0
        with transaction.atomic():
            for key, value in counts.items():
                add_to_row(dimensions(key), value)
        for key, value in counts.items():
            try:
                cache.decr(key, value)  # increments since the read stay on the counter for the next flush
            except ValueError:
                pass  # expired meanwhile: nothing left to take off
            written += value
    finally:
        cache.delete(f"{PREFIX}:flushing")
    return written


def add_to_row(figure, value):
    rows = DailyCount.objects.filter(**figure)
    if rows.update(count=F("count") + value):
        return
    try:
        with transaction.atomic():
            DailyCount.objects.create(**figure, count=value)
    except IntegrityError:  # another process (with its own memory cache) created it just now
        rows.update(count=F("count") + value)


def maybe_flush():
    """flush(), if this process has not done so for USAGE_FLUSH_EVERY seconds (a minute); never raises."""
    global _flushed_at  # noqa: PLW0603 (the one timestamp per process)
    every = settings.USAGE_FLUSH_EVERY
    now = time.monotonic()
    if every is None or now - _flushed_at < every or not _flush_lock.acquire(blocking=False):
        return
    try:
        _flushed_at = now
        flush()
    except Exception:  # noqa: BLE001 (the database may be away; the counts wait in the cache)
        logger.warning("usage figures not flushed", exc_info=True)
    finally:
        _flush_lock.release()
