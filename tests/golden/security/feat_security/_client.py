"""Security schemes clients: `Client` for blocking code, `AsyncClient` for asyncio."""

from __future__ import annotations

import functools
import sys
from collections.abc import Mapping
from typing import TYPE_CHECKING, Literal

from . import _base, _raw_response, _streaming, models
from ._base import (
    DEFAULT_MAX_RESPONSE_SIZE,
    DEFAULT_MAX_RETRIES,
    DEFAULT_TIMEOUT,
    NO_CONTENT,
    AsyncAPIClient,
    Endpoint,
    Json,
    SyncAPIClient,
)
from ._options import RequestOptions

# Imported at run time too, so that `typing.get_type_hints` reads the methods (3.11+).
if sys.version_info >= (3, 11):
    from typing import Unpack
elif TYPE_CHECKING:  # Python 3.10: only the type checker reads this
    from typing_extensions import Unpack

if TYPE_CHECKING:
    import httpx

Server = Literal["default"]
"""A server the spec declares; pass `base_url=` for any other."""

SERVERS: dict[str, str] = {
    "default": "https://api.example.com",
}

_INHERITED = Endpoint[models.Item](
    "GET",
    "/inherited",
    operation_id="inherited",
    responses={200: Json(models.Item), 401: Json(models.Problem)},
    auth=[["api_key_header"]],
)

_QUERY = Endpoint[None](
    "GET",
    "/query",
    operation_id="query",
    responses={204: NO_CONTENT},
    auth=[["api_key_query"]],
)

_COOKIE = Endpoint[None](
    "GET",
    "/cookie",
    operation_id="cookie",
    responses={204: NO_CONTENT},
    auth=[["session_cookie"]],
)

_BASIC = Endpoint[None](
    "GET",
    "/basic",
    operation_id="basic",
    responses={204: NO_CONTENT},
    auth=[["basic"]],
)

_BEARER = Endpoint[None](
    "GET",
    "/bearer",
    operation_id="bearer",
    responses={204: NO_CONTENT},
    auth=[["token"]],
)

_OAUTH2 = Endpoint[None](
    "GET",
    "/oauth2",
    operation_id="oauth2",
    responses={204: NO_CONTENT},
    auth=[["oauth"]],
)

_OIDC = Endpoint[None](
    "GET",
    "/oidc",
    operation_id="oidc",
    responses={204: NO_CONTENT},
    auth=[["oidc"]],
)

_PUBLIC = Endpoint[None](
    "GET",
    "/public",
    operation_id="public",
    responses={204: NO_CONTENT},
    auth=False,
)

_OPTIONAL = Endpoint[None](
    "GET",
    "/optional",
    operation_id="optional",
    responses={204: NO_CONTENT},
    auth=[["token"]],
)

_BOTH = Endpoint[None](
    "GET",
    "/both",
    operation_id="both",
    responses={204: NO_CONTENT},
    auth=[["api_key_header", "api_key_query"]],
)

_EITHER = Endpoint[None](
    "GET",
    "/either",
    operation_id="either",
    responses={204: NO_CONTENT},
    auth=[["basic"], ["token"], ["api_key_query"]],
)

_MIXED = Endpoint[None](
    "GET",
    "/mixed",
    operation_id="mixed",
    responses={204: NO_CONTENT},
    auth=[["basic", "session_cookie"], ["token"]],
)

_UNSUPPORTED = Endpoint[None](
    "GET",
    "/unsupported",
    operation_id="unsupported",
    responses={204: NO_CONTENT},
    auth=[["token"]],
)

_UNDECLARED = Endpoint[None](
    "GET",
    "/undeclared",
    operation_id="undeclared",
    responses={204: NO_CONTENT},
    auth=[["token"]],
)

_RENAMED = Endpoint[None](
    "GET",
    "/renamed",
    operation_id="renamed",
    responses={204: NO_CONTENT},
    auth=[["timeout_2"]],
)


def _base_url(server: str, base_url: str | None) -> str:
    if base_url is not None:
        return base_url
    try:
        return SERVERS[server]
    except KeyError:
        known = ", ".join(sorted(SERVERS))
        raise ValueError(f"unknown server {server!r}; known servers: {known}") from None


