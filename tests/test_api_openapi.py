"""/api/openapi.json describes the API truly: schemathesis sends what it allows and checks every answer."""

import contextlib
import json
import re

import hypothesis
import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections

from offers.factories import LocationFactory, OfferFactory, TargetGroupFactory

from . import hsds_standard
from .test_api_hsds import PATHS

ONLINE = hsds_standard.ONLINE


def component_name(path):
    return "hsds_" + re.sub(r"[^A-Za-z0-9]", "_", path.removesuffix(".json"))


def bundled(description):
    """The description with the HSDS schemas it names by their online address taken in from the local copy.

    The served file points to the standard's address, as the HSDS profile does; offline, the test
    reads the same files from HSDS_STANDARD_DIR.
    """
    directory = hsds_standard.require_standard()
    schemas = description["components"]["schemas"]

    def take_in(node, base):
        if isinstance(node, dict):
            reference = node.get("$ref")
            if isinstance(reference, str) and not reference.startswith("#"):
                path = reference.removeprefix(ONLINE) if reference.startswith(ONLINE) else base + reference
                name = component_name(path)
                if name not in schemas:
                    schemas[name] = {}
                    schemas[name] = take_in(
                        json.loads((directory / path).read_text()), path.rpartition("/")[0] + "/" if "/" in path else ""
                    )
                return {
                    **{key: value for key, value in node.items() if key != "$ref"},
                    "$ref": f"#/components/schemas/{name}",
                }
            return {key: take_in(value, base) for key, value in node.items()}
        if isinstance(node, list):
            return [take_in(item, base) for item in node]
        return node

    description["paths"] = take_in(description["paths"], "")
    return description


@pytest.fixture
def catalogue(db, unna):
    place = LocationFactory(municipality=unna, latitude="51.537000", longitude="7.689000")
    group = TargetGroupFactory()
    for number in range(3):
        OfferFactory(title_de=f"Kurs {number}", locations=[place], target_groups=[group], languages=["de", "ar"])
    OfferFactory(title_de="Kreisweit", whole_district=unna.district, free_of_charge=True)


def test_the_description_is_openapi_3_1_and_names_every_hsds_path(client, db):
    description = client.get("/api/openapi.json").json()
    assert description["openapi"] == "3.1.0"
    assert description["info"]["license"]["name"].startswith("Datenlizenz Deutschland")
    assert {path.removeprefix("/api/hsds") or "/" for path in description["paths"]} == set(PATHS)


@contextlib.contextmanager
def wsgi_app():
    """The portal as a server runs it, in this test's transaction (kept open, as Django's test client does)."""
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    try:
        yield get_wsgi_application()
    finally:
        for signal in (request_started, request_finished):
            signal.connect(close_old_connections)


def test_schemathesis_finds_no_server_error_and_no_answer_off_its_schema(client, catalogue, settings):
    settings.API_REQUESTS_PER_MINUTE = 1_000_000
    schema = schemathesis.openapi.from_dict(bundled(client.get("/api/openapi.json").json()))
    with wsgi_app() as app:
        schema.app = app
        run_every_operation(schema)


def run_every_operation(schema):
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) == 11
    for operation in operations:

        @hypothesis.settings(
            max_examples=15,
            deadline=None,
            database=None,
            derandomize=True,
            suppress_health_check=list(hypothesis.HealthCheck),
        )
        @hypothesis.given(case=operation.as_strategy())
        def check(case):
            # The in-process WSGI client does not unpack gzip (GZipMiddleware): ask for plain bodies.
            case.call_and_validate(headers={"Accept-Encoding": "identity"})

        check()
