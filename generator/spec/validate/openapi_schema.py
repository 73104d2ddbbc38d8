"""The OpenAPI schema (openapi-spec-validator's JSON Schema of OpenAPI 3.0 or 3.1) applied
to the document as plain data, with the checks openapi-spec-validator makes on resolved
objects: schemas, parameter lists and tags. The schema is read from the installed package
as a file, and its registry fetches nothing.
"""

from __future__ import annotations

import functools
import json
from typing import Any

from ...problems import Problem, resolve_pointer
from ..walk import Typed
from .duplicates import duplicate_parameters, duplicate_tags
from .jsonschema_errors import from_error
from .recoverable import keywords_in, recover
from .schemas import schema_checks
from .shape import is_30
from .wording import shorten


@functools.cache
def _document_validator(v30: bool) -> Any:
    """openapi-spec-validator's JSON Schema of OpenAPI, with a registry that is crawled once
    (seconds faster on a large spec) and that fetches nothing."""
    from importlib.util import find_spec
    from pathlib import Path

    from jsonschema.validators import validator_for  # type: ignore[import-untyped, unused-ignore]
    from jsonschema_specifications import REGISTRY  # type: ignore[import-untyped, unused-ignore]
    from referencing import Resource

    # Read from the package as a file: openapi-spec-validator's own loader goes through
    # urllib (a file:// URL), and nothing here is meant to open a URL of any kind. Found
    # without importing the package, which would load pydantic (half a second).
    spec = find_spec("openapi_spec_validator")
    folders = list(spec.submodule_search_locations or []) if spec is not None else []
    try:
        if not folders:
            raise OSError("openapi_spec_validator is not installed as a folder")
        resource = Path(folders[0]) / "resources" / "schemas" / ("v3.0" if v30 else "v3.1") / "schema.json"
        schema = json.loads(resource.read_text(encoding="utf-8"))
    except OSError:
        from openapi_spec_validator.schemas import schema_v30, schema_v31

        schema = dict(schema_v30 if v30 else schema_v31)
    uri = str(schema.get("$id", schema.get("id", "")))
    registry = REGISTRY.with_resource(uri, Resource.from_contents(schema)).crawl()
    return validator_for(schema)(schema, registry=registry)


def openapi_schema(
    data: dict[str, Any], typed: list[Typed], reported: set[str], vouched: bool = False
) -> list[Problem]:
    """The OpenAPI schema's findings and the checks on resolved objects; `vouched`: the
    fast verdict passed the document, so the JSON Schemas it covers are not applied again
    (fast_verdict.py)."""
    problems: list[Problem] = []
    errors = () if vouched else _document_validator(is_30(data)).iter_errors(data)
    for error in errors:
        for problem in from_error(error):
            if is_30(data) and problem.pointer.endswith("/type"):
                found, value = resolve_pointer(data, problem.pointer)
                if found and isinstance(value, list):
                    problem = Problem(
                        problem.pointer,
                        f"in OpenAPI 3.0 `type` names one type, not a list ({shorten(str(value))})",
                        hint="for null, add `nullable: true`; for several types, use oneOf (or OpenAPI 3.1)",
                    )
                elif found and value == "null":
                    problem = Problem(
                        problem.pointer,
                        "OpenAPI 3.0 has no type `null`",
                        hint="add `nullable: true` to the schema that may be null, or use OpenAPI 3.1",
                    )
            if problem.pointer + problem.message in reported:
                continue
            if problem.pointer == "" and problem.message in (
                "'info' is a required property",
                "'paths' is a required property",
            ):
                continue  # already said by document_shape(), in its own words
            problems.append(problem)
    problems += schema_checks(data, typed, vouched)
    problems += duplicate_parameters(data, typed)
    problems += duplicate_tags(data)
    # A value of the wrong type: that is the problem; what else it lacks is noise.
    mistyped = {p.pointer for p in problems if " is not of type " in p.message}
    problems = [p for p in problems if p.pointer not in mistyped or " is not of type " in p.message]
    return recover(problems, data, typed, known_keywords)


@functools.cache
def known_keywords() -> frozenset[str]:
    """Every key that OpenAPI 3.0 or 3.1 or a JSON Schema draft defines somewhere."""
    from jsonschema_specifications import REGISTRY  # type: ignore[import-untyped, unused-ignore]

    found: set[str] = set()
    for v30 in (True, False):
        found |= keywords_in(_document_validator(v30).schema)
    for uri in REGISTRY:
        found |= keywords_in(REGISTRY[uri].contents)
    return frozenset(found)

