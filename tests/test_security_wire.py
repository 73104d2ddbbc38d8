"""Security schemes on the wire: the client generated from tests/specs/security.yaml against
our HTTP server on 127.0.0.1 (tests/http_server.py).

Each scheme arrives exactly as the spec says (a header, a query parameter, a cookie,
`Basic base64(user:pass)`, a bearer token), requirements with several schemes send them all,
alternatives send the first whose credentials were given, `security: []` sends nothing, and
no credential ever shows in a repr, a log record or an error. Sync and async.
"""

from __future__ import annotations

import base64
import logging
from collections.abc import Iterator
from types import ModuleType
from typing import Any

import pytest
from conftest import TESTS, generated_package
from http_server import Disconnect, RecordedRequest, Reply, ScriptedServer

KEY = "k3y-h3ad3r-S3cr3t"
QUERY_KEY = "k3y-qu3ry-S3cr3t"
SESSION = "s3ss10n-S3cr3t"
USER, PASSWORD = "ada", "pa55-w0rd:S3cr3t"
TOKEN = "b3ar3r-S3cr3t"
OAUTH = "0auth-S3cr3t"
OIDC = "01dc-S3cr3t"
ALL = {
    "api_key_header": KEY,
    "api_key_query": QUERY_KEY,
    "session_cookie": SESSION,
    "basic": (USER, PASSWORD),
    "token": TOKEN,
    "oauth": OAUTH,
    "oidc": OIDC,
}
SECRETS = (KEY, QUERY_KEY, SESSION, PASSWORD, TOKEN, OAUTH, OIDC, base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode())
BASIC = "Basic " + base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode()
PATHS = ("/inherited", "/query", "/cookie", "/basic", "/bearer", "/oauth2", "/oidc", "/public", "/optional",
         "/both", "/either", "/mixed", "/unsupported", "/undeclared", "/renamed")  # fmt: skip


