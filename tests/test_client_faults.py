"""Production behaviour of the generated client against our fault-injecting server on
127.0.0.1: retries and backoff, Retry-After, dropped connections, timeouts, per-call options,
logging without secrets, pagination, forward compatibility."""

from __future__ import annotations

import asyncio
import email.utils
import logging
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import polar_oauth2
import pytest
from conftest import generate_in_process, oauth2_client_json
from http_server import Disconnect, RecordedRequest, Reply, ScriptedServer
from polar_oauth2 import AsyncClient, Client, models
from polar_oauth2._base import INITIAL_BACKOFF, MAX_BACKOFF, MAX_RETRY_AFTER, retry_delay

TOKEN = "sk-fault-test-0123456789"
LIST_PATH = "/v1/oauth2/"
AUTHORIZE_PATH = "/v1/oauth2/authorize"


def page(ids: list[str], max_page: int) -> dict[str, Any]:
    return {"items": [oauth2_client_json(i) for i in ids], "pagination": {"total_count": 99, "max_page": max_page}}


@pytest.fixture(autouse=True)
def fast_backoff(monkeypatch: pytest.MonkeyPatch) -> None:
    """Backoff sleeps are shortened tenfold so the suite stays quick; Retry-After is not
    touched (its waits are what some tests measure)."""
    import polar_oauth2._base as base

    real = base.retry_delay

    def quick(attempt: int, headers: httpx.Headers | None) -> float:
        delay = real(attempt, headers)
        has_retry_after = headers is not None and ("retry-after" in headers or "retry-after-ms" in headers)
        return delay if has_retry_after else delay / 10

    monkeypatch.setattr(base, "retry_delay", quick)


@pytest.fixture
def client(http_server: ScriptedServer) -> Iterator[Client]:
    with Client(access_token=TOKEN, base_url=http_server.url) as c:
        yield c


def attempts(server: ScriptedServer, path: str = LIST_PATH) -> int:
    return sum(1 for r in server.requests if r.path == path)


# -- retries ---------------------------------------------------------------------------------


def test_two_503s_then_success_takes_three_attempts(http_server: ScriptedServer, client: Client) -> None:
    http_server.enqueue("GET", LIST_PATH, Reply(status=503), Reply(status=503))
    http_server.route("GET", LIST_PATH, Reply.json(page(["a"], 1)))
    result = client.oauth2.clients.list()
    assert [c.client_id for c in result.items] == ["a"]
    assert attempts(http_server) == 3


@pytest.mark.parametrize("status", [408, 429, 500, 502, 503, 504])
def test_each_retryable_status_is_retried(http_server: ScriptedServer, client: Client, status: int) -> None:
    http_server.enqueue("GET", LIST_PATH, Reply(status=status))
    http_server.route("GET", LIST_PATH, Reply.json(page([], 1)))
    client.oauth2.clients.list()
    assert attempts(http_server) == 2


@pytest.mark.parametrize("status", [400, 401, 403, 404, 409, 422, 501])
def test_other_statuses_are_not_retried(http_server: ScriptedServer, client: Client, status: int) -> None:
    http_server.route("GET", LIST_PATH, Reply.json({"detail": []}, status=status))
    with pytest.raises(polar_oauth2.APIStatusError) as info:
        client.oauth2.clients.list()
    assert info.value.status_code == status
    assert attempts(http_server) == 1


def test_retries_give_up_after_max_retries(http_server: ScriptedServer, client: Client) -> None:
    http_server.route("GET", LIST_PATH, Reply(status=503))
    with pytest.raises(polar_oauth2.InternalServerError) as info:
        client.oauth2.clients.list()
    assert info.value.status_code == 503
    assert attempts(http_server) == 3  # max_retries=2 by default


def test_max_retries_from_the_constructor(http_server: ScriptedServer) -> None:
    http_server.route("GET", LIST_PATH, Reply(status=500))
    with Client(base_url=http_server.url, max_retries=4) as client, pytest.raises(polar_oauth2.InternalServerError):
        client.oauth2.clients.list()
    assert attempts(http_server) == 5


def test_retry_after_seconds_is_honoured(http_server: ScriptedServer, client: Client) -> None:
    http_server.enqueue("GET", LIST_PATH, Reply(status=429, headers=(("Retry-After", "1"),)))
    http_server.route("GET", LIST_PATH, Reply.json(page([], 1)))
    client.oauth2.clients.list()
    first, second = http_server.requests
    assert 0.9 <= second.received_at - first.received_at < 2.5


