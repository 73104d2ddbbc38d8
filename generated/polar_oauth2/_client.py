"""Polar API clients: `Client` for blocking code, `AsyncClient` for asyncio."""

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

Server = Literal["production", "sandbox"]
"""A server the spec declares; pass `base_url=` for any other."""

SERVERS: dict[str, str] = {
    "production": "https://api.polar.sh",
    "sandbox": "https://sandbox-api.polar.sh",
}

_OAUTH2_AUTHORIZE = Endpoint[
    models.AuthorizeResponseUser | models.AuthorizeResponseOrganization
](
    "GET",
    "/v1/oauth2/authorize",
    operation_id="oauth2:authorize",
    responses={
        200: Json(models.AuthorizeResponseUser | models.AuthorizeResponseOrganization)
    },
)

_OAUTH2_CLIENTS_LIST = Endpoint[models.ListResourceOAuth2Client](
    "GET",
    "/v1/oauth2/",
    operation_id="oauth2:clients:list",
    responses={
        200: Json(models.ListResourceOAuth2Client),
        422: Json(models.HTTPValidationError),
    },
)


def _base_url(server: str, base_url: str | None) -> str:
    if base_url is not None:
        return base_url
    try:
        return SERVERS[server]
    except KeyError:
        known = ", ".join(sorted(SERVERS))
        raise ValueError(f"unknown server {server!r}; known servers: {known}") from None


class Oauth2ClientsResource:
    """Operations under `oauth2.clients`."""

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client

    def list(
        self, *, page: int = 1, limit: int = 10, **options: Unpack[RequestOptions]
    ) -> models.ListResourceOAuth2Client:
        """List Clients

        List OAuth2 clients.

        Args:
            page: Page number, defaults to 1.
            limit: Size of a page, defaults to 10. Maximum is 100.

        Raises:
            UnprocessableEntityError: Validation Error (HTTP 422).
        """
        return self._client._request(
            _OAUTH2_CLIENTS_LIST, query={"page": page, "limit": limit}, options=options
        )

    def pages(
        self, *, limit: int = 10, **options: Unpack[RequestOptions]
    ) -> Iterator[models.ListResourceOAuth2Client]:
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

    def iter(
        self, *, limit: int = 10, **options: Unpack[RequestOptions]
    ) -> Iterator[models.OAuth2Client]:
        """Every item of `list()`, fetched page by page as you iterate.

        Takes the arguments of `list()` but `page`; counts `page` up from 1 and stops
        after page `pagination.max_page`, or at an empty page.
        """
        for page in self.pages(limit=limit, **options):
            yield from page.items


class Oauth2ClientsResourceWithRawResponse:
    """The operations under `oauth2.clients`, each returning a `RawResponse`."""

    def __init__(self, resource: Oauth2ClientsResource) -> None:
        self.list = _raw_response.raw(resource.list)


class Oauth2ClientsResourceWithStreamingResponse:
    """The operations under `oauth2.clients`, each opening a `StreamedResponse` for `with`."""

    def __init__(self, resource: Oauth2ClientsResource) -> None:
        self.list = _streaming.streaming(resource.list)


class Oauth2Resource:
    """OAuth 2.0 API"""

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client
        self.clients = Oauth2ClientsResource(client)

    def authorize(
        self, **options: Unpack[RequestOptions]
    ) -> models.AuthorizeResponseUser | models.AuthorizeResponseOrganization:
        """Authorize"""
        return self._client._request(_OAUTH2_AUTHORIZE, options=options)


class Oauth2ResourceWithRawResponse:
    """The operations under `oauth2`, each returning a `RawResponse`."""

    def __init__(self, resource: Oauth2Resource) -> None:
        self.clients = Oauth2ClientsResourceWithRawResponse(resource.clients)
        self.authorize = _raw_response.raw(resource.authorize)


class Oauth2ResourceWithStreamingResponse:
    """The operations under `oauth2`, each opening a `StreamedResponse` for `with`."""

    def __init__(self, resource: Oauth2Resource) -> None:
        self.clients = Oauth2ClientsResourceWithStreamingResponse(resource.clients)
        self.authorize = _streaming.streaming(resource.authorize)


