"""Server-sent events and streamed responses, sync and async, against our HTTP server on
127.0.0.1: the runtime's event-stream parser on the grammar's edge cases, typed events, the
`stream: true` twin, unknown events, connections closed on `break` and broken mid-stream,
and `with_streaming_response` over a body larger than the client would hold. The client is
generated from tests/specs_wire/streaming.yaml."""

from __future__ import annotations

import json
import threading
import tracemalloc
from collections.abc import Iterable, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from conftest import TESTS, generated_package
from http_server import Reply, ScriptedServer, Stream

SPEC = TESTS / "specs_wire" / "streaming.yaml"
SSE = (("Content-Type", "text/event-stream"),)


@pytest.fixture(scope="module")
def pkg(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    with generated_package(SPEC, tmp_path_factory.mktemp("streaming"), "streaming_api") as module:
        yield module


@pytest.fixture
def client(pkg: ModuleType, http_server: ScriptedServer) -> Iterator[Any]:
    with pkg.Client(base_url=http_server.url, max_retries=0) as c:
        yield c


def events(*pieces: bytes, every: float = 0.0) -> Stream:
    """An event stream sent as these pieces, chunked."""
    return Stream(lambda: iter(pieces), headers=SSE, every=every)


def chunk(index: int, delta: str, **extra: Any) -> bytes:
    return b"data: " + json.dumps({"index": index, "delta": delta, **extra}).encode() + b"\n\n"


# -- the parser ------------------------------------------------------------------------------


def parse(pkg: ModuleType, *pieces: bytes) -> list[tuple[str, str, str | None, int | None]]:
    parser = pkg._streaming.EventParser()
    return [event for piece in pieces for event in parser.feed(piece)]


def test_fields_comments_and_multi_line_data(pkg: ModuleType) -> None:
    text = (
        b": a comment, ignored\n"
        b"event: delta\ndata: first\ndata:second\ndata\nid: 7\nretry: 1500\n\n"
        b"data:  two spaces keep one\nunknown: field\n\n"
        b"event: only a name\n\n"
        b"data: after\n\n"
    )
    assert parse(pkg, text) == [
        ("delta", "first\nsecond\n", "7", 1500),
        ("message", " two spaces keep one", "7", None),  # the id stays until changed
        ("message", "after", "7", None),  # an event without data is not dispatched
    ]


def test_line_ends_bom_and_pieces_split_anywhere(pkg: ModuleType) -> None:
    text = "\ufeffdata: é\r\n\r\ndata: b\rid: x\r\rdata: c\n\n".encode()
    whole = parse(pkg, text)
    assert whole == [("message", "é", None, None), ("message", "b", "x", None), ("message", "c", "x", None)]
    # Byte by byte: a CRLF and a UTF-8 character split between pieces read the same.
    assert parse(pkg, *(text[i : i + 1] for i in range(len(text)))) == whole


def test_what_the_grammar_ignores_or_drops(pkg: ModuleType) -> None:
    assert parse(pkg, b"id: a\0b\nretry: 1.5\ndata: x\n\ndata: left without its blank line") == [
        ("message", "x", None, None)
    ]
    # A BOM only counts at the start of the stream.
    assert parse(pkg, b"data: 1\n\n", "\ufeffdata: 2\n\n".encode()) == [("message", "1", None, None)]


# -- typed events and the stream: true twin --------------------------------------------------


def test_the_twin_sends_stream_true_and_yields_typed_events(
    pkg: ModuleType, http_server: ScriptedServer, client: Any
) -> None:
    http_server.route(
        "POST", "/completions", events(chunk(0, "Hel"), chunk(1, "lo", finish="later"), b"data: [DONE]\n\n")
    )
    with client.completions.create_stream(body=pkg.models.CompletionRequest(prompt="hi")) as stream:
        got = list(stream)
    assert stream.closed
    assert [e.value for e in got] == [
        pkg.models.Chunk(index=0, delta="Hel"),
        pkg.models.Chunk(index=1, delta="lo", finish=pkg.models.ChunkFinish("later")),  # open enum
    ]
    assert [(e.event, e.index) for e in got] == [("message", 0), ("message", 1)]
    request = http_server.last_request
    assert request.json() == {"prompt": "hi", "stream": True}
    assert request.headers["Accept"] == "text/event-stream"


def test_the_plain_method_reads_json_and_never_asks_for_the_stream(
    pkg: ModuleType, http_server: ScriptedServer, client: Any
) -> None:
    http_server.route("POST", "/completions", Reply.json({"text": "Hello"}))
    result = client.completions.create(body=pkg.models.CompletionRequest(prompt="hi", stream=True))
    assert result == pkg.models.Completion(text="Hello")
    # `false` is the model's default, which goes unsent.
    assert http_server.last_request.json().get("stream", False) is False
    assert http_server.last_request.headers["Accept"] == "application/json"


def test_unknown_events_are_kept_and_bad_data_names_its_event(
    pkg: ModuleType, http_server: ScriptedServer, client: Any
) -> None:
    http_server.route(
        "GET",
        "/feed",
        events(
            b'data: {"kind": "created", "id": 1}\n\n',
            b"event: ping\ndata: {}\n\n",
            b'id: e-3\ndata: {"kind": "created", "id": "one"}\n\n',
            b"data: {not json\n\n",
        ),
    )
    first, ping, wrong, broken = list(client.feed.watch(topic="t"))
    assert first.value == pkg.models.Created(id=1)
    assert (ping.event, ping.data) == ("ping", "{}")
    with pytest.raises(pkg.errors.DecodeError, match=r"event 2 \('message', id 'e-3'\).*\$\.id") as info:
        _ = wrong.value
    assert info.value.path == "$.id"
    with pytest.raises(pkg.errors.DecodeError, match=r"event 3 .*not valid JSON"):
        _ = broken.value
    assert http_server.last_request.query == [("topic", "t")]


def test_text_events_keep_their_data(pkg: ModuleType, http_server: ScriptedServer, client: Any) -> None:
    http_server.route("GET", "/logs", events(b"data: line one\n\n", b"data: [DONE]\n\n"))
    assert [e.value for e in client.logs.tail()] == ["line one", "[DONE]"]


def test_an_error_status_raises_the_operations_error(
    pkg: ModuleType, http_server: ScriptedServer, client: Any
) -> None:
    http_server.route("POST", "/completions", Reply.json({"message": "no prompt"}, status=422))
    with pytest.raises(pkg.errors.UnprocessableEntityError) as info:
        client.completions.create_stream(body=pkg.models.CompletionRequest(prompt=""))
    assert info.value.detail == pkg.models.Problem(message="no prompt")


def test_json_where_events_were_asked_for_is_a_clear_error(
    pkg: ModuleType, http_server: ScriptedServer, client: Any
) -> None:
    http_server.route("GET", "/feed", Reply.json({"kind": "created", "id": 1}))
    with pytest.raises(pkg.errors.DecodeError, match=r"feed:watch: expected an event stream .* application/json"):
        client.feed.watch()


def watched(pieces: Iterable[bytes], ended: threading.Event) -> Iterator[bytes]:
    """`pieces`, noting when the server stops sending them (the client went away)."""
    try:
        yield from pieces
    finally:
        ended.set()


def test_break_closes_the_connection(http_server: ScriptedServer, client: Any) -> None:
    ended = threading.Event()
    endless = (b'data: {"kind": "deleted", "id": %d}\n\n' % i for i in range(10**9))
    http_server.route("GET", "/feed", Stream(lambda: watched(endless, ended), headers=SSE, every=0.001))
    stream = client.feed.watch()
    for event in stream:
        if event.index == 2:
            break
    assert stream.closed
    assert ended.wait(30), "the server kept sending after the client left"


def test_a_stream_dropped_unread_lets_its_connection_go(http_server: ScriptedServer, client: Any) -> None:
    ended = threading.Event()
    endless = (b'data: {"kind": "deleted", "id": %d}\n\n' % i for i in range(10**9))
    http_server.route("GET", "/feed", Stream(lambda: watched(endless, ended), headers=SSE, every=0.001))
    client.feed.watch()  # never iterated, never closed: collected at once
    assert ended.wait(30), "the connection outlived its stream"


@pytest.mark.anyio
async def test_an_async_stream_dropped_unread_lets_its_connection_go(
    pkg: ModuleType, http_server: ScriptedServer
) -> None:
    import anyio

    ended = threading.Event()
    endless = (b'data: {"kind": "deleted", "id": %d}\n\n' % i for i in range(10**9))
    http_server.route("GET", "/feed", Stream(lambda: watched(endless, ended), headers=SSE, every=0.001))
    async with pkg.AsyncClient(base_url=http_server.url, max_retries=0) as client:
        await client.feed.watch()  # never iterated, never closed: collected at once
        # Closed by a task of the running loop, long before the client itself closes.
        for _ in range(3000):
            if ended.is_set():
                break
            await anyio.sleep(0.01)
        assert ended.is_set(), "the connection outlived its stream"


def test_a_server_that_dies_mid_stream_raises_a_connection_error(
    pkg: ModuleType, http_server: ScriptedServer, client: Any
) -> None:
    body = b'data: {"kind": "created", "id": 1}\n\ndata: {"kind": "cr'
    http_server.route("GET", "/feed", Stream(lambda: iter([body]), headers=SSE, length=len(body) + 100))
    seen = []
    with pytest.raises(pkg.errors.APIConnectionError, match=r"feed:watch: the connection broke after 1 event"):
        for event in client.feed.watch():
            seen.append(event.value)
    assert seen == [pkg.models.Created(id=1)]


def test_a_raw_twin_reads_the_stream_whole_and_replays_it(
    pkg: ModuleType, http_server: ScriptedServer, client: Any
) -> None:
    http_server.route("GET", "/feed", events(b'data: {"kind": "deleted", "id": 4}\n\n'))
    raw = client.with_raw_response.feed.watch()
    assert raw.status_code == 200
    assert [e.value for e in raw.parse()] == [pkg.models.Deleted(id=4)]


@pytest.mark.anyio
async def test_async_streams(pkg: ModuleType, http_server: ScriptedServer, tmp_path: Path) -> None:
    target = tmp_path / "f.bin"
    http_server.route("POST", "/completions", events(chunk(0, "a"), chunk(1, "b"), b"data: [DONE]\n\n"))
    async with pkg.AsyncClient(base_url=http_server.url, max_retries=0) as client:
        body = pkg.models.CompletionRequest(prompt="p")
        async with await client.completions.create_stream(body=body) as stream:
            deltas = [event.value.delta async for event in stream]
        assert stream.closed
        assert deltas == ["a", "b"]
        http_server.route("GET", "/files/f", Reply.raw(b"0123456789", content_type="application/octet-stream"))
        async with client.with_streaming_response.files.download("f") as response:
            assert response.status_code == 200
            assert [piece async for piece in response.aiter_bytes(4)] == [b"0123", b"4567", b"89"]
        assert response.closed
        async with client.with_streaming_response.files.download("f") as response:
            assert await response.write_to(target) == 10
        assert target.read_bytes() == b"0123456789"


# -- with_streaming_response ------------------------------------------------------------------


def test_a_streamed_download_stays_small_in_memory(
    pkg: ModuleType, http_server: ScriptedServer, tmp_path: Path
) -> None:
    total = 24 * 1024 * 1024
    stream = Stream.endless(b"x" * 65536, total)
    http_server.route("GET", "/files/big", Stream(stream.pieces, headers=(("Content-Type", "application/octet-stream"),)))
    target = tmp_path / "big.bin"
    # The size limit is for bodies read whole; a streamed one is not held to it.
    with pkg.Client(base_url=http_server.url, max_response_size=1024) as client:
        tracemalloc.start()
        try:
            with client.with_streaming_response.files.download("big") as response:
                assert response.headers["content-type"] == "application/octet-stream"
                written = response.write_to(target)
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
    assert written == total == target.stat().st_size
    assert peak < 4 * 1024 * 1024, f"{peak} bytes held at once"
    assert response.closed


def test_streamed_responses_parse_and_raise_as_the_operation_does(
    pkg: ModuleType, http_server: ScriptedServer, client: Any
) -> None:
    http_server.route("POST", "/completions", Reply.json({"text": "t"}, headers=[("X-Request-Id", "r-1")]))
    with client.with_streaming_response.completions.create(body=pkg.models.CompletionRequest(prompt="p")) as response:
        assert response.request_id == "r-1"
        assert response.parse() == pkg.models.Completion(text="t")
    http_server.route("GET", "/files/gone", Reply.json({"message": "gone"}, status=404))
    with pytest.raises(pkg.errors.NotFoundError), client.with_streaming_response.files.download("gone"):
        pass


def test_with_options_copies_make_their_own_streaming_view(pkg: ModuleType, client: Any) -> None:
    view = client.with_streaming_response
    copy = client.with_options(timeout=5.0)
    assert copy.with_streaming_response is not view
    assert client.with_streaming_response is view


def test_the_streaming_signatures_type_check(pkg: ModuleType, tmp_path: Path) -> None:
    """mypy --strict and pyright read the stream types precisely: events carry the spec's data type,
    streamed responses the operation's result; misuses are errors."""
    import subprocess
    import sys

    usage = tmp_path / "usage.py"
    usage.write_text(
        "from typing import assert_type\n"
        "import streaming_api\n"
        "from streaming_api import AsyncStream, Event, Stream, StreamedResponse, models\n\n"
        "def use(client: streaming_api.Client) -> None:\n"
        "    body = models.CompletionRequest(prompt='p')\n"
        "    stream = client.completions.create_stream(body=body)\n"
        "    assert_type(stream, Stream[models.Chunk])\n"
        "    for event in stream:\n"
        "        assert_type(event, Event[models.Chunk])\n"
        "        assert_type(event.value.delta, str)\n"
        "    assert_type(client.completions.create(body=body), models.Completion)\n"
        "    with client.with_streaming_response.files.download('f') as response:\n"
        "        assert_type(response, StreamedResponse[bytes])\n"
        "        assert_type(response.write_to('out.bin'), int)\n"
        "    next(stream).value.nope  # wrong: line 16\n\n"
        "async def use_async(client: streaming_api.AsyncClient) -> None:\n"
        "    stream = await client.feed.watch()\n"
        "    assert_type(stream, AsyncStream[models.Update])\n"
        "    async for event in stream:\n"
        "        assert_type(event.data, str)\n"
        "    for wrong in stream:  # wrong: line 23\n"
        "        pass\n",
    )
    root = Path(pkg.__file__).parent.parent
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--cache-dir", "/dev/null", str(usage)],
        cwd=root, capture_output=True, text=True, timeout=600, check=False,
        env={"MYPYPATH": str(root), "PATH": "/usr/bin:/bin"},
    )  # fmt: skip
    errors = [line for line in result.stdout.splitlines() if ": error:" in line]
    assert [line.split(":")[1] for line in errors] == ["16", "23"], result.stdout
    # pyright reads them alike.
    pyright = str(Path(sys.executable).with_name("pyright"))
    result = subprocess.run(
        [pyright, "--pythonpath", sys.executable, str(usage)],
        cwd=root, capture_output=True, text=True, timeout=600, check=False,
    )  # fmt: skip
    found = [line.strip().split(":")[1] for line in result.stdout.splitlines() if " - error:" in line]
    assert found == ["16", "23"], result.stdout


def test_the_readme_streaming_examples_run(
    pkg: ModuleType, http_server: ScriptedServer, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import re

    readme = (Path(pkg.__file__).parent.parent / "README.md").read_text()
    blocks = [b for b in re.findall(r"^```python\n(.*?)^```", readme, re.MULTILINE | re.DOTALL) if "with_streaming_response" in b or "for event in" in b]
    assert len(blocks) == 2 and "with_streaming_response" in blocks[0] and "for event in" in blocks[1]
    monkeypatch.setattr(pkg._client, "SERVERS", dict.fromkeys(pkg._client.SERVERS, http_server.url))
    http_server.route("GET", "/feed", events(b'data: {"kind": "created", "id": 9}\n\n'))
    http_server.handler = lambda request: Reply.raw(b"file", content_type="application/octet-stream")
    for index, code in enumerate(blocks):
        exec(compile(code, f"README.md streaming example {index}", "exec"), {"__name__": "readme"})  # noqa: S102
    printed = capsys.readouterr().out.splitlines()
    assert printed == ["200 application/octet-stream", "message Created(id=9)"]