def test_retry_after_http_date_is_honoured(http_server: ScriptedServer, client: Client) -> None:
    when = email.utils.formatdate(time.time() + 2, usegmt=True)  # whole seconds: 1 to 2 s away
    http_server.enqueue("GET", LIST_PATH, Reply(status=503, headers=(("Retry-After", when),)))
    http_server.route("GET", LIST_PATH, Reply.json(page([], 1)))
    client.oauth2.clients.list()
    first, second = http_server.requests
    assert 0.9 <= second.received_at - first.received_at < 3.0


@pytest.mark.parametrize(("header", "value"), [("Retry-After", "nan"), ("retry-after-ms", "nan"), ("Retry-After", "inf")])
def test_a_retry_after_that_is_no_number_of_seconds_falls_back_to_backoff(
    http_server: ScriptedServer, client: Client, header: str, value: str
) -> None:
    http_server.enqueue("GET", LIST_PATH, Reply(status=429, headers=((header, value),)))
    http_server.route("GET", LIST_PATH, Reply.json(page([], 1)))
    started = time.monotonic()
    client.oauth2.clients.list()
    assert attempts(http_server) == 2
    assert time.monotonic() - started < 3


@pytest.mark.anyio
async def test_the_async_client_does_not_hang_on_retry_after_nan(http_server: ScriptedServer) -> None:
    """asyncio.sleep(nan) never returns: the delay must be a finite number first."""
    import anyio

    http_server.enqueue("GET", LIST_PATH, Reply(status=503, headers=(("Retry-After", "nan"),)))
    http_server.route("GET", LIST_PATH, Reply.json(page([], 1)))
    with anyio.fail_after(10):
        async with AsyncClient(base_url=http_server.url) as client:
            await client.oauth2.clients.list()
    assert attempts(http_server) == 2


def test_dropped_connection_is_retried(http_server: ScriptedServer, client: Client) -> None:
    http_server.enqueue("GET", LIST_PATH, Disconnect())
    http_server.route("GET", LIST_PATH, Reply.json(page(["a"], 1)))
    assert len(client.oauth2.clients.list().items) == 1
    assert attempts(http_server) == 2


def test_dropped_every_time_is_a_connection_error(http_server: ScriptedServer, client: Client) -> None:
    http_server.route("GET", LIST_PATH, Disconnect())
    with pytest.raises(polar_oauth2.APIConnectionError) as info:
        client.oauth2.clients.list()
    assert not isinstance(info.value, polar_oauth2.APITimeoutError)
    assert "after 3 attempts" in str(info.value)
    assert attempts(http_server) == 3


def test_a_response_slower_than_the_timeout_is_a_timeout_error(http_server: ScriptedServer) -> None:
    http_server.route("GET", LIST_PATH, Reply.json(page([], 1), delay=1.0))
    with Client(base_url=http_server.url, timeout=0.2, max_retries=1) as client:
        started = time.monotonic()
        with pytest.raises(polar_oauth2.APITimeoutError):
            client.oauth2.clients.list()
    assert attempts(http_server) == 2
    assert time.monotonic() - started < 3


@pytest.mark.anyio
async def test_async_client_retries_too(http_server: ScriptedServer) -> None:
    http_server.enqueue("GET", LIST_PATH, Reply(status=502), Disconnect())
    http_server.route("GET", LIST_PATH, Reply.json(page(["a"], 1)))
    async with AsyncClient(base_url=http_server.url) as client:
        result = await client.oauth2.clients.list()
    assert len(result.items) == 1
    assert attempts(http_server) == 3


def test_backoff_doubles_from_half_a_second_with_jitter_and_a_cap() -> None:
    for attempt in range(8):
        expected = min(INITIAL_BACKOFF * 2**attempt, MAX_BACKOFF)
        delays = [retry_delay(attempt, None) for _ in range(200)]
        assert all(0.75 * expected <= d <= expected for d in delays)
        assert len(set(delays)) > 100  # jittered, not constant
    assert retry_delay(0, httpx.Headers({"Retry-After": "3"})) == 3
    assert retry_delay(0, httpx.Headers({"Retry-After": "86400"})) == MAX_RETRY_AFTER
    assert retry_delay(0, httpx.Headers({"retry-after-ms": "250"})) == 0.25
    for value in ("soon", "nan", "inf", "-inf"):
        garbage = retry_delay(0, httpx.Headers({"Retry-After": value}))
        assert 0.75 * INITIAL_BACKOFF <= garbage <= INITIAL_BACKOFF, value
    assert 0.75 * INITIAL_BACKOFF <= retry_delay(0, httpx.Headers({"retry-after-ms": "nan"})) <= INITIAL_BACKOFF


# -- only idempotent methods are retried ---------------------------------------------------

