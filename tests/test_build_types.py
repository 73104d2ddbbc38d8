"""Types the IR gives schemas whose meaning is easy to get subtly wrong."""

from __future__ import annotations

from typing import Any

import pytest

from generator.build import BuildOptions, build
from generator.emit.pysource import annotation
from generator.ir import Dispatch, TypeRef

A = TypeRef("model", "A")
C = TypeRef("model", "C")

NUMBER = {"type": "number"}
STRING = {"type": "string"}


def field_annotation(schema: dict[str, Any]) -> str:
    """The annotation of a required property with this schema, in a model an operation returns."""
    answer = {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Holder"}}}}
    spec = {
        "openapi": "3.1.0",
        "info": {"title": "T", "version": "1"},
        "paths": {"/h": {"get": {"operationId": "h", "responses": {"200": {"description": "ok", **answer}}}}},
        "components": {
            "schemas": {"Holder": {"type": "object", "required": ["value"], "properties": {"value": schema}}}
        },
    }
    api = build(spec, BuildOptions(package="pkg"))
    (value,) = next(m for m in api.models if m.name == "Holder").fields
    return annotation(value.declared)


@pytest.mark.parametrize(
    ("schema", "expected"),
    [
        # Exactly two items: a fixed tuple.
        ({"type": "array", "prefixItems": [STRING, NUMBER], "minItems": 2, "maxItems": 2}, "tuple[str, float]"),
        ({"type": "array", "prefixItems": [STRING, NUMBER], "items": False, "minItems": 2}, "tuple[str, float]"),
        # More may follow, matching `items`: a list of either.
        ({"type": "array", "prefixItems": [NUMBER, NUMBER], "items": NUMBER}, "list[float]"),
        ({"type": "array", "prefixItems": [STRING, NUMBER], "items": NUMBER}, "list[str | float]"),
        # More may follow, of any type.
        ({"type": "array", "prefixItems": [NUMBER, NUMBER]}, "list[Any]"),
        # No more, but fewer may come.
        ({"type": "array", "prefixItems": [STRING, NUMBER], "items": False}, "list[str | float]"),
        ({"type": "array", "prefixItems": [STRING, NUMBER], "maxItems": 2, "minItems": 1}, "list[str | float]"),
    ],
    ids=["min-max", "items-false-min", "items-same", "items-other", "open", "fewer", "min-1"],
)
def test_prefix_items(schema: dict[str, Any], expected: str) -> None:
    assert field_annotation(schema) == expected


def test_a_discriminator_naming_one_variant_twice_dispatches_at_run_time() -> None:
    """msgspec tags a struct with one value; `a` and `b` both name A, so the union is the
    runtime's, told the whole mapping; C, named by one value, is still tagged."""
    obj = {"type": "object", "properties": {"kind": STRING, "x": NUMBER}}
    union = {
        "oneOf": [{"$ref": "#/components/schemas/A"}, {"$ref": "#/components/schemas/C"}],
        "discriminator": {
            "propertyName": "kind",
            "mapping": {"a": "#/components/schemas/A", "b": "#/components/schemas/A"},
        },
    }
    answer = {"content": {"application/json": {"schema": union}}}
    spec = {
        "openapi": "3.1.0",
        "info": {"title": "T", "version": "1"},
        "paths": {"/h": {"get": {"operationId": "h", "responses": {"200": {"description": "ok", **answer}}}}},
        "components": {"schemas": {"A": obj, "C": obj}},
    }
    api = build(spec, BuildOptions(package="pkg"))
    (alias,) = api.aliases
    assert alias.untagged
    # The mapping's values first, then C by its own name, as OpenAPI reads it.
    assert alias.dispatch == Dispatch("kind", (("a", A), ("b", A), ("C", C)))
    tags = {m.name: m.tag.value if m.tag else None for m in api.models}
    assert tags == {"A": None, "C": "C"}


def test_a_mapping_target_that_is_no_variant_is_not_generated() -> None:
    obj = {"type": "object", "properties": {"kind": STRING}}
    union = {
        "oneOf": [{"$ref": "#/components/schemas/A"}, {"$ref": "#/components/schemas/B"}],
        "discriminator": {"propertyName": "kind", "mapping": {"a": "A", "b": "B", "z": "#/components/schemas/Z"}},
    }
    answer = {"content": {"application/json": {"schema": union}}}
    spec = {
        "openapi": "3.1.0",
        "info": {"title": "T", "version": "1"},
        "paths": {"/h": {"get": {"operationId": "h", "responses": {"200": {"description": "ok", **answer}}}}},
        "components": {"schemas": {"A": obj, "B": obj, "Z": obj}},
    }
    api = build(spec, BuildOptions(package="pkg"))
    # Bare names in the mapping name components too; one value each: a native tagged union.
    assert {m.name: m.tag.value if m.tag else None for m in api.models} == {"A": "a", "B": "b"}


def _directions_spec(request: bool, response: bool) -> dict[str, Any]:
    thing = {
        "type": "object",
        "required": ["id", "password", "name"],
        "properties": {
            "id": {"type": "integer", "readOnly": True},
            "password": {"type": "string", "writeOnly": True, "description": "Chosen by the user."},
            "name": STRING,
        },
    }
    ref = {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}}
    op: dict[str, Any] = {"operationId": "put", "responses": {"204": {"description": "done"}}}
    if request:
        op["requestBody"] = {"required": True, **ref}
    if response:
        op["responses"] = {"200": {"description": "ok", **ref}}
    return {
        "openapi": "3.1.0",
        "info": {"title": "T", "version": "1"},
        "paths": {"/t": {"put": op}},
        "components": {"schemas": {"Thing": thing}},
    }


@pytest.mark.parametrize(
    ("request_", "response", "required"),
    [
        (True, True, {"name"}),
        (True, False, {"password", "name"}),
        (False, True, {"id", "name"}),
    ],
    ids=["both-ways", "sent-only", "received-only"],
)
def test_read_only_and_write_only_fields(request_: bool, response: bool, required: set[str]) -> None:
    """A readOnly field cannot be required of a class that is sent, nor a writeOnly one of
    a class that is received: the other side leaves it out."""
    api = build(_directions_spec(request_, response), BuildOptions(package="pkg"))
    (thing,) = api.models
    assert {f.name for f in thing.fields if f.required} == required
    for f in thing.fields:
        assert (f.default is None) == (f.name in required), f.name
    docs = {f.name: f.doc for f in thing.fields}
    assert "Read-only: set by the server." in str(docs["id"])
    assert "Write-only: never returned. Chosen by the user." in str(docs["password"])
