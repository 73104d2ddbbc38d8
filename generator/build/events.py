"""Which type an event stream's `data` decodes into.

Documents describe a `text/event-stream` response in one of two ways: the schema of the
`data` payload itself, or the schema of the whole event, an object whose properties are
among the SSE fields (`event`, `data`, `id`, `retry`), possibly a `oneOf` of such objects.
For the second the `data` property's schema is the payload. Branches whose `data` is a fixed
word (a `[DONE]` sentinel) describe the end of the stream, not an event: the runtime ends
the stream there. A payload that is a plain string, or no schema at all, is kept as text.
"""

from __future__ import annotations

from typing import Any

from ..ir import STR, TypeRef
from ..problems import join_pointer
from ..spec.media import base_type
from .schemas import Schemas
from .typeops import make_union

EVENT_STREAM = "text/event-stream"
SSE_FIELDS = frozenset({"event", "data", "id", "retry"})


def is_event_stream(media: str) -> bool:
    return base_type(media) == EVENT_STREAM


def event_media(content: dict[str, Any]) -> str | None:
    """The content map's event-stream media type, if it has one."""
    return next((str(m) for m in content if is_event_stream(str(m))), None)


def data_type(schemas: Schemas, media: Any, pointer: str, hint: str) -> TypeRef:
    """The type of each event's `data`, from a Media Type Object at `pointer`
    (`itemSchema`, the 3.2 way of describing one event, wins over `schema`)."""
    if not isinstance(media, dict):
        return STR
    key = "itemSchema" if "itemSchema" in media else "schema"
    schema = media.get(key)
    at = join_pointer(pointer, key)
    payloads = _payloads(schemas, schema, at)
    if payloads is None:
        payloads = [(schema, at)]
    types = [_payload_type(schemas, s, p, hint) for s, p in payloads]
    return make_union(types) if types else STR


def _payloads(schemas: Schemas, schema: Any, pointer: str) -> list[tuple[Any, str]] | None:
    """The `data` schemas of an event-shaped schema (or of each branch of a oneOf/anyOf of
    them), sentinels left out; None when the schema describes the payload itself."""
    resolved, at = schemas.doc.resolve(schema, pointer)
    if not isinstance(resolved, dict):
        return None
    envelope = _envelope_data(schemas, resolved, at)
    if envelope is not None:
        return [] if _is_sentinel(schemas, *envelope) else [envelope]
    for keyword in ("oneOf", "anyOf"):
        branches = resolved.get(keyword)
        if not isinstance(branches, list) or not branches:
            continue
        found: list[tuple[Any, str]] = []
        for i, branch in enumerate(branches):
            inner, inner_at = schemas.doc.resolve(branch, join_pointer(at, keyword, str(i)))
            data = _envelope_data(schemas, inner, inner_at) if isinstance(inner, dict) else None
            if data is None:
                return None
            if not _is_sentinel(schemas, *data):
                found.append(data)
        return found
    return None


def _envelope_data(schemas: Schemas, schema: dict[str, Any], pointer: str) -> tuple[Any, str] | None:
    properties = schema.get("properties")
    if not isinstance(properties, dict) or "data" not in properties:
        return None
    if not set(map(str, properties)) <= SSE_FIELDS:
        return None
    return properties["data"], join_pointer(pointer, "properties", "data")


def _is_sentinel(schemas: Schemas, schema: Any, pointer: str) -> bool:
    """A `data` that is one fixed string: the word that ends the stream."""
    resolved, _ = schemas.doc.resolve(schema, pointer)
    if not isinstance(resolved, dict):
        return False
    fixed = resolved.get("enum") if isinstance(resolved.get("enum"), list) else None
    if "const" in resolved:
        fixed = [resolved["const"]]
    return bool(fixed) and all(isinstance(v, str) for v in fixed or [])


def _payload_type(schemas: Schemas, schema: Any, pointer: str, hint: str) -> TypeRef:
    resolved, _ = schemas.doc.resolve(schema, pointer)
    if not isinstance(resolved, dict) or resolved.get("type") == "string":
        return STR
    if not resolved:
        return STR
    return schemas.convert(schema, pointer, hint)
