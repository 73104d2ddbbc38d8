"""The committed client (generated/polar_oauth2) against a real HTTP server on 127.0.0.1.

Nothing of the client is mocked: requests go through httpx over a socket to
`tests/http_server.py`, which records what arrived and answers from a script.
"""

from __future__ import annotations

import asyncio
import datetime
import socket
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import msgspec
import polar_oauth2
import pytest
from http_server import Disconnect, RecordedRequest, Reply, ScriptedServer
from polar_oauth2 import AsyncClient, Client, models
from polar_oauth2.models import (
    OAuth2ClientGrantTypesItem,
    OAuth2ClientTokenEndpointAuthMethod,
    Scope,
)

TOKEN = "polar_oat_S3cr3tT0k3nThatMustNeverLeak"
LIST_PATH = "/v1/oauth2/"
AUTHORIZE_PATH = "/v1/oauth2/authorize"
USER_ID = "8b3e0a58-7a8f-4c62-9d0f-5b5d2f1c6b9e"
ORG_ID = "1dbfc517-0bbf-4301-9ba8-555ca42b9737"


def oauth2_client_item(**overrides: Any) -> dict[str, Any]:
    """One OAuth2 client as the API returns it, modelled on the spec's example; optional
    fields with defaults (token_endpoint_auth_method, grant_types, ...) left out."""
    item: dict[str, Any] = {
        "redirect_uris": ["https://example.com/callback"],
        "client_name": "My App",
        "created_at": "2023-11-07T05:31:56Z",
        "modified_at": "2023-11-07T05:31:56Z",
        "client_id": "polar_ci_j3X95_MgfdSCeCd2qkFnUw",
        "client_secret": "polar_cs_BjKVlqNWkK86TKqWkK86TKqWkK86TK",
        "client_id_issued_at": 1699335116,
        "client_secret_expires_at": 0,
    }
    item.update(overrides)
    return item


def list_body() -> dict[str, Any]:
    return {
        "items": [
            oauth2_client_item(),
            oauth2_client_item(
                client_name="Second App",
                client_id="polar_ci_second",
                client_uri=None,
                logo_uri="https://example.com/logo.png",
                modified_at=None,
                token_endpoint_auth_method="client_secret_basic",
                grant_types=["authorization_code"],
            ),
        ],
        "pagination": {"total_count": 12, "max_page": 3},
    }


def public_client() -> dict[str, Any]:
    return {
        "created_at": "2023-11-07T05:31:56Z",
        "modified_at": None,
        "client_id": "polar_ci_j3X95_MgfdSCeCd2qkFnUw",
        "client_name": "My App",
        "client_uri": "https://example.com",
        "logo_uri": None,
        "tos_uri": None,
        "policy_uri": None,
    }


def authorize_user_body(**overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "sub_type": "user",
        "client": public_client(),
        "sub": {"id": USER_ID, "email": "jane@example.com", "avatar_url": None},
        "scopes": ["openid", "profile", "user:read"],
    }
    body.update(overrides)
    return body


def authorize_org_body(**overrides: Any) -> dict[str, Any]:
    org = {"id": ORG_ID, "slug": "acme", "avatar_url": "https://example.com/acme.png"}
    body: dict[str, Any] = {
        "sub_type": "organization",
        "client": public_client(),
        "sub": org,
        "scopes": ["openid", "organizations:read"],
        "organizations": [org, {"id": USER_ID, "slug": "other", "avatar_url": None}],
    }
    body.update(overrides)
    return body


@pytest.fixture
def client(http_server: ScriptedServer) -> Iterator[Client]:
    # Each test here looks at one exchange; retries are tested in test_client_faults.py.
    with Client(access_token=TOKEN, base_url=http_server.url, max_retries=0) as c:
        yield c


# -- a successful list ---------------------------------------------------------------------


def test_list_sends_the_documented_request(http_server: ScriptedServer, client: Client) -> None:
    http_server.route("GET", LIST_PATH, Reply.json(list_body()))

    client.oauth2.clients.list(page=2, limit=5)

    [request] = http_server.requests
    assert request.method == "GET"
    assert request.path == LIST_PATH
    assert sorted(request.query) == [("limit", "5"), ("page", "2")]
    assert request.headers["Authorization"] == f"Bearer {TOKEN}"
    assert request.headers["User-Agent"].startswith(f"polar-oauth2/{polar_oauth2.__version__}")
    assert request.headers["Accept"] == "application/json"
    assert request.body == b""


