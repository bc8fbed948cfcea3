"""Per offer, what its runs say about "when" and "is there room", stored so the list can sort and filter cheaply.

"Upcoming" depends on today, so nothing here stores a fact about today. A run counts as upcoming
on every day up to its **last counting day** (`counts_until`): its end; without an end, its start
(it is over once it has begun), or for ever when it has rolling entry or no dates
(`CourseRunQuerySet.upcoming` says the same in SQL). From that, per offer (`OfferRunDates`):

- `places_until`: the last day on which some run has free places reported in the last
  PLACES_CURRENT_DAYS days and is upcoming. `places=1` on day t is exactly `places_until >= t`,
  for every t, without any refresh.
- the next start: on day t an offer is joinable from max(t, m(t)), where m(t) is the earliest start
  of its dated, not cancelled runs that still count on t. m(t) is a step function of t; we store
  its value on the step that held when the runs were last written (`next_start`) with that step's
  first and last day (`next_start_from`, `next_start_until`). On a day inside the step the list
  uses the stored value; outside it (a run ended since) the list computes that offer's value
  live, as before (`OfferQuerySet.order_by_next_start`). So the order is right at every minute;
  `refresh_run_dates` (nightly, after midnight) moves stale rows to today's step, so that the
  live computation is the exception.
- the next start among the runs with free places reported lately (`places=1&sort=next_start`):
  the same step, of the runs with places only, each counting up to its **last day with places**
  (its last counting day, or the day its figure ages out if that is earlier: a step ends there
  too): `places_next_start`, `places_next_start_from`, `places_next_start_until`.

The rows are rewritten in the saving transaction of every write of runs (a run's save or delete,
the queryset's update and bulk_create: see the receivers in offers/models.py). An offer without
a row has no runs.
"""

import datetime

# "For ever" and "since always", as dates both databases compare correctly.
FOREVER = datetime.date.max
SINCE_ALWAYS = datetime.date.min

RUN_FIELDS = (
    "offer_id",
    "start_date",
    "end_date",
    "rolling_entry",
    "is_cancelled",
    "free_places",
    "places_reported_on",
)


# What OfferRunDates stores per offer (`rows`).
STORED_FIELDS = (
    "next_start",
    "next_start_from",
    "next_start_until",
    "places_until",
    "places_next_start",
    "places_next_start_from",
    "places_next_start_until",
)


def counts_until(start_date, end_date, rolling_entry):
    """The last day a run is upcoming (not over)."""
    if end_date is not None:
        return end_date
    if start_date is None or rolling_entry:
        return FOREVER
    return start_date


def _day_after(day):
    return day if day == FOREVER else day + datetime.timedelta(days=1)


def last_day_with_places(run, current_days):
    """The last day a run (RUN_FIELDS tuple) is upcoming with free places reported in the last `current_days` days, or None."""
    _offer, start, end, rolling, cancelled, free, reported = run
    if cancelled or not free or reported is None:
        return None
    window = datetime.timedelta(days=current_days)
    return min(min(reported, FOREVER - window) + window, counts_until(start, end, rolling))


def places_until(runs, current_days):
    """The last day on which one of `runs` (RUN_FIELDS tuples) is upcoming with free places reported lately, or None."""
    return max(filter(None, (last_day_with_places(run, current_days) for run in runs)), default=None)


def dated(runs, last_day):
    """(start, last_day(run)) of the dated, not cancelled `runs` for which `last_day` gives a day."""
    pairs = ((run[1], last_day(run)) for run in runs if run[1] is not None and not run[4])
    return [(start, last) for start, last in pairs if last is not None]


def next_start_step(dated, today):
    """(earliest start, first day, last day) of the step of m(t) (module docstring) that holds on `today`.

    `dated`: (start, last day it counts) of each dated run that counts at all (`dated()`).
    """
    counting = [start for start, last in dated if last >= today]
    if not counting:  # no dated run any more: none from the day after the last one ended
        return None, max((_day_after(last) for _start, last in dated), default=SINCE_ALWAYS), FOREVER
    earliest = min(counting)
    first = max((_day_after(last) for start, last in dated if start < earliest), default=SINCE_ALWAYS)
    last = max(last for start, last in dated if start == earliest)
    return earliest, first, last


def rows(runs, today, current_days):
    """{offer id: fields of its OfferRunDates} for `runs` (RUN_FIELDS tuples, all runs of each offer named)."""
    by_offer = {}
    for run in runs:
        by_offer.setdefault(run[0], []).append(run)
    result = {}
    for offer_id, offer_runs in by_offer.items():
        step = next_start_step(dated(offer_runs, lambda run: counts_until(*run[1:4])), today)
        with_places = next_start_step(dated(offer_runs, lambda run: last_day_with_places(run, current_days)), today)
        values = (*step, places_until(offer_runs, current_days), *with_places)
        result[offer_id] = dict(zip(STORED_FIELDS, values, strict=True))
    return result


def store_all(runs, model, today, current_days):
    """Rewrites (or creates) the row of every offer in `runs` (a CourseRun queryset) as of `today`.

    For the data migrations: `model` is OfferRunDates as the migration knows it, so only its fields are written.
    """
    computed = rows(runs.order_by("offer_id").values_list(*RUN_FIELDS).iterator(chunk_size=5000), today, current_days)
    fields = [field.name for field in model._meta.concrete_fields if not field.primary_key]
    model.objects.using(runs.db).bulk_create(
        (model(offer_id=pk, **{name: values[name] for name in fields}) for pk, values in computed.items()),
        batch_size=5000,
        update_conflicts=True,
        unique_fields=["offer"],
        update_fields=fields,
    )
