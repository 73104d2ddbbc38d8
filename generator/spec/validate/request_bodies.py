"""Request bodies the client can send: every media type can be sent (spec/media.py), so
what is left to refuse is a body that names no media type, or one whose only media types
are multipart forms of a schema that is no object. Refused now, with the other problems,
not later when build meets it.
"""

from __future__ import annotations

from typing import Any

from ...problems import Problem, join_pointer
from ..media import NOT_A_FORM, is_form_schema, usable_media
from ..walk import follow_local


def request_body(data: dict[str, Any], op: dict[str, Any], pointer: str) -> list[Problem]:
    """A body the client cannot send is a problem now, with the others, not later."""
    if "requestBody" not in op:
        return []
    at = join_pointer(pointer, "requestBody")
    raw = op["requestBody"]
    if isinstance(raw, dict) and isinstance(raw.get("$ref"), str) and raw["$ref"].startswith("#/"):
        at = raw["$ref"][1:]
    body = follow_local(data, raw)[0]
    if not isinstance(body, dict) or not isinstance(body.get("content"), dict):
        return []
    content = body["content"]
    if not content:
        return [Problem(join_pointer(at, "content"), "the request body names no media type")]

    def form_schema(media: str) -> bool:
        entry = content.get(media)
        schema = entry.get("schema") if isinstance(entry, dict) else None
        return is_form_schema(follow_local(data, schema)[0])

    if usable_media(content, form_schema):
        return []
    return [Problem(join_pointer(at, "content"), NOT_A_FORM)]
