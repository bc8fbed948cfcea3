"""The catalogue as HSDS 3.0 objects (Open Referral's Human Services Data Specification).

One small function per kind of object; each takes rows already loaded (see the querysets in
views.py) and a `Context` (the language, its German fallbacks, absolute addresses), and asks
the database nothing itself, so a page of results costs the same few queries however long it is.

Mapping: an offer is a service, its provider an organization, its places locations (one
service_at_location per offer and place), its languages, costs, ages and target groups the
service's languages, cost_options and eligibility; categories and target groups are two
published taxonomies whose terms are linked to services as attributes. Ids are the rows' stable
UUIDs; objects that have no row of their own (a phone, an address, a language of an offer) get a
UUID derived from their parent's (uuid5), so they are stable too.

Not in the API, on purpose: editors, reviews, feedback, and the names of contact persons (the
portal shows them on an offer's page for the visitor in front of it; a licence to copy the whole
list for any use is more than those persons agreed to). The offer's and the provider's phone and
e-mail are published: they are the service's public contact.
"""

import contextlib
import datetime
import uuid
from dataclasses import dataclass, field

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.functional import cached_property
from django.utils.translation import gettext as _

from offers.hours import BERLIN, span_text, weekday_name
from offers.languages import language_name
from offers.models import HSDS_DAYS, Offer

from .texts import Texts

HSDS_VERSION = "3.0"
# Taxonomies are no rows: their ids are fixed here, derived from names that never change.
TAXONOMY_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "urn:wel-komm-in:hsds:taxonomy")
CATEGORIES = uuid.uuid5(TAXONOMY_NAMESPACE, "categories")
TARGET_GROUPS = uuid.uuid5(TAXONOMY_NAMESPACE, "target-groups")
TAXONOMIES = (CATEGORIES, TARGET_GROUPS)
# service_at_location ids carry the offer's and the place's row ids (UUIDv8, RFC 9562), so one
# can be looked up without a table of its own; the marker tells them from any other UUID.
SERVICE_AT_LOCATION_MARKER = 0x5A1
# service_capacity counts places in a course run: one unit for every run, its id fixed here.
PLACES_UNIT = uuid.uuid5(TAXONOMY_NAMESPACE, "unit:places")


def derived(parent, kind):
    """A stable id for a part of `parent` that has no row of its own."""
    return str(uuid.uuid5(parent, kind))


def service_at_location_id(offer_pk, location_pk):
    value = (offer_pk << 80) | (0x8 << 76) | (SERVICE_AT_LOCATION_MARKER << 64) | (0b10 << 62) | location_pk
    return str(uuid.UUID(int=value))


def service_at_location_pks(text):
    """(offer pk, location pk) from a service_at_location id, or None for any other text."""
    try:
        value = uuid.UUID(text).int
    except (ValueError, TypeError, AttributeError):
        return None
    if (value >> 76) & 0xF != 0x8 or (value >> 64) & 0xFFF != SERVICE_AT_LOCATION_MARKER or (value >> 62) & 3 != 2:
        return None
    offer_pk, location_pk = value >> 80, value & ((1 << 48) - 1)
    if service_at_location_id(offer_pk, location_pk) != str(uuid.UUID(text)):
        return None
    return offer_pk, location_pk


@dataclass
class Context:
    language: str
    build_absolute_uri: callable
    texts: Texts = field(init=False)

    def __post_init__(self):
        self.texts = Texts(self.language)

    def in_language(self):
        """The asked language, active: at no cost where it is already (`views.page_of` activates it for
        a whole page of objects, which asks for it a few times per object)."""
        if translation.get_language() == self.language:
            return contextlib.nullcontext()
        return translation.override(self.language)

    @cached_property
    def origin(self):
        return self.build_absolute_uri("/")[:-1]

    def page(self, name, *args):
        """The portal's page in the asked language, as an absolute address."""
        with self.in_language():
            return self.origin + reverse(name, args=args)


def present(**values):
    """Only the values there are: the schemas' formats (email, uri) accept no empty string."""
    return {key: value for key, value in values.items() if value not in (None, "", [])}


def phones(parent, number, **links):
    if not number:
        return []
    return [{"id": derived(parent, "phone"), "number": number, **links}]


def organization(provider, ctx):
    """A provider, with the one-to-one fields of compiled/organization_list.json."""
    return {
        "id": str(provider.uuid),
        "name": provider.name,
        "description": ctx.texts(provider, "description", provider.uuid),
        **present(email=provider.email, website=provider.website),
        "uri": ctx.page("provider_detail", provider.slug),
    }


