"""Per-call options (`timeout`, `max_retries`, `extra_headers`, `extra_query`,
`idempotency_key`), `with_options` and `with_raw_response`, sync and async, against our
HTTP server on 127.0.0.1. The client is generated from tests/specs_wire/call_options.yaml,
whose list operation has a query parameter named `timeout`."""

from __future__ import annotations

import datetime
import inspect
import json
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from conftest import TESTS, generated_package
from http_server import Reply, ScriptedServer

SPEC = TESTS / "specs_wire" / "call_options.yaml"
ITEMS = {"items": [{"name": "a"}, {"name": "b"}]}


@pytest.fixture(scope="module")
def pkg(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    with generated_package(SPEC, tmp_path_factory.mktemp("call_options"), "call_options") as module:
        yield module


@pytest.fixture(autouse=True)
def quick_backoff(pkg: ModuleType, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pkg._base, "retry_delay", lambda attempt, headers: 0.01)


@pytest.fixture
def client(pkg: ModuleType, http_server: ScriptedServer) -> Iterator[Any]:
    with pkg.Client(base_url=http_server.url, max_retries=0, headers={"X-Team": "core"}) as c:
        yield c


# -- per-call options ---------------------------------------------------------------------


def test_a_spec_parameter_named_like_an_option_gives_way(pkg: ModuleType) -> None:
    parameters = inspect.signature(pkg.Client(base_url="http://127.0.0.1:9").items.list).parameters
    assert list(parameters) == ["limit", "timeout_query", "options"]
    assert parameters["options"].kind is inspect.Parameter.VAR_KEYWORD


def test_extra_headers_and_extra_query_go_with_the_call_only(
    http_server: ScriptedServer, client: Any
) -> None:
    http_server.route("GET", "/items", Reply.json(ITEMS))

    client.items.list(
        timeout_query="5s",
        extra_headers={"x-team": "payments", "X-Trace": "t-1"},
        extra_query={"debug": True, "tag": ["a", "b"]},
    )
    client.items.list()

    first, second = http_server.requests
    assert first.query == [("limit", "10"), ("timeout", "5s"), ("debug", "true"), ("tag", "a"), ("tag", "b")]
    # Replaced whatever its case, never sent twice.
    assert first.headers.get_all("X-Team") == ["payments"]
    assert first.headers["X-Trace"] == "t-1"
    assert second.query == [("limit", "10")]
    assert second.headers["X-Team"] == "core"
    assert "X-Trace" not in second.headers


def test_a_per_call_timeout_bounds_that_call_only(pkg: ModuleType, http_server: ScriptedServer, client: Any) -> None:
    http_server.route("GET", "/items", Reply.json(ITEMS, delay=0.6))

    with pytest.raises(pkg.errors.APITimeoutError):
        client.items.list(timeout=0.2)
    assert client.items.list().items[0].name == "a"


def test_per_call_max_retries(pkg: ModuleType, http_server: ScriptedServer, client: Any) -> None:
    http_server.enqueue("GET", "/items", Reply.json({}, status=503), Reply.json(ITEMS))
    assert len(client.items.list(max_retries=1).items) == 2
    assert len(http_server.requests) == 2

    http_server.reset()
    http_server.enqueue("GET", "/items", Reply.json({}, status=503), Reply.json(ITEMS))
    with pytest.raises(pkg.errors.InternalServerError):
        client.items.list()  # the client's own: no retries


def test_an_idempotency_key_makes_a_post_retryable(pkg: ModuleType, http_server: ScriptedServer, client: Any) -> None:
    created = Reply.json({"name": "n"}, status=201)
    http_server.enqueue("POST", "/items", Reply.json({}, status=503), created)
    with pytest.raises(pkg.errors.InternalServerError):
        client.items.create(body=pkg.models.Item(name="n"), max_retries=2)
    assert len(http_server.requests) == 1  # a POST without a key is never retried

    http_server.reset()
    http_server.enqueue("POST", "/items", Reply.json({}, status=503), created)
    item = client.items.create(body=pkg.models.Item(name="n"), max_retries=2, idempotency_key="key-1")
    assert item == pkg.models.Item(name="n")
    assert [r.headers["Idempotency-Key"] for r in http_server.requests] == ["key-1", "key-1"]
    assert [r.json() for r in http_server.requests] == [{"name": "n"}, {"name": "n"}]


def test_bad_options_are_refused_before_anything_is_sent(http_server: ScriptedServer, client: Any) -> None:
    with pytest.raises(TypeError, match="unknown request options: retries"):
        client.items.list(retries=3)
    with pytest.raises(ValueError, match="max_retries must be 0 or more"):
        client.items.list(max_retries=-1)
    assert http_server.requests == []


@pytest.mark.anyio
async def test_the_async_client_takes_the_same_options(pkg: ModuleType, http_server: ScriptedServer) -> None:
    http_server.enqueue("POST", "/items", Reply.json({}, status=502), Reply.json({"name": "n"}, status=201))
    async with pkg.AsyncClient(base_url=http_server.url, max_retries=0) as client:
        await client.items.create(
            body=pkg.models.Item(name="n"),
            max_retries=1,
            idempotency_key="k",
            extra_headers={"X-A": "1"},
            extra_query={"q": "x"},
        )
        http_server.route("GET", "/items", Reply.json(ITEMS, delay=0.6))
        with pytest.raises(pkg.errors.APITimeoutError):
            await client.items.list(timeout=0.2)
    first, second = http_server.requests[:2]
    assert first.headers["Idempotency-Key"] == second.headers["Idempotency-Key"] == "k"
    assert second.headers["X-A"] == "1"
    assert second.query == [("q", "x")]


# -- with_options ---------------------------------------------------------------------------


def test_with_options_headers_server_and_base_url(pkg: ModuleType, http_server: ScriptedServer, client: Any) -> None:
    http_server.route("GET", "/items", Reply.json(ITEMS))

    tuned = client.with_options(headers={"X-Team": "growth", "X-Extra": "1"}, timeout=5.0)
    tuned.items.list()
    client.items.list()

    first, second = http_server.requests
    assert first.headers["X-Team"] == "growth" and first.headers["X-Extra"] == "1"
    assert second.headers["X-Team"] == "core" and "X-Extra" not in second.headers
    assert tuned.timeout == 5.0 and client.timeout == pkg._base.DEFAULT_TIMEOUT
    assert client.with_options(server="sandbox").base_url == "https://sandbox.example.com"
    assert client.with_options(base_url="http://127.0.0.1:9/v2/").base_url == "http://127.0.0.1:9/v2"
    with pytest.raises(ValueError, match="unknown server 'staging'; known servers: production, sandbox"):
        client.with_options(server="staging")


def test_a_copy_at_another_base_url_calls_that_url(pkg: ModuleType, http_server: ScriptedServer) -> None:
    http_server.route("GET", "/v2/items", Reply.json(ITEMS))
    with pkg.Client(base_url="http://127.0.0.1:9") as original:
        raw_of_original = original.with_raw_response
        moved = original.with_options(base_url=http_server.url + "/v2")
        # The copy's views call the copy, not the client it was made from.
        assert moved.with_raw_response is not raw_of_original
        assert moved.with_raw_response.items.list().status_code == 200
        assert moved.items.list().items[1].name == "b"
    assert [r.path for r in http_server.requests] == ["/v2/items", "/v2/items"]


# -- with_raw_response ---------------------------------------------------------------------


def test_a_raw_response_has_status_headers_timing_and_the_typed_result(
    pkg: ModuleType, http_server: ScriptedServer, client: Any
) -> None:
    http_server.route("GET", "/items", Reply.json(ITEMS, headers=[("X-Request-Id", "req_42"), ("X-Rate", "9")]))

    raw = client.with_raw_response.items.list(limit=2, extra_query={"x": "1"})

    assert isinstance(raw, pkg.RawResponse)
    assert raw.status_code == 200
    assert raw.headers["x-rate"] == "9"
    assert raw.request_id == "req_42"
    assert raw.http_version == "HTTP/1.1"
    assert isinstance(raw.elapsed, datetime.timedelta) and raw.elapsed >= datetime.timedelta(0)
    assert json.loads(raw.content) == ITEMS
    parsed = raw.parse()
    assert parsed == pkg.models.ItemList(items=[pkg.models.Item(name="a"), pkg.models.Item(name="b")])
    assert raw.parse() is parsed  # decoded once
    assert http_server.last_request.query == [("limit", "2"), ("x", "1")]
    assert repr(raw) == f"<RawResponse [200] {http_server.url}/items?limit=2&x=1>"


def test_a_raw_twin_raises_the_error_an_operation_raises(pkg: ModuleType, http_server: ScriptedServer, client: Any) -> None:
    http_server.route("GET", "/items", Reply.json({"title": "gone"}, status=404))
    with pytest.raises(pkg.errors.NotFoundError) as caught:
        client.with_raw_response.items.list()
    assert caught.value.status_code == 404


def test_a_raw_twin_leaves_later_calls_typed(pkg: ModuleType, http_server: ScriptedServer, client: Any) -> None:
    http_server.route("GET", "/items", Reply.json(ITEMS))
    client.with_raw_response.items.list()
    assert isinstance(client.items.list(), pkg.models.ItemList)


@pytest.mark.anyio
async def test_async_raw_responses(pkg: ModuleType, http_server: ScriptedServer) -> None:
    http_server.route("POST", "/items", Reply.json({"name": "n"}, status=201, headers=[("Request-Id", "r-7")]))
    async with pkg.AsyncClient(base_url=http_server.url, max_retries=0) as client:
        raw = await client.with_raw_response.items.create(body=pkg.models.Item(name="n"))
        plain = await client.items.create(body=pkg.models.Item(name="n"))
    assert raw.status_code == 201 and raw.request_id == "r-7"
    assert raw.parse() == plain == pkg.models.Item(name="n")


# -- typed errors ---------------------------------------------------------------------------


def test_an_error_carries_its_documented_body_and_shows_its_start(
    pkg: ModuleType, http_server: ScriptedServer, client: Any
) -> None:
    http_server.route("GET", "/items", Reply.json({"title": "no such list", "code": 7}, status=404))
    with pytest.raises(pkg.errors.NotFoundError) as caught:
        client.items.list()
    error = caught.value
    assert error.detail == pkg.models.Problem(title="no such list", code=7)
    assert str(error) == (
        f'items_list: HTTP 404 from GET {http_server.url}/items?limit=10: {{"title": "no such list", "code": 7}}'
    )


def test_the_excerpt_is_one_bounded_line(pkg: ModuleType, http_server: ScriptedServer, client: Any) -> None:
    body = "first line\r\n\tsecond\x00 line " + "x" * 500
    http_server.route("POST", "/items", Reply.text(body, status=409))
    with pytest.raises(pkg.errors.ConflictError) as caught:
        client.items.create(body=pkg.models.Item(name="n"))
    shown = str(caught.value).split(": ", 2)[2]
    assert shown.startswith("first line second line xxx")
    assert len(shown) == pkg._base.EXCERPT_LENGTH and shown.endswith("\u2026")
    assert caught.value.detail is None  # text, not the documented JSON
    assert caught.value.body == body


def test_a_binary_error_body_is_not_shown(pkg: ModuleType, http_server: ScriptedServer, client: Any) -> None:
    http_server.route("GET", "/items", Reply.raw(bytes(range(256)), status=500, content_type="application/octet-stream"))
    with pytest.raises(pkg.errors.InternalServerError) as caught:
        client.items.list()
    assert str(caught.value) == f"items_list: HTTP 500 from GET {http_server.url}/items?limit=10"


def test_credentials_in_an_error_body_are_hidden(http_server: ScriptedServer) -> None:
    from polar_oauth2 import Client, errors

    token = "polar_oat_EchoedBackByAConfusedServer"
    http_server.route("GET", "/v1/oauth2/", Reply.json({"detail": [{"msg": f"bad {token}"}]}, status=422))
    client = Client(access_token=token, base_url=http_server.url, max_retries=0)
    with client, pytest.raises(errors.UnprocessableEntityError) as caught:
        client.oauth2.clients.list()
    assert token not in str(caught.value)
    assert str(caught.value).endswith('{"detail": [{"msg": "bad ***"}]}')


def test_the_generated_signatures_type_check(pkg: ModuleType, tmp_path: Path) -> None:
    """mypy --strict and pyright read the options, the raw twins and the error details
    precisely: a wrong option is an error, and every `assert_type` holds."""
    import subprocess
    import sys

    usage = tmp_path / "usage.py"
    usage.write_text(
        "from typing import assert_type\n"
        "import call_options\n"
        "from call_options import RawResponse, models\n\n"
        "def use(client: call_options.Client) -> None:\n"
        "    items = client.items.list(limit=1, timeout=2.0, extra_headers={'a': 'b'}, idempotency_key='k')\n"
        "    assert_type(items, models.ItemList)\n"
        "    raw = client.with_raw_response.items.list(limit=1, max_retries=0)\n"
        "    assert_type(raw, RawResponse[models.ItemList])\n"
        "    assert_type(raw.parse(), models.ItemList)\n"
        "    try:\n"
        "        client.items.list()\n"
        "    except call_options.errors.NotFoundError as error:\n"
        "        assert_type(error.detail, models.Problem | None)\n"
        "    except call_options.errors.InternalServerError as error:\n"
        "        assert_type(error.detail, None)\n"
        "    client.items.list(timeout='slow')  # wrong: line 17\n"
        "    client.with_raw_response.items.list(retries=2)  # wrong: line 18\n\n"
        "async def use_async(client: call_options.AsyncClient) -> None:\n"
        "    raw = await client.with_raw_response.items.create(body=models.Item(name='n'))\n"
        "    assert_type(raw.parse(), models.Item)\n",
    )
    root = Path(pkg.__file__).parent.parent
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--cache-dir", "/dev/null", str(usage)],
        cwd=root, capture_output=True, text=True, timeout=600, check=False,
        env={"MYPYPATH": str(root), "PATH": "/usr/bin:/bin"},
    )  # fmt: skip
    errors = [line for line in result.stdout.splitlines() if ": error:" in line]
    assert [line.split(":")[1] for line in errors] == ["17", "18"], result.stdout
    # pyright reads them alike.
    pyright = str(Path(sys.executable).with_name("pyright"))
    result = subprocess.run(
        [pyright, "--pythonpath", sys.executable, str(usage)],
        cwd=root, capture_output=True, text=True, timeout=600, check=False,
    )  # fmt: skip
    found = [line.strip().split(":")[1] for line in result.stdout.splitlines() if " - error:" in line]
    assert found == ["17", "18"], result.stdout
