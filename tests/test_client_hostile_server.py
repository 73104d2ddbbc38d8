"""The generated client against hostile servers and careless callers (issue 14, runtime half),
on our fault-injecting server on 127.0.0.1 (tests/http_server.py). Sync and async each.

- Credentials that cannot be sent as their scheme requires (a token read from a file with
  its newline, ...) are refused when the client is made, naming the keyword, never the value.
- No exception the client raises can reach a credential: not through its message, args,
  repr, `__cause__`, `__context__`, nor the locals of the client's frames.
- httpx's and httpcore's DEBUG logs of our requests show no credential.
- `timeout` bounds each attempt as a whole: a byte every few tenths of a second is no way
  to keep a call alive.
- A response body is read under a size limit, counted decompressed as it arrives: a gzip
  bomb stops at the limit without expanding.
- Credentials about to go over plain http:// to another machine are a warning, once.

Every test is bounded in time: the async ones by `anyio.fail_after`, the blocking ones run in
a thread that must finish (`bounded`). Nothing asserts how long anything took.
"""

from __future__ import annotations

import base64
import gc
import gzip
import logging
import sys
import threading
import tracemalloc
import types
import warnings
import zlib
from collections.abc import Callable, Iterator
from types import ModuleType
from typing import Any, TypeVar

import httpx
import pytest
from conftest import TESTS, generated_package
from http_server import Disconnect, Reply, ScriptedServer, Stream

T = TypeVar("T")

KEY = "k3y-h3ad3r-S3cr3t"
QUERY_KEY = "k3y-qu3ry-S3cr3t"
SESSION = "s3ss10n-S3cr3t"
USER, PASSWORD = "ada", "pa55-w0rd-S3cr3t"
TOKEN = "b3ar3r-S3cr3t"
ALL = {
    "api_key_header": KEY,
    "api_key_query": QUERY_KEY,
    "session_cookie": SESSION,
    "basic": (USER, PASSWORD),
    "token": TOKEN,
    "oauth": "0auth-S3cr3t",
    "oidc": "01dc-S3cr3t",
}
SECRETS = (KEY, QUERY_KEY, SESSION, PASSWORD, TOKEN, "0auth-S3cr3t", "01dc-S3cr3t",
           base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode())  # fmt: skip
MiB = 1024 * 1024
# Long enough for any of these calls on a loaded machine, far shorter than a call a trickle
# could keep alive before the change (a byte every 0.3 s of a 60-byte body: 18 s).
BOUND = 12.0


@pytest.fixture(scope="module")
def pkg(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    out = tmp_path_factory.mktemp("hostile-server")
    with generated_package(TESTS / "specs" / "security.yaml", out, "hostile_server") as package:
        yield package


def bounded(call: Callable[[], T], seconds: float = BOUND) -> T:
    """`call()` in a thread that must end within `seconds`; its result or its exception."""
    outcome: dict[str, Any] = {}

    def run() -> None:
        try:
            outcome["value"] = call()
        except BaseException as exc:  # noqa: BLE001 - handed to the test
            outcome["error"] = exc

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(seconds)
    assert not worker.is_alive(), f"the call was still running after {seconds} s"
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]  # type: ignore[no-any-return]


def secrets_in(text: str) -> list[str]:
    return [s for s in SECRETS if s in text]


# -- credentials are checked when the client is made -----------------------------------------

