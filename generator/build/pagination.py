"""Which list operations are walked page by page, and how: the operation's `x-pagination`
extension (page_extension.py) when it has one, then Polar's `x-speakeasy-pagination` hint,
then the shape of its parameters and result (page_rules.py)."""

from __future__ import annotations

import re
from typing import Any

from ..ir import (
    ANY,
    INT,
    Body,
    Cursor,
    NextLink,
    OffsetLimit,
    PageNumber,
    PageStyle,
    Pagination,
    Param,
    ResultPath,
    TypeRef,
)
from ..problems import Problem
from .page_extension import Declared, declared
from .page_fields import field_type, item_list, non_null, path_to
from .page_rules import Listing, detect, start_of
from .schemas import Schemas


def pagination(
    schemas: Schemas,
    spec: dict[str, Any],
    pointer: str,
    name: str,
    params: tuple[Param, ...],
    body: Body | None,
    returns: TypeRef | None,
    problems: list[Problem],
) -> Pagination | None:
    """The page walk of the operation `name`, or None when it is no list walked page by page."""
    if body is not None:
        return None
    query = tuple(p for p in params if p.location == "query")
    link = _documents_link_header(schemas, spec)

    def lister(items: tuple[str, ...] | None) -> Listing | None:
        return _listing(schemas, query, returns, link, items)

    explicit = declared(spec, pointer, lister, problems)
    if explicit is False:
        return None
    if isinstance(explicit, Declared):
        chosen: tuple[PageStyle, tuple[str, ...] | None] | None = (explicit.style, explicit.items)
    else:
        chosen = _speakeasy(schemas, spec, query, returns, link)
        if chosen is None:
            page = lister(None)
            style = detect(page) if page is not None else None
            chosen = (style, None) if style is not None else None
    if chosen is None:
        return None
    style, items = chosen
    page = lister(items)
    if page is None:
        return None
    return _pagination(name, params, style, page, "x-pagination" if isinstance(explicit, Declared) else "detected")


def _pagination(name: str, params: tuple[Param, ...], style: PageStyle, page: Listing, source: str) -> Pagination:
    walked = None if isinstance(style, NextLink) else style.param
    others = tuple(p for p in params if p is not walked)
    but = f" but `{walked.name}`" if walked is not None else ""
    how = _how(style)
    return Pagination(
        name="iter" if name == "list" else f"iter_{name}",
        pages_name="pages" if name == "list" else f"pages_{name}",
        style=style,
        source=source,
        items=page.items,
        item_type=page.item,
        positional=tuple(p for p in others if p.location == "path"),
        keyword=tuple(p for p in others if p.location != "path"),
        doc=f"Every item of `{name}()`, fetched page by page as you iterate.\n\n"
        f"Takes the arguments of `{name}()`{but}; {how}.",
        pages_doc=f"Every page of `{name}()` (each its whole result), fetched as you iterate.\n\n"
        f"Takes the arguments of `{name}()`{but}; {how}.",
    )


def _how(style: PageStyle) -> str:
    """How the walk goes on and where it ends, for the methods' documentation."""
    if isinstance(style, PageNumber):
        last = f"after page `{'.'.join(style.last_page.names)}`, or " if style.last_page else ""
        return f"counts `{style.param.name}` up from {style.start} and stops {last}at an empty page"
    if isinstance(style, OffsetLimit):
        total = f", or once `{'.'.join(style.total.names)}` items came" if style.total else ""
        return f"moves `{style.param.name}` past each page and stops at an empty page{total}"
    if isinstance(style, Cursor):
        if style.next is not None:
            done = f" or `{'.'.join(style.done.names)}` is true" if style.done else ""
            return (
                f"sends each page's `{'.'.join(style.next.names)}` back as `{style.param.name}` "
                f"and stops when it is empty{done}"
            )
        more = ".".join(style.more.names) if style.more else ""
        key = ".".join(style.item_key.names) if style.item_key else ""
        return f"starts each page after the last item's `{key}` while `{more}` is true"
    where = f"the `{'.'.join(style.field.names)}` URL" if style.field else "the `Link` header's next link"
    return f"follows {where} of each page until there is none, on this client's host only"


def _listing(
    schemas: Schemas,
    query: tuple[Param, ...],
    returns: TypeRef | None,
    link: bool,
    items: tuple[str, ...] | None,
) -> Listing | None:
    """The operation as the rules see it, with its items at `items` (or found by shape)."""
    if returns is None:
        return None
    if returns.kind == "list":
        if items or returns.args[0] == ANY:
            return None
        return Listing(schemas, query, None, returns.args[0], link, ResultPath(()))
    if returns.kind != "model":
        return None
    model = schemas.models[returns.name]
    if items is None:
        found = item_list(schemas, model)
        if found is None:
            return None
        return Listing(schemas, query, model, found[1], link, found[0])
    at = path_to(schemas, model, items)
    if at is None or at[0].through_optional:
        return None
    kind = field_type(at[1])
    if kind.kind != "list" or kind.args[0] == ANY:
        return None
    return Listing(schemas, query, model, kind.args[0], link, at[0])


def _documents_link_header(schemas: Schemas, spec: dict[str, Any]) -> bool:
    for status, response in (spec.get("responses") or {}).items():
        if str(status).startswith("2"):
            node, _ = schemas.doc.resolve(response, "")
            headers = node.get("headers") if isinstance(node, dict) else None
            if isinstance(headers, dict) and any(str(h).lower() == "link" for h in headers):
                return True
    return False


def _speakeasy(
    schemas: Schemas, spec: dict[str, Any], query: tuple[Param, ...], returns: TypeRef | None, link: bool
) -> tuple[PageStyle, tuple[str, ...] | None] | None:
    """Polar's hint: `offsetLimit` with a `page` input and `results`/`numPages` outputs."""
    hint = spec.get("x-speakeasy-pagination")
    if not isinstance(hint, dict) or hint.get("type") != "offsetLimit":
        return None
    inputs = [i.get("name") for i in hint.get("inputs") or [] if isinstance(i, dict) and i.get("type") == "page"]
    outputs = hint.get("outputs")
    if not inputs or not isinstance(outputs, dict):
        return None
    items, last = _json_path(outputs.get("results")), _json_path(outputs.get("numPages"))
    page = _listing(schemas, query, returns, link, items or None)
    param = next((p for p in query if p.wire_name == inputs[0] and non_null(p.type) == INT), None)
    if page is None or param is None or page.model is None:
        return None
    found = path_to(schemas, page.model, last) if last else None
    last_page = found[0] if found is not None and field_type(found[1]) == INT else None
    return PageNumber(param, start_of(param), last_page), items or None


def _json_path(path: Any) -> tuple[str, ...]:
    """`$.pagination.max_page` -> ("pagination", "max_page"); anything fancier -> ()."""
    if not isinstance(path, str) or not path.startswith("$."):
        return ()
    parts = path[2:].split(".")
    return tuple(parts) if all(re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", p) for p in parts) else ()
