"""Data types of Media types: msgspec structs, decoded straight from response bytes."""

from __future__ import annotations

import msgspec

from ._base import FileInput


class DocumentUpload(msgspec.Struct, frozen=True, kw_only=True, omit_defaults=True):
    content: FileInput
    title: str | None = None


class FilesUploadBody(msgspec.Struct, frozen=True, kw_only=True, omit_defaults=True):
    file: FileInput
    """The file itself."""
    attachments: list[FileInput] | None = None
    purpose: str
    count: int | None = None
    tags: list[str] | None = None
    meta: Meta | None = None
    notes: str | None = None


class Meta(msgspec.Struct, frozen=True, kw_only=True, omit_defaults=True):
    author: str | None = None
    pages: int | None = None


class Offer(msgspec.Struct, frozen=True, kw_only=True, omit_defaults=True):
    sdp: str


class StoredFile(msgspec.Struct, frozen=True, kw_only=True, omit_defaults=True):
    id: str
    size: int
    filename: str | None = None
