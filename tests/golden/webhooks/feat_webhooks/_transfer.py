"""How one attempt moves its bytes.

A time budget for the attempt as a whole (httpx's own timeouts apply to each read, so a
server sending a byte at a time could hold a call forever), the body read under a size limit
and decompressed here as it arrives (a small gzip bomb never grows large in memory), and a
log filter that keeps credentials out of httpx's and httpcore's records of our requests.
Imported with the first client, like httpx.
"""

from __future__ import annotations

import contextvars
import logging
import time
import zlib
from collections.abc import Callable, Generator, Sequence
from typing import TYPE_CHECKING, Any, Protocol
from urllib.parse import quote

if TYPE_CHECKING:
    import httpx

# The attempt under way in this thread or task: when it must end (monotonic seconds, or
# None for no budget) and how to clean a log message of its client's credentials.
ATTEMPT: contextvars.ContextVar[tuple[float | None, Callable[[str], str] | None]] = (
    contextvars.ContextVar("attempt", default=(None, None))
)


# -- the time budget -----------------------------------------------------------------------


def _capped(timeout: float | None, kind: str) -> float | None:
    """A network operation's timeout, no later than the attempt's deadline."""
    deadline = ATTEMPT.get()[0]
    if deadline is None:
        return timeout
    left = deadline - time.monotonic()
    if left <= 0:
        import httpcore  # installed with httpx; its exceptions are what httpx maps

        error = {"connect": httpcore.ConnectTimeout, "write": httpcore.WriteTimeout}
        raise error.get(kind, httpcore.ReadTimeout)(
            "the attempt's time budget is spent"
        )
    return left if timeout is None or left < timeout else timeout


class _Stream:
    """A network stream whose every read and write ends by the attempt's deadline."""

    __slots__ = ("_inner",)

    def __init__(self, inner: Any) -> None:
        self._inner = inner

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        data: bytes = self._inner.read(max_bytes, _capped(timeout, "read"))
        return data

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, _capped(timeout, "write"))

    def close(self) -> None:
        self._inner.close()

    def start_tls(
        self,
        ssl_context: Any,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> _Stream:
        return _Stream(
            self._inner.start_tls(
                ssl_context, server_hostname, _capped(timeout, "connect")
            )
        )

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)


class _AsyncStream:
    """The asyncio twin of `_Stream`."""

    __slots__ = ("_inner",)

    def __init__(self, inner: Any) -> None:
        self._inner = inner

    async def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        data: bytes = await self._inner.read(max_bytes, _capped(timeout, "read"))
        return data

    async def write(self, buffer: bytes, timeout: float | None = None) -> None:
        await self._inner.write(buffer, _capped(timeout, "write"))

    async def aclose(self) -> None:
        await self._inner.aclose()

    async def start_tls(
        self,
        ssl_context: Any,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> _AsyncStream:
        inner = await self._inner.start_tls(
            ssl_context, server_hostname, _capped(timeout, "connect")
        )
        return _AsyncStream(inner)

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)


class _Backend:
    """httpcore's network backend, its streams held to the attempt's deadline."""

    __slots__ = ("_inner",)

    def __init__(self, inner: Any) -> None:
        self._inner = inner

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Any = None,
    ) -> _Stream:
        inner = self._inner.connect_tcp(
            host, port, _capped(timeout, "connect"), local_address, socket_options
        )
        return _Stream(inner)

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Any = None
    ) -> _Stream:
        inner = self._inner.connect_unix_socket(
            path, _capped(timeout, "connect"), socket_options
        )
        return _Stream(inner)

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


class _AsyncBackend:
    """The asyncio twin of `_Backend`."""

    __slots__ = ("_inner",)

    def __init__(self, inner: Any) -> None:
        self._inner = inner

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Any = None,
    ) -> _AsyncStream:
        inner = await self._inner.connect_tcp(
            host, port, _capped(timeout, "connect"), local_address, socket_options
        )
        return _AsyncStream(inner)

    async def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Any = None
    ) -> _AsyncStream:
        inner = await self._inner.connect_unix_socket(
            path, _capped(timeout, "connect"), socket_options
        )
        return _AsyncStream(inner)

    async def sleep(self, seconds: float) -> None:
        await self._inner.sleep(seconds)


def budgeted(client: httpx.Client | httpx.AsyncClient) -> None:
    """Hold every read, write and connect of a client we made to the attempt's deadline.

    httpx offers no setting for this: the backend of its connection pool is wrapped. Should
    a later httpx lay its pool out otherwise, the client is left as it is and the budget is
    checked between the pieces of the body only.
    """
    mounts = getattr(client, "_mounts", None) or {}
    for transport in (getattr(client, "_transport", None), *mounts.values()):
        pool: Any = getattr(transport, "_pool", None)
        inner = getattr(pool, "_network_backend", None)
        if inner is None or isinstance(inner, (_Backend, _AsyncBackend)):
            continue
        is_async = _is_coroutine(getattr(inner, "connect_tcp", None))
        pool._network_backend = _AsyncBackend(inner) if is_async else _Backend(inner)


