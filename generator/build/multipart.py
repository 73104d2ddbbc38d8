"""Multipart form bodies: which of a form's properties carry files (a `FILE` field on the
form's model instead of `bytes`), which parts the Encoding Object gives a Content-Type of
their own (which schemas can be a form at all is spec/media.py's)."""

from __future__ import annotations

from typing import Any

from ..ir import FILE, NONE, Part, TypeRef
from .schemas import Schemas
from .shared_members import is_null_schema
from .typeops import make_union


def file_fields(schemas: Schemas, schema: Any, pointer: str, encoding: Any) -> dict[str, TypeRef]:
    """The properties of a form that carry files, by wire name, with their type: `FILE`,
    `list[FILE]`, either of them or None. A property is a file when its schema is a
    binary string (`format: binary`, or a `contentMediaType` without `contentEncoding`)
    or the Encoding Object gives it a Content-Type that is neither text nor JSON."""
    node, at = schemas.doc.resolve(schema, pointer)
    if not isinstance(node, dict):
        return {}
    properties, _ = schemas.merged_object(node, at)
    out: dict[str, TypeRef] = {}
    for wire, (prop, _at) in properties.items():
        t = _file_type(schemas, prop, _declared_type(encoding, wire), 0)
        if t is not None:
            out[wire] = t
    return out


def parts(encoding: Any) -> tuple[Part, ...]:
    """The parts whose Encoding Object names one Content-Type to send (the first of a
    list; a wildcard such as `image/*` names none), in the spec's order."""
    out: list[Part] = []
    for wire in encoding if isinstance(encoding, dict) else {}:
        declared = _declared_type(encoding, wire)
        if declared and "*" not in declared:
            out.append(Part(wire_name=str(wire), content_type=declared))
    return tuple(out)


def _declared_type(encoding: Any, wire: str) -> str | None:
    entry = encoding.get(wire) if isinstance(encoding, dict) else None
    value = entry.get("contentType") if isinstance(entry, dict) else None
    if not isinstance(value, str) or not value.strip():
        return None
    return value.split(",")[0].strip()


def _file_type(schemas: Schemas, prop: Any, declared: str | None, depth: int) -> TypeRef | None:
    node, _ = schemas.doc.resolve(prop, "")
    if not isinstance(node, dict) or depth > 8:
        return None
    for key in ("anyOf", "oneOf", "allOf"):
        variants = node.get(key)
        if isinstance(variants, list) and variants:
            real = [v for v in variants if not is_null_schema(v)]
            found = [_file_type(schemas, v, declared, depth + 1) for v in real]
            if not real or any(t is None for t in found) or len(set(found)) != 1:
                return None
            only = found[0]
            return make_union([only, NONE]) if only is not None and len(real) < len(variants) else only
    types = node.get("type")
    nullable = node.get("nullable") is True or (isinstance(types, list) and "null" in types)
    kinds = set(types) - {"null"} if isinstance(types, list) else {types}
    t: TypeRef | None = None
    if kinds == {"array"}:
        item = _file_type(schemas, node.get("items"), declared, depth + 1)
        t = TypeRef("list", args=(item,)) if item == FILE else None
    elif kinds <= {"string", None} and _is_binary(node, declared):
        t = FILE
    if t is None:
        return None
    return make_union([t, NONE]) if nullable else t


def _is_binary(node: dict[str, Any], declared: str | None) -> bool:
    if node.get("format") == "binary":
        return True
    if "contentMediaType" in node and "contentEncoding" not in node:
        return True
    if declared is None or node.get("type") is None:
        return False
    base = declared.split(";")[0].strip().lower()
    return not (base.startswith("text/") or base == "application/json" or base.endswith("+json"))
