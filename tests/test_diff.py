"""`polar-codegen diff`: every kind of change, classified and worded at the Python level.

Each row starts from one small spec, mutates a deep copy, and checks that the diff holds a
change of the expected severity and kind whose Python-level text says the expected thing.
"""

from __future__ import annotations

import copy
import json
import os
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import run_cli

from generator.build import BuildOptions
from generator.cli import main
from generator.inspect.diff import Change, diff_data, failed, render_diff
from generator.spec.validate import validate

Spec = dict[str, Any]

BASE: Spec = {
    "openapi": "3.1.0",
    "info": {"title": "Shop", "version": "1.0.0"},
    "servers": [{"url": "https://api.example.com", "x-speakeasy-server-id": "production"}],
    "paths": {
        "/v1/items/": {
            "get": {
                "operationId": "items:list",
                "description": "List items.",
                "parameters": [
                    {
                        "name": "page",
                        "in": "query",
                        "schema": {"type": "integer", "default": 1, "exclusiveMinimum": 0},
                    },
                    {
                        "name": "limit",
                        "in": "query",
                        "schema": {"type": "integer", "default": 10, "maximum": 100},
                    },
                    {
                        "name": "color",
                        "in": "query",
                        "schema": {"$ref": "#/components/schemas/Color"},
                    },
                ],
                "responses": {
                    "200": {
                        "description": "ok",
                        "content": {
                            "application/json": {
                                "schema": {"$ref": "#/components/schemas/ItemList"}
                            }
                        },
                    },
                    "422": {
                        "description": "bad",
                        "content": {
                            "application/json": {"schema": {"$ref": "#/components/schemas/Problem"}}
                        },
                    },
                },
            },
            "post": {
                "operationId": "items:create",
                "description": "Create an item.",
                "requestBody": {
                    "required": True,
                    "content": {
                        "application/json": {"schema": {"$ref": "#/components/schemas/ItemCreate"}}
                    },
                },
                "responses": {
                    "201": {
                        "description": "created",
                        "content": {
                            "application/json": {"schema": {"$ref": "#/components/schemas/Item"}}
                        },
                    }
                },
            },
        },
        "/v1/items/{item_id}": {
            "get": {
                "operationId": "items:get",
                "description": "One item.",
                "parameters": [
                    {
                        "name": "item_id",
                        "in": "path",
                        "required": True,
                        "schema": {"type": "string"},
                    }
                ],
                "responses": {
                    "200": {
                        "description": "ok",
                        "content": {
                            "application/json": {"schema": {"$ref": "#/components/schemas/Item"}}
                        },
                    },
                    "404": {
                        "description": "missing",
                        "content": {
                            "application/json": {"schema": {"$ref": "#/components/schemas/Problem"}}
                        },
                    },
                },
            }
        },
    },
    "components": {
        "schemas": {
            "Color": {"type": "string", "enum": ["red", "green"]},
            "Status": {"type": "string", "enum": ["active", "archived"]},
            "Item": {
                "type": "object",
                "required": ["id", "name", "status"],
                "properties": {
                    "id": {"type": "string"},
                    "name": {"type": "string", "maxLength": 100},
                    "status": {"$ref": "#/components/schemas/Status"},
                    "price": {"type": "integer", "default": 0},
                    "note": {"type": "string"},
                },
            },
            "ItemCreate": {
                "type": "object",
                "required": ["name"],
                "properties": {
                    "name": {"type": "string", "maxLength": 100},
                    "color": {"$ref": "#/components/schemas/Color"},
                    "price": {"type": "integer"},
                },
            },
            "Pagination": {
                "type": "object",
                "required": ["max_page"],
                "properties": {"max_page": {"type": "integer"}},
            },
            "ItemList": {
                "type": "object",
                "required": ["items", "pagination"],
                "properties": {
                    "items": {"type": "array", "items": {"$ref": "#/components/schemas/Item"}},
                    "pagination": {"$ref": "#/components/schemas/Pagination"},
                },
            },
            "Problem": {"type": "object", "properties": {"detail": {"type": "string"}}},
        }
    },
}


