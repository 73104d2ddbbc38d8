"""Which list operations are walked page by page, and how: the one place that detects
pagination. Polar's `x-speakeasy-pagination` hint names the parts; without it the shape
decides (an integer `page` query parameter, and a response object with one required array
field and a required integer `max_page` at most one object down)."""

from __future__ import annotations

import re
from typing import Any

from ..ir import ANY, INT, Body, Pagination, Param, TypeRef
from .drafts import FieldDraft, ModelDraft
from .schemas import Schemas


def pagination(
    schemas: Schemas,
    spec: dict[str, Any],
    name: str,
    params: tuple[Param, ...],
    body: Body | None,
    returns: TypeRef | None,
) -> Pagination | None:
    """The page walk of the operation `name`, or None when it is not a page-numbered list."""
    if returns is None or returns.kind != "model" or body is not None:
        return None
    model = schemas.models[returns.name]
    hint = spec.get("x-speakeasy-pagination")
    page_wire = "page"
    items_path: tuple[str, ...]
    last_path: tuple[str, ...]
    if isinstance(hint, dict):
        if hint.get("type") != "offsetLimit":
            return None
        pages = [i.get("name") for i in hint.get("inputs") or [] if isinstance(i, dict) and i.get("type") == "page"]
        outputs = hint.get("outputs") or {}
        if not pages or not isinstance(outputs, dict):
            return None
        page_wire = str(pages[0])
        items_path = _json_path(outputs.get("results"))
        last_path = _json_path(outputs.get("numPages"))
    else:
        arrays = [f for f in model.fields if f.type.kind == "list" and f.required]
        if len(arrays) != 1:
            return None
        items_path = (arrays[0].wire,)
        last_path = _find_max_page(schemas, model) or ()
    page = next((p for p in params if p.location == "query" and p.wire_name == page_wire and p.type == INT), None)
    items = _attr_path(schemas, model, items_path)
    last = _attr_path(schemas, model, last_path)
    if page is None or items is None or last is None:
        return None
    item_field = _field_at(schemas, model, items_path)
    if item_field is None or item_field.type.kind != "list" or item_field.type.args[0] == ANY:
        return None
    others = tuple(p for p in params if p is not page)
    start = page.default.value if page.default is not None and isinstance(page.default.value, int) else 1
    return Pagination(
        name="iter" if name == "list" else f"iter_{name}",
        page=page,
        start=start,
        items=items,
        last_page=last,
        item_type=item_field.type.args[0],
        positional=tuple(p for p in others if p.location == "path"),
        keyword=tuple(p for p in others if p.location != "path"),
        doc=f"Every item of `{name}()`, fetched page by page as you iterate.\n\n"
        f"Takes the arguments of `{name}()` but `{page.name}`; stops after the last "
        "page the server reports, or at an empty page.",
    )


def _find_max_page(schemas: Schemas, model: ModelDraft) -> tuple[str, ...] | None:
    for f in model.fields:
        if f.wire == "max_page" and f.type == INT and f.required:
            return (f.wire,)
    for f in model.fields:
        if f.type.kind == "model" and f.required:
            for g in schemas.models[f.type.name].fields:
                if g.wire == "max_page" and g.type == INT and g.required:
                    return (f.wire, g.wire)
    return None


def _field_at(schemas: Schemas, model: ModelDraft, path: tuple[str, ...]) -> FieldDraft | None:
    found: FieldDraft | None = None
    for i, wire in enumerate(path):
        found = next((f for f in model.fields if f.wire == wire), None)
        if found is None:
            return None
        if i < len(path) - 1:
            if found.type.kind != "model" or not found.required:
                return None
            model = schemas.models[found.type.name]
    return found


def _attr_path(schemas: Schemas, model: ModelDraft, path: tuple[str, ...]) -> tuple[str, ...] | None:
    """Python attribute names along a path of required wire names, or None."""
    if not path:
        return None
    names: list[str] = []
    for i in range(len(path)):
        f = _field_at(schemas, model, path[: i + 1])
        if f is None or not f.required or f.type.is_nullable:
            return None
        names.append(f.name)
    return tuple(names)


def _json_path(path: Any) -> tuple[str, ...]:
    """`$.pagination.max_page` -> ("pagination", "max_page"); anything fancier -> ()."""
    if not isinstance(path, str) or not path.startswith("$."):
        return ()
    parts = path[2:].split(".")
    return tuple(parts) if all(re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", p) for p in parts) else ()
