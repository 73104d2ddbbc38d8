"""What models.py declares: structs, enums, and named unions with their decoding strategy."""

from __future__ import annotations

from dataclasses import dataclass

from .types import TypeRef
from .values import Default


@dataclass(frozen=True)
class Field:
    name: str
    wire_name: str
    # The schema's type, and the type the class declares (with None, or UNSET beside None
    # for a nullable field, when the field may be left out).
    type: TypeRef
    declared: TypeRef
    # None when the field is required.
    default: Default | None
    required: bool
    description: str | None
    # The field's documentation: its description, after any read-only, write-only or
    # deprecated note.
    doc: str | None
    deprecated: bool
    read_only: bool
    write_only: bool
    constraints: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Tag:
    """The discriminator value a struct carries in a tagged union."""

    wire_name: str
    attr: str
    value: str | int


@dataclass(frozen=True)
class Model:
    name: str
    pointer: str
    title: str | None
    description: str | None
    # The class documentation: the description, else a title that says more than the name.
    doc: str | None
    fields: tuple[Field, ...]
    tag: Tag | None


@dataclass(frozen=True)
class EnumMember:
    name: str
    value: str | int
    description: str | None


@dataclass(frozen=True)
class EnumType:
    name: str
    pointer: str
    # The JSON type of the values: "str" or "int".
    base: str
    description: str | None
    doc: str | None
    members: tuple[EnumMember, ...]


@dataclass(frozen=True)
class Dispatch:
    """A discriminator the runtime reads itself: the property, and the variant each value
    names (several values may name one variant, which msgspec's struct tags cannot say)."""

    property: str
    variants: tuple[tuple[str | int, TypeRef], ...]


# How a named union is decoded (see build/unions.py):
# - NATIVE: msgspec tells the variants apart by JSON type and by struct tags;
# - TRIED: the runtime tries each variant, exact values first and, for objects, the variant
#   that knows most of the keys; a Dispatch, when present, picks the variant first.
NATIVE = "native"
TRIED = "tried"


@dataclass(frozen=True)
class Alias:
    name: str
    pointer: str
    # For a TRIED union, its variants in the order they are tried.
    type: TypeRef
    description: str | None
    strategy: str
    dispatch: Dispatch | None

    @property
    def untagged(self) -> bool:
        """Decoded by trying variants, not natively."""
        return self.strategy == TRIED
