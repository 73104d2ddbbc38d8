"""Catalog API clients: `Client` for blocking code, `AsyncClient` for asyncio."""

from __future__ import annotations

import builtins
import functools
import sys
import uuid
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

Server = Literal["production"]
"""A server the spec declares; pass `base_url=` for any other."""

SERVERS: dict[str, str] = {
    "production": "https://api.catalog.example.com",
}

_PRODUCTS_LIST = Endpoint[models.ProductPage](
    "GET",
    "/v1/products/",
    operation_id="products:list",
    responses={200: Json(models.ProductPage)},
)

_PRODUCTS_GET = Endpoint[models.Product](
    "GET",
    "/v1/organizations/{organization_id}/products/{product_id}",
    operation_id="products:get",
    responses={200: Json(models.Product)},
)


def _base_url(server: str, base_url: str | None) -> str:
    if base_url is not None:
        return base_url
    try:
        return SERVERS[server]
    except KeyError:
        known = ", ".join(sorted(SERVERS))
        raise ValueError(f"unknown server {server!r}; known servers: {known}") from None


class ProductsResource:
    """Operations under `products`."""

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client

    def get(
        self,
        organization_id: uuid.UUID,
        product_id: uuid.UUID,
        **options: Unpack[RequestOptions],
    ) -> models.Product:
        """Get Product"""
        return self._client._request(
            _PRODUCTS_GET,
            path={"organization_id": organization_id, "product_id": product_id},
            options=options,
        )

    def list(
        self,
        *,
        organization_id: uuid.UUID,
        product_id: builtins.list[uuid.UUID] | None = None,
        page: int = 1,
        limit: int = 10,
        query: str = "",
        is_archived: bool = False,
        min_price: float = 0.5,
        sorting: builtins.list[str] | None = None,
        visibility: models.Visibility = models.Visibility.PUBLIC,
        **options: Unpack[RequestOptions],
    ) -> models.ProductPage:
        """List Products

        Args:
            organization_id: The organization whose products to list.
            product_id: Only these products.
            sorting: Sort keys; a leading minus sorts descending.
        """
        return self._client._request(
            _PRODUCTS_LIST,
            query={
                "organization_id": organization_id,
                "product_id": product_id,
                "page": page,
                "limit": limit,
                "query": query,
                "is_archived": is_archived,
                "min_price": min_price,
                "sorting": sorting,
                "visibility": visibility,
            },
            options=options,
        )

    def pages(
        self,
        *,
        organization_id: uuid.UUID,
        product_id: builtins.list[uuid.UUID] | None = None,
        limit: int = 10,
        query: str = "",
        is_archived: bool = False,
        min_price: float = 0.5,
        sorting: builtins.list[str] | None = None,
        visibility: models.Visibility = models.Visibility.PUBLIC,
        **options: Unpack[RequestOptions],
    ) -> Iterator[models.ProductPage]:
        """Every page of `list()` (each its whole result), fetched as you iterate.

        Takes the arguments of `list()` but `page`; counts `page` up from 1 and stops at
        an empty page.
        """
        return _pages.walk(
            lambda page: self.list(
                organization_id=organization_id,
                product_id=product_id,
                page=page,
                limit=limit,
                query=query,
                is_archived=is_archived,
                min_price=min_price,
                sorting=sorting,
                visibility=visibility,
                **options,
            ),
            lambda page, result: _pages.next_number(page, result.items, None),
            1,
        )

    def iter(
        self,
        *,
        organization_id: uuid.UUID,
        product_id: builtins.list[uuid.UUID] | None = None,
        limit: int = 10,
        query: str = "",
        is_archived: bool = False,
        min_price: float = 0.5,
        sorting: builtins.list[str] | None = None,
        visibility: models.Visibility = models.Visibility.PUBLIC,
        **options: Unpack[RequestOptions],
    ) -> Iterator[models.Product]:
        """Every item of `list()`, fetched page by page as you iterate.

        Takes the arguments of `list()` but `page`; counts `page` up from 1 and stops at
        an empty page.
        """
        for page in self.pages(
            organization_id=organization_id,
            product_id=product_id,
            limit=limit,
            query=query,
            is_archived=is_archived,
            min_price=min_price,
            sorting=sorting,
            visibility=visibility,
            **options,
        ):
            yield from page.items


class ProductsResourceWithRawResponse:
    """The operations under `products`, each returning a `RawResponse`."""

    def __init__(self, resource: ProductsResource) -> None:
        self.get = _raw_response.raw(resource.get)
        self.list = _raw_response.raw(resource.list)


class ProductsResourceWithStreamingResponse:
    """The operations under `products`, each opening a `StreamedResponse` for `with`."""

    def __init__(self, resource: ProductsResource) -> None:
        self.get = _streaming.streaming(resource.get)
        self.list = _streaming.streaming(resource.list)


