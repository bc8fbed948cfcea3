"""Where people and machines look: robots.txt, the DCAT-AP.de dataset description, the CSV download, the embeddable list."""

import csv
import datetime
import json
from pathlib import Path

from django.conf import settings
from django.http import HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language

from municipalities.models import District
from offers import cache
from offers.cards import published_rows
from offers.models import Offer, language_codes
from offers.views import offer_list_context
from portal.text import spreadsheet_row

from .http import error, with_api_headers, within_rate_limit

# The EU's language vocabulary names a language by its ISO 639-2/T code (api/iso_639.json, every ISO 639-1 code).
ISO_639_2 = json.loads((Path(__file__).parent / "iso_639.json").read_text(encoding="utf-8"))["codes"]


def robots_txt(request):
    """Points crawlers to the sitemap. The back office is disallowed where it lives at its default
    address; an installation that moved it (ADMIN_PATH) keeps the new address out of this public file."""
    lines = ["User-agent: *"]
    if settings.ADMIN_PATH == "admin/":
        lines.append(f"Disallow: /{settings.ADMIN_PATH}")
    lines.append("Disallow: /*/handout/")
    lines.append(f"Sitemap: {request.build_absolute_uri(reverse('sitemap_index'))}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def turtle_text(text):
    """A Turtle string literal: quotes, backslashes and line breaks escaped."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
    return f'"{escaped}"'


def turtle_iri(address):
    if any(character in address for character in '<>"{}|^`\\ \n'):
        raise ValueError(f"not an IRI: {address!r}")
    return f"<{address}>"


EU = "http://publications.europa.eu/resource/authority/"


def dcat_turtle(request):
    """The dataset description (DCAT-AP.de 2.0): publisher, contact, licence, the API and the CSV download."""
    absolute = request.build_absolute_uri
    publisher, licence = settings.DATA_PUBLISHER, settings.DATA_LICENCE
    base = absolute(reverse("api_dcat"))
    modified = Offer.objects.published().order_by("-updated").values_list("updated", flat=True).first()
    modified = (modified or timezone.now()).astimezone(datetime.UTC).replace(microsecond=0).isoformat()
    districts = District.objects.values_list("key", flat=True)
    contact = [
        f"    vcard:fn {turtle_text(publisher['name'])}",
        f"    vcard:hasURL {turtle_iri(absolute(reverse('page_detail', args=['impressum'])))}",
    ]
    if publisher["email"]:
        contact.append(f"    vcard:hasEmail {turtle_iri('mailto:' + publisher['email'])}")
    dataset = [
        "    a dcat:Dataset",
        '    dct:title "Integrationsangebote im Kreis Unna (Wel-KOMM-In)"@de, "Integration offers in the Kreis Unna (Wel-KOMM-In)"@en',
        f'    dct:description "Integrationskurse, Beratung und Hilfe für Zugewanderte: veröffentlichte Angebote mit Trägern, Orten, Sprachen, Kosten und Zielgruppen, in {len(settings.LANGUAGES)} Sprachen."@de',
        f"    dct:identifier {turtle_text(base + '#dataset')}",
        f"    dct:publisher {turtle_iri(base + '#publisher')}",
        f"    dcat:contactPoint {turtle_iri(base + '#contact')}",
        f"    dct:license {turtle_iri(licence.get('uri') or licence['url'])}",
        f"    dcatde:licenseAttributionByText {turtle_text(publisher['name'])}",
        f"    dcat:theme {turtle_iri(EU + 'data-theme/SOCI')}, {turtle_iri(EU + 'data-theme/EDUC')}",
        '    dcat:keyword "Integration"@de, "Migration"@de, "Beratung"@de, "Integrationskurs"@de',
        f"    dcat:landingPage {turtle_iri(absolute('/'))}",
        f"    dct:modified {turtle_text(modified)}^^xsd:dateTime",
        f"    dct:accrualPeriodicity {turtle_iri(EU + 'frequency/CONT')}",
        "    dct:language "
        + ", ".join(turtle_iri(EU + "language/" + ISO_639_2[code].upper()) for code in language_codes()),
        "    dcatde:politicalGeocodingLevelURI <http://dcat-ap.de/def/politicalGeocodingLevel/administrativeDistrict>",
        *(f"    dct:spatial <http://dcat-ap.de/def/politicalGeocoding/districtKey/{key}>" for key in districts),
        f"    dcat:distribution {turtle_iri(base + '#api')}, {turtle_iri(base + '#csv')}",
    ]
    distributions = {
        "api": [
            "    a dcat:Distribution",
            '    dct:title "HSDS 3.0 API (Open Referral)"@de',
            '    dct:description "Lesende Schnittstelle im Standard Human Services Data Specification 3.0, JSON, ohne Anmeldung."@de',
            f"    dcat:accessURL {turtle_iri(absolute(reverse('hsds_root')))}",
            f"    dcat:accessService {turtle_iri(base + '#service')}",
            f"    dct:format {turtle_iri(EU + 'file-type/JSON')}",
            "    dcat:mediaType <https://www.iana.org/assignments/media-types/application/json>",
            "    dct:conformsTo <https://docs.openreferral.org/en/v3.0/>",
            f"    dct:license {turtle_iri(licence.get('uri') or licence['url'])}",
        ],
        "service": [
            "    a dcat:DataService",
            '    dct:title "Wel-KOMM-In HSDS API"@de',
            f"    dcat:endpointURL {turtle_iri(absolute(reverse('hsds_root')))}",
            f"    dcat:endpointDescription {turtle_iri(absolute(reverse('api_openapi')))}",
            f"    dct:license {turtle_iri(licence.get('uri') or licence['url'])}",
        ],
        "csv": [
            "    a dcat:Distribution",
            '    dct:title "Alle veröffentlichten Angebote als CSV"@de',
            f"    dcat:accessURL {turtle_iri(absolute(reverse('api_offers_csv')))}",
            f"    dcat:downloadURL {turtle_iri(absolute(reverse('api_offers_csv')))}",
            f"    dct:format {turtle_iri(EU + 'file-type/CSV')}",
            "    dcat:mediaType <https://www.iana.org/assignments/media-types/text/csv>",
            f"    dct:license {turtle_iri(licence.get('uri') or licence['url'])}",
        ],
    }
    blocks = [
        "@prefix dcat: <http://www.w3.org/ns/dcat#> .",
        "@prefix dct: <http://purl.org/dc/terms/> .",
        "@prefix dcatde: <http://dcat-ap.de/def/dcatde/> .",
        "@prefix foaf: <http://xmlns.com/foaf/0.1/> .",
        "@prefix vcard: <http://www.w3.org/2006/vcard/ns#> .",
        "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .",
        "",
        f"{turtle_iri(base + '#dataset')}\n" + " ;\n".join(dataset) + " .",
        f"{turtle_iri(base + '#publisher')}\n    a foaf:Organization ;\n    foaf:name {turtle_text(publisher['name'])} ;\n"
        f"    foaf:homepage {turtle_iri(publisher['url'])} .",
        f"{turtle_iri(base + '#contact')}\n    a vcard:Organization ;\n" + " ;\n".join(contact) + " .",
        *(f"{turtle_iri(base + '#' + name)}\n" + " ;\n".join(lines) + " ." for name, lines in distributions.items()),
    ]
    response = HttpResponse("\n\n".join(blocks) + "\n", content_type="text/turtle; charset=utf-8")
    return with_api_headers(response)


class Echo:
    def write(self, value):
        return value


CSV_COLUMNS = [
    "id",
    "url",
    *(f"title_{code}" for code in language_codes()),
    *(f"summary_{code}" for code in language_codes()),
    "category",
    "provider",
    "towns",
    "district_wide",
    "format",
    "languages",
    "free_of_charge",
    "min_age",
    "max_age",
    "last_modified",
]


def offers_csv(request):
    """Every published offer, one line each, in every language (UTF-8 with a BOM for spreadsheet programs)."""
    if request.method not in ("GET", "HEAD"):
        return error(405, "The API is read-only: GET and HEAD only.")
    allowed, wait = within_rate_limit(request)
    if not allowed:
        response = error(429, "Too many requests from this address.", retry_after=wait)
        response["Retry-After"] = str(wait)
        return response
    page = request.build_absolute_uri("/").rstrip("/")
    offers = (
        Offer.objects.published()
        .select_related("category", "provider", "whole_district")
        .prefetch_related("locations__municipality")
        .order_by("pk")
    )

    def rows():
        writer = csv.writer(Echo())
        yield "\ufeff" + writer.writerow(CSV_COLUMNS)
        for offer in offers.iterator(chunk_size=500):
            row = [
                offer.uuid,
                page + reverse("offer_detail", args=[offer.pk, offer.slug]),
                *(getattr(offer, f"title_{code}") or "" for code in language_codes()),
                *(getattr(offer, f"summary_{code}") or "" for code in language_codes()),
                offer.category.slug,
                offer.provider.name,
                ";".join(town.name for town in offer.municipalities()),
                offer.whole_district.name if offer.whole_district_id else "",
                offer.format,
                ";".join(offer.languages),
                "1" if offer.free_of_charge else "0",
                "" if offer.min_age is None else offer.min_age,
                "" if offer.max_age is None else offer.max_age,
                offer.updated.isoformat(),
            ]
            # Texts from the providers' editors: none may run as a formula in a spreadsheet program.
            yield writer.writerow(spreadsheet_row(row))

    response = StreamingHttpResponse(rows(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="wel-komm-in-angebote.csv"'
    return with_api_headers(response)


def embedded(view):
    """Framed only by the origins in EMBED_ALLOWED_ORIGINS (CSP frame-ancestors); 'none' while none are set."""

    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        origins = list(settings.EMBED_ALLOWED_ORIGINS)
        if origins:
            response._csp_replace = {"frame-ancestors": origins}
            response.xframe_options_exempt = True
        return response

    wrapper.__name__ = view.__name__
    return wrapper


@embedded
@cache.cached_for_visitors
def offer_embed(request):
    """The offer list (its filters and URL contract), compact, for a town's own website."""
    context = offer_list_context(request)
    context["offers"] = published_rows(context["page"])  # ids, or offers under near=
    context["portal_list"] = request.build_absolute_uri(reverse("offer_list")) + (
        f"?{request.GET.urlencode()}" if request.GET else ""
    )
    context["language"] = get_language()
    return render(request, "api/offer_embed.html", context)