REFUSED = [
    ("token", "b3ar3r-S3cr3t\n", "contains a newline"),
    ("token", "b3ar3r-S3cr3t\r\n", "contains a carriage return"),
    ("oauth", "b3ar3r\0S3cr3t", "contains a NUL character"),
    ("oidc", "b3ar3r-S3cr3t\x1b", "contains a control character"),
    ("token", "b3ar3r-S3cr3t-é", "contains a non-ASCII character"),
    ("token", "b3ar3r S3cr3t", "contains whitespace"),
    ("api_key_header", "k3y-S3cr3t\n", "contains a newline"),
    ("api_key_header", "k3y-S3cr3t-名前", "contains a non-ASCII character"),
    ("api_key_header", " k3y-S3cr3t", "starts or ends with whitespace"),
    ("api_key_header", "k3y-S3cr3t\x85", "contains a control character"),
    ("api_key_query", "k3y-S3cr3t\n", "contains a newline"),
    ("api_key_query", "k3y-S3cr3t\udc80", "is not valid Unicode (a lone surrogate)"),
    ("session_cookie", "s3ss10n-S3cr3t\r", "contains a carriage return"),
    ("basic", ("ada:lovelace", "pa55-S3cr3t"), "has a username that contains ':'"),
    ("basic", ("ada", "pa55-S3cr3t\n"), "has a password that contains a newline"),
    ("basic", ("ada",), "is not a (username, password) pair of str"),
    ("api_key_header", b"k3y-S3cr3t", "must be a str, not bytes"),
]


@pytest.mark.parametrize(("keyword", "value", "problem"), REFUSED)
@pytest.mark.parametrize("kind", ["Client", "AsyncClient"])
def test_a_credential_that_cannot_be_sent_is_refused_by_the_constructor(
    pkg: ModuleType, http_server: ScriptedServer, kind: str, keyword: str, value: Any, problem: str
) -> None:
    with pytest.raises(ValueError) as info:
        getattr(pkg, kind)(base_url=http_server.url, **{keyword: value})
    error = info.value
    assert str(error) == f"{keyword} {problem}"
    assert error.__cause__ is None and error.__context__ is None
    shown = str(error) + repr(error) + repr(error.args)
    secret = value if isinstance(value, str) else repr(value)
    assert secret.strip() not in shown and "S3cr3t" not in shown
    assert http_server.requests == []


@pytest.mark.parametrize("kind", ["Client", "AsyncClient"])
def test_the_access_token_of_a_bearer_only_api_is_checked_too(http_server: ScriptedServer, kind: str) -> None:
    import polar_oauth2

    with pytest.raises(ValueError) as info:
        getattr(polar_oauth2, kind)(access_token="polar_oat_S3cr3t\n", base_url=http_server.url)
    assert str(info.value) == "access_token contains a newline"
    assert http_server.requests == []


def test_only_what_cannot_be_sent_is_refused(pkg: ModuleType, http_server: ScriptedServer) -> None:
    """Percent-encoded (a query parameter, a cookie) or base64 (basic), any text but
    control characters goes; in a header it could not."""
    with pytest.raises(ValueError, match="api_key_header contains a non-ASCII character"):
        pkg.Client(base_url=http_server.url, api_key_query="clé", api_key_header="clé")
    for path in ("/query", "/cookie", "/basic"):
        http_server.route("GET", path, Reply(status=204))
    credentials = {"api_key_query": "clé d'accès", "session_cookie": "café;=", "basic": ("zoë", "mot de passe é")}
    with pkg.Client(base_url=http_server.url, max_retries=0, **credentials) as client:
        bounded(client.query)
        bounded(client.cookie)
        bounded(client.basic)
    query, cookie, basic = http_server.requests
    assert ("api_key", "clé d'accès") in query.query
    assert cookie.headers["Cookie"] == "session=caf%C3%A9%3B="
    assert basic.headers["Authorization"] == "Basic " + base64.b64encode("zoë:mot de passe é".encode()).decode()


# -- no exception reaches a credential -----------------------------------------------------------


