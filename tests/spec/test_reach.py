"""spec/reach.py and spec/validate/subset.py: what the chosen operations reach, and the
errors elsewhere that become warnings."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from generator.problems import Problem, warning
from generator.spec.reach import reach
from generator.spec.selection import Selection, selected_operations
from generator.spec.validate import validate
from generator.spec.validate.subset import outside_selection


def ref(pointer: str) -> dict[str, str]:
    return {"$ref": "#" + pointer}


def answer(schema: Any) -> dict[str, Any]:
    return {"200": {"description": "ok", "content": {"application/json": {"schema": schema}}}}


DOC: dict[str, Any] = {
    "openapi": "3.1.0",
    "info": {"title": "T", "version": "1"},
    "security": [{"global": []}],
    "paths": {
        "/a": {
            "parameters": [ref("/components/parameters/Shared")],
            "get": {"operationId": "a:get", "tags": ["a"], "responses": answer(ref("/components/schemas/A"))},
            "delete": {"operationId": "a:delete", "security": [{"own": []}], "responses": answer(ref("/components/schemas/Gone"))},
        },
        "/b": {"$ref": "#/components/pathItems/B"},
    },
    "webhooks": {"hook": {"post": {"responses": answer(ref("/components/schemas/A"))}}},
    "components": {
        "parameters": {"Shared": {"name": "s", "in": "query", "schema": ref("/components/schemas/S")}},
        "pathItems": {"B": {"get": {"operationId": "b:get", "tags": ["b"], "responses": answer(ref("/components/schemas/B"))}}},
        "schemas": {
            "A": {"oneOf": [ref("/components/schemas/A1")], "discriminator": {"propertyName": "k", "mapping": {"x": "A2", "y": "#/components/schemas/A3"}}},
            "A1": {"type": "object", "properties": {"deep": ref("/components/schemas/Deep/properties/one")}},
            "A2": {"type": "object"},
            "A3": {"type": "object"},
            "Deep": {"type": "object", "properties": {"one": {"type": "string"}, "two": {"type": "integr"}}},
            "S": {"type": "string"},
            "B": {"type": "object"},
            "Gone": {"type": "object"},
        },
        "securitySchemes": {"global": {"type": "http", "scheme": "bearer"}, "own": {"type": "http", "scheme": "basic"}},
    },
}


@pytest.mark.parametrize(
    ("pointer", "reached"),
    [
        ("/paths/~1a/get/responses", True),
        ("/paths/~1a/parameters/0", True),
        ("/paths/~1a/delete/operationId", False),
        ("/paths/~1b/$ref", False),
        ("/webhooks/hook/post", False),
        ("/components/parameters/Shared/schema", True),
        ("/components/schemas/S", True),
        ("/components/schemas/A", True),
        ("/components/schemas/A1/properties", True),
        ("/components/schemas/A2", True),
        ("/components/schemas/A3/type", True),
        ("/components/schemas/Deep/properties/one/type", True),
        ("/components/schemas/Deep/properties/two/type", False),
        ("/components/schemas/Deep", True),  # above what is reached
        ("/components/schemas/B", False),
        ("/components/schemas/Gone", False),
        ("/components/securitySchemes/global", True),
        ("/components/securitySchemes/own", False),
        ("/components/schemas", True),
        ("/paths/~1b", False),
        ("/paths", True),
        ("/info/title", True),
        ("/servers/0/url", True),
        ("", True),
    ],
)
def test_what_one_operation_reaches(pointer: str, reached: bool) -> None:
    assert reach(DOC, Selection(operations=("a:get",))).reaches(pointer) is reached


def test_a_path_item_behind_a_ref_is_reached_through_it() -> None:
    reached = reach(DOC, Selection(tags=("b",)))
    assert reached.reaches("/paths/~1b/$ref")
    assert reached.reaches("/components/pathItems/B/get/responses")
    assert reached.reaches("/components/schemas/B")
    assert not reached.reaches("/paths/~1a/get")
    assert not reached.reaches("/components/schemas/A")


def test_the_selection_rule_is_shared_with_build() -> None:
    chosen = [(site.path, site.method, namespace, name) for site, namespace, name in selected_operations(DOC, Selection(operations=("a.*",)))]
    assert chosen == [("/a", "get", ("a",), "get"), ("/a", "delete", ("a",), "delete")]


def test_errors_outside_the_selection_become_warnings_and_say_so() -> None:
    inside = Problem("/components/schemas/A", "bad inside", hint="fix it")
    outside = Problem("/components/schemas/B", "bad outside", hint="fix it")
    loader = Problem("/components/schemas/Gone", "duplicate key")
    already = warning("/components/schemas/Gone", "renamed")
    got = outside_selection(DOC, [inside, outside, loader, already], Selection(operations=("a:get",)), [loader])
    assert got == [
        inside,
        warning("/components/schemas/B", "bad outside; outside the chosen operations, ignored", hint="fix it"),
        loader,
        already,
    ]
    assert outside_selection(DOC, [outside], Selection()) == [outside]


def test_validate_with_a_selection() -> None:
    doc = copy.deepcopy(DOC)
    doc["components"]["schemas"]["A2"]["type"] = "objekt"
    a2, deep = "/components/schemas/A2/type", "/components/schemas/Deep/properties/two/type"
    everything = validate(doc)
    assert [(p.pointer, p.is_warning) for p in everything] == [(a2, False), (deep, False)]
    chosen = validate(doc, selection=Selection(operations=("a:get",)))
    assert [(p.pointer, p.is_warning) for p in chosen] == [(a2, False), (deep, True)]
    assert chosen[1].message == everything[1].message + "; outside the chosen operations, ignored"
    elsewhere = validate(doc, selection=Selection(tags=("b",)))
    assert [(p.pointer, p.is_warning) for p in elsewhere] == [(a2, True), (deep, True)]
