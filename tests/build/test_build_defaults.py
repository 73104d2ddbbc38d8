"""build/defaults.py on IR values: which spec default is kept, and as what Default."""

from __future__ import annotations

from typing import Any

import pytest
from buildkit import held

from generator.build.defaults import default_value
from generator.ir import (
    ANY,
    BOOL,
    FLOAT,
    INT,
    NONE,
    NULL,
    STR,
    UNSET_DEFAULT,
    Default,
    EnumMember,
    EnumType,
    TypeRef,
)

COLOUR = EnumType(
    name="Colour",
    pointer="/components/schemas/Colour",
    base="str",
    description=None,
    doc=None,
    members=(EnumMember("RED", "red", None), EnumMember("VALUE_1", "1", None)),
)
ENUMS = {"Colour": COLOUR}


def union(*args: TypeRef) -> TypeRef:
    return TypeRef("union", args=args)


@pytest.mark.parametrize(
    ("value", "t", "expected"),
    [
        ("a", STR, Default("value", "a")),
        (3, INT, Default("value", 3)),
        (True, BOOL, Default("value", True)),
        (False, BOOL, Default("value", False)),
        (2.5, FLOAT, Default("value", 2.5)),
        ("x", ANY, Default("value", "x")),
        (None, union(STR, NONE), NULL),
    ],
    ids=["str", "int", "true", "false", "float", "any", "null"],
)
def test_scalar_defaults_are_kept_as_values(value: Any, t: TypeRef, expected: Default) -> None:
    found = default_value(value, t, ENUMS)
    assert found == expected
    assert found is not None and type(found.value) is type(expected.value)


def test_an_integer_default_of_a_float_is_a_float() -> None:
    found = default_value(1, FLOAT, ENUMS)
    assert found == Default("value", 1.0)
    assert found is not None and type(found.value) is float


@pytest.mark.parametrize(
    ("value", "t"),
    [
        ("1", INT),  # a string is no integer
        (True, INT),  # nor is a boolean
        (1, BOOL),  # nor an integer a boolean
        (True, FLOAT),
        (1.5, INT),
        (1, STR),
        (None, STR),  # null where null is not allowed
        ([1], STR),
        ({"a": 1}, TypeRef("list", args=(INT,))),
        ("x", TypeRef("model", "M")),
        ("stdlib", TypeRef("stdlib", "datetime.datetime")),
    ],
    ids=["str-int", "bool-int", "int-bool", "bool-float", "float-int", "int-str", "null-str", "list-str",
         "dict-list", "str-model", "str-datetime"],
)
def test_a_default_of_the_wrong_type_is_dropped(value: Any, t: TypeRef) -> None:
    assert default_value(value, t, ENUMS) is None


def test_an_enum_default_is_its_member() -> None:
    assert default_value("red", TypeRef("enum", "Colour"), ENUMS) == Default("member", enum="Colour", member="RED")


def test_an_enum_default_must_match_the_member_value_and_its_type() -> None:
    colour = TypeRef("enum", "Colour")
    assert default_value("green", colour, ENUMS) is None
    assert default_value(1, colour, ENUMS) is None  # the member is "1", a string
    assert default_value("1", colour, ENUMS) == Default("member", enum="Colour", member="VALUE_1")


def test_a_literal_default_must_be_one_of_its_values_of_the_same_type() -> None:
    literal = TypeRef("literal", values=("a", 1))
    assert default_value("a", literal, ENUMS) == Default("value", "a")
    assert default_value(1, literal, ENUMS) == Default("value", 1)
    assert default_value("1", literal, ENUMS) is None
    assert default_value(True, literal, ENUMS) is None


def test_the_first_member_of_a_union_that_can_hold_the_default_wins() -> None:
    t = union(INT, STR, NONE)
    assert default_value("x", t, ENUMS) == Default("value", "x")
    assert default_value(None, t, ENUMS) == NULL
    assert default_value(4, union(FLOAT, INT), ENUMS) == Default("value", 4.0)


@pytest.mark.parametrize(
    ("value", "t", "expected"),
    [
        (
            [1, 2],
            TypeRef("list", args=(INT,)),
            Default("list", items=(Default("value", 1), Default("value", 2))),
        ),
        (
            ["red"],
            TypeRef("list", args=(TypeRef("enum", "Colour"),)),
            Default("list", items=(Default("member", enum="Colour", member="RED"),)),
        ),
        ({"a": 1}, TypeRef("dict", args=(INT,)), Default("json", {"a": 1})),
        ([1, "x"], ANY, Default("json", [1, "x"])),
        ({"k": "v"}, ANY, Default("json", {"k": "v"})),
        ({"id": 1}, TypeRef("model", "M"), Default("model", {"id": 1}, model="M")),
    ],
    ids=["list", "enum-list", "dict", "any-list", "any-dict", "model"],
)
def test_container_defaults_are_factories(value: Any, t: TypeRef, expected: Default) -> None:
    found = default_value(value, t, ENUMS)
    assert found == expected
    assert found is not None and found.is_factory
    assert found.value == expected.value  # value takes no part in equality


def test_a_list_default_with_one_item_of_the_wrong_type_is_dropped() -> None:
    assert default_value([1, "two"], TypeRef("list", args=(INT,)), ENUMS) is None


def test_scalars_members_and_unset_are_not_factories() -> None:
    assert not Default("value", 1).is_factory
    assert not Default("member", enum="E", member="A").is_factory
    assert not UNSET_DEFAULT.is_factory
    assert not NULL.is_factory


# Through build: a property's default


def test_a_property_default_of_the_wrong_type_is_dropped_and_the_field_is_optional() -> None:
    f = held({"type": "integer", "default": "ten"}, required=False)
    assert (f.default, f.declared) == (NULL, union(INT, NONE))


def test_a_property_default_on_a_ref_sibling_wins_over_the_target() -> None:
    others = {"Level": {"type": "integer", "default": 1}}
    f = held({"$ref": "#/components/schemas/Level", "default": 2}, required=False, others=others)
    assert f.default == Default("value", 2)
    g = held({"$ref": "#/components/schemas/Level"}, required=False, others=others)
    assert g.default == Default("value", 1)


def test_an_enum_property_default_is_its_member() -> None:
    others = {"Colour": {"type": "string", "enum": ["red", "blue"]}}
    f = held({"$ref": "#/components/schemas/Colour", "default": "blue"}, required=False, others=others)
    assert f.default == Default("member", enum="Colour", member="BLUE")
    assert f.declared == TypeRef("enum", "Colour")


def test_a_list_of_struct_defaults_is_one_factory_of_converted_structs() -> None:
    """Each item is made by the factory, not a factory of its own (a list of lambdas)."""
    from generator.emit.defaults import default_source
    from generator.ir import Default

    item = Default("model", {"a": 1}, model="Range")
    assert default_source(Default("list", items=(item, item))) == (
        'lambda: [msgspec.convert({"a": 1}, Range), msgspec.convert({"a": 1}, Range)]'
    )
    assert default_source(Default("list", items=(Default("member", enum="Color", member="RED"),)), "models.") == (
        "lambda: [models.Color.RED]"
    )
