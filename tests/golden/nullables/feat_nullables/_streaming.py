"""Bodies that are not read whole: server-sent events and streamed responses.

`Stream` and `AsyncStream` walk a `text/event-stream` body event by event as it arrives;
`client.with_streaming_response` gives each operation a twin that hands over the response
with its body unread (`StreamedResponse`). Neither is held to `max_response_size`: a stream
may be as long as the server keeps it open. The client's time budget covers the wait for
the response's headers; after that each read has httpx's own timeouts.
"""

from __future__ import annotations

import codecs
import contextlib
import os
import sys
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from contextvars import ContextVar
from types import TracebackType
from typing import TYPE_CHECKING, Any, Generic, ParamSpec, TypeVar, cast

from . import errors
from ._raw_response import REQUEST_ID_HEADERS

if TYPE_CHECKING:
    import httpx

T = TypeVar("T")
P = ParamSpec("P")

# Set while a streaming twin runs: the runtime then answers with the response unread.
WANTS_STREAM: ContextVar[bool] = ContextVar("wants_stream", default=False)

# The `data` that ends a stream of JSON events (no JSON value is spelt so).
DONE = "[DONE]"


class Event(Generic[T]):
    """One server-sent event: its `event` name (`"message"` when the server gave none),
    its `data` as sent (lines joined with `\\n`), the last `id` the stream set, the `retry`
    time in milliseconds the event carried, and `value`: `data` decoded into the type the
    spec gives, on first use (a `DecodeError` when it does not fit). Events the spec does
    not describe are kept as they came: read their `data`."""

    __slots__ = ("_decode", "_value", "data", "event", "id", "index", "retry")

    def __init__(
        self,
        event: str,
        data: str,
        id: str | None,
        retry: int | None,
        index: int,
        decode: Callable[[Event[T]], T] | None = None,
    ) -> None:
        self.event = event
        self.data = data
        self.id = id
        self.retry = retry
        # Its position in the stream, from 0, for error messages.
        self.index = index
        self._decode = decode
        self._value: tuple[T] | None = None

    @property
    def value(self) -> T:
        found = self._value
        if found is None:
            decode = self._decode
            found = self._value = (
                (cast(T, self.data),) if decode is None else (decode(self),)
            )
        return found[0]

    def __repr__(self) -> str:
        data = self.data if len(self.data) <= 60 else self.data[:57] + "..."
        return f"Event(event={self.event!r}, data={data!r}, id={self.id!r})"


class EventParser:
    """The WHATWG event-stream grammar, fed bytes as they arrive: lines end in CRLF, LF
    or CR; `:` starts a comment; `data` lines join with `\\n`; a blank line dispatches; an
    event left without its blank line when the stream ends is dropped."""

    __slots__ = (
        "_after_cr",
        "_data",
        "_decoder",
        "_event",
        "_pending",
        "_retry",
        "_started",
        "count",
        "last_id",
    )

    def __init__(self) -> None:
        self._decoder = codecs.getincrementaldecoder("utf-8")("replace")
        self._pending = ""
        self._started = False
        self._after_cr = False
        self._data: list[str] = []
        self._event = ""
        self._retry: int | None = None
        self.last_id: str | None = None
        self.count = 0

    def feed(self, chunk: bytes) -> list[tuple[str, str, str | None, int | None]]:
        """The events `chunk` completes: (event, data, id, retry) each."""
        text = self._decoder.decode(chunk)
        if not text:
            return []
        if not self._started:
            self._started = True
            if text[0] == "\ufeff":
                text = text[1:]
        if self._after_cr and text[:1] == "\n":
            text = text[1:]  # the LF of a CRLF split between two chunks
        self._after_cr = text.endswith("\r")
        text = self._pending + text
        if "\r" in text:
            text = text.replace("\r\n", "\n").replace("\r", "\n")
        lines = text.split("\n")
        self._pending = lines.pop()
        return self._lines(lines) if lines else []

    def _lines(self, lines: list[str]) -> list[tuple[str, str, str | None, int | None]]:
        out: list[tuple[str, str, str | None, int | None]] = []
        data = self._data
        for line in lines:
            if not line:
                if data:
                    out.append(
                        (
                            self._event or "message",
                            "\n".join(data),
                            self.last_id,
                            self._retry,
                        )
                    )
                    data.clear()
                self._event = ""
                self._retry = None
                continue
            if line[0] == ":":
                continue
            field, colon, value = line.partition(":")
            if colon and value[:1] == " ":
                value = value[1:]
            if field == "data":
                data.append(value)
            elif field == "event":
                self._event = value
            elif field == "id" and "\0" not in value:
                self.last_id = value
            elif field == "retry" and value.isascii() and value.isdigit():
                self._retry = int(value)
        return out


