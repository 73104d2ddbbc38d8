"""The committed client against Prism, an independent mock server serving our spec.

Prism (@stoplight/prism-cli, pinned in tests/tools/prism/) reads spec/polar-oauth2.yaml on its
own: it validates every request we send against the spec (a failed check is reported in the
`sl-violations` response header, and a request that breaks the spec gets the spec's 422) and
answers with bodies it builds from the spec. That makes it a second opinion on both halves of
the client: what it sends, and what it accepts.

- Static mode (`prism_static`): the same answer every time, built from the schemas.
- Dynamic mode (`prism_dynamic`): random data for every answer; hundreds of them must decode.

One known disagreement: the spec declares ids as `format: uuid4` (pydantic's name; JSON Schema
itself only knows `uuid`), which the client decodes as `uuid.UUID`. Prism's data generator does
not know `uuid4`, so the ids it makes up are "string" or lorem-ipsum words. The client rejects
those (DecodeError at the id), and the tests assert exactly that; to check everything else in
those answers, `RealUuids` swaps such ids for UUIDs on the way in, and nothing more.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime
import hashlib
import json
import re
import uuid
from collections import Counter
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import msgspec
import polar_oauth2
import pytest
import yaml
from conftest import SPEC
from polar_oauth2 import AsyncClient, Client, models
from polar_oauth2.models import OAuth2ClientGrantTypesItem, OAuth2ClientTokenEndpointAuthMethod
from prism_server import PrismServer

TOKEN = "polar_oat_prism_second_opinion"
AUTHORIZE_PATH = "/v1/oauth2/authorize"
VIOLATIONS = "sl-violations"
DYNAMIC_CALLS = 150  # per operation and mode; Prism answers in about 10 ms

SPEC_DATA: dict[str, Any] = yaml.safe_load(SPEC.read_text())
OPERATION_IDS = sorted(
    operation["operationId"]
    for item in SPEC_DATA["paths"].values()
    for operation in item.values()
    if isinstance(operation, dict) and "operationId" in operation
)

# A valid call of every operation in the spec; test_every_spec_operation_has_a_call keeps it so.
CALLS: dict[str, Callable[[Client], object]] = {
    "oauth2:authorize": lambda client: client.oauth2.authorize(),
    "oauth2:clients:list": lambda client: client.oauth2.clients.list(),
}

# Where the spec's `format: uuid4` ids sit in an authorize answer.
UUID4_PATH = re.compile(r"\$\.sub\.id|\$\.organizations\[(?P<index>\d+)\]\.id")


# --- helpers ----------------------------------------------------------------------------------


class Responses:
    """httpx's response event hook: every response the client received, in order."""

    def __init__(self) -> None:
        self.all: list[httpx.Response] = []

    def __call__(self, response: httpx.Response) -> None:
        self.all.append(response)

    async def hook(self, response: httpx.Response) -> None:
        self.all.append(response)

    def assert_valid_requests(self, count: int, status: int = 200) -> None:
        """`count` responses, each with `status` and without Prism's violations header."""
        assert len(self.all) == count
        statuses = Counter(response.status_code for response in self.all)
        assert statuses == {status: count}
        flagged = [r.headers[VIOLATIONS] for r in self.all if VIOLATIONS in r.headers]
        assert not flagged, f"Prism found requests that break the spec: {flagged[:3]}"


@contextlib.contextmanager
def prism_client(
    server: PrismServer,
    *,
    access_token: str | None = TOKEN,
    transport: httpx.BaseTransport | None = None,
) -> Iterator[tuple[Client, Responses]]:
    """The public client on Prism, through our own pooled httpx.Client that records responses."""
    responses = Responses()
    with (
        httpx.Client(
            event_hooks={"response": [responses]}, transport=transport, timeout=10.0
        ) as http,
        Client(access_token=access_token, base_url=server.url, http_client=http) as client,
    ):
        yield client, responses


def is_uuid(value: object) -> bool:
    """Whether the client would decode `value` as a UUID."""
    try:
        msgspec.convert(value, uuid.UUID)
    except msgspec.ValidationError:
        return False
    return True


def uuid_for(placeholder: str) -> uuid.UUID:
    """A version-4 UUID derived from one of Prism's placeholder ids: the same one every time."""
    return uuid.UUID(bytes=hashlib.sha256(placeholder.encode()).digest()[:16], version=4)


def uuid4_holders(body: Any) -> Iterator[tuple[str, dict[str, Any]]]:
    """(path, object) for every object in an authorize answer whose `id` is `format: uuid4`."""
    if not isinstance(body, dict):
        return
    if isinstance(body.get("sub"), dict):
        yield "$.sub.id", body["sub"]
    for index, organization in enumerate(body.get("organizations") or []):
        if isinstance(organization, dict):
            yield f"$.organizations[{index}].id", organization