def _is_coroutine(function: object) -> bool:
    import inspect

    return inspect.iscoroutinefunction(function)


# -- the body ------------------------------------------------------------------------------

# Decompressed at most this much at a time.
_PIECE = 256 * 1024
TOO_LARGE = "too large"
TOO_SLOW = "too slow"
UNREADABLE = "unreadable"


class Body:
    """A response body as it arrives: decompressed here piece by piece (gzip and deflate;
    httpx decodes any other coding it knows) and counted against `limit`. `failure` says
    why reading stopped early: TOO_LARGE, TOO_SLOW or UNREADABLE."""

    __slots__ = ("_head", "_inflate", "_parts", "failure", "limit", "own", "size")

    def __init__(self, coding: str, limit: int | None) -> None:
        coding = coding.strip().lower()
        self.own = coding in ("", "identity", "gzip", "x-gzip", "deflate")
        self._inflate: Any = None
        if coding in ("gzip", "x-gzip"):
            self._inflate = zlib.decompressobj(16 + zlib.MAX_WBITS)
        self._head = b"" if coding == "deflate" else None
        self._parts: list[bytes] = []
        self.size = 0
        self.limit = limit
        self.failure: str | None = None

    def feed(self, data: bytes) -> bool:
        """Take the next piece as it came off the wire; False once reading should stop."""
        if self._head is not None:
            data = self._head + data
            if len(data) < 2:
                self._head = data
                return True
            # `deflate` is meant to be zlib-wrapped; some servers send it raw.
            wrapped = data[0] & 0x0F == 8 and (data[0] << 8 | data[1]) % 31 == 0
            self._inflate = zlib.decompressobj(
                zlib.MAX_WBITS if wrapped else -zlib.MAX_WBITS
            )
            self._head = None
        inflate = self._inflate
        if inflate is None:
            return self._add(data)
        try:
            while data:
                if not self._add(inflate.decompress(data, _PIECE)):
                    return False
                data = inflate.unconsumed_tail
        except zlib.error:
            self.failure = UNREADABLE
            return False
        return True

    def finish(self) -> bool:
        """The end of the body: what the decompressor still holds."""
        if self._head:  # one byte of deflate: too short to be anything
            self.failure = UNREADABLE
            return False
        if self._inflate is None:
            return True
        try:
            return self._add(self._inflate.flush(_PIECE))
        except zlib.error:
            self.failure = UNREADABLE
            return False

    def _add(self, data: bytes) -> bool:
        if not data:
            return True
        self.size += len(data)
        if self.limit is not None and self.size > self.limit:
            self.failure = TOO_LARGE
            self._parts.clear()
            return False
        self._parts.append(data)
        return True

    def content(self) -> bytes:
        parts = self._parts
        return parts[0] if len(parts) == 1 else b"".join(parts)


def _declared_too_large(response: httpx.Response, body: Body) -> bool:
    """A Content-Length over the limit, for a body that is not compressed: refused unread
    (not for HEAD, 204 or 304, whose Content-Length is of a body they do not carry)."""
    length = response.headers.get("content-length")
    if body.limit is None or body._inflate is not None or body._head is not None:
        return False
    if response.status_code in (204, 304) or response.request.method == "HEAD":
        return False
    return length is not None and length.isdigit() and int(length) > body.limit


def _already_read(response: httpx.Response, limit: int | None) -> Body:
    """A response that came whole (a test double's, from `httpx.MockTransport`)."""
    body = Body("", limit)
    body.feed(response.content)
    return body


def read(response: httpx.Response, limit: int | None) -> Body:
    """Read a streamed response's body under the limit and the attempt's deadline."""
    if response.is_stream_consumed:
        return _already_read(response, limit)
    body = Body(response.headers.get("content-encoding", ""), limit)
    if _declared_too_large(response, body):
        body.failure = TOO_LARGE
        return body
    deadline = ATTEMPT.get()[0]
    for chunk in response.iter_raw() if body.own else response.iter_bytes():
        if not body.feed(chunk):
            return body
        if deadline is not None and time.monotonic() > deadline:
            body.failure = TOO_SLOW
            return body
    body.finish()
    return body