class EventDecoder(Generic[T]):
    """Decodes an event's `data` with the client's JSON rules; a `DecodeError` names the
    event's position in the stream."""

    __slots__ = ("_decode", "operation_id", "type")

    def __init__(
        self, decode: Callable[[str], T], type: Any, operation_id: str
    ) -> None:
        self._decode = decode
        self.type = type
        self.operation_id = operation_id

    def __call__(self, event: Event[T]) -> T:
        import msgspec

        try:
            return self._decode(event.data)
        except (msgspec.ValidationError, msgspec.DecodeError, RecursionError) as exc:
            error = exc
        where = f"event {event.index} ({event.event!r}"
        where += f", id {event.id!r})" if event.id is not None else ")"
        if isinstance(error, RecursionError):
            error = msgspec.DecodeError("nested deeper than this client decodes")
        raise errors.DecodeError.from_msgspec(
            error,
            self.operation_id,
            event.data.encode("utf-8", "surrogatepass"),
            self.type,
            subject=f"the data of {where}",
        ) from None


def _broken(exc: Exception, operation_id: str, events: int) -> errors.APIError:
    """Our error for httpx's, raised by the caller outside its `except` block so that
    httpx's (which holds the request) is not kept as its context."""
    import httpx

    after = f"after {events} event(s)" if events >= 0 else "while reading the body"
    if isinstance(exc, httpx.TimeoutException):
        return errors.APITimeoutError(f"{operation_id}: the stream timed out {after}")
    return errors.APIConnectionError(
        f"{operation_id}: the connection broke {after} ({type(exc).__name__}: {exc})"
    )


class _Open:
    """What streams and streamed responses share: the response, shut on close."""

    __slots__ = ("_closed", "_response", "operation_id", "url")

    def __init__(self, response: httpx.Response, operation_id: str, url: str) -> None:
        self._response = response
        self._closed = False
        self.operation_id = operation_id
        # The URL as errors and logs show it: query credentials as ***, no userinfo.
        self.url = url

    @property
    def status_code(self) -> int:
        return self._response.status_code

    @property
    def headers(self) -> httpx.Headers:
        return self._response.headers

    @property
    def http_version(self) -> str:
        return self._response.http_version

    @property
    def closed(self) -> bool:
        return self._closed

    def __repr__(self) -> str:
        return f"<{type(self).__name__} [{self.status_code}] {self.url}>"


