"""build/schemas.py on IR values: which schema becomes a struct, an enum, a named union or
a type written where it is used; string formats, prefixItems, allOf, class and field names."""

from __future__ import annotations

from typing import Any

import pytest
from buildkit import build_api, document, field, held, holder, json_content, model, ref, returning

from generator.ir import ANY, BOOL, BYTES, FLOAT, INT, NONE, STR, TypeRef

NUMBER = {"type": "number"}
STRING = {"type": "string"}


def union(*args: TypeRef) -> TypeRef:
    return TypeRef("union", args=args)


def list_of(item: TypeRef) -> TypeRef:
    return TypeRef("list", args=(item,))


# Which component becomes what


def test_an_object_component_is_a_struct_of_its_name() -> None:
    api = returning(ref("Thing"), {"Thing": holder(STRING)})
    assert api.operations[0].returns == TypeRef("model", "Thing")
    assert [m.name for m in api.models] == ["Thing"]
    assert model(api, "Thing").pointer == "/components/schemas/Thing"
    assert api.enums == () and api.aliases == ()


def test_a_string_enum_component_is_an_enum_class() -> None:
    api = returning(ref("Colour"), {"Colour": {"type": "string", "enum": ["red", "blue"]}})
    assert api.operations[0].returns == TypeRef("enum", "Colour")
    assert [e.name for e in api.enums] == ["Colour"]


@pytest.mark.parametrize(
    "schema",
    [
        {"type": "string", "enum": ["red", "blue", None]},
        {"type": ["string", "null"], "enum": ["red", "blue"]},
    ],
    ids=["null-value", "null-type"],
)
def test_a_nullable_enum_component_is_the_enum_or_none(schema: dict[str, Any]) -> None:
    api = returning(ref("Colour"), {"Colour": schema})
    assert api.operations[0].returns == union(TypeRef("enum", "Colour"), NONE)
    # null is no member.
    assert [m.value for m in api.enums[0].members] == ["red", "blue"]


def test_a_oneof_component_with_two_variants_is_a_named_union() -> None:
    api = returning(ref("Id"), {"Id": {"oneOf": [STRING, {"type": "integer"}]}})
    assert api.operations[0].returns == TypeRef("alias", "Id")
    (alias,) = api.aliases
    assert (alias.name, alias.type) == ("Id", union(STR, INT))


def test_a_oneof_component_of_one_variant_and_null_is_written_where_used() -> None:
    api = returning(ref("MaybeText"), {"MaybeText": {"oneOf": [STRING, {"type": "null"}]}})
    assert api.operations[0].returns == union(STR, NONE)
    assert api.aliases == ()


@pytest.mark.parametrize(
    ("schema", "expected"),
    [
        (STRING, STR),
        ({"type": "array", "items": {"type": "integer"}}, list_of(INT)),
        ({"type": "object", "additionalProperties": NUMBER}, TypeRef("dict", args=(FLOAT,))),
    ],
    ids=["string", "array", "map"],
)
def test_primitive_array_and_map_components_are_written_where_used(
    schema: dict[str, Any], expected: TypeRef
) -> None:
    api = returning(ref("Thing"), {"Thing": schema})
    assert api.operations[0].returns == expected
    assert api.models == () and api.aliases == () and api.enums == ()


# Scalar types and string formats


@pytest.mark.parametrize(
    ("schema", "expected"),
    [
        ({"type": "string", "format": "date-time"}, TypeRef("stdlib", "datetime.datetime")),
        ({"type": "string", "format": "date"}, TypeRef("stdlib", "datetime.date")),
        ({"type": "string", "format": "time"}, TypeRef("stdlib", "datetime.time")),
        ({"type": "string", "format": "duration"}, TypeRef("stdlib", "datetime.timedelta")),
        ({"type": "string", "format": "uuid"}, TypeRef("stdlib", "uuid.UUID")),
        ({"type": "string", "format": "uuid4"}, TypeRef("stdlib", "uuid.UUID")),
        ({"type": "string", "format": "byte"}, BYTES),
        ({"type": "string", "format": "binary"}, BYTES),
        ({"type": "string", "format": "email"}, STR),
        ({"type": "integer", "format": "int64"}, INT),
        (NUMBER, FLOAT),
        ({"type": "boolean"}, BOOL),
        ({"type": "null"}, NONE),
        ({}, ANY),
        (True, ANY),
    ],
    ids=lambda v: v.name if isinstance(v, TypeRef) else None,
)
def test_scalar_types(schema: Any, expected: TypeRef) -> None:
    assert held(schema).type == expected


