"""schema.org JSON-LD for an offer's page: what search engines read, as a data block the strict CSP allows.

A `<script type="application/ld+json">` is data, never run, so `script-src 'self'` does not touch it.
"""

import json

from django import template
from django.utils.safestring import mark_safe

from offers.models import Provider

register = template.Library()

# Authorities and the KI offer public services: schema.org's GovernmentService.
GOVERNMENT = {Provider.Kind.AUTHORITY.value, Provider.Kind.KI.value}
# Within a <script> element nothing may end it or open markup: the characters Django's json_script escapes.
ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def organization(provider, absolute):
    return {
        "@type": "GovernmentOrganization" if provider.kind in GOVERNMENT else "Organization",
        "name": provider.name,
        "url": absolute(provider.get_absolute_url()),
        **({"telephone": provider.phone} if provider.phone else {}),
        **({"email": provider.email} if provider.email else {}),
        **({"sameAs": provider.website} if provider.website else {}),
    }


def place(location):
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
    }


def offer_data(offer, absolute):
    """A course as Course (its runs as CourseInstance once they exist), anything else as Service."""
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
    if offer.is_integration_course:
        data["@type"] = "Course"
        data["inLanguage"] = list(offer.languages)
        return data
    data["@type"] = "GovernmentService" if offer.provider.kind in GOVERNMENT else "Service"
    data["serviceType"] = str(offer.category)
    data["availableChannel"] = {
        "@type": "ServiceChannel",
        "availableLanguage": list(offer.languages),
        **({"servicePhone": {"@type": "ContactPoint", "telephone": offer.phone}} if offer.phone else {}),
        **(
            {"serviceLocation": [place(location) for location in offer.locations.all()]}
            if offer.locations.all()
            else {}
        ),
    }
    areas = [town.name for town in offer.municipalities()]
    if offer.whole_district_id:
        areas.append(offer.whole_district.name)
    if areas:
        data["areaServed"] = areas
    groups = [str(group) for group in offer.target_groups.all()]
    if groups:
        data["audience"] = {"@type": "Audience", "audienceType": ", ".join(groups)}
    return data


@register.simple_tag(takes_context=True)
def offer_json_ld(context, offer):
    data = offer_data(offer, context["request"].build_absolute_uri)
    text = json.dumps(data, ensure_ascii=False).translate(ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # noqa: S308 (JSON with <, > and & escaped)
