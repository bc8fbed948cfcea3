"""The curated, fictitious Kreis Unna demo catalogue, read from ``data/catalogue.json``.

Everything in it is invented: organisations, people, addresses, phone numbers (area code plus
"555") and web addresses (example.org). Only the Kommunales Integrationszentrum Kreis Unna is
real, because it runs the portal. Facts about courses and counselling follow ../shared/domain.md.
Dates are given relative to the day the demo is loaded (``*_in_days``, ``*_days_ago``), so the
demo never goes stale; offers with only a German text show the fallback to German.
"""

import datetime
import json
from decimal import Decimal
from pathlib import Path

import reversion
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from municipalities.models import District, Municipality
from offers.models import (
    HSDS_DAYS,
    Category,
    Closure,
    CourseRun,
    IntegrationCourse,
    Location,
    Offer,
    Provider,
    TargetGroup,
    WeeklyHours,
    language_codes,
    translated_field_names,
)

DATA = Path(__file__).resolve().parent / "data"


def read_data(name):
    with open(DATA / name, encoding="utf-8") as file:
        return json.load(file)


def translated_values(field, texts):
    """{field_de: …, field_en: …} for every portal language; missing ones empty."""
    values = {f"{field}_{code}": texts.get(code, "") for code in language_codes()}
    values[field] = texts.get(settings.LANGUAGE_CODE, "")
    return values


def _in_days(today, days):
    return None if days is None else today + datetime.timedelta(days=days)


def set_hours(today, owner, data):
    """The weekly hours and closures `data` gives a location or an offer, replacing what it had."""
    WeeklyHours.objects.filter(**owner).delete()
    Closure.objects.filter(**owner).delete()
    hours = WeeklyHours.objects.bulk_create(
        WeeklyHours(
            **owner,
            weekday=HSDS_DAYS.index(day),
            opens_at=datetime.time.fromisoformat(hour["from"]),
            closes_at=datetime.time.fromisoformat(hour["to"]),
            kind=hour["kind"],
        )
        for hour in data.get("hours", [])
        for day in hour["days"].split(",")
    )
    closures = Closure.objects.bulk_create(
        Closure(
            **owner,
            starts_on=_in_days(today, closure["starts_in_days"]),
            ends_on=_in_days(today, closure["ends_in_days"]),
            **translated_values("reason", closure["reason"]),
        )
        for closure in data.get("closures", [])
    )
    # Into the demo's revision with their owner, so its first version holds them (bulk_create sends no signals).
    for row in [*hours, *closures, *owner.values()]:
        reversion.add_to_revision(row)


@transaction.atomic
@reversion.create_revision()
def load_catalogue():
    """Create or update the curated demo catalogue; running it twice changes nothing."""
    reversion.set_comment("Demo-Daten geladen")
    today = timezone.localdate()
    towns = {town.slug: town for town in Municipality.objects.all()}
    categories = {category.slug: category for category in Category.objects.all()}
    target_groups = {group.slug: group for group in TargetGroup.objects.all()}
    catalogue = read_data("catalogue.json")
    providers, locations = {}, {}

    for data in catalogue["providers"]:
        provider, _created = Provider.objects.update_or_create(
            slug=data["slug"],
            defaults={
                "name": data["name"],
                "kind": data["kind"],
                "website": data["website"],
                "email": data["email"],
                "phone": data["phone"],
                "bamf_provider_number": data["bamf_provider_number"],
                "is_demo": True,
                **translated_values("description", data["description"]),
            },
        )
        providers[data["slug"]] = provider
        for place in data["locations"]:
            location, _created = Location.objects.update_or_create(
                provider=provider,
                name=place["name"],
                defaults={
                    "street": place["street"],
                    "postal_code": place["postal_code"],
                    "municipality": towns[place["municipality"]],
                    "latitude": place["latitude"] and Decimal(place["latitude"]),
                    "longitude": place["longitude"] and Decimal(place["longitude"]),
                    "wheelchair_access": place["wheelchair_access"],
                    "closed_on_public_holidays": place.get("closed_on_public_holidays", True),
                    **translated_values("opening_hours", place["opening_hours"]),
                },
            )
            set_hours(today, {"location": location}, place)
            locations[place["key"]] = location

    district = District.objects.get(slug="kreis-unna")
    for data in catalogue["offers"]:
        provider = providers[data["provider"]]
        texts = data["texts"]
        fields = {
            "category": categories[data["category"]],
            "whole_district": district if data["whole_district"] else None,
            "format": data["format"],
            "min_age": data["min_age"],
            "max_age": data["max_age"],
            "languages": data["languages"],
            "free_of_charge": data["free_of_charge"],
            "childcare": data["childcare"],
            "women_only": data["women_only"],
            "visible_until": _in_days(today, data["visible_for_days"]),
            "last_reviewed": _in_days(today, -data["reviewed_days_ago"]),
            "registration_url": data["registration_url"],
            "contact_person": data["contact_person"],
            "phone": data["phone"],
            "email": data["email"],
            "status": data["status"],
            "is_demo": True,
        }
        for name in translated_field_names(Offer):
            # Optional texts (the plain-language summary) may be missing in any language.
            fields.update(translated_values(name, {code: text[name] for code, text in texts.items() if name in text}))
        offer, _created = Offer.objects.update_or_create(
            provider=provider, title_de=texts["de"]["title"], defaults=fields
        )
        offer.locations.set([locations[key] for key in data["locations"]])
        offer.target_groups.set([target_groups[slug] for slug in data["target_groups"]])
        set_hours(today, {"offer": offer}, data)
        course = data.get("course")
        if course:
            IntegrationCourse.objects.update_or_create(offer=offer, defaults=course)
        load_runs(offer, data["runs"], locations, today)
    return len(catalogue["offers"])


def load_runs(offer, runs, locations, today):
    """The offer's runs in the file's order: the existing ones updated in place, extra ones deleted."""
    existing = list(offer.runs.order_by("pk"))
    for index, data in enumerate(runs):
        run = existing[index] if index < len(existing) else CourseRun(offer=offer)
        run.start_date = _in_days(today, data["start_in_days"])
        run.end_date = _in_days(today, data["end_in_days"])
        run.registration_deadline = _in_days(today, data["registration_deadline_in_days"])
        run.rolling_entry = data["rolling_entry"]
        run.weekdays = data["weekdays"]
        run.class_start = data["class_start"] and datetime.time.fromisoformat(data["class_start"])
        run.class_end = data["class_end"] and datetime.time.fromisoformat(data["class_end"])
        run.location = locations[data["location"]] if data["location"] else None
        run.intensity = data["intensity"]
        run.time_of_day = data["time_of_day"]
        for name, value in translated_values("note", data["note"]).items():
            setattr(run, name, value)
        run.max_places = data["max_places"]
        run.free_places = data["free_places"]
        reported = data["places_reported_days_ago"]
        run.places_reported_on = None if reported is None else _in_days(today, -reported)
        run.has_waiting_list = data["has_waiting_list"]
        run.is_cancelled = data["is_cancelled"]
        run.save()
    for run in existing[len(runs) :]:
        run.delete()
