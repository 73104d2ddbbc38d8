"""Pagination detection (build/pagination.py) on IR values, and the generated page walk
beside an operation that already takes the name `iter`."""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Any

import pytest
from conftest import TESTS, generate_in_process
from http_server import Reply, ScriptedServer

from generator.build import BuildOptions, build
from generator.ir import (
    INT,
    Cursor,
    NextLink,
    OffsetLimit,
    PageNumber,
    Pagination,
    ResultPath,
    TypeRef,
)

SPEC = TESTS / "specs" / "pagination.yaml"


def _listing(params: list[dict[str, Any]], page_schema: dict[str, Any]) -> dict[str, Any]:
    return {
        "openapi": "3.1.0",
        "info": {"title": "T", "version": "1"},
        "paths": {
            "/things": {
                "get": {
                    "operationId": "things:list",
                    "parameters": params,
                    "responses": {
                        "200": {
                            "description": "ok",
                            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Page"}}},
                        }
                    },
                }
            }
        },
        "components": {
            "schemas": {
                "Thing": {"type": "object", "required": ["id"], "properties": {"id": {"type": "integer"}}},
                "Page": page_schema,
            }
        },
    }


PAGE_PARAM = {"name": "page", "in": "query", "schema": {"type": "integer", "default": 2}}
NESTED = {
    "type": "object",
    "required": ["items", "pagination"],
    "properties": {
        "items": {"type": "array", "items": {"$ref": "#/components/schemas/Thing"}},
        "pagination": {
            "type": "object",
            "required": ["max_page"],
            "properties": {"max_page": {"type": "integer"}},
        },
    },
}
THINGS = {"type": "array", "items": {"$ref": "#/components/schemas/Thing"}}


def _query(name: str, kind: str = "string") -> dict[str, Any]:
    return {"name": name, "in": "query", "schema": {"type": kind}}


def _page(**fields: Any) -> dict[str, Any]:
    return {"type": "object", "required": ["data"], "properties": {"data": THINGS, **fields}}


def _walk(params: list[dict[str, Any]], page_schema: dict[str, Any], **op: Any) -> Pagination | None:
    spec = _listing(params, page_schema)
    spec["paths"]["/things"]["get"].update(op)
    return build(spec, BuildOptions(package="pkg")).operations[0].pagination


def test_a_page_number_and_max_page_make_a_page_walk() -> None:
    pg = _walk([PAGE_PARAM], NESTED)
    assert pg is not None and (pg.name, pg.pages_name, pg.source) == ("iter", "pages", "detected")
    assert isinstance(pg.style, PageNumber)
    assert (pg.style.param.name, pg.style.start) == ("page", 2)
    assert pg.items == ResultPath(("items",))
    assert pg.style.last_page == ResultPath(("pagination", "max_page"))
    assert pg.item_type == TypeRef("model", "Thing")
    assert pg.positional == () and pg.keyword == ()


def test_no_page_parameter_no_page_walk() -> None:
    assert _walk([], NESTED) is None


def test_an_optional_max_page_is_read_where_it_is() -> None:
    loose = {**NESTED, "properties": {**NESTED["properties"]}}
    loose["properties"]["pagination"] = {"type": "object", "properties": {"max_page": {"type": "integer"}}}
    pg = _walk([PAGE_PARAM], loose)
    assert pg is not None and isinstance(pg.style, PageNumber)
    assert pg.style.last_page == ResultPath(("pagination", "max_page"), optional=True)


def test_offset_and_a_total_over_a_bare_array_and_an_object() -> None:
    bare = _walk([_query("offset", "integer"), _query("limit", "integer")], THINGS)
    assert bare is not None and bare.style == OffsetLimit(bare.style.param, None)  # type: ignore[union-attr]
    assert bare.items == ResultPath(()) and [p.name for p in bare.keyword] == ["limit"]
    counted = _walk([_query("offset", "integer")], _page(total_count={"type": "integer"}))
    assert counted is not None and isinstance(counted.style, OffsetLimit)
    assert counted.style.total == ResultPath(("total_count",), optional=True)


def test_cursor_styles() -> None:
    named = _walk([_query("page_token")], _page(meta={"type": "object", "properties": {"next_page_token": {"type": "string"}}}))
    assert named is not None and isinstance(named.style, Cursor) and named.style.param.wire_name == "page_token"
    assert named.style.next == ResultPath(("meta", "next_page_token"), through_optional=True, optional=True)
    svix = _walk([_query("iterator")], _page(iterator={"type": ["string", "null"]}, done={"type": "boolean"}))
    assert svix is not None and isinstance(svix.style, Cursor)
    assert (svix.style.next, svix.style.done) == (ResultPath(("iterator",), optional=True), ResultPath(("done",), optional=True))
    # Items with a string `id`: the next page starts after the last one.
    named_item = {"type": "object", "required": ["id"], "properties": {"id": {"type": "string"}}}
    stripe_page = _page(data={"type": "array", "items": named_item}, has_more={"type": "boolean"})
    stripe = _walk([_query("starting_after")], stripe_page)
    assert stripe is not None and isinstance(stripe.style, Cursor)
    assert (stripe.style.item_key, stripe.style.more) == (ResultPath(("id",)), ResultPath(("has_more",), optional=True))
    # An integer id is no cursor for a string parameter.
    assert _walk([_query("starting_after")], _page(has_more={"type": "boolean"})) is None


def test_a_cursor_parameter_alone_is_no_walk() -> None:
    # No field says where the next page starts: not guessed.
    assert _walk([_query("cursor")], _page()) is None
    assert _walk([_query("cursor")], {"type": "object", "properties": {"next_cursor": {"type": "string"}}}) is None


