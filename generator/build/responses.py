"""Responses -> what a call returns, and the error class raised for each documented error
status."""

from __future__ import annotations

from typing import Any

from ..ir import ANY, BYTES, NONE, STR, ResponseCase, TypeRef
from ..problems import join_pointer, warning
from ..spec.media import pick_content
from .events import data_type, event_media
from .schemas import Schemas
from .typeops import make_union

# Error classes of the generated `errors` module, by status; InternalServerError takes >= 500.
ERROR_CLASSES = (
    (400, "BadRequestError"),
    (401, "AuthenticationError"),
    (403, "PermissionDeniedError"),
    (404, "NotFoundError"),
    (409, "ConflictError"),
    (422, "UnprocessableEntityError"),
    (429, "RateLimitError"),
)

# Successes that carry no content, whatever a spec documents (RFC 9110: a 204 ends at its
# headers, and a server must not send content with a 205). A body documented for one is
# kept for the other successes it stands for (an undocumented 200 reads the first documented
# success), and the runtime returns None for the status itself.
BODILESS = frozenset({"204", "205"})


def error_class(status: str) -> str:
    """The generated exception class raised for a documented error status."""
    if status.isdigit():
        code = int(status)
        for known, name in ERROR_CLASSES:
            if code == known:
                return name
        if code >= 500:
            return "InternalServerError"
    elif status.upper() == "5XX":
        return "InternalServerError"
    return "APIStatusError"


def responses(
    schemas: Schemas, spec: dict[str, Any], pointer: str, pascal: str
) -> tuple[tuple[ResponseCase, ...], tuple[ResponseCase, ...]]:
    """(successes, errors) of an operation, each in status order. `default` is a success
    only where no 2xx status is documented."""
    success, errors, _ = responses_and_streams(schemas, spec, pointer, pascal)
    return success, errors


def responses_and_streams(
    schemas: Schemas, spec: dict[str, Any], pointer: str, pascal: str
) -> tuple[tuple[ResponseCase, ...], tuple[ResponseCase, ...], tuple[ResponseCase, ...]]:
    """`responses`, and the event-stream successes of an operation that documents an event
    stream beside another media type (the form its streaming twin returns), else `()`.
    A success whose only media type is an event stream is read as events."""
    success: list[ResponseCase] = []
    streamed: list[ResponseCase] = []
    errors: list[ResponseCase] = []
    documented = spec.get("responses") or {}
    statuses = sorted(documented, key=_status_sort_key)
    for status in statuses:
        response, at = schemas.doc.resolve(documented[status], join_pointer(pointer, "responses", status))
        if not isinstance(response, dict):
            continue
        content = response.get("content") or {}
        is_success = str(status).startswith("2") or (
            str(status) == "default" and not any(str(s).startswith("2") for s in statuses)
        )
        events = event_media(content) if is_success else None
        others = {m: v for m, v in content.items() if m != events}
        case = _case(schemas, status, response, at, others, pascal)
        if str(status) in BODILESS and _of_substance(case.type):
            schemas.warn(
                warning(
                    join_pointer(at, "content"),
                    f"a {status} response carries no content in HTTP: the call returns None when the server"
                    f" answers {status}, and reads this body only from another success status",
                )
            )
        if events is not None:
            stream_case = ResponseCase(
                status=str(status),
                description=response.get("description"),
                error_class=error_class(str(status)),
                content_type=events,
                kind="events",
                type=data_type(schemas, content.get(events), join_pointer(at, "content", events), pascal + "Event"),
            )
            if others:
                streamed.append(stream_case)
            else:
                case = stream_case
        (success if is_success else errors).append(case)
    if not any(r.kind == "events" for r in success) and streamed:
        # Successes without an event stream of their own stay as they are in the twin.
        by_status = {r.status: r for r in streamed}
        streamed = [by_status.get(r.status, r) for r in success]
    return tuple(success), tuple(errors), tuple(streamed)


def _of_substance(t: TypeRef | None) -> bool:
    """Whether a body type says something a call returning None would lose: not nothing,
    not anything at all, not an object of no documented members, not already nullable."""
    if t is None or t == ANY or t.is_nullable:
        return False
    return not (t.kind == "dict" and t.args == (ANY,))


def _case(
    schemas: Schemas, status: Any, response: dict[str, Any], at: str, content: dict[str, Any], pascal: str
) -> ResponseCase:
    choice = pick_content(content, request=False)
    t: TypeRef | None = None
    media: str | None = None
    kind = "empty"
    if choice is not None:
        media, kind = choice
        if kind == "json":
            hint = pascal + ("Response" if str(status).startswith("2") else f"Error{status}")
            t = schemas.convert(
                (content.get(media) or {}).get("schema"), join_pointer(at, "content", media, "schema"), hint
            )
        elif kind == "text":
            t = STR
        else:
            t = BYTES
    return ResponseCase(
        status=str(status),
        description=response.get("description"),
        error_class=error_class(str(status)),
        content_type=media,
        kind=kind,
        type=t,
    )


def return_type(success: tuple[ResponseCase, ...]) -> TypeRef | None:
    """What the method returns: any success's type, None where a success has no body."""
    types = [r.type for r in success if r.type is not None]
    if not types:
        return None
    if any(r.type is None or r.status in BODILESS for r in success):
        types.append(NONE)
    return make_union(types)


def accept(success: tuple[ResponseCase, ...]) -> str | None:
    """The media types a successful call may return, for the Accept header; None for JSON."""
    media = list(dict.fromkeys(r.content_type for r in success if r.content_type))
    if any(r.kind == "events" for r in success):
        return "text/event-stream"
    if not media or all(r.kind in ("json", "empty") for r in success):
        return None
    return ", ".join(media)


def _status_sort_key(status: Any) -> tuple[int, str]:
    s = str(status)
    if s == "default":
        return (2, s)
    return (0 if s[:1] == "2" else 1, s)