# -- where things are in a spec ------------------------------------------------------------------


def schemas(d: Spec) -> dict[str, Any]:
    result: dict[str, Any] = d["components"]["schemas"]
    return result


def op(d: Spec, path: str, method: str) -> dict[str, Any]:
    result: dict[str, Any] = d["paths"][path][method]
    return result


def list_op(d: Spec) -> dict[str, Any]:
    return op(d, "/v1/items/", "get")


def create_op(d: Spec) -> dict[str, Any]:
    return op(d, "/v1/items/", "post")


def get_op(d: Spec) -> dict[str, Any]:
    return op(d, "/v1/items/{item_id}", "get")


def param(d: Spec, name: str) -> dict[str, Any]:
    return next(p for p in list_op(d)["parameters"] if p["name"] == name)


def with_union(d: Spec) -> None:
    """A discriminated union (Pet) and a type alias (Ref) on Item, for the rows that need them."""
    s = schemas(d)
    s["Cat"] = {
        "type": "object",
        "required": ["kind"],
        "properties": {"kind": {"const": "cat"}, "meow": {"type": "string"}},
    }
    s["Dog"] = {
        "type": "object",
        "required": ["kind"],
        "properties": {"kind": {"const": "dog"}, "bark": {"type": "string"}},
    }
    s["Pet"] = {
        "oneOf": [{"$ref": "#/components/schemas/Cat"}, {"$ref": "#/components/schemas/Dog"}],
        "discriminator": {
            "propertyName": "kind",
            "mapping": {"cat": "#/components/schemas/Cat", "dog": "#/components/schemas/Dog"},
        },
    }
    s["Ref"] = {"oneOf": [{"type": "string"}, {"type": "integer"}]}
    s["Item"]["properties"]["pet"] = {"$ref": "#/components/schemas/Pet"}
    s["Item"]["properties"]["ref"] = {"$ref": "#/components/schemas/Ref"}


def without_pagination(d: Spec) -> None:
    list_op(d)["x-pagination"] = False


# -- the mutations ---------------------------------------------------------------------------------


def rename_schema(d: Spec, old: str, new: str) -> None:
    schemas(d)[new] = schemas(d).pop(old)
    text = json.dumps(d).replace(f'"#/components/schemas/{old}"', f'"#/components/schemas/{new}"')
    d.clear()
    d.update(json.loads(text))


def move_path(d: Spec, old: str, new: str) -> None:
    d["paths"][new] = d["paths"].pop(old)


def rename_path_param(d: Spec) -> None:
    move_path(d, "/v1/items/{item_id}", "/v1/items/{id}")
    op(d, "/v1/items/{id}", "get")["parameters"][0]["name"] = "id"


def method_to_put(d: Spec) -> None:
    item = d["paths"]["/v1/items/{item_id}"]
    item["put"] = item.pop("get")


def shadow_note(d: Spec) -> None:
    # A new property `Note` comes first and takes the Python name `note`.
    props = schemas(d)["Item"]["properties"]
    schemas(d)["Item"]["properties"] = {"Note": {"type": "string"}, **props}


def new_error_model(d: Spec) -> None:
    schemas(d)["Conflict"] = {"type": "object", "properties": {"why": {"type": "string"}}}
    get_op(d)["responses"]["409"] = {
        "description": "conflict",
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Conflict"}}},
    }


def retag_dog(d: Spec) -> None:
    schemas(d)["Dog"]["properties"]["kind"]["const"] = "hound"
    schemas(d)["Pet"]["discriminator"]["mapping"] = {
        "cat": "#/components/schemas/Cat",
        "hound": "#/components/schemas/Dog",
    }


def untag_dog(d: Spec) -> None:
    """Dog outside any union: its `kind` is a plain field, not a tag."""
    with_union(d)
    schemas(d)["Pet"]["oneOf"].pop()
    schemas(d)["Pet"]["discriminator"]["mapping"].pop("dog")
    schemas(d)["Item"]["properties"]["dog"] = {"$ref": "#/components/schemas/Dog"}


