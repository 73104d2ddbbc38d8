"""build/unions.py and build/typeops.py on IR values: native or tried decoding, tags by
discriminator or by const property, Dispatch tables, try order, and make_union."""

from __future__ import annotations

from typing import Any

import pytest
from buildkit import model, ref, returning

from generator.build import make_union, msgspec_union_problem
from generator.ir import (
    ANY,
    BOOL,
    FLOAT,
    INT,
    NATIVE,
    NONE,
    STR,
    TRIED,
    Api,
    Dispatch,
    Tag,
    TypeRef,
)

A = TypeRef("model", "A")
B = TypeRef("model", "B")
C = TypeRef("model", "C")
DATETIME = TypeRef("stdlib", "datetime.datetime")
NUMBER = {"type": "number"}
STRING = {"type": "string"}
OBJ = {"type": "object", "properties": {"kind": STRING, "x": NUMBER}}


def union(*args: TypeRef) -> TypeRef:
    return TypeRef("union", args=args)


def tags(api: Api) -> dict[str, Any]:
    return {m.name: m.tag.value if m.tag else None for m in api.models}


def kinded(value: str, *, required: bool = True) -> dict[str, Any]:
    """An object whose `kind` is const `value`."""
    return {
        "type": "object",
        "required": ["kind"] if required else [],
        "properties": {"kind": {"const": value}, "x": NUMBER},
    }


# Native or tried


def test_variants_of_different_json_types_stay_a_native_union() -> None:
    api = returning({"oneOf": [STRING, {"type": "integer"}, {"type": "array", "items": STRING}]})
    assert api.operations[0].returns == union(STR, INT, TypeRef("list", args=(STR,)))
    assert api.aliases == ()


def test_variants_sharing_a_json_type_become_a_tried_alias_named_after_their_place() -> None:
    api = returning({"oneOf": [STRING, {"type": "string", "format": "date-time"}]})
    assert api.operations[0].returns == TypeRef("alias", "HResponse")
    (alias,) = api.aliases
    assert alias.strategy == TRIED and alias.untagged
    # Exact values first: a timestamp is a datetime, not a string.
    assert alias.type == union(DATETIME, STR)
    assert alias.dispatch is None


def test_a_nullable_tried_union_is_the_alias_or_none_and_the_alias_holds_no_none() -> None:
    api = returning({"oneOf": [ref("A"), ref("B"), {"type": "null"}]}, {"A": OBJ, "B": OBJ})
    assert api.operations[0].returns == union(TypeRef("alias", "HResponse"), NONE)
    assert api.aliases[0].type == union(A, B)


def test_a_component_union_msgspec_decodes_is_a_native_alias() -> None:
    api = returning(ref("Id"), {"Id": {"anyOf": [STRING, {"type": "integer"}], "description": "An id."}})
    (alias,) = api.aliases
    assert (alias.name, alias.strategy, alias.type) == ("Id", NATIVE, union(STR, INT))
    assert not alias.untagged
    assert alias.description == "An id."


def test_a_component_union_msgspec_cannot_decode_is_a_tried_alias_of_its_name() -> None:
    schemas = {"When": {"oneOf": [STRING, {"type": "string", "format": "date-time"}], "title": "A time"}}
    api = returning(ref("When"), schemas)
    assert api.operations[0].returns == TypeRef("alias", "When")
    (alias,) = api.aliases
    assert (alias.name, alias.strategy, alias.pointer) == ("When", TRIED, "/components/schemas/When")
    assert alias.description == "A time"


def test_two_untagged_structs_are_tried_without_a_dispatch() -> None:
    api = returning({"oneOf": [ref("A"), ref("B")]}, {"A": OBJ, "B": OBJ})
    (alias,) = api.aliases
    assert (alias.strategy, alias.dispatch) == (TRIED, None)
    assert tags(api) == {"A": None, "B": None}


def test_a_union_with_a_tried_alias_in_it_is_tried_too() -> None:
    inner = {"oneOf": [STRING, {"type": "string", "format": "uuid"}]}
    api = returning({"oneOf": [ref("Inner"), {"type": "integer"}]}, {"Inner": inner})
    by_name = {a.name: a for a in api.aliases}
    assert by_name["Inner"].strategy == TRIED
    assert by_name["HResponse"].strategy == TRIED
    assert by_name["HResponse"].type == union(TypeRef("alias", "Inner"), INT)


def test_an_alias_comes_after_the_aliases_it_names() -> None:
    schemas = {
        "A0": {"oneOf": [ref("Z9"), {"type": "integer"}]},
        "Z9": {"oneOf": [STRING, {"type": "string", "format": "date"}]},
    }
    api = returning(ref("A0"), schemas)
    assert [a.name for a in api.aliases] == ["Z9", "A0"]