def organization_full(provider, locations, services, ctx):
    """compiled/organization.json: with its phones, places and (briefly) its services."""
    identifiers = []
    if provider.bamf_provider_number:
        identifiers.append(
            {
                "id": derived(provider.uuid, "bamf"),
                "organization_id": str(provider.uuid),
                "identifier_scheme": "BAMF",
                "identifier_type": "BAMF-Trägernummer",
                "identifier": provider.bamf_provider_number,
            }
        )
    return {
        **organization(provider, ctx),
        "phones": phones(provider.uuid, provider.phone, organization_id=str(provider.uuid)),
        "contacts": [],
        "locations": [location(place, ctx) for place in locations],
        "organization_identifiers": identifiers,
        "services": services,
    }


def location(place, ctx):
    """A place where offers are held: its address, coordinates and wheelchair access."""
    place_id = str(place.uuid)
    accessibility = []
    if place.wheelchair_access != place.WheelchairAccess.UNKNOWN:
        with ctx.in_language():
            accessibility.append(
                {
                    "id": derived(place.uuid, "wheelchair"),
                    "location_id": place_id,
                    "description": str(place.get_wheelchair_access_display()),
                    "details": place.wheelchair_access,
                }
            )
    coordinates = {}
    if place.latitude is not None and place.longitude is not None:
        coordinates = {"latitude": float(place.latitude), "longitude": float(place.longitude)}
    return {
        "id": place_id,
        "location_type": "physical",
        "organization_id": str(place.provider.uuid),
        "name": place.name,
        **coordinates,
        "addresses": [
            {
                "id": derived(place.uuid, "address"),
                "location_id": place_id,
                "address_1": place.street,
                "city": place.municipality.name,
                "region": place.municipality.district.name,
                "state_province": "Nordrhein-Westfalen",
                "postal_code": place.postal_code,
                "country": "DE",
                "address_type": "physical",
            }
        ],
        "accessibility": accessibility,
        "schedules": [weekly_hour(hour, place.uuid, ctx, location_id=place_id) for hour in place.weekly_hours.all()]
        + [closure_schedule(closure, place.uuid, ctx, location_id=place_id) for closure in place.closures.all()],
    }


def location_brief(place):
    """The one-to-one fields of a location (compiled/service_at_location_list.json)."""
    return {
        "id": str(place.uuid),
        "location_type": "physical",
        "organization_id": str(place.provider.uuid),
        "name": place.name,
        **(
            {"latitude": float(place.latitude), "longitude": float(place.longitude)}
            if place.latitude is not None
            else {}
        ),
    }


def eligibility(offer, target_groups, ctx):
    """Who the offer is for, in a sentence list: its target groups, women only, ages."""
    with ctx.in_language():
        parts = [ctx.texts(group, "name", offer.uuid, "eligibility_description") for group in target_groups]
        if offer.women_only:
            parts.append(_("Nur für Frauen"))
        if offer.min_age is not None and offer.max_age is not None:
            parts.append(_("Alter: %(min)s bis %(max)s Jahre") % {"min": offer.min_age, "max": offer.max_age})
        elif offer.min_age is not None:
            parts.append(_("Ab %(min)s Jahren") % {"min": offer.min_age})
        elif offer.max_age is not None:
            parts.append(_("Bis %(max)s Jahre") % {"max": offer.max_age})
    return "; ".join(parts)


def fees(offer, ctx):
    note = ctx.texts(offer, "costs_note", offer.uuid, "fees_description")
    if offer.free_of_charge and not note:
        with ctx.in_language():
            return str(_("Kostenlos"))
    return note


def service(offer, ctx):
    """An offer with the one-to-one fields of compiled/service_list.json and its organization."""
    texts = ctx.texts
    summary = texts(offer, "summary", offer.uuid, "description")
    description = texts(offer, "description", offer.uuid)
    return {
        "id": str(offer.uuid),
        "organization_id": str(offer.provider.uuid),
        "name": texts(offer, "title", offer.uuid, "name"),
        "description": "\n\n".join(part for part in (summary, description) if part),
        "url": ctx.page("offer_detail", offer.pk, offer.slug),
        **present(email=offer.email),
        # Only published offers within their visible-until date are ever listed.
        "status": "active",
        **present(
            application_process=texts(offer, "registration_info", offer.uuid, "application_process"),
            fees_description=fees(offer, ctx),
            eligibility_description=eligibility(offer, offer.listed_target_groups, ctx),
            assured_date=offer.last_reviewed.isoformat() if offer.last_reviewed else None,
        ),
        **({"minimum_age": offer.min_age} if offer.min_age is not None else {}),
        **({"maximum_age": offer.max_age} if offer.max_age is not None else {}),
        "last_modified": offer.updated.isoformat(),
        "organization": organization(offer.provider, ctx),
    }