class Stream(_Open, Generic[T]):
    """The events of a `text/event-stream` response, read as they arrive. Iterate it
    (once); the connection closes at the end of the stream (or its `[DONE]`), on `break`,
    on an error, and on leaving `with`. A connection that breaks mid-stream raises
    `APIConnectionError` (`APITimeoutError` for a read that timed out)."""

    __slots__ = ("_decode", "_iterator", "_json", "_parser")

    def __init__(
        self,
        response: httpx.Response,
        operation_id: str,
        url: str,
        decode: Callable[[Event[T]], T] | None,
    ) -> None:
        super().__init__(response, operation_id, url)
        self._decode = decode
        # `[DONE]` ends a stream of JSON events; a stream of text keeps it as data.
        self._json = decode is not None
        self._parser = EventParser()
        self._iterator: Iterator[Event[T]] | None = None

    def __iter__(self) -> Iterator[Event[T]]:
        return self._events()

    def __next__(self) -> Event[T]:
        if self._iterator is None:
            self._iterator = self._events()
        return next(self._iterator)

    def _events(self) -> Iterator[Event[T]]:
        if self._closed:
            return
        parser, decode, done = self._parser, self._decode, self._json
        failure: errors.APIError | None = None
        try:
            try:
                for chunk in self._response.iter_bytes():
                    for event, data, id, retry in parser.feed(chunk):
                        if done and data == DONE:
                            return
                        yield Event(event, data, id, retry, parser.count, decode)
                        parser.count += 1
            except Exception as exc:
                if not _is_httpx(exc):
                    raise
                failure = _broken(exc, self.operation_id, parser.count)
            if failure is not None:
                raise failure
        finally:
            self.close()

    def close(self) -> None:
        """Close the connection (the rest of the stream is not read)."""
        if not self._closed:
            self._closed = True
            self._response.close()

    def __del__(self) -> None:
        # A stream dropped unread must not hold its connection until the pool times out.
        if not getattr(self, "_closed", True):
            with contextlib.suppress(Exception):  # nothing to report to at collection
                self.close()

    def __enter__(self) -> Stream[T]:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


# Closings of dropped async streams still running: a loop keeps only weak references to
# its tasks.
_CLOSING: set[Any] = set()


def _running_loop() -> Any:
    """The asyncio loop running in this thread; None under another framework (trio)."""
    if "asyncio" not in sys.modules:
        return None  # not loaded, so not running: asyncio is never imported for this
    import asyncio

    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        return None


def _close_in_background(response: httpx.Response) -> None:
    """On the stream's own loop: its response closed by a task of its own."""
    import asyncio

    task = asyncio.get_running_loop().create_task(response.aclose())
    _CLOSING.add(task)
    task.add_done_callback(_closed_in_background)


def _closed_in_background(task: Any) -> None:
    _CLOSING.discard(task)
    if not task.cancelled():
        task.exception()  # retrieved: a failed close has no one to tell


class AsyncStream(_Open, Generic[T]):
    """The asyncio twin of `Stream`: `async for` over it, `async with` to close it. An
    `async for` left by `break` closes the connection once the event loop finalizes the
    iteration, and a stream dropped unread is closed by a task of the running loop; leave
    `async with` (or call `aclose()`) to close it at once."""

    __slots__ = ("_decode", "_iterator", "_json", "_loop", "_parser")

    def __init__(
        self,
        response: httpx.Response,
        operation_id: str,
        url: str,
        decode: Callable[[Event[T]], T] | None,
    ) -> None:
        super().__init__(response, operation_id, url)
        self._decode = decode
        self._json = decode is not None
        self._parser = EventParser()
        self._iterator: AsyncIterator[Event[T]] | None = None
        # The loop its connection belongs to: a stream dropped unread is closed there.
        self._loop = _running_loop()

    def __aiter__(self) -> AsyncIterator[Event[T]]:
        return self._events()

    async def __anext__(self) -> Event[T]:
        if self._iterator is None:
            self._iterator = self._events()
        return await self._iterator.__anext__()

    async def _events(self) -> AsyncIterator[Event[T]]:
        if self._closed:
            return
        parser, decode, done = self._parser, self._decode, self._json
        failure: errors.APIError | None = None
        try:
            try:
                async for chunk in self._response.aiter_bytes():
                    for event, data, id, retry in parser.feed(chunk):
                        if done and data == DONE:
                            return
                        yield Event(event, data, id, retry, parser.count, decode)
                        parser.count += 1
            except Exception as exc:
                if not _is_httpx(exc):
                    raise
                failure = _broken(exc, self.operation_id, parser.count)
            if failure is not None:
                raise failure
        finally:
            await self.aclose()

    async def aclose(self) -> None:
        """Close the connection (the rest of the stream is not read)."""
        if not self._closed:
            self._closed = True
            await self._response.aclose()

    def __del__(self) -> None:
        # A stream dropped unread must not hold its connection until the pool times out.
        # Nothing can be awaited here: the closing goes to the stream's own event loop, as
        # a task, whichever thread collects the stream. Under another framework (trio),
        # or once that loop is closed, the client's own close ends the connection.
        loop = getattr(self, "_loop", None)
        if getattr(self, "_closed", True) or loop is None or loop.is_closed():
            return
        self._closed = True
        with contextlib.suppress(RuntimeError):  # the loop closed in the meantime
            loop.call_soon_threadsafe(_close_in_background, self._response)

    async def __aenter__(self) -> AsyncStream[T]:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()


