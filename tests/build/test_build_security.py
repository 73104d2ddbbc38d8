"""build/security.py on IR values: which schemes are a bearer token the client can send,
and which operations need one."""

from __future__ import annotations

from typing import Any

import pytest
from buildkit import build_api, document

from generator.build.security import is_bearer
from generator.ir import Api

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
    assert api_with(op_security, top_security).operations[0].auth == auth


def test_a_scheme_by_ref_is_followed() -> None:
    schemes = {"alias": {"$ref": "#/components/securitySchemes/token"}, "token": SCHEMES["token"]}
    assert api_with([{"alias": []}], schemes=schemes).operations[0].auth


def test_the_client_has_bearer_auth_described_by_the_first_bearer_scheme() -> None:
    api = api_with()
    assert api.has_bearer_auth
    assert api.auth_description == "A personal access token."


def test_no_bearer_scheme_means_no_auth_on_the_client() -> None:
    api = api_with([{"key": []}], schemes={"key": SCHEMES["key"], "basic": SCHEMES["basic"]})
    assert (api.has_bearer_auth, api.auth_description) == (False, None)
