"""Data types of Paged catalogue: msgspec structs, decoded straight from response bytes."""

from __future__ import annotations

import msgspec


class Item(msgspec.Struct, frozen=True, kw_only=True, omit_defaults=True):
    id: int


class ItemPage(msgspec.Struct, frozen=True, kw_only=True, omit_defaults=True):
    items: list[Item]
    pagination: ItemPagePagination


class ItemPagePagination(msgspec.Struct, frozen=True, kw_only=True, omit_defaults=True):
    total_count: int
    max_page: int


class Iteration(msgspec.Struct, frozen=True, kw_only=True, omit_defaults=True):
    number: int