def test_the_try_order_puts_exact_values_before_open_types() -> None:
    variants = [
        STRING,
        {"type": "number"},
        {"type": "integer"},
        {"type": "boolean"},
        {"type": "array", "items": STRING},
        {"type": "array", "items": NUMBER},
        ref("A"),
        {"type": "string", "format": "date-time"},
        ref("E"),
        {"const": "now"},
    ]
    api = returning({"anyOf": variants}, {"A": OBJ, "E": {"enum": ["x", "y"]}})
    (alias,) = api.aliases
    assert alias.type.args == (
        TypeRef("literal", values=("now",)),
        TypeRef("enum", "E"),
        DATETIME,
        A,
        TypeRef("list", args=(STR,)),
        TypeRef("list", args=(FLOAT,)),
        BOOL,
        INT,
        FLOAT,
        STR,
    )


# Tags


def test_a_discriminator_with_one_value_per_variant_tags_each_struct() -> None:
    union_schema = {
        "oneOf": [ref("A"), ref("B")],
        "discriminator": {"propertyName": "kind", "mapping": {"a": ref("A")["$ref"], "b": ref("B")["$ref"]}},
    }
    api = returning(union_schema, {"A": OBJ, "B": OBJ})
    assert api.operations[0].returns == union(A, B)
    assert api.aliases == ()
    a = model(api, "A")
    assert a.tag == Tag(wire_name="kind", attr="kind", value="a")
    # The tag is the struct's, not a field.
    assert [f.wire_name for f in a.fields] == ["x"]


def test_a_discriminator_without_a_mapping_tags_by_schema_name() -> None:
    union_schema = {"oneOf": [ref("A"), ref("B")], "discriminator": {"propertyName": "kind"}}
    api = returning(union_schema, {"A": OBJ, "B": OBJ})
    assert tags(api) == {"A": "A", "B": "B"}
    assert api.aliases == ()


def test_a_tag_attribute_is_the_python_name_of_its_property() -> None:
    obj = {"type": "object", "properties": {"object-type": STRING, "x": NUMBER}}
    union_schema = {"oneOf": [ref("A"), ref("B")], "discriminator": {"propertyName": "object-type"}}
    api = returning(union_schema, {"A": obj, "B": obj})
    assert model(api, "A").tag == Tag(wire_name="object-type", attr="object_type", value="A")


def test_a_discriminator_naming_one_variant_twice_dispatches_at_run_time() -> None:
    """msgspec tags a struct with one value; `a` and `b` both name A, so the union is the
    runtime's, told the whole mapping; C, named by one value, is still tagged."""
    union_schema = {
        "oneOf": [ref("A"), ref("C")],
        "discriminator": {
            "propertyName": "kind",
            "mapping": {"a": "#/components/schemas/A", "b": "#/components/schemas/A"},
        },
    }
    api = returning(union_schema, {"A": OBJ, "C": OBJ})
    (alias,) = api.aliases
    assert alias.untagged
    # The mapping's values first, then C by its own name, as OpenAPI reads it.
    assert alias.dispatch == Dispatch("kind", (("a", A), ("b", A), ("C", C)))
    assert tags(api) == {"A": None, "C": "C"}


def test_a_mapping_target_that_is_no_variant_is_not_generated() -> None:
    union_schema = {
        "oneOf": [ref("A"), ref("B")],
        "discriminator": {"propertyName": "kind", "mapping": {"a": "A", "b": "B", "z": "#/components/schemas/Z"}},
    }
    api = returning(union_schema, {"A": OBJ, "B": OBJ, "Z": OBJ})
    # Bare names in the mapping name components too; one value each: a native tagged union.
    assert tags(api) == {"A": "a", "B": "b"}


def test_a_const_in_every_variant_tags_the_structs() -> None:
    api = returning({"oneOf": [ref("A"), ref("B")]}, {"A": kinded("a"), "B": kinded("b")})
    assert api.aliases == ()
    assert model(api, "A").tag == Tag(wire_name="kind", attr="kind", value="a")
    assert tags(api) == {"A": "a", "B": "b"}


def test_a_const_that_is_not_required_tags_nothing() -> None:
    api = returning({"oneOf": [ref("A"), ref("B")]}, {"A": kinded("a", required=False), "B": kinded("b")})
    assert tags(api) == {"A": None, "B": None}
    assert api.aliases[0].strategy == TRIED


