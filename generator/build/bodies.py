"""Request bodies -> what the method takes as `body`, in which media types, and how the
runtime sends each (spec/media.py names the encodings, multipart.py reads forms)."""

from __future__ import annotations

from typing import Any

from ..ir import BYTES, NONE, NULL, STR, Body, BodyMedia, Part, TypeRef, members
from ..problems import Problem, join_pointer
from ..spec.media import NOT_A_FORM, is_form_schema, usable_media
from . import multipart
from .schemas import Schemas
from .typeops import make_union


def body(schemas: Schemas, spec: dict[str, Any], pointer: str, pascal: str, problems: list[Problem]) -> Body | None:
    raw = spec.get("requestBody")
    if raw is None:
        return None
    found, at = schemas.doc.resolve(raw, join_pointer(pointer, "requestBody"))
    content = found.get("content") or {}
    usable = usable_media(
        content, lambda m: is_form_schema(schemas.doc.resolve((content.get(m) or {}).get("schema"), "")[0])
    )
    if not usable:
        message = NOT_A_FORM if content else "the request body names no media type"
        problems.append(Problem(join_pointer(at, "content"), message))
        return None
    choices: list[BodyMedia] = []
    parts: tuple[Part, ...] = ()
    for media, kind in usable:
        entry = content.get(media) or {}
        where = join_pointer(at, "content", media)
        choices.append(BodyMedia(media, kind, _media_type(schemas, entry, where, kind, pascal)))
        if kind == "multipart" and not parts:
            parts = multipart.parts(entry.get("encoding"))
    t = make_union([c.type for c in choices])
    required = bool(found.get("required"))
    return Body(
        name="body",
        content_type=choices[0].content_type,
        encoding=choices[0].encoding,
        type=t,
        declared=t if required else make_union([t, NONE]),
        default=None if required else NULL,
        required=required,
        description=found.get("description"),
        choices=tuple(choices) if len(choices) > 1 else (),
        parts=parts,
    )


def _media_type(schemas: Schemas, entry: dict[str, Any], where: str, kind: str, pascal: str) -> TypeRef:
    """What the body argument accepts in one media type: the schema's type for JSON and
    forms (a form's file fields marked on its model), `str` for text, else `bytes`."""
    if kind == "text":
        return STR
    if kind == "bytes":
        return BYTES
    schema = entry.get("schema")
    t = schemas.convert(schema, join_pointer(where, "schema"), pascal + "Body")
    if kind == "multipart":
        files = multipart.file_fields(schemas, schema, join_pointer(where, "schema"), entry.get("encoding"))
        for m in members(t):
            if m.kind == "model" and files:
                schemas.file_parts.setdefault(m.name, {}).update(files)
    return t
