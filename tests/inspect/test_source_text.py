"""The adapter that reads Python source text out of the IR for review and diff."""

from __future__ import annotations

from generator.inspect import source_text as src
from generator.ir import NONE, Field, Param, TypeRef

STR = TypeRef("builtin", "str")


def field(default: str | None, *, required: bool = False, nullable: bool = False) -> Field:
    return Field(
        name="x",
        wire_name="x",
        type=TypeRef("union", args=(STR, NONE)) if nullable else STR,
        annotation="builtins.str | None" if nullable else "str",
        default_source=default,
        required=required,
        description=None,
        docstring=None,
        deprecated=False,
        constraints=(),
        line_source="",
    )


def param(default: str | None, *, required: bool = False) -> Param:
    return Param(
        name="color",
        wire_name="color",
        wire_source='"color"',
        location="query",
        type=TypeRef("enum", "Color"),
        annotation="models.Color",
        default_source=default,
        required=required,
        description=None,
        style="form",
        explode=True,
        deprecated=False,
        constraints=(),
    )


def test_field_defaults_read_as_a_user_writes_them() -> None:
    assert src.field_default(field("10")) == "10"
    assert src.field_default(field("msgspec.UNSET")) == "UNSET"
    assert src.field_default(field("msgspec.field(default_factory=list)")) == "[]"
    assert src.field_default(field("msgspec.field(default_factory=dict)")) == "{}"
    assert src.field_default(field("msgspec.field(default=models.Color.RED)")) == "Color.RED"
    assert src.field_default(field('lambda: ["a"]')) == '["a"]'
    assert src.field_default(field("msgspec.field(name='x')")) == "None"
    assert src.field_default(field("msgspec.field(name='x')", nullable=True)) == "UNSET"
    assert src.field_default(field("10", required=True)) is None
    assert src.field_default(field(None)) is None


def test_field_type_drops_module_prefixes() -> None:
    assert src.field_type(field(None, nullable=True)) == "str | None"


def test_param_defaults() -> None:
    assert src.param_default(param("models.Color.RED")) == "Color.RED"
    assert src.param_default(param("models.Color.RED", required=True)) is None
    assert src.param_default(param(None)) is None
    assert src.param_type(param(None)) == "Color"
    assert src.same_param_default(param("1"), param("1.0"))
    assert not src.same_param_default(param("1"), param("2"))


def test_same_value_compares_values_not_spelling() -> None:
    assert src.same_value("10", "10.0")
    assert src.same_value("'a'", '"a"')
    assert not src.same_value("1", "True")
    assert not src.same_value("[]", "{}")
    assert not src.same_value("None", None)
    assert src.same_value(None, None)
    # Not a literal: only the same text is the same value.
    assert not src.same_value("Color.RED", "Color.BLUE")
    assert src.same_value("Color.RED", "Color.RED")


def test_literals() -> None:
    t = TypeRef("literal", values=('"a"', "3"))
    assert src.literal_values(t) == ('"a"', "3")
    assert src.single_literals(t) == (
        TypeRef("literal", values=('"a"',)),
        TypeRef("literal", values=("3",)),
    )
    assert src.literal_is_string('"a"')
    assert not src.literal_is_string("3")


def test_type_text_and_display() -> None:
    t = TypeRef("union", args=(TypeRef("list", args=(TypeRef("model", "Item"),)), NONE))
    assert src.type_text(t) == "list[Item] | None"
    assert src.display('Literal["models.x"] | models.B') == 'Literal["models.x"] | B'