def test_list_decodes_the_response(http_server: ScriptedServer, client: Client) -> None:
    http_server.route("GET", LIST_PATH, Reply.json(list_body()))

    page = client.oauth2.clients.list(page=2, limit=5)

    assert isinstance(page, models.ListResourceOAuth2Client)
    assert page.pagination == models.Pagination(total_count=12, max_page=3)
    first, second = page.items
    assert isinstance(first, models.OAuth2Client)
    assert first.created_at == datetime.datetime(2023, 11, 7, 5, 31, 56, tzinfo=datetime.UTC)
    assert first.modified_at == first.created_at
    assert first.redirect_uris == ["https://example.com/callback"]
    assert first.client_name == "My App"
    assert first.client_id_issued_at == 1699335116
    # Omitted optional fields take the spec's defaults ...
    assert first.token_endpoint_auth_method is OAuth2ClientTokenEndpointAuthMethod.CLIENT_SECRET_POST
    assert first.grant_types == [
        OAuth2ClientGrantTypesItem.AUTHORIZATION_CODE,
        OAuth2ClientGrantTypesItem.REFRESH_TOKEN,
    ]
    assert first.response_types == ["code"]
    assert first.scope.split()[:2] == ["openid", "profile"]
    # ... and omitted nullable ones without a default stay distinguishable from null.
    assert first.client_uri is msgspec.UNSET
    assert second.client_uri is None
    assert second.logo_uri == "https://example.com/logo.png"
    assert second.modified_at is None
    assert second.token_endpoint_auth_method is OAuth2ClientTokenEndpointAuthMethod.CLIENT_SECRET_BASIC
    assert second.grant_types == [OAuth2ClientGrantTypesItem.AUTHORIZATION_CODE]


def test_list_defaults_to_first_page_of_ten(http_server: ScriptedServer, client: Client) -> None:
    http_server.route("GET", LIST_PATH, Reply.json({"items": [], "pagination": {"total_count": 0, "max_page": 0}}))

    page = client.oauth2.clients.list()

    assert page.items == []
    assert sorted(http_server.last_request.query) == [("limit", "10"), ("page", "1")]


def test_no_authorization_header_without_a_token(http_server: ScriptedServer) -> None:
    http_server.route("GET", LIST_PATH, Reply.json(list_body()))

    with Client(base_url=http_server.url) as anonymous:
        anonymous.oauth2.clients.list()

    assert "Authorization" not in http_server.last_request.headers


# -- authorize: a discriminated union ------------------------------------------------------


def test_authorize_user(http_server: ScriptedServer, client: Client) -> None:
    http_server.route("GET", AUTHORIZE_PATH, Reply.json(authorize_user_body()))

    result = client.oauth2.authorize()

    assert http_server.last_request.path == AUTHORIZE_PATH
    assert http_server.last_request.query == []
    assert isinstance(result, models.AuthorizeResponseUser)
    assert result.sub is not None
    assert result.sub.id == uuid.UUID(USER_ID)
    assert isinstance(result.sub.id, uuid.UUID)
    assert result.sub.email == "jane@example.com"
    assert result.scopes == [Scope.OPENID, Scope.PROFILE, Scope.USER_READ]
    assert all(isinstance(scope, Scope) for scope in result.scopes)
    assert result.client.client_uri == "https://example.com"
    assert result.client.modified_at is None


def test_authorize_organization(http_server: ScriptedServer, client: Client) -> None:
    http_server.route("GET", AUTHORIZE_PATH, Reply.json(authorize_org_body()))

    result = client.oauth2.authorize()

    assert isinstance(result, models.AuthorizeResponseOrganization)
    assert result.sub is not None
    assert result.sub.slug == "acme"
    assert [org.id for org in result.organizations] == [uuid.UUID(ORG_ID), uuid.UUID(USER_ID)]
    assert result.organizations[1].avatar_url is None
    assert result.scopes == [Scope.OPENID, Scope.ORGANIZATIONS_READ]


