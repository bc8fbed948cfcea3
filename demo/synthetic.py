"""A synthetic catalogue at NRW scale (396 towns) for benchmarks: reproducible, fixed seed."""

import datetime
import io
import operator
import random
import uuid
from contextlib import contextmanager
from decimal import Decimal

from django.db import connection, models, transaction
from django.db.models.base import ModelState
from django.utils import timezone

from municipalities.models import District, Municipality, PostalCode
from offers import run_dates
from offers.models import (
    Category,
    CourseRun,
    HoursKind,
    Location,
    Offer,
    OfferRunDates,
    Provider,
    TargetGroup,
    WeeklyHours,
)
from portal.catalogue import catalogue_changed

from .catalogue import read_data, translated_values

SYNTHETIC_DISTRICT_KEY = "05999"
SYNTHETIC_PREFIX = "synthetisch-"
NRW_MUNICIPALITIES = 396
# Three runs per offer: `load_demo --scale 50000` makes 150,000.
RUNS_PER_OFFER = 3


def _synthetic_towns(count, rng):
    """The Kreis Unna's real towns plus generated ones, up to `count` in all."""

    def census(population, with_background, foreigners):
        return {
            "population": population,
            "population_without_migration_background": population - with_background,
            "population_with_migration_background": with_background,
            "migration_background_percent": Decimal(with_background * 1000 // population) / 10,
            "foreigners": foreigners,
            "foreigners_percent": Decimal(foreigners * 1000 // population) / 10,
            "census_year": 2011,
            "census_source": "Synthetische Testdaten",
        }

    towns = list(Municipality.objects.all())
    figures = []
    for _index in range(max(0, count - len(towns))):
        population = rng.randint(4_000, 600_000)
        with_background = population * rng.randint(8, 45) // 100
        figures.append((population, with_background, with_background * rng.randint(20, 50) // 100))
    if not figures:
        return towns
    totals = [sum(column) for column in zip(*figures, strict=True)]
    district = District.objects.create(
        key=SYNTHETIC_DISTRICT_KEY, name="NRW (synthetisch)", slug="nrw-synthetisch", **census(*totals)
    )
    created = Municipality.objects.bulk_create(
        Municipality(
            district=district,
            name=f"Musterstadt {number:03d}",
            slug=f"{SYNTHETIC_PREFIX}{number:03d}",
            official_key=f"{SYNTHETIC_DISTRICT_KEY}{number:03d}",
            postal_codes=f"{90000 + number:05d}",
            **synthetic_centre(number),
            **census(*town),
        )
        for number, town in enumerate(figures, start=1)
    )
    # Each generated town's one postal code at its centre, so "near=" works at NRW scale too.
    PostalCode.objects.bulk_create(
        (
            PostalCode(
                code=town.postal_codes,
                place_name=town.name,
                municipality=town,
                latitude=town.latitude,
                longitude=town.longitude,
                source="Synthetische Testdaten",
            )
            for town in created
        ),
        # An operator's GeoNames table may hold the code already (90… is Nuremberg): it stays.
        ignore_conflicts=True,
    )
    return towns + created


def synthetic_centre(number):
    """A generated town's centre, somewhere in NRW's bounding box; its own seed, so the catalogue stays as it was."""
    rng = random.Random(f"centre-{number}")
    return {
        "latitude": Decimal(f"{rng.uniform(50.33, 52.53):.5f}"),
        "longitude": Decimal(f"{rng.uniform(5.87, 9.46):.5f}"),
    }


# Weekly hours of the synthetic locations: a few patterns, so the catalogue keeps the small set of
# (weekday, time) boundaries a real one has. (weekdays, from, to, kind)
HOUR_PATTERNS = [
    [((0, 1, 2, 3, 4), "09:00", "12:00", HoursKind.APPOINTMENT), ((1,), "14:00", "17:00", HoursKind.WALK_IN)],
    [((0, 2), "09:00", "12:00", HoursKind.WALK_IN), ((3,), "14:00", "16:00", HoursKind.WALK_IN)],
    [((0, 1, 2, 3), "08:00", "16:00", HoursKind.APPOINTMENT), ((4,), "09:00", "12:00", HoursKind.WALK_IN)],
    [((1, 3), "13:00", "18:00", HoursKind.WALK_IN)],
]


def synthetic_hours(locations, rng):
    for location in locations:
        for weekdays, opens_at, closes_at, kind in rng.choice(HOUR_PATTERNS):
            for weekday in weekdays:
                yield WeeklyHours(
                    location=location,
                    weekday=weekday,
                    opens_at=datetime.time.fromisoformat(opens_at),
                    closes_at=datetime.time.fromisoformat(closes_at),
                    kind=kind,
                )


def delete_synthetic():
    providers = Provider.objects.filter(slug__startswith=SYNTHETIC_PREFIX)
    Offer.objects.filter(provider__in=providers).delete()
    Location.objects.filter(provider__in=providers).delete()
    providers.delete()
    PostalCode.objects.filter(municipality__district__key=SYNTHETIC_DISTRICT_KEY).delete()
    Municipality.objects.filter(district__key=SYNTHETIC_DISTRICT_KEY).delete()
    District.objects.filter(key=SYNTHETIC_DISTRICT_KEY).delete()


class Blank:
    """New instances of `model` without Model.__init__: its defaults, a language switch per translated
    field, would cost most of the load's Python time. The same values, defaults copied from one blank."""

    def __init__(self, model):
        self.model = model
        self.defaults = {name: value for name, value in vars(model()).items() if name != "_state"}
        self.fresh = [field for field in model._meta.concrete_fields if field.has_default() and callable(field.default)]

    def __call__(self, **values):
        instance = self.model.__new__(self.model)
        instance.__dict__.update(self.defaults)
        instance._state = ModelState()
        for field in self.fresh:  # a new uuid each
            setattr(instance, field.attname, field.get_default())
        for name, value in values.items():
            setattr(instance, name, value)
        return instance


# Backslash, tab, newline and carriage return are what COPY's text format escapes in a value.
COPY_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def copy_text(value):
    """A value ready for the database (get_db_prep_save's result) as COPY's text format spells it."""
    if value is None:
        return "\\N"
    if isinstance(value, str):
        return value.translate(COPY_ESCAPES)
    if isinstance(value, bool):
        return "t" if value else "f"
    if isinstance(value, int | Decimal | uuid.UUID):
        return str(value)
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    if hasattr(value, "adapted") and hasattr(value, "dumps"):  # psycopg2's Json, as JSONField prepares it
        return value.dumps(value.adapted).translate(COPY_ESCAPES)
    raise TypeError(f"No COPY text for {type(value).__name__}")


# Django types whose conversion for the database leaves a value of the right Python type as it is.
AS_IT_IS = (
    "AutoField",
    "BigAutoField",
    "BooleanField",
    "CharField",
    "DateField",
    "ForeignKey",
    "IntegerField",
    "OneToOneField",
    "PositiveIntegerField",
    "PositiveSmallIntegerField",
    "SlugField",
    "TextField",
    "TimeField",
)
CONVERSIONS = ("pre_save", "get_prep_value", "get_db_prep_value", "get_db_prep_save")


def read_as_it_is(field):
    """Whether the field's attribute goes to the database unchanged: where Django's own class for the
    type would not change it. Its conversion of each value was most of the load's time."""
    django_class = getattr(models, field.get_internal_type(), None)
    return (
        field.get_internal_type() in AS_IT_IS
        and not getattr(field, "auto_now", False)
        and not getattr(field, "auto_now_add", False)
        and all(getattr(type(field), name) is getattr(django_class, name) for name in CONVERSIONS)
    )


def copy_rows(model, objs):
    """bulk_create's outcome on PostgreSQL (new rows, ids set on `objs`), written by one COPY.

    Ids come from the table's sequence first, so the rows that refer to them can follow. Django
    converts the values of JSON, list, uuid and timestamp fields; the others are read as they are.
    """
    objs = list(objs)
    table = model._meta.db_table
    with connection.cursor() as cursor:
        if model._meta.auto_field is not None:
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
                [table, model._meta.pk.column, len(objs)],
            )
            for obj, (pk,) in zip(objs, cursor.fetchall(), strict=True):
                obj.pk = pk
        plain, converted = [], []
        for field in model._meta.concrete_fields:
            (plain if read_as_it_is(field) else converted).append(field)
        read_plain = operator.attrgetter(*(field.attname for field in plain))
        lines = []
        for obj in objs:
            obj._state.adding, obj._state.db = False, connection.alias
            values = read_plain(obj) if len(plain) > 1 else (read_plain(obj),)
            values += tuple(field.get_db_prep_save(field.pre_save(obj, True), connection) for field in converted)
            lines.append("\t".join(map(copy_text, values)))
        names = ", ".join(connection.ops.quote_name(field.column) for field in plain + converted)
        rows = io.StringIO("".join(line + "\n" for line in lines))
        cursor.copy_expert(f"COPY {connection.ops.quote_name(table)} ({names}) FROM STDIN", rows)
    return objs


@contextmanager
def checked_at_the_end(written):
    """On PostgreSQL, the foreign keys and the indexes other than unique ones of `written`' tables are
    dropped for the block and made again after it, in the caller's transaction.

    Checking each row's keys at COMMIT (they are deferred) and updating seven trigram indexes row by
    row made `--scale 500000` take over 45 minutes; one check and one index build per table do not.
    """
    if connection.vendor != "postgresql":
        yield
        return
    tables = [model._meta.db_table for model in written]
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint "
            "WHERE contype = 'f' AND conrelid::regclass::text = ANY(%s)",
            [tables],
        )
        keys = cursor.fetchall()
        cursor.execute(
            "SELECT indexrelid::regclass::text, pg_get_indexdef(indexrelid) FROM pg_index "
            "WHERE NOT indisunique AND indrelid::regclass::text = ANY(%s)",
            [tables],
        )
        indexes = cursor.fetchall()
        # ALTER TABLE refuses while rows written before (the towns, places and hours) wait for their checks.
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        for table, name, _definition in keys:
            cursor.execute(f'ALTER TABLE "{table}" DROP CONSTRAINT "{name}"')
        for name, _definition in indexes:
            cursor.execute(f'DROP INDEX "{name}"')
    yield
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL maintenance_work_mem = '512MB'")
        for _name, definition in indexes:
            cursor.execute(definition)
        for table, name, definition in keys:
            cursor.execute(f'ALTER TABLE "{table}" ADD CONSTRAINT "{name}" {definition}')
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")


@transaction.atomic
def generate_synthetic(offer_count, town_count=NRW_MUNICIPALITIES, seed=2026, batch_size=2000):
    """A reproducible catalogue of `offer_count` offers for benchmarks (replaces an earlier one)."""
    delete_synthetic()
    rng = random.Random(seed)
    # Per language: title and summary, with {category}, {town} and {number} filled in.
    synthetic_texts = read_data("synthetic_texts.json")
    today = timezone.localdate()
    towns = _synthetic_towns(town_count, rng)
    categories = list(Category.objects.all())
    target_groups = list(TargetGroup.objects.all())
    providers = Provider.objects.bulk_create(
        Provider(
            name=f"Synthetischer Träger {number:03d}",
            slug=f"{SYNTHETIC_PREFIX}{number:03d}",
            kind=rng.choice(Provider.Kind.values),
            description_de="Synthetischer Träger für Lasttests.",
            description="Synthetischer Träger für Lasttests.",
            is_demo=True,
        )
        for number in range(1, max(10, offer_count // 250) + 1)
    )
    locations = Location.objects.bulk_create(
        Location(
            provider=rng.choice(providers),
            name=f"Treffpunkt {town.name}",
            street=f"Hauptstraße {rng.randint(1, 200)}",
            postal_code=town.postal_code_list()[0],
            municipality=town,
        )
        for town in towns
    )
    WeeklyHours.objects.bulk_create(synthetic_hours(locations, rng))
    languages = ["de", "en", "tr", "ar", "ru", "uk", "fa", "pl", "ro", "ku"]
    district = District.objects.get(slug="kreis-unna")
    LocationLink = Offer.locations.through
    TargetGroupLink = Offer.target_groups.through
    bulk = [Offer, LocationLink, TargetGroupLink, CourseRun, OfferRunDates]
    catalogue_changed()  # what the managers' bulk_create would do per batch, once: write_rows bypasses them
    run_fields = operator.attrgetter(*run_dates.RUN_FIELDS)
    with checked_at_the_end(bulk):
        new = {model: Blank(model) for model in bulk}
        for start in range(0, offer_count, batch_size):
            batch, links = [], []
            for number in range(start + 1, min(offer_count, start + batch_size) + 1):
                location = rng.choice(locations)
                category = rng.choice(categories)
                translated = number % 2 == 0  # half fully translated, half German only
                texts = {}
                for code, text in synthetic_texts.items():
                    if code != "de" and not translated:
                        continue
                    context = {
                        "category": getattr(category, f"name_{code}"),
                        "town": location.municipality.name,
                        "number": number,
                    }
                    texts[code] = (text["title"].format(**context), text["summary"].format(**context))
                offer = new[Offer](
                    category=category,
                    provider=location.provider,
                    format=rng.choice(Offer.Format.values),
                    whole_district=district if number % 50 == 0 else None,
                    languages=sorted(rng.sample(languages, rng.randint(1, 3))),
                    free_of_charge=rng.random() < 0.6,
                    childcare=rng.random() < 0.3,
                    women_only=rng.random() < 0.1,
                    status=Offer.Status.PUBLISHED if rng.random() < 0.95 else Offer.Status.DRAFT,
                    visible_until=today + datetime.timedelta(days=rng.randint(-30, 365)),
                    last_reviewed=today - datetime.timedelta(days=rng.randint(0, 500)),
                    is_demo=True,
                    **translated_values("title", {code: pair[0] for code, pair in texts.items()}),
                    **translated_values("summary", {code: pair[1] for code, pair in texts.items()}),
                )
                offer.update_derived_fields()
                batch.append(offer)
                links.append((location, rng.sample(target_groups, rng.randint(0, 2))))
            created = write_rows(Offer, batch)
            write_rows(
                LocationLink,
                (
                    new[LocationLink](offer=offer, location=location)
                    for offer, (location, _groups) in zip(created, links, strict=True)
                ),
            )
            write_rows(
                TargetGroupLink,
                (
                    new[TargetGroupLink](offer=offer, targetgroup=group)
                    for offer, (_location, groups) in zip(created, links, strict=True)
                    for group in groups
                ),
            )
            runs = write_rows(
                CourseRun,
                (
                    synthetic_run(new[CourseRun], offer, location, number, today, rng)
                    for offer, (location, _groups) in zip(created, links, strict=True)
                    for number in range(RUNS_PER_OFFER)
                ),
            )
            write_rows(OfferRunDates, OfferRunDates.computed(map(run_fields, runs), today))
    return offer_count, len(towns)


def write_rows(model, objs):
    """bulk_create without the managers' extras (the caller does them once): by COPY on PostgreSQL,
    where Django building each INSERT was most of `--scale 500000`'s time."""
    if connection.vendor == "postgresql":
        return copy_rows(model, objs)
    return models.QuerySet(model).bulk_create(objs)


def synthetic_run(new_run, offer, location, number, today, rng):
    """A run some weeks from now (one in ten already running), with a figure reported in the last month."""
    start = today + datetime.timedelta(days=rng.randint(-60, 120) + number * 98)
    maximum = rng.choice((12, 15, 18, 20, 24))
    free = rng.choice((0, 0, 1, 2, 3, maximum // 2, maximum))
    hour, minute = rng.choice((8, 9, 13, 17)), rng.choice((0, 15, 30, 45))
    return new_run(
        offer=offer,
        start_date=start,
        end_date=start + datetime.timedelta(days=rng.choice((1, 28, 90, 180))),
        rolling_entry=rng.random() < 0.1,
        weekdays=rng.choice(([1, 2, 3, 4, 5], [1, 3], [2, 4], [6])),
        class_start=datetime.time(hour, minute),
        class_end=datetime.time(hour + 3, minute),
        location=location,
        max_places=maximum,
        free_places=free,
        places_reported_on=today - datetime.timedelta(days=rng.randint(0, 30)),
        has_waiting_list=free == 0 and rng.random() < 0.5,
        is_cancelled=rng.random() < 0.02,
    )


def refresh_statistics():
    """After a bulk load on PostgreSQL, do now what autovacuum would do later.

    ANALYZE gives the planner the new row counts; VACUUM marks the pages
    all-visible, so the list's counts read only the covering index. VACUUM
    cannot run inside a transaction (as in tests): there, ANALYZE alone.
    """
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE" if connection.in_atomic_block else "VACUUM ANALYZE")
