"""Default values as Python source: in a signature, a struct field, or a factory."""

from __future__ import annotations

from ..ir import Default
from .pysource import literal, string_literal


def default_source(default: Default, models_prefix: str = "") -> str:
    """The expression for a default; a factory (`list`, `lambda: ...`) for the kinds made
    anew for each instance. Model classes are named with `models_prefix` outside models.py."""
    if default.kind in ("list", "json") and not (default.items or default.value):
        return "list" if default.kind == "list" or isinstance(default.value, list) else "dict"
    if default.is_factory:
        return "lambda: " + value_source(default, models_prefix)
    return value_source(default, models_prefix)


def value_source(default: Default, models_prefix: str = "") -> str:
    """The expression that makes the default's value once (a factory calls it each time)."""
    if default.kind == "unset":
        return "msgspec.UNSET"
    if default.kind == "member":
        return f"{models_prefix}{default.enum}.{default.member}"
    if default.kind == "list":
        return "[" + ", ".join(value_source(i, models_prefix) for i in default.items) + "]"
    if default.kind == "model":
        return f"msgspec.convert({literal(default.value)}, {models_prefix}{default.model})"
    return literal(default.value)


def field_value(default: Default | None, name: str, wire_name: str) -> str | None:
    """What follows `=` in a struct field's declaration: the default, wrapped in
    `msgspec.field(...)` when the wire name differs or the default is a factory; None for a
    required field under its own wire name."""
    source = default_source(default) if default is not None else None
    if name != wire_name:
        rename = f"name={string_literal(wire_name)}"
        if default is None:
            return f"msgspec.field({rename})"
        if default.is_factory:
            return f"msgspec.field({rename}, default_factory={source})"
        return f"msgspec.field({rename}, default={source})"
    if default is not None and default.is_factory:
        return f"msgspec.field(default_factory={source})"
    return source
