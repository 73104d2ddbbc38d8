"""What class, if any, a schema becomes: a struct (an object with properties of its own or
from its `allOf` parts), an enum, a named union, or nothing of its own (written out where
it is used)."""

from __future__ import annotations

from typing import Any, Literal

from .document import Document
from .enums import enum_base
from .shared_members import has_shared_members, is_null_schema, role, union_key

Kind = Literal["model", "enum", "alias", "inline"]


def component_kind(doc: Document, schema: Any) -> Kind:
    """What a component schema is declared as."""
    if not isinstance(schema, dict) or "$ref" in schema:
        return "inline"
    if is_object_model(doc, schema):
        return "model"
    values = [v for v in schema.get("enum", []) if v is not None]
    if values and "const" not in schema and enum_base(values) is not None:
        return "enum"
    for key in ("oneOf", "anyOf"):
        variants = schema.get(key)
        if isinstance(variants, list):
            real = [v for v in variants if not is_null_schema(v)]
            if len(real) > 1:
                return "alias"
    return "inline"


def is_object_model(doc: Document, schema: dict[str, Any]) -> bool:
    """Whether an object schema is a struct of its own."""
    if "oneOf" in schema or "anyOf" in schema:
        # A union of variants that only say which members are required: one class
        # (shared_members.py).
        key = union_key(schema)
        return (
            key is not None
            and has_shared_members(schema)
            and all(role(doc.resolve(v, "")[0]) == "constraint" for v in schema[key])
            and (bool(schema.get("properties")) or any(_has_properties(doc, p) for p in schema.get("allOf") or []))
        )
    if schema.get("properties"):
        return True
    parts = schema.get("allOf")
    if isinstance(parts, list) and len(parts) > 1:
        return any(_has_properties(doc, p) for p in parts)
    return isinstance(parts, list) and len(parts) == 1 and bool(schema.get("properties"))


def _has_properties(doc: Document, schema: Any) -> bool:
    schema, _ = doc.resolve(schema, "")
    if not isinstance(schema, dict):
        return False
    if schema.get("properties"):
        return True
    return any(_has_properties(doc, p) for p in schema.get("allOf", []) or [])
