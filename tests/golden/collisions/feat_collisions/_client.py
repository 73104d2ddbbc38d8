"""Expressions API clients: `Client` for blocking code, `AsyncClient` for asyncio."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Literal

from . import models
from ._base import (
    DEFAULT_MAX_RESPONSE_SIZE,
    DEFAULT_MAX_RETRIES,
    DEFAULT_TIMEOUT,
    AsyncAPIClient,
    Endpoint,
    Json,
    SyncAPIClient,
)

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

    def get(self, id: str) -> models.Session:
        """Get Customer Portal Session"""
        return self._client._request(_CUSTOMER_PORTAL_SESSIONS_GET_2, path={"id": id})


class CustomerPortalResource:
    """Operations under `customer.portal`."""

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client
        self.sessions = CustomerPortalSessionsResource(client)


class CustomerResource:
    """Operations under `customer`."""

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client
        self.portal = CustomerPortalResource(client)


class CustomerPortalSessionsResource2:
    """Operations under `customer_portal.sessions`."""

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client

    def get(self, id: str) -> models.Session:
        """Get Portal Session"""
        return self._client._request(_CUSTOMER_PORTAL_SESSIONS_GET, path={"id": id})


class CustomerPortalResource2:
    """Operations under `customer_portal`."""

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client
        self.sessions = CustomerPortalSessionsResource2(client)


class ExpressionsResource:
    """Operations under `expressions`."""

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client

    def evaluate(self, *, body: models.Expression) -> models.Literal_:
        """Evaluate"""
        return self._client._request(
            _EXPRESSIONS_EVALUATE, body=body, body_encoding="json"
        )


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
        )
        self._bind()

    def _bind(self) -> None:
        self.customer = CustomerResource(self)
        self.customer_portal = CustomerPortalResource2(self)
        self.expressions = ExpressionsResource(self)


class AsyncCustomerPortalSessionsResource:
    """Operations under `customer.portal.sessions`."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

    async def get(self, id: str) -> models.Session:
        """Get Customer Portal Session"""
        return await self._client._request(
            _CUSTOMER_PORTAL_SESSIONS_GET_2, path={"id": id}
        )


class AsyncCustomerPortalResource:
    """Operations under `customer.portal`."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client
        self.sessions = AsyncCustomerPortalSessionsResource(client)


class AsyncCustomerResource:
    """Operations under `customer`."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client
        self.portal = AsyncCustomerPortalResource(client)


class AsyncCustomerPortalSessionsResource2:
    """Operations under `customer_portal.sessions`."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

    async def get(self, id: str) -> models.Session:
        """Get Portal Session"""
        return await self._client._request(
            _CUSTOMER_PORTAL_SESSIONS_GET, path={"id": id}
        )


class AsyncCustomerPortalResource2:
    """Operations under `customer_portal`."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client
        self.sessions = AsyncCustomerPortalSessionsResource2(client)


class AsyncExpressionsResource:
    """Operations under `expressions`."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

    async def evaluate(self, *, body: models.Expression) -> models.Literal_:
        """Evaluate"""
        return await self._client._request(
            _EXPRESSIONS_EVALUATE, body=body, body_encoding="json"
        )


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
        )
        self._bind()

    def _bind(self) -> None:
        self.customer = AsyncCustomerResource(self)
        self.customer_portal = AsyncCustomerPortalResource2(self)
        self.expressions = AsyncExpressionsResource(self)
