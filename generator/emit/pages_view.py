"""The page-walking methods of a list operation as source text: `pages()`, which yields each
page (the operation's result) through the runtime's `_pages.walk`, `cursors` or `follow`, and
`iter()`, which yields the items of those pages. The style (ir/pagination.py) decides what
the next request is made of."""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

from ..ir import Cursor, NextLink, OffsetLimit, Operation, PageNumber, Pagination, ResultPath
from . import layout
from .pysource import docstring, string_literal

# What the runtime hands each step of a walk: the page just fetched.
PAGE = "result"


@dataclass(frozen=True)
class PagesSource:
    """The statements of both methods after their docstrings, sync and async."""

    pages_body: str
    async_pages_body: str
    # The async `pages()` is a coroutine-free `def` returning the runtime's async iterator,
    # except where it reads raw responses (the Link header): then an async generator.
    async_pages_is_generator: bool
    items_body: str
    async_items_body: str
    pages_docstring: str


def pages_source(
    op: Operation, pg: Pagination, args: list[str], fetch_args: list[str], taken: set[str]
) -> PagesSource:
    """`args`: the arguments the methods pass on (the list operation's but the walk's own,
    `**options` last); `fetch_args`: the list call of one page, the walk's own among them;
    `taken`: the names of the methods' parameters."""
    client = "self._client" if op.namespace else "self"
    style = pg.style
    call = f"self.{op.name}"
    async_generator = False
    if isinstance(style, NextLink):
        link = (
            f"{PAGE}: _pages.next_link({PAGE}.headers)"
            if style.field is None
            else f"{PAGE}: {_read(style.field, or_none=True)}"
        )
        if style.field is None:
            async_generator = True
            sync = _link_header_loop("_pages.follow", f"_raw_response.raw({call})", args, link, client, "for")
            asyn = _link_header_loop("_pages.afollow", f"_raw_response.async_raw({call})", args, link, client, "async for")
        else:
            sync = _follow("_pages.follow", call, args, link, client)
            asyn = _follow("_pages.afollow", call, args, link, client)
    elif isinstance(style, Cursor):
        param = style.param.name
        turn = f"{PAGE}: {_turn(style, pg.items)}"
        sync = _walk("_pages.cursors", call, param, fetch_args, turn, None)
        asyn = _walk("_pages.acursors", call, param, fetch_args, turn, None)
    else:
        param = style.param.name
        turn = f"{param}, {PAGE}: {_turn(style, pg.items)}"
        sync = _walk("_pages.walk", call, param, fetch_args, turn, _start(style))
        asyn = _walk("_pages.awalk", call, param, fetch_args, turn, _start(style))
    return PagesSource(
        pages_body=sync,
        async_pages_body=asyn,
        async_pages_is_generator=async_generator,
        items_body=_items_loop(pg, args, taken, is_async=False),
        async_items_body=_items_loop(pg, args, taken, is_async=True),
        pages_docstring=docstring(wrapped(pg.pages_doc, 8), 8) or "",
    )


def wrapped(text: str, indent: int) -> str:
    """Generated prose in paragraphs that fit the line at `indent` (spec text is never
    re-wrapped; these are the generator's own words)."""
    width = layout.LINE_LENGTH - indent
    return "\n\n".join(textwrap.fill(p, width, break_on_hyphens=False) for p in text.split("\n\n"))


def _walk(runner: str, call: str, param: str, args: list[str], turn: str, start: str | None) -> str:
    """`return runner(fetch, turn[, start])`; cursor walks start without one."""
    fetch = layout.bracketed(12, f"lambda {param}: {call}(", args, "),")
    lines = [f"        return {runner}(", fetch, _lambda(turn)]
    lines += [f"            {start},"] if start is not None else []
    return "\n".join([*lines, "        )"])


