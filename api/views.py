"""HSDS 3.0 over HTTP as its API profile describes (https://docs.openreferral.org/en/v3.0/hsds/api_reference.html).

Plain Django views answering JSON: the API is read-only and small, its output is fixed by the
standard's schemas rather than by our models, and Django REST framework's serializers, routers
and browsable pages would add a large dependency for none of that.
"""

import datetime
import math
import uuid
from functools import partial
from types import SimpleNamespace

from django.conf import settings
from django.db.models import Exists, F, FloatField, OuterRef, Prefetch, Q
from django.db.models.functions import Power, Radians, Sqrt
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime

from municipalities.models import Municipality
from offers.hours import local_now
from offers.models import Category, Closure, Location, Offer, Provider, TargetGroup, language_codes, places_links_in

from . import hsds, openapi
from .http import BadRequest, NotFound, api_view, response_metadata

DEFAULT_PER_PAGE = 50
MAX_PER_PAGE = 100
# total_items is exact up to this many, or up to the asked page's end if that is further (README, "Pages").
EXACT_TOTAL = 1000
MAX_PROXIMITY = 100_000  # metres
EARTH_RADIUS = 6_371_000  # metres
HIDDEN = [*(f"search_text_{code}" for code in language_codes()), "translation_sources"]


def context(request, language):
    return hsds.Context(language, request.build_absolute_uri)


def number(request, name, default, minimum, maximum=None):
    text = request.GET.get(name)
    if text is None or text == "":
        return default
    if not (text.isascii() and text.isdigit()) or len(text) > 9:
        raise BadRequest(f"{name} must be a whole number")
    value = int(text)
    if value < minimum or (maximum is not None and value > maximum):
        bound = f"from {minimum} to {maximum}" if maximum is not None else f"{minimum} or more"
        raise BadRequest(f"{name} must be {bound}")
    return value


def flag(request, name):
    text = request.GET.get(name, "").lower()
    if text in ("", "false", "0"):
        return False
    if text in ("true", "1"):
        return True
    raise BadRequest(f"{name} must be true or false")


def uuid_parameter(request, name):
    text = request.GET.get(name)
    if text is None:
        return None
    try:
        return uuid.UUID(text)
    except ValueError:
        raise BadRequest(f"{name} must be a UUID") from None


def modified_after(request):
    text = request.GET.get("modified_after")
    if text is None:
        return None
    try:
        moment = parse_datetime(text)
        if moment is None:
            day = parse_date(text)
            moment = datetime.datetime.combine(day, datetime.time()) if day else None
    except ValueError:
        moment = None
    if moment is None:
        raise BadRequest("modified_after must be a date or date-time (ISO 8601), e.g. 2026-01-31T12:00:00+01:00")
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    try:  # in UTC: PostgreSQL holds offsets up to 15:59 only, Python's up to 23:59
        return moment.astimezone(datetime.UTC)
    except OverflowError:
        raise BadRequest("modified_after is outside the years 1 to 9999") from None


def postcode_town(request):
    code = request.GET.get("postcode")
    if code is None:
        return None, None
    if not (len(code) == 5 and code.isascii() and code.isdigit()):
        raise BadRequest("postcode must be a German postal code of five digits")
    return code, Municipality.objects.with_postal_code(code).first()


def only_json(request):
    if request.GET.get("format", "json") != "json":
        raise BadRequest("format: only json is offered")


def count_up_to(rows, limit):
    """How many `rows` there are, but at most `limit` + 1: one more says that there are more."""
    if isinstance(rows, list):  # taxonomies and terms, in memory already
        return min(len(rows), limit + 1)
    return rows.order_by()[: limit + 1].count()


def page_of(request, rows, build, language, ctx, count=None):
    """The profile's paginated answer: Page's fields around `contents`.

    Counted no further than EXACT_TOTAL or this page's end: an exact count reads every match. Past
    that, total_items is one more than counted, so total_pages is at least the next page and
    last_page is false; a client paging on until last_page gets every item, and the last page's
    total is exact. `count(limit)` counts as count_up_to(rows, limit) does (the default).
    """
    only_json(request)
    per_page = number(request, "per_page", DEFAULT_PER_PAGE, 1, MAX_PER_PAGE)
    page = number(request, "page", 1, 1, 10_000_000)
    start = (page - 1) * per_page
    total = (count or partial(count_up_to, rows))(max(EXACT_TOTAL, start + per_page))
    with ctx.in_language():
        contents = [build(row) for row in rows[start : start + per_page]] if start < total else []
    pages = math.ceil(total / per_page)
    return {
        "total_items": total,
        "total_pages": pages,
        "page_number": page,
        "size": len(contents),
        "first_page": page == 1,
        "last_page": page >= pages,
        "empty": not contents,
        "contents": contents,
        "response_metadata": response_metadata(language, ctx.texts.fallback_list()),
    }