@pytest.mark.parametrize(
    ("body", "kind"),
    [
        (authorize_user_body(sub=None), models.AuthorizeResponseUser),
        (authorize_org_body(sub=None), models.AuthorizeResponseOrganization),
    ],
)
def test_authorize_null_sub(
    http_server: ScriptedServer, client: Client, body: dict[str, Any], kind: type
) -> None:
    http_server.route("GET", AUTHORIZE_PATH, Reply.json(body))

    result = client.oauth2.authorize()

    assert type(result) is kind
    assert result.sub is None


def test_unknown_enum_values_and_fields_are_tolerated(
    http_server: ScriptedServer, client: Client
) -> None:
    body = authorize_user_body(scopes=["openid", "brand_new:scope"], added_later={"x": 1})
    body["client"]["new_client_field"] = [1, 2, 3]
    body["sub"]["nickname"] = "jj"
    http_server.route("GET", AUTHORIZE_PATH, Reply.json(body))

    result = client.oauth2.authorize()

    assert isinstance(result, models.AuthorizeResponseUser)
    known, unknown = result.scopes
    assert known == Scope.OPENID
    assert known is Scope.OPENID
    assert unknown == "brand_new:scope"
    assert str(unknown) == "brand_new:scope"
    assert not hasattr(result, "added_later")
    assert result.sub is not None
    assert result.sub.email == "jane@example.com"


def test_unknown_discriminator_is_a_decode_error(
    http_server: ScriptedServer, client: Client
) -> None:
    http_server.route("GET", AUTHORIZE_PATH, Reply.json(authorize_user_body(sub_type="robot")))

    with pytest.raises(polar_oauth2.DecodeError) as info:
        client.oauth2.authorize()

    assert info.value.operation_id == "oauth2:authorize"
    assert "oauth2:authorize" in str(info.value)
    assert "robot" in str(info.value)


# -- error statuses ------------------------------------------------------------------------

VALIDATION_BODY = {"detail": [{"loc": ["query", "limit"], "msg": "bad", "type": "greater_than"}]}


def test_422_is_unprocessable_entity_with_typed_detail(
    http_server: ScriptedServer, client: Client
) -> None:
    http_server.route("GET", LIST_PATH, Reply.json(VALIDATION_BODY, status=422))

    with pytest.raises(polar_oauth2.UnprocessableEntityError) as info:
        client.oauth2.clients.list(limit=0)

    error = info.value
    assert isinstance(error, polar_oauth2.APIStatusError)
    assert isinstance(error, polar_oauth2.APIError)
    assert error.status_code == 422
    assert error.body == VALIDATION_BODY
    assert isinstance(error.detail, models.HTTPValidationError)
    assert error.detail.detail is not None
    assert error.detail.detail[0].loc == ["query", "limit"]
    assert error.detail.detail[0].type == "greater_than"
    assert error.operation_id == "oauth2:clients:list"
    assert error.method == "GET"
    assert error.url.startswith(http_server.url + LIST_PATH)
    assert error.headers["content-type"] == "application/json"
    assert "422" in str(error)


def test_422_with_an_unexpected_body_still_raises_with_the_body(
    http_server: ScriptedServer, client: Client
) -> None:
    http_server.route("GET", LIST_PATH, Reply.json({"error": "nope"}, status=422))

    with pytest.raises(polar_oauth2.UnprocessableEntityError) as info:
        client.oauth2.clients.list()

    assert info.value.body == {"error": "nope"}
    assert info.value.detail == models.HTTPValidationError(detail=None)