def _reachable_secrets(error: BaseException, package: str) -> list[str]:
    """Every credential reachable from `error`: its message, args, attributes, chained
    exceptions, and the locals of the frames of `package` its traceback passes through,
    followed into the objects they hold. A `Secret` is where the client keeps a
    credential on purpose: it is not opened."""
    secret_type = sys.modules[f"{package}._base"].Secret
    found: set[str] = set()
    seen: dict[int, Any] = {}  # holds what it saw: a freed object's id is given to the next
    pending: list[Any] = [error]
    while pending and len(seen) < 200_000:
        obj = pending.pop()
        if id(obj) in seen or isinstance(obj, (secret_type, type, types.ModuleType)):
            continue
        seen[id(obj)] = obj
        if isinstance(obj, types.FunctionType):
            # The client's own functions: what their closures and defaults hold.
            if obj.__module__.startswith(package):
                pending += [c.cell_contents for c in obj.__closure__ or ()] + list(obj.__defaults__ or ())
            continue
        if isinstance(obj, (str, bytes)):
            text = obj.decode("latin-1") if isinstance(obj, bytes) else obj
            found.update(secrets_in(text))
            continue
        if isinstance(obj, BaseException):
            pending += [obj.args, obj.__cause__, obj.__context__, obj.__traceback__, str(obj), repr(obj)]
        if isinstance(obj, types.TracebackType):
            pending.append(obj.tb_next)
            if obj.tb_frame.f_globals.get("__name__", "").startswith(package):
                pending.append(dict(obj.tb_frame.f_locals))
            continue
        if isinstance(obj, dict):
            pending += list(obj.keys()) + list(obj.values())
        elif isinstance(obj, (list, tuple, set, frozenset)):
            pending += list(obj)
        elif isinstance(obj, (httpx.Headers, httpx.URL)):
            pending.append(repr(list(obj.raw)) if isinstance(obj, httpx.Headers) else str(obj))
        if hasattr(obj, "__dict__") and not isinstance(obj, type):
            pending.append(vars(obj))
        for slot in getattr(type(obj), "__slots__", ()):
            pending.append(getattr(obj, slot, None))
    return sorted(found)


FAILURES = {
    "dropped": ("/both", Disconnect(), "APIConnectionError"),
    "status": ("/either", Reply.json({"detail": "no"}, status=401), "APIStatusError"),
    "server error": ("/mixed", Reply.text("oops", status=500), "InternalServerError"),
    "not json": ("/inherited", Reply.raw(b"<html>"), "DecodeError"),
    "too large": ("/inherited", Reply.json({"id": 1, "pad": "x" * 4096}), "ResponseTooLargeError"),
    "too slow": ("/query", Stream.trickle(b"{}" * 30, 0.3), "APITimeoutError"),
}


def _limit(failure: str) -> dict[str, Any]:
    """Only the case that needs it names the option, so the others run on any client."""
    return {"max_response_size": 1024} if failure == "too large" else {}


@pytest.mark.parametrize("failure", list(FAILURES))
def test_no_exception_reaches_a_credential(pkg: ModuleType, http_server: ScriptedServer, failure: str) -> None:
    path, step, expected = FAILURES[failure]
    http_server.route("GET", path, step)
    operation = path.strip("/")
    options = {"max_retries": 0, "timeout": 1.0, **_limit(failure)}
    with pkg.Client(base_url=http_server.url, **options, **ALL) as client, pytest.raises(
        getattr(pkg, expected)
    ) as info:
        bounded(getattr(client, operation))
    assert http_server.requests, "the request never left"
    assert _reachable_secrets(info.value, "hostile_server") == []


@pytest.mark.anyio
@pytest.mark.parametrize("failure", list(FAILURES))
async def test_no_async_exception_reaches_a_credential(
    pkg: ModuleType, http_server: ScriptedServer, failure: str
) -> None:
    import anyio

    path, step, expected = FAILURES[failure]
    http_server.route("GET", path, step)
    with anyio.fail_after(BOUND):
        async with pkg.AsyncClient(
            base_url=http_server.url, max_retries=0, timeout=1.0, **_limit(failure), **ALL
        ) as client:
            with pytest.raises(getattr(pkg, expected)) as info:
                await getattr(client, path.strip("/"))()
    assert _reachable_secrets(info.value, "hostile_server") == []


# -- DEBUG logs ------------------------------------------------------------------------------------

CALLS = ("both", "mixed", "query", "cookie", "basic", "bearer", "oauth2", "oidc", "inherited")