def with_metadata(body, ctx):
    return {**body, "response_metadata": response_metadata(ctx.language, ctx.texts.fallback_list())}


@api_view()
def root(request, language):
    return with_metadata(hsds.api_root(context(request, language)), context(request, language))


def published_offers():
    return Offer.objects.published().defer(*HIDDEN)


def filter_offers(request, offers, language, prefix=""):
    """search, taxonomy_term_id, taxonomy_id, organization_id and modified_after on offers (or on rows that have one)."""
    field = f"{prefix}__" if prefix else ""
    pk = f"{prefix}__pk" if prefix else "pk"
    q = request.GET.get("search")
    if q:
        offers = offers.filter(**{f"{pk}__in": Offer.objects.search(q[:200], languages=[language]).values("pk")})
    term = uuid_parameter(request, "taxonomy_term_id")
    if term is not None:
        in_group = Offer.target_groups.through.objects.filter(offer=OuterRef(pk), targetgroup__uuid=term)
        offers = offers.filter(Q(**{f"{field}category__uuid": term}) | Exists(in_group))
    taxonomy = uuid_parameter(request, "taxonomy_id")
    if taxonomy == hsds.TARGET_GROUPS:
        offers = offers.filter(Exists(Offer.target_groups.through.objects.filter(offer=OuterRef(pk))))
    elif taxonomy is not None and taxonomy != hsds.CATEGORIES:
        offers = offers.none()
    organization = uuid_parameter(request, "organization_id")
    if organization is not None:
        offers = offers.filter(**{f"{field}provider__uuid": organization})
    after = modified_after(request)
    if after is not None:
        offers = offers.filter(**{f"{field}updated__gte": after})
    return offers


@api_view()
def services(request, language):
    ctx = context(request, language)
    full = flag(request, "full")
    offers = filter_offers(request, published_offers(), language)
    code, town = postcode_town(request)
    count = partial(count_up_to, offers)  # of the queryset: the page's rows may be plain ServiceRows
    if code is not None:
        # Who lives there can use it: held in that town, district-wide, or online.
        count = partial(count_in_town, offers, town) if town else partial(count_up_to, offers.none())
        offers = offers.in_municipality(town) if town else offers.none()
    if full:
        offers = offers.select_related("provider", "category", "whole_district").prefetch_related(
            target_groups(), *full_service_prefetches()
        )
    else:
        offers = for_service_list(offers, language)
    build = hsds.service_full if full else hsds.service
    return page_of(request, offers.order_by("pk"), lambda offer: build(offer, ctx), language, ctx, count)


def for_service_list(offers, language):
    """Only the columns hsds.service() reads, in the asked language and German: an offer row holds
    every text in six languages, and a page of 50 needs a sixth of them."""
    return ServiceRows(offers, language)


class ServiceRows:
    """A page of the service list as plain rows with the attributes hsds.service() reads: the
    columns as values() and the page's target groups in one query. No model instance per offer,
    provider and group (each with modeltranslation's init signals): 3,000 of them per 20 pages."""

    def __init__(self, offers, language):
        self.offers = offers
        self.language = language

    def order_by(self, *fields):
        return ServiceRows(self.offers.order_by(*fields), self.language)

    def __getitem__(self, page):
        columns = service_columns(self.language)
        of_provider = [name for name in columns if name.startswith("provider__")]
        rows = {}
        for values in self.offers.values("pk", *columns)[page]:
            provider = SimpleNamespace(**{name.removeprefix("provider__"): values.pop(name) for name in of_provider})
            rows[values["pk"]] = SimpleNamespace(**values, provider=provider, listed_target_groups=[])
        names = [f"name_{code}" for code in shown_languages(self.language)]
        links = Offer.target_groups.through.objects.filter(offer__in=list(rows)).order_by(
            "targetgroup__order", "targetgroup__pk"
        )
        for offer_id, *texts in links.values_list("offer_id", *(f"targetgroup__{name}" for name in names)):
            rows[offer_id].listed_target_groups.append(SimpleNamespace(**dict(zip(names, texts, strict=True))))
        return list(rows.values())


def shown_languages(language):
    return sorted({settings.LANGUAGE_CODE, language})


def target_groups(language=None, lookup="target_groups"):
    """An offer's target groups as a plain list, `listed_target_groups` (what hsds.service reads).

    A list rather than the relation's manager: Django makes a queryset per offer for a prefetched
    manager, a third of the service list's Python time. With `language`, only the names shown.
    """
    groups = TargetGroup.objects.all()
    if language is not None:
        groups = groups.only(*(f"name_{code}" for code in shown_languages(language)))
    return Prefetch(lookup, groups, to_attr="listed_target_groups")


