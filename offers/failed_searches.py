"""Counting searches that found nothing or little, without a database write per request.

Each process counts in memory and adds its counts to the database at most once a minute
(`flush()`, also called by `manage.py flush_failed_searches` from cron). Only the text (folded
whitespace, lower case, at most 100 characters), its language and the week are kept; a text with
a digit or an e-mail address is dropped, since it may name a person, a file number or a date.
"""

import datetime
import re
import threading
import time
from collections import Counter

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

FEW = 3  # fewer results than this count as failed
SHOWN_FROM = 3  # staff see texts counted at least this often
KEPT_WEEKS = 8
PERSONAL = re.compile(r"\d|@")

_pending = Counter()
_lock = threading.Lock()
_last_flush = [time.monotonic()]


def this_week():
    today = timezone.localdate()
    return today - datetime.timedelta(days=today.weekday())


def count(language, text, found):
    """Count a search with `found` results (nothing happens for FEW or more)."""
    text = " ".join(str(text).split()).lower()[:100]
    if found >= FEW or not text or PERSONAL.search(text):
        return
    with _lock:
        _pending[(this_week(), language, text)] += 1
        due = time.monotonic() - _last_flush[0] >= settings.FAILED_SEARCHES_FLUSH_SECONDS
    if due:
        flush()


def flush():
    """Add the counts of this process to the database and forget rows older than KEPT_WEEKS."""
    from .models import FailedSearch

    with _lock:
        counts = dict(_pending)
        _pending.clear()
        _last_flush[0] = time.monotonic()
    with transaction.atomic():
        for (week, language, text), number in sorted(counts.items()):
            rows = FailedSearch.objects.filter(week=week, language=language, text=text)
            if not rows.update(count=F("count") + number):
                try:
                    with transaction.atomic():
                        FailedSearch.objects.create(week=week, language=language, text=text, count=number)
                except IntegrityError:  # another process created it meanwhile
                    rows.update(count=F("count") + number)
        FailedSearch.objects.filter(week__lt=this_week() - datetime.timedelta(weeks=KEPT_WEEKS)).delete()
