"""Profiles API clients: `Client` for blocking code, `AsyncClient` for asyncio."""

from __future__ import annotations

import functools
import sys
import uuid
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

Server = Literal["production", "staging"]
"""A server the spec declares; pass `base_url=` for any other."""

SERVERS: dict[str, str] = {
    "production": "https://profiles.example.com/api",
    "staging": "https://staging.profiles.example.com/api",
}

_PROFILES_ME = Endpoint[models.Profile | None](
    "GET",
    "/v1/profiles/me",
    operation_id="profiles:me",
    responses={200: Json(models.Profile | None)},
)

_PROFILES_GET = Endpoint[models.Profile](
    "GET",
    "/v1/profiles/{profile_id}",
    operation_id="profiles:get",
    responses={200: Json(models.Profile), 404: Json(models.Error)},
)

_PROFILES_UPDATE = Endpoint[models.Profile](
    "PATCH",
    "/v1/profiles/{profile_id}",
    operation_id="profiles:update",
    responses={200: Json(models.Profile)},
)


def _base_url(server: str, base_url: str | None) -> str:
    if base_url is not None:
        return base_url
    try:
        return SERVERS[server]
    except KeyError:
        known = ", ".join(sorted(SERVERS))
        raise ValueError(f"unknown server {server!r}; known servers: {known}") from None


class ProfilesResource:
    """Operations under `profiles`."""

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client

    def get(
        self,
        profile_id: uuid.UUID,
        *,
        include_deleted: bool | None = None,
        **options: Unpack[RequestOptions],
    ) -> models.Profile:
        """Get Profile

        Args:
            include_deleted: Also return a deleted profile.

        Raises:
            NotFoundError: No such profile (HTTP 404).
        """
        return self._client._request(
            _PROFILES_GET,
            path={"profile_id": profile_id},
            query={"include_deleted": include_deleted},
            options=options,
        )

    def me(self, **options: Unpack[RequestOptions]) -> models.Profile | None:
        """Get My Profile

        The caller's profile, or null when the caller has none yet.
        """
        return self._client._request(_PROFILES_ME, options=options)

    def update(
        self,
        profile_id: uuid.UUID,
        *,
        body: models.ProfileUpdate,
        **options: Unpack[RequestOptions],
    ) -> models.Profile:
        """Update Profile

        Fields left out stay as they are; fields sent as null are cleared.
        """
        return self._client._request(
            _PROFILES_UPDATE,
            path={"profile_id": profile_id},
            body=body,
            body_encoding="json",
            options=options,
        )


class ProfilesResourceWithRawResponse:
    """The operations under `profiles`, each returning a `RawResponse`."""

    def __init__(self, resource: ProfilesResource) -> None:
        self.get = _raw_response.raw(resource.get)
        self.me = _raw_response.raw(resource.me)
        self.update = _raw_response.raw(resource.update)


class ProfilesResourceWithStreamingResponse:
    """The operations under `profiles`, each opening a `StreamedResponse` for `with`."""

    def __init__(self, resource: ProfilesResource) -> None:
        self.get = _streaming.streaming(resource.get)
        self.me = _streaming.streaming(resource.me)
        self.update = _streaming.streaming(resource.update)


class Client(SyncAPIClient):
    """Client for Profiles API.

    Args:
        access_token: Sent as `Authorization: Bearer <token>`.
        server: One of the servers the spec declares: `production` (https://profiles.example.com/api), `staging` (https://staging.profiles.example.com/api).
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
        self.profiles = ProfilesResource(self)


class ClientWithRawResponse:
    """The operations, each returning a `RawResponse`."""

    def __init__(self, resource: Client) -> None:
        self.profiles = ProfilesResourceWithRawResponse(resource.profiles)


class ClientWithStreamingResponse:
    """The operations, each opening a `StreamedResponse` for `with`."""

    def __init__(self, resource: Client) -> None:
        self.profiles = ProfilesResourceWithStreamingResponse(resource.profiles)


class AsyncProfilesResource:
    """Operations under `profiles`."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

    async def get(
        self,
        profile_id: uuid.UUID,
        *,
        include_deleted: bool | None = None,
        **options: Unpack[RequestOptions],
    ) -> models.Profile:
        """Get Profile

        Args:
            include_deleted: Also return a deleted profile.

        Raises:
            NotFoundError: No such profile (HTTP 404).
        """
        return await self._client._request(
            _PROFILES_GET,
            path={"profile_id": profile_id},
            query={"include_deleted": include_deleted},
            options=options,
        )

    async def me(self, **options: Unpack[RequestOptions]) -> models.Profile | None:
        """Get My Profile

        The caller's profile, or null when the caller has none yet.
        """
        return await self._client._request(_PROFILES_ME, options=options)

    async def update(
        self,
        profile_id: uuid.UUID,
        *,
        body: models.ProfileUpdate,
        **options: Unpack[RequestOptions],
    ) -> models.Profile:
        """Update Profile

        Fields left out stay as they are; fields sent as null are cleared.
        """
        return await self._client._request(
            _PROFILES_UPDATE,
            path={"profile_id": profile_id},
            body=body,
            body_encoding="json",
            options=options,
        )


class AsyncProfilesResourceWithRawResponse:
    """The operations under `profiles`, each returning a `RawResponse`."""

    def __init__(self, resource: AsyncProfilesResource) -> None:
        self.get = _raw_response.async_raw(resource.get)
        self.me = _raw_response.async_raw(resource.me)
        self.update = _raw_response.async_raw(resource.update)


class AsyncProfilesResourceWithStreamingResponse:
    """The operations under `profiles`, each opening a `StreamedResponse` for `with`."""

    def __init__(self, resource: AsyncProfilesResource) -> None:
        self.get = _streaming.async_streaming(resource.get)
        self.me = _streaming.async_streaming(resource.me)
        self.update = _streaming.async_streaming(resource.update)


class AsyncClient(AsyncAPIClient):
    """Asyncio client for Profiles API.

    Args:
        access_token: Sent as `Authorization: Bearer <token>`.
        server: One of the servers the spec declares: `production` (https://profiles.example.com/api), `staging` (https://staging.profiles.example.com/api).
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
        self.profiles = AsyncProfilesResource(self)


class AsyncClientWithRawResponse:
    """The operations, each returning a `RawResponse`."""

    def __init__(self, resource: AsyncClient) -> None:
        self.profiles = AsyncProfilesResourceWithRawResponse(resource.profiles)


class AsyncClientWithStreamingResponse:
    """The operations, each opening a `StreamedResponse` for `with`."""

    def __init__(self, resource: AsyncClient) -> None:
        self.profiles = AsyncProfilesResourceWithStreamingResponse(resource.profiles)
