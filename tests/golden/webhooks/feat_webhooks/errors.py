"""Every exception the client raises: one hierarchy under `APIError`.

`APIConnectionError` (and `APITimeoutError`) when no response arrived; `APIStatusError`,
or its subclass for the status, when the server answered with an error; `DecodeError`
when a success response does not match the spec; `ResponseTooLargeError` when a body
passes the size limit; `PaginationError` when a page walk cannot go on.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Generic, TypeVar

import msgspec

if TYPE_CHECKING:
    import httpx

DetailT = TypeVar("DetailT")

_AT = re.compile(r" - at `(?P<path>[^`]*)`$")


class APIError(Exception):
    """Base class of every error raised by this client."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class APIConnectionError(APIError):
    """No response was received: the connection failed or was dropped."""


class APITimeoutError(APIConnectionError):
    """No response was received in time."""


class APIStatusError(APIError, Generic[DetailT]):
    """The server answered with a non-success status.

    `body` is the response body (decoded JSON, or text when it is not JSON); `detail` is the
    body decoded into the type the operation documents for this status (None when it
    documents none, or the body does not match). Each subclass names the types its
    statuses document, so `except NotFoundError as e:` gives `e.detail` a precise type.
    `str(error)` ends with the start of the body, on one line, credentials hidden.
    """

    def __init__(
        self,
        message: str,
        *,
        status_code: int,
        headers: httpx.Headers,
        body: Any,
        detail: DetailT | None = None,
        method: str = "",
        url: str = "",
        operation_id: str = "",
    ) -> None:
        super().__init__(message)
        self.status_code = status_code
        self.headers = headers
        self.body = body
        self.detail = detail
        self.method = method
        self.url = url
        self.operation_id = operation_id


class BadRequestError(APIStatusError[None]):
    """HTTP 400; no operation documents a body for it."""


class AuthenticationError(APIStatusError[None]):
    """HTTP 401; no operation documents a body for it."""


class PermissionDeniedError(APIStatusError[None]):
    """HTTP 403; no operation documents a body for it."""


class NotFoundError(APIStatusError[None]):
    """HTTP 404; no operation documents a body for it."""


class ConflictError(APIStatusError[None]):
    """HTTP 409; no operation documents a body for it."""


class UnprocessableEntityError(APIStatusError[None]):
    """HTTP 422; no operation documents a body for it."""


class RateLimitError(APIStatusError[None]):
    """HTTP 429; no operation documents a body for it."""


class InternalServerError(APIStatusError[None]):
    """HTTP 500 or above; no operation documents a body for it."""


class ResponseTooLargeError(APIError):
    """The response body grew past `max_response_size` bytes (counted decompressed, as it
    arrived); reading stopped there. `limit` is the size it passed."""

    def __init__(
        self, message: str, *, operation_id: str, status_code: int, limit: int
    ) -> None:
        super().__init__(message)
        self.operation_id = operation_id
        self.status_code = status_code
        self.limit = limit


class PaginationError(APIError):
    """A page walk that cannot go on: the server sent a cursor or a next page it had sent
    before (the walk would never end), or named a next page on another host (which would
    receive this client's credentials)."""


class DecodeError(APIError):
    """A response body that is not JSON, or does not match the type the spec declares.

    `path` points at the offending value (`$.items[3].created_at`); `body` keeps the raw
    response body for inspection.
    """

    def __init__(
        self, message: str, *, operation_id: str, path: str | None, body: bytes
    ) -> None:
        super().__init__(message)
        self.operation_id = operation_id
        self.path = path
        self.body = body

    @classmethod
    def from_msgspec(
        cls,
        exc: Exception,
        operation_id: str,
        body: bytes,
        expected: Any = None,
        subject: str = "response",
    ) -> DecodeError:
        text = str(exc)
        match = _AT.search(text)
        path = match.group("path") if match else None
        reason = text[: match.start()] if match else text
        if isinstance(exc, msgspec.ValidationError):
            tag = _unknown_tag(reason, path, expected)
            if tag is not None:
                reason = tag
            where = f" at {path}" if path else ""
            message = (
                f"{operation_id}: {subject} does not match the spec{where}: {reason}"
            )
        else:
            message = f"{operation_id}: {subject} is not valid JSON: {reason}"
        return cls(message, operation_id=operation_id, path=path, body=body)


def _unknown_tag(reason: str, path: str | None, expected: Any) -> str | None:
    """For a tag no variant carries, say which tags the union knows (msgspec says only
    `Invalid value`). Looked up only when decoding has already failed."""
    if expected is None or path is None or not reason.startswith("Invalid value "):
        return None
    field = path.rsplit(".", 1)[-1]
    known = sorted(_tags(expected).get(field, ()))
    if not known:
        return None
    value = reason.removeprefix("Invalid value ")
    return f"unknown {field} {value}; known: {', '.join(known)}"


def _tags(expected: Any) -> dict[str, set[str]]:
    from msgspec import inspect

    found: dict[str, set[str]] = {}
    seen: set[int] = set()
    pending = [inspect.type_info(expected)]
    while pending:
        info = pending.pop()
        if id(info) in seen:
            continue
        seen.add(id(info))
        if isinstance(info, inspect.StructType):
            if info.tag_field is not None and info.tag is not None:
                found.setdefault(info.tag_field, set()).add(str(info.tag))
            pending.extend(f.type for f in info.fields)
        elif isinstance(info, inspect.UnionType):
            pending.extend(info.types)
        elif isinstance(
            info,
            (
                inspect.ListType,
                inspect.SetType,
                inspect.FrozenSetType,
                inspect.VarTupleType,
            ),
        ):
            pending.append(info.item_type)
        elif isinstance(info, inspect.DictType):
            pending.append(info.value_type)
        elif isinstance(info, inspect.TupleType):
            pending.extend(info.item_types)
    return found


_BY_STATUS: dict[int, type[APIStatusError[Any]]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    422: UnprocessableEntityError,
    429: RateLimitError,
}


def status_error(
    *,
    status_code: int,
    headers: httpx.Headers,
    body: Any,
    detail: Any,
    method: str,
    url: str,
    operation_id: str,
    excerpt: str = "",
) -> APIStatusError[Any]:
    """The exception for an error response, of the class its status maps to."""
    kind = _BY_STATUS.get(status_code) or (
        InternalServerError if status_code >= 500 else APIStatusError
    )
    message = f"{operation_id}: HTTP {status_code} from {method} {url}"
    if excerpt:
        message += f": {excerpt}"
    return kind(
        message,
        status_code=status_code,
        headers=headers,
        body=body,
        detail=detail,
        method=method,
        url=url,
        operation_id=operation_id,
    )


__all__ = [
    "APIConnectionError",
    "APIError",
    "APIStatusError",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "ConflictError",
    "DecodeError",
    "InternalServerError",
    "NotFoundError",
    "PaginationError",
    "PermissionDeniedError",
    "RateLimitError",
    "ResponseTooLargeError",
    "UnprocessableEntityError",
]