class Client(SyncAPIClient):
    """Client for Polar API.

    Args:
        access_token: Sent as `Authorization: Bearer <token>`. You can generate an Organization Access Token from your organization's settings.
        server: One of the servers the spec declares: `production` (https://api.polar.sh), `sandbox` (https://sandbox-api.polar.sh).
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
        self.oauth2 = Oauth2Resource(self)


class ClientWithRawResponse:
    """The operations, each returning a `RawResponse`."""

    def __init__(self, resource: Client) -> None:
        self.oauth2 = Oauth2ResourceWithRawResponse(resource.oauth2)


class ClientWithStreamingResponse:
    """The operations, each opening a `StreamedResponse` for `with`."""

    def __init__(self, resource: Client) -> None:
        self.oauth2 = Oauth2ResourceWithStreamingResponse(resource.oauth2)


class AsyncOauth2ClientsResource:
    """Operations under `oauth2.clients`."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

    async def list(
        self, *, page: int = 1, limit: int = 10, **options: Unpack[RequestOptions]
    ) -> models.ListResourceOAuth2Client:
        """List Clients

        List OAuth2 clients.

        Args:
            page: Page number, defaults to 1.
            limit: Size of a page, defaults to 10. Maximum is 100.

        Raises:
            UnprocessableEntityError: Validation Error (HTTP 422).
        """
        return await self._client._request(
            _OAUTH2_CLIENTS_LIST, query={"page": page, "limit": limit}, options=options
        )

    def pages(
        self, *, limit: int = 10, **options: Unpack[RequestOptions]
    ) -> AsyncIterator[models.ListResourceOAuth2Client]:
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

    async def iter(
        self, *, limit: int = 10, **options: Unpack[RequestOptions]
    ) -> AsyncIterator[models.OAuth2Client]:
        """Every item of `list()`, fetched page by page as you iterate.

        Takes the arguments of `list()` but `page`; counts `page` up from 1 and stops
        after page `pagination.max_page`, or at an empty page.
        """
        async for page in self.pages(limit=limit, **options):
            for item in page.items:
                yield item


class AsyncOauth2ClientsResourceWithRawResponse:
    """The operations under `oauth2.clients`, each returning a `RawResponse`."""

    def __init__(self, resource: AsyncOauth2ClientsResource) -> None:
        self.list = _raw_response.async_raw(resource.list)


class AsyncOauth2ClientsResourceWithStreamingResponse:
    """The operations under `oauth2.clients`, each opening a `StreamedResponse` for `with`."""

    def __init__(self, resource: AsyncOauth2ClientsResource) -> None:
        self.list = _streaming.async_streaming(resource.list)


class AsyncOauth2Resource:
    """OAuth 2.0 API"""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client
        self.clients = AsyncOauth2ClientsResource(client)

    async def authorize(
        self, **options: Unpack[RequestOptions]
    ) -> models.AuthorizeResponseUser | models.AuthorizeResponseOrganization:
        """Authorize"""
        return await self._client._request(_OAUTH2_AUTHORIZE, options=options)


class AsyncOauth2ResourceWithRawResponse:
    """The operations under `oauth2`, each returning a `RawResponse`."""

    def __init__(self, resource: AsyncOauth2Resource) -> None:
        self.clients = AsyncOauth2ClientsResourceWithRawResponse(resource.clients)
        self.authorize = _raw_response.async_raw(resource.authorize)


class AsyncOauth2ResourceWithStreamingResponse:
    """The operations under `oauth2`, each opening a `StreamedResponse` for `with`."""

    def __init__(self, resource: AsyncOauth2Resource) -> None:
        self.clients = AsyncOauth2ClientsResourceWithStreamingResponse(resource.clients)
        self.authorize = _streaming.async_streaming(resource.authorize)


class AsyncClient(AsyncAPIClient):
    """Asyncio client for Polar API.

    Args:
        access_token: Sent as `Authorization: Bearer <token>`. You can generate an Organization Access Token from your organization's settings.
        server: One of the servers the spec declares: `production` (https://api.polar.sh), `sandbox` (https://sandbox-api.polar.sh).
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
        self.oauth2 = AsyncOauth2Resource(self)


class AsyncClientWithRawResponse:
    """The operations, each returning a `RawResponse`."""

    def __init__(self, resource: AsyncClient) -> None:
        self.oauth2 = AsyncOauth2ResourceWithRawResponse(resource.oauth2)


class AsyncClientWithStreamingResponse:
    """The operations, each opening a `StreamedResponse` for `with`."""

    def __init__(self, resource: AsyncClient) -> None:
        self.oauth2 = AsyncOauth2ResourceWithStreamingResponse(resource.oauth2)