WRITE_SPEC = """openapi: 3.1.0
info: {title: Writes, version: 1.0.0}
servers: [{url: "http://unused.invalid"}]
paths:
  /things:
    post:
      operationId: things:create
      requestBody:
        required: true
        content: {application/json: {schema: {$ref: "#/components/schemas/Thing"}}}
      responses:
        "201": {description: created, content: {application/json: {schema: {$ref: "#/components/schemas/Thing"}}}}
  /things/{thing_id}:
    put:
      operationId: things:replace
      parameters: [{name: thing_id, in: path, required: true, schema: {type: string}}]
      requestBody:
        required: true
        content: {application/json: {schema: {$ref: "#/components/schemas/Thing"}}}
      responses:
        "200": {description: replaced, content: {application/json: {schema: {$ref: "#/components/schemas/Thing"}}}}
    patch:
      operationId: things:update
      parameters: [{name: thing_id, in: path, required: true, schema: {type: string}}]
      requestBody:
        required: true
        content: {application/json: {schema: {$ref: "#/components/schemas/Thing"}}}
      responses:
        "200": {description: updated, content: {application/json: {schema: {$ref: "#/components/schemas/Thing"}}}}
components:
  schemas:
    Thing:
      type: object
      required: [name]
      properties:
        name: {type: string}
"""


