"""Media types clients: `Client` for blocking code, `AsyncClient` for asyncio."""

from __future__ import annotations

import functools
import sys
from collections.abc import Mapping
from typing import TYPE_CHECKING, Literal

from . import _raw_response, _streaming, models
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

    def put(self, *, body: str, **options: Unpack[RequestOptions]) -> str:
        """Replace the configuration"""
        return self._client._request(
            _CONFIG_PUT,
            body=body,
            body_encoding="text",
            content_type="text/yml",
            options=options,
        )


class ConfigResourceWithRawResponse:
    """The operations under `config`, each returning a `RawResponse`."""

    def __init__(self, resource: ConfigResource) -> None:
        self.put = _raw_response.raw(resource.put)


class ConfigResourceWithStreamingResponse:
    """The operations under `config`, each opening a `StreamedResponse` for `with`."""

    def __init__(self, resource: ConfigResource) -> None:
        self.put = _streaming.streaming(resource.put)


class DocumentsResource:
    """Operations under `documents`."""

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client

    def create(
        self, *, body: models.DocumentUpload, **options: Unpack[RequestOptions]
    ) -> models.StoredFile:
        """Upload a document (a form described by a shared schema)"""
        return self._client._request(
            _DOCUMENTS_CREATE, body=body, body_encoding="multipart", options=options
        )


class DocumentsResourceWithRawResponse:
    """The operations under `documents`, each returning a `RawResponse`."""

    def __init__(self, resource: DocumentsResource) -> None:
        self.create = _raw_response.raw(resource.create)


class DocumentsResourceWithStreamingResponse:
    """The operations under `documents`, each opening a `StreamedResponse` for `with`."""

    def __init__(self, resource: DocumentsResource) -> None:
        self.create = _streaming.streaming(resource.create)


class FilesResource:
    """Operations under `files`."""

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client

    def upload(
        self, *, body: models.FilesUploadBody, **options: Unpack[RequestOptions]
    ) -> models.StoredFile:
        """Upload a file with its metadata"""
        return self._client._request(
            _FILES_UPLOAD, body=body, body_encoding="multipart", options=options
        )


class FilesResourceWithRawResponse:
    """The operations under `files`, each returning a `RawResponse`."""

    def __init__(self, resource: FilesResource) -> None:
        self.upload = _raw_response.raw(resource.upload)


class FilesResourceWithStreamingResponse:
    """The operations under `files`, each opening a `StreamedResponse` for `with`."""

    def __init__(self, resource: FilesResource) -> None:
        self.upload = _streaming.streaming(resource.upload)


class ImagesResource:
    """Operations under `images`."""

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client

    def get(self, image_id: str, **options: Unpack[RequestOptions]) -> bytes:
        """Download an image"""
        return self._client._request(
            _IMAGES_GET, path={"image_id": image_id}, options=options
        )

    def replace(
        self, image_id: str, *, body: bytes, **options: Unpack[RequestOptions]
    ) -> None:
        """Replace an image"""
        return self._client._request(
            _IMAGES_REPLACE,
            path={"image_id": image_id},
            body=body,
            body_encoding="bytes",
            content_type="image/jpeg",
            options=options,
        )


class ImagesResourceWithRawResponse:
    """The operations under `images`, each returning a `RawResponse`."""

    def __init__(self, resource: ImagesResource) -> None:
        self.get = _raw_response.raw(resource.get)
        self.replace = _raw_response.raw(resource.replace)


class ImagesResourceWithStreamingResponse:
    """The operations under `images`, each opening a `StreamedResponse` for `with`."""

    def __init__(self, resource: ImagesResource) -> None:
        self.get = _streaming.streaming(resource.get)
        self.replace = _streaming.streaming(resource.replace)


class ReportsResource:
    """Operations under `reports`."""

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client

    def get(self, report_id: str, **options: Unpack[RequestOptions]) -> str:
        """A report as CSV"""
        return self._client._request(
            _REPORTS_GET, path={"report_id": report_id}, options=options
        )


class ReportsResourceWithRawResponse:
    """The operations under `reports`, each returning a `RawResponse`."""

    def __init__(self, resource: ReportsResource) -> None:
        self.get = _raw_response.raw(resource.get)


class ReportsResourceWithStreamingResponse:
    """The operations under `reports`, each opening a `StreamedResponse` for `with`."""

    def __init__(self, resource: ReportsResource) -> None:
        self.get = _streaming.streaming(resource.get)


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
        **options: Unpack[RequestOptions],
    ) -> bytes:
        """Open a session from JSON, an SDP offer or plain text

        Args:
            body: The offer.
            content_type: The media type of `body`: `application/json` (the default), `text/plain` or `application/sdp`; `body` takes the type that goes with it.
        """
        return self._client._request(
            _SESSIONS_CREATE, body=body, content_type=content_type, options=options
        )


