"""Records API clients: `Client` for blocking code, `AsyncClient` for asyncio."""

from __future__ import annotations

import builtins
import datetime
import functools
import sys
import uuid
from collections.abc import Mapping
from typing import TYPE_CHECKING, Literal

from . import _raw_response, _streaming, models
from ._base import (
    BINARY,
    DEFAULT_MAX_RESPONSE_SIZE,
    DEFAULT_MAX_RETRIES,
    DEFAULT_TIMEOUT,
    NO_CONTENT,
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
    "production": "https://records.example.com",
}

_RECORDS_LIST = Endpoint[models.ListResourceRecord](
    "GET",
    "/v1/records",
    operation_id="records:list",
    responses={200: Json(models.ListResourceRecord)},
)

_RECORDS_CREATE_ONE = Endpoint[models.Record](
    "POST",
    "/v1/records",
    operation_id="records:create-one",
    responses={201: Json(models.Record)},
)

_RECORDS_DELETE_ONE = Endpoint[None](
    "DELETE",
    "/v1/records/{record-id}",
    operation_id="records:delete-one",
    responses={204: NO_CONTENT},
)

_RECORDS_DOWNLOAD = Endpoint[bytes](
    "GET",
    "/v1/records/{record-id}/content",
    operation_id="records:download",
    responses={200: BINARY},
    accept="application/octet-stream",
)


def _base_url(server: str, base_url: str | None) -> str:
    if base_url is not None:
        return base_url
    try:
        return SERVERS[server]
    except KeyError:
        known = ", ".join(sorted(SERVERS))
        raise ValueError(f"unknown server {server!r}; known servers: {known}") from None


class RecordsResource:
    """Stored records."""

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client

    def create_one(
        self, *, body: models.RecordCreate, **options: Unpack[RequestOptions]
    ) -> models.Record:
        """Create Record"""
        return self._client._request(
            _RECORDS_CREATE_ONE, body=body, body_encoding="json", options=options
        )

    def delete_one(
        self, record_id: uuid.UUID, **options: Unpack[RequestOptions]
    ) -> None:
        """Delete Record"""
        return self._client._request(
            _RECORDS_DELETE_ONE, path={"record-id": record_id}, options=options
        )

    def download(
        self, record_id: uuid.UUID, **options: Unpack[RequestOptions]
    ) -> bytes:
        """Download Record Content"""
        return self._client._request(
            _RECORDS_DOWNLOAD, path={"record-id": record_id}, options=options
        )

    def list(
        self,
        *,
        id: builtins.list[uuid.UUID] | None = None,
        created_after: datetime.date | None = None,
        self_: bool | None = None,
        type: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> models.ListResourceRecord:
        """List Records

        Args:
            id: Only the records with these IDs.
            self_: A parameter named like the method's first argument.
        """
        return self._client._request(
            _RECORDS_LIST,
            query={
                "id": id,
                "created-after": created_after,
                "self": self_,
                "type": type,
            },
            options=options,
        )


class RecordsResourceWithRawResponse:
    """The operations under `records`, each returning a `RawResponse`."""

    def __init__(self, resource: RecordsResource) -> None:
        self.create_one = _raw_response.raw(resource.create_one)
        self.delete_one = _raw_response.raw(resource.delete_one)
        self.download = _raw_response.raw(resource.download)
        self.list = _raw_response.raw(resource.list)


class RecordsResourceWithStreamingResponse:
    """The operations under `records`, each opening a `StreamedResponse` for `with`."""

    def __init__(self, resource: RecordsResource) -> None:
        self.create_one = _streaming.streaming(resource.create_one)
        self.delete_one = _streaming.streaming(resource.delete_one)
        self.download = _streaming.streaming(resource.download)
        self.list = _streaming.streaming(resource.list)


class Client(SyncAPIClient):
    """Client for Records API.

    Args:
        access_token: Sent as `Authorization: Bearer <token>`.
        server: One of the servers the spec declares: `production` (https://records.example.com).
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
        self.records = RecordsResource(self)


class ClientWithRawResponse:
    """The operations, each returning a `RawResponse`."""

    def __init__(self, resource: Client) -> None:
        self.records = RecordsResourceWithRawResponse(resource.records)


class ClientWithStreamingResponse:
    """The operations, each opening a `StreamedResponse` for `with`."""

    def __init__(self, resource: Client) -> None:
        self.records = RecordsResourceWithStreamingResponse(resource.records)


class AsyncRecordsResource:
    """Stored records."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

    async def create_one(
        self, *, body: models.RecordCreate, **options: Unpack[RequestOptions]
    ) -> models.Record:
        """Create Record"""
        return await self._client._request(
            _RECORDS_CREATE_ONE, body=body, body_encoding="json", options=options
        )

    async def delete_one(
        self, record_id: uuid.UUID, **options: Unpack[RequestOptions]
    ) -> None:
        """Delete Record"""
        return await self._client._request(
            _RECORDS_DELETE_ONE, path={"record-id": record_id}, options=options
        )

    async def download(
        self, record_id: uuid.UUID, **options: Unpack[RequestOptions]
    ) -> bytes:
        """Download Record Content"""
        return await self._client._request(
            _RECORDS_DOWNLOAD, path={"record-id": record_id}, options=options
        )

    async def list(
        self,
        *,
        id: builtins.list[uuid.UUID] | None = None,
        created_after: datetime.date | None = None,
        self_: bool | None = None,
        type: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> models.ListResourceRecord:
        """List Records

        Args:
            id: Only the records with these IDs.
            self_: A parameter named like the method's first argument.
        """
        return await self._client._request(
            _RECORDS_LIST,
            query={
                "id": id,
                "created-after": created_after,
                "self": self_,
                "type": type,
            },
            options=options,
        )


class AsyncRecordsResourceWithRawResponse:
    """The operations under `records`, each returning a `RawResponse`."""

    def __init__(self, resource: AsyncRecordsResource) -> None:
        self.create_one = _raw_response.async_raw(resource.create_one)
        self.delete_one = _raw_response.async_raw(resource.delete_one)
        self.download = _raw_response.async_raw(resource.download)
        self.list = _raw_response.async_raw(resource.list)


class AsyncRecordsResourceWithStreamingResponse:
    """The operations under `records`, each opening a `StreamedResponse` for `with`."""

    def __init__(self, resource: AsyncRecordsResource) -> None:
        self.create_one = _streaming.async_streaming(resource.create_one)
        self.delete_one = _streaming.async_streaming(resource.delete_one)
        self.download = _streaming.async_streaming(resource.download)
        self.list = _streaming.async_streaming(resource.list)


class AsyncClient(AsyncAPIClient):
    """Asyncio client for Records API.

    Args:
        access_token: Sent as `Authorization: Bearer <token>`.
        server: One of the servers the spec declares: `production` (https://records.example.com).
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
        self.records = AsyncRecordsResource(self)


class AsyncClientWithRawResponse:
    """The operations, each returning a `RawResponse`."""

    def __init__(self, resource: AsyncClient) -> None:
        self.records = AsyncRecordsResourceWithRawResponse(resource.records)


class AsyncClientWithStreamingResponse:
    """The operations, each opening a `StreamedResponse` for `with`."""

    def __init__(self, resource: AsyncClient) -> None:
        self.records = AsyncRecordsResourceWithStreamingResponse(resource.records)
