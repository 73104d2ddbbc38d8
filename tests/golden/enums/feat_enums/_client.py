"""Scheduling API clients: `Client` for blocking code, `AsyncClient` for asyncio."""

from __future__ import annotations

import builtins
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
        )


class SettingsResource:
    """Account-wide settings."""

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client

    def get(self) -> models.Settings:
        """Get Settings"""
        return self._client._request(_SETTINGS_GET)

    def update(self, *, body: models.SettingsUpdate) -> models.Settings:
        """Update Settings"""
        return self._client._request(_SETTINGS_UPDATE, body=body, body_encoding="json")


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
        )
        self._bind()

    def _bind(self) -> None:
        self.exports = ExportsResource(self)
        self.settings = SettingsResource(self)


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
        )


class AsyncSettingsResource:
    """Account-wide settings."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

    async def get(self) -> models.Settings:
        """Get Settings"""
        return await self._client._request(_SETTINGS_GET)

    async def update(self, *, body: models.SettingsUpdate) -> models.Settings:
        """Update Settings"""
        return await self._client._request(
            _SETTINGS_UPDATE, body=body, body_encoding="json"
        )


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
        )
        self._bind()

    def _bind(self) -> None:
        self.exports = AsyncExportsResource(self)
        self.settings = AsyncSettingsResource(self)
