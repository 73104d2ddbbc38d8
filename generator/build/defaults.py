"""Spec defaults -> IR Default values: the one place that decides whether a `default` can
be kept, and as what."""

from __future__ import annotations

from typing import Any

from ..ir import NONE, NULL, Default, EnumType, TypeRef, members


def default_value(value: Any, t: TypeRef, enums: dict[str, EnumType]) -> Default | None:
    """The spec's default for a value of type `t`, or None when no member of `t` can hold
    it (the default is then dropped)."""
    for member in members(t):
        found = _default_for(value, member, enums)
        if found is not None:
            return found
    return None


def _default_for(value: Any, t: TypeRef, enums: dict[str, EnumType]) -> Default | None:
    if value is None:
        return NULL if t == NONE else None
    if t.kind == "enum":
        enum = enums.get(t.name)
        for m in enum.members if enum else ():
            if m.value == value and type(m.value) is type(value):
                return Default("member", enum=t.name, member=m.name)
        return None
    if t.kind == "literal":
        return Default("value", value) if any(type(v) is type(value) and v == value for v in t.values) else None
    if t.kind == "builtin":
        fits = {
            "str": isinstance(value, str),
            "int": isinstance(value, int) and not isinstance(value, bool),
            "float": isinstance(value, (int, float)) and not isinstance(value, bool),
            "bool": isinstance(value, bool),
            "Any": True,
        }.get(t.name, False)
        if not fits:
            return None
        if t.name == "Any" and isinstance(value, (list, dict)):
            return Default("json", value)
        return Default("value", float(value) if t.name == "float" else value)
    if t.kind == "list" and isinstance(value, list):
        items = [_default_for(v, t.args[0], enums) for v in value]
        if any(i is None for i in items):
            return None
        return Default("list", items=tuple(i for i in items if i is not None))
    if t.kind == "dict" and isinstance(value, dict):
        return Default("json", value)
    if t.kind == "model" and isinstance(value, dict):
        # Built from the JSON default by msgspec itself, so wire names and types just work.
        return Default("model", value, model=t.name)
    return None