@pytest.mark.parametrize(
    ("status", "kind"),
    [
        (400, polar_oauth2.BadRequestError),
        (401, polar_oauth2.AuthenticationError),
        (403, polar_oauth2.PermissionDeniedError),
        (404, polar_oauth2.NotFoundError),
        (409, polar_oauth2.ConflictError),
        (429, polar_oauth2.RateLimitError),
        (500, polar_oauth2.InternalServerError),
        (503, polar_oauth2.InternalServerError),
        (418, polar_oauth2.APIStatusError),
    ],
)
def test_error_statuses_map_to_classes(
    http_server: ScriptedServer, client: Client, status: int, kind: type[Exception]
) -> None:
    body = {"error": "Whatever", "detail": f"status {status}"}
    http_server.route("GET", LIST_PATH, Reply.json(body, status=status, headers=[("X-Trace", "abc")]))

    with pytest.raises(polar_oauth2.APIStatusError) as info:
        client.oauth2.clients.list()

    assert type(info.value) is kind
    assert info.value.status_code == status
    assert info.value.body == body
    assert info.value.detail is None  # the spec documents no body for these statuses
    assert info.value.headers["x-trace"] == "abc"


def test_non_json_error_body_is_kept_as_text(http_server: ScriptedServer, client: Client) -> None:
    http_server.route("GET", LIST_PATH, Reply.text("<html>Bad Gateway</html>", status=502))

    with pytest.raises(polar_oauth2.InternalServerError) as info:
        client.oauth2.clients.list()

    assert info.value.status_code == 502
    assert info.value.body == "<html>Bad Gateway</html>"
    assert info.value.detail is None


def test_empty_error_body_is_none(http_server: ScriptedServer, client: Client) -> None:
    http_server.route("GET", LIST_PATH, Reply(status=404))

    with pytest.raises(polar_oauth2.NotFoundError) as info:
        client.oauth2.clients.list()

    assert info.value.body is None


# -- bodies that do not match the spec -----------------------------------------------------


def test_malformed_json_is_a_decode_error(http_server: ScriptedServer, client: Client) -> None:
    raw = b'{"items": [, "pagination": {}'
    http_server.route("GET", LIST_PATH, Reply.raw(raw))

    with pytest.raises(polar_oauth2.DecodeError) as info:
        client.oauth2.clients.list()

    assert isinstance(info.value, polar_oauth2.APIError)
    assert info.value.body == raw
    assert info.value.operation_id == "oauth2:clients:list"
    assert "oauth2:clients:list" in str(info.value)
    assert "not valid JSON" in str(info.value)


def test_wrong_shape_is_a_decode_error_with_a_path(
    http_server: ScriptedServer, client: Client
) -> None:
    body = list_body()
    body["items"][1]["created_at"] = 5
    raw = msgspec.json.encode(body)
    http_server.route("GET", LIST_PATH, Reply.raw(raw))

    with pytest.raises(polar_oauth2.DecodeError) as info:
        client.oauth2.clients.list()

    error = info.value
    assert error.path == "$.items[1].created_at"
    assert "oauth2:clients:list" in str(error)
    assert "$.items[1].created_at" in str(error)
    assert error.body == raw


def test_missing_required_field_is_a_decode_error(
    http_server: ScriptedServer, client: Client
) -> None:
    body = list_body()
    del body["pagination"]["max_page"]
    http_server.route("GET", LIST_PATH, Reply.json(body))

    with pytest.raises(polar_oauth2.DecodeError) as info:
        client.oauth2.clients.list()

    assert info.value.path == "$.pagination"
    assert "max_page" in str(info.value)


# -- the access token stays secret ---------------------------------------------------------


def test_token_never_appears_in_repr_or_errors(http_server: ScriptedServer) -> None:
    bad_shape = list_body()
    bad_shape["items"][0]["created_at"] = 5
    http_server.enqueue(
        "GET",
        LIST_PATH,
        Reply.json(VALIDATION_BODY, status=422),
        Reply.json({"detail": "Unauthorized"}, status=401),
        Reply.text("oops", status=500),
        Reply.raw(b"not json"),
        Reply.json(bad_shape),
        Disconnect(),
    )
    raised: list[BaseException] = []
    with Client(access_token=TOKEN, base_url=http_server.url, max_retries=0) as client:
        assert TOKEN not in repr(client)
        assert TOKEN not in str(client)
        for _ in range(6):
            with pytest.raises(polar_oauth2.APIError) as info:
                client.oauth2.clients.list()
            raised.append(info.value)
    with Client(access_token=TOKEN, base_url=http_server.url, timeout=0.2, max_retries=0) as client:
        http_server.enqueue("GET", LIST_PATH, Reply.json(list_body(), delay=1.0))
        with pytest.raises(polar_oauth2.APITimeoutError) as timeout:
            client.oauth2.clients.list()
        raised.append(timeout.value)

    assert len(raised) == 7
    # The server did see the token: it is the client's output that must not repeat it.
    assert all(r.headers["Authorization"] == f"Bearer {TOKEN}" for r in http_server.requests)
    for error in raised:
        assert TOKEN not in str(error), type(error)
        assert TOKEN not in repr(error), type(error)
        assert TOKEN not in repr(error.args), type(error)


