"""What an inline member of a union holds, read from the spec for naming/union_members.py:
whether it declares a class at all, the properties it pins to one value (through `allOf`
and `$ref`s), its title, properties and enum values."""

from __future__ import annotations

from typing import Any

from ..naming.union_members import MemberFacts, Pinned
from ..problems import join_pointer
from .document import Document
from .enums import enum_base

_DEPTH = 16


def member_facts(doc: Document, schema: Any, pointer: str) -> MemberFacts:
    if not isinstance(schema, dict):
        return MemberFacts("other")
    if isinstance(schema.get("$ref"), str):
        return MemberFacts("ref")
    if (
        schema.get("type") == "null"
        or schema.get("const", 0) is None
        or schema.get("enum") == [None]
    ):
        return MemberFacts("null")
    title = schema.get("title") if isinstance(schema.get("title"), str) else None
    if "oneOf" in schema or "anyOf" in schema or "const" in schema:
        return MemberFacts("other", title)
    if isinstance(schema.get("enum"), list):
        values = tuple(v for v in schema["enum"] if v is not None)
        kind = "enum" if len(values) > 1 and enum_base(list(values)) is not None else "other"
        return MemberFacts(kind, title, values=values)
    properties = _properties(doc, schema, pointer, 0)
    if properties:
        if not _declares_class(doc, schema, pointer):
            return MemberFacts("ref")  # an `allOf` of one schema is that schema
        pins = tuple((name, value) for name, value in _pins(doc, schema, pointer, 0).items())
        return MemberFacts("object", title, pinned=pins, properties=tuple(properties))
    if schema.get("type") == "array" or "items" in schema:
        return MemberFacts("array", title)
    return MemberFacts("other", title)


def _declares_class(doc: Document, schema: dict[str, Any], pointer: str) -> bool:
    """Whether build makes a class of its own for this object (class_kinds.is_object_model)."""
    if schema.get("properties") or "allOf" not in schema:
        return True
    parts = schema["allOf"] if isinstance(schema["allOf"], list) else []
    return len(parts) > 1 and any(_properties(doc, p, pointer, 0) for p in parts)


def _properties(doc: Document, schema: Any, pointer: str, depth: int) -> dict[str, Any]:
    """Every property the schema declares, its `allOf` parts' included, in order."""
    node, at = doc.resolve(schema, pointer)
    if not isinstance(node, dict) or depth > _DEPTH:
        return {}
    out: dict[str, Any] = {}
    parts = node.get("allOf")
    for i, part in enumerate(parts if isinstance(parts, list) else []):
        out.update(_properties(doc, part, join_pointer(at, "allOf", i), depth + 1))
    properties = node.get("properties")
    out.update(properties if isinstance(properties, dict) else {})
    return out


def _pins(doc: Document, schema: Any, pointer: str, depth: int) -> dict[str, Pinned]:
    """The properties pinned to one value (`const`, an `enum` of one) in any part of it:
    `allOf` holds them all, so one part's pin holds for the whole."""
    node, at = doc.resolve(schema, pointer)
    if not isinstance(node, dict) or depth > _DEPTH:
        return {}
    out: dict[str, Pinned] = {}
    properties = node.get("properties")
    for name, prop in (properties if isinstance(properties, dict) else {}).items():
        prop, _ = doc.resolve(prop, at)
        value = _one_value(prop)
        if value is not None:
            out.setdefault(name, value)
    parts = node.get("allOf")
    for i, part in enumerate(parts if isinstance(parts, list) else []):
        for name, value in _pins(doc, part, join_pointer(at, "allOf", i), depth + 1).items():
            out.setdefault(name, value)
    return out


def _one_value(prop: Any) -> Pinned | None:
    if not isinstance(prop, dict):
        return None
    if "const" in prop:
        found = [prop["const"]]
    elif isinstance(prop.get("enum"), list):
        found = [v for v in prop["enum"] if v is not None]
    else:
        return None
    return found[0] if len(found) == 1 and isinstance(found[0], (str, int, float, bool)) else None
