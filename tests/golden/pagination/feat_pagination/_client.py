"""Paged catalogue clients: `Client` for blocking code, `AsyncClient` for asyncio."""

from __future__ import annotations

import functools
import sys
from collections.abc import AsyncIterator, Iterator, Mapping
from typing import TYPE_CHECKING, Literal

from . import _pages, _raw_response, _streaming, models
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

    def iter(self, **options: Unpack[RequestOptions]) -> models.Iteration:
        """The current iteration of the catalogue"""
        return self._client._request(_ITEMS_ITER, options=options)

    def list(
        self, *, page: int = 1, limit: int = 10, **options: Unpack[RequestOptions]
    ) -> models.ItemPage:
        """List items, one page at a time"""
        return self._client._request(
            _ITEMS_LIST, query={"page": page, "limit": limit}, options=options
        )

    def pages(
        self, *, limit: int = 10, **options: Unpack[RequestOptions]
    ) -> Iterator[models.ItemPage]:
        """Every page of `list()` (each its whole result), fetched as you iterate.

        Takes the arguments of `list()` but `page`; counts `page` up from 1 and stops
        after page `pagination.max_page`, or at an empty page.
        """
        return _pages.walk(
            lambda page: self.list(page=page, limit=limit, **options),
            lambda page, result: _pages.next_number(
                page, result.items, result.pagination.max_page
            ),
            1,
        )

    def iter_2(
        self, *, limit: int = 10, **options: Unpack[RequestOptions]
    ) -> Iterator[models.Item]:
        """Every item of `list()`, fetched page by page as you iterate.

        Takes the arguments of `list()` but `page`; counts `page` up from 1 and stops
        after page `pagination.max_page`, or at an empty page.
        """
        for page in self.pages(limit=limit, **options):
            yield from page.items


class ItemsResourceWithRawResponse:
    """The operations under `items`, each returning a `RawResponse`."""

    def __init__(self, resource: ItemsResource) -> None:
        self.iter = _raw_response.raw(resource.iter)
        self.list = _raw_response.raw(resource.list)


class ItemsResourceWithStreamingResponse:
    """The operations under `items`, each opening a `StreamedResponse` for `with`."""

    def __init__(self, resource: ItemsResource) -> None:
        self.iter = _streaming.streaming(resource.iter)
        self.list = _streaming.streaming(resource.list)


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
        self.items = ItemsResource(self)


class ClientWithRawResponse:
    """The operations, each returning a `RawResponse`."""

    def __init__(self, resource: Client) -> None:
        self.items = ItemsResourceWithRawResponse(resource.items)


class ClientWithStreamingResponse:
    """The operations, each opening a `StreamedResponse` for `with`."""

    def __init__(self, resource: Client) -> None:
        self.items = ItemsResourceWithStreamingResponse(resource.items)


class AsyncItemsResource:
    """Operations under `items`."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

    async def iter(self, **options: Unpack[RequestOptions]) -> models.Iteration:
        """The current iteration of the catalogue"""
        return await self._client._request(_ITEMS_ITER, options=options)

    async def list(
        self, *, page: int = 1, limit: int = 10, **options: Unpack[RequestOptions]
    ) -> models.ItemPage:
        """List items, one page at a time"""
        return await self._client._request(
            _ITEMS_LIST, query={"page": page, "limit": limit}, options=options
        )

    def pages(
        self, *, limit: int = 10, **options: Unpack[RequestOptions]
    ) -> AsyncIterator[models.ItemPage]:
        """Every page of `list()` (each its whole result), fetched as you iterate.

        Takes the arguments of `list()` but `page`; counts `page` up from 1 and stops
        after page `pagination.max_page`, or at an empty page.
        """
        return _pages.awalk(
            lambda page: self.list(page=page, limit=limit, **options),
            lambda page, result: _pages.next_number(
                page, result.items, result.pagination.max_page
            ),
            1,
        )

    async def iter_2(
        self, *, limit: int = 10, **options: Unpack[RequestOptions]
    ) -> AsyncIterator[models.Item]:
        """Every item of `list()`, fetched page by page as you iterate.

        Takes the arguments of `list()` but `page`; counts `page` up from 1 and stops
        after page `pagination.max_page`, or at an empty page.
        """
        async for page in self.pages(limit=limit, **options):
            for item in page.items:
                yield item


class AsyncItemsResourceWithRawResponse:
    """The operations under `items`, each returning a `RawResponse`."""

    def __init__(self, resource: AsyncItemsResource) -> None:
        self.iter = _raw_response.async_raw(resource.iter)
        self.list = _raw_response.async_raw(resource.list)


class AsyncItemsResourceWithStreamingResponse:
    """The operations under `items`, each opening a `StreamedResponse` for `with`."""

    def __init__(self, resource: AsyncItemsResource) -> None:
        self.iter = _streaming.async_streaming(resource.iter)
        self.list = _streaming.async_streaming(resource.list)


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
        self.items = AsyncItemsResource(self)


class AsyncClientWithRawResponse:
    """The operations, each returning a `RawResponse`."""

    def __init__(self, resource: AsyncClient) -> None:
        self.items = AsyncItemsResourceWithRawResponse(resource.items)


class AsyncClientWithStreamingResponse:
    """The operations, each opening a `StreamedResponse` for `with`."""

    def __init__(self, resource: AsyncClient) -> None:
        self.items = AsyncItemsResourceWithStreamingResponse(resource.items)