def _lambda(text: str) -> str:
    """`lambda ...,` as an argument line, split as black splits one that is too long: a
    call at its end opened over the lines below, else the body in parentheses."""
    line = f"            lambda {text},"
    if len(line) <= layout.LINE_LENGTH:
        return line
    head, _, body = text.partition(": ")
    if body.startswith("_pages.") and body.endswith(")"):
        name, _, inner = body[:-1].partition("(")
        return layout.bracketed(12, f"lambda {head}: {name}(", inner.split(", "), "),")
    inner = body[1:-1] if layout.enclosed(body) else body
    lines = layout.parenthesised(16, inner) or [f"                {inner}"]
    return "\n".join([f"            lambda {head}: (", *lines, "            ),"])


def _follow(runner: str, call: str, args: list[str], link: str, client: str) -> str:
    fetch = layout.bracketed(12, f"lambda: {call}(", args, "),")
    return "\n".join(
        [f"        return {runner}(", fetch, _lambda(link), f"            {client}.base_url,", "        )"]
    )


def _link_header_loop(runner: str, call: str, args: list[str], link: str, client: str, loop: str) -> str:
    fetch = layout.bracketed(12, f"lambda: {call}(", args, "),")
    return "\n".join(
        [
            f"        {loop} {PAGE} in {runner}(",
            fetch,
            _lambda(link),
            f"            {client}.base_url,",
            "        ):",
            f"            yield {PAGE}.parse()",
        ]
    )


def _items_loop(pg: Pagination, args: list[str], taken: set[str], *, is_async: bool) -> str:
    page = _fresh("page", taken)
    items = _read(pg.items, or_empty=True, page=page)
    call = layout.bracketed(8, f"{'async for' if is_async else 'for'} {page} in self.{pg.pages_name}(", args, "):")
    if not is_async:
        return call + f"\n            yield from {items}"
    item = _fresh("item", taken)
    return call + f"\n            for {item} in {items}:\n                yield {item}"


def _fresh(name: str, taken: set[str]) -> str:
    """`name`, or `name_` (and so on) when a parameter of the method already has it."""
    while name in taken:
        name += "_"
    return name


def _start(style: PageNumber | OffsetLimit) -> str:
    if isinstance(style, PageNumber):
        return str(style.start)
    value = style.param.default.value if style.param.default is not None else None
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else "0"


def _turn(style: PageNumber | OffsetLimit | Cursor, items: ResultPath) -> str:
    """What the next page's state is made of the last state and the page just fetched."""
    if isinstance(style, PageNumber):
        last = _read(style.last_page) if style.last_page is not None else "None"
        return f"_pages.next_number({style.param.name}, {_read(items)}, {last})"
    if isinstance(style, OffsetLimit):
        total = _read(style.total) if style.total is not None else "None"
        return f"_pages.next_offset({style.param.name}, {_read(items)}, {total})"
    if style.next is not None:
        cursor = _read(style.next, or_none=True)
        return f"None if {_read(style.done)} else {cursor}" if style.done is not None else cursor
    assert style.item_key is not None and style.more is not None
    listed = _read(items)
    key = ".".join(style.item_key.names) + (" or None" if style.item_key.optional else "")
    last = f"({listed}[-1].{key})" if style.item_key.optional else f"{listed}[-1].{key}"
    return f"{last} if {_read(style.more)} and {listed} else None"


def _read(path: ResultPath, *, or_none: bool = False, or_empty: bool = False, page: str = PAGE) -> str:
    """The expression that reads `path` of the page: `result.meta.cursor`, or through
    `_pages.dig` where a step on the way may be missing; `or None` / `or ()` where the field
    may be unset and the reader wants a plain value."""
    if not path.names:
        return page
    if path.through_optional:
        text = f"_pages.dig({page}, {', '.join(string_literal(n) for n in path.names)})"
        return f"{text} or ()" if or_empty else text
    text = f"{page}." + ".".join(path.names)
    if path.optional and or_none:
        return f"({text} or None)"
    if path.optional and or_empty:
        return f"{text} or ()"
    return text