def at_path(body: Any, path: str) -> Any:
    """The value a DecodeError's `path` (one of UUID4_PATH) points at."""
    match = UUID4_PATH.fullmatch(path)
    assert match, path
    holder = body["sub"] if match["index"] is None else body["organizations"][int(match["index"])]
    return holder["id"]


class RealUuids(httpx.BaseTransport):
    """Swaps each non-UUID `id` Prism generates for a `format: uuid4` field of an authorize
    answer with `uuid_for(id)`, recording (path, original); every other byte passes as is."""

    def __init__(self) -> None:
        self._inner = httpx.HTTPTransport()
        self.replaced: list[tuple[str, str]] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = self._inner.handle_request(request)
        if request.url.path != AUTHORIZE_PATH or response.status_code != 200:
            return response
        try:
            body = json.loads(response.read())
        finally:
            response.close()
        for path, holder in uuid4_holders(body):
            if not is_uuid(holder.get("id")):
                self.replaced.append((path, holder["id"]))
                holder["id"] = str(uuid_for(holder["id"]))
        headers = [
            (name, value)
            for name, value in response.headers.multi_items()
            if name.lower() not in {"content-length", "content-encoding"}
        ]
        return httpx.Response(
            response.status_code, headers=headers, content=json.dumps(body).encode()
        )

    def close(self) -> None:
        self._inner.close()


# What static Prism answers, built from the schemas: "string" for strings, 0 for integers,
# the spec's defaults, example.com for URIs, 2019-08-24T14:15:22Z for date-times.
STATIC_TIME = datetime.datetime(2019, 8, 24, 14, 15, 22, tzinfo=datetime.UTC)
STATIC_LIST = models.ListResourceOAuth2Client(
    items=[
        models.OAuth2Client(
            redirect_uris=["http://example.com"],
            token_endpoint_auth_method=OAuth2ClientTokenEndpointAuthMethod.CLIENT_SECRET_POST,
            grant_types=[
                OAuth2ClientGrantTypesItem.AUTHORIZATION_CODE,
                OAuth2ClientGrantTypesItem.REFRESH_TOKEN,
            ],
            response_types=["code"],
            # `scope` left at the model's default: Prism sends the spec's folded-string
            # default, which must be the very string the generator made of it.
            client_name="string",
            client_uri="http://example.com",
            logo_uri="http://example.com",
            tos_uri="http://example.com",
            policy_uri="http://example.com",
            created_at=STATIC_TIME,
            modified_at=STATIC_TIME,
            client_id="string",
            client_secret="string",
            client_id_issued_at=0,
            client_secret_expires_at=0,
        )
    ],
    pagination=models.Pagination(total_count=0, max_page=0),
)
STATIC_AUTHORIZE = models.AuthorizeResponseUser(
    client=models.OAuth2ClientPublic(
        created_at=STATIC_TIME,
        modified_at=STATIC_TIME,
        client_id="string",
        client_name="string",
        client_uri="string",
        logo_uri="string",
        tos_uri="string",
        policy_uri="string",
    ),
    sub=models.AuthorizeUser(id=uuid_for("string"), email="user@example.com", avatar_url="string"),
    scopes=[models.Scope.OPENID],
)


# --- the spec itself ----------------------------------------------------------------------------


def test_every_spec_operation_has_a_call() -> None:
    assert sorted(CALLS) == OPERATION_IDS, "add a valid call of each new operation to CALLS"


def test_uuid4_fields_are_the_ones_real_uuids_knows() -> None:
    """RealUuids and UUID4_PATH know where `format: uuid4` ids sit; a new one must be added."""
    found = sorted(
        f"{name}.{field}"
        for name, schema in SPEC_DATA["components"]["schemas"].items()
        for field, prop in (schema.get("properties") or {}).items()
        if prop.get("format") == "uuid4"
    )
    assert found == ["AuthorizeOrganization.id", "AuthorizeUser.id"]


# --- static mode --------------------------------------------------------------------------------


@pytest.mark.parametrize("operation_id", OPERATION_IDS)
def test_static_every_operation_succeeds_and_passes_validation(
    prism_static: PrismServer, operation_id: str
) -> None:
    with prism_client(prism_static, transport=RealUuids()) as (client, responses):
        result = CALLS[operation_id](client)
    responses.assert_valid_requests(1)
    assert responses.all[0].request.headers["authorization"] == f"Bearer {TOKEN}"
    assert isinstance(result, msgspec.Struct)


