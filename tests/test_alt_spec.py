"""A second, independently written spec of the same two Polar endpoints gives a client that
speaks the same wire format as the committed `polar_oauth2`.

`tests/specs_alt/polar-oauth2-alt.json` is JSON, not YAML, and is structured differently:
no x-speakeasy-* hints (namespaces come from the `a:b:c` operationIds, server names from
their descriptions), parameters and responses under `components` and used by `$ref`, a
discriminator mapping by bare schema name, nullables as `type: [string, "null"]`, models
composed with `allOf`, and a shorter Scope enum. The same requests must go out and the same
bodies must decode to equal values; only the Python class names may differ.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import msgspec
import polar_oauth2
import pytest
from conftest import TESTS, generate_in_process

ALT_SPEC = TESTS / "specs_alt" / "polar-oauth2-alt.json"
TOKEN = "polar_oat_0123456789abcdef"

CLIENT = {
    "created_at": "2024-03-01T10:00:00Z",
    "modified_at": None,
    "redirect_uris": ["https://app.example.com/callback"],
    "token_endpoint_auth_method": "client_secret_basic",
    "grant_types": ["authorization_code"],
    "response_types": ["code"],
    "scope": "openid email webhooks:write",
    "client_name": "Example App",
    "client_uri": "https://app.example.com",
    "logo_uri": None,
    "tos_uri": None,
    "policy_uri": None,
    "client_id": "polar_ci_abc",
    "client_secret": "polar_cs_def",
    "client_id_issued_at": 1709287200,
    "client_secret_expires_at": 0,
}
CLIENT_PAGE = {
    "items": [
        CLIENT,
        # Defaults left out by the server; a modification time; no optional URIs at all.
        {
            **{k: v for k, v in CLIENT.items() if not k.endswith("_uri") and k not in (
                "token_endpoint_auth_method", "grant_types", "response_types",
            )},
            "modified_at": "2024-03-02T11:30:00.250000Z",
        },
    ],
    "pagination": {"total_count": 7, "max_page": 2},
}  # fmt: skip
PUBLIC_CLIENT = {
    "created_at": "2024-03-01T10:00:00Z",
    "modified_at": None,
    "client_id": "polar_ci_abc",
    "client_name": "Example App",
    "client_uri": None,
    "logo_uri": "https://app.example.com/logo.png",
    "tos_uri": None,
    "policy_uri": None,
}
AUTHORIZE_USER = {
    "client": PUBLIC_CLIENT,
    "sub_type": "user",
    "sub": {
        "id": "4c9a3e12-5b7d-4f0e-9a61-2d8c7b5e1f00",
        "email": "ada@example.com",
        "avatar_url": None,
    },
    # `customer_portal:read` is not in the alt spec's shorter Scope enum: it must still decode.
    "scopes": ["openid", "email", "customer_portal:read"],
}
AUTHORIZE_ORGANIZATION = {
    "client": PUBLIC_CLIENT,
    "sub_type": "organization",
    "sub": None,
    "scopes": ["organizations:read"],
    "organizations": [
        {
            "id": "9b1f0c2d-3e4a-4b5c-8d6e-7f8091a2b3c4",
            "slug": "acme",
            "avatar_url": "https://cdn.example.com/acme.png",
        }
    ],
}
VALIDATION_ERROR = {
    "detail": [{"loc": ["query", "limit"], "msg": "less than or equal to 100", "type": "le"}]
}


@pytest.fixture(scope="module")
def alt_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("alt-spec")
    generate_in_process(ALT_SPEC, out, "polar_alt")
    return out


@pytest.fixture
def polar_alt(import_generated: Callable[[Path, str], ModuleType], alt_out: Path) -> ModuleType:
    return import_generated(alt_out, "polar_alt")


class Recorder:
    """An httpx transport that answers every request with one canned response."""

    def __init__(self, status: int, body: Any) -> None:
        self.status = status
        self.body = json.dumps(body).encode()
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        return httpx.Response(
            self.status, content=self.body, headers={"Content-Type": "application/json"}
        )


def both(status: int, body: Any, polar_alt: ModuleType) -> Iterator[tuple[Any, Recorder]]:
    """A blocking client of each package, each with its own recorder."""
    for package in (polar_oauth2, polar_alt):
        recorder = Recorder(status, body)
        http = httpx.Client(transport=httpx.MockTransport(recorder))
        yield package.Client(access_token=TOKEN, http_client=http), recorder


def wire(value: Any) -> Any:
    """A decoded value as JSON data again: what "equal values" means across packages."""
    return msgspec.json.decode(msgspec.json.encode(value))


def request_summary(request: httpx.Request) -> tuple[str, str, list[tuple[str, str]], str | None]:
    return (
        request.method,
        request.url.path,
        request.url.params.multi_items(),
        request.headers.get("Authorization"),
    )


def test_alt_spec_is_a_different_document() -> None:
    text = ALT_SPEC.read_text("utf-8")
    data = json.loads(text)
    assert "x-speakeasy" not in text
    assert set(data["components"]) >= {"parameters", "responses", "schemas"}
    assert len(data["components"]["schemas"]["Scope"]["enum"]) < 10


def test_clients_list_sends_the_same_request_and_decodes_the_same_values(
    polar_alt: ModuleType,
) -> None:
    results = []
    for client, recorder in both(200, CLIENT_PAGE, polar_alt):
        with client:
            results.append((client.oauth2.clients.list(page=2, limit=5), recorder))
    (original, original_rec), (alt, alt_rec) = results

    sent = request_summary(original_rec.requests[0])
    assert sent == (
        "GET",
        "/v1/oauth2/",
        [("page", "2"), ("limit", "5")],
        f"Bearer {TOKEN}",
    )
    assert request_summary(alt_rec.requests[0]) == sent
    assert alt_rec.requests[0].url.host == original_rec.requests[0].url.host == "api.polar.sh"

    assert wire(alt) == wire(original)
    assert alt.pagination.total_count == original.pagination.total_count == 7
    for mine, theirs in zip(alt.items, original.items, strict=True):
        assert mine.created_at == theirs.created_at
        assert mine.modified_at == theirs.modified_at
        assert mine.token_endpoint_auth_method == theirs.token_endpoint_auth_method
        assert [str(g) for g in mine.grant_types] == [str(g) for g in theirs.grant_types]
        assert mine.response_types == theirs.response_types == ["code"]
        assert mine.client_uri == theirs.client_uri
    # Left out by the server: the spec defaults, the same in both.
    assert str(alt.items[1].token_endpoint_auth_method) == "client_secret_post"
    assert alt.items[1].client_uri is msgspec.UNSET and original.items[1].client_uri is msgspec.UNSET
    assert alt.items[1].modified_at.microsecond == 250000


def test_clients_list_defaults_are_the_same(polar_alt: ModuleType) -> None:
    sent = []
    for client, recorder in both(200, CLIENT_PAGE, polar_alt):
        with client:
            client.oauth2.clients.list()
        sent.append(request_summary(recorder.requests[0]))
    assert sent[0] == sent[1]
    assert sent[0][2] == [("page", "1"), ("limit", "10")]


def test_validation_errors_decode_the_same(polar_alt: ModuleType) -> None:
    details = []
    for client, _ in both(422, VALIDATION_ERROR, polar_alt):
        package = polar_oauth2 if isinstance(client, polar_oauth2.Client) else polar_alt
        with client, pytest.raises(package.UnprocessableEntityError) as caught:
            client.oauth2.clients.list(limit=500)
        assert caught.value.status_code == 422
        details.append(caught.value.detail)
    assert type(details[0]).__name__ == type(details[1]).__name__ == "HTTPValidationError"
    assert wire(details[0]) == wire(details[1]) == VALIDATION_ERROR


@pytest.mark.parametrize(
    ("body", "variant"),
    [
        (AUTHORIZE_USER, "AuthorizeResponseUser"),
        (AUTHORIZE_ORGANIZATION, "AuthorizeResponseOrganization"),
    ],
    ids=["user", "organization"],
)
def test_authorize_decodes_both_variants_by_the_discriminator(
    polar_alt: ModuleType, body: dict[str, Any], variant: str
) -> None:
    results = []
    for client, recorder in both(200, body, polar_alt):
        with client:
            results.append(client.oauth2.authorize())
        assert request_summary(recorder.requests[0]) == (
            "GET",
            "/v1/oauth2/authorize",
            [],
            f"Bearer {TOKEN}",
        )
    original, alt = results
    assert type(original).__name__ == type(alt).__name__ == variant
    assert type(alt) is getattr(polar_alt.models, variant)
    assert alt.sub_type == original.sub_type == body["sub_type"]
    assert wire(alt) == wire(original) == body
    assert alt.client.logo_uri == original.client.logo_uri == PUBLIC_CLIENT["logo_uri"]
    if variant == "AuthorizeResponseUser":
        assert type(alt.sub) is polar_alt.models.User
        assert alt.sub.id == original.sub.id
        # Known to both enums, a member; known to neither short enum, still a Scope.
        assert alt.scopes[0] is polar_alt.models.Scope.OPENID
        assert isinstance(alt.scopes[2], polar_alt.models.Scope)
        assert alt.scopes[2].value == "customer_portal:read"
        assert original.scopes[2] is polar_oauth2.models.Scope.CUSTOMER_PORTAL_READ
    else:
        assert alt.sub is None and original.sub is None
        assert [o.slug for o in alt.organizations] == [o.slug for o in original.organizations]


def test_an_unknown_sub_type_is_refused_by_both(polar_alt: ModuleType) -> None:
    body = {**AUTHORIZE_USER, "sub_type": "robot"}
    for client, _ in both(200, body, polar_alt):
        package = polar_oauth2 if isinstance(client, polar_oauth2.Client) else polar_alt
        with client, pytest.raises(package.DecodeError):
            client.oauth2.authorize()
