"""A real, scriptable HTTP/1.1 server on 127.0.0.1 for exercising generated clients.

Standard library only. The server records every request it receives and answers from a
script the test sets up:

    server.enqueue("GET", "/v1/items", Reply(status=503), Reply.json({"ok": True}))  # one-shot, FIFO
    server.route("GET", "/v1/items", Reply.json([]))          # every time, once the queue is empty
    server.route("GET", "/v1/items", lambda request: ...)     # or computed from the request
    server.handler = lambda request: Reply.json(...)          # anything not queued or routed

What a script yields is a *step*: `Reply` (optionally after a delay), `Disconnect` (close the
connection without answering) or `Stream` (a body written piece by piece: a trickle a byte at
a time, head and all if asked, or a body too large to hold). More fault injection fits in as
further step classes handled in `_Handler._perform`; "N failures, then success" is already
`enqueue(*[Reply(status=503)] * n, Reply.json(...))`.

Bounded by design: every connection socket has a timeout, delays are interrupted when the
server stops, and `stop()` closes live connections and joins every thread it started, returning
those that failed to finish so a fixture can fail loudly instead of leaking them.
"""

from __future__ import annotations

import json
import socket
import socketserver
import threading
import time
import traceback
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import TYPE_CHECKING, Any, TypeAlias
from urllib.parse import parse_qsl, urlsplit

if TYPE_CHECKING:
    from typing import Self

# How long an idle keep-alive connection (or a stalled client) may hold a handler thread.
CONNECTION_TIMEOUT = 10.0
# How long `stop()` waits for each thread before reporting it as leaked.
JOIN_TIMEOUT = 5.0


class Headers(Mapping[str, str]):
    """Request headers as received: case-insensitive lookup, order and repeats kept in `.pairs`."""

    def __init__(self, pairs: Iterable[tuple[str, str]]) -> None:
        self.pairs: tuple[tuple[str, str], ...] = tuple(pairs)

    def __getitem__(self, name: str) -> str:
        wanted = name.lower()
        for key, value in self.pairs:
            if key.lower() == wanted:
                return value
        raise KeyError(name)

    def get_all(self, name: str) -> list[str]:
        wanted = name.lower()
        return [value for key, value in self.pairs if key.lower() == wanted]

    def __iter__(self) -> Iterator[str]:
        seen: set[str] = set()
        for key, _ in self.pairs:
            if key.lower() not in seen:
                seen.add(key.lower())
                yield key

    def __len__(self) -> int:
        return len({key.lower() for key, _ in self.pairs})

    def __repr__(self) -> str:
        return f"Headers({list(self.pairs)!r})"


@dataclass(frozen=True)
class RecordedRequest:
    """One request exactly as the server saw it."""

    method: str
    path: str
    """The path without the query string."""
    query: list[tuple[str, str]]
    """Parsed query string, in order, repeats and blank values kept."""
    headers: Headers
    body: bytes
    target: str
    """The raw request target (path and query, still percent-encoded)."""
    received_at: float = field(default_factory=time.monotonic)

    def json(self) -> Any:
        return json.loads(self.body)


@dataclass(frozen=True)
class Reply:
    """Answer with this status, headers and body, after waiting `delay` seconds."""

    status: int = 200
    headers: tuple[tuple[str, str], ...] = ()
    body: bytes = b""
    delay: float = 0.0

    @classmethod
    def json(
        cls,
        data: Any,
        status: int = 200,
        headers: Iterable[tuple[str, str]] = (),
        delay: float = 0.0,
    ) -> Reply:
        body = json.dumps(data).encode()
        return cls.raw(body, status, "application/json", headers, delay)

    @classmethod
    def raw(
        cls,
        body: bytes,
        status: int = 200,
        content_type: str = "application/json",
        headers: Iterable[tuple[str, str]] = (),
        delay: float = 0.0,
    ) -> Reply:
        return cls(status, (("Content-Type", content_type), *headers), body, delay)

    @classmethod
    def text(cls, text: str, status: int = 200, delay: float = 0.0) -> Reply:
        return cls.raw(text.encode(), status, "text/plain; charset=utf-8", delay=delay)


@dataclass(frozen=True)
class Disconnect:
    """Close the connection without sending any response, after `delay` seconds."""

    delay: float = 0.0


