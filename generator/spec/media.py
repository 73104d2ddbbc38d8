"""Which of a content map's media types the client speaks, and how: read by validate (a
request body the client cannot send is refused) and by build.

Every media type can be sent or read: JSON (and `+json`) as typed values, forms
(`application/x-www-form-urlencoded`, `multipart/form-data`) from a model or a mapping,
`text/*` as `str`, and anything else as `bytes` with that Content-Type.
"""

from __future__ import annotations

from typing import Any

# How the runtime sends a body, and the Content-Type it sends for each when told nothing
# else (the runtime's `_encode_body` holds the same table).
DEFAULT_CONTENT_TYPES = {
    "json": "application/json",
    "form": "application/x-www-form-urlencoded",
    "multipart": "multipart/form-data",
    "text": "text/plain",
    "bytes": "application/octet-stream",
}


def base_type(media: str) -> str:
    """`Text/Plain; charset=utf-8` -> `text/plain`."""
    return media.split(";")[0].strip().lower()


def is_json(media: str) -> bool:
    base = base_type(media)
    return base == "application/json" or base.endswith("+json")


def encoding_of(media: str, *, request: bool) -> str:
    """How a body of this media type is sent (request) or read: json, form, multipart,
    text or bytes. Forms are request bodies only; a form in a response is read as bytes."""
    base = base_type(media)
    if is_json(media):
        return "json"
    if request and base == "application/x-www-form-urlencoded":
        return "form"
    if request and base == "multipart/form-data":
        return "multipart"
    if base.startswith("text/"):
        return "text"
    return "bytes"


# Which encoding is the default when an operation offers several: JSON, then the forms,
# then text, then raw bytes; by name among media types of one encoding.
_PREFERENCE = ("json", "form", "multipart", "text", "bytes")


def body_media(content: dict[str, Any], *, request: bool) -> list[tuple[str, str]]:
    """Every media type of a content map with its encoding, the default first."""
    offered = [(m, encoding_of(m, request=request)) for m in sorted(map(str, content))]
    return sorted(offered, key=lambda pair: _PREFERENCE.index(pair[1]))


def pick_content(content: dict[str, Any], *, request: bool) -> tuple[str, str] | None:
    """The media type to use by default and how to treat it; None for no media type."""
    offered = body_media(content, request=request)
    return offered[0] if offered else None


def is_form_schema(schema: Any) -> bool:
    """Whether a (resolved) schema can be a multipart form: an object, whose properties are
    the parts, or a schema that says nothing of its type. A string or an array cannot."""
    if not isinstance(schema, dict):
        return schema is None or schema is True
    types = schema.get("type")
    kinds = set(types) - {"null"} if isinstance(types, list) else {types}
    return kinds <= {"object", None}


def usable_media(content: dict[str, Any], form_schema: Any) -> list[tuple[str, str]]:
    """The media types of a request body the client can send, the default first:
    `form_schema(media)` tells whether a multipart media type's schema is a form."""
    return [(m, kind) for m, kind in body_media(content, request=True) if kind != "multipart" or form_schema(m)]


NOT_A_FORM = "a multipart/form-data body must be an object schema (its properties are the parts)"
