"""Data types of Records API: msgspec structs, decoded straight from response bytes."""

from __future__ import annotations

import builtins
import datetime
import uuid

import msgspec

from ._enum import OpenStrEnum


class RecordType(OpenStrEnum):
    NOTE = "note"
    TASK = "task"
    EVENT = "event"


class Attachment(msgspec.Struct, frozen=True, kw_only=True, omit_defaults=True):
    url: str
    size: int | None = None


class ListResourceRecord(msgspec.Struct, frozen=True, kw_only=True, omit_defaults=True):
    items: list[Record]


class Record(msgspec.Struct, frozen=True, kw_only=True, omit_defaults=True):
    class_: builtins.str = msgspec.field(name="class")
    """The record's class (a Python keyword)."""
    from_: builtins.str = msgspec.field(name="from")
    import_: bool | None = msgspec.field(name="import", default=None)
    list: builtins.list[builtins.str] | None = None
    type: RecordType | None = None
    str: builtins.str | None = None
    content_type: builtins.str | None = msgspec.field(name="content-type", default=None)
    x_y: int | None = msgspec.field(name="x.y", default=None)
    display_name: builtins.str | None = msgspec.field(name="display name", default=None)
    created_at: datetime.datetime | None = msgspec.field(name="createdAt", default=None)
    field_2fa_enabled: bool | None = msgspec.field(name="2fa_enabled", default=None)
    e: builtins.str | None = msgspec.field(name="é", default=None)
    u540d_u524d: builtins.str = msgspec.field(name="名前")
    msgspec_: builtins.str | None = msgspec.field(name="msgspec", default=None)
    datetime_: datetime.date | None = msgspec.field(name="datetime", default=None)
    links: dict[builtins.str, builtins.str] | None = msgspec.field(
        name="_links", default=None
    )
    """Hypermedia links, a map of strings."""
    location: tuple[float, float]
    """Latitude and longitude."""
    attachments: dict[builtins.str, Attachment] | None = None
    due: datetime.date | None = None
    id: uuid.UUID
    owner: Attachment
    """The attachment that owns this record (a $ref with a sibling description)."""
    homepage: builtins.str | None = None
    checksum: bytes | None = None
    thumbnail: bytes | None = None
    self: builtins.str | None = None


class RecordCreate(msgspec.Struct, frozen=True, kw_only=True, omit_defaults=True):
    """A record as sent by a client."""

    class_: builtins.str = msgspec.field(name="class")
    """The record's class (a Python keyword)."""
    from_: builtins.str = msgspec.field(name="from")
    import_: bool | None = msgspec.field(name="import", default=None)
    list: builtins.list[builtins.str] | None = None
    type: RecordType | None = None
    str: builtins.str | None = None
    content_type: builtins.str | None = msgspec.field(name="content-type", default=None)
    x_y: int | None = msgspec.field(name="x.y", default=None)
    display_name: builtins.str | None = msgspec.field(name="display name", default=None)
    created_at: datetime.datetime | None = msgspec.field(name="createdAt", default=None)
    field_2fa_enabled: bool | None = msgspec.field(name="2fa_enabled", default=None)
    e: builtins.str | None = msgspec.field(name="é", default=None)
    u540d_u524d: builtins.str = msgspec.field(name="名前")
    msgspec_: builtins.str | None = msgspec.field(name="msgspec", default=None)
    datetime_: datetime.date | None = msgspec.field(name="datetime", default=None)
    links: dict[builtins.str, builtins.str] | None = msgspec.field(
        name="_links", default=None
    )
    """Hypermedia links, a map of strings."""
    location: tuple[float, float]
    """Latitude and longitude."""
    attachments: dict[builtins.str, Attachment] | None = None
    due: datetime.date | None = None