class SessionsResourceWithRawResponse:
    """The operations under `sessions`, each returning a `RawResponse`."""

    def __init__(self, resource: SessionsResource) -> None:
        self.create = _raw_response.raw(resource.create)


class SessionsResourceWithStreamingResponse:
    """The operations under `sessions`, each opening a `StreamedResponse` for `with`."""

    def __init__(self, resource: SessionsResource) -> None:
        self.create = _streaming.streaming(resource.create)


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
        self.config = ConfigResource(self)
        self.documents = DocumentsResource(self)
        self.files = FilesResource(self)
        self.images = ImagesResource(self)
        self.reports = ReportsResource(self)
        self.sessions = SessionsResource(self)


class ClientWithRawResponse:
    """The operations, each returning a `RawResponse`."""

    def __init__(self, resource: Client) -> None:
        self.config = ConfigResourceWithRawResponse(resource.config)
        self.documents = DocumentsResourceWithRawResponse(resource.documents)
        self.files = FilesResourceWithRawResponse(resource.files)
        self.images = ImagesResourceWithRawResponse(resource.images)
        self.reports = ReportsResourceWithRawResponse(resource.reports)
        self.sessions = SessionsResourceWithRawResponse(resource.sessions)


class ClientWithStreamingResponse:
    """The operations, each opening a `StreamedResponse` for `with`."""

    def __init__(self, resource: Client) -> None:
        self.config = ConfigResourceWithStreamingResponse(resource.config)
        self.documents = DocumentsResourceWithStreamingResponse(resource.documents)
        self.files = FilesResourceWithStreamingResponse(resource.files)
        self.images = ImagesResourceWithStreamingResponse(resource.images)
        self.reports = ReportsResourceWithStreamingResponse(resource.reports)
        self.sessions = SessionsResourceWithStreamingResponse(resource.sessions)


class AsyncConfigResource:
    """Operations under `config`."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

    async def put(self, *, body: str, **options: Unpack[RequestOptions]) -> str:
        """Replace the configuration"""
        return await self._client._request(
            _CONFIG_PUT,
            body=body,
            body_encoding="text",
            content_type="text/yml",
            options=options,
        )


class AsyncConfigResourceWithRawResponse:
    """The operations under `config`, each returning a `RawResponse`."""

    def __init__(self, resource: AsyncConfigResource) -> None:
        self.put = _raw_response.async_raw(resource.put)


class AsyncConfigResourceWithStreamingResponse:
    """The operations under `config`, each opening a `StreamedResponse` for `with`."""

    def __init__(self, resource: AsyncConfigResource) -> None:
        self.put = _streaming.async_streaming(resource.put)


class AsyncDocumentsResource:
    """Operations under `documents`."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

    async def create(
        self, *, body: models.DocumentUpload, **options: Unpack[RequestOptions]
    ) -> models.StoredFile:
        """Upload a document (a form described by a shared schema)"""
        return await self._client._request(
            _DOCUMENTS_CREATE, body=body, body_encoding="multipart", options=options
        )


class AsyncDocumentsResourceWithRawResponse:
    """The operations under `documents`, each returning a `RawResponse`."""

    def __init__(self, resource: AsyncDocumentsResource) -> None:
        self.create = _raw_response.async_raw(resource.create)


class AsyncDocumentsResourceWithStreamingResponse:
    """The operations under `documents`, each opening a `StreamedResponse` for `with`."""

    def __init__(self, resource: AsyncDocumentsResource) -> None:
        self.create = _streaming.async_streaming(resource.create)


class AsyncFilesResource:
    """Operations under `files`."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

    async def upload(
        self, *, body: models.FilesUploadBody, **options: Unpack[RequestOptions]
    ) -> models.StoredFile:
        """Upload a file with its metadata"""
        return await self._client._request(
            _FILES_UPLOAD, body=body, body_encoding="multipart", options=options
        )


class AsyncFilesResourceWithRawResponse:
    """The operations under `files`, each returning a `RawResponse`."""

    def __init__(self, resource: AsyncFilesResource) -> None:
        self.upload = _raw_response.async_raw(resource.upload)


class AsyncFilesResourceWithStreamingResponse:
    """The operations under `files`, each opening a `StreamedResponse` for `with`."""

    def __init__(self, resource: AsyncFilesResource) -> None:
        self.upload = _streaming.async_streaming(resource.upload)


class AsyncImagesResource:
    """Operations under `images`."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

    async def get(self, image_id: str, **options: Unpack[RequestOptions]) -> bytes:
        """Download an image"""
        return await self._client._request(
            _IMAGES_GET, path={"image_id": image_id}, options=options
        )

    async def replace(
        self, image_id: str, *, body: bytes, **options: Unpack[RequestOptions]
    ) -> None:
        """Replace an image"""
        return await self._client._request(
            _IMAGES_REPLACE,
            path={"image_id": image_id},
            body=body,
            body_encoding="bytes",
            content_type="image/jpeg",
            options=options,
        )


