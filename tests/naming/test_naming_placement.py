"""naming/placement.py: where an operation lands on the client, and the names generated
modules keep for themselves; on its functions and through build."""

from __future__ import annotations

from typing import Any

import pytest

from generator.build import BuildOptions, build
from generator.ir import TypeRef
from generator.naming.placement import (
    CLIENT_MEMBERS,
    METHOD_RESERVED,
    client_paths,
    component_class_name,
    component_class_names,
    operation_names,
)


@pytest.mark.parametrize(
    ("op", "expected"),
    [
        ({"operationId": "oauth2:clients:list"}, (("oauth2", "clients"), "list")),
        ({"operationId": "x", "x-speakeasy-group": "a.b", "x-speakeasy-name-override": "get"}, (("a", "b"), "get")),
        ({"operationId": "listPets", "tags": ["pets"]}, (("pets",), "list_pets")),
        ({"tags": ["Pet Store"]}, (("pet_store",), "get_pets_pet_id")),
        ({"operationId": "checkout-links:create"}, (("checkout_links",), "create")),
    ],
)
def test_operation_names(op: dict[str, object], expected: tuple[tuple[str, ...], str]) -> None:
    assert operation_names(op, "get", "/pets/{pet_id}") == expected


@pytest.mark.parametrize(
    ("op", "expected"),
    [
        # A group without an override takes the operationId's last part, else the method.
        ({"operationId": "files:upload", "x-speakeasy-group": "storage"}, (("storage",), "upload")),
        ({"x-speakeasy-group": "storage"}, (("storage",), "get")),
        ({"x-speakeasy-group": "  "}, ((), "get_pets_pet_id")),
        # The override names the method; the operationId still places it.
        ({"operationId": "a:b", "x-speakeasy-name-override": "fetch"}, (("a",), "fetch")),
        ({"operationId": "listPets", "x-speakeasy-name-override": "all"}, ((), "all")),
        # Empty parts of an operationId are skipped; only colons is no namespace.
        ({"operationId": "a::b"}, (("a",), "b")),
        ({"operationId": ":::"}, ((), "field")),
        # A name that would start with a digit gets a word in front.
        ({"operationId": "2fa:enable"}, (("field_2fa",), "enable")),
        ({"operationId": "x:3d"}, (("x",), "op_3d")),
        ({}, ((), "get_pets_pet_id")),
    ],
    ids=["group-opid", "group-method", "blank-group", "override-colon", "override", "empty-part",
         "only-colons", "digit-namespace", "digit-method", "nothing"],
)
def test_operation_names_edge_cases(op: dict[str, Any], expected: tuple[tuple[str, ...], str]) -> None:
    assert operation_names(op, "get", "/pets/{pet_id}") == expected


def test_a_top_level_namespace_may_not_take_a_client_members_name() -> None:
    assert client_paths([(("close",), "run"), (("a", "close"), "run")]) == [
        (("close_",), "run"),
        (("a", "close"), "run"),
    ]


def test_a_root_method_may_not_take_a_client_members_name() -> None:
    assert client_paths([((), "headers"), (("a",), "headers")]) == [((), "headers_"), (("a",), "headers")]


def test_a_method_may_not_take_a_sub_namespaces_name() -> None:
    assert client_paths([(("a",), "b"), (("a", "b"), "list")]) == [(("a",), "b_"), (("a", "b"), "list")]


@pytest.mark.parametrize("name", sorted(METHOD_RESERVED))
def test_a_method_may_not_take_a_name_the_client_module_uses(name: str) -> None:
    assert client_paths([(("a",), name)]) == [(("a",), name + "_")]


def test_a_name_gets_underscores_until_it_is_free() -> None:
    # `timeout` is a client member and `timeout_` a namespace: the method is `timeout__`.
    assert client_paths([((), "timeout"), (("timeout_",), "x")]) == [((), "timeout__"), (("timeout_",), "x")]


def test_client_members_are_what_the_client_defines() -> None:
    """Every public member of a generated client but its namespaces is one a namespace may
    not take: else a tag named like it would hide it."""
    from polar_oauth2 import AsyncClient, Client

    for cls in (Client, AsyncClient):
        client = cls(base_url="http://127.0.0.1:9")
        members = {n for n in dir(client) if not n.startswith("_")} - {"oauth2"}
        assert members <= CLIENT_MEMBERS, members - CLIENT_MEMBERS
        assert {"with_options", "with_raw_response", "base_url", "timeout"} <= members


@pytest.mark.parametrize(
    ("schema", "cls"),
    [("Any", "Any_"), ("Literal", "Literal_"), ("msgspec", "Msgspec"), ("datetime", "Datetime"), ("3d", "Schema3d")],
)
def test_component_class_name(schema: str, cls: str) -> None:
    assert component_class_name(schema) == cls


# Through build


def _api(operations: dict[str, dict[str, Any]]) -> Any:
    paths = {path: {"get": {**op, "responses": {"204": {"description": "done"}}}} for path, op in operations.items()}
    spec = {"openapi": "3.1.0", "info": {"title": "T", "version": "1"}, "paths": paths}
    return build(spec, BuildOptions(package="pkg"))


def test_build_places_operations_by_placement() -> None:
    api = _api({"/a": {"operationId": "close:list"}, "/b": {"operationId": "timeout"}, "/c": {"operationId": "x:httpx"}})
    assert [(op.namespace, op.name, op.python_path) for op in api.operations] == [
        (("close_",), "list", "close_.list"),
        ((), "timeout_", "timeout_"),
        (("x",), "httpx_", "x.httpx_"),
    ]


def test_a_schema_named_like_a_models_import_is_renamed_where_it_is_used() -> None:
    spec = {
        "openapi": "3.1.0",
        "info": {"title": "T", "version": "1"},
        "paths": {
            "/h": {
                "get": {
                    "operationId": "h",
                    "responses": {
                        "200": {
                            "description": "ok",
                            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ClassVar"}}},
                        }
                    },
                }
            }
        },
        "components": {"schemas": {"ClassVar": {"type": "object", "properties": {"a": {"type": "string"}}}}},
    }
    api = build(spec, BuildOptions(package="pkg"))
    assert api.operations[0].returns == TypeRef("model", "ClassVar_")
    assert [m.name for m in api.models] == ["ClassVar_"]


# Schema names that make one class


@pytest.mark.parametrize(
    ("schemas", "classes"),
    [
        (["NullTime", "nullTime"], ["NullTime", "NullTime2"]),
        (["nullTime", "NullTime"], ["NullTime", "NullTime2"]),
        (["_metadata", "metadata"], ["Metadata", "Metadata2"]),
        (["Foo_Bar", "FooBar", "foo-bar"], ["FooBar", "FooBar2", "FooBar3"]),
        # A number that another schema's own name makes is skipped, whatever the order.
        (["Item", "item", "Item2"], ["Item", "Item3", "Item2"]),
        (["Any", "any"], ["Any_", "Any_2"]),
        (["A", "B"], ["A", "B"]),
    ],
)
def test_component_class_names_number_the_later_schemas(schemas: list[str], classes: list[str]) -> None:
    assert list(component_class_names(schemas).items()) == list(zip(schemas, classes))
