"""Names a framework or a version made, shortened to what a user would write: FastAPI's
default operationIds (naming/generated_ids.py), tags and their version words
(naming/tags.py), a namespace repeated in front of a method; and the document-wide rule
that undoes a shortening where it would merge what the spec keeps apart
(placement.operation_places), on values and through validate and build."""

from __future__ import annotations

from typing import Any

import pytest

from generator.build import BuildOptions, build
from generator.naming.generated_ids import fastapi_function_name
from generator.naming.placement import operation_names, operation_places
from generator.naming.tags import path_versions, tag_namespace, version_free
from generator.spec.validate import validate


@pytest.mark.parametrize(
    ("op_id", "method", "path", "name"),
    [
        ("list_products_v1_products_get", "get", "/v1/products", "list_products"),
        ("get_product_v1_products__id__get", "GET", "/v1/products/{id}", "get_product"),
        ("read_root__get", "get", "/", "read_root"),
        ("upload_v1_files_post", "post", "/v1/files", "upload"),
        # Older FastAPI wrote only ASCII letters and digits; `\W` keeps other letters.
        ("f_caf__get", "get", "/café", "f"),
        ("f_caf\u00e9_get", "get", "/café", "f"),
        # Not FastAPI's: another method, another path, or nothing in front.
        ("list_products_v1_products_get", "post", "/v1/products", None),
        ("list_products_v1_products_get", "get", "/v2/products", None),
        ("_v1_products_get", "get", "/v1/products", None),
        ("listProducts", "get", "/v1/products", None),
    ],
)
def test_fastapi_function_name(op_id: str, method: str, path: str, name: str | None) -> None:
    assert fastapi_function_name(op_id, method, path) == name


@pytest.mark.parametrize(
    ("tag", "namespace"),
    [
        ("GitHub Apps", "github_apps"),
        ("OAuth2 Callbacks", "oauth2_callbacks"),
        ("Redirect URLs", "redirect_urls"),
        ("M2M Tokens", "m2m_tokens"),
        ("Data I/O endpoints", "data_io_endpoints"),
        ("Settings - Enforced TLS", "settings_enforced_tls"),
        ("NotificationRules", "notification_rules"),
        ("DBRPs", "dbrps"),
        ("OAuth", "oauth"),
        ("eventType", "event_type"),
        ("class", "class_"),
        ("2FA Codes", "field_2fa_codes"),
        ("Api20100401Message", "api20100401_message"),
    ],
)
def test_tag_namespace(tag: str, namespace: str) -> None:
    assert tag_namespace(tag) == namespace


@pytest.mark.parametrize(
    ("namespace", "path", "free"),
    [
        ("api20100401_message", "/2010-04-01/Accounts/{Sid}/Messages.json", "message"),
        ("api_v1_users", "/v1/users", "users"),
        ("users_v2beta", "/api/v2beta/users", "users"),
        # A version the path does not have is a word of the tag.
        ("scores_v3", "/api/public/scores", "scores_v3"),
        ("segmenting_contacts_v2", "/marketing/segments/2.0", "segmenting_contacts_v2"),
        # Nothing would be left.
        ("v1", "/v1/x", "v1"),
    ],
)
def test_version_free(namespace: str, path: str, free: str) -> None:
    assert version_free(namespace, path) == free


def test_path_versions() -> None:
    assert path_versions("/2010-04-01/Accounts/v2/x/V3/version/2.0") == {"20100401", "v2", "v3"}


def _site(
    op_id: str | None, path: str, method: str = "get", **op: Any
) -> tuple[dict[str, Any], str, str]:
    return ({"operationId": op_id, **op} if op_id else op), method, path


def test_fastapi_ids_are_shortened_and_a_tag_prefix_dropped() -> None:
    assert operation_names(
        {"operationId": "list_products_v1_products_get", "tags": ["products"]},
        "get",
        "/v1/products",
    ) == (
        ("products",),
        "list_products",
    )
    assert operation_names({"operationId": "comments_get", "tags": ["Comments"]}, "get", "/c") == (
        ("comments",),
        "get",
    )
    # The tag alone is no method name; an override is taken as written.
    assert operation_names({"operationId": "comments", "tags": ["Comments"]}, "get", "/c") == (
        ("comments",),
        "comments",
    )
    override = {"operationId": "a_v1_get", "tags": ["a"], "x-speakeasy-name-override": "a_v1_get"}
    assert operation_names(override, "get", "/v1") == (("a",), "a_v1_get")


