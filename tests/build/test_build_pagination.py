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
from generator.ir import INT, TypeRef

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


def test_a_page_number_and_max_page_make_a_page_walk() -> None:
    api = build(_listing([PAGE_PARAM], NESTED), BuildOptions(package="pkg"))
    (op,) = api.operations
    pg = op.pagination
    assert pg is not None
    assert (pg.name, pg.page.name, pg.start) == ("iter", "page", 2)
    assert (pg.items, pg.last_page) == (("items",), ("pagination", "max_page"))
    assert pg.item_type == TypeRef("model", "Thing")
    assert pg.positional == () and pg.keyword == ()


def test_no_page_parameter_no_page_walk() -> None:
    api = build(_listing([], NESTED), BuildOptions(package="pkg"))
    assert api.operations[0].pagination is None


def test_an_optional_max_page_is_no_page_walk() -> None:
    loose = {**NESTED, "properties": {**NESTED["properties"]}}
    loose["properties"]["pagination"] = {"type": "object", "properties": {"max_page": {"type": "integer"}}}
    api = build(_listing([PAGE_PARAM], loose), BuildOptions(package="pkg"))
    assert api.operations[0].pagination is None


def test_the_walk_takes_a_free_name_beside_an_iter_operation() -> None:
    import yaml

    api = build(yaml.safe_load(SPEC.read_text()), BuildOptions(package="pkg"))
    ops = {op.python_path: op for op in api.operations}
    assert set(ops) == {"items.list", "items.iter"}
    pg = ops["items.list"].pagination
    assert pg is not None and pg.name == "iter_2"
    assert pg.page.type == INT and [p.name for p in pg.keyword] == ["limit"]


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
        assert sorted(_methods(source, cls)) == ["__init__", "iter", "iter_2", "list"], cls


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
