"""Order desk clients: `Client` for blocking code, `AsyncClient` for asyncio."""

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

Server = Literal["default"]
"""A server the spec declares; pass `base_url=` for any other."""

SERVERS: dict[str, str] = {
    "default": "https://orders.example.invalid",
}

_ORDERS_GET = Endpoint[models.Order](
    "GET",
    "/orders/{order_id}",
    operation_id="orders:get",
    responses={200: Json(models.Order)},
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


class OrdersResource:
    """Operations under `orders`."""

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client

    def get(self, order_id: str, **options: Unpack[RequestOptions]) -> models.Order:
        """One order"""
        return self._client._request(
            _ORDERS_GET, path={"order_id": order_id}, options=options
        )


class OrdersResourceWithRawResponse:
    """The operations under `orders`, each returning a `RawResponse`."""

    def __init__(self, resource: OrdersResource) -> None:
        self.get = _raw_response.raw(resource.get)


class OrdersResourceWithStreamingResponse:
    """The operations under `orders`, each opening a `StreamedResponse` for `with`."""

    def __init__(self, resource: OrdersResource) -> None:
        self.get = _streaming.streaming(resource.get)


class Client(SyncAPIClient):
    """Client for Order desk.

    Args:
        server: One of the servers the spec declares: `default` (https://orders.example.invalid).
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
        server: Server = "default",
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
        self.orders = OrdersResource(self)


class ClientWithRawResponse:
    """The operations, each returning a `RawResponse`."""

    def __init__(self, resource: Client) -> None:
        self.orders = OrdersResourceWithRawResponse(resource.orders)


class ClientWithStreamingResponse:
    """The operations, each opening a `StreamedResponse` for `with`."""

    def __init__(self, resource: Client) -> None:
        self.orders = OrdersResourceWithStreamingResponse(resource.orders)


class AsyncOrdersResource:
    """Operations under `orders`."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

    async def get(
        self, order_id: str, **options: Unpack[RequestOptions]
    ) -> models.Order:
        """One order"""
        return await self._client._request(
            _ORDERS_GET, path={"order_id": order_id}, options=options
        )


class AsyncOrdersResourceWithRawResponse:
    """The operations under `orders`, each returning a `RawResponse`."""

    def __init__(self, resource: AsyncOrdersResource) -> None:
        self.get = _raw_response.async_raw(resource.get)


class AsyncOrdersResourceWithStreamingResponse:
    """The operations under `orders`, each opening a `StreamedResponse` for `with`."""

    def __init__(self, resource: AsyncOrdersResource) -> None:
        self.get = _streaming.async_streaming(resource.get)


class AsyncClient(AsyncAPIClient):
    """Asyncio client for Order desk.

    Args:
        server: One of the servers the spec declares: `default` (https://orders.example.invalid).
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
        server: Server = "default",
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
        self.orders = AsyncOrdersResource(self)


class AsyncClientWithRawResponse:
    """The operations, each returning a `RawResponse`."""

    def __init__(self, resource: AsyncClient) -> None:
        self.orders = AsyncOrdersResourceWithRawResponse(resource.orders)


class AsyncClientWithStreamingResponse:
    """The operations, each opening a `StreamedResponse` for `with`."""

    def __init__(self, resource: AsyncClient) -> None:
        self.orders = AsyncOrdersResourceWithStreamingResponse(resource.orders)