def test_nullable_true_in_the_3_0_style_adds_none() -> None:
    assert held({"type": "string", "nullable": True}).type == union(STR, NONE)


def test_a_type_list_is_a_union_with_none_last() -> None:
    assert held({"type": ["null", "string", "integer"]}).type == union(STR, INT, NONE)


@pytest.mark.parametrize(
    ("schema", "expected"),
    [
        ({"items": {"type": "integer"}}, list_of(INT)),
        ({"additionalProperties": {"type": "boolean"}}, TypeRef("dict", args=(BOOL,))),
        ({"type": "object"}, TypeRef("dict", args=(ANY,))),
        ({"type": "array"}, list_of(ANY)),
    ],
    ids=["items-only", "additional-only", "bare-object", "bare-array"],
)
def test_containers_without_a_type_or_properties(schema: dict[str, Any], expected: TypeRef) -> None:
    assert held(schema).type == expected


def test_a_const_is_a_literal_of_the_real_value() -> None:
    assert held({"const": 3}).type == TypeRef("literal", values=(3,))
    assert held({"const": "on"}).type == TypeRef("literal", values=("on",))


# prefixItems


@pytest.mark.parametrize(
    ("schema", "expected"),
    [
        # Exactly two items: a fixed tuple.
        (
            {"type": "array", "prefixItems": [STRING, NUMBER], "minItems": 2, "maxItems": 2},
            TypeRef("tuple", args=(STR, FLOAT)),
        ),
        (
            {"type": "array", "prefixItems": [STRING, NUMBER], "items": False, "minItems": 2},
            TypeRef("tuple", args=(STR, FLOAT)),
        ),
        # More may follow, matching `items`: a list of either.
        ({"type": "array", "prefixItems": [NUMBER, NUMBER], "items": NUMBER}, list_of(FLOAT)),
        ({"type": "array", "prefixItems": [STRING, NUMBER], "items": NUMBER}, list_of(union(STR, FLOAT))),
        # More may follow, of any type.
        ({"type": "array", "prefixItems": [NUMBER, NUMBER]}, list_of(ANY)),
        # No more, but fewer may come.
        ({"type": "array", "prefixItems": [STRING, NUMBER], "items": False}, list_of(union(STR, FLOAT))),
        (
            {"type": "array", "prefixItems": [STRING, NUMBER], "maxItems": 2, "minItems": 1},
            list_of(union(STR, FLOAT)),
        ),
    ],
    ids=["min-max", "items-false-min", "items-same", "items-other", "open", "fewer", "min-1"],
)
def test_prefix_items(schema: dict[str, Any], expected: TypeRef) -> None:
    assert held(schema).type == expected


# Inline objects and their names


def test_an_inline_object_is_a_struct_named_after_its_place() -> None:
    api = returning(ref("Holder"), {"Holder": holder(holder({"type": "integer"}))})
    assert field(api, "Holder", "value").type == TypeRef("model", "HolderValue")
    assert field(api, "HolderValue", "value").type == INT


def test_an_inline_class_name_never_takes_a_component_name() -> None:
    schemas = {"Holder": holder(holder(STRING)), "HolderValue": holder(NUMBER)}
    api = returning({"type": "array", "items": ref("Holder")}, schemas)
    assert field(api, "Holder", "value").type == TypeRef("model", "HolderValue2")


def test_an_inline_object_reached_twice_is_declared_once() -> None:
    """A shared property schema ($ref to a non-component node) is one struct, not two."""
    shared = holder(STRING)
    schemas = {
        "A": {"type": "object", "properties": {"x": ref("A/properties/inner")}, "required": []},
    }
    schemas["A"]["properties"]["inner"] = shared
    api = returning({"type": "array", "items": ref("A")}, schemas)
    a = model(api, "A")
    assert [m.name for m in api.models] == ["A", "Inner"]
    assert {f.name: f.type for f in a.fields} == {
        "x": TypeRef("model", "Inner"),
        "inner": TypeRef("model", "Inner"),
    }