def service_columns(language, prefix=""):
    shown = shown_languages(language)

    def texts(*names):
        return [f"{name}_{code}" for name in names for code in shown]

    return [
        prefix + name
        for name in (
            "uuid",
            "slug",
            "email",
            "min_age",
            "max_age",
            "women_only",
            "free_of_charge",
            "last_reviewed",
            "updated",
            *texts("title", "summary", "description", "registration_info", "costs_note"),
            "provider__uuid",
            "provider__name",
            "provider__slug",
            "provider__email",
            "provider__website",
            *(f"provider__description_{code}" for code in shown),
        )
    ]


def count_in_town(offers, town, limit):
    """count_up_to(offers.in_municipality(town), limit), in three parts the database answers from indexes.

    As one query, PostgreSQL reads every published row for the OR with the places' subquery
    (190 ms at 50,000 offers); apart, the online ones and the district-wide ones are each one
    range of the offers_offer_reach index, and those held there come from the town's few places.
    One UNION ALL under the limit stops reading at limit + 1: when the online ones (everyone's, a
    third of the synthetic catalogue) reach it, the other two parts are not read at all.
    """
    on_site = [form for form in Offer.Format.values if form != Offer.Format.ONLINE]
    everywhere = Q(whole_district_id=town.district_id) | Q(format=Offer.Format.ONLINE)
    held = places_links_in(town.pk).values("offer_id")
    online, district_wide, held_there = (
        part.order_by().values("pk")
        for part in (
            offers.filter(format=Offer.Format.ONLINE),
            offers.filter(format__in=on_site, whole_district_id=town.district_id),
            offers.exclude(everywhere).filter(pk__in=held),
        )
    )
    return online.union(district_wide, held_there, all=True)[: limit + 1].count()


def closures_ahead(lookup="closures"):
    """The closures not yet over (hsds.closure_schedule): the portal's pages show no past ones either."""
    return Prefetch(lookup, Closure.objects.ending_from(local_now().date()))


def full_service_prefetches():
    """What hsds.service_full() reads beside the offer: its places with their weekly hours and closures,
    its own weekly hours, closures and runs not over (hsds.schedules, hsds.service_capacity)."""
    return (
        "locations__municipality__district",
        "locations__provider",
        "locations__weekly_hours",
        closures_ahead("locations__closures"),
        "weekly_hours",
        closures_ahead(),
        Offer.objects.upcoming_runs(),
    )


def one_offer(**lookup):
    try:
        return (
            published_offers()
            .select_related("provider", "category", "whole_district")
            .prefetch_related(target_groups(), *full_service_prefetches())
            .get(**lookup)
        )
    except (Offer.DoesNotExist, ValueError):
        raise NotFound("No published service with this id") from None


def valid_uuid(text):
    try:
        return uuid.UUID(text)
    except ValueError:
        raise NotFound("No object with this id: ids are UUIDs") from None


@api_view()
def service_detail(request, language, id):
    ctx = context(request, language)
    return with_metadata(hsds.service_full(one_offer(uuid=valid_uuid(id)), ctx), ctx)


@api_view()
def organizations(request, language):
    ctx = context(request, language)
    providers = Provider.objects.order_by("name", "pk")
    q = request.GET.get("search", "").replace("\x00", "")[:200]  # PostgreSQL takes no NUL in a string
    if q:
        providers = providers.filter(name__icontains=q)
    return page_of(request, providers, lambda provider: hsds.organization(provider, ctx), language, ctx)


@api_view()
def organization_detail(request, language, id):
    ctx = context(request, language)
    try:
        provider = Provider.objects.get(uuid=valid_uuid(id))
    except Provider.DoesNotExist:
        raise NotFound("No organization with this id") from None
    full_service = flag(request, "full_service")
    offers = published_offers().filter(provider=provider).order_by("pk")
    offers = offers.select_related("provider", "category", "whole_district").prefetch_related(target_groups())
    if full_service:
        offers = offers.prefetch_related(*full_service_prefetches())
    build = hsds.service_full if full_service else hsds.service
    places = (
        provider.locations.select_related("municipality__district", "provider")
        .prefetch_related("weekly_hours", closures_ahead())
        .order_by("pk")
    )
    body = hsds.organization_full(provider, places, [build(offer, ctx) for offer in offers], ctx)
    return with_metadata(body, ctx)


def service_at_location_rows(language):
    through = Offer.locations.through
    return (
        through.objects.filter(offer__in=Offer.objects.published().values("pk"))
        .select_related("offer__provider", "location__provider")
        .prefetch_related(target_groups(language, "offer__target_groups"))
        .only(
            *service_columns(language, "offer__"),
            *(f"location__{name}" for name in ("uuid", "name", "latitude", "longitude", "provider__uuid")),
        )
    )