@pytest.fixture(scope="module")
def pkg(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    out = tmp_path_factory.mktemp("security-wire")
    with generated_package(TESTS / "specs" / "security.yaml", out, "wire_security") as package:
        yield package


@pytest.fixture
def server(http_server: ScriptedServer) -> ScriptedServer:
    for path in PATHS:
        http_server.route("GET", path, Reply(status=204))
    http_server.route("GET", "/inherited", Reply.json({"id": 1}))
    return http_server


def client(pkg: ModuleType, server: ScriptedServer, **credentials: Any) -> Any:
    return pkg.Client(base_url=server.url, max_retries=0, **credentials)


def sent(request: RecordedRequest) -> dict[str, Any]:
    """The credentials a request carried, wherever they were."""
    out: dict[str, Any] = {}
    for name in ("Authorization", "X-API-Key", "X-Timeout-Key", "Cookie"):
        if name in request.headers:
            out[name] = request.headers[name]
    query = [(k, v) for k, v in request.query if k == "api_key"]
    if query:
        out["api_key"] = query
    return out


def call(pkg: ModuleType, server: ScriptedServer, operation: str, **credentials: Any) -> dict[str, Any]:
    with client(pkg, server, **credentials) as c:
        getattr(c, operation)()
    return sent(server.last_request)


# -- each scheme, exactly as the spec says ----------------------------------------------------


@pytest.mark.parametrize(
    ("operation", "expected"),
    [
        ("inherited", {"X-API-Key": KEY}),
        ("query", {"api_key": [("api_key", QUERY_KEY)]}),
        ("cookie", {"Cookie": f"session={SESSION}"}),
        ("basic", {"Authorization": BASIC}),
        ("bearer", {"Authorization": f"Bearer {TOKEN}"}),
        ("oauth2", {"Authorization": f"Bearer {OAUTH}"}),
        ("oidc", {"Authorization": f"Bearer {OIDC}"}),
        ("public", {}),
        ("optional", {"Authorization": f"Bearer {TOKEN}"}),
        ("both", {"X-API-Key": KEY, "api_key": [("api_key", QUERY_KEY)]}),
        ("either", {"Authorization": BASIC}),
        ("mixed", {"Authorization": BASIC, "Cookie": f"session={SESSION}"}),
        ("unsupported", {"Authorization": f"Bearer {TOKEN}"}),
        ("undeclared", {"Authorization": f"Bearer {TOKEN}"}),
    ],
)
def test_each_operation_sends_exactly_what_its_requirement_asks(
    pkg: ModuleType, server: ScriptedServer, operation: str, expected: dict[str, Any]
) -> None:
    assert call(pkg, server, operation, **ALL) == expected


def test_a_scheme_named_like_a_constructor_keyword_is_renamed(pkg: ModuleType, server: ScriptedServer) -> None:
    with pkg.Client(base_url=server.url, timeout=5.0, timeout_2="t-key") as c:
        c.renamed()
    assert sent(server.last_request) == {"X-Timeout-Key": "t-key"}
    assert c.timeout == 5.0


def test_public_sends_nothing_and_keeps_the_query(pkg: ModuleType, server: ScriptedServer) -> None:
    with client(pkg, server, **ALL) as c:
        c.public()
        c.query(page=3)
    public, query = server.requests[-2:]
    assert public.target == "/public" and sent(public) == {}
    assert query.query == [("page", "3"), ("api_key", QUERY_KEY)]


def test_a_cookie_credential_joins_the_cookie_parameters(pkg: ModuleType, server: ScriptedServer) -> None:
    with client(pkg, server, session_cookie=SESSION) as c:
        c.cookie(theme="dark")
        c.cookie()
    with_theme, alone = server.requests[-2:]
    assert with_theme.headers.get_all("Cookie") == [f"theme=dark; session={SESSION}"]
    assert alone.headers.get_all("Cookie") == [f"session={SESSION}"]


# -- alternatives (OR) and requirements of several schemes (AND) -----------------------------------


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ({"basic": (USER, PASSWORD), "token": TOKEN}, {"Authorization": BASIC}),
        ({"token": TOKEN, "api_key_query": QUERY_KEY}, {"Authorization": f"Bearer {TOKEN}"}),
        ({"api_key_query": QUERY_KEY}, {"api_key": [("api_key", QUERY_KEY)]}),
        ({"api_key_header": KEY}, {}),  # none of the alternatives: nothing is sent
        ({}, {}),
    ],
    ids=["first", "second", "third", "unrelated", "nothing"],
)
def test_alternatives_send_the_first_whose_credentials_were_given(
    pkg: ModuleType, server: ScriptedServer, given: dict[str, Any], expected: dict[str, Any]
) -> None:
    assert call(pkg, server, "either", **given) == expected


def test_a_requirement_of_several_schemes_needs_all_of_them(pkg: ModuleType, server: ScriptedServer) -> None:
    # Basic without the cookie does not satisfy the first requirement: the token goes instead.
    assert call(pkg, server, "mixed", basic=(USER, PASSWORD), token=TOKEN) == {"Authorization": f"Bearer {TOKEN}"}
    assert call(pkg, server, "mixed", basic=(USER, PASSWORD)) == {}
    assert call(pkg, server, "both", api_key_header=KEY) == {}


def test_optional_credentials_are_sent_when_given_and_skipped_when_not(
    pkg: ModuleType, server: ScriptedServer
) -> None:
    assert call(pkg, server, "optional") == {}
    assert call(pkg, server, "optional", token=TOKEN) == {"Authorization": f"Bearer {TOKEN}"}


def test_basic_encodes_utf8_and_refuses_a_colon_in_the_user_name(pkg: ModuleType, server: ScriptedServer) -> None:
    assert call(pkg, server, "basic", basic=("zoë", "")) == {
        "Authorization": "Basic " + base64.b64encode("zoë:".encode()).decode()
    }
    with pytest.raises(ValueError, match="username") as info:
        pkg.Client(basic=("a:b", PASSWORD))
    assert PASSWORD not in str(info.value)


def test_empty_credentials_count_as_not_given(pkg: ModuleType, server: ScriptedServer) -> None:
    assert call(pkg, server, "either", token="", api_key_query=QUERY_KEY) == {"api_key": [("api_key", QUERY_KEY)]}


# -- secrets stay secret ---------------------------------------------------------------------------


def _assert_clean(text: str) -> None:
    leaked = [s for s in SECRETS if s in text]
    assert not leaked, f"credentials leaked: {leaked} in {text!r}"