def retag_as_variant(d: Spec) -> None:
    schemas(d)["Pet"]["oneOf"].append({"$ref": "#/components/schemas/Dog"})
    schemas(d)["Pet"]["discriminator"]["mapping"]["dog"] = "#/components/schemas/Dog"


def add_required_sku(d: Spec) -> None:
    schemas(d)["ItemCreate"]["properties"]["sku"] = {"type": "string"}
    schemas(d)["ItemCreate"]["required"].append("sku")


def drop_status_enum(d: Spec) -> None:
    schemas(d)["Item"]["properties"]["status"] = {"type": "string"}
    del schemas(d)["Status"]


def form_body(d: Spec) -> None:
    content = create_op(d)["requestBody"]["content"]
    content["application/x-www-form-urlencoded"] = content.pop("application/json")


Mutation = Callable[[Spec], None]


def row(
    name: str,
    mutate: Mutation,
    severity: str,
    kind: str,
    python: str,
    prepare: Mutation | None = None,
) -> Any:
    return pytest.param(mutate, prepare, severity, kind, python, id=name)


ROWS = [
    # operations
    row("operation removed", lambda d: d["paths"].pop("/v1/items/{item_id}"),
        "breaking", "operation-removed", "`client.items.get()` was removed"),
    row("operation added",
        lambda d: d["paths"].__setitem__(
            "/v1/other", {"get": {"operationId": "other:ping", "responses": {"204": {"description": "-"}}}}
        ),
        "info", "operation-added", "new `client.other.ping()`"),
    row("method changed", method_to_put,
        "breaking", "operation-method-changed", "`client.items.get()` now sends PUT, not GET"),
    row("path changed", lambda d: move_path(d, "/v1/items/{item_id}", "/v2/items/{item_id}"),
        "breaking", "operation-path-changed", "`client.items.get()` now requests `/v2/items/{item_id}`"),
    row("python name changed", lambda d: get_op(d).__setitem__("operationId", "items:fetch"),
        "breaking", "operation-renamed", "`client.items.get()` is now `client.items.fetch()`"),
    row("operationId only", lambda d: get_op(d).update(
            {"operationId": "getItem", "x-speakeasy-group": "items", "x-speakeasy-name-override": "get"}
        ),
        "info", "operation-id-changed", "`client.items.get()` is unchanged"),
    row("operation deprecated", lambda d: get_op(d).__setitem__("deprecated", True),
        "warning", "operation-deprecated", "`client.items.get()` is deprecated"),
    row("deprecation in description only",
        lambda d: get_op(d).__setitem__("description", "Deprecated: use the list."),
        "warning", "operation-deprecated", "`client.items.get()` is deprecated"),
    # parameters
    row("query parameter removed",
        lambda d: list_op(d).__setitem__(
            "parameters", [p for p in list_op(d)["parameters"] if p["name"] != "limit"]
        ),
        "breaking", "param-removed", "`client.items.list()` lost keyword `limit`"),
    row("query parameter renamed", lambda d: param(d, "limit").__setitem__("name", "page_size"),
        "breaking", "param-renamed", "`client.items.list()`: keyword `limit` is now `page_size`"),
    row("path parameter renamed", rename_path_param,
        "breaking", "param-renamed", "positional argument `item_id` is now `id`"),
    row("parameter made required", lambda d: param(d, "limit").__setitem__("required", True),
        "breaking", "param-required", "keyword `limit` of `client.items.list()` is now required"),
    row("new required parameter",
        lambda d: list_op(d)["parameters"].append(
            {"name": "q", "in": "query", "required": True, "schema": {"type": "string"}}
        ),
        "breaking", "param-added-required", "`client.items.list()` needs a new keyword `q: str`"),
    row("new optional parameter",
        lambda d: list_op(d)["parameters"].append({"name": "q", "in": "query", "schema": {"type": "string"}}),
        "info", "param-added-optional", "takes a new keyword `q: str | None = None`"),
    row("parameter type narrowed",
        lambda d: param(d, "limit")["schema"].update({"type": "string", "default": "10"}),
        "breaking", "param-type-narrowed", "keyword `limit` of `client.items.list()` takes `str`, was `int`"),
    row("parameter type widened", lambda d: param(d, "limit")["schema"].__setitem__("type", "number"),
        "info", "param-type-widened", "takes `float`, was `int`"),
    row("parameter default changed", lambda d: param(d, "limit")["schema"].__setitem__("default", 20),
        "warning", "param-default-changed", "keyword `limit` of `client.items.list()` defaults to `20`, was `10`"),
    row("parameter constraint tightened", lambda d: param(d, "limit")["schema"].__setitem__("maximum", 50),
        "warning", "param-constraint-tightened", "accepts fewer values: `maximum 100 -> 50`"),
    row("parameter constraint loosened", lambda d: param(d, "limit")["schema"].__setitem__("maximum", 500),
        "info", "param-constraint-loosened", "accepts more values: `maximum 100 -> 500`"),
    row("parameter deprecated", lambda d: param(d, "limit").__setitem__("deprecated", True),
        "warning", "param-deprecated", "keyword `limit` of `client.items.list()` is deprecated"),
    row("parameter moved to a header", lambda d: param(d, "limit").__setitem__("in", "header"),
        "breaking", "param-moved", "keyword `limit` of `client.items.list()` is unchanged"),
    row("parameter renamed in Python only",
        lambda d: list_op(d)["parameters"].insert(
            0, {"name": "Limit", "in": "header", "schema": {"type": "string"}}
        ),
        "breaking", "param-python-renamed", "keyword `limit` is now `limit_query`"),
    # request bodies
    row("request body removed", lambda d: create_op(d).pop("requestBody"),
        "breaking", "body-removed", "`client.items.create()` lost keyword `body`"),
    row("request body added",
        lambda d: get_op(d).__setitem__(
            "requestBody",
            {"required": True,
             "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ItemCreate"}}}},
        ),
        "breaking", "body-added-required", "`client.items.get()` takes a new keyword `body: ItemCreate`"),
    row("request body made optional",
        lambda d: create_op(d)["requestBody"].__setitem__("required", False),
        "info", "body-optional", "keyword `body` of `client.items.create()` is now optional"),
    row("request body type changed",
        lambda d: create_op(d)["requestBody"]["content"]["application/json"].__setitem__(
            "schema", {"type": "array", "items": {"$ref": "#/components/schemas/ItemCreate"}}
        ),
        "breaking", "body-type-narrowed", "takes `list[ItemCreate]`, was `ItemCreate`"),
    row("request body media type changed", form_body,
        "warning", "body-content-type-changed", "it is now sent as `application/x-www-form-urlencoded`"),
    # responses
    row("return type changed",
        lambda d: get_op(d)["responses"]["200"]["content"]["application/json"].__setitem__(
            "schema", {"$ref": "#/components/schemas/ItemList"}
        ),
        "breaking", "return-type-changed", "`client.items.get()` returns `ItemList`, was `Item`"),
    row("success status changed",
        lambda d: create_op(d)["responses"].__setitem__("200", create_op(d)["responses"].pop("201")),
        "warning", "success-status-changed", "`client.items.create()` is unchanged"),
    row("error response no longer documented", lambda d: get_op(d)["responses"].pop("404"),
        "warning", "error-response-removed", "still raises `NotFoundError` on HTTP 404"),
    row("error response documented", new_error_model,
        "info", "error-response-added", "documents `ConflictError` on HTTP 409"),
    row("error body retyped",
        lambda d: get_op(d)["responses"]["404"]["content"]["application/json"].__setitem__(
            "schema", {"type": "string"}
        ),
        "warning", "error-type-changed", "`NotFoundError.detail` from `client.items.get()` is now `str`"),
    row("pagination lost", without_pagination,
        "breaking", "pagination-removed", "`client.items.iter()` was removed"),
    row("pagination gained", lambda d: list_op(d).pop("x-pagination"),
        "info", "pagination-added", "new `client.items.iter()`", prepare=without_pagination),
    # response models
    row("response field removed", lambda d: schemas(d)["Item"]["properties"].pop("note"),
        "breaking", "response-field-removed", "`models.Item` lost field `note`"),
    row("response field retyped",
        lambda d: schemas(d)["Item"]["properties"].__setitem__("name", {"type": "integer"}),
        "breaking", "response-field-retyped", "`models.Item.name` is `int`, was `str`"),
    row("response field made nullable",
        lambda d: schemas(d)["Item"]["properties"]["name"].__setitem__("type", ["string", "null"]),
        "breaking", "response-field-nullable", "`models.Item.name` is `str | None`, was `str`"),
    row("response field made optional", lambda d: schemas(d)["Item"]["required"].remove("name"),
        "breaking", "response-field-optional", "`models.Item.name` is now optional: `str | None`"),
    row("response field added",
        lambda d: schemas(d)["Item"]["properties"].__setitem__("weight", {"type": "number"}),
        "info", "response-field-added", "`models.Item` has a new field `weight: float | None`"),
    row("response field default changed",
        lambda d: schemas(d)["Item"]["properties"]["price"].__setitem__("default", 5),
        "warning", "field-default-changed", "`models.Item.price` defaults to `5`, was `0`"),
    row("response field deprecated",
        lambda d: schemas(d)["Item"]["properties"]["note"].__setitem__("deprecated", True),
        "warning", "field-deprecated", "`models.Item.note` is deprecated"),
    row("field renamed in Python only", shadow_note,
        "breaking", "field-python-renamed", "`models.Item.note` is now `models.Item.note_2`"),
    row("alias widened in a response",
        lambda d: schemas(d)["Ref"]["oneOf"].append({"type": "boolean"}),
        "breaking", "alias-retyped", "`models.Ref` is `str | int | bool`, was `str | int`",
        prepare=with_union),
    row("discriminator value changed", retag_dog,
        "breaking", "model-tag-changed", "`models.Dog` is told apart by `kind = \"hound\"`",
        prepare=with_union),
    # request models
    row("request field removed", lambda d: schemas(d)["ItemCreate"]["properties"].pop("price"),
        "breaking", "request-field-removed", "`models.ItemCreate` lost field `price`"),
    row("request field made required", lambda d: schemas(d)["ItemCreate"]["required"].append("price"),
        "breaking", "request-field-required", "`models.ItemCreate.price` is now required"),
    row("new required request field", add_required_sku,
        "breaking", "request-field-added-required", "`models.ItemCreate` has a new required field `sku: str`"),
    row("new optional request field",
        lambda d: schemas(d)["ItemCreate"]["properties"].__setitem__("sku", {"type": "string"}),
        "info", "request-field-added", "`models.ItemCreate` has a new field `sku: str | None`"),
    row("request field narrowed",
        lambda d: schemas(d)["ItemCreate"]["properties"]["price"].__setitem__("type", "string"),
        "breaking", "request-field-narrowed", "`models.ItemCreate.price` is `str`, was `int`"),
    row("request field made nullable",
        lambda d: schemas(d)["ItemCreate"]["properties"]["price"].__setitem__("type", ["integer", "null"]),
        "info", "request-field-nullable", "`models.ItemCreate.price` is `int | None`, was `int`"),
    row("request field constraint tightened",
        lambda d: schemas(d)["ItemCreate"]["properties"]["name"].__setitem__("maxLength", 50),
        "warning", "field-constraint-tightened", "`models.ItemCreate.name` accepts fewer values"),
    # enums
    row("request enum value removed", lambda d: schemas(d)["Color"]["enum"].remove("green"),
        "breaking", "request-enum-value-removed", "`models.Color.GREEN` was removed"),
    row("request enum value added", lambda d: schemas(d)["Color"]["enum"].append("blue"),
        "info", "request-enum-value-added", "new member `models.Color.BLUE`"),
    row("response enum value added", lambda d: schemas(d)["Status"]["enum"].append("deleted"),
        "warning", "response-enum-value-added", "the generated client tolerates new values"),
    row("response enum value removed", lambda d: schemas(d)["Status"]["enum"].remove("archived"),
        "warning", "response-enum-value-removed", "`models.Status.ARCHIVED` was removed"),
    row("enum member renamed", lambda d: schemas(d)["Color"].__setitem__("enum", ["RED", "red", "green"]),
        "breaking", "enum-member-renamed", "`models.Color.RED` is now `models.Color.RED_2`"),
    # schemas as classes
    row("model renamed", lambda d: rename_schema(d, "Item", "Article"),
        "breaking", "model-renamed", "`models.Item` is now `models.Article`; imports of it fail"),
    row("model added", new_error_model, "info", "model-added", "new `models.Conflict`"),
    row("model removed", lambda d: create_op(d).pop("requestBody"),
        "breaking", "model-removed", "`models.ItemCreate` was removed"),
    row("enum removed", drop_status_enum, "breaking", "enum-removed", "`models.Status` was removed"),
    row("model became a union", lambda d: schemas(d).__setitem__("Problem", {"oneOf": [{"type": "string"}, {"type": "integer"}]}),
        "breaking", "type-kind-changed", "`models.Problem` is now a type alias, was a model"),
    row("same name, other kind", lambda d: schemas(d).__setitem__("Problem", {"oneOf": [{"type": "string"}, {"type": "integer"}]}),
        "warning", "error-type-changed", "is now `Problem`, was `Problem` (`Problem` was a model, is now a type alias)"),
    row("model becomes a tagged variant", retag_as_variant, "warning", "model-tag-changed",
        "`models.Dog` is now told apart by `kind = \"dog\"`", prepare=untag_dog),
    # servers
    row("server removed",
        lambda d: d.__setitem__("servers", [{"url": "https://x.example.com", "x-speakeasy-server-id": "other"}]),
        "breaking", "server-removed", '`Client(server="production")` is no longer accepted'),
    row("server URL changed", lambda d: d["servers"][0].__setitem__("url", "https://api2.example.com"),
        "warning", "server-url-changed", "now talks to `https://api2.example.com`"),
]  # fmt: skip


