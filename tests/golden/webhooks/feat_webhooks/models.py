"""Data types of Order desk: msgspec structs, decoded straight from response bytes."""

from __future__ import annotations

import datetime
import uuid
from typing import ClassVar, Literal, TypeAlias

import msgspec

from ._enum import OpenStrEnum


class OrderCancelledEventReason(OpenStrEnum):
    CUSTOMER = "customer"
    FRAUD = "fraud"
    STOCK = "stock"


class OrderStatus(OpenStrEnum):
    OPEN = "open"
    PAID = "paid"
    CANCELLED = "cancelled"


class CustomerDeletedPayload(
    msgspec.Struct,
    frozen=True,
    kw_only=True,
    omit_defaults=True,
    tag_field="type",
    tag="customer.deleted",
):
    type: ClassVar[Literal["customer.deleted"]] = "customer.deleted"
    customer_id: uuid.UUID


class Order(msgspec.Struct, frozen=True, kw_only=True, omit_defaults=True):
    id: str
    status: OrderStatus
    total: int
    """Cents."""


class OrderCancelledEvent(
    msgspec.Struct,
    frozen=True,
    kw_only=True,
    omit_defaults=True,
    tag_field="type",
    tag="order.cancelled",
):
    """Sent when an order is cancelled."""

    type: ClassVar[Literal["order.cancelled"]] = "order.cancelled"
    timestamp: datetime.datetime
    data: Order
    reason: OrderCancelledEventReason


class OrderCreatedEvent(
    msgspec.Struct,
    frozen=True,
    kw_only=True,
    omit_defaults=True,
    tag_field="type",
    tag="order.created",
):
    """Sent when an order is placed."""

    type: ClassVar[Literal["order.created"]] = "order.created"
    timestamp: datetime.datetime
    data: Order


WebhookEvent: TypeAlias = (
    OrderCreatedEvent | OrderCancelledEvent | CustomerDeletedPayload
)
"""Any payload the API posts to a webhook, told apart by its `type` property."""