def test_next_links() -> None:
    links = {"type": "object", "properties": {"next": {"type": "string", "format": "uri"}}}
    pg = _walk([_query("limit", "integer")], _page(links=links))
    assert pg is not None and pg.style == NextLink(ResultPath(("links", "next"), through_optional=True, optional=True))
    assert pg.style_name == "next link"
    # Without any paging parameter a `links.next` is a shared shape, not a paged list.
    assert _walk([], _page(links=links)) is None
    headed = _walk([_query("per_page", "integer")], THINGS)
    assert headed is None
    spec = _listing([], THINGS)
    spec["paths"]["/things"]["get"]["responses"]["200"]["headers"] = {"Link": {"schema": {"type": "string"}}}
    pg = build(spec, BuildOptions(package="pkg")).operations[0].pagination
    assert pg is not None and pg.style == NextLink(None) and pg.style_name == "next link (Link header)"


def test_x_pagination_names_what_detection_cannot_see() -> None:
    two_lists = {
        "type": "object",
        "required": ["entries", "notes"],
        "properties": {"entries": THINGS, "notes": THINGS, "state": {"type": "object", "properties": {"resume": {"type": "string"}}}},
    }
    assert _walk([_query("token")], two_lists) is None
    extension = {"style": "cursor", "request": {"cursor": "token"}, "response": {"items": "entries", "next": "state.resume"}}
    pg = _walk([_query("token")], two_lists, **{"x-pagination": extension})
    assert pg is not None and pg.source == "x-pagination" and pg.items == ResultPath(("entries",))
    assert pg.style == Cursor(pg.style.param, next=ResultPath(("state", "resume"), True, True))  # type: ignore[union-attr]


def test_x_pagination_false_turns_detection_off() -> None:
    assert _walk([PAGE_PARAM], NESTED, **{"x-pagination": False}) is None


@pytest.mark.parametrize(
    ("extension", "pointer", "message"),
    [
        ("cursor", "/x-pagination", "must be a mapping"),
        ({"style": "sideways"}, "/x-pagination/style", "style must be one of"),
        ({"style": "page", "request": {"cursor": "page"}}, "/x-pagination/request/cursor", "unknown key"),
        ({"style": "page"}, "/x-pagination/request", "needs `request.page`"),
        ({"style": "page", "request": {"page": "nope"}}, "/x-pagination/request/page", "no int query parameter"),
        ({"style": "next-link", "request": {}, "response": {"next": "missing"}}, "/x-pagination/response/next", "no str field"),
        ({"style": "page", "request": {"page": "page"}, "response": {"items": "pagination"}}, "/x-pagination/response/items", "no array"),
    ],
)
def test_a_malformed_x_pagination_is_a_located_warning(extension: Any, pointer: str, message: str) -> None:
    spec = _listing([PAGE_PARAM], NESTED)
    spec["paths"]["/things"]["get"]["x-pagination"] = extension
    api = build(spec, BuildOptions(package="pkg"))
    assert api.operations[0].pagination is None
    (warning,) = [p for p in api.warnings if "x-pagination" in p.message]
    assert warning.is_warning and warning.pointer == "/paths/~1things/get" + pointer
    assert message in warning.message and "without page walking" in warning.message


def test_the_walk_takes_a_free_name_beside_an_iter_operation() -> None:
    import yaml

    api = build(yaml.safe_load(SPEC.read_text()), BuildOptions(package="pkg"))
    ops = {op.python_path: op for op in api.operations}
    assert set(ops) == {"items.list", "items.iter"}
    pg = ops["items.list"].pagination
    assert pg is not None and (pg.name, pg.pages_name) == ("iter_2", "pages")
    assert isinstance(pg.style, PageNumber) and pg.style.param.type == INT
    assert [p.name for p in pg.keyword] == ["limit"]


@pytest.fixture(scope="module")
def paged(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("paged")
    generate_in_process(SPEC, out, "paged_catalogue")
    return out


def _methods(source: str, cls: str) -> list[str]:
    tree = ast.parse(source)
    (node,) = [n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == cls]
    return [n.name for n in node.body if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))]


def test_each_method_is_defined_once(paged: Path) -> None:
    source = (paged / "paged_catalogue" / "_client.py").read_text()
    for cls in ("ItemsResource", "AsyncItemsResource"):
        assert sorted(_methods(source, cls)) == ["__init__", "iter", "iter_2", "list", "pages"], cls


def test_the_readme_names_the_methods_that_exist(paged: Path) -> None:
    readme = (paged / "README.md").read_text()
    assert "client.items.iter_2(limit=10)" in readme
    assert "client.items.iter()" in readme
    assert "an `iter` method" not in readme


def test_both_are_callable_against_a_server(
    paged: Path, import_generated: Any, http_server: ScriptedServer
) -> None:
    pkg = import_generated(paged, "paged_catalogue")
    http_server.route("GET", "/items/iteration", Reply.json({"number": 7}))
    http_server.enqueue(
        "GET",
        "/items",
        Reply.json({"items": [{"id": 1}, {"id": 2}], "pagination": {"total_count": 3, "max_page": 2}}),
        Reply.json({"items": [{"id": 3}], "pagination": {"total_count": 3, "max_page": 2}}),
    )
    with pkg.Client(base_url=http_server.url) as client:
        assert client.items.iter().number == 7
        assert [item.id for item in client.items.iter_2(limit=2)] == [1, 2, 3]
    pages = [r for r in http_server.requests if r.path == "/items"]
    assert [r.query for r in pages] == [[("page", "1"), ("limit", "2")], [("page", "2"), ("limit", "2")]]