def specs_for(mutate: Mutation, prepare: Mutation | None = None) -> tuple[Spec, Spec]:
    old = copy.deepcopy(BASE)
    if prepare is not None:
        prepare(old)
    new = copy.deepcopy(old)
    mutate(new)
    assert new != old, "the mutation changed nothing"
    return old, new


def changes_for(mutate: Mutation, prepare: Mutation | None = None) -> list[Change]:
    # Built without validation: see test_row_specs_are_valid_openapi.
    return diff_data(*specs_for(mutate, prepare), check=False)


@pytest.mark.parametrize(("mutate", "prepare", "severity", "kind", "python"), ROWS)
def test_change_is_classified_and_worded(
    mutate: Mutation, prepare: Mutation | None, severity: str, kind: str, python: str
) -> None:
    changes = changes_for(mutate, prepare)
    found = [c for c in changes if c.kind == kind]
    listing = "\n".join(f"{c.severity} {c.kind}: {c.message}" for c in changes)
    assert found, f"no {kind} change in:\n{listing}"
    assert any(c.severity == severity for c in found), listing
    assert any(python in c.python.plain for c in found), listing
    # Both levels are always explained.
    assert all(c.python.plain and c.http.plain for c in changes)


# Validation costs ~0.15 s a spec, so the table is built without it; these rows, which
# reshape the spec most, and every starting point are checked against OpenAPI here.
CHECKED_ROWS = (
    "model becomes a tagged variant",
    "path parameter renamed",
    "parameter moved to a header",
    "request body added",
    "request body media type changed",
    "model renamed",
    "discriminator value changed",
)


