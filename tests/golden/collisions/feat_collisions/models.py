"""Data types of Expressions API: msgspec structs, decoded straight from response bytes."""

from __future__ import annotations

from typing import ClassVar, Literal, TypeAlias

import msgspec


class Identifier(
    msgspec.Struct,
    frozen=True,
    kw_only=True,
    omit_defaults=True,
    tag_field="kind",
    tag="Identifier",
):
    kind: ClassVar[Literal["Identifier"]] = "Identifier"
    name: str
    unit: Literal["none"] | None = None


class Literal_(
    msgspec.Struct,
    frozen=True,
    kw_only=True,
    omit_defaults=True,
    tag_field="kind",
    tag="Literal",
):
    kind: ClassVar[Literal["Literal"]] = "Literal"
    value: str | float | bool


class Session(msgspec.Struct, frozen=True, kw_only=True, omit_defaults=True):
    id: str


Expression: TypeAlias = Literal_ | Identifier
