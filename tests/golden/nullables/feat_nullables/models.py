"""Data types of Profiles API: msgspec structs, decoded straight from response bytes."""

from __future__ import annotations

import datetime
import uuid

import msgspec


class Error(msgspec.Struct, frozen=True, kw_only=True, omit_defaults=True):
    detail: str
    code: str | msgspec.UnsetType | None = msgspec.UNSET


class Image(msgspec.Struct, frozen=True, kw_only=True, omit_defaults=True):
    url: str
    width: int
    height: int


class Profile(msgspec.Struct, frozen=True, kw_only=True, omit_defaults=True):
    id: uuid.UUID
    display_name: str | None
    """Required and nullable, in the anyOf spelling."""
    bio: str | None
    """Required and nullable, in the type-list spelling."""
    avatar: Image | None
    """Required, nullable reference to a model."""
    banner: Image | msgspec.UnsetType | None = msgspec.UNSET
    """Optional, nullable reference to a model."""
    tags: list[str] | None
    """Required, nullable array."""
    aliases: list[str | None] | None = None
    """Optional array of nullable strings."""
    nickname: str | msgspec.UnsetType | None = msgspec.UNSET
    """Optional and nullable, no default."""
    website: str | None = None
    """Optional and not nullable."""
    manager_id: uuid.UUID | None
    created_at: datetime.datetime
    deleted_at: datetime.datetime | None = None
    """Optional and nullable, defaulting to null."""
    max_sessions: int | None = 5
    """Optional and nullable with a non-null default."""
    score: float | msgspec.UnsetType | None = msgspec.UNSET
    """Optional nullable number."""
    links: dict[str, str] | msgspec.UnsetType | None = msgspec.UNSET
    """Optional nullable map."""


class ProfileUpdate(msgspec.Struct, frozen=True, kw_only=True, omit_defaults=True):
    display_name: str | msgspec.UnsetType | None = msgspec.UNSET
    bio: str | msgspec.UnsetType | None = msgspec.UNSET
    avatar: Image | msgspec.UnsetType | None = msgspec.UNSET
    tags: list[str] | msgspec.UnsetType | None = msgspec.UNSET
    website: str | None = None
