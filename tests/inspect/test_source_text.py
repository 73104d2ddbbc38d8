"""The adapter that writes IR values as the Python a reader of the client sees."""

from __future__ import annotations

from generator.inspect import source_text as src
from generator.ir import NONE, NULL, UNSET, UNSET_DEFAULT, Default, Field, Param, TypeRef

STR = TypeRef("builtin", "str")
COLOR = TypeRef("enum", "Color")
RED = Default("member", enum="Color", member="RED")


def field(default: Default | None, *, required: bool = False, nullable: bool = False) -> Field:
    declared = TypeRef("union", args=(STR, UNSET, NONE)) if nullable else TypeRef("union", args=(STR, NONE))
    return Field(
        name="x",
        wire_name="x",
        type=TypeRef("union", args=(STR, NONE)) if nullable else STR,
        declared=STR if required else declared,
        default=default,
        required=required,
        description=None,
        doc=None,
        deprecated=False,
        read_only=False,
        write_only=False,
        constraints=(),
    )


def param(default: Default | None, *, required: bool = False) -> Param:
    return Param(
        name="color",
        wire_name="color",
        location="query",
        type=COLOR,
        declared=COLOR if required or default not in (None, NULL) else TypeRef("union", args=(COLOR, NONE)),
        default=default,
        required=required,
        description=None,
        style="form",
        explode=True,
        deprecated=False,
        constraints=(),
    )


def test_field_defaults_read_as_a_user_writes_them() -> None:
    assert src.field_default(field(Default("value", 10))) == "10"
    assert src.field_default(field(UNSET_DEFAULT, nullable=True)) == "UNSET"
    assert src.field_default(field(Default("list"))) == "[]"
    assert src.field_default(field(Default("json", {}))) == "{}"
    assert src.field_default(field(RED)) == "Color.RED"
    assert src.field_default(field(Default("list", items=(Default("value", "a"),)))) == '["a"]'
    assert src.field_default(field(NULL)) == "None"
    assert src.field_default(field(None, required=True)) is None


def test_field_type_is_the_declared_type() -> None:
    assert src.field_type(field(UNSET_DEFAULT, nullable=True)) == "str | msgspec.UnsetType | None"
    assert src.field_type(field(None, required=True)) == "str"


def test_param_defaults() -> None:
    assert src.param_default(param(RED)) == "Color.RED"
    assert src.param_default(param(RED, required=True)) is None
    assert src.param_type(param(NULL)) == "Color | None"
    assert src.same_param_default(param(Default("value", 1)), param(Default("value", 1.0)))
    assert not src.same_param_default(param(Default("value", 1)), param(Default("value", 2)))


def test_same_default_compares_values_not_spelling() -> None:
    assert src.same_default(Default("value", 10), Default("value", 10.0))
    assert not src.same_default(Default("value", 1), Default("value", True))
    assert not src.same_default(Default("list"), Default("json", {}))
    assert src.same_default(Default("list", items=(Default("value", 1),)), Default("json", [1.0]))
    assert not src.same_default(NULL, None)
    assert src.same_default(None, None)
    # No plain value: only the same member is the same default.
    assert not src.same_default(RED, Default("member", enum="Color", member="BLUE"))
    assert src.same_default(RED, Default("member", enum="Color", member="RED"))
    assert not src.same_default(UNSET_DEFAULT, NULL)


def test_type_text_names_models_as_imported() -> None:
    t = TypeRef("union", args=(TypeRef("list", args=(TypeRef("model", "Item"),)), NONE))
    assert src.type_text(t) == "list[Item] | None"
    assert src.type_text(TypeRef("literal", values=("models.x", 3))) == 'Literal["models.x", 3]'
