"""Paged catalogue clients: `Client` for blocking code, `AsyncClient` for asyncio."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator, Mapping
from typing import TYPE_CHECKING, Literal

from . import _base, models
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

Server = Literal["default"]
"""A server the spec declares; pass `base_url=` for any other."""

SERVERS: dict[str, str] = {
    "default": "https://catalogue.example.invalid",
}

_ITEMS_LIST = Endpoint[models.ItemPage](
    "GET",
    "/items",
    operation_id="items:list",
    responses={200: Json(models.ItemPage)},
    auth=False,
)

_ITEMS_ITER = Endpoint[models.Iteration](
    "GET",
    "/items/iteration",
    operation_id="items:iter",
    responses={200: Json(models.Iteration)},
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


class ItemsResource:
    """Operations under `items`."""

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client

    def iter(self) -> models.Iteration:
        """The current iteration of the catalogue"""
        return self._client._request(_ITEMS_ITER)

    def list(self, *, page: int = 1, limit: int = 10) -> models.ItemPage:
        """List items, one page at a time"""
        return self._client._request(_ITEMS_LIST, query={"page": page, "limit": limit})

    def iter_2(self, *, limit: int = 10) -> Iterator[models.Item]:
        """Every item of `list()`, fetched page by page as you iterate.

        Takes the arguments of `list()` but `page`; stops after the last page the server reports, or at an empty page.
        """
        return _base.iter_pages(
            lambda page: self.list(page=page, limit=limit),
            lambda result: (result.items, result.pagination.max_page),
            1,
        )


class Client(SyncAPIClient):
    """Client for Paged catalogue.

    Args:
        server: One of the servers the spec declares: `default` (https://catalogue.example.invalid).
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
        )
        self._bind()

    def _bind(self) -> None:
        self.items = ItemsResource(self)


class AsyncItemsResource:
    """Operations under `items`."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

    async def iter(self) -> models.Iteration:
        """The current iteration of the catalogue"""
        return await self._client._request(_ITEMS_ITER)

    async def list(self, *, page: int = 1, limit: int = 10) -> models.ItemPage:
        """List items, one page at a time"""
        return await self._client._request(
            _ITEMS_LIST, query={"page": page, "limit": limit}
        )

    def iter_2(self, *, limit: int = 10) -> AsyncIterator[models.Item]:
        """Every item of `list()`, fetched page by page as you iterate.

        Takes the arguments of `list()` but `page`; stops after the last page the server reports, or at an empty page.
        """
        return _base.aiter_pages(
            lambda page: self.list(page=page, limit=limit),
            lambda result: (result.items, result.pagination.max_page),
            1,
        )


class AsyncClient(AsyncAPIClient):
    """Asyncio client for Paged catalogue.

    Args:
        server: One of the servers the spec declares: `default` (https://catalogue.example.invalid).
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
        )
        self._bind()

    def _bind(self) -> None:
        self.items = AsyncItemsResource(self)