def test_static_list_clients_with_defaults(prism_static: PrismServer) -> None:
    with prism_client(prism_static) as (client, responses):
        result = client.oauth2.clients.list()
    responses.assert_valid_requests(1)
    assert dict(responses.all[0].request.url.params) == {"page": "1", "limit": "10"}
    assert result == STATIC_LIST


def test_static_list_clients_page_2_limit_100(prism_static: PrismServer) -> None:
    with prism_client(prism_static) as (client, responses):
        result = client.oauth2.clients.list(page=2, limit=100)
    responses.assert_valid_requests(1)
    assert dict(responses.all[0].request.url.params) == {"page": "2", "limit": "100"}
    assert result == STATIC_LIST


def test_static_raw_response_with_call_options(prism_static: PrismServer) -> None:
    """A raw twin with per-call options: Prism finds the request valid and answers as it
    answers the plain call; the extra header went along."""
    with prism_client(prism_static) as (client, responses):
        raw = client.with_raw_response.oauth2.clients.list(
            limit=5, timeout=30.0, max_retries=0, extra_headers={"X-Trace": "prism-1"}
        )
    responses.assert_valid_requests(1)
    assert responses.all[0].request.headers["x-trace"] == "prism-1"
    assert raw.status_code == 200
    assert raw.headers["content-type"].startswith("application/json")
    assert raw.parse() == STATIC_LIST


def test_static_authorize(prism_static: PrismServer) -> None:
    transport = RealUuids()
    with prism_client(prism_static, transport=transport) as (client, responses):
        result = client.oauth2.authorize()
    responses.assert_valid_requests(1)
    assert transport.replaced == [("$.sub.id", "string")]
    assert result == STATIC_AUTHORIZE


def test_static_authorize_placeholder_id_is_rejected(prism_static: PrismServer) -> None:
    """Prism's static `sub.id` is the word "string", not the UUID `format: uuid4` promises:
    the client says so, pointing at the field, instead of passing it on as a str."""
    with (
        prism_client(prism_static) as (client, responses),
        pytest.raises(polar_oauth2.DecodeError) as caught,
    ):
        client.oauth2.authorize()
    responses.assert_valid_requests(1)
    error = caught.value
    assert error.operation_id == "oauth2:authorize"
    assert error.path == "$.sub.id"
    assert "Invalid UUID" in error.message
    assert json.loads(error.body)["sub"]["id"] == "string"


@pytest.mark.parametrize(
    ("arguments", "parameter", "code", "message"),
    [
        ({"limit": 0}, "limit", "exclusiveMinimum", "Request query parameter limit must be > 0"),
        ({"limit": 101}, "limit", "maximum", "Request query parameter limit must be <= 100"),
        ({"page": 0}, "page", "exclusiveMinimum", "Request query parameter page must be > 0"),
    ],
)
def test_static_invalid_query_is_unprocessable_entity(
    prism_static: PrismServer,
    arguments: dict[str, int],
    parameter: str,
    code: str,
    message: str,
) -> None:
    with (
        prism_client(prism_static) as (client, responses),
        pytest.raises(polar_oauth2.UnprocessableEntityError) as caught,
    ):
        client.oauth2.clients.list(**arguments)
    assert len(responses.all) == 1
    error = caught.value
    assert error.status_code == 422
    assert error.operation_id == "oauth2:clients:list"
    assert f"{parameter}={arguments[parameter]}" in error.url
    # Prism's verdict travels in the sl-violations header (error.headers) ...
    assert json.loads(error.headers[VIOLATIONS]) == [
        {
            "location": ["request", "query", parameter],
            "severity": "Error",
            "code": code,
            "message": message,
        }
    ]
    # ... while the body is the spec's own 422 answer (HTTPValidationError) as static Prism
    # builds it from the schema, so it says nothing about the parameter; `detail` is that
    # body decoded into the declared type.
    assert error.body == {"detail": [{"loc": ["string"], "msg": "string", "type": "string"}]}
    assert error.detail == models.HTTPValidationError(
        detail=[models.ValidationError(loc=["string"], msg="string", type="string")]
    )


@pytest.mark.parametrize("operation_id", OPERATION_IDS)
def test_static_without_access_token_is_authentication_error(
    prism_static: PrismServer, operation_id: str
) -> None:
    with (
        prism_client(prism_static, access_token=None) as (client, responses),
        pytest.raises(polar_oauth2.AuthenticationError) as caught,
    ):
        CALLS[operation_id](client)
    assert len(responses.all) == 1
    assert "authorization" not in responses.all[0].request.headers
    error = caught.value
    assert error.status_code == 401
    assert error.operation_id == operation_id
    assert error.headers["www-authenticate"] == "Bearer"
    assert error.headers["content-type"] == "application/problem+json"
    assert error.body["type"] == "https://stoplight.io/prism/errors#UNAUTHORIZED"
    assert error.body["title"] == "Invalid security scheme used"
    assert error.body["status"] == 401
    assert error.detail is None  # the spec documents no 401 answer to decode into


