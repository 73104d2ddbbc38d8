"""`$recursiveRef: '#'` (JSON Schema 2019-09) read as a self reference: it names the nearest
enclosing component schema that has `$recursiveAnchor: true`, the schema it stands in.
Any other `$recursiveRef` has no target (validation refuses it)."""

from __future__ import annotations

from typing import Any

from ..problems import join_pointer, resolve_pointer, split_pointer


def recursive_target(data: Any, pointer: str) -> str | None:
    """The pointer of the component schema the `$recursiveRef` of the schema at `pointer`
    names, or None."""
    found, node = resolve_pointer(data, pointer)
    if not found or not isinstance(node, dict) or node.get("$recursiveRef") != "#":
        return None
    tokens = split_pointer(pointer)
    if len(tokens) < 3 or tokens[:2] != ["components", "schemas"]:
        return None
    component = join_pointer("", *tokens[:3])
    _, schema = resolve_pointer(data, component)
    return component if isinstance(schema, dict) and schema.get("$recursiveAnchor") is True else None