@pytest.mark.parametrize(
    ("schema_name", "class_name"),
    [("Any", "Any_"), ("Literal", "Literal_"), ("list-resource_Thing_", "ListResourceThing")],
)
def test_component_class_names(schema_name: str, class_name: str) -> None:
    api = returning(ref(schema_name), {schema_name: holder(STRING)})
    assert api.operations[0].returns == TypeRef("model", class_name)


def test_field_names_are_identifiers_and_reserved_module_names_get_an_underscore() -> None:
    props = {"createdAt": STRING, "class": STRING, "datetime": STRING, "2fa": STRING}
    api = returning(ref("T"), {"T": {"type": "object", "properties": props}})
    names = [(f.name, f.wire_name) for f in model(api, "T").fields]
    assert names == [
        ("created_at", "createdAt"),
        ("class_", "class"),
        ("datetime_", "datetime"),
        ("field_2fa", "2fa"),
    ]


def test_field_names_that_collide_are_numbered_in_order() -> None:
    props = {"a-b": STRING, "a_b": STRING}
    api = returning(ref("T"), {"T": {"type": "object", "properties": props}})
    assert [f.name for f in model(api, "T").fields] == ["a_b", "a_b_2"]


def test_a_recursive_schema_refers_to_itself() -> None:
    node = {"type": "object", "properties": {"children": {"type": "array", "items": ref("Node")}}}
    api = returning(ref("Node"), {"Node": node})
    assert field(api, "Node", "children").type == list_of(TypeRef("model", "Node"))


# allOf


def test_allof_parts_are_merged_into_one_struct_in_order() -> None:
    base = {"type": "object", "required": ["id"], "properties": {"id": {"type": "integer"}}}
    child = {"allOf": [ref("Base"), {"required": ["name"], "properties": {"name": STRING, "note": STRING}}]}
    api = returning(ref("Child"), {"Base": base, "Child": child})
    fields = [(f.name, f.type, f.required) for f in model(api, "Child").fields]
    assert fields == [("id", INT, True), ("name", STR, True), ("note", STR, False)]


def test_allof_of_one_ref_is_the_ref_itself() -> None:
    """`allOf: [$ref]` beside a description is the common way to document a $ref."""
    f = held({"allOf": [ref("Colour")], "description": "Paint."}, others={"Colour": {"enum": ["a", "b"]}})
    assert f.type == TypeRef("enum", "Colour")
    assert f.description == "Paint."


# What a field draft takes from its schema


def test_a_ref_field_is_described_by_its_sibling_only() -> None:
    others = {"Colour": {"type": "string", "enum": ["a", "b"], "description": "The enum's own."}}
    assert held(ref("Colour"), others=others).description is None
    assert held({**ref("Colour"), "description": "Mine."}, others=others).description == "Mine."


def test_constraints_are_kept_in_a_fixed_order_as_strings() -> None:
    f = held({"type": "integer", "maximum": 9, "minimum": 1, "multipleOf": 2})
    assert f.constraints == (("minimum", "1"), ("maximum", "9"), ("multipleOf", "2"))


def test_a_struct_is_documented_by_a_title_that_says_more_than_its_name() -> None:
    schemas = {
        "A": holder(STRING, title="A"),
        "B": holder(STRING, title="A thing of kind B"),
        "C": holder(STRING, title="Ignored", description="Said."),
    }
    api = returning({"oneOf": [ref("A"), ref("B"), ref("C")]}, schemas)
    docs = {m.name: m.doc for m in api.models}
    assert docs == {"A": None, "B": "A thing of kind B", "C": "Said."}


def test_schemas_that_make_one_class_name_are_numbered_in_document_order() -> None:
    schemas = {"NullTime": holder(STRING), "nullTime": holder({"type": "integer"}), "_metadata": holder(STRING), "metadata": holder(STRING)}
    op = {
        "operationId": "h",
        "responses": {
            "200": {"description": "ok", **json_content({"anyOf": [ref(n) for n in schemas]})},
        },
    }
    api = build_api(document({"/h": {"get": op}}, schemas))
    assert [m.name for m in api.models] == ["Metadata", "Metadata2", "NullTime", "NullTime2"]
    assert field(api, "NullTime2", "value").type == INT
    assert model(api, "NullTime2").pointer == "/components/schemas/nullTime"
