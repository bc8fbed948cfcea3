"""/api/openapi.json: the OpenAPI 3.1 description of the portal's API.

The HSDS paths name the standard's own schemas by their online address, exactly as the HSDS
API profile's OpenAPI file does (the project does not copy them); our additions (the
`response_metadata` of every answer, errors, `lang`) are described here in full.
"""

from django.conf import settings
from django.urls import reverse

from .hsds import HSDS_VERSION

HSDS = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/"


def parameter(name, description, schema, where="query", required=False):
    return {"name": name, "in": where, "required": required, "description": description, "schema": schema}


LANG = parameter(
    "lang",
    "The language of the texts (else Accept-Language, else German). Untranslated texts are German, listed in "
    "response_metadata.german_fallback.",
    {"type": "string", "enum": [code for code, _name in settings.LANGUAGES]},
)
ACCEPT_LANGUAGE = parameter(
    "Accept-Language", "The language of the texts, when lang= is not given.", {"type": "string"}, where="header"
)
PAGE = parameter("page", "Page number, from 1.", {"type": "integer", "minimum": 1, "maximum": 10_000_000})
PER_PAGE = parameter("per_page", "Results per page (default 50).", {"type": "integer", "minimum": 1, "maximum": 100})
SEARCH = parameter("search", "Words that must all occur (in the asked language or German).", {"type": "string"})
FORMAT = parameter("format", "Only `json` is offered.", {"type": "string", "enum": ["json"]})
FULL = parameter("full", "Fully nested objects.", {"type": "boolean"})
UUID = {"type": "string", "format": "uuid"}
TAXONOMY_TERM_ID = parameter("taxonomy_term_id", "A category's or target group's id.", UUID)
TAXONOMY_ID = parameter("taxonomy_id", "Services with any term of this taxonomy.", UUID)
ORGANIZATION_ID = parameter("organization_id", "Services of this organization (provider).", UUID)
MODIFIED_AFTER = parameter(
    "modified_after",
    "Changed on or after this date or date-time (ISO 8601; without a zone: German time).",
    {"type": "string", "anyOf": [{"format": "date-time"}, {"format": "date"}]},
)
POSTCODE = parameter(
    "postcode",
    "A German postal code: services a resident there can use (held in that town, district-wide or online); "
    "for service_at_locations, places in that town.",
    {"type": "string", "pattern": "^[0-9]{5}$"},
)
PROXIMITY = parameter(
    "proximity",
    "Metres (1 to 100000) from the centre of the postcode's known places; ignored without postcode.",
    {"type": "string", "pattern": "^([1-9][0-9]{0,4}|100000)$"},
)


def identifier(what):
    return parameter("id", f"The {what}'s id.", {"type": "string"}, where="path", required=True)


def answer(schema, description):
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def with_metadata(schema):
    return {"allOf": [schema, {"$ref": "#/components/schemas/WithMetadata"}]}


def paged(item):
    return {
        "allOf": [
            {"$ref": "#/components/schemas/Page"},
            {"$ref": "#/components/schemas/WithMetadata"},
            {"type": "object", "required": ["contents"], "properties": {"contents": {"type": "array", "items": item}}},
        ]
    }


ERRORS = {
    "400": answer({"$ref": "#/components/schemas/Error"}, "A parameter the API cannot read."),
    "429": answer({"$ref": "#/components/schemas/Error"}, "Too many requests from this address: see Retry-After."),
}
NOT_FOUND = {"404": answer({"$ref": "#/components/schemas/Error"}, "No published object with this id.")}


def operation(operation_id, summary, schema, parameters=(), found=True):
    return {
        "get": {
            "operationId": operation_id,
            "summary": summary,
            "parameters": [LANG, ACCEPT_LANGUAGE, *parameters],
            "responses": {"200": answer(schema, summary), **ERRORS, **({} if found else NOT_FOUND)},
        }
    }


def hsds(path):
    return {"$ref": HSDS + path}


