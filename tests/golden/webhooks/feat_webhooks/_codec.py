"""Decoding and encoding with the client's own rules, for JSON that did not come through a
call: a webhook payload, stored JSON, a queue message. The same open enums, union choices
and formats apply as to a response body."""

from __future__ import annotations

import functools
from typing import Any, TypeVar, overload

import msgspec

from . import errors
from ._base import Json
from ._unions import decode_hook

T = TypeVar("T")


@overload
def decode(type: type[T], data: object) -> T: ...
@overload
def decode(type: Any, data: object) -> Any: ...
def decode(type: Any, data: object) -> Any:
    """`data` as `type`: a model, an enum, a union alias from `models`, or any annotation
    built from them (`list[models.Item]`).

    JSON text (`bytes` or `str`) is parsed; any other value is taken as JSON already parsed
    (dicts, lists, strings, numbers). Raises `errors.DecodeError`, whose `path` points at the
    value that does not fit.
    """
    try:
        if isinstance(data, (bytes, bytearray, memoryview, str)):
            return _decoder(type).decode(data)
        return msgspec.convert(data, type, dec_hook=decode_hook)
    except (msgspec.ValidationError, msgspec.DecodeError) as exc:
        raise errors.DecodeError.from_msgspec(
            exc, f"decode({_name(type)})", _raw(data), type, subject="data"
        ) from None


def encode(value: Any) -> bytes:
    """`value` (a model, an enum, a list or dict of them) as the JSON the client would send."""
    return msgspec.json.encode(value)


@functools.lru_cache(maxsize=256)
def _decoder(type: Any) -> Json:
    """The decoder a response of this type gets, kept per type as each endpoint keeps its own."""
    return Json(type)


def _raw(data: object) -> bytes:
    """What `DecodeError.body` keeps: the text given, or nothing for parsed values."""
    if isinstance(data, str):
        return data.encode("utf-8", "surrogatepass")
    if isinstance(data, (bytes, bytearray, memoryview)):
        return bytes(data)
    return b""


def _name(type: Any) -> str:
    return getattr(type, "__name__", None) or str(type)