def test_row_specs_are_valid_openapi() -> None:
    checked: set[str] = set()
    for case in ROWS:
        if case.id not in CHECKED_ROWS and case.values[1] is None and checked:
            continue
        old, new = specs_for(case.values[0], case.values[1])
        for spec in (old, new) if case.id in CHECKED_ROWS else (old,):
            key = json.dumps(spec, sort_keys=True)
            if key not in checked:
                checked.add(key)
                assert validate(spec) == [], case.id
    assert len(checked) >= 8


def test_enough_kinds_are_covered() -> None:
    kinds = {p.values[3] for p in ROWS}
    assert len(kinds) >= 25, sorted(kinds)


def test_the_issue_example_wording() -> None:
    (change,) = changes_for(
        lambda d: list_op(d).__setitem__(
            "parameters", [p for p in list_op(d)["parameters"] if p["name"] != "limit"]
        )
    )
    assert change.severity == "breaking"
    assert change.message == (
        "`client.items.list()` lost keyword `limit` "
        "(query parameter `limit` of `GET /v1/items/` removed)"
    )


def test_a_rename_reports_every_change_that_comes_with_it() -> None:
    """`limit` -> `per_page` with another default and maximum: the rename does not hide them."""

    def rename(d: Spec) -> None:
        param(d, "limit").update(
            {"name": "per_page", "schema": {"type": "integer", "default": 20, "maximum": 50}}
        )

    changes = changes_for(rename)
    assert [(c.severity, c.kind) for c in changes] == [
        ("breaking", "param-renamed"),
        ("warning", "param-default-changed"),
        ("warning", "param-constraint-tightened"),
    ], [c.message for c in changes]
    renamed, default, maximum = (c.python.plain for c in changes)
    assert renamed == "`client.items.list()`: keyword `limit` is now `per_page`"
    assert default == "keyword `per_page` of `client.items.list()` defaults to `20`, was `10`"
    assert "maximum" in maximum and "50" in maximum and "100" in maximum


