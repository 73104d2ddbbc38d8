"""What the client calls: operations with their parameters, bodies, responses, pagination,
and the namespaces they sit in."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .types import TypeRef

if TYPE_CHECKING:
    from .pagination import Pagination
from .values import Default


@dataclass(frozen=True)
class Param:
    name: str
    wire_name: str
    # path, query, header or cookie
    location: str
    # The schema's type, and the type the argument accepts (with None when optional).
    type: TypeRef
    declared: TypeRef
    # None when the parameter is required.
    default: Default | None
    required: bool
    description: str | None
    style: str
    explode: bool
    deprecated: bool
    constraints: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class BodyMedia:
    """One media type a request body may be sent in."""

    content_type: str
    # json, form, multipart, text or bytes
    encoding: str
    type: TypeRef


@dataclass(frozen=True)
class Part:
    """A part of a multipart body whose Encoding Object names its Content-Type."""

    wire_name: str
    content_type: str


@dataclass(frozen=True)
class Body:
    name: str
    # The media type sent when the caller names none.
    content_type: str
    # How the runtime sends it: json, form, multipart, text or bytes.
    encoding: str
    # What the argument accepts (a union when several media types are offered).
    type: TypeRef
    declared: TypeRef
    default: Default | None
    required: bool
    description: str | None
    # Every media type offered, the default first, when there are several (the caller
    # picks one with `content_type=`); empty when there is one.
    choices: tuple[BodyMedia, ...] = ()
    # The multipart media type's parts with a Content-Type of their own.
    parts: tuple[Part, ...] = ()


@dataclass(frozen=True)
class ResponseCase:
    status: str
    description: str | None
    error_class: str
    content_type: str | None
    # json, text, bytes, events (`text/event-stream`: `type` is each event's data) or empty
    kind: str
    type: TypeRef | None


@dataclass(frozen=True)
class Operation:
    operation_id: str
    method: str
    path: str
    name: str
    namespace: tuple[str, ...]
    python_path: str
    summary: str | None
    description: str | None
    deprecated: bool
    tags: tuple[str, ...]
    # Path parameters first, in the path's order; then the others in the spec's order.
    params: tuple[Param, ...]
    body: Body | None
    returns: TypeRef | None
    success: tuple[ResponseCase, ...]
    errors: tuple[ResponseCase, ...]
    # The module-level constant that describes the endpoint to the runtime.
    endpoint_name: str
    # The security requirements it accepts, in spec order: each the names of the schemes
    # sent together; `()` is the optional `{}` (no credentials). Undeclared names are left out.
    security: tuple[tuple[str, ...], ...]
    # What the client sends: the constructor keywords of each requirement it tries, in order
    # (the first whose credentials were all given wins); schemes the client cannot send,
    # and requirements left empty, are left out. `()`: send no credentials.
    sends: tuple[tuple[str, ...], ...]
    # The Accept header, when the successes are not (only) JSON.
    accept: str | None
    doc: str
    pagination: Pagination | None
    # The successes of its streaming twin (build/streams.py), when the operation documents
    # an event stream beside another media type; `()` otherwise.
    stream_success: tuple[ResponseCase, ...] = ()
    # The body's boolean `stream` attribute and the value this method sends it as (the
    # twin `True`; the plain method `False` where the caller asked for `True`).
    stream_flag: tuple[str, bool] | None = None
    # Whether it is the streaming twin of the operation before it (same spec operation).
    twin: bool = False

    @property
    def streams(self) -> bool:
        """Whether a successful call returns server-sent events."""
        return any(r.kind == "events" for r in self.success)

    @property
    def auth(self) -> tuple[str, ...]:
        """The names of the schemes it accepts, each once, in spec order."""
        return tuple(dict.fromkeys(name for requirement in self.security for name in requirement))

    def located(self, location: str) -> tuple[Param, ...]:
        return tuple(p for p in self.params if p.location == location)

    @property
    def positional(self) -> tuple[Param, ...]:
        """Path parameters: positional arguments of the method."""
        return self.located("path")

    @property
    def keyword(self) -> tuple[Param, ...]:
        """Query, header and cookie parameters: keyword-only arguments."""
        return tuple(p for p in self.params if p.location != "path")

    @property
    def path_params(self) -> tuple[Param, ...]:
        return self.located("path")

    @property
    def query_params(self) -> tuple[Param, ...]:
        return self.located("query")

    @property
    def header_params(self) -> tuple[Param, ...]:
        return self.located("header")

    @property
    def cookie_params(self) -> tuple[Param, ...]:
        return self.located("cookie")


@dataclass(frozen=True)
class Namespace:
    path: tuple[str, ...]
    attr: str
    class_name: str
    async_class_name: str
    operations: tuple[Operation, ...]
    children: tuple[Namespace, ...]
    doc: str | None
