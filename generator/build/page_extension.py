"""The `x-pagination` extension of an operation: the page walk spelled out where detection
(page_rules.py) cannot see it, or `x-pagination: false` where it sees one that is not there.

    x-pagination:
      style: cursor          # page | offset | cursor | next-link | link-header
      request:               # query parameters, by wire name
        cursor: after        # page: `page`, offset: `offset`, cursor: `cursor`
      response:              # fields of the result, dotted wire names
        items: data          # optional when the result is the array, or has only one
        next: next_cursor    # cursor: the next cursor; next-link: the next page's URL
        done: done           # cursor, optional: true on the last page
        has_more: has_more   # cursor, with item_key: the next cursor is the last item's
        item_key: id         #   field `item_key`, while `has_more` is true
        last_page: meta.pages  # page, optional: the last page's number
        total: total_count   # offset, optional: how many items there are in all

Anything malformed is a warning at the extension, and the operation is generated without
page walking: a walk built on a guess could loop or skip items."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..ir import (
    BOOL,
    INT,
    STR,
    Cursor,
    NextLink,
    OffsetLimit,
    PageNumber,
    PageStyle,
    Param,
    ResultPath,
    TypeRef,
)
from ..problems import Problem, join_pointer, warning
from .page_fields import field_type, item_key, non_null, path_to
from .page_rules import Listing, omissible, start_of

EXTENSION = "x-pagination"
STYLES = ("page", "offset", "cursor", "next-link", "link-header")
REQUEST_KEYS = {"page": ("page",), "offset": ("offset",), "cursor": ("cursor",)}
RESPONSE_KEYS = {
    "page": ("items", "last_page"),
    "offset": ("items", "total"),
    "cursor": ("items", "next", "done", "has_more", "item_key"),
    "next-link": ("items", "next"),
    "link-header": ("items",),
}


@dataclass(frozen=True)
class Declared:
    """What the extension says: a style and, when named, where the items are."""

    style: PageStyle
    items: tuple[str, ...] | None


class _Malformed(Exception):
    def __init__(self, pointer: str, message: str) -> None:
        super().__init__(message)
        self.pointer = pointer


# The listing of the operation with its items at the given wire path (None: found by
# shape), or None when there are no such items.
Lister = Callable[[tuple[str, ...] | None], Listing | None]


def declared(spec: dict[str, Any], pointer: str, lister: Lister, problems: list[Problem]) -> Declared | bool:
    """The walk the extension declares; True when there is no extension (detect instead);
    False when it turns pagination off or is malformed (a warning then says why)."""
    if EXTENSION not in spec:
        return True
    here = join_pointer(pointer, EXTENSION)
    value = spec[EXTENSION]
    if value is False:
        return False
    try:
        return _read(value, here, lister)
    except _Malformed as bad:
        problems.append(
            warning(bad.pointer, f"{EXTENSION}: {bad}; the operation is generated without page walking")
        )
        return False


def _read(value: Any, here: str, lister: Lister) -> Declared:
    table = _table(value, here, ("style", "request", "response"))
    style = table.get("style")
    if style not in STYLES:
        raise _Malformed(join_pointer(here, "style"), f"style must be one of {', '.join(STYLES)}, not {style!r}")
    request = _table(table.get("request", {}), join_pointer(here, "request"), REQUEST_KEYS.get(style, ()))
    response = _table(table.get("response", {}), join_pointer(here, "response"), RESPONSE_KEYS[style])
    items = _wires(response, "items", join_pointer(here, "response"))
    page = lister(items)
    if page is None:
        where = join_pointer(here, "response", "items") if items else here
        raise _Malformed(where, "the result has no array of typed items to walk")
    fields = _Fields(page, join_pointer(here, "response"), response)
    params = _Params(page, join_pointer(here, "request"), request)
    if style == "page":
        p = params.need("page", INT)
        return Declared(PageNumber(p, start_of(p), fields.get("last_page", INT)), items)
    if style == "offset":
        return Declared(OffsetLimit(params.need("offset", INT), fields.get("total", INT)), items)
    if style == "cursor":
        return Declared(_cursor(params, fields, response, here, page), items)
    if style == "next-link":
        link = fields.get("next", STR)
        if link is None:
            raise _Malformed(join_pointer(here, "response"), "a next-link walk needs `response.next`")
        return Declared(NextLink(link), items)
    return Declared(NextLink(None), items)


def _cursor(params: _Params, fields: _Fields, response: dict[str, Any], here: str, page: Listing) -> Cursor:
    p = params.need("cursor", STR)
    if not omissible(p):
        raise _Malformed(
            join_pointer(here, "request", "cursor"),
            f"{p.wire_name!r} must be optional without a default: the first page is asked for without it",
        )
    if "item_key" in response:
        key = response["item_key"]
        found = item_key(page.schemas, page.item, key) if isinstance(key, str) else None
        if found is None:
            raise _Malformed(
                join_pointer(here, "response", "item_key"), f"the items have no string field {key!r}"
            )
        more = fields.get("has_more", BOOL)
        if more is None:
            raise _Malformed(join_pointer(here, "response"), "`item_key` needs `has_more`")
        return Cursor(p, item_key=found, more=more)
    next_ = fields.get("next", STR)
    if next_ is None:
        raise _Malformed(join_pointer(here, "response"), "a cursor walk needs `response.next` or `item_key`")
    return Cursor(p, next=next_, done=fields.get("done", BOOL))


def _wires(paths: dict[str, Any], key: str, here: str) -> tuple[str, ...] | None:
    value = paths.get(key)
    if value is None:
        return None
    if not isinstance(value, str) or not all(value.split(".")):
        raise _Malformed(join_pointer(here, key), "must be a dotted path of field names")
    return tuple(value.split("."))


def _table(value: Any, here: str, keys: tuple[str, ...]) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise _Malformed(here, "must be a mapping")
    for key in value:
        if key not in keys:
            known = ", ".join(keys) or "nothing"
            raise _Malformed(join_pointer(here, str(key)), f"unknown key {key!r} (this style takes {known})")
    return value


@dataclass(frozen=True)
class _Params:
    page: Listing
    here: str
    names: dict[str, Any]

    def need(self, key: str, kind: TypeRef) -> Param:
        if key not in self.names:
            raise _Malformed(self.here, f"this style needs `request.{key}`")
        wire = self.names[key]
        found = next((p for p in self.page.query if p.wire_name == wire), None)
        if found is None or non_null(found.type) != kind:
            raise _Malformed(
                join_pointer(self.here, key), f"{wire!r} is no {kind.name} query parameter of the operation"
            )
        return found


@dataclass(frozen=True)
class _Fields:
    page: Listing
    here: str
    paths: dict[str, Any]

    def get(self, key: str, kind: TypeRef) -> ResultPath | None:
        wires = _wires(self.paths, key, self.here)
        if wires is None:
            return None
        found = path_to(self.page.schemas, self.page.model, wires) if self.page.model is not None else None
        if found is None or field_type(found[1]) != kind:
            raise _Malformed(
                join_pointer(self.here, key), f"the result has no {kind.name} field {'.'.join(wires)!r}"
            )
        return found[0]
