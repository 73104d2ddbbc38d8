"""How a list operation is walked page by page: a style and the parts it needs, as values.

Each style names the request parameter the walk sets from one page to the next (none for
next links, which the server spells out whole) and the fields of a page it reads."""

from __future__ import annotations

from dataclasses import dataclass

from .operations import Param
from .types import TypeRef


@dataclass(frozen=True)
class ResultPath:
    """Attribute names from a page (the operation's result) to one of its fields."""

    names: tuple[str, ...]
    # Whether a step before the last may be missing or null (the read then gives None),
    # and whether the field itself may be.
    through_optional: bool = False
    optional: bool = False


@dataclass(frozen=True)
class PageNumber:
    """`page=1, 2, ...` until an empty page or the last page the server reports. A short
    page is no end: servers cap the page size below what was asked."""

    param: Param
    start: int
    last_page: ResultPath | None


@dataclass(frozen=True)
class OffsetLimit:
    """The offset advanced by each page's length until an empty page or the total count."""

    param: Param
    total: ResultPath | None


@dataclass(frozen=True)
class Cursor:
    """An opaque cursor sent back as `param`: read from a field of the page (`next`; null or
    empty ends the walk, as does `done` when true), or taken from the last item's `item_key`
    while `more` (a `has_more` flag) is true."""

    param: Param
    next: ResultPath | None = None
    done: ResultPath | None = None
    item_key: ResultPath | None = None
    more: ResultPath | None = None


@dataclass(frozen=True)
class NextLink:
    """The server names the next page's URL: in a body field (`field`), or in an RFC 8288
    `Link: <...>; rel="next"` header (`field` is None)."""

    field: ResultPath | None


PageStyle = PageNumber | OffsetLimit | Cursor | NextLink

STYLE_NAMES: dict[type, str] = {
    PageNumber: "page number",
    OffsetLimit: "offset/limit",
    Cursor: "cursor",
    NextLink: "next link",
}


@dataclass(frozen=True)
class Pagination:
    """A list operation walked page by page (`pages`) and item by item (`name`)."""

    name: str
    pages_name: str
    style: PageStyle
    # Where the style came from: "detected", or "x-pagination" (the operation's extension).
    source: str
    # The items in a page; `names == ()` when the page is the list itself.
    items: ResultPath
    item_type: TypeRef
    # The list operation's other parameters, which the walking methods take as well.
    positional: tuple[Param, ...]
    keyword: tuple[Param, ...]
    doc: str
    pages_doc: str

    @property
    def style_name(self) -> str:
        """How review and documentation name the style (`cursor`, `next link (Link header)`)."""
        name = STYLE_NAMES[type(self.style)]
        if isinstance(self.style, NextLink) and self.style.field is None:
            return name + " (Link header)"
        return name
