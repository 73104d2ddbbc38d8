"""Data types of Catalog API: msgspec structs, decoded straight from response bytes."""

from __future__ import annotations

import uuid

import msgspec

from ._enum import OpenStrEnum


class Currency(OpenStrEnum):
    USD = "usd"
    EUR = "eur"
    GBP = "gbp"


class ProductStatus(OpenStrEnum):
    ACTIVE = "active"
    PAUSED = "paused"


class Visibility(OpenStrEnum):
    PUBLIC = "public"
    PRIVATE = "private"
    DRAFT = "draft"


class Dimensions(msgspec.Struct, frozen=True, kw_only=True, omit_defaults=True):
    width: float = 0.0
    height: float = 0.0


class Product(msgspec.Struct, frozen=True, kw_only=True, omit_defaults=True):
    id: uuid.UUID
    organization_id: uuid.UUID
    name: str = "Untitled product"
    quantity: int = 1
    tax_rate: float = 0.2
    weight: float = 1.0
    """A number whose default is written as an integer."""
    is_recurring: bool = False
    is_visible: bool = True
    tags: list[str] = msgspec.field(default_factory=list)
    currencies: list[Currency] = msgspec.field(
        default_factory=lambda: [Currency.USD, Currency.EUR]
    )
    prices: list[int] = msgspec.field(default_factory=lambda: [100, 200])
    metadata: dict[str, str] = msgspec.field(default_factory=dict)
    limits: dict[str, int] = msgspec.field(
        default_factory=lambda: {"per_order": 10, "per_customer": 2}
    )
    visibility: Visibility = Visibility.DRAFT
    currency: Currency = Currency.USD
    status: ProductStatus = ProductStatus.ACTIVE
    dimensions: Dimensions = msgspec.field(
        default_factory=lambda: msgspec.convert({"width": 0, "height": 0}, Dimensions)
    )
    note: str | None = "n/a"
    description: str = 'Line one.\nLine "two".'


class ProductPage(msgspec.Struct, frozen=True, kw_only=True, omit_defaults=True):
    items: list[Product]
    total: int
