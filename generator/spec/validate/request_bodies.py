"""Request bodies the client can send: the generator sends JSON, forms, text or bytes, so a
body in none of those media types (or in none at all) is a problem now, with the others,
not later when build meets it.
"""

from __future__ import annotations

from typing import Any

from ...problems import Problem, join_pointer
from ..media import pick_content
from ..walk import follow_local


def request_body(data: dict[str, Any], op: dict[str, Any], pointer: str) -> list[Problem]:
    """The generator sends JSON, forms, text or bytes: a body it cannot send is a problem now,
    with the others, not later."""
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
    if pick_content(content, request=True) is not None:
        return []
    return [
        Problem(
            join_pointer(at, "content"),
            "unsupported request body media type(s): " + ", ".join(sorted(map(str, content))),
            hint="supported: application/json (and +json), application/x-www-form-urlencoded, "
            "application/octet-stream, text/plain",
        )
    ]