async def aread(response: httpx.Response, limit: int | None) -> Body:
    """The asyncio twin of `read`."""
    if response.is_stream_consumed:
        return _already_read(response, limit)
    body = Body(response.headers.get("content-encoding", ""), limit)
    if _declared_too_large(response, body):
        body.failure = TOO_LARGE
        return body
    deadline = ATTEMPT.get()[0]
    chunks = response.aiter_raw() if body.own else response.aiter_bytes()
    async for chunk in chunks:
        if not body.feed(chunk):
            return body
        if deadline is not None and time.monotonic() > deadline:
            body.failure = TOO_SLOW
            return body
    body.finish()
    return body


# -- credentials -----------------------------------------------------------------------------


def attach(
    credentials: tuple[Any, ...], encode: Callable[[str], str], cookie_safe: str
) -> httpx.Auth:
    """An httpx `Auth` that adds `credentials` (`_base.Credential`s) to a request as httpx
    sends it: the arguments our frames hold carry none of them. (The request stays as it
    was sent, for a test double that records it; no exception of ours keeps a reference
    to it.)"""
    return _attach_class()(credentials, encode, cookie_safe)


_AttachClass = Callable[[tuple[Any, ...], Callable[[str], str], str], "httpx.Auth"]
_classes: list[_AttachClass] = []


def _attach_class() -> _AttachClass:
    """The `Auth` class, made once httpx is loaded (with the first client)."""
    if _classes:
        return _classes[0]
    import httpx

    class Attach(httpx.Auth):
        def __init__(
            self,
            credentials: tuple[Any, ...],
            encode: Callable[[str], str],
            cookie_safe: str,
        ) -> None:
            by_place: dict[str, list[Any]] = {"header": [], "query": [], "cookie": []}
            for credential in credentials:
                by_place.get(credential.location, by_place["header"]).append(credential)
            self._headers = tuple(by_place["header"])
            self._queries = tuple(by_place["query"])
            self._cookies = tuple(by_place["cookie"])
            self._encode = encode
            self._cookie_safe = cookie_safe
            # How the query credentials show in the URLs of logs and errors.
            self.shown_query = "&".join(f"{encode(c.name)}=***" for c in self._queries)

        def auth_flow(
            self, request: httpx.Request
        ) -> Generator[httpx.Request, httpx.Response, None]:
            headers = request.headers
            for credential in self._headers:
                headers[credential.name] = credential.value.get()
            if self._cookies:
                cookie = headers.get("Cookie")
                pairs = [cookie] if cookie else []
                for credential in self._cookies:
                    value = quote(credential.value.get(), safe=self._cookie_safe)
                    pairs.append(f"{credential.name}={value}")
                headers["Cookie"] = "; ".join(pairs)
            if self._queries:
                encode, url = self._encode, request.url
                pairs = [url.query.decode("ascii")] if url.query else []
                for credential in self._queries:
                    name, value = encode(credential.name), credential.value.get()
                    pairs.append(f"{name}={encode(value)}")
                request.url = url.copy_with(query="&".join(pairs).encode("ascii"))
            yield request

    _classes.append(Attach)
    return Attach


# -- logs ------------------------------------------------------------------------------------

_THIRD_PARTY_LOGGERS = (
    "httpx",
    "httpcore.connection",
    "httpcore.http11",
    "httpcore.http2",
    "httpcore.proxy",
    "httpcore.socks",
)


class _Scrub(logging.Filter):
    """Rewrites a record logged during one of our attempts without its credentials
    (httpx's INFO line prints the whole URL, query credentials and all)."""

    def filter(self, record: logging.LogRecord) -> bool:
        scrub = ATTEMPT.get()[1]
        if scrub is None:
            return True
        try:
            text = record.getMessage()
        except (TypeError, ValueError):  # a record logging itself cannot format
            return True
        clean = scrub(text)
        if clean != text:
            record.msg, record.args = clean, None
        return True


_installed: list[_Scrub] = []


def install_log_filter() -> None:
    """Once per process: records outside our attempts pass untouched."""
    if _installed:
        return
    scrub = _Scrub()
    for name in _THIRD_PARTY_LOGGERS:
        logging.getLogger(name).addFilter(scrub)
    _installed.append(scrub)


class _Hidden(Protocol):
    """A text kept out of sight (`_base.Secret`)."""

    def get(self) -> str: ...


def scrubber(secrets: Sequence[_Hidden]) -> Callable[[str], str] | None:
    """A function that writes each of `secrets` in a text as `***`; longest first, so a
    secret inside another goes with it. It keeps them hidden, as the client does."""
    found = sorted(
        (s for s in secrets if s.get()), key=lambda s: len(s.get()), reverse=True
    )
    if not found:
        return None

    def scrub(text: str) -> str:
        for secret in found:
            value = secret.get()
            if value in text:
                text = text.replace(value, "***")
        return text

    return scrub
