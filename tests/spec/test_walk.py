"""The one walk over a document's operations: what it yields, in which order, and what it
passes over, so the stages that read operations all see the same ones."""

from __future__ import annotations

from typing import Any

from generator.spec.walk import OperationSite, follow_local, item_operations, operations, path_items

OK = {"responses": {"200": {"description": "ok"}}}


def _sites(data: Any) -> list[tuple[str, str, str, str]]:
    return [(op.path, op.method, op.pointer, op.source) for op in operations(data)]


def test_every_operation_in_document_order_and_method_order() -> None:
    data = {
        "paths": {
            "/b": {"post": OK, "get": OK, "summary": "not an operation", "x-get": OK},
            "/a/{id}": {"trace": OK, "delete": OK},
        }
    }
    assert _sites(data) == [
        ("/b", "get", "/paths/~1b/get", "/paths/~1b/get"),
        ("/b", "post", "/paths/~1b/post", "/paths/~1b/post"),
        ("/a/{id}", "delete", "/paths/~1a~1{id}/delete", "/paths/~1a~1{id}/delete"),
        ("/a/{id}", "trace", "/paths/~1a~1{id}/trace", "/paths/~1a~1{id}/trace"),
    ]


def test_an_operation_carries_its_node_and_the_shared_parameters_as_written() -> None:
    shared = [{"$ref": "#/components/parameters/Id"}, {"name": "q", "in": "query"}]
    data = {"paths": {"/x": {"parameters": shared, "get": OK}}}
    (site,) = operations(data)
    assert site == OperationSite("/x", "get", "/paths/~1x/get", OK, tuple(shared), "/paths/~1x/get")
    assert site.node is OK


def test_a_path_item_reference_is_followed_and_the_source_says_where_it_led() -> None:
    item = {"parameters": [{"name": "id", "in": "path"}], "get": OK}
    data = {
        "paths": {"/x": {"$ref": "#/components/pathItems/Mid"}},
        "components": {"pathItems": {"Mid": {"$ref": "#/components/pathItems/X"}, "X": item}},
    }
    (site,) = operations(data)
    assert site.pointer == "/paths/~1x/get"
    assert site.source == "/components/pathItems/X/get"
    assert site.shared == ({"name": "id", "in": "path"},)
    (found,) = path_items(data)
    assert (found.pointer, found.source, found.node) == ("/paths/~1x", "/components/pathItems/X", item)


def test_what_leads_to_no_path_item_is_passed_over() -> None:
    data = {
        "paths": {
            "/dangling": {"$ref": "#/components/pathItems/Missing"},
            "/file": {"$ref": "other.yaml#/x"},
            "/loop": {"$ref": "#/paths/~1loop"},
            "/list": [OK],
            "/null": None,
            "/fine": {"get": OK, "put": "not a mapping", "parameters": "not a list"},
        }
    }
    assert [item.path for item in path_items(data)] == ["/fine"]
    (site,) = operations(data)
    assert (site.path, site.method, site.shared) == ("/fine", "get", ())


def test_a_document_without_paths_has_no_operations() -> None:
    for data in (None, [], "text", {}, {"paths": None}, {"paths": ["/a"]}, {"webhooks": {"w": {"post": OK}}}):
        assert list(operations(data)) == []


def test_operations_of_one_path_item() -> None:
    (item,) = path_items({"paths": {"/a": {"head": OK, "options": OK}}})
    assert [op.method for op in item_operations(item)] == ["options", "head"]


def test_follow_local() -> None:
    data = {"a": {"$ref": "#/b"}, "b": {"$ref": "#/c"}, "c": 1, "self": {"$ref": "#/self"}}
    assert follow_local(data, {"$ref": "#/a"}, "/start") == (1, "/c")
    assert follow_local(data, {"type": "string"}, "/here") == ({"type": "string"}, "/here")
    assert follow_local(data, {"$ref": "#/nothing"}, "/start") == (None, "/start")
    assert follow_local(data, {"$ref": "#/self"})[0] is None  # a loop leads nowhere
    assert follow_local(data, {"$ref": "https://example.com/x"})[0] is None
    assert follow_local(data, {"$ref": "#/a"}, limit=1)[0] is None
