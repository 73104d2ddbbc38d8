"""Request bodies -> what the method takes as `body`, and how the runtime sends it."""

from __future__ import annotations

from typing import Any

from ..ir import BYTES, NONE, NULL, STR, Body
from ..problems import Problem, join_pointer
from ..spec.media import pick_content
from .schemas import Schemas
from .typeops import make_union


def body(schemas: Schemas, spec: dict[str, Any], pointer: str, pascal: str, problems: list[Problem]) -> Body | None:
    raw = spec.get("requestBody")
    if raw is None:
        return None
    found, at = schemas.doc.resolve(raw, join_pointer(pointer, "requestBody"))
    content = found.get("content") or {}
    choice = pick_content(content, request=True)
    if choice is None:
        problems.append(
            Problem(
                join_pointer(at, "content"),
                "unsupported request body media type(s): " + ", ".join(sorted(content)),
                hint="supported: application/json (and +json), "
                "application/x-www-form-urlencoded, application/octet-stream, text/plain",
            )
        )
        return None
    media, kind = choice
    schema = (content.get(media) or {}).get("schema")
    t = schemas.convert(schema, join_pointer(at, "content", media, "schema"), pascal + "Body")
    if kind == "bytes":
        t = BYTES
    elif kind == "text":
        t = STR
    required = bool(found.get("required"))
    return Body(
        name="body",
        content_type=media,
        encoding=kind,
        type=t,
        declared=t if required else make_union([t, NONE]),
        default=None if required else NULL,
        required=required,
        description=found.get("description"),
    )
