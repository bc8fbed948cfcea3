"""The official HSDS 3.0 schemas and OpenAPI file, read from where the standard lies beside the project.

The project does not copy them (CC BY-SA 4.0, and the standard's own copy is the reference):
`HSDS_STANDARD_DIR` names the directory (default /work/shared/standards/hsds-3.0, the shared
folder beside the repository; `.ci/run` exports it when it exists). Without it the tests that
need it are skipped with a message saying so.
"""

import json
import os
from functools import cache
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

# Where the OpenAPI file's $refs point: the spec's online address, mapped to the local files.
ONLINE = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/"
OPENAPI = "urn:hsds-3.0:openapi.json"


def standard_dir():
    return Path(os.environ.get("HSDS_STANDARD_DIR", "/work/shared/standards/hsds-3.0"))


def require_standard():
    directory = standard_dir()
    if not (directory / "openapi.json").is_file():
        pytest.skip(
            f"HSDS 3.0 schemas not found in {directory} (set HSDS_STANDARD_DIR to the directory with "
            "openapi.json and the schemas; CI has it in ../shared/standards/hsds-3.0)"
        )
    return directory


@cache
def registry():
    directory = require_standard()
    resources = []
    for path in sorted(directory.rglob("*.json")):
        address = ONLINE + path.relative_to(directory).as_posix()
        resources.append((address, Resource(json.loads(path.read_text()), specification=DRAFT202012)))
    openapi = json.loads((directory / "openapi.json").read_text())
    resources.append((OPENAPI, Resource(openapi, specification=DRAFT202012)))
    return Registry().with_resources(resources)


def openapi():
    return registry()[OPENAPI].contents


def pointer(*parts):
    return "/".join(str(part).replace("~", "~0").replace("/", "~1") for part in parts)


def validator_for(path):
    """The validator of the 200 answer's schema that the profile's OpenAPI file names for `path`."""
    operation = openapi()["paths"][path]["get"]
    assert "application/json" in operation["responses"]["200"]["content"]
    reference = (
        f"{OPENAPI}#/{pointer('paths', path, 'get', 'responses', '200', 'content', 'application/json', 'schema')}"
    )
    return Draft202012Validator(
        {"$ref": reference}, registry=registry(), format_checker=Draft202012Validator.FORMAT_CHECKER
    )


def errors(path, instance):
    return [
        f"{'/'.join(map(str, error.absolute_path))}: {error.message}"
        for error in validator_for(path).iter_errors(instance)
    ]
