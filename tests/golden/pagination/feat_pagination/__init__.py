"""Python client for Paged catalogue."""

from ._client import AsyncClient, Client
from ._codec import decode, encode
from ._options import RequestOptions
from ._raw_response import RawResponse
from ._streaming import (
    AsyncStream,
    AsyncStreamedResponse,
    Event,
    Stream,
    StreamedResponse,
)
from ._version import __version__
from .errors import (
    APIConnectionError,
    APIError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    DecodeError,
    InternalServerError,
    NotFoundError,
    PaginationError,
    PermissionDeniedError,
    RateLimitError,
    ResponseTooLargeError,
    UnprocessableEntityError,
)

__all__ = [
    "APIConnectionError",
    "APIError",
    "APIStatusError",
    "APITimeoutError",
    "AsyncClient",
    "AsyncStream",
    "AsyncStreamedResponse",
    "AuthenticationError",
    "BadRequestError",
    "Client",
    "ConflictError",
    "DecodeError",
    "Event",
    "InternalServerError",
    "NotFoundError",
    "PaginationError",
    "PermissionDeniedError",
    "RateLimitError",
    "RawResponse",
    "RequestOptions",
    "ResponseTooLargeError",
    "Stream",
    "StreamedResponse",
    "UnprocessableEntityError",
    "__version__",
    "decode",
    "encode",
]