def _exception_text(error: BaseException) -> str:
    parts = [str(error), repr(error), repr(error.args), repr(vars(error))]
    chained = error.__cause__ or error.__context__
    if chained is not None:
        parts.append(_exception_text(chained))
    return "\n".join(parts)


def test_credentials_never_appear_in_reprs_logs_or_errors(
    pkg: ModuleType, server: ScriptedServer, caplog: pytest.LogCaptureFixture
) -> None:
    for path in ("/both", "/either", "/mixed"):
        server.enqueue("GET", path, Reply.json({"detail": "no"}, status=401), Reply.text("oops", status=500))
    server.enqueue("GET", "/query", Disconnect())
    raised: list[BaseException] = []
    caplog.set_level(logging.DEBUG, logger="wire_security")
    with client(pkg, server, **ALL) as c:
        _assert_clean(repr(c) + str(c) + repr(vars(c)) + repr(c.with_options(timeout=1.0)))
        for operation in ("both", "either", "mixed", "both", "either", "mixed", "query"):
            with pytest.raises(pkg.APIError) as info:
                getattr(c, operation)()
            raised.append(info.value)
    assert len(raised) == 7
    for error in raised:
        _assert_clean(_exception_text(error))
    # The query credential is in the URL the errors name, shown as ***.
    assert "api_key=***" in str(raised[0])
    records = [r for r in caplog.records if r.name == "wire_security"]
    assert records
    for record in records:
        _assert_clean(record.getMessage() + repr(vars(record)))
    # The server did receive them: it is the client's own output that must not repeat them.
    assert sent(server.requests[0])["X-API-Key"] == KEY


def test_credentials_are_secrets_in_the_runtime(pkg: ModuleType) -> None:
    credential = pkg._base.api_key("query", "api_key", QUERY_KEY)
    assert isinstance(credential.value, pkg._base.Secret)
    _assert_clean(repr(credential) + str(credential.value))
    assert pkg._base.api_key("header", "X", None) is None
    assert pkg._base.bearer("") is None
    assert pkg._base.basic(None) is None


# -- the constructors ----------------------------------------------------------------------------


def test_each_scheme_is_a_keyword_of_both_constructors(pkg: ModuleType) -> None:
    import inspect

    for cls in (pkg.Client, pkg.AsyncClient):
        params = inspect.signature(cls).parameters
        keywords = [n for n in params if n in ALL or n == "timeout_2"]
        assert keywords == [*ALL, "timeout_2"]
        assert "access_token" not in params
        assert all(params[k].default is None for k in keywords)


# -- asyncio ------------------------------------------------------------------------------------


@pytest.mark.anyio
async def test_async_sends_the_same(pkg: ModuleType, server: ScriptedServer) -> None:
    async with pkg.AsyncClient(base_url=server.url, max_retries=0, **ALL) as c:
        await c.both()
        await c.mixed()
        await c.public()
        await c.oidc()
    both, mixed, public, oidc = server.requests[-4:]
    assert sent(both) == {"X-API-Key": KEY, "api_key": [("api_key", QUERY_KEY)]}
    assert sent(mixed) == {"Authorization": BASIC, "Cookie": f"session={SESSION}"}
    assert sent(public) == {}
    assert sent(oidc) == {"Authorization": f"Bearer {OIDC}"}
    async with pkg.AsyncClient(base_url=server.url, max_retries=0, token=TOKEN, api_key_query=QUERY_KEY) as c:
        await c.either()
    assert sent(server.last_request) == {"Authorization": f"Bearer {TOKEN}"}


@pytest.mark.anyio
async def test_async_errors_keep_credentials_secret(pkg: ModuleType, server: ScriptedServer) -> None:
    server.enqueue("GET", "/both", Reply.json({"detail": "no"}, status=403))
    server.enqueue("GET", "/query", Disconnect())
    async with pkg.AsyncClient(base_url=server.url, max_retries=0, **ALL) as c:
        _assert_clean(repr(c))
        with pytest.raises(pkg.APIStatusError) as status:
            await c.both()
        with pytest.raises(pkg.APIConnectionError) as connection:
            await c.query()
    _assert_clean(_exception_text(status.value))
    _assert_clean(_exception_text(connection.value))