class Client(SyncAPIClient):
    """Client for Security schemes.

    Args:
        api_key_header: Sent as the `X-API-Key` header. A key from the dashboard.
        api_key_query: Sent as the `api_key` query parameter.
        session_cookie: Sent as the `session` cookie.
        basic: `(username, password)`, sent as `Authorization: Basic <base64>`. Your
            account's user name and password.
        token: Sent as `Authorization: Bearer <token>`.
        oauth: Sent as `Authorization: Bearer <token>`.
        oidc: Sent as `Authorization: Bearer <token>`.
        timeout_2: Sent as the `X-Timeout-Key` header.
        server: One of the servers the spec declares: `default` (https://api.example.com).
        base_url: Any other base URL; overrides `server`.
        timeout: Seconds each attempt may take as a whole, connect to last byte; or an
            `httpx.Timeout` (httpx's limits for each operation, no limit for the whole).
        max_retries: Retries of idempotent requests (GET, PUT, DELETE, ...) after a
            connection error, a timeout or HTTP 408, 429, 500, 502, 503 or 504.
        max_response_size: Bytes a response body may hold, decompressed (64 MiB);
            None for no limit.
        headers: Extra headers sent with every request.
        http_client: Your own `httpx.Client` (proxies, transports, test doubles);
            this client then never closes it.
    """

    def __init__(
        self,
        *,
        api_key_header: str | None = None,
        api_key_query: str | None = None,
        session_cookie: str | None = None,
        basic: tuple[str, str] | None = None,
        token: str | None = None,
        oauth: str | None = None,
        oidc: str | None = None,
        timeout_2: str | None = None,
        server: Server = "default",
        base_url: str | None = None,
        timeout: float | httpx.Timeout = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        max_response_size: int | None = DEFAULT_MAX_RESPONSE_SIZE,
        headers: Mapping[str, str] | None = None,
        http_client: httpx.Client | None = None,
    ) -> None:
        super().__init__(
            credentials={
                "api_key_header": _base.api_key("header", "X-API-Key", api_key_header),
                "api_key_query": _base.api_key("query", "api_key", api_key_query),
                "session_cookie": _base.api_key("cookie", "session", session_cookie),
                "basic": _base.basic(basic),
                "token": _base.bearer(token),
                "oauth": _base.bearer(oauth),
                "oidc": _base.bearer(oidc),
                "timeout_2": _base.api_key("header", "X-Timeout-Key", timeout_2),
            },
            base_url=_base_url(server, base_url),
            timeout=timeout,
            max_retries=max_retries,
            max_response_size=max_response_size,
            headers=headers,
            http_client=http_client,
            servers=SERVERS,
        )
        self._bind()

    @functools.cached_property
    def with_raw_response(self) -> ClientWithRawResponse:
        """The same operations, each returning a `RawResponse`: status, headers, HTTP
        version and timing, with `parse()` for the typed result."""
        return ClientWithRawResponse(self)

    @functools.cached_property
    def with_streaming_response(self) -> ClientWithStreamingResponse:
        """The same operations, each a context manager over a `StreamedResponse` whose body
        is not read yet: `iter_bytes()`, `write_to(path)`, `read()`, `parse()`. The
        connection closes on leaving the `with` block; no size limit applies."""
        return ClientWithStreamingResponse(self)

    def basic(self, **options: Unpack[RequestOptions]) -> None:
        """basic."""
        return self._request(_BASIC, options=options)

    def bearer(self, **options: Unpack[RequestOptions]) -> None:
        """bearer."""
        return self._request(_BEARER, options=options)

    def both(self, **options: Unpack[RequestOptions]) -> None:
        """Two schemes at once (AND)."""
        return self._request(_BOTH, options=options)

    def cookie(
        self, *, theme: str | None = None, **options: Unpack[RequestOptions]
    ) -> None:
        """cookie."""
        return self._request(
            _COOKIE,
            headers={"Cookie": _base.cookie_header([("theme", theme)])},
            options=options,
        )

    def either(self, **options: Unpack[RequestOptions]) -> None:
        """Alternatives (OR), the first whose credentials were given is sent."""
        return self._request(_EITHER, options=options)

    def inherited(self, **options: Unpack[RequestOptions]) -> models.Item:
        """The document's requirement applies (an API key in a header).

        Raises:
            AuthenticationError: The credentials are missing or wrong (HTTP 401).
        """
        return self._request(_INHERITED, options=options)

    def mixed(self, **options: Unpack[RequestOptions]) -> None:
        """Basic and a cookie together, or a bearer token."""
        return self._request(_MIXED, options=options)

    def oauth2(self, **options: Unpack[RequestOptions]) -> None:
        """oauth2."""
        return self._request(_OAUTH2, options=options)

    def oidc(self, **options: Unpack[RequestOptions]) -> None:
        """oidc."""
        return self._request(_OIDC, options=options)

    def optional(self, **options: Unpack[RequestOptions]) -> None:
        """`{}` first: credentials are optional, sent when given."""
        return self._request(_OPTIONAL, options=options)

    def public(self, **options: Unpack[RequestOptions]) -> None:
        """`security: []`: no credentials at all."""
        return self._request(_PUBLIC, options=options)

    def query(self, *, page: int = 1, **options: Unpack[RequestOptions]) -> None:
        """query."""
        return self._request(_QUERY, query={"page": page}, options=options)

    def renamed(self, **options: Unpack[RequestOptions]) -> None:
        """A scheme named like a constructor keyword."""
        return self._request(_RENAMED, options=options)

    def undeclared(self, **options: Unpack[RequestOptions]) -> None:
        """A requirement naming no declared scheme is ignored (with a warning)."""
        return self._request(_UNDECLARED, options=options)

    def unsupported(self, **options: Unpack[RequestOptions]) -> None:
        """A client certificate, or a bearer token."""
        return self._request(_UNSUPPORTED, options=options)


