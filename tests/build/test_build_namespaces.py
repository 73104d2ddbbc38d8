"""build/namespaces.py on IR values: the namespace tree, class names, docs and order."""

from __future__ import annotations

from typing import Any

from buildkit import build_api, document

from generator.ir import Api, Namespace


def api_of(op_ids: list[str], tags: list[Any] | None = None) -> Api:
    paths = {
        f"/p{i}": {"get": {"operationId": op_id, "responses": {"204": {"description": "done"}}}}
        for i, op_id in enumerate(op_ids)
    }
    top = {} if tags is None else {"tags": tags}
    return build_api(document(paths, **top))


def by_path(api: Api) -> dict[tuple[str, ...], Namespace]:
    return {ns.path: ns for ns in api.namespaces}


def test_the_root_is_the_client_and_holds_operations_without_a_namespace() -> None:
    api = api_of(["ping", "oauth2:token"])
    root = api.root
    assert (root.path, root.attr, root.class_name, root.async_class_name) == ((), "", "Client", "AsyncClient")
    assert [op.name for op in root.operations] == ["ping"]
    assert [c.path for c in root.children] == [("oauth2",)]
    assert root.doc is None


def test_every_level_of_a_path_is_a_namespace_even_without_operations() -> None:
    api = api_of(["oauth2:clients:list", "oauth2:clients:get"])
    spaces = by_path(api)
    assert set(spaces) == {("oauth2",), ("oauth2", "clients")}
    assert spaces[("oauth2",)].operations == ()
    clients = spaces[("oauth2", "clients")]
    assert (clients.attr, clients.class_name, clients.async_class_name) == (
        "clients",
        "Oauth2ClientsResource",
        "AsyncOauth2ClientsResource",
    )
    # Operations of a namespace by name.
    assert [op.name for op in clients.operations] == ["get", "list"]


def test_children_come_before_their_parents() -> None:
    api = api_of(["a:b:c:x", "a:y", "d:z"])
    assert [ns.path for ns in api.namespaces] == [("a", "b", "c"), ("a", "b"), ("a",), ("d",)]


def test_colliding_namespace_class_names_are_numbered() -> None:
    """customer_portal.sessions and customer.portal.sessions must not share a class."""
    api = api_of(["customer_portal:sessions:get", "customer:portal:sessions:get"])
    spaces = by_path(api)
    assert spaces[("customer", "portal", "sessions")].class_name == "CustomerPortalSessionsResource"
    assert spaces[("customer_portal", "sessions")].class_name == "CustomerPortalSessionsResource2"
    assert spaces[("customer_portal", "sessions")].async_class_name == "AsyncCustomerPortalSessionsResource2"
    names = [ns.class_name for ns in api.namespaces]
    assert len(names) == len(set(names))


def test_a_namespace_is_documented_by_its_tag_else_by_its_path() -> None:
    tags = [{"name": "Checkout Links", "description": "Links to checkouts."}, {"name": "other"}, "junk"]
    api = api_of(["checkout_links:list", "other:list", "a:b:list"], tags)
    spaces = by_path(api)
    assert spaces[("checkout_links",)].doc == "Links to checkouts."
    assert spaces[("other",)].doc == "Operations under `other`."
    assert spaces[("a", "b")].doc == "Operations under `a.b`."