def test_no_change_means_no_output_and_no_failure() -> None:
    assert diff_data(BASE, copy.deepcopy(BASE)) == []
    assert not failed([], "warning")


def test_breaking_changes_come_first_and_fail_on() -> None:
    def several(d: Spec) -> None:
        schemas(d)["Status"]["enum"].append("deleted")  # warning
        schemas(d)["Item"]["properties"]["weight"] = {"type": "number"}  # info
        schemas(d)["Item"]["properties"].pop("note")  # breaking

    changes = changes_for(several)
    severities = [c.severity for c in changes]
    assert severities == sorted(severities, key=["breaking", "warning", "info"].index)
    assert severities[0] == "breaking"
    assert failed(changes, "breaking") and failed(changes, "warning")
    only_warning = changes_for(lambda d: schemas(d)["Status"]["enum"].append("deleted"))
    assert not failed(only_warning, "breaking") and failed(only_warning, "warning")


def test_include_operations_limits_the_diff() -> None:
    new = copy.deepcopy(BASE)
    del new["paths"]["/v1/items/{item_id}"]
    subset = BuildOptions(include_operations=("items.list",))
    assert diff_data(BASE, new, subset) == []


def test_formats() -> None:
    changes = changes_for(lambda d: schemas(d)["Item"]["properties"].pop("note"))
    text = render_diff(changes, "old.yaml", "new.yaml", "text")
    assert (
        text.splitlines()[0] == "old.yaml -> new.yaml: 1 breaking, 0 warning(s), 0 other change(s)"
    )
    assert "breaking:" in text and "[response-field-removed]" in text
    markdown = render_diff(changes, "old.yaml", "new.yaml", "markdown")
    assert markdown.startswith("## API changes: 1 breaking")
    assert "### Breaking (1)" in markdown
    assert (
        "| `models.Item` lost field `note` | response property `note` of `Item` removed |"
        in markdown
    )
    data = json.loads(render_diff(changes, "old.yaml", "new.yaml", "json"))
    assert set(data) == {"old", "new", "counts", "changes"}
    assert data["counts"] == {"breaking": 1, "warning": 0, "info": 0}
    (item,) = data["changes"]
    assert set(item) == {"severity", "kind", "where", "python", "http", "message"}
    assert item["kind"] == "response-field-removed" and item["where"] == "Item"


