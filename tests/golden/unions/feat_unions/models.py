"""Data types of Payments API: msgspec structs, decoded straight from response bytes."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, Literal, TypeAlias

import msgspec

from ._enum import OpenStrEnum
from ._unions import untagged_union


class WalletProvider(OpenStrEnum):
    APPLE_PAY = "apple_pay"
    GOOGLE_PAY = "google_pay"


class BankTransfer(
    msgspec.Struct,
    frozen=True,
    kw_only=True,
    omit_defaults=True,
    tag_field="type",
    tag="bank_transfer",
):
    type: ClassVar[Literal["bank_transfer"]] = "bank_transfer"
    id: str
    iban: str


class Card(
    msgspec.Struct,
    frozen=True,
    kw_only=True,
    omit_defaults=True,
    tag_field="type",
    tag="card",
):
    type: ClassVar[Literal["card"]] = "card"
    id: str
    brand: str
    last4: str


class Cat(
    msgspec.Struct,
    frozen=True,
    kw_only=True,
    omit_defaults=True,
    tag_field="pet_type",
    tag="Cat",
):
    pet_type: ClassVar[Literal["Cat"]] = "Cat"
    name: str
    indoor: bool = True


class Charge(msgspec.Struct, frozen=True, kw_only=True, omit_defaults=True):
    id: str
    amount: int | str
    """Either minor units or a decimal string."""
    method: PaymentMethod
    metadata: dict[str, MetadataValue]
    refund_to: Card | BankTransfer | None = None
    """An inline discriminated union, with a mapping."""
    receipt_to: Recipient | None = None
    receipt_copies_to: ScheduledDeliveryRecipientSelection | None = None
    tip: float | str | msgspec.UnsetType | None = msgspec.UNSET
    """Nullable untagged scalar union."""


class Dog(
    msgspec.Struct,
    frozen=True,
    kw_only=True,
    omit_defaults=True,
    tag_field="pet_type",
    tag="Dog",
):
    pet_type: ClassVar[Literal["Dog"]] = "Dog"
    name: str
    good_boy: bool


class EmailNotification(
    msgspec.Struct,
    frozen=True,
    kw_only=True,
    omit_defaults=True,
    tag_field="type",
    tag="email",
):
    type: ClassVar[Literal["email"]] = "email"
    id: str
    address: str


class EmailRecipient(msgspec.Struct, frozen=True, kw_only=True, omit_defaults=True):
    email: str


class MailingAddressRecipient(
    msgspec.Struct, frozen=True, kw_only=True, omit_defaults=True
):
    street: str
    city: str


class PhoneRecipient(msgspec.Struct, frozen=True, kw_only=True, omit_defaults=True):
    phone: str


class PushNotification(
    msgspec.Struct,
    frozen=True,
    kw_only=True,
    omit_defaults=True,
    tag_field="type",
    tag="push",
):
    type: ClassVar[Literal["push"]] = "push"
    id: str
    device_tokens: list[str]


class SmsNotification(
    msgspec.Struct,
    frozen=True,
    kw_only=True,
    omit_defaults=True,
    tag_field="type",
    tag="sms",
):
    type: ClassVar[Literal["sms"]] = "sms"
    id: str
    phone: str


class Wallet(
    msgspec.Struct,
    frozen=True,
    kw_only=True,
    omit_defaults=True,
    tag_field="type",
    tag="wallet",
):
    type: ClassVar[Literal["wallet"]] = "wallet"
    id: str
    provider: WalletProvider


MetadataValue: TypeAlias = str | int | bool
"""A metadata value; strings, integers and booleans are JSON-distinct."""


PaymentMethod: TypeAlias = Card | BankTransfer | Wallet
"""A saved payment method, told apart by `type` through an explicit mapping."""


Pet: TypeAlias = Cat | Dog
"""A pet; the discriminator has no mapping, so the values are the schema names."""


if TYPE_CHECKING:
    Recipient: TypeAlias = EmailRecipient | PhoneRecipient
else:
    Recipient = untagged_union("Recipient", (EmailRecipient, PhoneRecipient))
"""Objects no property tells apart, decoded by trying each in turn."""


if TYPE_CHECKING:
    ScheduledDeliveryRecipientSelection: TypeAlias = (
        EmailRecipient | PhoneRecipient | MailingAddressRecipient
    )
else:
    ScheduledDeliveryRecipientSelection = untagged_union(
        "ScheduledDeliveryRecipientSelection",
        (EmailRecipient, PhoneRecipient, MailingAddressRecipient),
    )
"""Three of them under a long name, so that the call is laid out over lines."""
