"""What build learns of a model or union before the whole API is known: mutable, and
finished into IR values once every operation has been read (fields.py)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..ir import Dispatch, TypeRef


@dataclass
class FieldDraft:
    wire: str
    name: str
    type: TypeRef
    required: bool
    has_default: bool
    default: Any
    description: str | None
    deprecated: bool
    constraints: tuple[tuple[str, str], ...]
    # Only in responses (readOnly) or only in requests (writeOnly).
    read_only: bool = False
    write_only: bool = False


@dataclass
class ModelDraft:
    name: str
    pointer: str
    title: str | None
    description: str | None
    fields: list[FieldDraft] = field(default_factory=list)
    # The discriminator property and value the struct is tagged with, once a union says so.
    tag: tuple[str, str | int] | None = None


@dataclass
class AliasDraft:
    pointer: str
    type: TypeRef
    description: str | None
    # Decoded by trying variants (msgspec cannot tell them apart).
    untagged: bool
    dispatch: Dispatch | None = None