def test_markdown_escapes_spec_text_in_table_cells() -> None:
    def pipe_value(d: Spec) -> None:
        schemas(d)["Status"]["enum"].append("a|b`c")

    markdown = render_diff(changes_for(pipe_value), "o", "n", "markdown")
    row_line = next(line for line in markdown.splitlines() if "response-enum-value-added" in line)
    # Four unescaped pipes: the row's own borders and separators, nothing from the value.
    assert row_line.replace("\\|", "").count("|") == 4
    assert '``"a\\|b`c"``' in row_line


# -- the command line ------------------------------------------------------------------------------


def write_spec(path: Path, spec: Spec) -> Path:
    path.write_text(yaml.safe_dump(spec, sort_keys=False))
    return path


def git(cwd: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@t", "-c", "commit.gpgsign=false", *args],
        cwd=cwd,
        check=True,
        capture_output=True,
        env={**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"},
    )


def test_git_revisions(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q")
    write_spec(repo / "api.yaml", BASE)
    git(repo, "add", "api.yaml")
    git(repo, "commit", "-q", "-m", "first")
    new = copy.deepcopy(BASE)
    new["paths"]["/v1/items/"]["get"]["parameters"].pop(1)
    write_spec(repo / "api.yaml", new)
    git(repo, "commit", "-q", "-am", "second")
    monkeypatch.chdir(repo)
    assert main(["diff", "HEAD~1:api.yaml", "HEAD:api.yaml", "--fail-on", "breaking"]) == 1
    out = capsys.readouterr().out
    assert out.startswith("HEAD~1:api.yaml -> HEAD:api.yaml: 1 breaking")
    assert "`client.items.list()` lost keyword `limit`" in out
    # A revision and a file mix; without --fail-on a breaking change still exits 0.
    assert main(["diff", "HEAD~1:api.yaml", "api.yaml", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["counts"]["breaking"] == 1
    assert main(["diff", "HEAD~5:api.yaml", "api.yaml"]) == 2
    (line, summary) = capsys.readouterr().err.splitlines()
    assert line.startswith("HEAD~5:api.yaml:1:1: #: cannot read HEAD~5:api.yaml from git")
    assert summary == "1 problem."


def test_bad_specs_are_reported_like_generate(tmp_path: Path) -> None:
    bad = copy.deepcopy(BASE)
    del bad["info"]
    old = write_spec(tmp_path / "old.yaml", bad)
    new = write_spec(tmp_path / "new.yaml", BASE)
    result = run_cli("diff", str(old), str(new))
    assert result.returncode == 2
    first, summary = result.stderr.splitlines()
    assert first.startswith(f"{old}:1:1: #: ") and "info" in first
    assert summary == "1 problem."
    assert result.stdout == ""


def test_in_process_exit_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old = write_spec(tmp_path / "old.yaml", BASE)
    new_spec = copy.deepcopy(BASE)
    new_spec["components"]["schemas"]["Status"]["enum"].append("deleted")
    new = write_spec(tmp_path / "new.yaml", new_spec)
    assert main(["diff", str(old), str(new), "--fail-on", "breaking"]) == 0
    assert main(["diff", str(old), str(new), "--fail-on", "warning", "--format", "markdown"]) == 1
    assert "### Possibly breaking (1)" in capsys.readouterr().out
    # NEW defaults to --spec (or the configured spec).
    assert main(["diff", str(old), "--spec", str(new), "--fail-on", "warning"]) == 1
    assert "`models.Status.DELETED`" in capsys.readouterr().out
    assert main(["diff", str(old), str(tmp_path / "nope.yaml")]) == 2
