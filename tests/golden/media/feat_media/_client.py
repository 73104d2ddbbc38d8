"""Media types clients: `Client` for blocking code, `AsyncClient` for asyncio."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Literal

from . import models
from ._base import (
    BINARY,
    DEFAULT_MAX_RESPONSE_SIZE,
    DEFAULT_MAX_RETRIES,
    DEFAULT_TIMEOUT,
    NO_CONTENT,
    TEXT,
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
    "default": "https://media.example.invalid",
}

_FILES_UPLOAD = Endpoint[models.StoredFile](
    "POST",
    "/files",
    operation_id="files:upload",
    responses={201: Json(models.StoredFile)},
    auth=False,
    parts={"file": "image/png", "notes": "text/markdown"},
)

_DOCUMENTS_CREATE = Endpoint[models.StoredFile](
    "POST",
    "/documents",
    operation_id="documents:create",
    responses={201: Json(models.StoredFile)},
    auth=False,
)

_IMAGES_GET = Endpoint[bytes](
    "GET",
    "/images/{image_id}",
    operation_id="images:get",
    responses={200: BINARY},
    auth=False,
    accept="image/png",
)

_IMAGES_REPLACE = Endpoint[None](
    "PUT",
    "/images/{image_id}",
    operation_id="images:replace",
    responses={204: NO_CONTENT},
    auth=False,
)

_CONFIG_PUT = Endpoint[str](
    "PUT",
    "/config",
    operation_id="config:put",
    responses={200: TEXT},
    auth=False,
    accept="text/yml",
)

_SESSIONS_CREATE = Endpoint[bytes](
    "POST",
    "/sessions",
    operation_id="sessions:create",
    responses={201: BINARY},
    auth=False,
    accept="application/sdp",
    bodies={
        "application/json": "json",
        "text/plain": "text",
        "application/sdp": "bytes",
    },
)

_REPORTS_GET = Endpoint[str](
    "GET",
    "/reports/{report_id}",
    operation_id="reports:get",
    responses={200: TEXT},
    auth=False,
    accept="text/csv",
)


def _base_url(server: str, base_url: str | None) -> str:
    if base_url is not None:
        return base_url
    try:
        return SERVERS[server]
    except KeyError:
        known = ", ".join(sorted(SERVERS))
        raise ValueError(f"unknown server {server!r}; known servers: {known}") from None


class ConfigResource:
    """Operations under `config`."""

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client

    def put(self, *, body: str) -> str:
        """Replace the configuration"""
        return self._client._request(
            _CONFIG_PUT, body=body, body_encoding="text", content_type="text/yml"
        )


class DocumentsResource:
    """Operations under `documents`."""

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client

    def create(self, *, body: models.DocumentUpload) -> models.StoredFile:
        """Upload a document (a form described by a shared schema)"""
        return self._client._request(
            _DOCUMENTS_CREATE, body=body, body_encoding="multipart"
        )


class FilesResource:
    """Operations under `files`."""

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client

    def upload(self, *, body: models.FilesUploadBody) -> models.StoredFile:
        """Upload a file with its metadata"""
        return self._client._request(
            _FILES_UPLOAD, body=body, body_encoding="multipart"
        )


class ImagesResource:
    """Operations under `images`."""

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client

    def get(self, image_id: str) -> bytes:
        """Download an image"""
        return self._client._request(_IMAGES_GET, path={"image_id": image_id})

    def replace(self, image_id: str, *, body: bytes) -> None:
        """Replace an image"""
        return self._client._request(
            _IMAGES_REPLACE,
            path={"image_id": image_id},
            body=body,
            body_encoding="bytes",
            content_type="image/jpeg",
        )


class ReportsResource:
    """Operations under `reports`."""

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client

    def get(self, report_id: str) -> str:
        """A report as CSV"""
        return self._client._request(_REPORTS_GET, path={"report_id": report_id})


class SessionsResource:
    """Operations under `sessions`."""

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client

    def create(
        self,
        *,
        body: models.Offer | str | bytes,
        content_type: Literal[
            "application/json", "text/plain", "application/sdp"
        ] = "application/json",
    ) -> bytes:
        """Open a session from JSON, an SDP offer or plain text

        Args:
            body: The offer.
            content_type: The media type of `body`: `application/json` (the default), `text/plain` or `application/sdp`; `body` takes the type that goes with it.
        """
        return self._client._request(
            _SESSIONS_CREATE, body=body, content_type=content_type
        )


class Client(SyncAPIClient):
    """Client for Media types.

    Args:
        server: One of the servers the spec declares: `default` (https://media.example.invalid).
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
        self.config = ConfigResource(self)
        self.documents = DocumentsResource(self)
        self.files = FilesResource(self)
        self.images = ImagesResource(self)
        self.reports = ReportsResource(self)
        self.sessions = SessionsResource(self)


class AsyncConfigResource:
    """Operations under `config`."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

    async def put(self, *, body: str) -> str:
        """Replace the configuration"""
        return await self._client._request(
            _CONFIG_PUT, body=body, body_encoding="text", content_type="text/yml"
        )


class AsyncDocumentsResource:
    """Operations under `documents`."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

    async def create(self, *, body: models.DocumentUpload) -> models.StoredFile:
        """Upload a document (a form described by a shared schema)"""
        return await self._client._request(
            _DOCUMENTS_CREATE, body=body, body_encoding="multipart"
        )


class AsyncFilesResource:
    """Operations under `files`."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

    async def upload(self, *, body: models.FilesUploadBody) -> models.StoredFile:
        """Upload a file with its metadata"""
        return await self._client._request(
            _FILES_UPLOAD, body=body, body_encoding="multipart"
        )


class AsyncImagesResource:
    """Operations under `images`."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

    async def get(self, image_id: str) -> bytes:
        """Download an image"""
        return await self._client._request(_IMAGES_GET, path={"image_id": image_id})

    async def replace(self, image_id: str, *, body: bytes) -> None:
        """Replace an image"""
        return await self._client._request(
            _IMAGES_REPLACE,
            path={"image_id": image_id},
            body=body,
            body_encoding="bytes",
            content_type="image/jpeg",
        )


class AsyncReportsResource:
    """Operations under `reports`."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

    async def get(self, report_id: str) -> str:
        """A report as CSV"""
        return await self._client._request(_REPORTS_GET, path={"report_id": report_id})


class AsyncSessionsResource:
    """Operations under `sessions`."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

    async def create(
        self,
        *,
        body: models.Offer | str | bytes,
        content_type: Literal[
            "application/json", "text/plain", "application/sdp"
        ] = "application/json",
    ) -> bytes:
        """Open a session from JSON, an SDP offer or plain text

        Args:
            body: The offer.
            content_type: The media type of `body`: `application/json` (the default), `text/plain` or `application/sdp`; `body` takes the type that goes with it.
        """
        return await self._client._request(
            _SESSIONS_CREATE, body=body, content_type=content_type
        )


class AsyncClient(AsyncAPIClient):
    """Asyncio client for Media types.

    Args:
        server: One of the servers the spec declares: `default` (https://media.example.invalid).
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
        self.config = AsyncConfigResource(self)
        self.documents = AsyncDocumentsResource(self)
        self.files = AsyncFilesResource(self)
        self.images = AsyncImagesResource(self)
        self.reports = AsyncReportsResource(self)
        self.sessions = AsyncSessionsResource(self)