def _serve_all(server: ScriptedServer) -> None:
    for operation in CALLS:
        server.route("GET", f"/{operation}", Reply(status=204))
    server.route("GET", "/inherited", Reply.json({"id": 1}))
    server.enqueue("GET", "/both", Disconnect())


def _check_records(records: list[logging.LogRecord]) -> None:
    names = {r.name.split(".")[0] for r in records}
    assert {"httpx", "httpcore", "hostile_server"} <= names, names
    assert any("api_key=***" in r.getMessage() for r in records if r.name == "httpx")
    for record in records:
        assert secrets_in(record.getMessage() + repr(record.args)) == [], record.getMessage()


def test_debug_logs_of_httpx_and_httpcore_show_no_credential(
    pkg: ModuleType, http_server: ScriptedServer, caplog: pytest.LogCaptureFixture
) -> None:
    _serve_all(http_server)
    caplog.set_level(logging.DEBUG)
    with pkg.Client(base_url=http_server.url, max_retries=1, **ALL) as client:
        for operation in CALLS:
            bounded(getattr(client, operation))
    _check_records(caplog.records)
    # The server did get them: it is what the client prints that must not repeat them.
    (query,) = [r for r in http_server.requests if r.path == "/query"]
    assert ("api_key", QUERY_KEY) in query.query


@pytest.mark.anyio
async def test_async_debug_logs_show_no_credential(
    pkg: ModuleType, http_server: ScriptedServer, caplog: pytest.LogCaptureFixture
) -> None:
    import anyio

    _serve_all(http_server)
    caplog.set_level(logging.DEBUG)
    with anyio.fail_after(BOUND):
        async with pkg.AsyncClient(base_url=http_server.url, max_retries=1, **ALL) as client:
            for operation in CALLS:
                await getattr(client, operation)()
    _check_records(caplog.records)


# -- a time budget per attempt ---------------------------------------------------------------------

# 60 bytes, one every 0.3 s: 18 s if nothing ends it.
SLOW_BODY = b'{"id": 1, "pad": "' + b"x" * 40 + b'"}'


@pytest.mark.parametrize("slow_head", [False, True], ids=["body", "head"])
def test_a_trickle_cannot_outlast_the_timeout(pkg: ModuleType, http_server: ScriptedServer, slow_head: bool) -> None:
    http_server.route("GET", "/inherited", Stream.trickle(SLOW_BODY, 0.3, slow_head=slow_head))
    with pkg.Client(base_url=http_server.url, timeout=1.5, max_retries=1, **ALL) as client, pytest.raises(
        pkg.APITimeoutError
    ) as info:
        bounded(client.inherited)
    assert "after 2 attempts" in str(info.value)
    assert len(http_server.requests) == 2


@pytest.mark.anyio
@pytest.mark.parametrize("slow_head", [False, True], ids=["body", "head"])
async def test_an_async_trickle_cannot_outlast_the_timeout(
    pkg: ModuleType, http_server: ScriptedServer, slow_head: bool
) -> None:
    import anyio

    http_server.route("GET", "/inherited", Stream.trickle(SLOW_BODY, 0.3, slow_head=slow_head))
    with anyio.fail_after(BOUND):
        async with pkg.AsyncClient(base_url=http_server.url, timeout=1.5, max_retries=0, **ALL) as client:
            with pytest.raises(pkg.APITimeoutError):
                await client.inherited()


def test_a_trickled_body_is_bounded_with_an_http_client_of_ones_own(
    pkg: ModuleType, http_server: ScriptedServer
) -> None:
    """Our own httpx client holds every read to the budget; one passed in is checked
    between the pieces of the body."""
    http_server.route("GET", "/inherited", Stream.trickle(SLOW_BODY, 0.3))
    with httpx.Client() as http, pkg.Client(
        base_url=http_server.url, timeout=1.5, max_retries=0, http_client=http, **ALL
    ) as client, pytest.raises(pkg.APITimeoutError):
        bounded(client.inherited)