class ClientWithRawResponse:
    """The operations, each returning a `RawResponse`."""

    def __init__(self, resource: Client) -> None:
        self.basic = _raw_response.raw(resource.basic)
        self.bearer = _raw_response.raw(resource.bearer)
        self.both = _raw_response.raw(resource.both)
        self.cookie = _raw_response.raw(resource.cookie)
        self.either = _raw_response.raw(resource.either)
        self.inherited = _raw_response.raw(resource.inherited)
        self.mixed = _raw_response.raw(resource.mixed)
        self.oauth2 = _raw_response.raw(resource.oauth2)
        self.oidc = _raw_response.raw(resource.oidc)
        self.optional = _raw_response.raw(resource.optional)
        self.public = _raw_response.raw(resource.public)
        self.query = _raw_response.raw(resource.query)
        self.renamed = _raw_response.raw(resource.renamed)
        self.undeclared = _raw_response.raw(resource.undeclared)
        self.unsupported = _raw_response.raw(resource.unsupported)


class ClientWithStreamingResponse:
    """The operations, each opening a `StreamedResponse` for `with`."""

    def __init__(self, resource: Client) -> None:
        self.basic = _streaming.streaming(resource.basic)
        self.bearer = _streaming.streaming(resource.bearer)
        self.both = _streaming.streaming(resource.both)
        self.cookie = _streaming.streaming(resource.cookie)
        self.either = _streaming.streaming(resource.either)
        self.inherited = _streaming.streaming(resource.inherited)
        self.mixed = _streaming.streaming(resource.mixed)
        self.oauth2 = _streaming.streaming(resource.oauth2)
        self.oidc = _streaming.streaming(resource.oidc)
        self.optional = _streaming.streaming(resource.optional)
        self.public = _streaming.streaming(resource.public)
        self.query = _streaming.streaming(resource.query)
        self.renamed = _streaming.streaming(resource.renamed)
        self.undeclared = _streaming.streaming(resource.undeclared)
        self.unsupported = _streaming.streaming(resource.unsupported)


