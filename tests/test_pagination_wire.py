"""Every pagination style walked against our HTTP server on 127.0.0.1, sync and async:
`pages()` yields each page (the operation's typed result), `iter()` the items, the per-call
options go with every page's request, and a server that repeats a cursor or links to
another host stops the walk with `PaginationError`. The client is generated from
tests/specs_wire/pagination_styles.yaml, one list per style."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from conftest import TESTS, generated_package
from http_server import RecordedRequest, Reply, ScriptedServer

SPEC = TESTS / "specs_wire" / "pagination_styles.yaml"
IDS = ["a", "b", "c", "d", "e"]
SIZE = 2


@pytest.fixture(scope="module")
def pkg(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    with generated_package(SPEC, tmp_path_factory.mktemp("pagination_styles"), "pagination_styles") as module:
        yield module


def _things(start: int) -> tuple[list[dict[str, str]], int]:
    end = min(start + SIZE, len(IDS))
    return [{"id": i} for i in IDS[start:end]], end


def _query(request: RecordedRequest, name: str, default: str = "") -> str:
    return dict(request.query).get(name, default)


def numbered(request: RecordedRequest) -> Reply:
    page = int(_query(request, "page", "1"))
    data, _ = _things((page - 1) * SIZE)
    return Reply.json({"data": data, "meta": {"total_pages": 3}})


def offsets(request: RecordedRequest) -> Reply:
    # No total: the walk ends at the empty page after the last.
    data, _ = _things(int(_query(request, "offset", "0")))
    return Reply.json({"data": data})


def cursors(request: RecordedRequest) -> Reply:
    data, end = _things(int(_query(request, "cursor", "0")))
    return Reply.json({"items": data, "next_cursor": str(end) if end < len(IDS) else None})


def after(request: RecordedRequest) -> Reply:
    last = _query(request, "starting_after")
    data, end = _things(IDS.index(last) + 1 if last else 0)
    return Reply.json({"data": data, "has_more": end < len(IDS)})


def iterators(request: RecordedRequest) -> Reply:
    data, end = _things(int(_query(request, "iterator", "0")))
    return Reply.json({"data": data, "iterator": str(end), "done": end >= len(IDS)})


def linked(request: RecordedRequest) -> Reply:
    data, end = _things(int(_query(request, "at", "0")))
    links = {"next": f"/linked?at={end}&page_size=2"} if end < len(IDS) else {}
    return Reply.json({"results": data, "links": links})


def headed(request: RecordedRequest) -> Reply:
    data, end = _things(int(_query(request, "at", "0")))
    host = request.headers["Host"]
    link = f'<http://{host}/headed?at={end}>; rel="next", <http://{host}/headed>; rel="first"'
    return Reply.json(data, headers=[("Link", link)] if end < len(IDS) else [])


def declared(request: RecordedRequest) -> Reply:
    data, end = _things(int(_query(request, "token", "0")))
    return Reply.json({"entries": data, "warnings": [], "state": {"resume": str(end)} if end < len(IDS) else {}})


# Each list, its server, and the requests a whole walk makes.
STYLES: dict[str, tuple[Callable[[RecordedRequest], Reply], int]] = {
    "numbered": (numbered, 3),
    "offsets": (offsets, 4),
    "cursors": (cursors, 3),
    "after": (after, 3),
    "iterators": (iterators, 3),
    "linked": (linked, 3),
    "headed": (headed, 3),
    "declared": (declared, 3),
}


async def _walk(client: Any, namespace: str, method: str, is_async: bool, **kwargs: Any) -> list[Any]:
    walk = getattr(getattr(client, namespace), method)(**kwargs)
    if is_async:
        return [x async for x in walk]
    return list(walk)


def _client(pkg: ModuleType, server: ScriptedServer, is_async: bool) -> Any:
    return (pkg.AsyncClient if is_async else pkg.Client)(base_url=server.url, max_retries=0)


@pytest.mark.anyio
@pytest.mark.parametrize("is_async", [False, True], ids=["sync", "async"])
@pytest.mark.parametrize("style", list(STYLES))
async def test_each_style_walks_every_item_and_page(
    pkg: ModuleType, http_server: ScriptedServer, style: str, is_async: bool
) -> None:
    server, requests = STYLES[style]
    http_server.route("GET", f"/{style}", server)
    client = _client(pkg, http_server, is_async)
    try:
        items = await _walk(client, style, "iter", is_async, extra_headers={"X-Walk": style})
        assert [item.id for item in items] == IDS
        assert len(http_server.requests) == requests
        assert all(r.headers["X-Walk"] == style for r in http_server.requests)
        pages = await _walk(client, style, "pages", is_async)
        assert len(pages) == requests
        # Each page is what the operation itself returns.
        first = client.__getattribute__(style).list()
        first = await first if is_async else first
        assert type(pages[0]) is type(first) and pages[0] == first
    finally:
        await client.aclose() if is_async else client.close()


def test_the_walk_is_lazy_and_forwards_the_arguments(pkg: ModuleType, http_server: ScriptedServer) -> None:
    http_server.route("GET", "/cursors", cursors)
    with _client(pkg, http_server, False) as client:
        walk = client.cursors.iter(limit=2, extra_query={"trace": "1"})
        assert http_server.requests == []
        assert next(walk).id == "a"
        assert [r.query for r in http_server.requests] == [[("limit", "2"), ("trace", "1")]]
        assert [item.id for item in walk] == IDS[1:]
        assert http_server.requests[1].query == [("cursor", "2"), ("limit", "2"), ("trace", "1")]


@pytest.mark.anyio
@pytest.mark.parametrize("is_async", [False, True], ids=["sync", "async"])
async def test_a_repeated_cursor_stops_the_walk(pkg: ModuleType, http_server: ScriptedServer, is_async: bool) -> None:
    http_server.route("GET", "/cursors", Reply.json({"items": [{"id": "a"}], "next_cursor": "same"}))
    client = _client(pkg, http_server, is_async)
    try:
        with pytest.raises(pkg.errors.PaginationError, match="sent before"):
            await _walk(client, "cursors", "iter", is_async)
        # The first page, the page the cursor named, and no third.
        assert len(http_server.requests) == 2
    finally:
        await client.aclose() if is_async else client.close()


@pytest.mark.anyio
@pytest.mark.parametrize("is_async", [False, True], ids=["sync", "async"])
async def test_a_next_link_to_another_host_is_not_followed(
    pkg: ModuleType, http_server: ScriptedServer, is_async: bool
) -> None:
    elsewhere = {"results": [{"id": "a"}], "links": {"next": "https://elsewhere.example.invalid/linked?at=2"}}
    http_server.route("GET", "/linked", Reply.json(elsewhere))
    client = (pkg.AsyncClient if is_async else pkg.Client)(base_url=http_server.url, access_token="s3cret")
    try:
        with pytest.raises(pkg.errors.PaginationError, match="elsewhere.example.invalid") as caught:
            await _walk(client, "linked", "iter", is_async)
        assert "s3cret" not in str(caught.value)
        assert len(http_server.requests) == 1
    finally:
        await client.aclose() if is_async else client.close()


def test_the_link_header_is_read_by_rfc_8288(pkg: ModuleType) -> None:
    import httpx

    def next_of(value: str) -> str | None:
        result: str | None = pkg._pages.next_link(httpx.Headers({"Link": value}))
        return result

    assert next_of('<https://h/a?p=2>; rel="next"') == "https://h/a?p=2"
    assert next_of('<https://h/1>; rel="prev", <https://h/3>; title="x"; REL=next') == "https://h/3"
    assert next_of('<https://h/3>; rel="last next"') == "https://h/3"
    assert next_of('<https://h/1>; rel="prev"') is None
    assert next_of("") is None


def test_the_walks_type_check(pkg: ModuleType, tmp_path: Path) -> None:
    """mypy --strict and pyright read every style's generated walks (their lambdas
    included) and give `iter()` the item type and `pages()` the operation's result."""
    usage = tmp_path / "usage.py"
    usage.write_text(
        "from typing import assert_type\n"
        "import pagination_styles\n"
        "from pagination_styles import models\n\n"
        "def use(client: pagination_styles.Client) -> None:\n"
        "    for item in client.cursors.iter(limit=2, timeout=1.0):\n"
        "        assert_type(item, models.Thing)\n"
        "    for page in client.headed.pages(per_page=2):\n"
        "        assert_type(page, list[models.Thing])\n"
        "    client.cursors.iter(cursor='x')  # wrong: line 10\n\n"
        "async def use_async(client: pagination_styles.AsyncClient) -> None:\n"
        "    async for page in client.after.pages():\n"
        "        assert_type(page, models.AfterListResponse)\n"
        "    async for item in client.linked.iter(page_size=2):\n"
        "        assert_type(item, models.Thing)\n",
    )
    root = Path(pkg.__file__).parent.parent
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--cache-dir", "/dev/null", str(usage), "pagination_styles"],
        cwd=root, capture_output=True, text=True, timeout=600, check=False,
        env={"MYPYPATH": str(root), "PATH": "/usr/bin:/bin"},
    )  # fmt: skip
    errors = [line for line in result.stdout.splitlines() if ": error:" in line]
    assert [line.split(":")[1] for line in errors] == ["10"], result.stdout
    pyright = str(Path(sys.executable).with_name("pyright"))
    result = subprocess.run(
        [pyright, "--pythonpath", sys.executable, str(usage), "pagination_styles"],
        cwd=root, capture_output=True, text=True, timeout=600, check=False,
    )  # fmt: skip
    found = [line.strip().split(":")[1] for line in result.stdout.splitlines() if " - error:" in line]
    assert found == ["10"], result.stdout
