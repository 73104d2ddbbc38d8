"""build/security.py and naming/credentials.py on IR values: what each scheme is, the
keyword it is passed as, which requirements each operation accepts and what it sends."""

from __future__ import annotations

from typing import Any

import pytest
from buildkit import build_api, document

from generator.build import BuildOptions, build
from generator.build.security import is_bearer
from generator.ir import Api, SecurityScheme
from generator.naming.credentials import credential_keywords

SCHEMES = {
    "token": {"type": "http", "scheme": "bearer", "description": "A personal access token."},
    "basic": {"type": "http", "scheme": "basic"},
    "key": {"type": "apiKey", "in": "header", "name": "X-Key"},
    "oauth": {"type": "oauth2", "flows": {}},
}


def api_with(op_security: Any = "absent", top_security: Any = "absent", schemes: dict[str, Any] | None = None) -> Api:
    op: dict[str, Any] = {"operationId": "h", "responses": {"204": {"description": "done"}}}
    if op_security != "absent":
        op["security"] = op_security
    top: dict[str, Any] = {"components": {"securitySchemes": SCHEMES if schemes is None else schemes}}
    if top_security != "absent":
        top["security"] = top_security
    return build_api(document({"/h": {"get": op}}, **top))


@pytest.mark.parametrize(
    ("scheme", "bearer"),
    [
        ({"type": "http", "scheme": "bearer"}, True),
        ({"type": "http", "scheme": "Bearer"}, True),
        ({"type": "oauth2", "flows": {}}, True),
        ({"type": "openIdConnect", "openIdConnectUrl": "https://x"}, True),
        ({"type": "http", "scheme": "basic"}, False),
        ({"type": "apiKey", "in": "header", "name": "X-Key"}, False),
        ({"type": "mutualTLS"}, False),
        ("not a scheme", False),
    ],
    ids=["bearer", "Bearer", "oauth2", "oidc", "basic", "apiKey", "mtls", "junk"],
)
def test_which_schemes_are_a_bearer_token(scheme: Any, bearer: bool) -> None:
    assert is_bearer(scheme) == bearer


@pytest.mark.parametrize(
    ("op_security", "top_security", "auth"),
    [
        ([{"token": []}], "absent", True),
        ([{"oauth": ["read"]}], "absent", True),
        ("absent", [{"token": []}], True),  # the document's security applies
        ([], [{"token": []}], False),  # an empty list turns it off
        ([{"basic": []}], "absent", False),
        ([{"key": []}], "absent", False),
        ([{"key": []}, {"token": []}], "absent", True),  # either will do
        ([{}], "absent", False),  # anonymous access
        ("absent", "absent", False),
        ([{"missing": []}], "absent", False),
    ],
    ids=["bearer", "oauth2", "inherited", "turned-off", "basic", "api-key", "alternatives", "anonymous",
         "none", "undeclared"],
)
def test_which_operations_need_a_token(op_security: Any, top_security: Any, auth: bool) -> None:
    bearer_only = {"token": SCHEMES["token"], "oauth": SCHEMES["oauth"]}
    op = api_with(op_security, top_security, schemes=bearer_only).operations[0]
    assert bool(op.sends) == auth
    assert op.sends in ((), (("access_token",),))


def test_a_scheme_by_ref_is_followed() -> None:
    schemes = {"alias": {"$ref": "#/components/securitySchemes/token"}, "token": SCHEMES["token"]}
    op = api_with([{"alias": []}], schemes=schemes).operations[0]
    assert op.sends == (("access_token",),)
    assert op.auth == ("alias",)


def test_the_client_has_bearer_auth_described_by_the_first_bearer_scheme() -> None:
    api = api_with(schemes={"token": SCHEMES["token"], "oauth": SCHEMES["oauth"]})
    assert api.has_bearer_auth
    assert api.auth_description == "A personal access token."


def test_no_bearer_scheme_means_no_auth_on_the_client() -> None:
    api = api_with([{"key": []}], schemes={"key": SCHEMES["key"], "basic": SCHEMES["basic"]})
    assert (api.has_bearer_auth, api.auth_description) == (False, None)


# -- each scheme as a value ----------------------------------------------------------------------

ALL_KINDS = {
    "ApiKeyAuth": {"type": "apiKey", "in": "query", "name": "key", "description": "From the dashboard."},
    "session": {"type": "apiKey", "in": "cookie", "name": "sid"},
    "basic": {"type": "http", "scheme": "Basic"},
    "token": {"type": "http", "scheme": "bearer"},
    "oauth": {"type": "oauth2", "flows": {}},
    "oidc": {"type": "openIdConnect", "openIdConnectUrl": "https://x"},
    "mtls": {"type": "mutualTLS"},
    "digest": {"type": "http", "scheme": "digest"},
}


