"""Default values as Python source: in a signature, a struct field, or a factory."""

from __future__ import annotations

from ..ir import Default
from .pysource import literal, string_literal


def default_source(default: Default, models_prefix: str = "") -> str:
    """The expression for a default; a factory (`list`, `lambda: ...`) for the kinds made
    anew for each instance. Model classes are named with `models_prefix` outside models.py."""
    if default.kind == "unset":
        return "msgspec.UNSET"
    if default.kind == "member":
        return f"{models_prefix}{default.enum}.{default.member}"
    if default.kind == "list":
        if not default.items:
            return "list"
        return "lambda: [" + ", ".join(default_source(i, models_prefix) for i in default.items) + "]"
    if default.kind == "json":
        if not default.value:
            return "list" if isinstance(default.value, list) else "dict"
        return "lambda: " + literal(default.value)
    if default.kind == "model":
        return f"lambda: msgspec.convert({literal(default.value)}, {models_prefix}{default.model})"
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
