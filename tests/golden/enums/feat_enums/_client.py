"""Scheduling API clients: `Client` for blocking code, `AsyncClient` for asyncio."""

from __future__ import annotations

import builtins
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
    "production": "https://api.scheduling.example.com",
}

_SETTINGS_GET = Endpoint[models.Settings](
    "GET",
    "/v1/settings",
    operation_id="settings:get",
    responses={200: Json(models.Settings)},
)

_SETTINGS_UPDATE = Endpoint[models.Settings](
    "PUT",
    "/v1/settings",
    operation_id="settings:update",
    responses={200: Json(models.Settings)},
)

_EXPORTS_LIST = Endpoint[list[models.Export]](
    "GET",
    "/v1/exports",
    operation_id="exports:list",
    responses={200: Json(list[models.Export])},
)


def _base_url(server: str, base_url: str | None) -> str:
    if base_url is not None:
        return base_url
    try:
        return SERVERS[server]
    except KeyError:
        known = ", ".join(sorted(SERVERS))
        raise ValueError(f"unknown server {server!r}; known servers: {known}") from None


class ExportsResource:
    """Operations under `exports`."""

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client

    def list(
        self,
        *,
        resolution: models.Resolution | None = None,
        status: models.ExportsListStatus = models.ExportsListStatus.DONE,
        retries: models.RetryLimit | None = None,
        **options: Unpack[RequestOptions],
    ) -> builtins.list[models.Export]:
        """List Exports

        Exports of the calendar, newest first.

        Args:
            resolution: Only exports rendered at this resolution.
            status: Only exports in this state.
            retries: How often a failed export is retried; -1 retries forever.
        """
        return self._client._request(
            _EXPORTS_LIST,
            query={"resolution": resolution, "status": status, "retries": retries},
            options=options,
        )


class ExportsResourceWithRawResponse:
    """The operations under `exports`, each returning a `RawResponse`."""

    def __init__(self, resource: ExportsResource) -> None:
        self.list = _raw_response.raw(resource.list)


class ExportsResourceWithStreamingResponse:
    """The operations under `exports`, each opening a `StreamedResponse` for `with`."""

    def __init__(self, resource: ExportsResource) -> None:
        self.list = _streaming.streaming(resource.list)


class SettingsResource:
    """Account-wide settings."""

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client

    def get(self, **options: Unpack[RequestOptions]) -> models.Settings:
        """Get Settings"""
        return self._client._request(_SETTINGS_GET, options=options)

    def update(
        self, *, body: models.SettingsUpdate, **options: Unpack[RequestOptions]
    ) -> models.Settings:
        """Update Settings"""
        return self._client._request(
            _SETTINGS_UPDATE, body=body, body_encoding="json", options=options
        )


class SettingsResourceWithRawResponse:
    """The operations under `settings`, each returning a `RawResponse`."""

    def __init__(self, resource: SettingsResource) -> None:
        self.get = _raw_response.raw(resource.get)
        self.update = _raw_response.raw(resource.update)


class SettingsResourceWithStreamingResponse:
    """The operations under `settings`, each opening a `StreamedResponse` for `with`."""

    def __init__(self, resource: SettingsResource) -> None:
        self.get = _streaming.streaming(resource.get)
        self.update = _streaming.streaming(resource.update)


class Client(SyncAPIClient):
    """Client for Scheduling API.

    Args:
        access_token: Sent as `Authorization: Bearer <token>`.
        server: One of the servers the spec declares: `production` (https://api.scheduling.example.com).
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
        self.exports = ExportsResource(self)
        self.settings = SettingsResource(self)


class ClientWithRawResponse:
    """The operations, each returning a `RawResponse`."""

    def __init__(self, resource: Client) -> None:
        self.exports = ExportsResourceWithRawResponse(resource.exports)
        self.settings = SettingsResourceWithRawResponse(resource.settings)


class ClientWithStreamingResponse:
    """The operations, each opening a `StreamedResponse` for `with`."""

    def __init__(self, resource: Client) -> None:
        self.exports = ExportsResourceWithStreamingResponse(resource.exports)
        self.settings = SettingsResourceWithStreamingResponse(resource.settings)


class AsyncExportsResource:
    """Operations under `exports`."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

    async def list(
        self,
        *,
        resolution: models.Resolution | None = None,
        status: models.ExportsListStatus = models.ExportsListStatus.DONE,
        retries: models.RetryLimit | None = None,
        **options: Unpack[RequestOptions],
    ) -> builtins.list[models.Export]:
        """List Exports

        Exports of the calendar, newest first.

        Args:
            resolution: Only exports rendered at this resolution.
            status: Only exports in this state.
            retries: How often a failed export is retried; -1 retries forever.
        """
        return await self._client._request(
            _EXPORTS_LIST,
            query={"resolution": resolution, "status": status, "retries": retries},
            options=options,
        )


class AsyncExportsResourceWithRawResponse:
    """The operations under `exports`, each returning a `RawResponse`."""

    def __init__(self, resource: AsyncExportsResource) -> None:
        self.list = _raw_response.async_raw(resource.list)


class AsyncExportsResourceWithStreamingResponse:
    """The operations under `exports`, each opening a `StreamedResponse` for `with`."""

    def __init__(self, resource: AsyncExportsResource) -> None:
        self.list = _streaming.async_streaming(resource.list)


class AsyncSettingsResource:
    """Account-wide settings."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

    async def get(self, **options: Unpack[RequestOptions]) -> models.Settings:
        """Get Settings"""
        return await self._client._request(_SETTINGS_GET, options=options)

    async def update(
        self, *, body: models.SettingsUpdate, **options: Unpack[RequestOptions]
    ) -> models.Settings:
        """Update Settings"""
        return await self._client._request(
            _SETTINGS_UPDATE, body=body, body_encoding="json", options=options
        )


class AsyncSettingsResourceWithRawResponse:
    """The operations under `settings`, each returning a `RawResponse`."""

    def __init__(self, resource: AsyncSettingsResource) -> None:
        self.get = _raw_response.async_raw(resource.get)
        self.update = _raw_response.async_raw(resource.update)


class AsyncSettingsResourceWithStreamingResponse:
    """The operations under `settings`, each opening a `StreamedResponse` for `with`."""

    def __init__(self, resource: AsyncSettingsResource) -> None:
        self.get = _streaming.async_streaming(resource.get)
        self.update = _streaming.async_streaming(resource.update)


class AsyncClient(AsyncAPIClient):
    """Asyncio client for Scheduling API.

    Args:
        access_token: Sent as `Authorization: Bearer <token>`.
        server: One of the servers the spec declares: `production` (https://api.scheduling.example.com).
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
        self.exports = AsyncExportsResource(self)
        self.settings = AsyncSettingsResource(self)


class AsyncClientWithRawResponse:
    """The operations, each returning a `RawResponse`."""

    def __init__(self, resource: AsyncClient) -> None:
        self.exports = AsyncExportsResourceWithRawResponse(resource.exports)
        self.settings = AsyncSettingsResourceWithRawResponse(resource.settings)


class AsyncClientWithStreamingResponse:
    """The operations, each opening a `StreamedResponse` for `with`."""

    def __init__(self, resource: AsyncClient) -> None:
        self.exports = AsyncExportsResourceWithStreamingResponse(resource.exports)
        self.settings = AsyncSettingsResourceWithStreamingResponse(resource.settings)