def languages(offer, ctx):
    return [
        {
            "id": derived(offer.uuid, f"language:{code}"),
            "service_id": str(offer.uuid),
            "name": language_name(code, ctx.language),
            "code": code,
        }
        for code in offer.languages
    ]


def cost_options(offer, ctx):
    if not offer.free_of_charge:
        return []
    with ctx.in_language():
        label = str(_("Kostenlos"))
    return [
        {
            "id": derived(offer.uuid, "free"),
            "service_id": str(offer.uuid),
            "option": label,
            "currency": "EUR",
            "amount": 0,
            **present(amount_description=ctx.texts(offer, "costs_note", offer.uuid, "cost_options")),
        }
    ]


def service_areas(offer, ctx):
    """A district-wide offer serves the whole district; an online one anyone."""
    areas = []
    if offer.whole_district_id:
        areas.append(
            {
                "id": derived(offer.uuid, f"district:{offer.whole_district.key}"),
                "service_id": str(offer.uuid),
                "name": offer.whole_district.name,
                "extent_type": "administrative_area",
                "extent": offer.whole_district.key,
            }
        )
    if offer.format == Offer.Format.ONLINE:
        with ctx.in_language():
            areas.append({"id": derived(offer.uuid, "online"), "service_id": str(offer.uuid), "name": _("Online")})
    return areas


def weekly_hour(hour, parent, ctx, **link):
    """A weekly hour (WeeklyHours) as a schedule of its location or service: walk-in or by appointment."""
    with ctx.in_language():
        kind = str(hour.get_kind_display())
    return {
        **hour.as_hsds(),
        "id": derived(parent, f"hours:{hour.pk}"),
        **link,
        "description": f"{weekday_name(hour.weekday, ctx.language)} {span_text(hour, ctx.language)}: {kind}",
    }


def closure_schedule(closure, parent, ctx, **link):
    """A closure (dated exception) as a schedule valid from its first to its last day with no opening time.

    HSDS 3.0 has no "closed" flag (2.0's holiday_schedule went into schedule, and its `freq` knows
    only WEEKLY and MONTHLY): a schedule valid for the closed days without opens_at/closes_at, its
    description saying closed and why in the asked language, and `notes` "closed" for machines.
    """
    schedule_id = derived(parent, f"closure:{closure.pk}")
    with ctx.in_language():
        closed = str(_("Geschlossen"))
    reason = ctx.texts(closure, "reason", schedule_id, "description")
    return {
        "id": schedule_id,
        **link,
        "valid_from": closure.starts_on.isoformat(),
        "valid_to": closure.last_day.isoformat(),
        "description": f"{closed}: {reason}" if reason else closed,
        "notes": "closed",
    }


def run_schedule(offer, run, ctx):
    """A course run as a schedule: valid between its dates, weekly on its weekdays at its class times."""
    schedule_id = derived(offer.uuid, f"run:{run.pk}")
    with ctx.in_language():
        times = run.class_times(ctx.language)
    note = ctx.texts(run, "note", schedule_id, "description")
    item = {
        "id": schedule_id,
        "service_id": str(offer.uuid),
        **present(
            service_at_location_id=service_at_location_id(offer.pk, run.location_id) if run.location_id else None,
            valid_from=run.start_date.isoformat() if run.start_date else None,
            valid_to=run.end_date.isoformat() if run.end_date else None,
            dtstart=run.start_date.isoformat() if run.start_date else None,
            until=run.end_date.isoformat() if run.end_date else None,
            description="; ".join(part for part in (times, note) if part),
        ),
    }
    if run.weekdays:
        item.update(freq="WEEKLY", wkst="MO", byday=",".join(HSDS_DAYS[day - 1] for day in run.weekdays))
    if run.class_start and run.class_end:
        item.update(opens_at=f"{run.class_start:%H:%M}", closes_at=f"{run.class_end:%H:%M}")
    return item


def live_runs(offer):
    """The runs not over nor cancelled, in order (the `upcoming_runs` prefetch)."""
    return offer.next_runs


def schedules(offer, ctx):
    """An offer's own weekly hours, its closures and its runs as HSDS schedules (its places' are in its locations)."""
    service_id = str(offer.uuid)
    own = [weekly_hour(hour, offer.uuid, ctx, service_id=service_id) for hour in offer.weekly_hours.all()]
    own += [closure_schedule(closure, offer.uuid, ctx, service_id=service_id) for closure in offer.closures.all()]
    return own + [run_schedule(offer, run, ctx) for run in live_runs(offer)]