def description(request):
    licence = settings.DATA_LICENCE
    publisher = settings.DATA_PUBLISHER
    base = reverse("hsds_root").rstrip("/")
    lists = [SEARCH, PAGE, PER_PAGE, FORMAT]
    service_filters = [TAXONOMY_TERM_ID, TAXONOMY_ID, ORGANIZATION_ID, MODIFIED_AFTER]
    return {
        "openapi": "3.1.0",
        "jsonSchemaDialect": "https://json-schema.org/draft/2020-12/schema",
        "info": {
            "title": "Wel-KOMM-In: integration offers of the Kreis Unna (HSDS 3.0)",
            "version": "1.0",
            "summary": "Read-only open data in the Open Referral standard HSDS 3.0, in six languages.",
            "description": (
                "Published offers (services), their providers (organizations), places (locations) and the "
                "categories and target groups (taxonomies). No login; open to every origin; "
                f"{settings.API_REQUESTS_PER_MINUTE} requests a minute per address. Every answer names the "
                f"licence and the language in response_metadata. Attribution: {publisher['name']}."
            ),
            "contact": {
                "name": publisher["name"],
                "url": publisher["url"],
                **({"email": publisher["email"]} if publisher["email"] else {}),
            },
            "license": {"name": licence["name"], "url": licence["url"]},
        },
        "servers": [{"url": request.build_absolute_uri("/").rstrip("/")}],
        "paths": {
            f"{base}/": operation(
                "getAPIMetaInformation",
                "About this API and its HSDS profile.",
                with_metadata({"$ref": "#/components/schemas/Root"}),
                found=True,
            ),
            f"{base}/services": operation(
                "getPaginatedListOfServices",
                "Published offers as services.",
                paged(hsds("compiled/service_list.json")),
                [*lists, *service_filters, POSTCODE, FULL],
            ),
            f"{base}/services/{{id}}": operation(
                "getFullyNestedServiceById",
                "One service, fully nested.",
                with_metadata(hsds("compiled/service.json")),
                [identifier("service")],
                found=False,
            ),
            f"{base}/organizations": operation(
                "getPaginatedListOfOrganizations",
                "Providers as organizations.",
                paged(hsds("compiled/organization_list.json")),
                lists,
            ),
            f"{base}/organizations/{{id}}": operation(
                "getOrganizationById",
                "One organization with its places and services.",
                with_metadata(hsds("compiled/organization.json")),
                [identifier("organization"), parameter("full_service", "Fully nested services.", {"type": "boolean"})],
                found=False,
            ),
            f"{base}/service_at_locations": operation(
                "getPaginatedListOfServiceAtLocation",
                "Each published offer at each of its places.",
                paged(hsds("compiled/service_at_location_list.json")),
                [*lists, *service_filters, POSTCODE, PROXIMITY],
            ),
            f"{base}/service_at_locations/{{id}}": operation(
                "getServiceAtLocationWithNestedDataById",
                "The service at one place: as the HSDS profile names it, the fully nested service (compiled/service.json), its service_at_locations narrowed to this one.",
                with_metadata(hsds("compiled/service.json")),
                [identifier("service_at_location")],
                found=False,
            ),
            f"{base}/taxonomies": operation(
                "getPaginatedListOfTaxonomies",
                "The two taxonomies: categories and target groups.",
                paged(hsds("taxonomy.json")),
                lists,
            ),
            f"{base}/taxonomies/{{id}}": operation(
                "getTaxonomyById",
                "One taxonomy.",
                with_metadata(hsds("taxonomy.json")),
                [identifier("taxonomy")],
                found=False,
            ),
            f"{base}/taxonomy_terms": operation(
                "getPaginatedListOfTaxonomyTerms",
                "Categories and target groups as taxonomy terms.",
                paged(hsds("taxonomy_term.json")),
                [
                    *lists,
                    TAXONOMY_ID,
                    parameter("top_only", "Only terms without a parent (all of ours).", {"type": "boolean"}),
                    parameter("parent_id", "Terms under this one (ours are flat: none).", UUID),
                ],
            ),
            f"{base}/taxonomy_terms/{{id}}": operation(
                "getTaxonomyTermById",
                "One taxonomy term.",
                with_metadata(hsds("taxonomy_term.json")),
                [identifier("taxonomy term")],
                found=False,
            ),
        },
        "components": {
            "schemas": {
                "Page": {
                    "type": "object",
                    "required": [
                        "total_items",
                        "total_pages",
                        "page_number",
                        "size",
                        "first_page",
                        "last_page",
                        "empty",
                    ],
                    "properties": {
                        "total_items": {
                            "type": "integer",
                            "minimum": 0,
                            "description": (
                                "Exact up to 1,000 items or up to this page's end, whichever is further; past that,"
                                " one more than counted: there are more, and last_page is false."
                            ),
                        },
                        "total_pages": {"type": "integer", "minimum": 0},
                        "page_number": {"type": "integer", "minimum": 1},
                        "size": {"type": "integer", "minimum": 0},
                        "first_page": {"type": "boolean"},
                        "last_page": {"type": "boolean"},
                        "empty": {"type": "boolean"},
                    },
                },
                "Root": {
                    "type": "object",
                    "required": ["version", "openapi_url"],
                    "properties": {
                        "version": {"const": HSDS_VERSION},
                        "profile": {"type": "string", "format": "uri"},
                        "openapi_url": {"type": "string", "format": "uri"},
                        "languages": {"type": "array", "items": {"type": "string"}},
                    },
                },
                "WithMetadata": {
                    "type": "object",
                    "required": ["response_metadata"],
                    "properties": {"response_metadata": {"$ref": "#/components/schemas/ResponseMetadata"}},
                },
                "ResponseMetadata": {
                    "type": "object",
                    "required": ["language", "fallback_language", "german_fallback", "licence", "attribution"],
                    "properties": {
                        "language": {"type": "string"},
                        "fallback_language": {"const": settings.LANGUAGE_CODE},
                        "german_fallback": {
                            "description": "Texts shown in German for want of a translation: object id and field names.",
                            "type": "array",
                            "items": {
                                "type": "object",
                                "required": ["id", "fields"],
                                "properties": {
                                    "id": {"type": "string"},
                                    "fields": {"type": "array", "items": {"type": "string"}},
                                },
                            },
                        },
                        "licence": {
                            "type": "object",
                            "required": ["id", "name", "url"],
                            "properties": {
                                "id": {"type": "string"},
                                "name": {"type": "string"},
                                "url": {"type": "string", "format": "uri"},
                                "uri": {"type": "string", "format": "uri"},
                            },
                        },
                        "attribution": {"type": "string"},
                    },
                },
                "Error": {
                    "type": "object",
                    "required": ["error", "status"],
                    "properties": {
                        "error": {"type": "string"},
                        "status": {"type": "integer"},
                        "retry_after": {"type": "integer"},
                        "limit": {"type": "integer"},
                    },
                },
            }
        },
    }