@dataclass(frozen=True)
class Stream:
    """Answer with a body written piece by piece, `every` seconds apart: a trickle, or a
    body too large to hold (`pieces` makes the pieces as they are sent). Chunked, unless
    `length` gives a Content-Length. With `slow_head`, the status line and headers go out a
    byte at a time too, `every` seconds apart. The connection is closed afterwards."""

    pieces: Callable[[], Iterable[bytes]]
    status: int = 200
    headers: tuple[tuple[str, str], ...] = ()
    every: float = 0.0
    length: int | None = None
    slow_head: bool = False
    delay: float = 0.0

    @classmethod
    def trickle(cls, body: bytes, every: float, *, slow_head: bool = False) -> Stream:
        """`body`, one byte every `every` seconds (and the head too, with `slow_head`)."""
        headers = (("Content-Type", "application/json"),)
        pieces = lambda: (body[i : i + 1] for i in range(len(body)))
        return cls(pieces, headers=headers, every=every, length=len(body), slow_head=slow_head)

    @classmethod
    def endless(cls, piece: bytes = b" " * 65536, total: int = 1 << 40) -> Stream:
        """About `total` bytes of `piece`s, as fast as the client reads them."""
        pieces = lambda: (piece for _ in range(-(-total // len(piece))))
        return cls(pieces, headers=(("Content-Type", "application/json"),))


Step: TypeAlias = "Reply | Disconnect | Stream"
Responder: TypeAlias = "Step | Callable[[RecordedRequest], Step]"


class ScriptedServer:
    """A threaded HTTP server on 127.0.0.1 with a free port; see the module docstring."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._requests: list[RecordedRequest] = []
        self._queues: dict[tuple[str, str], deque[Responder]] = {}
        self._routes: dict[tuple[str, str], Responder] = {}
        self.handler: Callable[[RecordedRequest], Step] | None = None
        """Answers whatever no queue or route covers."""
        self.errors: list[str] = []
        """Tracebacks of exceptions raised while serving (a script bug, not a client's fault)."""
        self.stopping = threading.Event()
        self._httpd = _HTTPServer(self)
        self._serve_thread: threading.Thread | None = None

    # -- lifecycle -------------------------------------------------------------------------

    @property
    def port(self) -> int:
        return int(self._httpd.server_address[1])

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> Self:
        thread = threading.Thread(
            target=self._httpd.serve_forever,
            kwargs={"poll_interval": 0.01},
            name=f"scripted-server:{self.port}",
            daemon=True,
        )
        thread.start()
        self._serve_thread = thread
        return self

    def stop(self) -> list[threading.Thread]:
        """Stop serving, drop live connections, join every thread; return any still alive."""
        self.stopping.set()
        if self._serve_thread is not None:
            self._httpd.shutdown()
        self._httpd.close_connections()
        self._httpd.server_close()
        threads = [t for t in (self._serve_thread,) if t is not None]
        threads += self._httpd.connection_threads()
        deadline = time.monotonic() + JOIN_TIMEOUT
        for thread in threads:
            thread.join(max(0.0, deadline - time.monotonic()))
        return [t for t in threads if t.is_alive()]

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    # -- scripting -------------------------------------------------------------------------

    def enqueue(self, method: str, path: str, *steps: Responder) -> None:
        """One-shot answers for `method path`, used in order before any route."""
        with self._lock:
            self._queues.setdefault((method.upper(), path), deque()).extend(steps)

    def route(self, method: str, path: str, responder: Responder) -> None:
        """The answer for every `method path` request once its queue is empty."""
        with self._lock:
            self._routes[(method.upper(), path)] = responder

    def reset(self) -> None:
        """Forget the script and the recorded requests."""
        with self._lock:
            self._requests.clear()
            self._queues.clear()
            self._routes.clear()
            self.handler = None
            self.errors.clear()

    # -- inspection ------------------------------------------------------------------------

    @property
    def requests(self) -> list[RecordedRequest]:
        with self._lock:
            return list(self._requests)

    @property
    def last_request(self) -> RecordedRequest:
        with self._lock:
            if not self._requests:
                raise AssertionError("the server has received no request")
            return self._requests[-1]

    # -- used by the handler ---------------------------------------------------------------

    def _answer(self, request: RecordedRequest) -> Step:
        key = (request.method, request.path)
        with self._lock:
            self._requests.append(request)
            queue = self._queues.get(key)
            responder: Responder | None
            if queue:
                responder = queue.popleft()
            else:
                responder = self._routes.get(key, self.handler)
        if responder is None:
            message = f"no scripted response for {request.method} {request.path}"
            return Reply.json({"detail": message}, status=501)
        step = responder if isinstance(responder, (Reply, Disconnect, Stream)) else responder(request)
        if not isinstance(step, (Reply, Disconnect, Stream)):
            raise TypeError(f"a responder returned {step!r}, not a Reply, Disconnect or Stream")
        return step

    def _record_error(self, text: str) -> None:
        with self._lock:
            self.errors.append(text)


class _HTTPServer(ThreadingHTTPServer):
    """Tracks each connection's thread and socket so `stop()` can end them all."""

    daemon_threads = True

    def __init__(self, owner: ScriptedServer) -> None:
        self.owner = owner
        self._conn_lock = threading.Lock()
        self._connections: dict[socket.socket, threading.Thread] = {}
        super().__init__(("127.0.0.1", 0), _Handler)

    def server_bind(self) -> None:
        # HTTPServer.server_bind does a reverse DNS lookup (getfqdn), slow without DNS.
        socketserver.TCPServer.server_bind(self)
        self.server_name = "127.0.0.1"
        self.server_port = int(self.server_address[1])

    def process_request(self, request: Any, client_address: Any) -> None:
        thread = threading.Thread(
            target=self._serve_connection,
            args=(request, client_address),
            name=f"scripted-server-conn:{client_address[1]}",
            daemon=True,
        )
        with self._conn_lock:
            self._connections[request] = thread
        thread.start()

    def _serve_connection(self, request: Any, client_address: Any) -> None:
        try:
            self.finish_request(request, client_address)
        except Exception:  # noqa: BLE001 - recorded; one bad exchange must not kill the server
            self.handle_error(request, client_address)
        finally:
            self.shutdown_request(request)
            with self._conn_lock:
                self._connections.pop(request, None)

    def handle_error(self, request: Any, client_address: Any) -> None:
        self.owner._record_error(traceback.format_exc())

    def connection_threads(self) -> list[threading.Thread]:
        with self._conn_lock:
            return list(self._connections.values())

    def close_connections(self) -> None:
        with self._conn_lock:
            sockets = list(self._connections)
        for sock in sockets:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass


# A client going away mid-exchange is routine in these tests (timeouts, dropped connections).
_CLIENT_GONE = (ConnectionError, TimeoutError, socket.timeout)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as real APIs and httpx's pool expect
    timeout = CONNECTION_TIMEOUT
    # Headers and body go out in two writes: with Nagle's algorithm the body waits for the
    # client's delayed ACK of the headers, some 40 ms per answer on Linux.
    disable_nagle_algorithm = True
    server: _HTTPServer

    def handle(self) -> None:
        try:
            super().handle()
        except _CLIENT_GONE:
            self.close_connection = True

    def _dispatch(self) -> None:
        owner = self.server.owner
        split = urlsplit(self.path)
        request = RecordedRequest(
            method=self.command,
            path=split.path,
            query=parse_qsl(split.query, keep_blank_values=True),
            headers=Headers(self.headers.items()),
            body=self._read_body(),
            target=self.path,
        )
        try:
            step = owner._answer(request)
        except Exception:  # noqa: BLE001 - a script bug becomes a 500 and a recorded error
            owner._record_error(traceback.format_exc())
            step = Reply.text("scripted server: the script raised; see server.errors", 500)
        self._perform(step)

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_HEAD = do_OPTIONS = _dispatch

    def _read_body(self) -> bytes:
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            chunks: list[bytes] = []
            while True:
                size = int(self.rfile.readline().split(b";")[0].strip() or b"0", 16)
                if size == 0:
                    while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                        pass  # trailers
                    return b"".join(chunks)
                chunks.append(self.rfile.read(size))
                self.rfile.readline()
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else b""

    def _perform(self, step: Step) -> None:
        if step.delay and self.server.owner.stopping.wait(step.delay):
            self.close_connection = True  # stopping: do not answer
            return
        if isinstance(step, Disconnect):
            self.close_connection = True
            try:
                self.connection.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            return
        if isinstance(step, Stream):
            self._stream(step)
            return
        self.send_response(step.status)
        names = {name.lower() for name, _ in step.headers}
        for name, value in step.headers:
            self.send_header(name, value)
        if "content-length" not in names:
            self.send_header("Content-Length", str(len(step.body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(step.body)
        self.wfile.flush()

    def _stream(self, step: Stream) -> None:
        self.close_connection = True
        stopping = self.server.owner.stopping
        framing = ("Content-Length", str(step.length)) if step.length is not None else ("Transfer-Encoding", "chunked")
        lines = [f"HTTP/1.1 {step.status} {self.responses.get(step.status, ('',))[0]}"]
        lines += [f"{name}: {value}" for name, value in (*step.headers, framing, ("Connection", "close"))]
        head = ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")
        for piece in [head[i : i + 1] for i in range(len(head))] if step.slow_head else [head]:
            self.wfile.write(piece)
            self.wfile.flush()
            if step.slow_head and stopping.wait(step.every):
                return
        for piece in step.pieces():
            self.wfile.write(piece if step.length is not None else b"%x\r\n%s\r\n" % (len(piece), piece))
            self.wfile.flush()
            if step.every and stopping.wait(step.every):
                return
            if stopping.is_set():
                return
        if step.length is None:
            self.wfile.write(b"0\r\n\r\n")
        self.wfile.flush()

    def log_message(self, format: str, *args: Any) -> None:
        pass  # quiet; the recorded requests are the log
