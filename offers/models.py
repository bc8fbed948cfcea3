import datetime
import functools
import uuid
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.postgres.lookups import TrigramWordSimilar
from django.contrib.postgres.search import SearchQuery
from django.core.exceptions import NON_FIELD_ERRORS, EmptyResultSet, ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import connections, models, router, transaction
from django.db.models import Case, Count, Exists, F, Func, OuterRef, Q, Subquery, Value, When, Window
from django.db.models.expressions import RawSQL
from django.db.models.functions import Cast, Coalesce, NullIf, RowNumber, StrIndex
from django.db.models.lookups import Exact, GreaterThan, LessThan
from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver
from django.urls import reverse
from django.utils import timezone
from django.utils.dates import WEEKDAYS
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import get_language as current_language

from municipalities.models import District, Municipality
from portal.catalogue import CatalogueQuerySet, kept_in_process, once_per_request, until_changed
from portal.i18n import weekly_times
from portal.text import slugify_de

from . import hours, run_dates
from .fields import LanguageCodesField, WeekdaysField
from .languages import language_name
from .search import SHORT_WORD, StemIndex, TrigramIndex, stemmed, stemmer, stored_text, understand
from .translations import TranslatedOffer, TranslationQuerySet, translated_field_names

phone_validator = RegexValidator(
    r"^(\+|0|\(0)[0-9 ()/\-]{5,24}$",
    _("Bitte eine Telefonnummer wie „02303 27-1234“ oder „+49 2303 271234“ eingeben."),
)


def language_codes():
    return [code for code, _name in settings.LANGUAGES]


def months_before(day, months):
    """The same day `months` earlier (clamped to the month's last day)."""
    month_index = day.year * 12 + day.month - 1 - months
    year, month = divmod(month_index, 12)
    month += 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return day.replace(year=year, month=month, day=candidate)
        except ValueError:
            continue
    raise AssertionError("unreachable")


class ExistsPerRow(Exists):
    """EXISTS asked for each row it filters, never hashed: `OFFSET 0` keeps PostgreSQL from turning it into
    one set of every match (its planner's "hashed SubPlan"), built in full before the first row is read.

    For a condition that most offers meet, on a list that stops at a thousand: the offers at a place
    open at a busy hour (three quarters of the catalogue, 37,000 rows hashed, 30 ms at 50,000 offers)
    against some thousand probes of two indexes.
    """

    template = "EXISTS(%(subquery)s OFFSET 0)"


class RowCount(models.Subquery):
    """The number of rows of a subquery, sliced to count no further than needed."""

    template = "(SELECT COUNT(*) FROM (%(subquery)s) AS counted)"
    output_field = models.IntegerField()


def shown_title(language=None):
    """The title a visitor of `language` reads: the translation, else the German one."""
    language = language or get_language() or settings.LANGUAGE_CODE
    return Coalesce(NullIf(f"title_{language}", models.Value("")), "title_de")


def search_columns(languages=None):
    """The search columns of `languages` (default: the current one) and German."""
    wanted = {settings.LANGUAGE_CODE, *(languages or [get_language()])}
    return sorted(f"search_text_{code}" for code in wanted & set(language_codes()))


# A stem in more than this many offers (a list's count, offers.views.MAX_COUNT) is not read: reading every
# offer of a common stem (55,500 for "курс" at 500,000 offers) cost more than the whole page. The word as
# typed is not counted: for a rare word of common letters ("deutschkurs") that count rechecked every offer
# its trigrams found (55,659 at 500,000: 172 ms of a town's search), where the stem's count read 4 pages.
MAX_STEMMED = 1000


class AmongIds(Func):
    """`id = ANY(ARRAY(subquery))`: PostgreSQL reads the subquery once, and the ids are an index
    condition on the primary key, so an OR of it with the LIKEs is still a BitmapOr of index scans
    (`id IN (subquery)` is a hashed subplan, tested row by row: the whole table was read)."""

    template = "(%(expressions)s))"
    arg_joiner = " = ANY(ARRAY"
    output_field = models.BooleanField()


def other_forms(column, word):
    """PostgreSQL: offers whose `column` holds `word` in another form its language's stemmer knows
    ("beratungen" finds "Beratung"), read from the column's full-text index (StemIndex).

    Only where that is cheap: the planner drops the test when the stem is the word itself ("deutsch":
    the LIKE finds all its forms), and the stem's ids are not read when more than MAX_STEMMED offers
    hold the stem.
    """
    configuration = stemmer(column.removeprefix("search_text_"))
    query = SearchQuery(word, config=configuration)
    stem = Cast(query, models.TextField())
    differs = ~Q(Exact(stem, Value(f"'{word}'"))) & ~Q(Exact(stem, Value("")))
    found = Offer.objects.alias(stems=stemmed(column, configuration)).filter(stems=query).order_by().values("pk")
    rare = ~Exists(found[MAX_STEMMED : MAX_STEMMED + 1])
    return differs & Q(AmongIds(F("pk"), Subquery(found.filter(rare))))


def edits_every_provider(user):
    """KI staff edit every provider's entries; provider staff only their own."""
    return user.has_perm("offers.edit_every_provider")


class ProviderQuerySet(CatalogueQuerySet):
    def editable_by(self, user):
        return self if edits_every_provider(user) else self.filter(editors=user)


class Provider(models.Model):
    """A Träger: the organisation that runs offers."""

    class Kind(models.TextChoices):
        COURSE_PROVIDER = "course_provider", _("Integrationskursträger")
        WELFARE = "welfare", _("Wohlfahrtsverband")
        INTEGRATION_AGENCY = "integration_agency", _("Integrationsagentur")
        MIGRANT_ORGANISATION = "migrant_organisation", _("Migrantenorganisation")
        AUTHORITY = "authority", _("Behörde")
        KI = "ki", _("Kommunales Integrationszentrum")
        SCHOOL = "school", _("Schule oder Kita")
        OTHER = "other", _("Sonstige")

    name = models.CharField(_("Name"), max_length=200)
    slug = models.SlugField(_("Kurzname für Adressen"), max_length=200, unique=True)
    uuid = models.UUIDField(_("Dauerhafte Kennung"), default=uuid.uuid4, unique=True, editable=False)
    kind = models.CharField(_("Art des Trägers"), max_length=30, choices=Kind.choices)
    description = models.TextField(_("Beschreibung"), blank=True)
    website = models.URLField(_("Website"), blank=True)
    email = models.EmailField(_("E-Mail"), blank=True)
    phone = models.CharField(_("Telefon"), max_length=30, blank=True, validators=[phone_validator])
    bamf_provider_number = models.CharField(
        _("BAMF-Trägernummer"),
        max_length=20,
        blank=True,
        validators=[RegexValidator(r"^[0-9A-Za-z-]+$", _("Nur Ziffern, Buchstaben und Bindestriche."))],
        help_text=_("Nur für zugelassene Integrationskursträger."),
    )
    is_demo = models.BooleanField(_("Demo-Daten"), default=False, help_text=_("Erfundener Eintrag aus den Demo-Daten."))
    editors = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="edited_providers",
        verbose_name=_("Redaktion des Trägers"),
        help_text=_("Mitglieder der Gruppe Träger-Redaktion, die die Angebote und Orte dieses Trägers pflegen."),
    )

    objects = ProviderQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("Träger")
        verbose_name_plural = _("Träger")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("provider_detail", args=[self.slug])


class ProviderScopedQuerySet(CatalogueQuerySet):
    """Rows that belong to a provider: its staff see and edit only theirs."""

    def editable_by(self, user):
        return self if edits_every_provider(user) else self.filter(provider__editors=user)