@pytest.fixture(scope="module")
def writes(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("writes")
    spec = folder / "writes.yaml"
    spec.write_text(WRITE_SPEC)
    generate_in_process(spec, folder / "out", "faults_writes")
    return folder / "out"


def test_post_and_patch_are_never_retried_put_is(
    http_server: ScriptedServer, writes: Path, import_generated: Callable[[Path, str], ModuleType]
) -> None:
    package = import_generated(writes, "faults_writes")
    http_server.route("POST", "/things", Reply(status=503))
    http_server.route("PATCH", "/things/x", Disconnect())
    http_server.enqueue("PUT", "/things/x", Reply(status=503))
    http_server.route("PUT", "/things/x", Reply.json({"name": "n"}))
    with package.Client(base_url=http_server.url) as client:
        body = package.models.Thing(name="n")
        with pytest.raises(package.InternalServerError):
            client.things.create(body=body)
        with pytest.raises(package.APIConnectionError):
            client.things.update("x", body=body)
        assert client.things.replace("x", body=body).name == "n"
    methods = [r.method for r in http_server.requests]
    assert methods.count("POST") == 1
    assert methods.count("PATCH") == 1
    assert methods.count("PUT") == 2
    assert http_server.requests[-1].json() == {"name": "n"}


# -- per-call options ----------------------------------------------------------------------


def test_with_options_shares_the_pool_and_changes_only_what_it_names(
    http_server: ScriptedServer, client: Client
) -> None:
    http_server.route("GET", LIST_PATH, Reply.json(page([], 1), delay=0.5))
    hasty = client.with_options(timeout=0.1, max_retries=0)
    assert hasty._http is client._http
    assert (hasty.timeout, hasty.max_retries) == (0.1, 0)
    assert (client.timeout, client.max_retries) == (60.0, 2)
    with pytest.raises(polar_oauth2.APITimeoutError):
        hasty.oauth2.clients.list()
    assert attempts(http_server) == 1
    # The namespaces of the copy use the copy's options, the original's its own.
    assert client.oauth2.clients.list().items == []
    hasty.close()
    assert not client._http.is_closed
    assert client.with_options().oauth2.clients.list().items == []


def test_with_options_refuses_negative_retries(client: Client) -> None:
    with pytest.raises(ValueError):
        client.with_options(max_retries=-1)


# -- logging and secrets -------------------------------------------------------------------


def test_one_debug_record_per_attempt_and_no_token_anywhere(
    http_server: ScriptedServer, client: Client, caplog: pytest.LogCaptureFixture
) -> None:
    http_server.enqueue("GET", LIST_PATH, Reply(status=503), Disconnect())
    http_server.route("GET", LIST_PATH, Reply.json(page([], 1)))
    with caplog.at_level(logging.DEBUG, logger="polar_oauth2"):
        client.oauth2.clients.list(limit=5)
    records = [r for r in caplog.records if r.name == "polar_oauth2"]
    assert [getattr(r, "attempt", None) for r in records] == [1, 2, 3]
    messages = [r.getMessage() for r in records]
    assert messages[0].startswith(f"GET {http_server.url}/v1/oauth2/?page=1&limit=5 -> 503 in ")
    assert "RemoteProtocolError" in messages[1] and "(attempt 2)" in messages[1]
    assert "-> 200" in messages[2]
    assert all(TOKEN not in m and TOKEN not in repr(r.__dict__) for m, r in zip(messages, records))


def test_credentials_in_the_base_url_never_reach_logs_or_reprs(
    http_server: ScriptedServer, caplog: pytest.LogCaptureFixture
) -> None:
    http_server.route("GET", LIST_PATH, Reply.json(page([], 1)))
    url = http_server.url.replace("http://", "http://user:hunter2@")
    with Client(base_url=url) as client, caplog.at_level(logging.DEBUG, logger="polar_oauth2"):
        client.oauth2.clients.list()
        assert "hunter2" not in repr(client)
    assert caplog.records and all("hunter2" not in r.getMessage() for r in caplog.records)


def test_token_is_kept_out_of_reprs_and_attribute_views(client: Client) -> None:
    assert TOKEN not in repr(client)
    assert TOKEN not in repr(vars(client))
    assert TOKEN not in repr(client.with_options(timeout=1))
    assert TOKEN not in repr(vars(client.oauth2.clients))


def test_user_agent_names_distribution_and_httpx(http_server: ScriptedServer, client: Client) -> None:
    http_server.route("GET", LIST_PATH, Reply.json(page([], 1)))
    client.oauth2.clients.list()
    agent = http_server.last_request.headers["User-Agent"]
    assert agent == f"polar-oauth2/{polar_oauth2.__version__} python-httpx/{httpx.__version__}"


# -- forward compatibility -----------------------------------------------------------------


def test_unknown_discriminator_names_the_value_and_the_known_ones(
    http_server: ScriptedServer, client: Client
) -> None:
    body = {"sub_type": "robot", "client": {}, "sub": None, "scopes": []}
    http_server.route("GET", AUTHORIZE_PATH, Reply.json(body))
    with pytest.raises(polar_oauth2.DecodeError) as info:
        client.oauth2.authorize()
    message = str(info.value)
    assert "oauth2:authorize" in message
    assert "unknown sub_type 'robot'; known: organization, user" in message
    assert info.value.path == "$.sub_type"
    assert b"robot" in info.value.body


def test_new_fields_and_enum_values_decode(http_server: ScriptedServer, client: Client) -> None:
    item = {**oauth2_client_json("a"), "grant_types": ["authorization_code", "device_code"], "brand_new": {"x": 1}}
    http_server.route("GET", LIST_PATH, Reply.json({"items": [item], "pagination": {"total_count": 1, "max_page": 1}}))
    (decoded,) = client.oauth2.clients.list().items
    assert decoded.grant_types[0] is models.OAuth2ClientGrantTypesItem.AUTHORIZATION_CODE
    assert decoded.grant_types[1] == "device_code" and str(decoded.grant_types[1]) == "device_code"


# -- pagination ----------------------------------------------------------------------------


def pages(server: ScriptedServer, contents: list[list[str]], max_page: int) -> None:
    def answer(request: RecordedRequest) -> Reply:
        number = int(dict(request.query)["page"])
        ids = contents[number - 1] if number <= len(contents) else []
        return Reply.json(page(ids, max_page))

    server.route("GET", LIST_PATH, answer)


def test_iter_walks_every_page_lazily_and_stops_at_max_page(http_server: ScriptedServer, client: Client) -> None:
    pages(http_server, [["a", "b"], ["c", "d"], ["e"], ["never"]], max_page=3)
    walk = client.oauth2.clients.iter(limit=2)
    first = next(walk)
    assert first.client_id == "a"
    assert attempts(http_server) == 1  # nothing fetched ahead of need
    rest = [c.client_id for c in walk]
    assert rest == ["b", "c", "d", "e"]
    assert [dict(r.query) for r in http_server.requests] == [
        {"page": "1", "limit": "2"},
        {"page": "2", "limit": "2"},
        {"page": "3", "limit": "2"},
    ]


def test_iter_stops_at_an_empty_page(http_server: ScriptedServer, client: Client) -> None:
    pages(http_server, [["a"], []], max_page=50)
    assert [c.client_id for c in client.oauth2.clients.iter()] == ["a"]
    assert attempts(http_server) == 2


@pytest.mark.anyio
async def test_async_iter_walks_pages_and_two_walks_overlap(http_server: ScriptedServer) -> None:
    # Each page is answered only once the other walk has asked for the same page: if the
    # walks ran one after the other (or blocked the loop), the barrier would break.
    barriers = {n: threading.Barrier(2, timeout=5) for n in (1, 2)}

    def answer(request: RecordedRequest) -> Reply:
        number = int(dict(request.query)["page"])
        try:
            barriers[number].wait()
        except threading.BrokenBarrierError:
            return Reply(status=418)
        return Reply.json(page([f"p{number}"], 2))

    http_server.route("GET", LIST_PATH, answer)
    async with AsyncClient(base_url=http_server.url, max_retries=0) as client:

        async def walk() -> list[str]:
            return [c.client_id async for c in client.oauth2.clients.iter(limit=1)]

        first, second = await asyncio.gather(walk(), walk())
    assert first == second == ["p1", "p2"]
    assert attempts(http_server) == 4
