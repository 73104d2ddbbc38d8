"""Responses as they came: `client.with_raw_response` gives each operation a twin that
returns a `RawResponse` (status, headers, timing) instead of the typed result alone."""

from __future__ import annotations

import datetime
from collections.abc import Awaitable, Callable
from contextvars import ContextVar
from typing import TYPE_CHECKING, Generic, ParamSpec, TypeVar, cast

if TYPE_CHECKING:
    import httpx

T = TypeVar("T")
P = ParamSpec("P")

# Set while a raw twin runs: the runtime then answers with a `RawResponse`.
WANTS_RAW: ContextVar[bool] = ContextVar("wants_raw", default=False)

# Headers servers commonly name their request id in, in the order they are looked up.
REQUEST_ID_HEADERS = ("x-request-id", "request-id", "x-amzn-requestid", "x-trace-id")


class RawResponse(Generic[T]):
    """A success response read whole. `parse()` gives what the operation itself returns;
    errors are raised as the operation raises them."""

    __slots__ = (
        "_parse",
        "_parsed",
        "content",
        "elapsed",
        "headers",
        "http_version",
        "status_code",
        "url",
    )

    def __init__(
        self,
        *,
        status_code: int,
        headers: httpx.Headers,
        http_version: str,
        elapsed: float,
        content: bytes,
        url: str,
        parse: Callable[[], T],
    ) -> None:
        self.status_code = status_code
        self.headers = headers
        self.http_version = http_version
        self.elapsed = datetime.timedelta(seconds=elapsed)
        self.content = content
        # The URL as errors and logs show it: query credentials as ***, no userinfo.
        self.url = url
        self._parse = parse
        self._parsed: tuple[T] | None = None

    @property
    def request_id(self) -> str | None:
        """The server's id of this request, from the first header of
        `REQUEST_ID_HEADERS` it sent."""
        for name in REQUEST_ID_HEADERS:
            value: str | None = self.headers.get(name)
            if value is not None:
                return value
        return None

    def parse(self) -> T:
        """The typed result, decoded once (a `DecodeError` when it does not match)."""
        if self._parsed is None:
            self._parsed = (self._parse(),)
        return self._parsed[0]

    def __repr__(self) -> str:
        return f"<RawResponse [{self.status_code}] {self.url}>"


def raw(method: Callable[P, T]) -> Callable[P, RawResponse[T]]:
    """The raw twin of an operation method of the blocking client."""

    def call(*args: P.args, **kwargs: P.kwargs) -> RawResponse[T]:
        token = WANTS_RAW.set(True)
        try:
            return cast("RawResponse[T]", method(*args, **kwargs))
        finally:
            WANTS_RAW.reset(token)

    return call


def async_raw(
    method: Callable[P, Awaitable[T]],
) -> Callable[P, Awaitable[RawResponse[T]]]:
    """The raw twin of an operation method of the asyncio client."""

    async def call(*args: P.args, **kwargs: P.kwargs) -> RawResponse[T]:
        token = WANTS_RAW.set(True)
        try:
            return cast("RawResponse[T]", await method(*args, **kwargs))
        finally:
            WANTS_RAW.reset(token)

    return call
