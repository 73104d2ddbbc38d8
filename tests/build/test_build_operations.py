"""build/operations.py and build/options.py on IR values: what an operation carries, its
endpoint constant and documentation, and which operations a subset selects."""

from __future__ import annotations

from typing import Any

import pytest
from buildkit import build_api, document, only_operation

from generator.build import BuildOptions, build
from generator.ir import Api
from generator.problems import InputError


def api_of(paths: dict[str, Any], options: BuildOptions | None = None, **top: Any) -> Api:
    return build(document(paths, **top), options or BuildOptions(package="pkg"))


def get(op_id: str | None = None, **extra: Any) -> dict[str, Any]:
    op: dict[str, Any] = {"responses": {"204": {"description": "done"}}, **extra}
    if op_id is not None:
        op["operationId"] = op_id
    return op


def test_what_an_operation_carries() -> None:
    op = only_operation(
        api_of({"/things/{id}": {"delete": get("things:delete", summary="Remove.", tags=["things", 3], deprecated=True)}})
    )
    assert (op.operation_id, op.method, op.path) == ("things:delete", "DELETE", "/things/{id}")
    assert (op.namespace, op.name, op.python_path) == (("things",), "delete", "things.delete")
    assert op.tags == ("things", "3")
    assert op.deprecated
    assert op.endpoint_name == "_THINGS_DELETE"


def test_an_operation_without_an_id_is_named_by_method_and_path() -> None:
    op = only_operation(api_of({"/a/{b}": {"put": get()}}))
    assert (op.operation_id, op.name, op.endpoint_name) == ("put /a/{b}", "put_a_b", "_PUT_A_B")


def test_operations_in_spec_order_of_paths_then_methods() -> None:
    api = api_of({"/b": {"post": get("b_post"), "get": get("b_get")}, "/a": {"get": get("a_get")}})
    assert [op.name for op in api.operations] == ["b_get", "b_post", "a_get"]


def test_endpoint_names_that_collide_are_numbered() -> None:
    """`a_b:c` and `a:b_c` live apart on the client but would share one constant."""
    api = api_of({"/x": {"get": get("a_b:c")}, "/y": {"get": get("a:b_c")}})
    assert [op.endpoint_name for op in api.operations] == ["_A_B_C", "_A_B_C_2"]


@pytest.mark.parametrize(
    ("extra", "doc"),
    [
        ({"summary": "List things."}, "List things."),
        ({"summary": "Same.", "description": "Same."}, "Same."),
        ({"summary": "S.", "description": "Longer words."}, "S.\n\nLonger words."),
        ({"deprecated": True}, "Deprecated: this operation may be removed in a future version."),
        ({}, "op."),
    ],
    ids=["summary", "same-description", "both", "deprecated", "nothing"],
)
def test_method_doc(extra: dict[str, Any], doc: str) -> None:
    assert only_operation(api_of({"/x": {"get": get("op", **extra)}})).doc == doc


def test_method_doc_lists_described_arguments_on_one_line_each() -> None:
    params = [
        {"name": "q", "in": "query", "description": "What to\n  look for.", "schema": {"type": "string"}},
        {"name": "n", "in": "query", "schema": {"type": "integer"}},
    ]
    body = {"description": "The thing.", "content": {"application/json": {"schema": {"type": "string"}}}}
    op = only_operation(api_of({"/x": {"post": get("op", summary="Find.", parameters=params, requestBody=body)}}))
    assert op.doc == "Find.\n\nArgs:\n    q: What to look for.\n    body: The thing."


def test_a_parameter_by_ref_is_followed() -> None:
    shared = {"Limit": {"name": "limit", "in": "query", "schema": {"type": "integer"}}}
    op = only_operation(
        api_of(
            {"/x": {"get": get("op", parameters=[{"$ref": "#/components/parameters/Limit"}])}},
            components={"parameters": shared},
        )
    )
    assert [p.wire_name for p in op.params] == ["limit"]


# Subsets


PATHS = {
    "/clients": {"get": get("oauth2:clients:list", tags=["clients"]), "post": get("oauth2:clients:create")},
    "/token": {"post": get("oauth2:token", tags=["auth"])},
    "/users": {"get": get("users:list", tags=["users"])},
}


@pytest.mark.parametrize(
    ("options", "selected"),
    [
        (BuildOptions(package="pkg"), ["oauth2.clients.list", "oauth2.clients.create", "oauth2.token", "users.list"]),
        (BuildOptions(package="pkg", include_operations=("oauth2:*",)), ["oauth2.clients.list", "oauth2.clients.create", "oauth2.token"]),
        (BuildOptions(package="pkg", include_operations=("oauth2.clients.*",)), ["oauth2.clients.list", "oauth2.clients.create"]),
        (BuildOptions(package="pkg", include_tags=("users",)), ["users.list"]),
        (
            BuildOptions(package="pkg", include_operations=("oauth2:token",), include_tags=("clients",)),
            ["oauth2.clients.list", "oauth2.token"],
        ),
        # Globs are case-sensitive.
        (BuildOptions(package="pkg", include_operations=("OAUTH2:*", "users:list")), ["users.list"]),
    ],
    ids=["all", "op-glob", "python-path-glob", "tag", "either", "case"],
)
def test_subset_selection(options: BuildOptions, selected: list[str]) -> None:
    assert [op.python_path for op in api_of(PATHS, options).operations] == selected


def test_a_subset_that_selects_nothing_is_an_input_problem() -> None:
    with pytest.raises(InputError) as caught:
        api_of(PATHS, BuildOptions(package="pkg", include_operations=("nope:*",), include_tags=("none",)))
    (problem,) = caught.value.problems
    assert problem.pointer == "/paths"
    assert problem.message == "no operation matches nope:*, tag none"


def test_a_subset_reads_nothing_of_the_operations_it_leaves_out() -> None:
    broken = get("broken:get", parameters=[{"$ref": "#/components/parameters/Missing"}])
    paths = {"/ok": {"get": get("ok:get")}, "/broken": {"get": broken}}
    api = api_of(paths, BuildOptions(package="pkg", include_operations=("ok:*",)))
    assert [op.python_path for op in api.operations] == ["ok.get"]


def test_the_package_and_distribution_names() -> None:
    api = api_of({"/x": {"get": get("x")}}, BuildOptions(package="my_client"))
    assert (api.package, api.distribution) == ("my_client", "my-client")


@pytest.mark.parametrize(("version", "package_version"), [("1.2.3", "1.2.3"), ("2024-01-01", "0.0.0"), ("", "0.0.0")])
def test_the_package_version_is_the_api_version_when_it_is_a_plain_number(version: str, package_version: str) -> None:
    spec = document({"/x": {"get": get("x")}})
    spec["info"]["version"] = version
    api = build(spec, BuildOptions(package="pkg"))
    assert (api.version, api.package_version) == (version, package_version)


def test_a_path_key_fragment_is_left_out_of_the_request_path() -> None:
    """Specs give one path several operations with `#name` keys; no client sends a fragment."""
    ok = {"responses": {"204": {"description": "none"}}}
    api = build_api(
        document(
            {
                "/v1/things/{id}": {"post": {"operationId": "plain", **ok}},
                "/v1/things/{id}#stream": {"post": {"operationId": "streamed", **ok}},
            }
        )
    )
    paths = {op.operation_id: op.path for op in api.operations}
    assert paths == {"plain": "/v1/things/{id}", "streamed": "/v1/things/{id}"}
    streamed = next(op for op in api.operations if op.operation_id == "streamed")
    assert [p.wire_name for p in streamed.params if p.location == "path"] == ["id"]