def not_an_event_stream(
    operation_id: str, headers: httpx.Headers
) -> errors.APIError | None:
    """The error for a success that is JSON where events were asked for (a server that
    ignored `Accept`), else None: read as events it would look like an empty stream."""
    media = headers.get("content-type", "").split(";")[0].strip().lower()
    if media != "application/json" and not media.endswith("+json"):
        return None
    return errors.DecodeError(
        f"{operation_id}: expected an event stream (text/event-stream), the server sent"
        f" {media}",
        operation_id=operation_id,
        path=None,
        body=b"",
    )


def _is_httpx(exc: Exception) -> bool:
    """An httpx transport or stream error (httpx is loaded: a response exists)."""
    import httpx

    return isinstance(exc, (httpx.RequestError, httpx.StreamError))


class _Streamed(_Open):
    @property
    def request_id(self) -> str | None:
        """The server's id of this request, from the first of `REQUEST_ID_HEADERS`."""
        for name in REQUEST_ID_HEADERS:
            value: str | None = self.headers.get(name)
            if value is not None:
                return value
        return None


class StreamedResponse(_Streamed, Generic[T]):
    """A success response whose body is not read yet: `iter_bytes()` walks it piece by
    piece, `write_to(path)` saves it, `read()` reads it whole and `parse()` gives what the
    operation itself returns. No size limit applies. Leaving `with` closes the connection;
    errors are raised as the operation raises them, before it is returned."""

    __slots__ = ("_parse",)

    def __init__(
        self,
        response: httpx.Response,
        operation_id: str,
        url: str,
        parse: Callable[[StreamedResponse[T]], T],
    ) -> None:
        super().__init__(response, operation_id, url)
        self._parse = parse

    def iter_bytes(self, chunk_size: int | None = None) -> Iterator[bytes]:
        """The body (decompressed) as it arrives, in pieces of `chunk_size` bytes when given."""
        failure: errors.APIError | None = None
        try:
            yield from self._response.iter_bytes(chunk_size)
        except Exception as exc:
            if not _is_httpx(exc):
                raise
            failure = _broken(exc, self.operation_id, -1)
        if failure is not None:
            raise failure

    def read(self) -> bytes:
        """The whole body (once read, it is kept)."""
        if self._response.is_stream_consumed:
            return self._response.content
        return b"".join(self.iter_bytes())

    def write_to(self, path: str | os.PathLike[str], chunk_size: int = 65536) -> int:
        """Write the body to the file at `path` as it arrives; the bytes written."""
        written = 0
        with open(path, "wb") as out:
            for piece in self.iter_bytes(chunk_size):
                out.write(piece)
                written += len(piece)
        return written

    def parse(self) -> T:
        """The typed result, as the operation returns it."""
        return self._parse(self)

    def close(self) -> None:
        if not self._closed:
            self._closed = True
            self._response.close()

    def __enter__(self) -> StreamedResponse[T]:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


