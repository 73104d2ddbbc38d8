"""Walking a list operation page by page: the loops behind each generated `pages()` (and
`iter()`, which reads the items of those pages). A page is fetched when the caller asks for
it, never ahead.

Three loops: `walk` for a number the client counts on (a page number, an offset), `cursors`
for a cursor the server sends back, `follow` for servers that name the next page's URL (a
body field, or the `Link` header). Either raises `PaginationError` when the server sends a
state it sent before: a server that repeats a cursor would otherwise be walked forever, and
stopping quietly would pass a truncated list off as whole."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Awaitable, Callable, Hashable, Iterator
from contextvars import ContextVar
from typing import TYPE_CHECKING, Any, TypeVar
from urllib.parse import urljoin, urlsplit

import msgspec

from . import errors

if TYPE_CHECKING:
    import httpx

PageT = TypeVar("PageT")
StateT = TypeVar("StateT", bound=Hashable)
CursorT = TypeVar("CursorT", bound=Hashable)

# Set while `follow` fetches a page the server named: the runtime requests this URL in
# place of the one the operation's arguments make.
FOLLOW: ContextVar[str | None] = ContextVar("follow", default=None)

# One link of a `Link` header (RFC 8288): `<target>` and the parameters after it.
_LINK = re.compile(r"<([^>]*)>((?:\s*;\s*[^;,]*)*)")
_REL = re.compile(r';\s*rel\s*=\s*(?:"([^"]*)"|([^\s;,"]+))', re.IGNORECASE)


def walk(
    fetch: Callable[[StateT], PageT],
    turn: Callable[[StateT, PageT], StateT | None],
    start: StateT,
) -> Iterator[PageT]:
    """Pages fetched with `start`, then with what `turn` makes of each number and the page
    it fetched, until it gives None."""
    state = start
    seen = {start}
    while True:
        page = fetch(state)
        yield page
        after = turn(state, page)
        if after is None:
            return
        state = _unseen(after, seen)


async def awalk(
    fetch: Callable[[StateT], Awaitable[PageT]],
    turn: Callable[[StateT, PageT], StateT | None],
    start: StateT,
) -> AsyncIterator[PageT]:
    """The asyncio twin of `walk`: the event loop runs on while each page loads."""
    state = start
    seen = {start}
    while True:
        page = await fetch(state)
        yield page
        after = turn(state, page)
        if after is None:
            return
        state = _unseen(after, seen)


def cursors(
    fetch: Callable[[CursorT | None], PageT], turn: Callable[[PageT], CursorT | None]
) -> Iterator[PageT]:
    """The first page without a cursor, then each page with the cursor `turn` reads from
    the one before, until it reads none."""
    cursor: CursorT | None = None
    seen: set[Any] = {None}
    while True:
        page = fetch(cursor)
        yield page
        cursor = turn(page)
        if cursor is None:
            return
        _unseen(cursor, seen)


async def acursors(
    fetch: Callable[[CursorT | None], Awaitable[PageT]],
    turn: Callable[[PageT], CursorT | None],
) -> AsyncIterator[PageT]:
    """The asyncio twin of `cursors`."""
    cursor: CursorT | None = None
    seen: set[Any] = {None}
    while True:
        page = await fetch(cursor)
        yield page
        cursor = turn(page)
        if cursor is None:
            return
        _unseen(cursor, seen)


def follow(
    fetch: Callable[[], PageT], link: Callable[[PageT], str | None], base_url: str
) -> Iterator[PageT]:
    """The first page as `fetch` asks for it, then each page the one before links to (on
    the host of `base_url` only), until one links to none."""
    url: str | None = None
    seen: set[str | None] = {None}
    while True:
        token = FOLLOW.set(url)
        try:
            page = fetch()
        finally:
            FOLLOW.reset(token)
        yield page
        target = link(page)
        if not target:
            return
        url = _unseen(same_host(base_url, target), seen)


async def afollow(
    fetch: Callable[[], Awaitable[PageT]],
    link: Callable[[PageT], str | None],
    base_url: str,
) -> AsyncIterator[PageT]:
    """The asyncio twin of `follow`."""
    url: str | None = None
    seen: set[str | None] = {None}
    while True:
        token = FOLLOW.set(url)
        try:
            page = await fetch()
        finally:
            FOLLOW.reset(token)
        yield page
        target = link(page)
        if not target:
            return
        url = _unseen(same_host(base_url, target), seen)


def _unseen(state: StateT, seen: set[Any]) -> StateT:
    if state in seen:
        raise errors.PaginationError(
            "the server sent a page cursor or link it had sent before; stopped rather "
            "than walk the same pages forever"
        )
    seen.add(state)
    return state


def next_number(number: int, items: Any, last_page: Any) -> int | None:
    """The page after `number`, or None after an empty page or the last one."""
    if not items or (isinstance(last_page, int) and number >= last_page):
        return None
    return number + 1


def next_offset(offset: int, items: Any, total: Any) -> int | None:
    """The offset past this page's items, or None after an empty page or the last item."""
    if not items:
        return None
    after = offset + len(items)
    return None if isinstance(total, int) and after >= total else after


def dig(value: Any, *names: str) -> Any:
    """The field at the end of `names`, or None where a step is missing or null."""
    for name in names:
        value = getattr(value, name)
        if value is None or value is msgspec.UNSET:
            return None
    return value


def next_link(headers: httpx.Headers) -> str | None:
    """The target of the `Link` header's `rel="next"` link, or None."""
    for match in _LINK.finditer(headers.get("link", "")):
        for rel in _REL.finditer(match.group(2)):
            if "next" in (rel.group(1) or rel.group(2)).lower().split():
                return match.group(1).strip()
    return None


def same_host(base_url: str, target: str) -> str:
    """`target` (absolute, or relative to `base_url`) as an absolute URL; a URL on another
    host (or scheme, or port) than `base_url` raises, as the client's credentials would go
    with it."""
    url = urljoin(base_url + "/", target)
    here, there = urlsplit(base_url), urlsplit(url)
    if (here.scheme.lower(), _host(here.netloc)) != (
        there.scheme.lower(),
        _host(there.netloc),
    ):
        raise errors.PaginationError(
            f"the server named a next page on {there.hostname or 'another host'}, not "
            f"{here.hostname}; not followed, so that no credentials leave this host"
        )
    return url


def _host(netloc: str) -> str:
    """Host and port, without the userinfo."""
    return netloc.rpartition("@")[2].lower()