def test_a_const_with_the_same_value_in_two_variants_tags_nothing() -> None:
    api = returning({"oneOf": [ref("A"), ref("B")]}, {"A": kinded("a"), "B": kinded("a")})
    assert tags(api) == {"A": None, "B": None}
    assert api.aliases[0].strategy == TRIED



@pytest.mark.parametrize("order", [("chunk", "document"), ("document", "chunk")])
def test_a_union_of_structs_tagged_elsewhere_is_tried_when_their_tag_may_be_left_out(order: tuple[str, str]) -> None:
    """A and B are tagged by `chunk`'s discriminator (which requires `kind` there), but their
    own schemas let `kind` be left out: msgspec's tagged union would refuse `{"x": 1}` for
    `document`, which has no discriminator, so `document` is decoded by trying, whichever
    union is built first."""
    unions = {
        "chunk": {"oneOf": [ref("A"), ref("B")], "discriminator": {"propertyName": "kind"}},
        "document": {"anyOf": [ref("A"), ref("B")]},
    }
    holder_schema = {"type": "object", "properties": {name: unions[name] for name in order}}
    schemas = {"A": kinded("a", required=False), "B": kinded("b", required=False), "Holder": holder_schema}
    api = returning(ref("Holder"), schemas)
    assert tags(api) == {"A": "a", "B": "b", "Holder": None}
    (alias,) = api.aliases
    assert (alias.strategy, alias.type) == (TRIED, union(A, B))
    fields = {f.wire_name: f.type for f in model(api, "Holder").fields}
    assert fields == {"chunk": union(A, B), "document": TypeRef("alias", alias.name)}


# make_union


def test_make_union_flattens_merges_literals_and_puts_none_last() -> None:
    a = TypeRef("literal", values=("a",))
    b = TypeRef("literal", values=("b",))
    assert make_union([NONE, a, make_union([b, STR])]) == union(TypeRef("literal", values=("a", "b")), STR, NONE)
    assert make_union([STR, STR]) == STR


def test_make_union_keeps_a_string_and_an_integer_literal_apart() -> None:
    merged = make_union([TypeRef("literal", values=("1",)), TypeRef("literal", values=(1, "1"))])
    assert merged == TypeRef("literal", values=("1", 1))


def test_any_swallows_the_other_members() -> None:
    assert make_union([STR, ANY, NONE]) == ANY


def test_a_union_of_none_alone_is_none() -> None:
    assert make_union([NONE, NONE]) == NONE


# msgspec_union_problem


def test_unions_msgspec_cannot_decode_are_named() -> None:
    assert msgspec_union_problem(make_union([DATETIME, STR])) is not None
    assert msgspec_union_problem(make_union([STR, INT, NONE])) is None
    two_models = make_union([A, B])
    assert "no tag" in (msgspec_union_problem(two_models) or "")

    class Tagged:
        def tag_of(self, model: str) -> tuple[str, str | int] | None:
            return {"A": ("kind", "a"), "B": ("kind", "b")}.get(model)

        def enum_base(self, name: str) -> str:
            return "str"

        def alias_target(self, name: str) -> TypeRef | None:
            return None

    assert msgspec_union_problem(two_models, Tagged()) is None


@pytest.mark.parametrize(
    ("members", "decodable"),
    [
        ([TypeRef("literal", values=("a",)), STR], False),
        ([TypeRef("literal", values=(1,)), STR], True),
        ([INT, FLOAT], True),
        ([TypeRef("list", args=(STR,)), TypeRef("tuple", args=(INT,))], False),
        ([TypeRef("dict", args=(ANY,)), A], False),
        ([TypeRef("builtin", "bytes"), STR], False),
        ([TypeRef("alias", "X"), NONE], True),
        ([TypeRef("alias", "X"), INT], False),
    ],
    ids=["literal-str", "int-literal-str", "int-float", "list-tuple", "dict-model", "bytes-str", "alias-none", "alias-int"],
)
def test_json_groups_of_union_members(members: list[TypeRef], decodable: bool) -> None:
    assert (msgspec_union_problem(make_union(members)) is None) == decodable


def test_an_integer_enum_shares_the_integer_group() -> None:
    class IntEnums:
        def tag_of(self, model: str) -> tuple[str, str | int] | None:
            return None

        def enum_base(self, name: str) -> str:
            return "int"

        def alias_target(self, name: str) -> TypeRef | None:
            return None

    with_int = make_union([TypeRef("enum", "E"), INT])
    with_str = make_union([TypeRef("enum", "E"), STR])
    assert msgspec_union_problem(with_int, IntEnums()) is not None
    assert msgspec_union_problem(with_str, IntEnums()) is None
    # Without context an enum counts as a string.
    assert msgspec_union_problem(with_str) is not None
