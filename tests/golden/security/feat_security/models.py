"""Data types of Security schemes: msgspec structs, decoded straight from response bytes."""

from __future__ import annotations

import msgspec


class Item(msgspec.Struct, frozen=True, kw_only=True, omit_defaults=True):
    id: int


class Problem(msgspec.Struct, frozen=True, kw_only=True, omit_defaults=True):
    detail: str | None = None
