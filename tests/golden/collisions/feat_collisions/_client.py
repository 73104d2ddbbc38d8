"""Expressions API clients: `Client` for blocking code, `AsyncClient` for asyncio."""

from __future__ import annotations

import functools
import sys
from collections.abc import Mapping
from typing import TYPE_CHECKING, Literal

from . import _raw_response, _streaming, models
from ._base import (
    DEFAULT_MAX_RESPONSE_SIZE,
    DEFAULT_MAX_RETRIES,
    DEFAULT_TIMEOUT,
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

Server = Literal["production"]
"""A server the spec declares; pass `base_url=` for any other."""

SERVERS: dict[str, str] = {
    "production": "https://expr.example.com",
}

_EXPRESSIONS_EVALUATE = Endpoint[models.Literal_](
    "POST",
    "/v1/evaluate",
    operation_id="expressions:evaluate",
    responses={200: Json(models.Literal_)},
    auth=False,
)

_CUSTOMER_PORTAL_SESSIONS_GET = Endpoint[models.Session](
    "GET",
    "/v1/customer-portal/sessions/{id}",
    operation_id="customer_portal:sessions:get",
    responses={200: Json(models.Session)},
    auth=False,
)

_CUSTOMER_PORTAL_SESSIONS_GET_2 = Endpoint[models.Session](
    "GET",
    "/v1/customers/portal/sessions/{id}",
    operation_id="customer:portal:sessions:get",
    responses={200: Json(models.Session)},
    auth=False,
)


def _base_url(server: str, base_url: str | None) -> str:
    if base_url is not None:
        return base_url
    try:
        return SERVERS[server]
    except KeyError:
        known = ", ".join(sorted(SERVERS))
        raise ValueError(f"unknown server {server!r}; known servers: {known}") from None


class CustomerPortalSessionsResource:
    """Operations under `customer.portal.sessions`."""

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client

    def get(self, id: str, **options: Unpack[RequestOptions]) -> models.Session:
        """Get Customer Portal Session"""
        return self._client._request(
            _CUSTOMER_PORTAL_SESSIONS_GET_2, path={"id": id}, options=options
        )


class CustomerPortalSessionsResourceWithRawResponse:
    """The operations under `customer.portal.sessions`, each returning a `RawResponse`."""

    def __init__(self, resource: CustomerPortalSessionsResource) -> None:
        self.get = _raw_response.raw(resource.get)


class CustomerPortalSessionsResourceWithStreamingResponse:
    """The operations under `customer.portal.sessions`, each opening a `StreamedResponse` for `with`."""

    def __init__(self, resource: CustomerPortalSessionsResource) -> None:
        self.get = _streaming.streaming(resource.get)


class CustomerPortalResource:
    """Operations under `customer.portal`."""

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client
        self.sessions = CustomerPortalSessionsResource(client)


class CustomerPortalResourceWithRawResponse:
    """The operations under `customer.portal`, each returning a `RawResponse`."""

    def __init__(self, resource: CustomerPortalResource) -> None:
        self.sessions = CustomerPortalSessionsResourceWithRawResponse(resource.sessions)


class CustomerPortalResourceWithStreamingResponse:
    """The operations under `customer.portal`, each opening a `StreamedResponse` for `with`."""

    def __init__(self, resource: CustomerPortalResource) -> None:
        self.sessions = CustomerPortalSessionsResourceWithStreamingResponse(
            resource.sessions
        )


class CustomerResource:
    """Operations under `customer`."""

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client
        self.portal = CustomerPortalResource(client)


class CustomerResourceWithRawResponse:
    """The operations under `customer`, each returning a `RawResponse`."""

    def __init__(self, resource: CustomerResource) -> None:
        self.portal = CustomerPortalResourceWithRawResponse(resource.portal)


class CustomerResourceWithStreamingResponse:
    """The operations under `customer`, each opening a `StreamedResponse` for `with`."""

    def __init__(self, resource: CustomerResource) -> None:
        self.portal = CustomerPortalResourceWithStreamingResponse(resource.portal)


class CustomerPortalSessionsResource2:
    """Operations under `customer_portal.sessions`."""

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client

    def get(self, id: str, **options: Unpack[RequestOptions]) -> models.Session:
        """Get Portal Session"""
        return self._client._request(
            _CUSTOMER_PORTAL_SESSIONS_GET, path={"id": id}, options=options
        )


class CustomerPortalSessionsResource2WithRawResponse:
    """The operations under `customer_portal.sessions`, each returning a `RawResponse`."""

    def __init__(self, resource: CustomerPortalSessionsResource2) -> None:
        self.get = _raw_response.raw(resource.get)


class CustomerPortalSessionsResource2WithStreamingResponse:
    """The operations under `customer_portal.sessions`, each opening a `StreamedResponse` for `with`."""

    def __init__(self, resource: CustomerPortalSessionsResource2) -> None:
        self.get = _streaming.streaming(resource.get)


class CustomerPortalResource2:
    """Operations under `customer_portal`."""

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client
        self.sessions = CustomerPortalSessionsResource2(client)


class CustomerPortalResource2WithRawResponse:
    """The operations under `customer_portal`, each returning a `RawResponse`."""

    def __init__(self, resource: CustomerPortalResource2) -> None:
        self.sessions = CustomerPortalSessionsResource2WithRawResponse(
            resource.sessions
        )


class CustomerPortalResource2WithStreamingResponse:
    """The operations under `customer_portal`, each opening a `StreamedResponse` for `with`."""

    def __init__(self, resource: CustomerPortalResource2) -> None:
        self.sessions = CustomerPortalSessionsResource2WithStreamingResponse(
            resource.sessions
        )


class ExpressionsResource:
    """Operations under `expressions`."""

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client

    def evaluate(
        self, *, body: models.Expression, **options: Unpack[RequestOptions]
    ) -> models.Literal_:
        """Evaluate"""
        return self._client._request(
            _EXPRESSIONS_EVALUATE, body=body, body_encoding="json", options=options
        )


class ExpressionsResourceWithRawResponse:
    """The operations under `expressions`, each returning a `RawResponse`."""

    def __init__(self, resource: ExpressionsResource) -> None:
        self.evaluate = _raw_response.raw(resource.evaluate)


class ExpressionsResourceWithStreamingResponse:
    """The operations under `expressions`, each opening a `StreamedResponse` for `with`."""

    def __init__(self, resource: ExpressionsResource) -> None:
        self.evaluate = _streaming.streaming(resource.evaluate)


class Client(SyncAPIClient):
    """Client for Expressions API.

    Args:
        server: One of the servers the spec declares: `production` (https://expr.example.com).
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
        server: Server = "production",
        base_url: str | None = None,
        timeout: float | httpx.Timeout = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        max_response_size: int | None = DEFAULT_MAX_RESPONSE_SIZE,
        headers: Mapping[str, str] | None = None,
        http_client: httpx.Client | None = None,
    ) -> None:
        super().__init__(
            access_token=None,
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

    def _bind(self) -> None:
        self.customer = CustomerResource(self)
        self.customer_portal = CustomerPortalResource2(self)
        self.expressions = ExpressionsResource(self)


class ClientWithRawResponse:
    """The operations, each returning a `RawResponse`."""

    def __init__(self, resource: Client) -> None:
        self.customer = CustomerResourceWithRawResponse(resource.customer)
        self.customer_portal = CustomerPortalResource2WithRawResponse(
            resource.customer_portal
        )
        self.expressions = ExpressionsResourceWithRawResponse(resource.expressions)


class ClientWithStreamingResponse:
    """The operations, each opening a `StreamedResponse` for `with`."""

    def __init__(self, resource: Client) -> None:
        self.customer = CustomerResourceWithStreamingResponse(resource.customer)
        self.customer_portal = CustomerPortalResource2WithStreamingResponse(
            resource.customer_portal
        )
        self.expressions = ExpressionsResourceWithStreamingResponse(
            resource.expressions
        )


class AsyncCustomerPortalSessionsResource:
    """Operations under `customer.portal.sessions`."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

    async def get(self, id: str, **options: Unpack[RequestOptions]) -> models.Session:
        """Get Customer Portal Session"""
        return await self._client._request(
            _CUSTOMER_PORTAL_SESSIONS_GET_2, path={"id": id}, options=options
        )


class AsyncCustomerPortalSessionsResourceWithRawResponse:
    """The operations under `customer.portal.sessions`, each returning a `RawResponse`."""

    def __init__(self, resource: AsyncCustomerPortalSessionsResource) -> None:
        self.get = _raw_response.async_raw(resource.get)


class AsyncCustomerPortalSessionsResourceWithStreamingResponse:
    """The operations under `customer.portal.sessions`, each opening a `StreamedResponse` for `with`."""

    def __init__(self, resource: AsyncCustomerPortalSessionsResource) -> None:
        self.get = _streaming.async_streaming(resource.get)


class AsyncCustomerPortalResource:
    """Operations under `customer.portal`."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client
        self.sessions = AsyncCustomerPortalSessionsResource(client)


class AsyncCustomerPortalResourceWithRawResponse:
    """The operations under `customer.portal`, each returning a `RawResponse`."""

    def __init__(self, resource: AsyncCustomerPortalResource) -> None:
        self.sessions = AsyncCustomerPortalSessionsResourceWithRawResponse(
            resource.sessions
        )


class AsyncCustomerPortalResourceWithStreamingResponse:
    """The operations under `customer.portal`, each opening a `StreamedResponse` for `with`."""

    def __init__(self, resource: AsyncCustomerPortalResource) -> None:
        self.sessions = AsyncCustomerPortalSessionsResourceWithStreamingResponse(
            resource.sessions
        )


class AsyncCustomerResource:
    """Operations under `customer`."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client
        self.portal = AsyncCustomerPortalResource(client)


class AsyncCustomerResourceWithRawResponse:
    """The operations under `customer`, each returning a `RawResponse`."""

    def __init__(self, resource: AsyncCustomerResource) -> None:
        self.portal = AsyncCustomerPortalResourceWithRawResponse(resource.portal)


class AsyncCustomerResourceWithStreamingResponse:
    """The operations under `customer`, each opening a `StreamedResponse` for `with`."""

    def __init__(self, resource: AsyncCustomerResource) -> None:
        self.portal = AsyncCustomerPortalResourceWithStreamingResponse(resource.portal)


class AsyncCustomerPortalSessionsResource2:
    """Operations under `customer_portal.sessions`."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

    async def get(self, id: str, **options: Unpack[RequestOptions]) -> models.Session:
        """Get Portal Session"""
        return await self._client._request(
            _CUSTOMER_PORTAL_SESSIONS_GET, path={"id": id}, options=options
        )


class AsyncCustomerPortalSessionsResource2WithRawResponse:
    """The operations under `customer_portal.sessions`, each returning a `RawResponse`."""

    def __init__(self, resource: AsyncCustomerPortalSessionsResource2) -> None:
        self.get = _raw_response.async_raw(resource.get)


class AsyncCustomerPortalSessionsResource2WithStreamingResponse:
    """The operations under `customer_portal.sessions`, each opening a `StreamedResponse` for `with`."""

    def __init__(self, resource: AsyncCustomerPortalSessionsResource2) -> None:
        self.get = _streaming.async_streaming(resource.get)


class AsyncCustomerPortalResource2:
    """Operations under `customer_portal`."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client
        self.sessions = AsyncCustomerPortalSessionsResource2(client)


class AsyncCustomerPortalResource2WithRawResponse:
    """The operations under `customer_portal`, each returning a `RawResponse`."""

    def __init__(self, resource: AsyncCustomerPortalResource2) -> None:
        self.sessions = AsyncCustomerPortalSessionsResource2WithRawResponse(
            resource.sessions
        )


class AsyncCustomerPortalResource2WithStreamingResponse:
    """The operations under `customer_portal`, each opening a `StreamedResponse` for `with`."""

    def __init__(self, resource: AsyncCustomerPortalResource2) -> None:
        self.sessions = AsyncCustomerPortalSessionsResource2WithStreamingResponse(
            resource.sessions
        )


class AsyncExpressionsResource:
    """Operations under `expressions`."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

    async def evaluate(
        self, *, body: models.Expression, **options: Unpack[RequestOptions]
    ) -> models.Literal_:
        """Evaluate"""
        return await self._client._request(
            _EXPRESSIONS_EVALUATE, body=body, body_encoding="json", options=options
        )


class AsyncExpressionsResourceWithRawResponse:
    """The operations under `expressions`, each returning a `RawResponse`."""

    def __init__(self, resource: AsyncExpressionsResource) -> None:
        self.evaluate = _raw_response.async_raw(resource.evaluate)


class AsyncExpressionsResourceWithStreamingResponse:
    """The operations under `expressions`, each opening a `StreamedResponse` for `with`."""

    def __init__(self, resource: AsyncExpressionsResource) -> None:
        self.evaluate = _streaming.async_streaming(resource.evaluate)


class AsyncClient(AsyncAPIClient):
    """Asyncio client for Expressions API.

    Args:
        server: One of the servers the spec declares: `production` (https://expr.example.com).
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
        server: Server = "production",
        base_url: str | None = None,
        timeout: float | httpx.Timeout = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        max_response_size: int | None = DEFAULT_MAX_RESPONSE_SIZE,
        headers: Mapping[str, str] | None = None,
        http_client: httpx.AsyncClient | None = None,
    ) -> None:
        super().__init__(
            access_token=None,
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

    def _bind(self) -> None:
        self.customer = AsyncCustomerResource(self)
        self.customer_portal = AsyncCustomerPortalResource2(self)
        self.expressions = AsyncExpressionsResource(self)


class AsyncClientWithRawResponse:
    """The operations, each returning a `RawResponse`."""

    def __init__(self, resource: AsyncClient) -> None:
        self.customer = AsyncCustomerResourceWithRawResponse(resource.customer)
        self.customer_portal = AsyncCustomerPortalResource2WithRawResponse(
            resource.customer_portal
        )
        self.expressions = AsyncExpressionsResourceWithRawResponse(resource.expressions)


class AsyncClientWithStreamingResponse:
    """The operations, each opening a `StreamedResponse` for `with`."""

    def __init__(self, resource: AsyncClient) -> None:
        self.customer = AsyncCustomerResourceWithStreamingResponse(resource.customer)
        self.customer_portal = AsyncCustomerPortalResource2WithStreamingResponse(
            resource.customer_portal
        )
        self.expressions = AsyncExpressionsResourceWithStreamingResponse(
            resource.expressions
        )
