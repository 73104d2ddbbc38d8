"""The IR after each recovery from a recoverable defect (the warnings themselves are
tests/spec/test_recoverable.py's): what build makes of the spec is what the warning says."""

from __future__ import annotations

from typing import Any

import pytest
from buildkit import build_api, document, field, held, model, ref, returning

from generator.ir import INT, NONE, NULL, STR, Default, Param, TypeRef


def union(*args: TypeRef) -> TypeRef:
    return TypeRef("union", args=args)


def query_param(schema: dict[str, Any], version: str = "3.1.0") -> Param:
    op = {
        "operationId": "op",
        "parameters": [{"name": "p", "in": "query", "schema": schema}],
        "responses": {"204": {"description": "done"}},
    }
    spec = document({"/things": {"get": op}}, openapi=version)
    (param,) = build_api(spec).operations[0].params
    return param


@pytest.mark.parametrize(
    "schema",
    [
        {"type": "integer", "minimum": 1, "default": 0},
        {"type": "integer", "maximum": 5, "default": 6},
        {"type": "string", "enum": ["asc", "desc"], "default": "newest"},
        {"type": "string", "format": "date-time", "default": "yesterday"},
        {"type": "string", "default": None},
        {"type": "boolean", "default": "false"},
        {"type": "array", "items": {"type": "string"}, "minItems": 1, "default": []},
        {"type": "array", "items": {"type": "string"}, "default": ["a", 2]},
    ],
)
def test_a_default_that_does_not_match_its_schema_is_dropped(schema: dict[str, Any]) -> None:
    f = held(schema, required=False)
    assert f.default == NULL and NONE in f.declared.args
    assert query_param(schema).default == NULL


def test_a_default_that_matches_is_kept() -> None:
    assert held({"type": "integer", "minimum": 1, "default": 1}, required=False).default == Default("value", 1)
    assert query_param({"type": "integer", "minimum": 1, "default": 1}).default == Default("value", 1)


def test_null_default_of_a_nullable_schema_is_kept() -> None:
    f = held({"type": ["string", "null"], "default": None}, required=False)
    assert f.default == NULL and f.declared == union(STR, NONE)


def test_a_bad_sibling_default_gives_way_to_the_targets() -> None:
    limit = {"type": "integer", "minimum": 1, "default": 10}
    f = held({"$ref": "#/components/schemas/Limit", "default": 0}, required=False, others={"Limit": limit})
    assert f.default == Default("value", 10)


def test_a_bad_default_inside_a_referenced_schema_is_dropped() -> None:
    limit = {"type": "integer", "minimum": 1, "default": 0}
    f = held(ref("Limit"), required=False, others={"Limit": limit})
    assert f.default == NULL


def test_31_boolean_exclusive_bounds_take_their_30_meaning() -> None:
    assert query_param({"type": "integer", "minimum": 0, "exclusiveMinimum": True, "default": 1}).default == Default(
        "value", 1
    )
    assert query_param({"type": "integer", "minimum": 1, "exclusiveMinimum": True, "default": 1}).default == NULL
    assert query_param({"type": "integer", "maximum": 9, "exclusiveMaximum": False, "default": 9}).default == Default(
        "value", 9
    )


def test_30_numeric_exclusive_bounds_take_their_31_meaning() -> None:
    assert query_param({"type": "integer", "exclusiveMinimum": 0, "default": 0}, "3.0.3").default == NULL
    assert query_param({"type": "integer", "exclusiveMinimum": 0, "default": 1}, "3.0.3").default == Default(
        "value", 1
    )


def test_const_in_30_is_a_literal() -> None:
    schemas = {"Rule": {"type": "object", "required": ["kind"], "properties": {"kind": {"type": "string", "const": "code"}}}}
    op = {"operationId": "h", "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": ref("Rule")}}}}}
    api = build_api(document({"/h": {"get": op}}, schemas, openapi="3.0.3"))
    assert field(api, "Rule", "kind").type == TypeRef("literal", values=("code",))


def test_not_is_ignored() -> None:
    assert held({"type": "string", "not": {"enum": ["admin"]}}).type == STR
    assert held({"type": "integer", "not": {"const": 0}}).type == INT


def test_recursive_ref_is_a_self_reference() -> None:
    tree = {
        "$recursiveAnchor": True,
        "type": "object",
        "properties": {"children": {"type": "array", "items": {"$recursiveRef": "#"}}},
    }
    api = returning(ref("Tree"), {"Tree": tree})
    assert field(api, "Tree", "children").type == TypeRef("list", args=(TypeRef("model", "Tree"),))


def test_required_names_listed_twice_or_defined_nowhere() -> None:
    schemas = {
        "Base": {"type": "object", "properties": {"id": {"type": "string"}}},
        "Item": {
            "allOf": [ref("Base"), {"type": "object", "properties": {"name": {"type": "string"}}}],
            "required": ["id", "name", "id", "colour"],
        },
    }
    api = returning(ref("Item"), schemas)
    assert [(f.name, f.required) for f in model(api, "Item").fields] == [("id", True), ("name", True)]