# -- construction --------------------------------------------------------------------------


def test_server_names_select_base_urls() -> None:
    with Client(server="sandbox") as sandbox, Client() as production:
        assert sandbox.base_url == "https://sandbox-api.polar.sh"
        assert production.base_url == "https://api.polar.sh"
    with Client(server="sandbox", base_url="http://127.0.0.1:1/") as explicit:
        assert explicit.base_url == "http://127.0.0.1:1"


def test_unknown_server_name_is_rejected() -> None:
    with pytest.raises(ValueError, match="staging") as info:
        Client(server="staging")  # type: ignore[arg-type]
    assert "production" in str(info.value)
    assert "sandbox" in str(info.value)
    with pytest.raises(ValueError, match="staging"):
        AsyncClient(server="staging")  # type: ignore[arg-type]


def test_extra_headers_go_on_every_request(http_server: ScriptedServer) -> None:
    http_server.route("GET", LIST_PATH, Reply.json(list_body()))
    http_server.route("GET", AUTHORIZE_PATH, Reply.json(authorize_user_body()))

    with Client(access_token=TOKEN, base_url=http_server.url, headers={"X-Extra": "1"}) as client:
        client.oauth2.clients.list()
        client.oauth2.authorize()
        client.oauth2.clients.list(page=3)

    requests = http_server.requests
    assert [r.path for r in requests] == [LIST_PATH, AUTHORIZE_PATH, LIST_PATH]
    assert [r.headers.get_all("X-Extra") for r in requests] == [["1"]] * 3
    assert all(r.headers["Authorization"] == f"Bearer {TOKEN}" for r in requests)


def test_given_http_client_is_used_and_left_open(http_server: ScriptedServer) -> None:
    http_server.route("GET", LIST_PATH, Reply.json(list_body()))
    seen: list[httpx.Request] = []
    own = httpx.Client(headers={"X-Own-Client": "yes"}, event_hooks={"request": [seen.append]})
    try:
        with Client(access_token=TOKEN, base_url=http_server.url, http_client=own) as client:
            client.oauth2.clients.list()
        client.close()  # closing again, explicitly, must not close it either

        assert len(seen) == 1
        assert http_server.last_request.headers["X-Own-Client"] == "yes"
        assert http_server.last_request.headers["Authorization"] == f"Bearer {TOKEN}"
        assert not own.is_closed
        # Still usable after the generated client is closed.
        assert own.get(http_server.url + LIST_PATH).status_code == 200
    finally:
        own.close()


def test_own_pool_is_closed(http_server: ScriptedServer) -> None:
    http_server.route("GET", LIST_PATH, Reply.json(list_body()))

    with Client(base_url=http_server.url) as managed:
        managed.oauth2.clients.list()
        assert not managed._http.is_closed
    assert managed._http.is_closed

    explicit = Client(base_url=http_server.url)
    explicit.oauth2.clients.list()
    explicit.close()
    assert explicit._http.is_closed


# -- transport failures --------------------------------------------------------------------