class AsyncStreamedResponse(_Streamed, Generic[T]):
    """The asyncio twin of `StreamedResponse`."""

    __slots__ = ("_parse",)

    def __init__(
        self,
        response: httpx.Response,
        operation_id: str,
        url: str,
        parse: Callable[[AsyncStreamedResponse[T]], Awaitable[T]],
    ) -> None:
        super().__init__(response, operation_id, url)
        self._parse = parse

    async def aiter_bytes(self, chunk_size: int | None = None) -> AsyncIterator[bytes]:
        """The body (decompressed) as it arrives, in pieces of `chunk_size` bytes when given."""
        failure: errors.APIError | None = None
        try:
            async for piece in self._response.aiter_bytes(chunk_size):
                yield piece
        except Exception as exc:
            if not _is_httpx(exc):
                raise
            failure = _broken(exc, self.operation_id, -1)
        if failure is not None:
            raise failure

    async def read(self) -> bytes:
        """The whole body (once read, it is kept)."""
        if self._response.is_stream_consumed:
            return self._response.content
        return b"".join([piece async for piece in self.aiter_bytes()])

    async def write_to(
        self, path: str | os.PathLike[str], chunk_size: int = 65536
    ) -> int:
        """Write the body to the file at `path` as it arrives; the bytes written. The
        file is opened, written and closed in worker threads: the event loop never waits
        on the disk."""
        import asyncio

        written = 0
        out = await asyncio.to_thread(open, path, "wb")
        try:
            async for piece in self.aiter_bytes(chunk_size):
                await asyncio.to_thread(out.write, piece)
                written += len(piece)
        finally:
            await asyncio.to_thread(out.close)
        return written

    async def parse(self) -> T:
        """The typed result, as the operation returns it."""
        return await self._parse(self)

    async def aclose(self) -> None:
        if not self._closed:
            self._closed = True
            await self._response.aclose()

    async def __aenter__(self) -> AsyncStreamedResponse[T]:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()


class StreamingCall(Generic[T]):
    """A call made on entering `with`: the response is handed over unread."""

    __slots__ = ("_response", "_start")

    def __init__(self, start: Callable[[], T]) -> None:
        self._start = start
        self._response: StreamedResponse[T] | None = None

    def __enter__(self) -> StreamedResponse[T]:
        token = WANTS_STREAM.set(True)
        try:
            self._response = cast("StreamedResponse[T]", self._start())
        finally:
            WANTS_STREAM.reset(token)
        return self._response

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._response is not None:
            self._response.close()


class AsyncStreamingCall(Generic[T]):
    """The asyncio twin of `StreamingCall`, for `async with`."""

    __slots__ = ("_response", "_start")

    def __init__(self, start: Callable[[], Awaitable[T]]) -> None:
        self._start = start
        self._response: AsyncStreamedResponse[T] | None = None

    async def __aenter__(self) -> AsyncStreamedResponse[T]:
        token = WANTS_STREAM.set(True)
        try:
            self._response = cast("AsyncStreamedResponse[T]", await self._start())
        finally:
            WANTS_STREAM.reset(token)
        return self._response

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._response is not None:
            await self._response.aclose()


def streaming(method: Callable[P, T]) -> Callable[P, StreamingCall[T]]:
    """The streaming twin of an operation method of the blocking client."""

    def call(*args: P.args, **kwargs: P.kwargs) -> StreamingCall[T]:
        return StreamingCall(lambda: method(*args, **kwargs))

    return call


def async_streaming(
    method: Callable[P, Awaitable[T]],
) -> Callable[P, AsyncStreamingCall[T]]:
    """The streaming twin of an operation method of the asyncio client."""

    def call(*args: P.args, **kwargs: P.kwargs) -> AsyncStreamingCall[T]:
        return AsyncStreamingCall(lambda: method(*args, **kwargs))

    return call
