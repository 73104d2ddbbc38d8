"""A model's drafts -> IR fields: which fields are required of a class that travels in a
given direction, what an optional field defaults to, and how each is documented."""

from __future__ import annotations

import dataclasses

from .. import naming
from ..ir import (
    NONE,
    NULL,
    UNSET,
    UNSET_DEFAULT,
    Default,
    EnumType,
    Field,
    Model,
    Tag,
    TypeRef,
    members,
)
from .defaults import default_value
from .drafts import FieldDraft, ModelDraft
from .enums import title_doc
from .typeops import make_union


def finish_model(
    draft: ModelDraft,
    sent: frozenset[str],
    received: frozenset[str],
    enums: dict[str, EnumType],
    files: dict[str, TypeRef] | None = None,
) -> Model:
    """`sent`, `received`: the models that travel in requests, in responses. One class
    serves both directions; a field the spec keeps out of one direction cannot be required
    in a class that travels in it. `files`: the fields, by wire name, that carry files in a
    multipart form (build/multipart.py); a class also read from responses keeps `bytes`
    there, since a file object cannot be decoded."""
    tag: Tag | None = None
    drafts = draft.fields
    if draft.tag is not None:
        wire, value = draft.tag
        attr = next((f.name for f in drafts if f.wire == wire), naming.identifier(wire))
        tag = Tag(wire_name=wire, attr=attr, value=value)
        drafts = [f for f in drafts if f.wire != wire]
    if files and draft.name not in received:
        drafts = [dataclasses.replace(f, type=files.get(f.wire, f.type)) for f in drafts]
    return Model(
        name=draft.name,
        pointer=draft.pointer,
        title=draft.title,
        description=draft.description,
        doc=draft.description or title_doc(draft.title, draft.name),
        fields=tuple(_field(f, draft.name in sent, draft.name in received, enums) for f in drafts),
        tag=tag,
    )


def _field(f: FieldDraft, sent: bool, received: bool, enums: dict[str, EnumType]) -> Field:
    required = f.required and not ((f.read_only and sent) or (f.write_only and received))
    declared, default = f.type, None
    if not required:
        default = default_value(f.default, f.type, enums) if f.has_default else None
        if default is None:
            declared, default = _optional(f.type)
    doc = f.description
    if f.read_only or f.write_only:
        note = "Read-only: set by the server." if f.read_only else "Write-only: never returned."
        doc = note + (f" {doc}" if doc else "")
    if f.deprecated:
        doc = "Deprecated." + (f" {doc}" if doc else "")
    return Field(
        name=f.name,
        wire_name=f.wire,
        type=f.type,
        declared=declared,
        default=default,
        required=required,
        description=f.description,
        doc=doc,
        deprecated=f.deprecated,
        read_only=f.read_only,
        write_only=f.write_only,
        constraints=f.constraints,
    )


def _optional(t: TypeRef) -> tuple[TypeRef, Default]:
    """A field that may be left out: absent is None, unless null means something of its
    own (a nullable field), where absent is UNSET and stays apart from null."""
    if t.is_nullable:
        real = tuple(m for m in members(t) if m != NONE)
        return TypeRef("union", args=(*real, UNSET, NONE)), UNSET_DEFAULT
    return make_union([t, NONE]), NULL