# --- dynamic mode -------------------------------------------------------------------------------


def test_dynamic_list_clients_decodes(prism_dynamic: PrismServer) -> None:
    with prism_client(prism_dynamic) as (client, responses):
        results = [
            client.oauth2.clients.list(page=1 + i % 7, limit=1 + (i * 37) % 100)
            for i in range(DYNAMIC_CALLS)
        ]
    responses.assert_valid_requests(DYNAMIC_CALLS)
    assert all(isinstance(result, models.ListResourceOAuth2Client) for result in results)
    items = [item for result in results for item in result.items]
    assert items, "Prism generated no OAuth2 clients at all in a whole run"
    for item in items:
        method = item.token_endpoint_auth_method
        assert method.name in type(method).__members__, f"unknown value {method!r}"
        assert all(grant.name in type(grant).__members__ for grant in item.grant_types)
        assert isinstance(item.created_at, datetime.datetime)


def test_dynamic_authorize_decodes_into_both_variants(prism_dynamic: PrismServer) -> None:
    transport = RealUuids()
    with prism_client(prism_dynamic, transport=transport) as (client, responses):
        results = [client.oauth2.authorize() for _ in range(DYNAMIC_CALLS)]
    responses.assert_valid_requests(DYNAMIC_CALLS)
    kinds = Counter(type(result).__name__ for result in results)
    assert kinds["AuthorizeResponseUser"] >= 1, kinds
    assert kinds["AuthorizeResponseOrganization"] >= 1, kinds
    assert sum(kinds.values()) == DYNAMIC_CALLS
    for result in results:
        assert isinstance(result.client, models.OAuth2ClientPublic)
        assert all(isinstance(scope, models.Scope) for scope in result.scopes)
        if isinstance(result, models.AuthorizeResponseUser):
            assert result.sub is None or isinstance(result.sub, models.AuthorizeUser)
        else:
            assert result.sub is None or isinstance(result.sub, models.AuthorizeOrganization)
            assert all(isinstance(o, models.AuthorizeOrganization) for o in result.organizations)
    # Only placeholder words were swapped, never something that already was a UUID.
    assert all(not is_uuid(original) for _, original in transport.replaced)


def test_dynamic_authorize_rejects_only_placeholder_uuids(prism_dynamic: PrismServer) -> None:
    """Without RealUuids, an answer decodes when Prism left every id out (sub null, no
    organizations) and otherwise fails at a `format: uuid4` id holding a non-UUID, nowhere else."""
    decoded: list[object] = []
    rejected: list[polar_oauth2.DecodeError] = []
    with prism_client(prism_dynamic) as (client, responses):
        for _ in range(DYNAMIC_CALLS):
            try:
                decoded.append(client.oauth2.authorize())
            except polar_oauth2.DecodeError as error:
                rejected.append(error)
    responses.assert_valid_requests(DYNAMIC_CALLS)
    for error in rejected:
        assert error.path is not None and UUID4_PATH.fullmatch(error.path), error.message
        assert "Invalid UUID" in error.message, error.message
        value = at_path(json.loads(error.body), error.path)
        assert isinstance(value, str) and not is_uuid(value), value
    assert decoded, "no answer without ids in a whole run"
    assert rejected, "Prism generated only real UUIDs for `format: uuid4`: drop RealUuids"


@pytest.mark.anyio
async def test_dynamic_async_client_decodes(prism_dynamic: PrismServer) -> None:
    """The asyncio client on the same random answers, a few requests in flight at a time."""
    responses = Responses()
    limit = asyncio.Semaphore(8)

    async def one(client: AsyncClient, i: int) -> models.ListResourceOAuth2Client:
        async with limit:
            return await client.oauth2.clients.list(page=1 + i, limit=1 + i)

    async with (
        httpx.AsyncClient(event_hooks={"response": [responses.hook]}) as http,
        AsyncClient(access_token=TOKEN, base_url=prism_dynamic.url, http_client=http) as client,
    ):
        results = await asyncio.gather(*(one(client, i) for i in range(40)))
    responses.assert_valid_requests(40)
    assert all(isinstance(result, models.ListResourceOAuth2Client) for result in results)