def service_capacity(offer, ctx):
    """Free places per run with the day they were reported (HSDS 3.1's service_capacity).

    Only runs not over nor cancelled that have a figure; `updated` is the day of the figure (its
    midnight in Europe/Berlin), never the person who reported it.
    """
    with ctx.in_language():
        unit = {"id": str(PLACES_UNIT), "name": str(_("Plätze"))}
    items = []
    for run in live_runs(offer):
        if run.free_places is None or run.places_reported_on is None:
            continue
        reported = datetime.datetime.combine(run.places_reported_on, datetime.time(), tzinfo=BERLIN)
        items.append(
            {
                "id": derived(offer.uuid, f"capacity:{run.pk}"),
                "service_id": str(offer.uuid),
                "unit": unit,
                "available": run.free_places,
                **({"maximum": run.max_places} if run.max_places is not None else {}),
                "updated": reported.isoformat(),
            }
        )
    return items


def taxonomy_attribute(offer, term, taxonomy, ctx):
    return {
        "id": derived(offer.uuid, f"attribute:{term.uuid}"),
        "link_id": str(offer.uuid),
        "link_type": "taxonomy_term",
        "link_entity": "service",
        "taxonomy_term_id": str(term.uuid),
        "taxonomy_term": taxonomy_term(term, taxonomy, ctx),
    }


def service_at_location(offer, place, ctx, with_service=None):
    item = {
        "id": service_at_location_id(offer.pk, place.pk),
        "service_id": str(offer.uuid),
        "location_id": str(place.uuid),
    }
    if with_service is not None:
        item["service"] = with_service
    return item


def service_full(offer, ctx):
    """compiled/service.json: the service with everything linked to it."""
    places = list(offer.locations.all())
    attributes = [taxonomy_attribute(offer, offer.category, CATEGORIES, ctx)]
    attributes += [taxonomy_attribute(offer, group, TARGET_GROUPS, ctx) for group in offer.listed_target_groups]
    return {
        **service(offer, ctx),
        "phones": phones(offer.uuid, offer.phone, service_id=str(offer.uuid)),
        "schedules": schedules(offer, ctx),
        "service_capacity": service_capacity(offer, ctx),
        "service_areas": service_areas(offer, ctx),
        "service_at_locations": [
            {**service_at_location(offer, place, ctx), "location": location(place, ctx)} for place in places
        ],
        "languages": languages(offer, ctx),
        "cost_options": cost_options(offer, ctx),
        # The model keeps no list of documents to bring; registration_info names them in words.
        "required_documents": [],
        "contacts": [],
        "attributes": attributes,
    }


def service_at_location_item(offer, place, ctx):
    """compiled/service_at_location_list.json: the pair with both sides' one-to-one fields."""
    item = service_at_location(offer, place, ctx, with_service=service(offer, ctx))
    item["location"] = location_brief(place)
    return item


def taxonomy(taxonomy_id, ctx):
    with ctx.in_language():
        if taxonomy_id == CATEGORIES:
            name, description = _("Kategorien"), _("Was ein Angebot ist: die Kategorien des Portals Wel-KOMM-In.")
        else:
            name, description = _("Zielgruppen"), _("Für wen ein Angebot ist: die Zielgruppen des Portals Wel-KOMM-In.")
        return {
            "id": str(taxonomy_id),
            "name": str(name),
            "description": str(description),
            "uri": ctx.build_absolute_uri(reverse("hsds_taxonomy", args=[taxonomy_id])),
            "version": "1",
        }


def taxonomy_term(term, taxonomy_id, ctx):
    """A category or a target group as a term of its taxonomy."""
    is_category = taxonomy_id == CATEGORIES
    item = {
        "id": str(term.uuid),
        "code": term.slug,
        "name": ctx.texts(term, "name", term.uuid),
        "description": ctx.texts(term, "explanation", term.uuid, "description") if is_category else "",
        "taxonomy": str(taxonomy(taxonomy_id, ctx)["name"]),
        "taxonomy_id": str(taxonomy_id),
        # The language the name is in: German where it has no translation.
        "language": ctx.language if getattr(term, f"name_{ctx.language}") else settings.LANGUAGE_CODE,
    }
    if is_category:
        item["term_uri"] = ctx.page("category_detail", term.slug)
    return item


def api_root(ctx):
    return {
        "version": HSDS_VERSION,
        "profile": "https://docs.openreferral.org/en/v3.0/",
        "openapi_url": ctx.build_absolute_uri(reverse("api_openapi")),
        "languages": [code for code, _name in settings.LANGUAGES],
    }