def near(rows, code, metres):
    """Pairs whose place lies within `metres` of the postcode's centre (the mean of its places with coordinates).

    We keep no postcode areas: the centre is where the places we know there are. Distance on the
    equirectangular approximation, good to a metre or so within a district.
    """
    centre = Location.objects.filter(postal_code=code, latitude__isnull=False).values_list("latitude", "longitude")
    centre = list(centre)
    if not centre:
        return rows.none()  # no place with coordinates known there: nothing is known to be near
    latitude = sum(float(lat) for lat, _lon in centre) / len(centre)
    longitude = sum(float(lon) for _lat, lon in centre) / len(centre)
    scale = math.cos(math.radians(latitude))
    distance = Sqrt(
        Power(Radians(F("location__latitude")) - math.radians(latitude), 2)
        + Power((Radians(F("location__longitude")) - math.radians(longitude)) * scale, 2),
        output_field=FloatField(),
    )
    return (
        rows.filter(location__latitude__isnull=False)
        .alias(distance=distance * EARTH_RADIUS)
        .filter(distance__lte=metres)
    )


@api_view()
def service_at_locations(request, language):
    ctx = context(request, language)
    rows = filter_offers(request, service_at_location_rows(language), language, prefix="offer")
    code, town = postcode_town(request)
    proximity = request.GET.get("proximity")
    if proximity is not None and code is not None:
        rows = near(rows, code, number(request, "proximity", 0, 1, MAX_PROXIMITY))
    elif code is not None:
        rows = rows.filter(location__municipality=town) if town else rows.none()
    rows = rows.order_by("pk")
    return page_of(
        request, rows, lambda row: hsds.service_at_location_item(row.offer, row.location, ctx), language, ctx
    )


@api_view()
def service_at_location_detail(request, language, id):
    """The profile names compiled/service.json for this path (see tests/test_api_schemas.py): the
    answer is the fully nested service, narrowed to the one place, with the pair's id."""
    ctx = context(request, language)
    pks = hsds.service_at_location_pks(id)
    if pks is None:
        raise NotFound("No service_at_location with this id")
    offer = one_offer(pk=pks[0])
    body = hsds.service_full(offer, ctx)
    pairs = [pair for pair in body["service_at_locations"] if pair["id"] == hsds.service_at_location_id(*pks)]
    if not pairs:
        raise NotFound("No service_at_location with this id")
    return with_metadata({**body, "service_at_locations": pairs}, ctx)


def terms():
    return [(hsds.CATEGORIES, category) for category in Category.objects.all()] + [
        (hsds.TARGET_GROUPS, group) for group in TargetGroup.objects.all()
    ]


@api_view()
def taxonomies(request, language):
    ctx = context(request, language)
    rows = [hsds.taxonomy(taxonomy, ctx) for taxonomy in hsds.TAXONOMIES]
    q = (request.GET.get("search") or "").casefold()
    rows = [row for row in rows if q in row["name"].casefold() or q in row["description"].casefold()]
    return page_of(request, rows, lambda row: row, language, ctx)


@api_view()
def taxonomy_detail(request, language, id):
    ctx = context(request, language)
    wanted = valid_uuid(id)
    if wanted not in hsds.TAXONOMIES:
        raise NotFound("No taxonomy with this id")
    return with_metadata(hsds.taxonomy(wanted, ctx), ctx)


@api_view()
def taxonomy_terms(request, language):
    ctx = context(request, language)
    rows = terms()
    taxonomy = uuid_parameter(request, "taxonomy_id")
    if taxonomy is not None:
        rows = [(owner, term) for owner, term in rows if owner == taxonomy]
    flag(request, "top_only")  # every term is at the top: the taxonomies are flat
    if request.GET.get("parent_id") is not None:
        uuid_parameter(request, "parent_id")
        rows = []
    q = (request.GET.get("search") or "").casefold()
    if q:
        rows = [(owner, term) for owner, term in rows if q in shown_name(term, language).casefold()]
    return page_of(request, rows, lambda row: hsds.taxonomy_term(row[1], row[0], ctx), language, ctx)


def shown_name(term, language):
    return getattr(term, f"name_{language}") or term.name_de


@api_view()
def taxonomy_term_detail(request, language, id):
    ctx = context(request, language)
    wanted = valid_uuid(id)
    for owner, term in terms():
        if term.uuid == wanted:
            return with_metadata(hsds.taxonomy_term(term, owner, ctx), ctx)
    raise NotFound("No taxonomy term with this id")


@api_view(kind="openapi")
def openapi_description(request, language):
    return openapi.description(request)