class AsyncClient(AsyncAPIClient):
    """Asyncio client for Security schemes.

    Args:
        api_key_header: Sent as the `X-API-Key` header. A key from the dashboard.
        api_key_query: Sent as the `api_key` query parameter.
        session_cookie: Sent as the `session` cookie.
        basic: `(username, password)`, sent as `Authorization: Basic <base64>`. Your
            account's user name and password.
        token: Sent as `Authorization: Bearer <token>`.
        oauth: Sent as `Authorization: Bearer <token>`.
        oidc: Sent as `Authorization: Bearer <token>`.
        timeout_2: Sent as the `X-Timeout-Key` header.
        server: One of the servers the spec declares: `default` (https://api.example.com).
        base_url: Any other base URL; overrides `server`.
        timeout: Seconds each attempt may take as a whole, connect to last byte; or an
            `httpx.Timeout` (httpx's limits for each operation, no limit for the whole).
        max_retries: Retries of idempotent requests (GET, PUT, DELETE, ...) after a
            connection error, a timeout or HTTP 408, 429, 500, 502, 503 or 504.
        max_response_size: Bytes a response body may hold, decompressed (64 MiB);
            None for no limit.
        headers: Extra headers sent with every request.
        http_client: Your own `httpx.AsyncClient` (proxies, transports, test doubles);
            this client then never closes it.
    """

    def __init__(
        self,
        *,
        api_key_header: str | None = None,
        api_key_query: str | None = None,
        session_cookie: str | None = None,
        basic: tuple[str, str] | None = None,
        token: str | None = None,
        oauth: str | None = None,
        oidc: str | None = None,
        timeout_2: str | None = None,
        server: Server = "default",
        base_url: str | None = None,
        timeout: float | httpx.Timeout = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        max_response_size: int | None = DEFAULT_MAX_RESPONSE_SIZE,
        headers: Mapping[str, str] | None = None,
        http_client: httpx.AsyncClient | None = None,
    ) -> None:
        super().__init__(
            credentials={
                "api_key_header": _base.api_key("header", "X-API-Key", api_key_header),
                "api_key_query": _base.api_key("query", "api_key", api_key_query),
                "session_cookie": _base.api_key("cookie", "session", session_cookie),
                "basic": _base.basic(basic),
                "token": _base.bearer(token),
                "oauth": _base.bearer(oauth),
                "oidc": _base.bearer(oidc),
                "timeout_2": _base.api_key("header", "X-Timeout-Key", timeout_2),
            },
            base_url=_base_url(server, base_url),
            timeout=timeout,
            max_retries=max_retries,
            max_response_size=max_response_size,
            headers=headers,
            http_client=http_client,
            servers=SERVERS,
        )
        self._bind()

    @functools.cached_property
    def with_raw_response(self) -> AsyncClientWithRawResponse:
        """The same operations, each returning a `RawResponse`: status, headers, HTTP
        version and timing, with `parse()` for the typed result."""
        return AsyncClientWithRawResponse(self)

    @functools.cached_property
    def with_streaming_response(self) -> AsyncClientWithStreamingResponse:
        """The same operations, each a context manager over a `StreamedResponse` whose body
        is not read yet: `iter_bytes()`, `write_to(path)`, `read()`, `parse()`. The
        connection closes on leaving the `with` block; no size limit applies."""
        return AsyncClientWithStreamingResponse(self)

    async def basic(self, **options: Unpack[RequestOptions]) -> None:
        """basic."""
        return await self._request(_BASIC, options=options)

    async def bearer(self, **options: Unpack[RequestOptions]) -> None:
        """bearer."""
        return await self._request(_BEARER, options=options)

    async def both(self, **options: Unpack[RequestOptions]) -> None:
        """Two schemes at once (AND)."""
        return await self._request(_BOTH, options=options)

    async def cookie(
        self, *, theme: str | None = None, **options: Unpack[RequestOptions]
    ) -> None:
        """cookie."""
        return await self._request(
            _COOKIE,
            headers={"Cookie": _base.cookie_header([("theme", theme)])},
            options=options,
        )

    async def either(self, **options: Unpack[RequestOptions]) -> None:
        """Alternatives (OR), the first whose credentials were given is sent."""
        return await self._request(_EITHER, options=options)

    async def inherited(self, **options: Unpack[RequestOptions]) -> models.Item:
        """The document's requirement applies (an API key in a header).

        Raises:
            AuthenticationError: The credentials are missing or wrong (HTTP 401).
        """
        return await self._request(_INHERITED, options=options)

    async def mixed(self, **options: Unpack[RequestOptions]) -> None:
        """Basic and a cookie together, or a bearer token."""
        return await self._request(_MIXED, options=options)

    async def oauth2(self, **options: Unpack[RequestOptions]) -> None:
        """oauth2."""
        return await self._request(_OAUTH2, options=options)

    async def oidc(self, **options: Unpack[RequestOptions]) -> None:
        """oidc."""
        return await self._request(_OIDC, options=options)

    async def optional(self, **options: Unpack[RequestOptions]) -> None:
        """`{}` first: credentials are optional, sent when given."""
        return await self._request(_OPTIONAL, options=options)

    async def public(self, **options: Unpack[RequestOptions]) -> None:
        """`security: []`: no credentials at all."""
        return await self._request(_PUBLIC, options=options)

    async def query(self, *, page: int = 1, **options: Unpack[RequestOptions]) -> None:
        """query."""
        return await self._request(_QUERY, query={"page": page}, options=options)

    async def renamed(self, **options: Unpack[RequestOptions]) -> None:
        """A scheme named like a constructor keyword."""
        return await self._request(_RENAMED, options=options)

    async def undeclared(self, **options: Unpack[RequestOptions]) -> None:
        """A requirement naming no declared scheme is ignored (with a warning)."""
        return await self._request(_UNDECLARED, options=options)

    async def unsupported(self, **options: Unpack[RequestOptions]) -> None:
        """A client certificate, or a bearer token."""
        return await self._request(_UNSUPPORTED, options=options)