class AsyncImagesResourceWithRawResponse:
    """The operations under `images`, each returning a `RawResponse`."""

    def __init__(self, resource: AsyncImagesResource) -> None:
        self.get = _raw_response.async_raw(resource.get)
        self.replace = _raw_response.async_raw(resource.replace)


class AsyncImagesResourceWithStreamingResponse:
    """The operations under `images`, each opening a `StreamedResponse` for `with`."""

    def __init__(self, resource: AsyncImagesResource) -> None:
        self.get = _streaming.async_streaming(resource.get)
        self.replace = _streaming.async_streaming(resource.replace)


class AsyncReportsResource:
    """Operations under `reports`."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

    async def get(self, report_id: str, **options: Unpack[RequestOptions]) -> str:
        """A report as CSV"""
        return await self._client._request(
            _REPORTS_GET, path={"report_id": report_id}, options=options
        )


class AsyncReportsResourceWithRawResponse:
    """The operations under `reports`, each returning a `RawResponse`."""

    def __init__(self, resource: AsyncReportsResource) -> None:
        self.get = _raw_response.async_raw(resource.get)


class AsyncReportsResourceWithStreamingResponse:
    """The operations under `reports`, each opening a `StreamedResponse` for `with`."""

    def __init__(self, resource: AsyncReportsResource) -> None:
        self.get = _streaming.async_streaming(resource.get)


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
        **options: Unpack[RequestOptions],
    ) -> bytes:
        """Open a session from JSON, an SDP offer or plain text

        Args:
            body: The offer.
            content_type: The media type of `body`: `application/json` (the default), `text/plain` or `application/sdp`; `body` takes the type that goes with it.
        """
        return await self._client._request(
            _SESSIONS_CREATE, body=body, content_type=content_type, options=options
        )


class AsyncSessionsResourceWithRawResponse:
    """The operations under `sessions`, each returning a `RawResponse`."""

    def __init__(self, resource: AsyncSessionsResource) -> None:
        self.create = _raw_response.async_raw(resource.create)


class AsyncSessionsResourceWithStreamingResponse:
    """The operations under `sessions`, each opening a `StreamedResponse` for `with`."""

    def __init__(self, resource: AsyncSessionsResource) -> None:
        self.create = _streaming.async_streaming(resource.create)


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
        self.config = AsyncConfigResource(self)
        self.documents = AsyncDocumentsResource(self)
        self.files = AsyncFilesResource(self)
        self.images = AsyncImagesResource(self)
        self.reports = AsyncReportsResource(self)
        self.sessions = AsyncSessionsResource(self)


class AsyncClientWithRawResponse:
    """The operations, each returning a `RawResponse`."""

    def __init__(self, resource: AsyncClient) -> None:
        self.config = AsyncConfigResourceWithRawResponse(resource.config)
        self.documents = AsyncDocumentsResourceWithRawResponse(resource.documents)
        self.files = AsyncFilesResourceWithRawResponse(resource.files)
        self.images = AsyncImagesResourceWithRawResponse(resource.images)
        self.reports = AsyncReportsResourceWithRawResponse(resource.reports)
        self.sessions = AsyncSessionsResourceWithRawResponse(resource.sessions)


class AsyncClientWithStreamingResponse:
    """The operations, each opening a `StreamedResponse` for `with`."""

    def __init__(self, resource: AsyncClient) -> None:
        self.config = AsyncConfigResourceWithStreamingResponse(resource.config)
        self.documents = AsyncDocumentsResourceWithStreamingResponse(resource.documents)
        self.files = AsyncFilesResourceWithStreamingResponse(resource.files)
        self.images = AsyncImagesResourceWithStreamingResponse(resource.images)
        self.reports = AsyncReportsResourceWithStreamingResponse(resource.reports)
        self.sessions = AsyncSessionsResourceWithStreamingResponse(resource.sessions)