def test_short_names_that_would_share_a_method_keep_their_full_operation_ids() -> None:
    places = operation_places(
        [
            _site("list_items_v1_items_get", "/v1/items", tags=["items"]),
            _site("list_items_v2_items_get", "/v2/items", tags=["items"]),
            _site("get_item_v1_items__id__get", "/v1/items/{id}", tags=["items"]),
            # A literal name a shortened one would land on: the literal keeps it.
            _site("delete_item", "/items/{id}", "delete", tags=["items"]),
            _site("delete_item_items__id__post", "/items/{id}", "post", tags=["items"]),
        ]
    )
    assert places == [
        (("items",), "list_items_v1_items_get"),
        (("items",), "list_items_v2_items_get"),
        (("items",), "get_item"),
        (("items",), "delete_item"),
        (("items",), "delete_item_items_id_post"),
    ]


def test_a_namespace_keeps_its_version_where_leaving_it_out_would_merge_two_tags() -> None:
    places = operation_places(
        [
            _site(
                "CreateMessage", "/2010-04-01/Messages.json", "post", tags=["Api20100401Message"]
            ),
            _site("FetchCall", "/2010-04-01/Calls/{Sid}.json", tags=["Api20100401Call"]),
            _site("ListScores", "/v3/scores", tags=["ScoresV3"]),
            _site("ListScoresOld", "/scores", tags=["Scores"]),
            # One of the tag's operations is under no version: the tag keeps its name.
            _site("A", "/v1/a", tags=["ApiV1Things"]),
            _site("B", "/b", tags=["ApiV1Things"]),
        ]
    )
    assert [namespace for namespace, _ in places] == [
        ("message",),
        ("call",),
        ("scores_v3",),
        ("scores",),
        ("api_v1_things",),
        ("api_v1_things",),
    ]


def _spec(paths: dict[str, Any], tags: list[dict[str, str]] | None = None) -> dict[str, Any]:
    ok = {"204": {"description": "done"}}
    return {
        "openapi": "3.1.0",
        "info": {"title": "T", "version": "1"},
        "paths": {
            path: {m: {**op, "responses": ok} for m, op in item.items()}
            for path, item in paths.items()
        },
        **({"tags": tags} if tags else {}),
    }


def test_build_and_validate_agree_on_shortened_names() -> None:
    spec = _spec(
        {
            "/v1/products": {
                "get": {"operationId": "list_products_v1_products_get", "tags": ["products"]},
                "post": {"operationId": "create_product_v1_products_post", "tags": ["products"]},
            },
            "/v2/products": {
                "get": {"operationId": "list_products_v2_products_get", "tags": ["products"]}
            },
            "/2010-04-01/Messages.json": {
                "get": {"operationId": "ListMessage", "tags": ["Api20100401Message"]}
            },
        },
        tags=[{"name": "Api20100401Message", "description": "Messages sent and received."}],
    )
    assert [p for p in validate(spec) if p.severity == "error"] == []
    api = build(spec, BuildOptions(package="pkg"))
    assert [op.python_path for op in api.operations] == [
        "products.list_products_v1_products_get",
        "products.create_product",
        "products.list_products_v2_products_get",
        "message.list_message",
    ]
    (message,) = [ns for ns in api.namespaces if ns.path == ("message",)]
    assert message.doc == "Messages sent and received."


def test_validate_reports_names_that_collide_once_no_shortening_is_left() -> None:
    spec = _spec(
        {
            "/a": {"get": {"operationId": "getItems", "tags": ["t"]}},
            "/b": {"get": {"operationId": "get_items", "tags": ["t"]}},
            # The tag's words in front would make it client.t.get_items() too: kept.
            "/c": {"get": {"operationId": "t_get_items", "tags": ["t"]}},
        }
    )
    messages = [p.message for p in validate(spec)]
    assert messages == ["becomes client.t.get_items(), which GET /a already is"], messages
