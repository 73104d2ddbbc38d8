"""build/enums.py on IR values: which `enum` becomes a class and which a literal, member
names and values, and the documentation of members and classes."""

from __future__ import annotations

from typing import Any

import pytest
from buildkit import enum, held, holder, ref, returning

from generator.build.enums import enum_base, literal_type
from generator.ir import ANY, BOOL, FLOAT, NONE, EnumType, TypeRef


def inline_enum(schema: dict[str, Any]) -> tuple[TypeRef, tuple[EnumType, ...]]:
    """The type of property `value` of a returned struct, and the enums declared."""
    api = returning(ref("Holder"), {"Holder": holder(schema)})
    (value,) = api.models[0].fields
    return value.type, api.enums


def test_an_inline_enum_is_a_class_named_after_its_place() -> None:
    t, enums = inline_enum({"type": "string", "enum": ["on", "off"]})
    assert t == TypeRef("enum", "HolderValue")
    (e,) = enums
    assert (e.name, e.base, e.pointer) == ("HolderValue", "str", "/components/schemas/Holder/properties/value")
    assert [(m.name, m.value) for m in e.members] == [("ON", "on"), ("OFF", "off")]


def test_a_one_value_enum_is_a_literal() -> None:
    t, enums = inline_enum({"type": "string", "enum": ["only"]})
    assert (t, enums) == (TypeRef("literal", values=("only",)), ())


def test_a_mixed_enum_is_a_literal_of_real_strings_and_integers() -> None:
    t, enums = inline_enum({"enum": ["a", 1]})
    assert (t, enums) == (TypeRef("literal", values=("a", 1)), ())
    assert [type(v) for v in t.values] == [str, int]


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ([True, False], BOOL),  # msgspec's Literal takes no booleans
        ([1.5, 2], FLOAT),
        ([1, "a", None], TypeRef("union", args=(TypeRef("literal", values=(1, "a")), NONE))),
        ([None], NONE),
        ([{"a": 1}, "x"], ANY),
    ],
    ids=["bools", "floats", "mixed-null", "null-only", "objects"],
)
def test_enums_no_class_can_hold(values: list[Any], expected: TypeRef) -> None:
    t, enums = inline_enum({"enum": values})
    assert (t, enums) == (expected, ())


def test_an_inline_enum_with_null_is_the_enum_or_none() -> None:
    t, enums = inline_enum({"enum": ["a", "b", None]})
    assert t == TypeRef("union", args=(TypeRef("enum", "HolderValue"), NONE))
    assert [m.value for m in enums[0].members] == ["a", "b"]


def test_a_one_value_enum_with_null_is_the_literal_or_none() -> None:
    t, _ = inline_enum({"enum": ["a", None]})
    assert t == TypeRef("union", args=(TypeRef("literal", values=("a",)), NONE))


def test_an_integer_enum_keeps_integer_values_and_signed_names() -> None:
    api = returning(ref("Level"), {"Level": {"type": "integer", "enum": [1, -1, 20]}})
    e = enum(api, "Level")
    assert e.base == "int"
    assert [(m.name, m.value) for m in e.members] == [("VALUE_1", 1), ("MINUS_1", -1), ("VALUE_20", 20)]
    assert all(type(m.value) is int for m in e.members)


def test_repeated_values_make_one_member() -> None:
    _, enums = inline_enum({"enum": ["a", "b", "a"]})
    assert [m.value for m in enums[0].members] == ["a", "b"]


def test_member_names_that_collide_are_told_apart_by_punctuation() -> None:
    api = returning(ref("Zone"), {"Zone": {"enum": ["GMT0", "GMT+0", "GMT-0", "", "class"]}})
    names = [m.name for m in enum(api, "Zone").members]
    assert names == ["GMT0", "GMT_PLUS_0", "GMT_MINUS_0", "EMPTY", "CLASS"]


def test_a_const_beside_an_enum_is_no_enum_class() -> None:
    api = returning(ref("K"), {"K": {"type": "string", "enum": ["a", "b"], "const": "a"}})
    assert api.operations[0].returns == TypeRef("literal", values=("a",))
    assert api.enums == ()


# Member descriptions


@pytest.mark.parametrize(
    "extension",
    [
        {"x-enum-descriptions": {"a": "First.", "b": "Second."}},
        {"x-enum-descriptions": ["First.", "Second."]},
        {"x-enumDescriptions": ["First.", "Second."]},
        {"enumNames": ["First.", "Second."]},
        {"x-enum-varnames-descriptions": {"a": "First.", "b": "Second."}},
    ],
    ids=["dict", "list", "camel", "enumNames", "varnames"],
)
def test_member_descriptions_from_extensions(extension: dict[str, Any]) -> None:
    api = returning(ref("E"), {"E": {"enum": ["a", "b"], **extension}})
    assert [m.description for m in enum(api, "E").members] == ["First.", "Second."]


def test_member_descriptions_listed_for_the_wrong_number_of_values_are_ignored() -> None:
    api = returning(ref("E"), {"E": {"enum": ["a", "b"], "x-enum-descriptions": ["Only one."]}})
    assert [m.description for m in enum(api, "E").members] == [None, None]


def test_integer_member_descriptions_are_keyed_by_the_value_as_written() -> None:
    api = returning(ref("E"), {"E": {"enum": [1, 2], "x-enum-descriptions": {"2": "Two."}}})
    assert [m.description for m in enum(api, "E").members] == [None, "Two."]


# Class documentation


@pytest.mark.parametrize(
    ("schema", "doc"),
    [
        ({"description": "Said.", "title": "Other words"}, "Said."),
        ({"title": "Other words"}, "Other words"),
        ({"title": "colour"}, None),  # says no more than the class name
        ({}, None),
    ],
    ids=["description", "title", "title-is-name", "nothing"],
)
def test_enum_class_doc(schema: dict[str, Any], doc: str | None) -> None:
    api = returning(ref("Colour"), {"Colour": {"enum": ["a", "b"], **schema}})
    e = enum(api, "Colour")
    assert e.doc == doc
    assert e.description == schema.get("description")


# The helpers themselves


def test_enum_base() -> None:
    assert enum_base(["a", "b"]) == "str"
    assert enum_base([1, 2]) == "int"
    assert enum_base([True, 1]) is None
    assert enum_base([1, "a"]) is None


def test_literal_type_keeps_values_of_both_kinds() -> None:
    assert literal_type(["1", 1]) == TypeRef("literal", values=("1", 1))
    assert literal_type([True]) == BOOL
    assert literal_type([None, 2.0]) == TypeRef("union", args=(FLOAT, NONE))


def test_a_literal_field_with_a_const_default() -> None:
    f = held({"const": "v1", "default": "v1"}, required=False)
    assert f.type == TypeRef("literal", values=("v1",))
    assert f.declared == f.type
    assert f.default is not None and f.default.value == "v1"
