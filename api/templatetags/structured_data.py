"""schema.org JSON-LD for an offer's page: what search engines read, as a data block the strict CSP allows.

A `<script type="application/ld+json">` is data, never run, so `script-src 'self'` does not touch it.
"""

import json

from django import template
from django.utils.safestring import mark_safe

from offers.models import COUNSELLING_CATEGORIES, Provider

register = template.Library()

# Authorities and the KI offer public services: schema.org's GovernmentService.
GOVERNMENT = {Provider.Kind.AUTHORITY.value, Provider.Kind.KI.value}
# Within a <script> element nothing may end it or open markup: the characters Django's json_script escapes.
ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}
# schema.org's DayOfWeek, Monday first: WeeklyHours.weekday 0..6, CourseRun.weekdays ISO 1..7 minus one.
DAYS = [
    f"https://schema.org/{day}"
    for day in ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
]
TIME_ZONE = "Europe/Berlin"


def organization(provider, absolute):
    return {
        "@type": "GovernmentOrganization" if provider.kind in GOVERNMENT else "Organization",
        "name": provider.name,
        "url": absolute(provider.get_absolute_url()),
        **({"telephone": provider.phone} if provider.phone else {}),
        **({"email": provider.email} if provider.email else {}),
        **({"sameAs": provider.website} if provider.website else {}),
    }


def opening_hours(hours):
    """Weekly hours as OpeningHoursSpecification; walk-in or by appointment is its name (schema.org has no field for it)."""
    return [
        {
            "@type": "OpeningHoursSpecification",
            "name": str(hour.get_kind_display()),
            "dayOfWeek": DAYS[hour.weekday],
            "opens": f"{hour.opens_at:%H:%M}",
            "closes": f"{hour.closes_at:%H:%M}",
        }
        for hour in hours
    ]


def closed_days(closures):
    """Closures as the days the usual hours do not hold: opens and closes at 00:00 is schema.org's "closed"."""
    return [
        {
            "@type": "OpeningHoursSpecification",
            **({"name": closure.reason} if closure.reason else {}),
            "validFrom": closure.starts_on.isoformat(),
            "validThrough": closure.last_day.isoformat(),
            "opens": "00:00",
            "closes": "00:00",
        }
        for closure in closures
    ]


def place(location, with_hours=True, offer_closures=()):
    """A Place; with its hours, also its closures and the offer's (which close the offer there too, offers/hours.py)."""
    hours = opening_hours(location.weekly_hours.all()) if with_hours else []
    closures = closed_days([*location.closures.all(), *offer_closures]) if with_hours else []
    return {
        "@type": "Place",
        "name": location.name,
        "address": {
            "@type": "PostalAddress",
            "streetAddress": location.street,
            "postalCode": location.postal_code,
            "addressLocality": location.municipality.name,
            "addressCountry": "DE",
        },
        **(
            {
                "geo": {
                    "@type": "GeoCoordinates",
                    "latitude": float(location.latitude),
                    "longitude": float(location.longitude),
                }
            }
            if location.latitude is not None and location.longitude is not None
            else {}
        ),
        **({"openingHoursSpecification": hours} if hours else {}),
        **({"specialOpeningHoursSpecification": closures} if closures else {}),
    }


def course_instance(run):
    """A run as CourseInstance: its dates, weekly class times, place, places (only a current figure) and status."""
    dates = {
        **({"startDate": run.start_date.isoformat()} if run.start_date else {}),
        **({"endDate": run.end_date.isoformat()} if run.end_date else {}),
    }
    data = {"@type": "CourseInstance", **dates}
    if run.weekdays or run.class_start:
        data["courseSchedule"] = {
            "@type": "Schedule",
            "repeatFrequency": "P1W",
            **({"byDay": [DAYS[day - 1] for day in run.weekdays]} if run.weekdays else {}),
            **(
                {"startTime": f"{run.class_start:%H:%M}", "endTime": f"{run.class_end:%H:%M}"}
                if run.class_start and run.class_end
                else {}
            ),
            **dates,
            "scheduleTimezone": TIME_ZONE,
        }
    if run.location_id:
        data["location"] = place(run.location, with_hours=False)
    if run.figure_is_current():
        data["remainingAttendeeCapacity"] = run.free_places
        if run.max_places is not None:
            data["maximumAttendeeCapacity"] = run.max_places
    if run.note:
        data["description"] = run.note
    data["eventStatus"] = (
        "https://schema.org/EventCancelled" if run.is_cancelled else "https://schema.org/EventScheduled"
    )
    return data


def is_course(offer, runs):
    """Integration courses, and any offer with runs that is not counselling (a language course, a parents' course)."""
    return offer.is_integration_course or bool(runs and offer.category.slug not in COUNSELLING_CATEGORIES)


def offer_data(offer, absolute):
    """A course as Course with a CourseInstance per run not over (cancelled ones marked), anything
    else as Service with its weekly hours (`hoursAvailable`) and its places' (`openingHoursSpecification`).

    Reads only what the offer page prefetches (its runs, its hours, its places with theirs): no query.
    """
    runs = list(getattr(offer, "upcoming_runs", None) or [])
    data = {
        "@context": "https://schema.org",
        "name": offer.title,
        "description": offer.summary,
        "url": absolute(offer.get_absolute_url()),
        "provider": organization(offer.provider, absolute),
    }
    if offer.free_of_charge:
        data["isAccessibleForFree"] = True
        data["offers"] = {"@type": "Offer", "price": 0, "priceCurrency": "EUR"}
    if is_course(offer, runs):
        data["@type"] = "Course"
        data["inLanguage"] = list(offer.languages)
        if runs:
            data["hasCourseInstance"] = [course_instance(run) for run in runs]
        return data
    data["@type"] = "GovernmentService" if offer.provider.kind in GOVERNMENT else "Service"
    data["serviceType"] = str(offer.category)
    offer_closures = list(offer.closures.all())
    data["availableChannel"] = {
        "@type": "ServiceChannel",
        "availableLanguage": list(offer.languages),
        **({"servicePhone": {"@type": "ContactPoint", "telephone": offer.phone}} if offer.phone else {}),
        **(
            {"serviceLocation": [place(location, offer_closures=offer_closures) for location in offer.locations.all()]}
            if offer.locations.all()
            else {}
        ),
    }
    areas = [town.name for town in offer.municipalities()]
    if offer.whole_district_id:
        areas.append(offer.whole_district.name)
    if areas:
        data["areaServed"] = areas
    own_hours = opening_hours(offer.weekly_hours.all())
    if own_hours:
        # A Service has no specialOpeningHoursSpecification: its own closures stand beside its hours, dated.
        data["hoursAvailable"] = own_hours + closed_days(offer_closures)
    groups = [str(group) for group in offer.target_groups.all()]
    if groups:
        data["audience"] = {"@type": "Audience", "audienceType": ", ".join(groups)}
    return data


@register.simple_tag(takes_context=True)
def offer_json_ld(context, offer):
    data = offer_data(offer, context["request"].build_absolute_uri)
    text = json.dumps(data, ensure_ascii=False).translate(ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # noqa: S308 (JSON with <, > and & escaped)