class Client(SyncAPIClient):
    """Client for Catalog API.

    Args:
        access_token: Sent as `Authorization: Bearer <token>`.
        server: One of the servers the spec declares: `production` (https://api.catalog.example.com).
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
        access_token: str | None = None,
        server: Server = "production",
        base_url: str | None = None,
        timeout: float | httpx.Timeout = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        max_response_size: int | None = DEFAULT_MAX_RESPONSE_SIZE,
        headers: Mapping[str, str] | None = None,
        http_client: httpx.Client | None = None,
    ) -> None:
        super().__init__(
            access_token=access_token,
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
        self.products = ProductsResource(self)


class ClientWithRawResponse:
    """The operations, each returning a `RawResponse`."""

    def __init__(self, resource: Client) -> None:
        self.products = ProductsResourceWithRawResponse(resource.products)


class ClientWithStreamingResponse:
    """The operations, each opening a `StreamedResponse` for `with`."""

    def __init__(self, resource: Client) -> None:
        self.products = ProductsResourceWithStreamingResponse(resource.products)


class AsyncProductsResource:
    """Operations under `products`."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

    async def get(
        self,
        organization_id: uuid.UUID,
        product_id: uuid.UUID,
        **options: Unpack[RequestOptions],
    ) -> models.Product:
        """Get Product"""
        return await self._client._request(
            _PRODUCTS_GET,
            path={"organization_id": organization_id, "product_id": product_id},
            options=options,
        )

    async def list(
        self,
        *,
        organization_id: uuid.UUID,
        product_id: builtins.list[uuid.UUID] | None = None,
        page: int = 1,
        limit: int = 10,
        query: str = "",
        is_archived: bool = False,
        min_price: float = 0.5,
        sorting: builtins.list[str] | None = None,
        visibility: models.Visibility = models.Visibility.PUBLIC,
        **options: Unpack[RequestOptions],
    ) -> models.ProductPage:
        """List Products

        Args:
            organization_id: The organization whose products to list.
            product_id: Only these products.
            sorting: Sort keys; a leading minus sorts descending.
        """
        return await self._client._request(
            _PRODUCTS_LIST,
            query={
                "organization_id": organization_id,
                "product_id": product_id,
                "page": page,
                "limit": limit,
                "query": query,
                "is_archived": is_archived,
                "min_price": min_price,
                "sorting": sorting,
                "visibility": visibility,
            },
            options=options,
        )

    def pages(
        self,
        *,
        organization_id: uuid.UUID,
        product_id: builtins.list[uuid.UUID] | None = None,
        limit: int = 10,
        query: str = "",
        is_archived: bool = False,
        min_price: float = 0.5,
        sorting: builtins.list[str] | None = None,
        visibility: models.Visibility = models.Visibility.PUBLIC,
        **options: Unpack[RequestOptions],
    ) -> AsyncIterator[models.ProductPage]:
        """Every page of `list()` (each its whole result), fetched as you iterate.

        Takes the arguments of `list()` but `page`; counts `page` up from 1 and stops at
        an empty page.
        """
        return _pages.awalk(
            lambda page: self.list(
                organization_id=organization_id,
                product_id=product_id,
                page=page,
                limit=limit,
                query=query,
                is_archived=is_archived,
                min_price=min_price,
                sorting=sorting,
                visibility=visibility,
                **options,
            ),
            lambda page, result: _pages.next_number(page, result.items, None),
            1,
        )

    async def iter(
        self,
        *,
        organization_id: uuid.UUID,
        product_id: builtins.list[uuid.UUID] | None = None,
        limit: int = 10,
        query: str = "",
        is_archived: bool = False,
        min_price: float = 0.5,
        sorting: builtins.list[str] | None = None,
        visibility: models.Visibility = models.Visibility.PUBLIC,
        **options: Unpack[RequestOptions],
    ) -> AsyncIterator[models.Product]:
        """Every item of `list()`, fetched page by page as you iterate.

        Takes the arguments of `list()` but `page`; counts `page` up from 1 and stops at
        an empty page.
        """
        async for page in self.pages(
            organization_id=organization_id,
            product_id=product_id,
            limit=limit,
            query=query,
            is_archived=is_archived,
            min_price=min_price,
            sorting=sorting,
            visibility=visibility,
            **options,
        ):
            for item in page.items:
                yield item


class AsyncProductsResourceWithRawResponse:
    """The operations under `products`, each returning a `RawResponse`."""

    def __init__(self, resource: AsyncProductsResource) -> None:
        self.get = _raw_response.async_raw(resource.get)
        self.list = _raw_response.async_raw(resource.list)


class AsyncProductsResourceWithStreamingResponse:
    """The operations under `products`, each opening a `StreamedResponse` for `with`."""

    def __init__(self, resource: AsyncProductsResource) -> None:
        self.get = _streaming.async_streaming(resource.get)
        self.list = _streaming.async_streaming(resource.list)


class AsyncClient(AsyncAPIClient):
    """Asyncio client for Catalog API.

    Args:
        access_token: Sent as `Authorization: Bearer <token>`.
        server: One of the servers the spec declares: `production` (https://api.catalog.example.com).
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
        access_token: str | None = None,
        server: Server = "production",
        base_url: str | None = None,
        timeout: float | httpx.Timeout = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        max_response_size: int | None = DEFAULT_MAX_RESPONSE_SIZE,
        headers: Mapping[str, str] | None = None,
        http_client: httpx.AsyncClient | None = None,
    ) -> None:
        super().__init__(
            access_token=access_token,
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
        self.products = AsyncProductsResource(self)


class AsyncClientWithRawResponse:
    """The operations, each returning a `RawResponse`."""

    def __init__(self, resource: AsyncClient) -> None:
        self.products = AsyncProductsResourceWithRawResponse(resource.products)


class AsyncClientWithStreamingResponse:
    """The operations, each opening a `StreamedResponse` for `with`."""

    def __init__(self, resource: AsyncClient) -> None:
        self.products = AsyncProductsResourceWithStreamingResponse(resource.products)
