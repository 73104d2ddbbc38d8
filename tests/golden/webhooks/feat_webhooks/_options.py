"""Options of one call. Every operation method takes them as keywords after its own
arguments; they override the client's settings for that call only."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypedDict

if TYPE_CHECKING:
    import httpx


class RequestOptions(TypedDict, total=False):
    """The keywords every operation method takes after its own arguments."""

    timeout: float | httpx.Timeout
    """Seconds each attempt of this call may take as a whole, or an `httpx.Timeout`."""
    max_retries: int
    """Retries of this call (of an idempotent request, or one with `idempotency_key`)."""
    extra_headers: Mapping[str, str]
    """Headers sent besides the client's and the operation's, replacing any of the same
    name."""
    extra_query: Mapping[str, Any]
    """Query parameters sent besides the operation's."""
    idempotency_key: str
    """Sent as `Idempotency-Key`. With one, a request of any method is retried: the server
    can tell a retry from a new request."""


OPTION_NAMES = frozenset(RequestOptions.__optional_keys__)