class AsyncClientWithRawResponse:
    """The operations, each returning a `RawResponse`."""

    def __init__(self, resource: AsyncClient) -> None:
        self.basic = _raw_response.async_raw(resource.basic)
        self.bearer = _raw_response.async_raw(resource.bearer)
        self.both = _raw_response.async_raw(resource.both)
        self.cookie = _raw_response.async_raw(resource.cookie)
        self.either = _raw_response.async_raw(resource.either)
        self.inherited = _raw_response.async_raw(resource.inherited)
        self.mixed = _raw_response.async_raw(resource.mixed)
        self.oauth2 = _raw_response.async_raw(resource.oauth2)
        self.oidc = _raw_response.async_raw(resource.oidc)
        self.optional = _raw_response.async_raw(resource.optional)
        self.public = _raw_response.async_raw(resource.public)
        self.query = _raw_response.async_raw(resource.query)
        self.renamed = _raw_response.async_raw(resource.renamed)
        self.undeclared = _raw_response.async_raw(resource.undeclared)
        self.unsupported = _raw_response.async_raw(resource.unsupported)


class AsyncClientWithStreamingResponse:
    """The operations, each opening a `StreamedResponse` for `with`."""

    def __init__(self, resource: AsyncClient) -> None:
        self.basic = _streaming.async_streaming(resource.basic)
        self.bearer = _streaming.async_streaming(resource.bearer)
        self.both = _streaming.async_streaming(resource.both)
        self.cookie = _streaming.async_streaming(resource.cookie)
        self.either = _streaming.async_streaming(resource.either)
        self.inherited = _streaming.async_streaming(resource.inherited)
        self.mixed = _streaming.async_streaming(resource.mixed)
        self.oauth2 = _streaming.async_streaming(resource.oauth2)
        self.oidc = _streaming.async_streaming(resource.oidc)
        self.optional = _streaming.async_streaming(resource.optional)
        self.public = _streaming.async_streaming(resource.public)
        self.query = _streaming.async_streaming(resource.query)
        self.renamed = _streaming.async_streaming(resource.renamed)
        self.undeclared = _streaming.async_streaming(resource.undeclared)
        self.unsupported = _streaming.async_streaming(resource.unsupported)