def test_every_scheme_becomes_a_value_in_declaration_order() -> None:
    api = api_with(schemes=ALL_KINDS)
    assert api.security == (
        SecurityScheme("ApiKeyAuth", "apiKey", "query", "key", "api_key_auth", "From the dashboard."),
        SecurityScheme("session", "apiKey", "cookie", "sid", "session", None),
        SecurityScheme("basic", "basic", None, None, "basic", None),
        SecurityScheme("token", "bearer", None, None, "token", None),
        SecurityScheme("oauth", "oauth2", None, None, "oauth", None),
        SecurityScheme("oidc", "openIdConnect", None, None, "oidc", None),
        SecurityScheme("mtls", "unsupported", None, None, None, None),
        SecurityScheme("digest", "unsupported", None, None, None, None),
    )
    assert not api.has_bearer_auth and api.auth_description is None
    assert [s.name for s in api.credentials] == ["ApiKeyAuth", "session", "basic", "token", "oauth", "oidc"]


def test_a_scheme_the_client_cannot_send_is_a_warning_that_names_it() -> None:
    api = api_with(schemes=ALL_KINDS)
    assert [(w.pointer, w.is_warning) for w in api.warnings] == [
        ("/components/securitySchemes/mtls", True),
        ("/components/securitySchemes/digest", True),
    ]
    assert "'mtls' (mutualTLS)" in api.warnings[0].message and "ignored it" in api.warnings[0].message
    assert "'digest' (http digest)" in api.warnings[1].message


@pytest.mark.parametrize(
    ("schemes", "keywords"),
    [
        ([("pat", "bearer"), ("oidc", "openIdConnect"), ("o", "oauth2")], ["access_token"] * 3),
        ([("pat", "bearer"), ("mtls", "unsupported")], ["access_token", None]),
        ([("ApiKey", "apiKey")], ["api_key"]),
        ([("BasicAuth", "basic")], ["basic_auth"]),
        ([("petstore_auth", "oauth2"), ("api_key", "apiKey")], ["petstore_auth", "api_key"]),
        ([("timeout", "apiKey"), ("Timeout", "basic")], ["timeout_2", "timeout_3"]),
        ([("X-Key", "apiKey"), ("x_key", "apiKey"), ("2fa", "apiKey"), ("class", "basic")],
         ["x_key", "x_key_2", "auth_2fa", "class_"]),
        ([("mtls", "unsupported")], [None]),
        ([], []),
    ],
    ids=["bearer-only", "bearer-and-unsupported", "api-key", "basic", "mixed", "constructor-names",
         "collisions", "unsupported-only", "none"],
)  # fmt: skip
def test_the_keyword_of_each_scheme(schemes: list[tuple[str, str]], keywords: list[str | None]) -> None:
    assert credential_keywords(schemes) == keywords


# -- requirements -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("op_security", "accepted", "sends"),
    [
        ([{"ApiKeyAuth": []}], (("ApiKeyAuth",),), (("api_key_auth",),)),
        ([{"basic": [], "session": []}], (("basic", "session"),), (("basic", "session"),)),
        ([{"basic": []}, {"token": []}], (("basic",), ("token",)), (("basic",), ("token",))),
        ([], (), ()),
        ([{}], ((),), ()),
        ([{}, {"oauth": ["read"]}], ((), ("oauth",)), (("oauth",),)),
        ([{"mtls": []}, {"token": []}], (("mtls",), ("token",)), (("token",),)),
        ([{"mtls": [], "token": []}], (("mtls", "token"),), (("token",),)),
        ([{"missing": []}, {"token": []}], (("token",),), (("token",),)),
        ([{"missing": [], "token": []}], (("token",),), (("token",),)),
        ([{"token": []}, {"token": []}], (("token",), ("token",)), (("token",),)),
    ],
    ids=["one", "and", "or", "none", "anonymous", "optional", "unsupported-or", "unsupported-and",
         "undeclared-or", "undeclared-and", "repeated"],
)  # fmt: skip
def test_what_each_operation_accepts_and_sends(op_security: Any, accepted: Any, sends: Any) -> None:
    op = api_with(op_security, schemes=ALL_KINDS).operations[0]
    assert (op.security, op.sends) == (accepted, sends)


def test_the_names_an_operation_accepts_each_once() -> None:
    op = api_with([{"basic": [], "token": []}, {"token": []}, {}], schemes=ALL_KINDS).operations[0]
    assert op.auth == ("basic", "token")


def test_the_documents_requirement_applies_unless_the_operation_has_its_own() -> None:
    spec = document(
        {
            "/a": {"get": {"operationId": "a", "responses": {"204": {"description": "done"}}}},
            "/b": {"get": {"operationId": "b", "security": [], "responses": {"204": {"description": "done"}}}},
        },
        components={"securitySchemes": ALL_KINDS},
        security=[{"session": []}],
    )
    a, b = build(spec, BuildOptions(package="pkg")).operations
    assert (a.sends, b.sends) == ((("session",),), ())