@pytest.fixture
def closed_port() -> Iterator[int]:
    """A port bound on 127.0.0.1 but not listening: connecting to it is refused, and no
    other process can take it during the test."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        sock.bind(("127.0.0.1", 0))
        yield int(sock.getsockname()[1])
    finally:
        sock.close()


def test_connection_refused_is_a_connection_error(closed_port: int) -> None:
    base_url = f"http://127.0.0.1:{closed_port}"
    with (
        Client(access_token=TOKEN, base_url=base_url, timeout=2) as client,
        pytest.raises(polar_oauth2.APIConnectionError) as info,
    ):
        client.oauth2.clients.list()

    assert not isinstance(info.value, polar_oauth2.APITimeoutError)
    assert "oauth2:clients:list" in str(info.value)
    assert TOKEN not in str(info.value)


def test_dropped_connection_is_a_connection_error(
    http_server: ScriptedServer, client: Client
) -> None:
    http_server.enqueue("GET", LIST_PATH, Disconnect())

    with pytest.raises(polar_oauth2.APIConnectionError) as info:
        client.oauth2.clients.list()

    assert not isinstance(info.value, polar_oauth2.APITimeoutError)
    assert len(http_server.requests) == 1  # it did arrive; no answer came back


def test_slow_response_is_a_timeout(http_server: ScriptedServer) -> None:
    http_server.route("GET", LIST_PATH, Reply.json(list_body(), delay=1.5))

    with Client(base_url=http_server.url, timeout=0.3, max_retries=0) as client:
        started = time.monotonic()
        with pytest.raises(polar_oauth2.APITimeoutError) as info:
            client.oauth2.clients.list()
        elapsed = time.monotonic() - started

    assert isinstance(info.value, polar_oauth2.APIConnectionError)
    assert "oauth2:clients:list" in str(info.value)
    assert 0.25 <= elapsed < 1.4  # gave up well before the server would have answered


def test_a_delay_within_the_timeout_is_fine(http_server: ScriptedServer) -> None:
    http_server.route("GET", LIST_PATH, Reply.json(list_body(), delay=0.1))

    with Client(base_url=http_server.url, timeout=1.0) as client:
        assert len(client.oauth2.clients.list().items) == 2


def test_failures_then_success(http_server: ScriptedServer, client: Client) -> None:
    """The client itself does not retry: each call sees the next scripted answer."""
    http_server.enqueue("GET", LIST_PATH, Reply(status=503), Disconnect())
    http_server.route("GET", LIST_PATH, Reply.json(list_body()))

    with pytest.raises(polar_oauth2.InternalServerError):
        client.oauth2.clients.list()
    with pytest.raises(polar_oauth2.APIConnectionError):
        client.oauth2.clients.list()
    assert len(client.oauth2.clients.list().items) == 2
    assert len(http_server.requests) == 3


# -- asyncio -------------------------------------------------------------------------------


@pytest.mark.anyio
async def test_async_list_and_authorize(http_server: ScriptedServer) -> None:
    http_server.route("GET", LIST_PATH, Reply.json(list_body()))
    http_server.route("GET", AUTHORIZE_PATH, Reply.json(authorize_org_body()))

    async with AsyncClient(access_token=TOKEN, base_url=http_server.url, headers={"X-Extra": "1"}) as client:
        page = await client.oauth2.clients.list(page=2, limit=5)
        result = await client.oauth2.authorize()
        assert TOKEN not in repr(client)
    assert client._http.is_closed

    assert isinstance(page, models.ListResourceOAuth2Client)
    assert page.items[0].created_at == datetime.datetime(2023, 11, 7, 5, 31, 56, tzinfo=datetime.UTC)
    assert page.items[0].client_uri is msgspec.UNSET
    assert page.items[1].client_uri is None
    assert isinstance(result, models.AuthorizeResponseOrganization)
    assert result.organizations[0].id == uuid.UUID(ORG_ID)
    list_request, authorize_request = http_server.requests
    assert sorted(list_request.query) == [("limit", "5"), ("page", "2")]
    assert authorize_request.path == AUTHORIZE_PATH
    for request in http_server.requests:
        assert request.headers["Authorization"] == f"Bearer {TOKEN}"
        assert request.headers["User-Agent"].startswith("polar-oauth2/")
        assert request.headers["X-Extra"] == "1"


@pytest.mark.anyio
async def test_async_errors(http_server: ScriptedServer) -> None:
    http_server.enqueue("GET", LIST_PATH, Reply.json(VALIDATION_BODY, status=422))
    http_server.enqueue("GET", AUTHORIZE_PATH, Reply.json(authorize_user_body(sub_type="robot")))

    async with AsyncClient(access_token=TOKEN, base_url=http_server.url) as client:
        with pytest.raises(polar_oauth2.UnprocessableEntityError) as info:
            await client.oauth2.clients.list()
        with pytest.raises(polar_oauth2.DecodeError):
            await client.oauth2.authorize()

    assert isinstance(info.value.detail, models.HTTPValidationError)


@pytest.mark.anyio
async def test_async_timeout(http_server: ScriptedServer) -> None:
    http_server.route("GET", LIST_PATH, Reply.json(list_body(), delay=1.5))

    async with AsyncClient(base_url=http_server.url, timeout=0.3, max_retries=0) as client:
        with pytest.raises(polar_oauth2.APITimeoutError):
            await client.oauth2.clients.list()


@pytest.mark.anyio
async def test_async_concurrent_calls(http_server: ScriptedServer) -> None:
    # Each request is held until both have arrived: this only succeeds if the two calls
    # really are in flight at the same time (otherwise the barrier breaks -> HTTP 500).
    both_arrived = threading.Barrier(2, timeout=3)
    other = list_body()
    other["pagination"]["total_count"] = 99

    def together(body: dict[str, Any]) -> Callable[[RecordedRequest], Reply]:
        def respond(request: RecordedRequest) -> Reply:
            both_arrived.wait()
            return Reply.json(body)

        return respond

    http_server.route("GET", LIST_PATH, together(other))
    http_server.route("GET", AUTHORIZE_PATH, together(authorize_user_body()))

    async with AsyncClient(access_token=TOKEN, base_url=http_server.url) as client:
        page, result = await asyncio.wait_for(
            asyncio.gather(client.oauth2.clients.list(page=7), client.oauth2.authorize()),
            timeout=5,
        )

    assert page.pagination.total_count == 99
    assert isinstance(result, models.AuthorizeResponseUser)
    assert sorted(r.path for r in http_server.requests) == [LIST_PATH, AUTHORIZE_PATH]


# -- the test server itself ----------------------------------------------------------------


def test_server_records_and_scripts(http_server: ScriptedServer) -> None:
    http_server.enqueue("POST", "/echo", Reply.text("first", status=201))
    http_server.handler = lambda request: Reply.json(
        {"got": request.json() if request.body else None, "q": request.query}
    )

    with httpx.Client(base_url=http_server.url) as raw:
        first = raw.post("/echo?a=1&a=2&b=", json={"x": 1}, headers={"X-Multi": "v"})
        second = raw.post("/echo?a=1", json={"x": 2})
        unscripted = raw.get("/nowhere")
        assert raw.delete("/echo").status_code == 200

    assert (first.status_code, first.text) == (201, "first")
    assert second.json() == {"got": {"x": 2}, "q": [["a", "1"]]}
    assert unscripted.status_code == 200  # the handler covers everything unscripted
    request = http_server.requests[0]
    assert (request.method, request.path, request.target) == ("POST", "/echo", "/echo?a=1&a=2&b=")
    assert request.query == [("a", "1"), ("a", "2"), ("b", "")]
    assert request.headers["x-multi"] == "v"
    assert request.json() == {"x": 1}
    http_server.reset()
    assert http_server.requests == []
    with httpx.Client(base_url=http_server.url) as raw:
        assert raw.get("/nowhere").status_code == 501  # nothing scripted any more


def test_server_stop_ends_idle_and_delayed_connections() -> None:
    server = ScriptedServer().start()
    server.route("GET", "/slow", Reply(delay=30))
    idle = socket.create_connection(("127.0.0.1", server.port), timeout=2)
    slow = socket.create_connection(("127.0.0.1", server.port), timeout=2)
    try:
        slow.sendall(b"GET /slow HTTP/1.1\r\nHost: x\r\n\r\n")
        deadline = time.monotonic() + 2
        while not server.requests and time.monotonic() < deadline:
            time.sleep(0.01)
        assert [r.path for r in server.requests] == ["/slow"]
        started = time.monotonic()
        leaked = server.stop()
        assert leaked == []
        assert time.monotonic() - started < 2
        assert slow.recv(1024) == b""  # closed without an answer
    finally:
        idle.close()
        slow.close()
    assert not server.errors

