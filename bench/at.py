"""Runs a bench script with the clock set: what a list costs at a given hour (open_now depends on it).

.venv/bin/python bench/at.py 2026-12-01T10:00+01:00 bench/explain.py --runs 3 URL …
"""

import datetime
import runpy
import sys

from django.utils import timezone

moment = datetime.datetime.fromisoformat(sys.argv[1])
timezone.now = lambda: moment  # the one clock (offers.hours.now and timezone.localdate read it)
sys.argv = sys.argv[2:]
runpy.run_path(sys.argv[0], run_name="__main__")
