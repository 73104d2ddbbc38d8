"""Enums and literals: which `enum` becomes a class and which a `Literal[...]`, and what
each member is called (naming/enum_members.py) and documented with."""

from __future__ import annotations

from typing import Any

from .. import naming
from ..ir import ANY, BOOL, FLOAT, NONE, EnumMember, EnumType, TypeRef
from .typeops import make_union


def literal_type(values: list[Any]) -> TypeRef:
    """The type of a `const` or a one-value `enum`."""
    real = [v for v in values if v is not None]
    if not real:
        return NONE
    if all(isinstance(v, bool) for v in real):
        t = BOOL  # msgspec's Literal takes only strings and integers
    elif all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in real) and any(
        isinstance(v, float) for v in real
    ):
        t = FLOAT
    elif all(isinstance(v, str) or (isinstance(v, int) and not isinstance(v, bool)) for v in real):
        t = TypeRef("literal", values=tuple(real))
    else:
        t = ANY
    return make_union([t, NONE]) if len(real) != len(values) else t


def enum_base(values: list[Any]) -> str | None:
    """The JSON type an enum class can hold its values as, or None (a mixed enum)."""
    if all(isinstance(v, str) for v in values):
        return "str"
    if all(isinstance(v, int) and not isinstance(v, bool) for v in values):
        return "int"
    return None


def enum_type(cls: str, schema: dict[str, Any], pointer: str) -> EnumType:
    values = list(dict.fromkeys(v for v in schema["enum"] if v is not None))
    descriptions = _descriptions(schema, values)
    members = tuple(
        EnumMember(name=name, value=v, description=descriptions.get(str(v)))
        for name, v in zip(naming.enum_member_names(values), values)
    )
    description = schema.get("description")
    return EnumType(
        name=cls,
        pointer=pointer,
        base=enum_base(values) or "str",
        description=description,
        doc=description or title_doc(schema.get("title"), cls),
        members=members,
    )


def title_doc(title: Any, name: str) -> str | None:
    """A title documents a class only when it says more than the class name."""
    if isinstance(title, str) and naming.pascal_case(title) != name:
        return title
    return None


def _descriptions(schema: dict[str, Any], values: list[Any]) -> dict[str, str]:
    for key in ("x-enum-descriptions", "x-enumDescriptions", "enumNames", "x-enum-varnames-descriptions"):
        raw = schema.get(key)
        if isinstance(raw, dict):
            return {str(k): str(v) for k, v in raw.items() if v is not None}
        if isinstance(raw, list) and len(raw) == len(values):
            return {str(v): str(d) for v, d in zip(values, raw) if d is not None}
    return {}
