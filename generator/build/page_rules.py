"""Which pagination style a list operation follows, read from its parameters and the shape
of its result when the spec says nothing explicit. Each rule asks for a request parameter
and the page fields its style needs; the first rule that finds them all wins, the most
specific first (a cursor the server names beats counting pages)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..ir import (
    BOOL,
    INT,
    NONE,
    STR,
    Cursor,
    NextLink,
    OffsetLimit,
    PageNumber,
    PageStyle,
    Param,
    ResultPath,
    TypeRef,
    members,
)
from .drafts import ModelDraft
from .page_fields import find, item_key, non_null
from .schemas import Schemas

# Query parameters that carry an opaque cursor back to the server.
CURSOR_PARAMS = (
    "cursor",
    "after",
    "starting_after",
    "page_token",
    "pageToken",
    "next_token",
    "nextToken",
    "continuation_token",
    "continuationToken",
    "iterator",
    "page_cursor",
)
# Page fields that name the next cursor (null or empty at the end).
NEXT_CURSOR_FIELDS = (
    "next_cursor",
    "nextCursor",
    "next_page_token",
    "nextPageToken",
    "next_token",
    "nextToken",
    "continuation_token",
    "continuationToken",
    "iterator",
    "cursor",
)
DONE_FIELDS = ("done",)
HAS_MORE_FIELDS = ("has_more", "hasMore")
# Page fields that hold the URL of the next page.
NEXT_LINK_FIELDS = ("next", "next_url", "nextUrl", "next_page_url", "nextPageUrl", "next_link", "nextLink")
OFFSET_PARAMS = ("offset", "skip")
# Page sizes: a list with one of these is paged, even when the server names the next page.
SIZE_PARAMS = ("limit", "page_size", "pageSize", "pagesize", "per_page", "perPage")
PAGE_PARAMS = ("page", "page_number", "pageNumber")
TOTAL_FIELDS = ("total", "total_count", "totalCount", "total_items", "totalItems", "count")
LAST_PAGE_FIELDS = (
    "max_page",
    "total_pages",
    "totalPages",
    "last_page",
    "lastPage",
    "page_count",
    "pageCount",
    "num_pages",
    "numPages",
)


@dataclass(frozen=True)
class Listing:
    """What the rules look at: the operation's query parameters, its result model (None when
    the result is the array itself), its item type, whether it documents a Link header, and
    where the items are."""

    schemas: Schemas
    query: tuple[Param, ...]
    model: ModelDraft | None
    item: TypeRef
    link_header: bool
    items: ResultPath

    def param(self, wires: tuple[str, ...], kind: TypeRef, optional: bool = False) -> Param | None:
        """The first query parameter named one of `wires`, of type `kind`; `optional`: one
        the first page can leave out (None, with no default)."""
        for wire in wires:
            for p in self.query:
                if p.wire_name == wire and non_null(p.type) == kind and not (optional and not omissible(p)):
                    return p
        return None

    def pages(self) -> bool:
        """Whether the operation takes a page size, cursor, offset or page number."""
        paging = SIZE_PARAMS + CURSOR_PARAMS + OFFSET_PARAMS + PAGE_PARAMS
        return any(p.wire_name in paging for p in self.query)

    def field(self, wires: tuple[str, ...], kind: TypeRef) -> ResultPath | None:
        return find(self.schemas, self.model, wires, (kind,)) if self.model is not None else None


def next_cursor(page: Listing) -> PageStyle | None:
    """A cursor parameter, and a page field naming the next cursor (`done` ends it too)."""
    param = page.param(CURSOR_PARAMS, STR, optional=True)
    found = page.field(NEXT_CURSOR_FIELDS, STR)
    if param is None or found is None:
        return None
    return Cursor(param, next=found, done=page.field(DONE_FIELDS, BOOL))


def last_item_cursor(page: Listing) -> PageStyle | None:
    """A cursor parameter, a `has_more` flag, and items with an `id`: the next page starts
    after the last item."""
    param = page.param(CURSOR_PARAMS, STR, optional=True)
    more = page.field(HAS_MORE_FIELDS, BOOL)
    key = item_key(page.schemas, page.item, "id")
    if param is None or more is None or key is None:
        return None
    return Cursor(param, item_key=key, more=more)


def next_link_field(page: Listing) -> PageStyle | None:
    """A page field holding the next page's URL, on an operation that takes a paging
    parameter (lists that merely share a response shape with `links.next` are not paged)."""
    found = page.field(NEXT_LINK_FIELDS, STR)
    return NextLink(found) if found is not None and page.pages() else None


def link_header(page: Listing) -> PageStyle | None:
    """A documented `Link` response header (RFC 8288, `rel="next"`)."""
    return NextLink(None) if page.link_header else None


def offset_limit(page: Listing) -> PageStyle | None:
    """An integer offset parameter; a total count when there is one."""
    param = page.param(OFFSET_PARAMS, INT)
    if param is None:
        return None
    return OffsetLimit(param, page.field(TOTAL_FIELDS, INT))


def page_number(page: Listing) -> PageStyle | None:
    """An integer page parameter; the last page's number when there is one."""
    param = page.param(PAGE_PARAMS, INT)
    if param is None:
        return None
    return PageNumber(param, start_of(param), page.field(LAST_PAGE_FIELDS, INT))


RULES: tuple[Callable[[Listing], PageStyle | None], ...] = (
    next_cursor,
    last_item_cursor,
    next_link_field,
    link_header,
    offset_limit,
    page_number,
)


def detect(page: Listing) -> PageStyle | None:
    """The style of the first rule that matches, or None: not a list walked page by page."""
    for rule in RULES:
        style = rule(page)
        if style is not None:
            return style
    return None


def start_of(param: Param) -> int:
    """The first page: the parameter's default, else 1."""
    value = param.default.value if param.default is not None else None
    return value if isinstance(value, int) and not isinstance(value, bool) else 1


def omissible(param: Param) -> bool:
    """Whether the argument takes None (the parameter is then not sent)."""
    return NONE in members(param.declared)