def test_with_options_timeout_sets_the_budget_too(pkg: ModuleType, http_server: ScriptedServer) -> None:
    http_server.route("GET", "/inherited", Stream.trickle(SLOW_BODY, 0.3))
    with pkg.Client(base_url=http_server.url, timeout=60.0, max_retries=0, **ALL) as client, pytest.raises(
        pkg.APITimeoutError
    ):
        bounded(client.with_options(timeout=1.0).inherited)


# -- a maximum response size ---------------------------------------------------------------------


def _gzip_bomb(expanded: int) -> bytes:
    """`expanded` bytes of JSON-ish spaces, gzipped (about a thousandth of the size)."""
    squeeze = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    piece = b" " * MiB
    out = [squeeze.compress(piece) for _ in range(expanded // MiB)]
    return b"".join(out) + squeeze.flush()


@pytest.fixture(scope="module")
def bomb() -> bytes:
    return _gzip_bomb(256 * MiB)


def _bomb_reply(bomb: bytes) -> Reply:
    return Reply.raw(bomb, headers=(("Content-Encoding", "gzip"),))


def test_a_gzip_bomb_stops_at_the_limit_without_expanding(
    pkg: ModuleType, http_server: ScriptedServer, bomb: bytes
) -> None:
    http_server.route("GET", "/inherited", _bomb_reply(bomb))
    with pkg.Client(base_url=http_server.url, max_retries=0, max_response_size=MiB, **ALL) as client:
        gc.collect()
        tracemalloc.start()
        try:
            with pytest.raises(pkg.ResponseTooLargeError) as info:
                client.inherited()
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
    assert isinstance(info.value, pkg.APIError)
    assert (info.value.limit, info.value.status_code, info.value.operation_id) == (MiB, 200, "inherited")
    assert "max_response_size" in str(info.value)
    assert peak < 8 * MiB, f"the call took {peak / MiB:.0f} MiB to refuse a {len(bomb) / MiB:.1f} MiB bomb"


def test_the_default_limit_is_64_mib_decompressed(pkg: ModuleType, http_server: ScriptedServer, bomb: bytes) -> None:
    assert pkg._base.DEFAULT_MAX_RESPONSE_SIZE == 64 * MiB
    http_server.route("GET", "/inherited", _bomb_reply(bomb))
    with pkg.Client(base_url=http_server.url, max_retries=0, **ALL) as client:
        assert client.max_response_size == 64 * MiB
        with pytest.raises(pkg.ResponseTooLargeError) as info:
            bounded(client.inherited)
    assert info.value.limit == 64 * MiB


@pytest.mark.anyio
async def test_an_async_gzip_bomb_stops_at_the_limit(pkg: ModuleType, http_server: ScriptedServer, bomb: bytes) -> None:
    import anyio

    http_server.route("GET", "/inherited", _bomb_reply(bomb))
    with anyio.fail_after(BOUND):
        async with pkg.AsyncClient(base_url=http_server.url, max_retries=0, max_response_size=MiB, **ALL) as client:
            with pytest.raises(pkg.ResponseTooLargeError) as info:
                await client.inherited()
    assert info.value.limit == MiB


def test_an_endless_body_stops_at_the_limit(pkg: ModuleType, http_server: ScriptedServer) -> None:
    http_server.route("GET", "/inherited", Stream.endless())
    with pkg.Client(
        base_url=http_server.url, max_retries=0, max_response_size=4 * MiB, **ALL
    ) as client, pytest.raises(pkg.ResponseTooLargeError):
        bounded(client.inherited)


@pytest.mark.anyio
async def test_an_async_endless_body_stops_at_the_limit(pkg: ModuleType, http_server: ScriptedServer) -> None:
    import anyio

    http_server.route("GET", "/inherited", Stream.endless())
    with anyio.fail_after(BOUND):
        async with pkg.AsyncClient(base_url=http_server.url, max_retries=0, max_response_size=4 * MiB, **ALL) as c:
            with pytest.raises(pkg.ResponseTooLargeError):
                await c.inherited()


def test_the_limit_is_per_client_and_with_options(pkg: ModuleType, http_server: ScriptedServer) -> None:
    big = {"id": 7, "pad": "x" * (2 * MiB)}
    http_server.route("GET", "/inherited", Reply.json(big))
    with pkg.Client(base_url=http_server.url, max_retries=0, max_response_size=MiB, **ALL) as client:
        with pytest.raises(pkg.ResponseTooLargeError):
            bounded(client.inherited)
        roomy = client.with_options(max_response_size=4 * MiB)
        assert bounded(roomy.inherited).id == 7
        assert bounded(client.with_options(max_response_size=None).inherited).id == 7
        with pytest.raises(pkg.ResponseTooLargeError):
            bounded(client.inherited)  # the original keeps its own
        for wrong in (0, -1, 1.5, "1", True):
            with pytest.raises(ValueError, match="max_response_size"):
                client.with_options(max_response_size=wrong)
    with pytest.raises(ValueError, match="max_response_size"):
        pkg.Client(base_url=http_server.url, max_response_size=0)


def test_bodies_in_each_coding_decode_and_a_broken_one_is_a_decode_error(
    pkg: ModuleType, http_server: ScriptedServer
) -> None:
    body = b'{"id": 5}'
    raw_deflate = zlib.compressobj(6, zlib.DEFLATED, -zlib.MAX_WBITS)
    codings = [
        ("gzip", gzip.compress(body)),
        ("deflate", zlib.compress(body)),
        ("deflate", raw_deflate.compress(body) + raw_deflate.flush()),
        ("identity", body),
    ]
    for coding, data in codings:
        http_server.enqueue("GET", "/inherited", Reply.raw(data, headers=(("Content-Encoding", coding),)))
    http_server.enqueue("GET", "/inherited", Reply.raw(b"not gzip at all", headers=(("Content-Encoding", "gzip"),)))
    with pkg.Client(base_url=http_server.url, max_retries=0, **ALL) as client:
        assert [bounded(client.inherited).id for _ in codings] == [5, 5, 5, 5]
        with pytest.raises(pkg.DecodeError) as info:
            bounded(client.inherited)
    assert "could not be decompressed" in str(info.value)
    assert _reachable_secrets(info.value, "hostile_server") == []


# -- credentials over plain http:// ----------------------------------------------------------------


def _mock(status: int = 204) -> httpx.MockTransport:
    return httpx.MockTransport(lambda request: httpx.Response(status))


def _warnings(pkg: ModuleType, base_url: str, **credentials: Any) -> list[warnings.WarningMessage]:
    with pkg.Client(
        base_url=base_url, http_client=httpx.Client(transport=_mock()), **credentials
    ) as client, warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        client.bearer()
        client.bearer()
        client.oidc()  # no credential given for it: nothing sent
        client.public()
    return caught


def test_credentials_over_plain_http_to_another_host_warn_once(pkg: ModuleType) -> None:
    caught = _warnings(pkg, "http://api.example.test", token=TOKEN)
    assert len(caught) == 1
    message = str(caught[0].message)
    assert "http://" in message and "api.example.test" in message and TOKEN not in message
    assert caught[0].filename == __file__  # it points at the call
    # Not over https://, not to this machine, not without credentials.
    for base_url in ("https://api.example.test", "http://127.0.0.1:9", "http://localhost:9", "http://[::1]:9"):
        assert _warnings(pkg, base_url, token=TOKEN) == [], base_url
    assert _warnings(pkg, "http://api.example.test") == []


@pytest.mark.anyio
async def test_async_credentials_over_plain_http_warn_once(pkg: ModuleType) -> None:
    transport = httpx.MockTransport(lambda request: httpx.Response(200, json={"id": 1}))
    async with pkg.AsyncClient(
        base_url="http://api.example.test", api_key_header=KEY, http_client=httpx.AsyncClient(transport=transport)
    ) as client:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            await client.public()
            assert caught == []
            await client.inherited()
            await client.inherited()
    assert len(caught) == 1
    assert "plain http://" in str(caught[0].message) and KEY not in str(caught[0].message)
