"""build/fields.py on IR values: required-ness by direction, what an optional field is
declared as and defaults to, and its documentation."""

from __future__ import annotations

from typing import Any

import pytest
from buildkit import build_api, document, field, held, json_content, model, ref, returning

from generator.ir import INT, NONE, NULL, STR, UNSET, UNSET_DEFAULT, Default, TypeRef

STRING = {"type": "string"}


def union(*args: TypeRef) -> TypeRef:
    return TypeRef("union", args=args)


def test_a_required_field_is_declared_as_its_type_with_no_default() -> None:
    f = held(STRING)
    assert (f.required, f.type, f.declared, f.default) == (True, STR, STR, None)


def test_a_required_field_keeps_no_default_even_when_the_spec_gives_one() -> None:
    f = held({"type": "string", "default": "x"})
    assert (f.required, f.default) == (True, None)


def test_an_optional_field_may_be_none_and_defaults_to_none() -> None:
    f = held(STRING, required=False)
    assert (f.required, f.declared, f.default) == (False, union(STR, NONE), NULL)


@pytest.mark.parametrize(
    "schema",
    [{"type": ["string", "null"]}, {"type": "string", "nullable": True}, {"oneOf": [STRING, {"type": "null"}]}],
    ids=["type-list", "nullable", "oneof-null"],
)
def test_an_optional_nullable_field_defaults_to_unset_apart_from_null(schema: dict[str, Any]) -> None:
    f = held(schema, required=False)
    assert f.type == union(STR, NONE)
    assert (f.declared, f.default) == (union(STR, UNSET, NONE), UNSET_DEFAULT)


def test_a_required_nullable_field_is_declared_with_none_and_no_unset() -> None:
    f = held({"type": ["integer", "null"]})
    assert (f.declared, f.default) == (union(INT, NONE), None)


def test_an_optional_field_with_a_kept_default_is_declared_as_its_type() -> None:
    f = held({"type": "integer", "default": 5}, required=False)
    assert (f.declared, f.default) == (INT, Default("value", 5))


def test_an_optional_list_field_with_a_default_gets_a_factory() -> None:
    f = held({"type": "array", "items": STRING, "default": ["a"]}, required=False)
    assert f.declared == TypeRef("list", args=(STR,))
    assert f.default == Default("list", items=(Default("value", "a"),))
    assert f.default.is_factory


def test_an_optional_struct_field_with_an_object_default_gets_a_model_factory() -> None:
    others = {"Opts": {"type": "object", "properties": {"n": {"type": "integer"}}}}
    f = held({**ref("Opts"), "default": {"n": 1}}, required=False, others=others)
    assert f.default == Default("model", {"n": 1}, model="Opts")
    assert f.declared == TypeRef("model", "Opts")


# Direction: readOnly and writeOnly


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
    body = json_content(ref("Thing"))
    op: dict[str, Any] = {"operationId": "put", "responses": {"204": {"description": "done"}}}
    if request:
        op["requestBody"] = {"required": True, **body}
    if response:
        op["responses"] = {"200": {"description": "ok", **body}}
    return document({"/t": {"put": op}}, {"Thing": thing})


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
    api = build_api(_directions_spec(request_, response))
    (thing,) = api.models
    assert {f.name for f in thing.fields if f.required} == required
    for f in thing.fields:
        assert (f.default is None) == (f.name in required), f.name
    docs = {f.name: f.doc for f in thing.fields}
    assert "Read-only: set by the server." in str(docs["id"])
    assert "Write-only: never returned. Chosen by the user." in str(docs["password"])


def test_a_read_only_field_of_a_struct_nested_in_a_request_body_is_optional() -> None:
    inner = {"type": "object", "required": ["id"], "properties": {"id": {"type": "integer", "readOnly": True}}}
    outer = {"type": "object", "required": ["items"], "properties": {"items": {"type": "array", "items": ref("In")}}}
    op = {
        "operationId": "s",
        "requestBody": {"required": True, **json_content(ref("Out"))},
        "responses": {"204": {"description": "done"}},
    }
    api = build_api(document({"/s": {"post": op}}, {"In": inner, "Out": outer}))
    f = field(api, "In", "id")
    assert (f.required, f.read_only, f.declared, f.default) == (False, True, union(INT, NONE), NULL)


def test_a_read_only_field_reached_through_a_named_union_in_a_request_is_optional() -> None:
    def obj(kind: str) -> dict[str, Any]:
        return {
            "type": "object",
            "required": ["id"],
            "properties": {"id": {"type": "integer", "readOnly": True}, kind: STRING},
        }

    op = {
        "operationId": "s",
        "requestBody": {"required": True, **json_content(ref("Either"))},
        "responses": {"204": {"description": "done"}},
    }
    schemas = {"Either": {"oneOf": [ref("A"), ref("B")]}, "A": obj("a"), "B": obj("b")}
    api = build_api(document({"/s": {"post": op}}, schemas))
    assert api.aliases[0].untagged
    assert not field(api, "A", "id").required
    assert not field(api, "B", "id").required


def test_read_only_on_a_ref_sibling_counts() -> None:
    op = {
        "operationId": "s",
        "requestBody": {"required": True, **json_content(ref("Thing"))},
        "responses": {"204": {"description": "done"}},
    }
    thing = {"type": "object", "required": ["owner"], "properties": {"owner": {**ref("User"), "readOnly": True}}}
    user = {"type": "object", "properties": {"name": STRING}}
    api = build_api(document({"/s": {"post": op}}, {"Thing": thing, "User": user}))
    f = field(api, "Thing", "owner")
    assert (f.read_only, f.required) == (True, False)


def test_a_field_in_a_struct_that_is_only_received_stays_required_when_read_only() -> None:
    f = held({"type": "integer", "readOnly": True})
    assert (f.read_only, f.required, f.declared) == (True, True, INT)


# Documentation


@pytest.mark.parametrize(
    ("schema", "doc"),
    [
        ({"type": "string", "description": "Said."}, "Said."),
        ({"type": "string"}, None),
        ({"type": "string", "deprecated": True}, "Deprecated."),
        ({"type": "string", "deprecated": True, "description": "Old."}, "Deprecated. Old."),
        ({"type": "string", "writeOnly": True}, "Write-only: never returned."),
        (
            {"type": "string", "readOnly": True, "deprecated": True, "description": "Old."},
            "Deprecated. Read-only: set by the server. Old.",
        ),
    ],
    ids=["description", "nothing", "deprecated", "deprecated-described", "write-only", "all"],
)
def test_field_doc(schema: dict[str, Any], doc: str | None) -> None:
    f = held(schema, required=False)
    assert f.doc == doc
    assert f.description == schema.get("description")
    assert f.deprecated == bool(schema.get("deprecated"))


def test_a_tag_property_is_no_field_of_its_struct() -> None:
    obj = {"type": "object", "required": ["kind"], "properties": {"kind": STRING, "n": {"type": "integer"}}}
    api = returning({"oneOf": [ref("A"), ref("B")], "discriminator": {"propertyName": "kind"}}, {"A": obj, "B": obj})
    assert [f.name for f in model(api, "A").fields] == ["n"]