class Location(models.Model):
    class WheelchairAccess(models.TextChoices):
        YES = "yes", _("Barrierefrei zugänglich")
        PARTIAL = "partial", _("Teilweise barrierefrei")
        NO = "no", _("Nicht barrierefrei")
        UNKNOWN = "unknown", _("Unbekannt")

    provider = models.ForeignKey(Provider, models.PROTECT, related_name="locations", verbose_name=_("Träger"))
    name = models.CharField(_("Bezeichnung"), max_length=200, help_text=_("z. B. „Beratungsstelle Lünen-Mitte“"))
    street = models.CharField(_("Straße und Hausnummer"), max_length=200)
    postal_code = models.CharField(
        _("Postleitzahl"), max_length=5, validators=[RegexValidator(r"^\d{5}$", _("Die Postleitzahl hat 5 Ziffern."))]
    )
    municipality = models.ForeignKey(
        Municipality, models.PROTECT, related_name="locations", verbose_name=_("Stadt oder Gemeinde")
    )
    latitude = models.DecimalField(
        _("Breitengrad"),
        max_digits=8,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.DecimalField(
        _("Längengrad"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    wheelchair_access = models.CharField(
        _("Rollstuhlgerecht"), max_length=10, choices=WheelchairAccess.choices, default=WheelchairAccess.UNKNOWN
    )
    opening_hours = models.TextField(_("Öffnungszeiten"), blank=True)
    uuid = models.UUIDField(_("Dauerhafte Kennung"), default=uuid.uuid4, unique=True, editable=False)

    objects = ProviderScopedQuerySet.as_manager()

    class Meta:
        ordering = ["municipality__name", "name"]
        verbose_name = _("Ort")
        verbose_name_plural = _("Orte")

    def __str__(self):
        return f"{self.name}, {self.street}, {self.postal_code} {self.municipality}"

    def map_url(self):
        """A link to OpenStreetMap: the visitor chooses to open it, nothing is embedded."""
        if self.latitude is not None and self.longitude is not None:
            return f"https://www.openstreetmap.org/?mlat={self.latitude}&mlon={self.longitude}#map=17/{self.latitude}/{self.longitude}"
        address = f"{self.street}, {self.postal_code} {self.municipality.name}"
        return f"https://www.openstreetmap.org/search?{urlencode({'query': address})}"

    def clean(self):
        errors = {}
        if (self.latitude is None) != (self.longitude is None):
            errors["longitude"] = _("Bitte Breiten- und Längengrad gemeinsam angeben oder beide leer lassen.")
        if self.municipality_id and self.postal_code and self.postal_code not in self.municipality.postal_code_list():
            errors["postal_code"] = _("Die Postleitzahl %(code)s gehört nicht zu %(town)s (%(codes)s).") % {
                "code": self.postal_code,
                "town": self.municipality.name,
                "codes": ", ".join(self.municipality.postal_code_list()),
            }
        if errors:
            raise ValidationError(errors)


class Category(models.Model):
    INTEGRATION_COURSE = "integrationskurs"
    # MBE and JMD counsel anyone of their age on anything: the answer when nothing else fits.
    COUNSELLING_FOR_EVERYONE = ("migrationsberatung-erwachsene", "jugendmigrationsdienst")

    slug = models.SlugField(
        _("Kurzname für Adressen"),
        unique=True,
        help_text=_("Steht in geteilten Links und QR-Codes: nach dem Anlegen nicht mehr änderbar."),
    )
    name = models.CharField(_("Name"), max_length=100)
    explanation = models.CharField(_("Erklärung in einem Satz"), max_length=300)
    order = models.PositiveSmallIntegerField(_("Reihenfolge"), default=0)
    uuid = models.UUIDField(_("Dauerhafte Kennung"), default=uuid.uuid4, unique=True, editable=False)

    objects = CatalogueQuerySet.as_manager()

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("Kategorie")
        verbose_name_plural = _("Kategorien")

    def __str__(self):
        return self.name

    # Its names are matched when a visitor searches (offers/search.py): renaming rewrites no offer.

    def get_absolute_url(self):
        return reverse("category_detail", args=[self.slug])


class TargetGroup(models.Model):
    slug = models.SlugField(
        _("Kurzname für Adressen"),
        unique=True,
        help_text=_("Steht in geteilten Links und QR-Codes: nach dem Anlegen nicht mehr änderbar."),
    )
    name = models.CharField(_("Name"), max_length=100)
    order = models.PositiveSmallIntegerField(_("Reihenfolge"), default=0)
    uuid = models.UUIDField(_("Dauerhafte Kennung"), default=uuid.uuid4, unique=True, editable=False)

    objects = CatalogueQuerySet.as_manager()

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("Zielgruppe")
        verbose_name_plural = _("Zielgruppen")

    def __str__(self):
        return self.name


def column(values):
    """A one-column values_list() queryset's values, read from the cursor: through the ORM's row iterators
    (modeltranslation adds five generators per row) a thousand ids cost a third more than the query itself."""
    try:
        sql, params = values.query.sql_with_params()
    except EmptyResultSet:  # the ORM's answer to a filter that cannot match (pk__in=[])
        return []
    with connections[values.db].cursor() as cursor:
        cursor.execute(sql, params)
        return [row[0] for row in cursor.fetchall()]


# One array of ids as the rows of a subquery (the ids one parameter, an array literal).
UNNESTED_IDS = "SELECT unnest(%s::bigint[])"


def many_ids(ids, using):
    """What `pk__in` takes for a thousand ids: on PostgreSQL one array, where Django checks, prepares and
    passes each id of a list apart (2 ms per query, a search's thousand candidates)."""
    if connections[using].vendor != "postgresql":
        return ids
    return RawSQL(UNNESTED_IDS, [array_literal(ids)])  # noqa: S611 (the ids are one parameter)


def array_literal(ids):
    """The ids as one PostgreSQL array literal, `{1,2,3}`: psycopg2 writes a list as `ARRAY[1,2,3]`, whose
    every element PostgreSQL parses and casts apart (2.5 ms for a town's 1,221 ids, in each query)."""
    return "{" + ",".join(map(str, ids)) + "}"


class ReadIds(tuple):
    """Ids read once for the queries of a request (AmongIdsRead), which make their array literal once too."""

    @functools.cached_property
    def literal(self):
        return array_literal(self)


# The most ids AmongIdsRead lists. PostgreSQL's planner weighs each listed id in every query that holds
# them: a town's 126 offers at 50,000 made places=1&sort=next_start's SQL 25 ms instead of 12 faster,
# its 1,260 at 500,000 made it 60 ms instead of 44 slower (16–26 ms of planning).
MAX_IDS_LISTED = 300
# Above that, up to this many on PostgreSQL as one array behind a subquery (`IN (SELECT unnest(…))`),
# which the planner neither weighs id by id nor runs again per row: it hashes the ids once per query.
# An EXISTS per row instead cost the 500,000-offer Unna list with places its capped count 12.6 ms instead
# of 4.5 (3,328 rows, each probing the town's places). Above this, and on SQLite above MAX_IDS_LISTED,
# the EXISTS. (The ids are of links: an offer at two places in the town counts twice.)
MAX_IDS_HASHED = 5000


class AmongIdsRead(Func):
    """The row's id is one of the ids `read(database, limit)` gives (a ReadIds of at most `limit`, from the
    database the query runs on), read when the SQL is written. Three ways: up to MAX_IDS_LISTED the ids
    listed; on PostgreSQL up to MAX_IDS_HASHED one array behind a subquery; more than that (on SQLite more
    than MAX_IDS_LISTED), the condition `otherwise()` gives, resolved against the query then. Both
    callables must pickle, as querysets do (a module's function or a partial of one).

    On PostgreSQL the ids are one array, which it hashes once per query: a subquery of the links in its
    place was planned as if it ran again for each row of a join. `otherwise` is built only where it is
    used: as a source expression, its subquery was resolved and relabelled at each of the page's filters
    and clones (3–4 % of a town list's instructions), to be compiled for the largest towns only.
    """

    output_field = models.BooleanField()

    def __init__(self, expression, read, otherwise):
        super().__init__(expression)
        self.read = read  # a copy of this expression (Django copies them per query) shares both
        self.otherwise = otherwise

    def as_sql(self, compiler, connection, **extra_context):
        postgresql = connection.vendor == "postgresql"
        most = MAX_IDS_HASHED if postgresql else MAX_IDS_LISTED
        ids = self.read(compiler.connection.alias, most + 1)
        if len(ids) > most:
            return compiler.compile(self.otherwise().resolve_expression(compiler.query))
        column_sql, params = compiler.compile(self.source_expressions[0])
        if postgresql and len(ids) > MAX_IDS_LISTED:
            return f"{column_sql} IN ({UNNESTED_IDS})", (*params, ids.literal)
        if postgresql:
            return f"{column_sql} = ANY(%s::bigint[])", (*params, ids.literal)
        if not ids:
            return "1 = 0", params
        return f"{column_sql} IN ({', '.join(['%s'] * len(ids))})", (*params, *ids)


def offer_ids_held_in(municipality_id, database, limit):
    """Ids of at most `limit` offers held at a place in the town: read once per request (a list's count,
    its page and its bands ask the same), afresh outside requests."""

    def read():  # built only when read: each compiling of the page's queries asks
        links = places_links_in(municipality_id).using(database)
        return ReadIds(column(links.order_by().values_list("offer_id", flat=True)[:limit]))

    return once_per_request(("offer-ids-held-in", database, municipality_id, limit), read)


def held_there(municipality):
    """The offer (the outer query's row) is held at a place in the town, written as AmongIdsRead does."""
    return AmongIdsRead(
        F("pk"),
        functools.partial(offer_ids_held_in, municipality.pk),
        functools.partial(held_in, municipality.pk),
    )


def held_in(municipality_id):
    """The offer (the outer query's row) is held at a place in the town."""
    return Exists(places_links_in(municipality_id).filter(offer=OuterRef("pk")))


def places_links_in(municipality_id):
    """The links of offers to their places in the town."""
    return Offer.locations.through.objects.filter(location__municipality_id=municipality_id)


class OfferQuerySet(TranslationQuerySet, ProviderScopedQuerySet):
    def published(self):
        today = timezone.localdate()
        return self.filter(status=Offer.Status.PUBLISHED).filter(
            Q(visible_until__isnull=True) | Q(visible_until__gte=today)
        )

    def expired(self):
        return self.filter(visible_until__lt=timezone.localdate())

    def expiring_within(self, days):
        today = timezone.localdate()
        return self.filter(visible_until__gte=today, visible_until__lte=today + datetime.timedelta(days=days))

    def review_overdue(self, months=None):
        months = settings.REVIEW_INTERVAL_MONTHS if months is None else months
        cutoff = months_before(timezone.localdate(), months)
        return self.filter(Q(last_reviewed__isnull=True) | Q(last_reviewed__lt=cutoff))

    def currency_report(self, expiring_days=30, limit=25):
        """What KI staff must look at: overdue reviews and offers about to disappear."""
        overdue = self.review_overdue().select_related("provider").order_by("last_reviewed", "pk")
        expiring = (
            self.published().expiring_within(expiring_days).select_related("provider").order_by("visible_until", "pk")
        )
        submitted = self.filter(status=Offer.Status.SUBMITTED).select_related("provider").order_by("updated", "pk")
        return {
            "submitted": submitted[:limit],
            "submitted_count": submitted.count(),
            "review_overdue": overdue[:limit],
            "review_overdue_count": overdue.count(),
            "expiring": expiring[:limit],
            "expiring_count": expiring.count(),
            "expiring_days": expiring_days,
            "review_interval_months": settings.REVIEW_INTERVAL_MONTHS,
        }

    def in_municipality(self, municipality):
        """Offers a resident can use: held there, district-wide, or online.

        Those held there are read first (the town's few places, one query) and given as a list of
        ids (AmongIdsRead): as an EXISTS per offer, PostgreSQL probed two indexes for each row of a join
        (the run dates of places=1: 12 ms of a town's count instead of 2), and as a subquery it planned
        as if that subquery ran again for each row, sorting all of a town's offers by next start. For
        more ids, AmongIdsRead writes them another way (an array behind a subquery, or the EXISTS).
        """
        return self.filter(
            Q(held_there(municipality)) | Q(whole_district_id=municipality.district_id) | Q(format=Offer.Format.ONLINE)
        )

    def counselling_for_everyone(self):
        return self.filter(category__slug__in=Category.COUNSELLING_FOR_EVERYONE)

    def in_categories(self, categories):
        return self.filter(category__in=categories)

    def for_target_groups(self, target_groups):
        matching = Offer.target_groups.through.objects.filter(offer=OuterRef("pk"), targetgroup__in=target_groups)
        return self.filter(Exists(matching))

    def held_in_language(self, code):
        return self.filter(languages__contains=f",{code},")

    def offered_languages(self):
        """The languages published offers are held in, sorted by their name in the current language.

        Cached until the catalogue changes, like the lists. Each combination of
        languages is read once from the (status, languages) index, by jumping from
        one to the next (a loose index scan), instead of visiting every offer.
        """

        def held_languages():
            connection = connections[router.db_for_read(Offer)]
            table = connection.ops.quote_name(Offer._meta.db_table)
            published = "status = %s AND (visible_until IS NULL OR visible_until >= %s)"
            params = [Offer.Status.PUBLISHED, connection.ops.adapt_datefield_value(timezone.localdate())]
            with connection.cursor() as cursor:
                # The table name is quoted by Django and the values are parameters: no injection.
                cursor.execute(
                    f"""WITH RECURSIVE held (languages) AS (
                        SELECT MIN(languages) FROM {table} WHERE {published}
                        UNION ALL
                        SELECT (SELECT MIN(languages) FROM {table} WHERE {published} AND languages > held.languages)
                        FROM held WHERE held.languages IS NOT NULL
                    ) SELECT languages FROM held WHERE languages IS NOT NULL""",  # noqa: S608
                    params * 2,
                )
                return {code for (stored,) in cursor.fetchall() for code in LanguageCodesField.as_list(stored)}

        codes = until_changed("languages", "", held_languages, 600)
        return sorted(codes, key=lambda code: language_name(code).casefold())

    def online_or_hybrid(self):
        return self.filter(format__in=[Offer.Format.ONLINE, Offer.Format.HYBRID])

    def for_age(self, age):
        return self.filter(Q(min_age__isnull=True) | Q(min_age__lte=age)).filter(
            Q(max_age__isnull=True) | Q(max_age__gte=age)
        )

    # Hours (issue 14): an offer's own weekly hours, else its locations' (offers/hours.py).
    def _by_hours(self, rows, own_filter=None, location_filter=None):
        # The hours that match are few: each set of them is hashed once (uncorrelated `IN (…)`), where
        # a correlated EXISTS per offer probed the hours three times for each of a town's offers.
        own = rows.filter(own_filter or Q(), offer__isnull=False).values("offer_id")
        located = rows.filter(location_filter or Q(), location__isnull=False).values("location_id")
        # Per offer its locations (unique index), each probed for a matching hour (index on the location):
        # the offers at open locations, most of the catalogue at a busy hour, hashed as one set outgrew the
        # work memory at 500,000 offers (100 s for a town's count) and cost 30 ms at 50,000.
        at_location = ExistsPerRow(Offer.locations.through.objects.filter(offer=OuterRef("pk"), location__in=located))
        has_own = WeeklyHours.objects.filter(offer__isnull=False).values("offer_id")
        # Uncorrelated, checked once: when no hours match (at night) no offer is read at all.
        return self.filter(Exists(rows), Q(pk__in=own) | (~Q(pk__in=has_own) & at_location))

    def with_walk_in(self):
        return self._by_hours(WeeklyHours.objects.filter(kind=HoursKind.WALK_IN))

    def open_now(self, moment=None, kind=None):
        """Open at `moment`: the weekday and time in SQL, today's holiday and closures read once, in Python;
        none without a query when no weekly hour anywhere goes on then (at night, `hours.no_hour_now`).

        `kind` (HoursKind.WALK_IN for open_now=1&walk_in=1): only hours of that kind count.
        """
        local = hours.local_now(moment)
        if hours.no_hour_now(local):
            return self.none()
        today = local.date()
        closed = list(Closure.objects.on(today).values_list("offer_id", "location_id"))
        open_hours = WeeklyHours.objects.filter(
            weekday=today.weekday(), opens_at__lte=local.time(), closes_at__gt=local.time()
        )
        if kind:  # -- issue 14, finding 5: a walk-in hour now --
            open_hours = open_hours.filter(kind=kind)
        own_filter, location_filter = Q(), ~Q(location_id__in=[location for _o, location in closed if location])
        if hours.public_holiday(today):
            own_filter &= Q(offer__closed_on_public_holidays=False)
            location_filter &= Q(location__closed_on_public_holidays=False)
        return self._by_hours(open_hours, own_filter, location_filter).exclude(
            pk__in=[offer for offer, _l in closed if offer]
        )

    def update_for_new_languages(self):
        """Offers stored before a language joined LANGUAGES get its search column and translation state.

        Run after every migrate (OffersConfig): the generated migration adds the empty column, this
        fills it, so a new language needs no data migration. Offers already current cost one query.
        """
        stale = Q()
        for code in language_codes():
            stale |= ~Q(translation_status__has_key=code)
        fields = [*(f"search_text_{code}" for code in language_codes()), "translation_sources", "translation_status"]
        batch = []
        for offer in self.filter(stale).iterator(chunk_size=500):
            offer.update_search_text()
            offer.update_translation_status()
            batch.append(offer)
            if len(batch) == 500:
                self.bulk_update(batch, fields)
                batch = []
        if batch:
            self.bulk_update(batch, fields)

    def search(self, text, languages=None, query=None):
        """Offers that match every part of the query (see offers/search.py).

        A part matches the offer's own text shown in one of `languages` (default: the current
        one) or German, folded on both sides by portal.text.fold; or its category, target group
        or provider by name in any language; or what a synonym stands for. On PostgreSQL, a
        word of six letters or more also matches its texts with typos (trigram word similarity).
        """
        query = understand(text) if query is None else query
        columns = search_columns(languages)
        similar = connections[self.db].vendor == "postgresql"
        for token in query.tokens:
            # Cheap comparisons first: PostgreSQL evaluates an OR from left to right.
            matches = Q()
            if token.categories:
                matches |= Q(category_id__in=sorted(token.categories))
            if token.providers:
                matches |= Q(provider_id__in=sorted(token.providers))
            for column in columns:
                for part in sorted(token.texts):
                    contains = Q(**{f"{column}__contains": part})
                    if len(part) <= SHORT_WORD:  # only where a word starts ("mbe" is not in "Dezember");
                        contains &= Q(**{f"{column}__contains": f" {part}"})  # the first finds it in the index
                    matches |= contains
                if token.similar and similar:
                    matches |= Q(TrigramWordSimilar(F(column), Value(token.similar)))
                if token.stem and similar and stemmer(column.removeprefix("search_text_")):
                    matches |= other_forms(column, token.stem)
            if token.target_groups:
                through = Offer.target_groups.through.objects
                matches |= Q(Exists(through.filter(offer=OuterRef("pk"), targetgroup__in=sorted(token.target_groups))))
            self = self.filter(matches)
        return self

    def order_by_relevance(self, query, town=None, language=None, candidates=None):
        """Best first: a category named, a word starting the title, a whole word, a word's start, any match.

        Within a town, offers held there come before district-wide and online ones. Ties by title.
        With `candidates` (ids of some of the matches), only those are ranked, and as many of the
        matches held in the town (see OfferFilter.ordered).
        """
        if candidates is not None:
            # Only the candidates are read: the outer query starts from their ids.
            chosen = many_ids(candidates, self.db)
            if town is not None:
                first_there = self.filter(held_there(town)).order_by_title(language).values("pk")[: len(candidates)]
                # A union reads each from its index; an OR of the two would read the whole table.
                if connections[self.db].features.supports_slicing_ordering_in_compound:
                    chosen = Offer.objects.filter(pk__in=chosen).order_by().values("pk").union(first_there)
                else:  # SQLite: a district's size
                    chosen = Offer.objects.filter(Q(pk__in=candidates) | Q(pk__in=first_there)).values("pk")
            self = Offer.objects.filter(pk__in=chosen)
        column = f"search_text_{language or current_language()}"
        score = Value(0)
        for token in query.tokens:
            whens = []
            if token.categories:
                whens.append(When(category_id__in=sorted(token.categories), then=8))
            typed = sorted(token.ranked)
            for part in typed:
                found = StrIndex(column, Value(f" {part}"))
                whens.append(When(GreaterThan(found, 0) & LessThan(found, StrIndex(column, Value(" | "))), then=6))
            whens += [When(**{f"{column}__contains": f" {part} "}, then=4) for part in typed]
            whens += [When(**{f"{column}__contains": f" {part}"}, then=3) for part in typed]
            score += Case(*whens, default=1)
        order = ["-relevance", "shown_title", "pk"]
        ranked = self.alias(relevance=score, shown_title=shown_title(language))
        if town is not None:
            ranked = ranked.alias(held_there=held_there(town))
            order.insert(0, "-held_there")
        return ranked.order_by(*order)

    def order_by_title(self, language=None):
        """Alphabetical by the title the visitor sees (German where untranslated)."""
        return self.alias(shown_title=shown_title(language)).order_by("shown_title", "pk")

    def some_ids(self, limit, categories=(), named=None):
        """The ids of at most `limit` of these offers, the cheapest to find, the same on every request.

        Read in key order: PostgreSQL's scans of a large table start where the last one is
        (synchronised scans), so an unordered sample, which a broad search ranks, held different
        offers on each request.

        With `categories` (a query names them, so they hold matches): first those offers, read from
        the category index; the others, which a search reads text by text, only when those are fewer
        than `limit`. An OR of the category and a dozen texts read the table row by row instead.
        `named`: these offers in `categories`, where the caller has them cheaper (OfferFilter.named_offers).
        """
        offers = self.order_by("pk")
        if not categories or not connections[self.db].features.supports_slicing_ordering_in_compound:
            return column(offers.values_list("pk", flat=True)[:limit])
        named = (offers.filter(category_id__in=sorted(categories)) if named is None else named).order_by("pk")
        others = offers.exclude(category_id__in=sorted(categories)).filter(~Exists(named[limit - 1 : limit]))
        first = named.values_list("pk", flat=True)[:limit]
        return column(first.union(others.values_list("pk", flat=True)[:limit], all=True)[:limit])

    def first_by_title(self, categories, count, language=None):
        """Offers among the first `count` by title in one of `categories` (ids), each category read from
        its own index in title order: ordering all of them would read every one (counselling: a fifth of the catalogue)."""
        if not connections[self.db].features.supports_slicing_ordering_in_compound:  # SQLite: a district's size
            return self.filter(category_id__in=categories)
        firsts = [self.filter(category_id=pk).order_by_title(language).values("pk")[:count] for pk in categories]
        if not firsts:
            return Offer.objects.none()
        first, *others = firsts
        return Offer.objects.filter(pk__in=first.union(*others) if others else first)

    def per_category(self, first, up_to):
        """The categories, each with `count`, its number of these offers but at most `up_to` + 1 (more
        than `up_to`), and `first_ids`, the ids of its first `first` offers alphabetically.

        Each is a walk along the category's title index that stops when enough offers are found, so
        its cost does not grow with the catalogue, as counting and ranking every offer of a town did.
        """
        in_category = self.filter(category=OuterRef("pk")).order_by()
        titled = in_category.order_by_title().values("pk")
        ranks = [f"first_{rank}" for rank in range(first)]
        categories = Category.objects.annotate(
            count=RowCount(in_category.values("pk")[: up_to + 1]),
            **{name: Subquery(titled[rank : rank + 1]) for rank, name in enumerate(ranks)},
        )
        for category in categories:
            category.first_ids = [pk for pk in (getattr(category, name) for name in ranks) if pk is not None]
            yield category

    def for_listing(self):
        # The search columns hold every text again: lists never show them.
        hidden = [*(f"search_text_{code}" for code in language_codes()), "translation_sources"]
        return (
            self.select_related("category", "provider")
            .prefetch_related(models.Prefetch("locations", Location.objects.select_related("municipality")))
            .defer(*hidden)
        )

    def for_cards(self):
        """Only what an offer card shows (`offer_card` in offers/templatetags/offers.py), in the current language and German.

        An offer row holds every text in seven columns; a page of cards needs a tenth of them,
        and turning the rest into Python objects was a third of a list page's time. Their places,
        runs and hours come with `cards.load()`, only for the cards that are not kept (offers/cards.py).
        """
        shown = {settings.LANGUAGE_CODE, current_language()}

        def texts(*names):
            return [f"{name}_{code}" for name in names for code in shown]

        return (
            self.select_related("category", "provider")
            .with_run_facts()  # "no dates at the moment" on the card: an Exists in the same query
            .only(
                "slug",
                "format",
                "whole_district",
                "languages",
                "free_of_charge",
                "childcare",
                "women_only",
                "phone",
                "email",
                "translation_status",
                "closed_on_public_holidays",
                "provider__name",
                "category__slug",
                *texts("title", "summary", "category__name"),
            )
        )

    # Runs (CourseRun): when, and is there room.

    @staticmethod
    def upcoming_runs(today=None, runs=None):
        """Prefetch of each offer's runs that are not over, in order, as `offer.upcoming_runs` (of `runs`: all they show)."""
        if runs is None:
            runs = CourseRun.objects.select_related("location__municipality")
        return models.Prefetch("runs", runs.upcoming(today).in_order(), to_attr="upcoming_runs")

    def with_run_facts(self):
        """`has_runs`: whether the offer has runs at all (all over: "no dates at the moment").

        An offer has stored run dates exactly when it has runs (OfferRunDates.refresh): a join on the
        offer's key, where an EXISTS over the runs was hashed from all 150,000 of them for a page of 20.
        """
        return self.annotate(
            has_runs=models.ExpressionWrapper(Q(run_dates__isnull=False), output_field=models.BooleanField())
        )

    def starting_within(self, weeks, today=None):
        return self.filter(Exists(CourseRun.objects.starting_within(weeks, today).filter(offer=OuterRef("pk"))))

    def with_matching_run(self, weeks=None, places=False, today=None):
        """Offers with ONE run that starts within `weeks` weeks (if given) and has free places (if `places`)."""
        runs = CourseRun.objects.matching(weeks, places, today)
        return self.filter(Exists(runs.filter(offer=OuterRef("pk"))))

    def with_free_places(self, today=None):
        """Offers with a run that has free places reported in the last PLACES_CURRENT_DAYS days.

        The stored last day of that (offers/run_dates.py): one indexed comparison, right on any day.
        """
        return self.filter(run_dates__places_until__gte=today or timezone.localdate())

    def without_future_run(self, today=None):
        """Courses without a run still to come or running: offers with runs all over or cancelled, and
        integration courses without any run."""
        live = CourseRun.objects.upcoming(today).not_cancelled().filter(offer=OuterRef("pk"))
        has_runs = Exists(CourseRun.objects.filter(offer=OuterRef("pk")))
        return self.filter(has_runs | Q(category__slug=Category.INTEGRATION_COURSE)).exclude(Exists(live))

    def run_currency_report(self, today=None, shown=3):
        """Per provider of these published offers: runs whose places figure is old or missing, and
        courses without a future run, each with its count and its first `shown` rows (by title, start).
        """
        today = today or timezone.localdate()
        published = self.published()
        titles = [f"title_{code}" for code in language_codes()]  # what the lines show: not the whole offer
        kinds = {
            "outdated_runs": (
                CourseRun.objects.filter(offer__in=published)
                .figures_outdated(today)
                .select_related("offer")
                .only(
                    "start_date", "places_reported_on", "offer__provider_id", *(f"offer__{title}" for title in titles)
                ),
                "offer__provider",
                ["offer__title_de", "start_date", "pk"],
            ),
            "without_future_run": (
                published.without_future_run(today).only("provider_id", *titles),
                "provider",
                ["title_de", "pk"],
            ),
        }
        providers = {}
        for kind, (rows, provider, order) in kinds.items():
            counts = rows.order_by().values_list(f"{provider}_id", f"{provider}__name").annotate(count=Count("pk"))
            for provider_id, name, count in counts:
                figures = providers.setdefault(
                    provider_id,
                    {"id": provider_id, "name": name, **{key: {"count": 0, "first": []} for key in kinds}},
                )
                figures[kind]["count"] = count
            ranked = rows.alias(rank=Window(RowNumber(), partition_by=F(f"{provider}_id"), order_by=order))
            for row in ranked.filter(rank__lte=shown).order_by(*order):
                provider_id = row.offer.provider_id if kind == "outdated_runs" else row.provider_id
                providers[provider_id][kind]["first"].append(row)
        return {
            "run_figures": sorted(providers.values(), key=lambda figures: (figures["name"], figures["id"])),
            "places_current_days": PLACES_CURRENT_DAYS,
        }

    def order_by_next_start(self, language=None, today=None, first=None, runs=None, live=True):
        """By the next upcoming run's start (running courses with rolling entry count from today); none last.

        `runs`: the list's active run filters (keywords of CourseRunQuerySet.matching): the next start
        among the runs they match. For free places alone it is stored too (`places_next_start`);
        with a start window (one run in time and with places) it is computed from those runs.

        From the stored step of each offer's earliest start (offers/run_dates.py) where today is
        within it; for the rest (a run has ended since the offer's runs were last written) computed
        from the runs, as `next_start_live` does for every row.

        `first`: only the first that many are needed (a page and those before it). Where the
        database can (PostgreSQL), the order is then sorted from four bands of the offers, each
        read from an index in its own order: joinable today (by title), starting later (by the
        stored start, then title), stale rows (computed), and none. The first `first` of the
        whole order are among the first `first` of each band, so a town's first page reads some
        hundred rows instead of sorting every offer the town can use. On a day without a stale row
        (after the nightly `refresh_run_dates`, asked once per catalogue version and day in each
        process) the stale band is left out and nothing is computed from the runs (`live=False`).
        """
        today = today or timezone.localdate()
        matching = CourseRun.objects.matching(today=today, **runs) if runs else None
        if runs and runs.get("weeks") is not None:
            return self.alias(
                next_start=self.next_start_live(today, matching), shown_title=shown_title(language)
            ).order_by(models.F("next_start").asc(nulls_last=True), "shown_title", "pk")
        step = "places_next_start" if runs and runs.get("places") else "next_start"
        field = f"run_dates__{step}"
        stored = Q(**{f"{field}_from__lte": today, f"{field}_until__gte": today})
        if first and connections[self.db].features.supports_slicing_ordering_in_compound:
            live = OfferRunDates.objects.using(self.db).any_stale(step, today)
            title = shown_title(language)
            by_title = self.alias(shown_title=title)
            bands = [
                by_title.filter(stored, **{f"{field}__lte": today}).order_by("shown_title", "pk"),
                by_title.filter(stored, **{f"{field}__gt": today}).order_by(field, "shown_title", "pk"),
                # Last in the order: read only when fewer than `first` have a stored next start (a one-time check).
                by_title.filter(Q(run_dates__isnull=True) | stored & Q(**{f"{field}__isnull": True}))
                .filter(~Exists(self.filter(stored, **{f"{field}__isnull": False}).values("pk")[first - 1 : first]))
                .order_by("shown_title", "pk"),
            ]
            if live:
                stale = self.filter(stale_step(step, today, "run_dates__"))
                bands.insert(2, stale.order_by_next_start(language, today, runs=runs))
            head, *rest = [band.values_list("pk", flat=True)[:first] for band in bands]
            # The bands' ids read first (at most four times `first`), then only those ordered. As one query
            # (`pk IN (the bands)`), the planner sorted all of a town's offers first whenever the order looked
            # cheap to compute (no stale step: 145 ms instead of 4).
            ids = column(head.union(*rest, all=True))
            return (
                Offer.objects.using(self.db)
                .filter(pk__in=ids)
                .order_by_next_start(language, today, runs=runs, live=live)
            )
        day = models.Value(today, output_field=models.DateField())
        next_start = Case(
            When(run_dates__isnull=True, then=Value(None, output_field=models.DateField())),  # no runs
            When(stored & Q(**{f"{field}__isnull": True}), then=Value(None, output_field=models.DateField())),
            When(stored, then=models.functions.Greatest(field, day)),
            default=self.next_start_live(today, matching) if live else Value(None, output_field=models.DateField()),
            output_field=models.DateField(),
        )
        return self.alias(next_start=next_start, shown_title=shown_title(language)).order_by(
            models.F("next_start").asc(nulls_last=True), "shown_title", "pk"
        )

    @staticmethod
    def next_start_live(today, runs=None):
        """SQL: the offer's next start computed from its `runs` (for rows whose stored step is not today's).

        `runs`: CourseRunQuerySet.matching(today=today, …), upcoming and not cancelled (default: all such runs).
        """
        return models.Subquery(
            (CourseRun.objects.matching(today=today) if runs is None else runs)
            .filter(offer=OuterRef("pk"), start_date__isnull=False)
            .annotate(
                joinable=models.functions.Greatest("start_date", models.Value(today, output_field=models.DateField()))
            )
            .order_by("joinable")
            .values("joinable")[:1]
        )


class Offer(TranslatedOffer):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Entwurf")
        SUBMITTED = "submitted", _("Zur Prüfung eingereicht")
        PUBLISHED = "published", _("Veröffentlicht")

    class Format(models.TextChoices):
        ON_SITE = "on_site", _("Vor Ort")
        ONLINE = "online", _("Online")
        HYBRID = "hybrid", _("Vor Ort und online")

    title = models.CharField(_("Titel"), max_length=200)
    slug = models.SlugField(_("Kurzname für Adressen"), max_length=200, editable=False)
    summary = models.CharField(
        _("Kurzbeschreibung"), max_length=300, help_text=_("Ein bis zwei Sätze für die Trefferliste.")
    )
    plain_summary = models.TextField(
        _("In einfacher Sprache"),
        blank=True,
        help_text=_(
            "Freiwillig: das Wichtigste in kurzen, einfachen Sätzen (wer, was, wann, was brauche ich?). "
            "Steht auf der Angebotsseite ganz oben."
        ),
    )
    description = models.TextField(_("Beschreibung"), blank=True)
    registration_info = models.TextField(_("So melden Sie sich an"), blank=True)
    costs_note = models.CharField(_("Hinweis zu Kosten"), max_length=300, blank=True)

    category = models.ForeignKey(Category, models.PROTECT, related_name="offers", verbose_name=_("Kategorie"))
    provider = models.ForeignKey(Provider, models.PROTECT, related_name="offers", verbose_name=_("Träger"))
    locations = models.ManyToManyField(Location, blank=True, related_name="offers", verbose_name=_("Orte"))
    whole_district = models.ForeignKey(
        District,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="district_wide_offers",
        verbose_name=_("Im ganzen Kreis"),
        help_text=_("Für Angebote, die allen Menschen im Kreis offenstehen, egal wo sie wohnen."),
    )
    format = models.CharField(_("Form"), max_length=10, choices=Format.choices, default=Format.ON_SITE)
    target_groups = models.ManyToManyField(
        TargetGroup, blank=True, related_name="offers", verbose_name=_("Zielgruppen")
    )
    min_age = models.PositiveSmallIntegerField(
        _("Mindestalter"), null=True, blank=True, validators=[MaxValueValidator(120)]
    )
    max_age = models.PositiveSmallIntegerField(
        _("Höchstalter"), null=True, blank=True, validators=[MaxValueValidator(120)]
    )
    languages = LanguageCodesField(
        _("Sprachen"), help_text=_("In diesen Sprachen findet das Angebot statt oder wird beraten.")
    )
    free_of_charge = models.BooleanField(_("Kostenlos"), default=False)
    childcare = models.BooleanField(_("Kinderbetreuung"), default=False)
    women_only = models.BooleanField(_("Nur für Frauen"), default=False)
    registration_url = models.URLField(_("Link zur Anmeldung"), blank=True)
    contact_person = models.CharField(_("Ansprechperson"), max_length=200, blank=True)
    phone = models.CharField(_("Telefon"), max_length=30, blank=True, validators=[phone_validator])
    email = models.EmailField(_("E-Mail"), blank=True)

    status = models.CharField(_("Status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    visible_until = models.DateField(
        _("Sichtbar bis"),
        null=True,
        blank=True,
        help_text=_("Danach verschwindet das Angebot von selbst von der öffentlichen Seite."),
    )
    last_reviewed = models.DateField(_("Zuletzt geprüft"), null=True, blank=True)
    is_demo = models.BooleanField(_("Demo-Daten"), default=False, help_text=_("Erfundener Eintrag aus den Demo-Daten."))
    created = models.DateTimeField(_("Angelegt"), auto_now_add=True)
    updated = models.DateTimeField(_("Geändert"), auto_now=True)
    # The id other systems keep (the open data API): never reused, never changed.
    uuid = models.UUIDField(_("Dauerhafte Kennung"), default=uuid.uuid4, unique=True, editable=False)

    # translation_sources and translation_status: see offers/translations.py

    objects = OfferQuerySet.as_manager()

    class Meta:
        ordering = ["-updated"]
        verbose_name = _("Angebot")
        verbose_name_plural = _("Angebote")
        permissions = [
            ("publish_offer", _("Darf Angebote veröffentlichen")),
            ("edit_every_provider", _("Darf Einträge aller Träger bearbeiten")),
        ]
        indexes = [
            models.Index(fields=["status", "visible_until"]),
            # "-visible_until" in the next three: within its languages, format or category an offer visible
            # for ever comes first and the expired ones last, so a count that stops at its limit, or the search
            # for the next language combination, meets no expired entry (ascending, it skipped all of them first).
            models.Index(fields=["status", "languages", "-visible_until"], name="offers_offer_languages"),
            # Who can use an offer from anywhere (online, district-wide), from the index alone: the API's counts
            # per town, one range each (format, then district) before the visible-until check.
            models.Index(
                fields=["status", "format", "whole_district", "-visible_until", "id"], name="offers_offer_reach"
            ),
            # A list counts its offers in key order (some_ids): a town's or a category's from this index alone,
            # not the table's rows (150 data pages instead of 1,000 per town list at 50,000 offers).
            models.Index(
                fields=["id"],
                include=["visible_until", "whole_district", "format", "category"],
                condition=Q(status="published"),
                name="offers_offer_published_ids",
            ),
            # Every column the list filters on: counting a town's offers never reads the wide rows.
            models.Index(
                fields=["status", "category", "-visible_until", "format", "whole_district", "languages", "id"],
                name="offers_offer_listing",
            ),
            # The list's order in each language, alone (search) and within a category: page 1 reads 20 rows.
            *(models.Index(shown_title(code), "id", name=f"offers_offer_title_{code}") for code in language_codes()),
            *(
                models.Index("category", shown_title(code), "id", name=f"offers_offer_category_title_{code}")
                for code in language_codes()
            ),
            # A provider's page in each language: its first 20 by title, however many offers it has.
            *(
                models.Index("provider", shown_title(code), "id", name=f"offers_offer_provider_title_{code}")
                for code in language_codes()
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(min_age__isnull=True) | Q(max_age__isnull=True) | Q(min_age__lte=models.F("max_age")),
                name="offer_min_age_not_above_max_age",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("offer_detail", args=[self.pk, self.slug])

    def clean(self):
        errors = {}
        if self.min_age is not None and self.max_age is not None and self.min_age > self.max_age:
            errors["max_age"] = _("Das Höchstalter ist kleiner als das Mindestalter.")
        if errors:
            raise ValidationError(errors)

    def check_reachable(self, locations):
        """A published offer must say where it takes place: a location, online, or district-wide."""
        if (
            self.status == self.Status.PUBLISHED
            and not locations
            and self.format == self.Format.ON_SITE
            and self.whole_district_id is None
        ):
            raise ValidationError(
                _(
                    "Ein veröffentlichtes Angebot braucht mindestens einen Ort – "
                    "oder es findet online statt oder gilt im ganzen Kreis."
                ),
                code="no_location",
            )

    def save(self, *args, **kwargs):
        self.update_derived_fields()
        super().save(*args, **kwargs)
        self.remember_translations()

    def update_derived_fields(self):
        """Slug, search text and translation state follow the texts; bulk writers call this themselves."""
        self.slug = slugify_de(self.title_de or self.title)[:200] or "angebot"
        self.update_search_text()
        self.update_translation_status()

    def update_search_text(self):
        """Fold the offer's own texts a visitor reads in each language (German where untranslated), title first.

        Category, target group, provider and town names are matched when searching (offers/search.py).
        """
        fields = ["title", *(name for name in translated_field_names(Offer) if name != "title")]
        folded = {}  # untranslated, languages share the German texts: folded once (a bulk load's most costly step)
        for code in language_codes():
            parts = tuple(getattr(self, f"{name}_{code}") or getattr(self, f"{name}_de") or "" for name in fields)
            if parts not in folded:
                folded[parts] = stored_text(parts)
            setattr(self, f"search_text_{code}", folded[parts])

    def municipalities(self):
        """The towns of its locations (uses prefetched locations when present)."""
        return sorted({location.municipality for location in self.locations.all()}, key=lambda m: m.name)

    @property
    def next_runs(self):
        """The runs not over nor cancelled, in order (from `upcoming_runs` when prefetched)."""
        runs = getattr(self, "upcoming_runs", None)
        if runs is None:
            runs = self.runs.upcoming().in_order()
        return [run for run in runs if not run.is_cancelled]

    @property
    def next_run(self):
        runs = self.next_runs
        return runs[0] if runs else None

    @property
    def is_integration_course(self):
        return self.category.slug == Category.INTEGRATION_COURSE


# Folded text per language for portable case-insensitive search (see fold()), one column per
# language in LANGUAGES, with its trigram index on PostgreSQL, and its full-text index where the
# language has a stemmer (settings.SEARCH_STEMMERS): a new language gets all from makemigrations.
for _code in language_codes():
    Offer.add_to_class(f"search_text_{_code}", models.TextField(editable=False, default=""))
    Offer._meta.indexes.append(TrigramIndex(f"search_text_{_code}", name=f"offers_offer_search_{_code}"))
    if stemmer(_code):
        Offer._meta.indexes.append(StemIndex(f"search_text_{_code}", stemmer(_code), name=f"offers_offer_stem_{_code}"))


class IntegrationCourse(models.Model):
    """BAMF course facts, kept beside the offer so other offers carry no empty course columns."""

    class CourseType(models.TextChoices):
        GENERAL = "general", _("Allgemeiner Integrationskurs (700 UE)")
        INTENSIVE = "intensive", _("Intensivkurs (500 UE)")
        LITERACY = "literacy", _("Alphabetisierungskurs")
        SECOND_SCRIPT = "second_script", _("Zweitschriftlernerkurs")
        SPECIAL_SUPPORT = "special_support", _("Förderkurs")
        # Abolished for courses starting after May 2025; kept for older records.
        YOUTH = "youth", _("Jugendintegrationskurs (nur bis Mai 2025)")
        PARENTS = "parents", _("Eltern-Integrationskurs (nur bis Mai 2025)")
        WOMEN = "women", _("Frauen-Integrationskurs (nur bis Mai 2025)")

    class Level(models.TextChoices):
        A1 = "A1", "A1"
        A2 = "A2", "A2"
        B1 = "B1", "B1"

    # Plain values: an enum member's hash differs from its string's.
    LEGACY_TYPES = {CourseType.YOUTH.value, CourseType.PARENTS.value, CourseType.WOMEN.value}
    LAST_LEGACY_START = datetime.date(2025, 5, 31)
    # Teaching units (45 minutes) including the 100-unit orientation course.
    REQUIRED_UNITS = {CourseType.GENERAL.value: 700, CourseType.INTENSIVE.value: 500}
    MAX_UNITS = 1000

    offer = models.OneToOneField(
        Offer, models.CASCADE, primary_key=True, related_name="course", verbose_name=_("Angebot")
    )
    course_type = models.CharField(_("Kursart"), max_length=20, choices=CourseType.choices)
    teaching_units = models.PositiveSmallIntegerField(
        _("Unterrichtseinheiten"), validators=[MinValueValidator(100), MaxValueValidator(MAX_UNITS)]
    )
    target_level = models.CharField(_("Zielniveau"), max_length=2, choices=Level.choices, default=Level.B1)

    objects = CatalogueQuerySet.as_manager()

    class Meta:
        verbose_name = _("Integrationskurs-Angaben")
        verbose_name_plural = _("Integrationskurs-Angaben")

    def __str__(self):
        return self.get_course_type_display()

    def clean(self):
        required = self.REQUIRED_UNITS.get(self.course_type)
        if required and self.teaching_units and self.teaching_units != required:
            raise ValidationError(
                {"teaching_units": _("Diese Kursart hat %(units)s Unterrichtseinheiten.") % {"units": required}}
            )

    def offer_errors(self, offer, run_starts=None):
        """What does not fit the offer as submitted (its category and its runs' start dates)?

        `run_starts`: the start dates as submitted beside it; else those of its saved runs.
        """
        if offer.category_id and not offer.is_integration_course:
            return {"course_type": _("Kursangaben gibt es nur für Angebote der Kategorie Integrationskurs.")}
        if run_starts is None:
            run_starts = list(offer.runs.values_list("start_date", flat=True)) if offer.pk else []
        if self.course_type in self.LEGACY_TYPES and any(
            start and start > self.LAST_LEGACY_START for start in run_starts
        ):
            return {"course_type": _("Diese Kursart gibt es für Kurse mit Beginn nach Mai 2025 nicht mehr.")}
        return {}


# Course runs ("Termine"): when an offer takes place and whether there is room.

# A places figure older than this is shown as "as of <date>: please ask", not as a fact.
PLACES_CURRENT_DAYS = 14
# At most this many free places: "few places left".
FEW_PLACES = 3


class CourseRunQuerySet(CatalogueQuerySet):
    def editable_by(self, user):
        return self if edits_every_provider(user) else self.filter(offer__provider__editors=user)

    # Bulk writes bypass the signals: they rewrite their offers' OfferRunDates themselves, in their transaction.
    def update(self, **kwargs):
        with transaction.atomic(using=self.db, savepoint=False):
            offers = set(self.values_list("offer_id", flat=True))
            changed = super().update(**kwargs)
            if "offer" in kwargs or "offer_id" in kwargs:
                moved_to = kwargs.get("offer_id", kwargs.get("offer"))
                offers.add(getattr(moved_to, "pk", moved_to))
            OfferRunDates.refresh(offers, using=self.db)
            return changed

    def bulk_create(self, objs, *args, **kwargs):
        objs = list(objs)
        with transaction.atomic(using=self.db, savepoint=False):
            created = super().bulk_create(objs, *args, **kwargs)
            OfferRunDates.refresh({run.offer_id for run in objs}, using=self.db)
            return created

    def upcoming(self, today=None):
        """Runs that are not over: still to start, running, or without dates (see CourseRun.is_over)."""
        today = today or timezone.localdate()
        return self.filter(
            Q(end_date__gte=today)
            | Q(end_date__isnull=True) & (Q(start_date__isnull=True) | Q(start_date__gte=today) | Q(rolling_entry=True))
        )

    def over(self, today=None):
        return self.exclude(pk__in=self.upcoming(today).values("pk"))

    def not_cancelled(self):
        return self.filter(is_cancelled=False)

    def starting_within(self, weeks, today=None):
        """Upcoming runs one can join within `weeks` weeks: starting then, or running with rolling entry."""
        return self.matching(weeks=weeks, today=today)

    def matching(self, weeks=None, places=False, today=None):
        """Upcoming, not cancelled runs one can join within `weeks` weeks (if given) that have free places
        reported in the last PLACES_CURRENT_DAYS days (if `places`): each condition once in the SQL."""
        today = today or timezone.localdate()
        runs = self.upcoming(today).not_cancelled()
        if weeks is not None:
            limit = today + datetime.timedelta(weeks=weeks)
            runs = runs.filter(Q(start_date__range=(today, limit)) | Q(rolling_entry=True, start_date__lte=limit))
        if places:
            cutoff = today - datetime.timedelta(days=PLACES_CURRENT_DAYS)
            runs = runs.filter(free_places__gt=0, places_reported_on__gte=cutoff)
        return runs

    def with_reported_places(self, today=None):
        """Upcoming runs with free places reported in the last PLACES_CURRENT_DAYS days."""
        return self.matching(places=True, today=today)

    def figures_outdated(self, today=None):
        """Upcoming runs with places whose figure is missing or older than PLACES_CURRENT_DAYS days.

        Runs with places: integration courses' and those with a maximum or a figure; a meeting's
        run with only a note has none to report.
        """
        today = today or timezone.localdate()
        cutoff = today - datetime.timedelta(days=PLACES_CURRENT_DAYS)
        with_places = (
            Q(max_places__isnull=False)
            | Q(free_places__isnull=False)
            | Q(offer__category__slug=Category.INTEGRATION_COURSE)
        )
        return (
            self.upcoming(today)
            .not_cancelled()
            .filter(with_places)
            .filter(Q(places_reported_on__isnull=True) | Q(places_reported_on__lt=cutoff))
        )

    def in_order(self):
        """By start (undated runs last), as visitors read them."""
        return self.order_by(models.F("start_date").asc(nulls_last=True), "pk")


class CourseRun(models.Model):
    """One run of an offer ("Termin", "Kursstart"): its dates, class times, place and free places."""

    class Intensity(models.TextChoices):
        FULL_TIME = "full_time", _("Vollzeit")
        PART_TIME = "part_time", _("Teilzeit")

    class TimeOfDay(models.TextChoices):
        MORNING = "morning", _("Vormittags")
        AFTERNOON = "afternoon", _("Nachmittags")
        EVENING = "evening", _("Abends")

    class State(models.TextChoices):
        OPEN = "open", _("Freie Plätze")
        FEW = "few", _("Nur noch wenige Plätze")
        WAITING_LIST = "waiting_list", _("Ausgebucht, Warteliste")
        FULL = "full", _("Ausgebucht")
        ASK = "ask", _("Plätze: bitte nachfragen")
        CANCELLED = "cancelled", _("Abgesagt")
        OVER = "over", _("Vorbei")

    offer = models.ForeignKey(Offer, models.CASCADE, related_name="runs", verbose_name=_("Angebot"))
    start_date = models.DateField(_("Beginn"), null=True, blank=True)
    end_date = models.DateField(_("Ende"), null=True, blank=True)
    registration_deadline = models.DateField(_("Anmeldeschluss"), null=True, blank=True)
    rolling_entry = models.BooleanField(_("Einstieg jederzeit möglich"), default=False)
    weekdays = WeekdaysField(_("Wochentage"))
    class_start = models.TimeField(_("Unterricht von"), null=True, blank=True)
    class_end = models.TimeField(_("Unterricht bis"), null=True, blank=True)
    location = models.ForeignKey(
        Location,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="runs",
        verbose_name=_("Ort"),
        help_text=_("Einer der Orte des Angebots."),
    )
    intensity = models.CharField(_("Vollzeit oder Teilzeit"), max_length=10, choices=Intensity.choices, blank=True)
    time_of_day = models.CharField(_("Tageszeit"), max_length=10, choices=TimeOfDay.choices, blank=True)
    note = models.CharField(_("Hinweis zum Termin"), max_length=300, blank=True)
    max_places = models.PositiveSmallIntegerField(_("Plätze insgesamt"), null=True, blank=True)
    free_places = models.PositiveSmallIntegerField(_("Freie Plätze"), null=True, blank=True)
    places_reported_on = models.DateField(_("Plätze Stand"), null=True, blank=True)
    # Staff only: the admin shows who reported the figure, public pages never do.
    places_reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("Plätze gemeldet von"),
    )
    is_cancelled = models.BooleanField(_("Abgesagt"), default=False)
    has_waiting_list = models.BooleanField(_("Warteliste"), default=False)

    objects = CourseRunQuerySet.as_manager()

    class Meta:
        ordering = ["start_date", "pk"]
        verbose_name = _("Termin")
        verbose_name_plural = _("Termine")
        indexes = [models.Index(fields=["offer", "start_date"]), models.Index(fields=["end_date"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(start_date__isnull=True)
                | Q(end_date__isnull=True)
                | Q(start_date__lte=models.F("end_date")),
                name="run_starts_before_it_ends",
            ),
            models.CheckConstraint(
                condition=Q(free_places__isnull=True)
                | Q(max_places__isnull=True)
                | Q(free_places__lte=models.F("max_places")),
                name="run_free_places_within_maximum",
            ),
            models.CheckConstraint(
                condition=Q(class_start__isnull=True)
                | Q(class_end__isnull=True)
                | Q(class_start__lt=models.F("class_end")),
                name="run_class_starts_before_it_ends",
            ),
        ]

    def __str__(self):
        if self.start_date:
            return f"{self.offer.title}: {self.start_date:%d.%m.%Y}"
        return f"{self.offer.title}: {_('ohne Datum')}"

    @classmethod
    def from_db(cls, db, field_names, values):
        run = super().from_db(db, field_names, values)
        # The offer it belongs to as stored: saved onto another, it leaves that one's run dates (_runs_changed).
        run.stored_offer_id = run.__dict__.get("offer_id")
        return run

    def clean(self):
        """Clear German messages; the location must be one of the offer's (as submitted, see CourseRunFormSet)."""
        errors = {}
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = _("Das Ende liegt vor dem Beginn.")
        if (
            self.registration_deadline
            and self.start_date
            and self.registration_deadline > self.start_date
            and not self.rolling_entry
        ):
            errors["registration_deadline"] = _(
                "Der Anmeldeschluss liegt nach dem Beginn (außer bei „Einstieg jederzeit möglich“)."
            )
        if self.free_places is not None and self.max_places is not None and self.free_places > self.max_places:
            errors["free_places"] = _(
                "Es sind mehr freie Plätze angegeben (%(free)s) als Plätze insgesamt (%(max)s)."
            ) % {
                "free": self.free_places,
                "max": self.max_places,
            }
        if (self.class_start is None) != (self.class_end is None):
            errors["class_end"] = _("Bitte Beginn und Ende des Unterrichts gemeinsam angeben.")
        elif self.class_start and self.class_end and self.class_end <= self.class_start:
            errors["class_end"] = _("Der Unterricht endet vor seinem Beginn.")
        if self.location_id and self.offer_id:
            submitted = getattr(self, "offer_locations", None)
            allowed = (
                {location.pk for location in submitted}
                if submitted is not None
                else set(self.offer.locations.values_list("pk", flat=True))
            )
            if self.location_id not in allowed:
                errors["location"] = _("Dieser Ort gehört nicht zum Angebot. Bitte einen der Orte des Angebots wählen.")
        if errors:
            raise ValidationError(errors)

    def is_over(self, today=None):
        """Ended (its end date passed), or started without an end date and without rolling entry."""
        today = today or timezone.localdate()
        if self.end_date:
            return self.end_date < today
        return bool(self.start_date and self.start_date < today and not self.rolling_entry)

    def figure_is_current(self, today=None):
        today = today or timezone.localdate()
        return bool(
            self.free_places is not None
            and self.places_reported_on
            and self.places_reported_on >= today - datetime.timedelta(days=PLACES_CURRENT_DAYS)
        )

    def state(self, today=None):
        """What a visitor is told: one of CourseRun.State."""
        today = today or timezone.localdate()
        if self.is_cancelled:
            return self.State.CANCELLED
        if self.is_over(today):
            return self.State.OVER
        if not self.figure_is_current(today):
            return self.State.ASK
        if self.free_places == 0:
            return self.State.WAITING_LIST if self.has_waiting_list else self.State.FULL
        if self.free_places <= FEW_PLACES:
            return self.State.FEW
        return self.State.OPEN

    @property
    def current_state(self):
        return self.state()

    @property
    def is_dated(self):
        """Has dates to show (a start, an end or rolling entry); else only its note speaks for it."""
        return bool(self.start_date or self.end_date or self.rolling_entry)

    @property
    def tells_places(self):
        """Has something to say about places: a maximum, a figure, or that it is cancelled."""
        return self.max_places is not None or self.free_places is not None or self.is_cancelled

    def class_times(self, language=None):
        """'Mo–Fr 8:45–12:00' in the current language (Babel's weekday names and time format)."""
        if not self.weekdays and not self.class_start:
            return ""
        return weekly_times(self.weekdays, self.class_start, self.class_end, language)


# --- Opening and consultation hours (issue 14) ------------------------------------------------
# Weekly hours of a location or of a counselling offer, stored as HSDS 3.0 `schedule` rows speak
# them (a weekday, opens_at and closes_at in local time, the kind of attendance), with dated
# closures; public holidays come from the `holidays` library. The logic lives in offers/hours.py.


# Counselling offers: their cards say whether they are open now, or when the next walk-in hour is.
COUNSELLING_CATEGORIES = (*Category.COUNSELLING_FOR_EVERYONE, "beratung")


def stale_step(step, today, prefix=""):
    """Q: the stored step of `step` ("next_start" or "places_next_start") does not hold on `today` (a run ended since)."""
    return Q(**{f"{prefix}{step}_from__gt": today}) | Q(**{f"{prefix}{step}_until__lt": today})


class OfferRunDatesQuerySet(models.QuerySet):
    def stale(self, today, steps=("next_start", "places_next_start")):
        """Rows whose stored step of one of `steps` does not hold on `today` (refresh_run_dates moves them)."""
        stale = Q()
        for step in steps:
            stale |= stale_step(step, today)
        return self.filter(stale)

    def any_stale(self, step, today):
        """Whether a row's stored `step` does not hold on `today`, asked once per catalogue version and day in
        a process (two index reads): a write of runs stores today's step, so on that day none turns stale."""
        return kept_in_process(f"stale-run-dates:{self.db}:{step}:{today}", self.stale(today, [step]).exists)


class OfferRunDates(models.Model):
    """What an offer's runs say about its next start and its free places, valid across days (offers/run_dates.py).

    Derived data, rewritten with every write of runs: not edited, not versioned, never shown as such.
    """

    offer = models.OneToOneField(Offer, models.CASCADE, primary_key=True, related_name="run_dates")
    next_start = models.DateField(null=True)
    next_start_from = models.DateField()
    next_start_until = models.DateField()
    places_until = models.DateField(null=True)
    # The same step among the runs with free places reported lately (places=1&sort=next_start).
    places_next_start = models.DateField(null=True)
    places_next_start_from = models.DateField()
    places_next_start_until = models.DateField()

    objects = OfferRunDatesQuerySet.as_manager()

    class Meta:
        indexes = [
            models.Index(fields=["places_until"], name="offers_run_dates_places"),
            # The list by next start walks these (OfferQuerySet.order_by_next_start): later starts, stale steps.
            models.Index(fields=["next_start", "offer"], name="offers_run_dates_next"),
            models.Index(fields=["next_start_until"], name="offers_run_dates_stale"),
            models.Index(fields=["next_start_from"], name="offers_run_dates_early"),
            models.Index(fields=["places_next_start", "offer"], name="offers_run_dates_places_next"),
            models.Index(fields=["places_next_start_until"], name="offers_run_dates_places_stale"),
            models.Index(fields=["places_next_start_from"], name="offers_run_dates_places_early"),
        ]

    def __str__(self):
        return f"{self.offer_id}: {self.next_start}"

    @classmethod
    def refresh(cls, offer_ids, using=None, today=None):
        """Rewrites the rows of `offer_ids` from their runs (two queries); offers without runs keep none."""
        offer_ids = {pk for pk in offer_ids if pk is not None}
        if not offer_ids:
            return
        using = using or router.db_for_write(cls)
        runs = (
            CourseRun.objects.using(using).filter(offer_id__in=offer_ids).order_by().values_list(*run_dates.RUN_FIELDS)
        )
        computed = cls.computed(runs, today)
        rows = cls.objects.using(using)
        without_runs = offer_ids - {row.offer_id for row in computed}
        if without_runs:
            rows.filter(offer_id__in=without_runs).delete()
        if computed:
            rows.bulk_create(
                computed, update_conflicts=True, unique_fields=["offer"], update_fields=list(run_dates.STORED_FIELDS)
            )

    @classmethod
    def computed(cls, runs, today=None):
        """Unsaved rows for the offers of `runs` (RUN_FIELDS tuples, every run of each offer named)."""
        computed = run_dates.rows(runs, today or timezone.localdate(), PLACES_CURRENT_DAYS)
        return [cls(offer_id=pk, **fields) for pk, fields in computed.items()]


@receiver(pre_save, sender=CourseRun, dispatch_uid="run-dates-moved-from")
def _run_moved_from(sender, instance, using, **kwargs):
    """The offer a saved run belonged to (read with the run, see CourseRun.from_db; else asked here, as for a
    version's restore): a run moved to another offer leaves the first one's OfferRunDates too."""
    if instance.pk is not None and not hasattr(instance, "stored_offer_id"):
        stored = CourseRun.objects.using(using).filter(pk=instance.pk).values_list("offer_id", flat=True)
        instance.stored_offer_id = stored.first()


@receiver(post_save, sender=CourseRun, dispatch_uid="run-dates-saved")
@receiver(post_delete, sender=CourseRun, dispatch_uid="run-dates-deleted")
def _runs_changed(sender, instance, using, **kwargs):
    """A run saved (also by a version's restore) or deleted: its offer's OfferRunDates and, for a run moved
    to another offer, the first one's, in the same transaction."""
    OfferRunDates.refresh({instance.offer_id, getattr(instance, "stored_offer_id", None)}, using=using)
    instance.stored_offer_id = instance.offer_id


class HoursKind(models.TextChoices):
    WALK_IN = "walk_in", _("Offene Sprechstunde")
    APPOINTMENT = "appointment", _("Nur mit Termin")


# Monday is 0, as Python's date.weekday() and Django's WEEKDAYS (translated by Django) count; a run's
# weekdays are ISO (Monday 1, offers/fields.py WeekdaysField): docs/architecture.md says why both stay.
WEEKDAY_CHOICES = sorted(WEEKDAYS.items())
HSDS_DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
ONE_OWNER = Q(location__isnull=False, offer__isnull=True) | Q(location__isnull=True, offer__isnull=False)


def owner_errors(row):
    # In a new location's or offer's form the owner is set but not saved yet: it has no id then.
    def has(name):
        field = row._meta.get_field(name)
        return getattr(row, field.attname) is not None or field.get_cached_value(row, None) is not None

    if has("location") == has("offer"):
        return {NON_FIELD_ERRORS: _("Bitte genau einen Ort oder ein Angebot angeben.")}
    return {}


class WeeklyHoursQuerySet(CatalogueQuerySet):
    def boundaries(self):
        """{weekday: sorted times} at which some weekly hour begins or ends: what "open now" can change at."""
        days = {}
        # Without the model's ordering (by id), DISTINCT gives each distinct time once, not every row.
        for weekday, opens_at, closes_at in self.order_by().values_list("weekday", "opens_at", "closes_at").distinct():
            days.setdefault(weekday, set()).update((opens_at, closes_at))
        return {weekday: sorted(times) for weekday, times in days.items()}


class WeeklyHours(models.Model):
    """One weekly hour: "Thursdays 9:00–12:00, walk-in" (an HSDS schedule with freq WEEKLY and one byday)."""

    location = models.ForeignKey(
        Location, models.CASCADE, null=True, blank=True, related_name="weekly_hours", verbose_name=_("Ort")
    )
    offer = models.ForeignKey(
        Offer, models.CASCADE, null=True, blank=True, related_name="weekly_hours", verbose_name=_("Angebot")
    )
    weekday = models.PositiveSmallIntegerField(_("Wochentag"), choices=WEEKDAY_CHOICES)
    opens_at = models.TimeField(_("von"))
    closes_at = models.TimeField(_("bis"))
    kind = models.CharField(_("Art"), max_length=12, choices=HoursKind.choices, default=HoursKind.WALK_IN)

    objects = WeeklyHoursQuerySet.as_manager()

    class Meta:
        ordering = ["weekday", "opens_at", "pk"]
        verbose_name = _("Sprechzeit")
        verbose_name_plural = _("Sprechzeiten")
        indexes = [models.Index(fields=["weekday", "opens_at", "closes_at"], name="offers_hours_now")]
        constraints = [
            models.CheckConstraint(condition=ONE_OWNER, name="weekly_hours_one_owner"),
            models.CheckConstraint(
                condition=Q(opens_at__lt=models.F("closes_at")), name="weekly_hours_end_after_start"
            ),
        ]

    def __str__(self):
        return f"{self.get_weekday_display()} {self.opens_at:%H:%M}–{self.closes_at:%H:%M} ({self.get_kind_display()})"

    def clean(self):
        errors = owner_errors(self)
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            errors["closes_at"] = _("Das Ende (%(end)s) liegt nicht nach dem Beginn (%(start)s).") % {
                "end": f"{self.closes_at:%H:%M}",
                "start": f"{self.opens_at:%H:%M}",
            }
        if errors:
            raise ValidationError(errors)

    @property
    def is_walk_in(self):
        return self.kind == HoursKind.WALK_IN

    def as_hsds(self):
        """This hour as an HSDS 3.0 schedule (times local to Europe/Berlin, the portal's only time zone)."""
        return {
            "freq": "WEEKLY",
            "wkst": "MO",
            "byday": HSDS_DAYS[self.weekday],
            "opens_at": f"{self.opens_at:%H:%M}",
            "closes_at": f"{self.closes_at:%H:%M}",
            "attending_type": self.kind,
            "description": str(self),
        }


def overlapping_hours(hours):
    """The first two hours of `hours` on one day whose times overlap, or None."""
    by_day = sorted(hours, key=lambda hour: (hour.weekday, hour.opens_at))
    for first, second in zip(by_day, by_day[1:], strict=False):
        if first.weekday == second.weekday and second.opens_at < first.closes_at:
            return first, second
    return None


class ClosureQuerySet(CatalogueQuerySet):
    def on(self, day):
        return self.filter(starts_on__lte=day).filter(Q(ends_on__gte=day) | Q(ends_on__isnull=True, starts_on=day))

    def ending_from(self, day):
        return self.filter(Q(ends_on__gte=day) | Q(ends_on__isnull=True, starts_on__gte=day))

    def holders(self):
        """{("offer" or "location", id)} of these closures: what they close."""
        return {
            ("offer", offer_id) if offer_id else ("location", location_id)
            for offer_id, location_id in self.values_list("offer_id", "location_id")
        }


class Closure(models.Model):
    """Closed on one day or between two dates (holidays of the staff, a move), with a reason visitors read."""

    location = models.ForeignKey(
        Location, models.CASCADE, null=True, blank=True, related_name="closures", verbose_name=_("Ort")
    )
    offer = models.ForeignKey(
        Offer, models.CASCADE, null=True, blank=True, related_name="closures", verbose_name=_("Angebot")
    )
    starts_on = models.DateField(_("geschlossen ab"))
    ends_on = models.DateField(_("bis einschließlich"), null=True, blank=True, help_text=_("Leer: nur ein Tag."))
    reason = models.CharField(_("Grund"), max_length=200, blank=True, help_text=_("z. B. „Betriebsferien“"))

    objects = ClosureQuerySet.as_manager()

    class Meta:
        ordering = ["starts_on", "pk"]
        verbose_name = _("Schließung")
        verbose_name_plural = _("Schließungen")
        constraints = [
            models.CheckConstraint(condition=ONE_OWNER, name="closure_one_owner"),
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=models.F("starts_on")),
                name="closure_ends_after_it_starts",
            ),
        ]

    def __str__(self):
        return f"{self.starts_on:%d.%m.%Y}–{self.last_day:%d.%m.%Y}" if self.ends_on else f"{self.starts_on:%d.%m.%Y}"

    @property
    def last_day(self):
        return self.ends_on or self.starts_on

    def clean(self):
        errors = owner_errors(self)
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            errors["ends_on"] = _("Das Ende der Schließung liegt vor ihrem Beginn.")
        if errors:
            raise ValidationError(errors)


_public_holidays = models.BooleanField(
    _("An Feiertagen in NRW geschlossen"),
    default=True,
    help_text=_("Gesetzliche Feiertage in Nordrhein-Westfalen, z. B. Fronleichnam und Allerheiligen."),
)
Location.add_to_class("closed_on_public_holidays", _public_holidays)
Offer.add_to_class("closed_on_public_holidays", _public_holidays.clone())


def hours_prefetches():
    """The weekly hours and the closures not yet over, for offers or locations (two queries)."""
    today = hours.local_now().date()
    return [
        models.Prefetch("weekly_hours", WeeklyHours.objects.all()),
        models.Prefetch("closures", Closure.objects.ending_from(today)),
    ]


# --- end of opening and consultation hours ----------------------------------------------------


from .synonyms import FailedSearch, Synonym  # noqa: E402, F401 (its own module; the search reads it, offers/search.py)
