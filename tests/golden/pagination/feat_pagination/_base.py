"""HTTP plumbing shared by every operation.

Generated operations are declarative (`Endpoint` values); this module turns them into
requests and turns responses into typed values or exceptions.
"""

from __future__ import annotations

import copy
import datetime
import enum
import logging
import math
import os
import random
import time
import uuid
import warnings
from collections.abc import Callable, Mapping, Sequence
from types import TracebackType
from typing import IO, TYPE_CHECKING, Any, Generic, TypeAlias, TypeVar
from urllib.parse import quote, quote_plus, urlsplit, urlunsplit

import msgspec

from . import _transfer, errors
from ._options import OPTION_NAMES, RequestOptions
from ._pages import FOLLOW
from ._raw_response import WANTS_RAW, RawResponse
from ._streaming import (
    WANTS_STREAM,
    AsyncStream,
    AsyncStreamedResponse,
    EventDecoder,
    Stream,
    StreamedResponse,
    not_an_event_stream,
)
from ._unions import decode_hook
from ._version import __version__

if TYPE_CHECKING:
    import sys

    import httpx

    if sys.version_info >= (3, 11):
        from typing import Self
    else:  # only the type checker reads this; it needs no package at run time
        from typing_extensions import Self

T = TypeVar("T")
FileContent: TypeAlias = bytes | IO[bytes]
FileInput: TypeAlias = (
    FileContent
    | tuple[str | None, FileContent]
    | tuple[str | None, FileContent, str | None]
)
"""A file part of a multipart form: its content (bytes, or a binary file object, which
is streamed), or a `(filename, content)` or `(filename, content, content_type)` tuple."""

# httpx is imported when the first client is made, not with the package: importing the
# package stays quick, and a program pays for httpx only once it talks to the API.
DEFAULT_TIMEOUT = 60.0
DEFAULT_MAX_RETRIES = 2
# Retries: idempotent methods only, on these statuses or when no response arrived.
RETRY_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})
RETRY_STATUSES = frozenset({408, 429, 500, 502, 503, 504})
INITIAL_BACKOFF = 0.5
MAX_BACKOFF = 8.0
# A server's Retry-After is honoured up to this many seconds.
MAX_RETRY_AFTER = 60.0

logger = logging.getLogger("feat_pagination")


class _NotGiven:
    """Marks an option left as it was (None is a value some options take)."""

    def __repr__(self) -> str:
        return "NOT_GIVEN"


NOT_GIVEN = _NotGiven()


class Secret:
    """A credential that shows as `'***'` in reprs, logs and debuggers' views of the client."""

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        self._value = value

    def get(self) -> str:
        return self._value

    def __repr__(self) -> str:
        return "'***'"

    __str__ = __repr__


# The credential keyword of an API whose every scheme is a bearer token.
ACCESS_TOKEN = "access_token"


class Credential:
    """One credential and where it travels: a `header`, a `query` parameter or a `cookie`
    named `name`. The value is a `Secret`; `problem` says why it cannot be sent (checked
    once, when it is made: the client refuses it before any request)."""

    __slots__ = ("location", "name", "problem", "value")

    def __init__(
        self, location: str, name: str, value: str, problem: str | None = None
    ) -> None:
        self.location = location
        self.name = name
        self.value = Secret("" if problem else value)
        self.problem = problem

    def __repr__(self) -> str:
        return f"Credential({self.location!r}, {self.name!r}, '***')"


def bearer(token: str | None) -> Credential | None:
    """`Authorization: Bearer <token>`; None when no token (or an empty one) was given."""
    if not token:
        return None
    problem = _unsendable(token, header=True)
    if problem is None and (" " in token or "\t" in token):
        problem = "contains whitespace"
    return Credential("header", "Authorization", f"Bearer {token}", problem)


def basic(credentials: tuple[str, str] | None) -> Credential | None:
    """`Authorization: Basic base64(username:password)` from `(username, password)`."""
    if credentials is None:
        return None
    import base64  # only for HTTP basic: keeps imports quick

    if not (
        isinstance(credentials, tuple)
        and len(credentials) == 2
        and all(isinstance(part, str) for part in credentials)
    ):
        return _refused("is not a (username, password) pair of str")
    username, password = credentials
    if ":" in username:
        return _refused("has a username that contains ':'")
    for part, text in (("username", username), ("password", password)):
        # RFC 7617: no control characters; any other text goes as UTF-8.
        problem = _unsendable(text, header=False)
        if problem is not None:
            return _refused(f"has a {part} that {problem}")
    pair = base64.b64encode(f"{username}:{password}".encode()).decode("ascii")
    return Credential("header", "Authorization", f"Basic {pair}")


def api_key(location: str, name: str, value: str | None) -> Credential | None:
    """An API key sent in the `header`, `query` parameter or `cookie` called `name`."""
    if not value:
        return None
    header = location not in ("query", "cookie")
    problem = _unsendable(value, header=header)
    if problem is None and header and value != value.strip(" \t"):
        problem = "starts or ends with whitespace"
    return Credential(location, name, value, problem)


def _refused(problem: str) -> Credential:
    return Credential("header", "Authorization", "", problem)


def _unsendable(text: str, *, header: bool) -> str | None:
    """Why `text` cannot travel as a credential, or None. In a header only visible ASCII,
    spaces and tabs can (httpx would raise with the value in its message, or send a
    broken request); a query parameter or a cookie is percent-encoded, so any text can
    but control characters, which are never part of a real credential (a token read
    from a file with its newline is the usual case)."""
    if not isinstance(text, str):
        return f"must be a str, not {type(text).__name__}"
    if text.isascii() and text.isprintable():
        return None
    for char in text:
        if char == "\n":
            return "contains a newline"
        if char == "\r":
            return "contains a carriage return"
        if char == "\0":
            return "contains a NUL character"
        if (char < " " and char != "\t") or "\x7f" <= char <= "\x9f":
            return "contains a control character"
        if header and not char.isascii():
            return "contains a non-ASCII character"
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        failed = True
    else:
        failed = False
    return "is not valid Unicode (a lone surrogate)" if failed else None


class Json:
    """A JSON body decoded into `type`; the decoder is built on first use and kept."""

    __slots__ = ("_decoder", "type")

    def __init__(self, type: Any) -> None:
        self.type = type
        self._decoder: msgspec.json.Decoder[Any] | None = None

    def decode(self, content: bytes | bytearray | memoryview | str) -> Any:
        decoder = self._decoder
        if decoder is None:
            decoder = self._decoder = msgspec.json.Decoder(
                self.type, dec_hook=decode_hook
            )
        return decoder.decode(content)


class Events(Json):
    """A `text/event-stream` body: each event's `data` decoded into `type` (JSON), or kept
    as text when `type` is `str`."""

    __slots__ = ()

    def decoder(self, operation_id: str) -> EventDecoder[Any] | None:
        if self.type is str:
            return None
        return EventDecoder(self.decode, self.type, operation_id)


class _Raw:
    __slots__ = ("kind",)

    def __init__(self, kind: str) -> None:
        self.kind = kind


TEXT = _Raw("text")
BINARY = _Raw("bytes")
NO_CONTENT = _Raw("empty")

ResponseSpec = Json | _Raw


class Endpoint(Generic[T]):
    """One operation: where it lives and how each documented response is read.

    `T` is what a successful call returns; the generator guarantees that the success
    entries of `responses` decode to it.
    """

    __slots__ = (
        "accept",
        "auth",
        "bodies",
        "header_styles",
        "method",
        "operation_id",
        "parts",
        "path",
        "path_styles",
        "query_styles",
        "responses",
    )

    def __init__(
        self,
        method: str,
        path: str,
        *,
        operation_id: str,
        responses: Mapping[int | str, ResponseSpec],
        query_styles: Mapping[str, tuple[str, bool]] | None = None,
        path_styles: Mapping[str, tuple[str, bool]] | None = None,
        header_styles: Mapping[str, tuple[str, bool]] | None = None,
        auth: bool | Sequence[Sequence[str]] = True,
        accept: str = "application/json",
        bodies: Mapping[str, str] | None = None,
        parts: Mapping[str, str] | None = None,
    ) -> None:
        self.method = method
        self.path = path
        self.operation_id = operation_id
        self.responses = responses
        # (style, explode) of the parameters not sent in their location's default style.
        self.query_styles = query_styles or {}
        self.path_styles = path_styles or {}
        self.header_styles = header_styles or {}
        # The requirements it accepts, in order: each the credential keywords sent together.
        # True: the access token; False: no credentials.
        if isinstance(auth, bool):
            auth = [[ACCESS_TOKEN]] if auth else []
        self.auth = tuple(tuple(requirement) for requirement in auth)
        self.accept = accept
        # The media types a body may be sent in, and how (`json`, `multipart`, ...), when
        # there are several; multipart parts with a Content-Type of their own.
        self.bodies = bodies or {}
        self.parts = parts or {}

    def response_spec(self, status: int) -> ResponseSpec | None:
        """The documented response for `status`: exact code, then `2XX`-style range, then
        `default`; an undocumented success falls back to the first documented success.
        """
        responses = self.responses
        spec = responses.get(status) or responses.get(f"{status // 100}XX")
        if spec is None and not 200 <= status < 300:
            spec = responses.get("default")
        if spec is None and 200 <= status < 300:
            spec = next(
                (s for k, s in responses.items() if str(k).startswith("2")),
                responses.get("default"),
            )
        return spec


def _text(value: Any) -> str:
    """How one value is written into a URL."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, enum.Enum):
        return _text(value.value)
    if isinstance(value, (datetime.datetime, datetime.date, datetime.time)):
        return value.isoformat()
    if isinstance(value, uuid.UUID):
        return str(value)
    return str(value)


def cookie_header(
    pairs: Sequence[tuple[str, Any] | tuple[str, Any, bool]],
) -> str | None:
    """The Cookie header of these (name, value[, explode]) pairs, each in the `form` style
    (exploded unless it says otherwise); None when every value is None."""
    text = "; ".join(
        styled(
            pair[0], pair[1], "form", pair[2] if len(pair) > 2 else True, _escape_all
        )
        for pair in pairs
        if pair[1] is not None
    )
    return text or None


def _escape_all(text: str) -> str:
    """Every character but letters, digits and `_.-~` percent-encoded (paths, cookies)."""
    return quote(text, safe="")


def _as_is(text: str) -> str:
    return text


def styled(
    name: str, value: Any, style: str, explode: bool, escape: Callable[[str], str]
) -> str:
    """A path, header or cookie parameter as its OpenAPI style writes it, each name and
    item through `escape`, the delimiters not: `simple` (`a,b`; an object `k,v`, exploded
    `k=v`), `label` (`.a,b`; exploded `.a.b`), `matrix` (`;n=a,b`; exploded `;n=a;n=b`)
    and `form` (`n=a,b`; exploded `n=a; n=b`, as a Cookie header joins pairs)."""
    if isinstance(value, msgspec.Struct):
        value = msgspec.to_builtins(value)
    named = True  # each part goes out after the parameter's name (matrix, form)
    if isinstance(value, Mapping):
        entries = [
            (escape(str(k)), escape(_text(v)))
            for k, v in value.items()
            if v is not None
        ]
        if explode:
            parts = [f"{k}={v}" for k, v in entries]
            named = False  # an exploded object: each member is named by its own key
        else:
            parts = [",".join(f"{k},{v}" for k, v in entries)]
    elif isinstance(value, (list, tuple)):
        items = [escape(_text(v)) for v in value if v is not None]
        parts = items if explode and style != "simple" else [",".join(items)]
    else:
        parts = [escape(_text(value))]
    key = escape(name)
    if style == "label":
        return "." + ".".join(parts)
    if style == "matrix":
        return "".join(
            (f";{key}={part}" if part else f";{key}") if named else f";{part}"
            for part in parts
        )
    if style == "form":
        return "; ".join(f"{key}={part}" if named else part for part in parts)
    return ",".join(parts)


def encode_path(
    template: str,
    values: Mapping[str, Any],
    styles: Mapping[str, tuple[str, bool]] | None = None,
) -> str:
    """Each value in its style (`simple` unless `styles` says otherwise), escaped whole:
    a `/` in it stays inside its segment. A value of dots alone is escaped too: as a
    segment, `.` or `..` would be resolved away by the URL and the request would go to
    another endpoint."""
    path = template
    for name, value in values.items():
        style, explode = (styles or {}).get(name, ("simple", False))
        text = styled(name, value, style, explode, _escape_all)
        if text and not text.strip("."):
            text = text.replace(".", "%2E")
        path = path.replace("{" + name + "}", text)
    return path


def encode_query(
    values: Mapping[str, Any], styles: Mapping[str, tuple[str, bool]]
) -> str:
    """A query string per the OpenAPI style of each parameter; None means "not sent".

    Names and items are percent-encoded, the delimiters between items are not: `a,b` and
    `c` go out as `tags=a%2Cb,c`, which a server tells apart from `tags=a,b,c`.
    """
    pairs: list[str] = []
    for name, value in values.items():
        if value is None:
            continue
        style, explode = styles.get(name, ("form", True))
        key = _quote(name)
        if isinstance(value, msgspec.Struct):
            value = msgspec.to_builtins(value)
        if isinstance(value, (list, tuple)):
            items = [_quote(_text(v)) for v in value if v is not None]
            if style == "form" and explode:
                pairs.extend(f"{key}={item}" for item in items)
            else:
                sep = _DELIMITERS.get(style, ",")
                pairs.append(f"{key}={sep.join(items)}")
        elif isinstance(value, Mapping):
            entries = [(str(k), v) for k, v in value.items() if v is not None]
            if style == "deepObject":
                for k, item in entries:
                    inner = _quote(f"{name}[{k}]")
                    if isinstance(item, (list, tuple)):
                        pairs.extend(f"{inner}={_quote(_text(v))}" for v in item)
                    else:
                        pairs.append(f"{inner}={_quote(_text(item))}")
            elif explode:
                pairs.extend(
                    f"{_quote(k)}={_quote(_text(item))}" for k, item in entries
                )
            else:
                flat = ",".join(f"{_quote(k)},{_quote(_text(v))}" for k, v in entries)
                pairs.append(f"{key}={flat}")
        else:
            pairs.append(f"{key}={_quote(_text(value))}")
    return "&".join(pairs)


# Between the items of an array that is not exploded, as they go on the wire.
_DELIMITERS = {"form": ",", "spaceDelimited": "%20", "pipeDelimited": "|"}


def _quote(text: str) -> str:
    """As an HTML form encodes a name or a value: every reserved character escaped."""
    return quote_plus(text, safe="")


class _Core:
    """What the blocking and the asyncio clients share: building requests, reading
    responses. Holds the credentials privately (as `Secret`s); they never appear in reprs,
    logs or errors."""

    def __init__(
        self,
        *,
        access_token: str | None = None,
        credentials: Mapping[str, Credential | None] | None = None,
        base_url: str,
        timeout: float | httpx.Timeout,
        max_retries: int,
        max_response_size: int | None,
        headers: Mapping[str, str] | None,
        servers: Mapping[str, str] | None = None,
    ) -> None:
        if not base_url:
            raise ValueError(
                "no base URL: pass base_url= (the spec declares no server)"
            )
        if max_retries < 0:
            raise ValueError("max_retries must be 0 or more")
        _check_size(max_response_size)
        self._credentials = _given(access_token, credentials)
        # Query credentials are shown as *** in the URLs of logs and errors.
        self._secret_params = frozenset(
            _quote(c.name) for c in self._credentials.values() if c.location == "query"
        )
        self._servers = servers or {}
        self.timeout = timeout
        self._budget = _budget(timeout)
        self.max_retries = max_retries
        self.max_response_size = max_response_size
        self._headers = {"User-Agent": user_agent()}
        _merge_headers(self._headers, headers or {})
        self._at(base_url)

    def _at(self, base_url: str) -> None:
        """Points the client at `base_url`: what logs show of it, and what goes with it."""
        self.base_url = base_url.rstrip("/")
        self._log_url = self._redacted(self.base_url)
        forms = _wire_forms(self._credentials, self.base_url)
        self._scrub = _transfer.scrubber([Secret(form) for form in set(forms)])
        if self._scrub is not None:
            _transfer.install_log_filter()
        # What each requirement sends, made on first use; shared with `with_options` copies.
        self._auths: dict[tuple[tuple[str, ...], ...], httpx.Auth | None] = {}
        self._plain_http = _plain_http(self.base_url)

    def __repr__(self) -> str:
        return f"{type(self).__name__}(base_url={self._log_url!r})"

    def with_options(
        self,
        *,
        timeout: float | httpx.Timeout | _NotGiven = NOT_GIVEN,
        max_retries: int | _NotGiven = NOT_GIVEN,
        max_response_size: int | None | _NotGiven = NOT_GIVEN,
        headers: Mapping[str, str] | None = None,
        server: str | None = None,
        base_url: str | None = None,
    ) -> Self:
        """A copy of this client with other options, sharing its connection pool.

        `headers` are sent besides (or instead of) this client's; `server` names one of the
        spec's servers, `base_url` any other. Closing the copy leaves the pool open; closing
        the original closes it for both.
        """
        clone = copy.copy(self)
        clone._owns_http = False
        # Views made for this client (`with_raw_response`) call this client: not the copy's.
        for view in _VIEWS:
            clone.__dict__.pop(view, None)
        if headers:
            clone._headers = dict(self._headers)
            _merge_headers(clone._headers, headers)
        if base_url is None and server is not None:
            base_url = _server_url(self._servers, server)
        if base_url is not None:
            if not base_url:
                raise ValueError("base_url must not be empty")
            clone._at(base_url)
        if not isinstance(timeout, _NotGiven):
            clone.timeout = timeout
            clone._budget = _budget(timeout)
        if not isinstance(max_retries, _NotGiven):
            if max_retries < 0:
                raise ValueError("max_retries must be 0 or more")
            clone.max_retries = max_retries
        if not isinstance(max_response_size, _NotGiven):
            _check_size(max_response_size)
            clone.max_response_size = max_response_size
        clone._bind()
        return clone

    # Generated clients attach their operation namespaces here.
    _owns_http: bool

    def _bind(self) -> None:
        pass

    def _retries_for(self, endpoint: Endpoint[Any]) -> int:
        return self.max_retries if endpoint.method in RETRY_METHODS else 0

    def _per_call(
        self, endpoint: Endpoint[Any], request: dict[str, Any], options: RequestOptions
    ) -> tuple[int, float | None]:
        """Applies one call's options to its request; returns the call's retries and
        time budget."""
        unknown = options.keys() - OPTION_NAMES
        if unknown:
            raise TypeError(f"unknown request options: {', '.join(sorted(unknown))}")
        budget = self._budget
        if "timeout" in options:
            request["timeout"] = options["timeout"]
            budget = _budget(options["timeout"])
        retries = options.get("max_retries", self.max_retries)
        if isinstance(retries, bool) or not isinstance(retries, int) or retries < 0:
            raise ValueError("max_retries must be 0 or more")
        extra_headers = options.get("extra_headers")
        if extra_headers:
            _merge_headers(request["headers"], extra_headers)
        extra_query = options.get("extra_query")
        if extra_query:
            query_string = encode_query(extra_query, {})
            if query_string:
                joint = "&" if "?" in request["url"] else "?"
                request["url"] += joint + query_string
        key = options.get("idempotency_key")
        if key is not None:
            _merge_headers(request["headers"], {"Idempotency-Key": key})
            return retries, budget
        return (retries if endpoint.method in RETRY_METHODS else 0), budget

    def _raw(self, endpoint: Endpoint[T], answer: _Answer) -> RawResponse[T]:
        """A success response for a raw twin; an error status raises as usual."""
        status = answer.status_code
        spec = endpoint.response_spec(status)
        if not 200 <= status < 300:
            raise self._status_error(endpoint, spec, answer)
        return RawResponse(
            status_code=status,
            headers=answer.headers,
            http_version=answer.http_version,
            elapsed=answer.elapsed,
            content=answer.content,
            url=self._shown_url(endpoint, answer.url),
            parse=(
                (lambda: self._events(endpoint, _replayed(answer), answer.url))
                if isinstance(spec, Events)
                else (lambda: _read_body(endpoint, spec, answer))
            ),
        )

    def _events(
        self, endpoint: Endpoint[Any], response: httpx.Response, url: str
    ) -> Any:
        raise NotImplementedError  # each client's own kind of stream

    def _log(
        self,
        endpoint: Endpoint[Any],
        url: str,
        outcome: str,
        started: float,
        attempt: int,
    ) -> None:
        if logger.isEnabledFor(logging.DEBUG):
            logger.debug(
                "%s %s -> %s in %.1f ms (attempt %d)",
                endpoint.method,
                self._shown_url(endpoint, url),
                outcome,
                (time.monotonic() - started) * 1000,
                attempt + 1,
                extra={"operation_id": endpoint.operation_id, "attempt": attempt + 1},
            )

    def _build(
        self,
        endpoint: Endpoint[Any],
        path: Mapping[str, Any] | None,
        query: Mapping[str, Any] | None,
        headers: Mapping[str, Any] | None,
        body: Any,
        body_encoding: str | None,
        content_type: str | None = None,
    ) -> dict[str, Any]:
        """The arguments of `httpx.Client.build_request`. Credentials are not among them:
        `_auth` adds them as the request goes out, so no frame of ours holds them."""
        # A page walk that follows the server's links names the URL whole.
        url = FOLLOW.get()
        if url is None:
            url = self.base_url + (
                encode_path(endpoint.path, path, endpoint.path_styles)
                if path
                else endpoint.path
            )
            query_string = encode_query(query, endpoint.query_styles) if query else ""
            if query_string:
                url += "?" + query_string
        request_headers = dict(self._headers)
        request_headers["Accept"] = endpoint.accept
        for name, value in (headers or {}).items():
            if value is not None:
                style = endpoint.header_styles.get(name, ("simple", False))
                request_headers[name] = styled(name, value, *style, _as_is)
        return {
            "method": endpoint.method,
            "url": url,
            "headers": request_headers,
            "timeout": self.timeout,
            **_body_request(
                endpoint, body, body_encoding, content_type, request_headers
            ),
        }

    def _auth(self, endpoint: Endpoint[Any]) -> httpx.Auth | None:
        """What sends the credentials of the endpoint's first requirement whose credentials
        were all given (None when no requirement's were)."""
        requirements = endpoint.auth
        try:
            return self._auths[requirements]
        except KeyError:
            pass
        attach = None
        for requirement in requirements:
            chosen = [self._credentials.get(keyword) for keyword in requirement]
            if all(c is not None for c in chosen):
                given = tuple(c for c in chosen if c is not None)
                attach = (
                    _transfer.attach(given, _quote, _COOKIE_SAFE) if given else None
                )
                break
        sends = attach is not None or "@" in urlsplit(self.base_url).netloc
        if sends and self._plain_http:
            self._plain_http = False
            warnings.warn(
                f"{type(self).__name__} is sending credentials over plain http:// to "
                f"{urlsplit(self.base_url).hostname}, which is not this machine: anyone "
                "on the way can read them; use https://",
                stacklevel=5,
            )
        self._auths[requirements] = attach
        return attach

    def _answer(
        self,
        endpoint: Endpoint[Any],
        url: str,
        response: httpx.Response,
        body: _transfer.Body,
        attempts: int,
        started: float,
    ) -> _Answer | errors.APIError:
        """A response read whole, or the error that ended reading it."""
        failure = body.failure
        if failure is None:
            return _Answer(
                response.status_code,
                response.headers,
                body.content(),
                url,
                response.http_version,
                time.monotonic() - started,
            )
        name = endpoint.operation_id
        if failure == _transfer.TOO_SLOW:
            tries = f" after {attempts} attempts" if attempts > 1 else ""
            return errors.APITimeoutError(
                f"{name}: response took longer than the timeout{tries}"
            )
        if failure == _transfer.TOO_LARGE:
            return errors.ResponseTooLargeError(
                f"{name}: the response body is larger than max_response_size "
                f"({self.max_response_size} bytes)",
                operation_id=name,
                status_code=response.status_code,
                limit=self.max_response_size or 0,
            )
        return errors.DecodeError(
            f"{name}: the response body could not be decompressed "
            f"(Content-Encoding: {response.headers.get('content-encoding')})",
            operation_id=name,
            path=None,
            body=b"",
        )

    def _read(self, endpoint: Endpoint[T], answer: _Answer) -> T:
        status = answer.status_code
        spec = endpoint.response_spec(status)
        if 200 <= status < 300:
            result: T = _read_body(endpoint, spec, answer)
            return result
        raise self._status_error(endpoint, spec, answer)

    def _status_error(
        self, endpoint: Endpoint[Any], spec: ResponseSpec | None, answer: _Answer
    ) -> errors.APIStatusError[Any]:
        content = answer.content
        body: Any
        try:
            body = msgspec.json.decode(content) if content else None
        except (msgspec.DecodeError, RecursionError):
            body = answer.text
        detail: Any = None
        if isinstance(spec, Json) and content:
            try:
                detail = spec.decode(content)
            except (msgspec.ValidationError, msgspec.DecodeError, RecursionError):
                detail = None
        return errors.status_error(
            status_code=answer.status_code,
            headers=answer.headers,
            body=body,
            detail=detail,
            method=endpoint.method,
            url=self._shown_url(endpoint, answer.url),
            operation_id=endpoint.operation_id,
            excerpt=excerpt(answer.text, self._scrub) if content else "",
        )

    def _shown_url(self, endpoint: Endpoint[Any], url: str) -> str:
        """The URL a request went to, as logs and errors show it: query credentials as
        `***`, no userinfo."""
        attach = self._auths.get(endpoint.auth)
        shown = getattr(attach, "shown_query", "")
        if shown:
            url += ("&" if "?" in url else "?") + shown
        return self._redacted(url)

    def _redacted(self, url: str) -> str:
        """A URL fit for logs and errors: no userinfo, query credentials as `***`."""
        url = _without_userinfo(url)
        if not self._secret_params or "?" not in url:
            return url
        head, _, query = url.partition("?")
        pairs = []
        for pair in query.split("&"):
            name = pair.split("=", 1)[0]
            pairs.append(f"{name}=***" if name in self._secret_params else pair)
        return head + "?" + "&".join(pairs)


class _Answer:
    """A response read whole. It keeps nothing of the request, whose headers held the
    credentials."""

    __slots__ = ("content", "elapsed", "headers", "http_version", "status_code", "url")

    def __init__(
        self,
        status_code: int,
        headers: httpx.Headers,
        content: bytes,
        url: str,
        http_version: str = "HTTP/1.1",
        elapsed: float = 0.0,
    ) -> None:
        self.status_code = status_code
        self.headers = headers
        self.content = content
        self.url = url
        self.http_version = http_version
        # Seconds from sending the request to the last byte of the body.
        self.elapsed = elapsed

    @property
    def text(self) -> str:
        charset = _charset(self.headers.get("content-type", "")) or "utf-8"
        try:
            return self.content.decode(charset, errors="replace")
        except LookupError:  # a charset Python does not know
            return self.content.decode("utf-8", errors="replace")


def _replayed(answer: _Answer) -> httpx.Response:
    """A response read whole, to be walked as a stream again (a raw twin's `parse()`)."""
    import httpx

    headers = [
        (name, value)
        for name, value in answer.headers.multi_items()
        if name.lower() not in ("content-encoding", "content-length")
    ]
    return httpx.Response(answer.status_code, headers=headers, content=answer.content)


class _Opened:
    """A success response whose body is left unread, to be streamed."""

    __slots__ = ("response", "url")

    def __init__(self, response: httpx.Response, url: str) -> None:
        self.response = response
        self.url = url


# Characters a cookie value may hold as they are (RFC 6265 cookie-octet, less `%`).
_COOKIE_SAFE = "!#$&'()*+-./:<=>?@[]^_`{|}~"
# The response size limit when none is given: 64 MiB, decompressed.
DEFAULT_MAX_RESPONSE_SIZE = 64 * 1024 * 1024


# Attributes holding views of a client, made on first use (see `with_options`).
_VIEWS = ("with_raw_response", "with_streaming_response")


def _merge_headers(headers: dict[str, str], extra: Mapping[str, str]) -> None:
    """Sets `extra` in `headers`, replacing any header of the same name in other case."""
    for name, value in extra.items():
        folded = name.lower()
        for present in [n for n in headers if n.lower() == folded]:
            del headers[present]
        headers[name] = _text(value)


def _server_url(servers: Mapping[str, str], server: str) -> str:
    try:
        return servers[server]
    except KeyError:
        known = ", ".join(sorted(servers)) or "none"
        raise ValueError(f"unknown server {server!r}; known servers: {known}") from None


def _check_size(limit: int | None) -> None:
    if limit is not None and (
        isinstance(limit, bool) or not isinstance(limit, int) or limit < 1
    ):
        raise ValueError(
            "max_response_size must be a number of bytes (1 or more) or None"
        )


def _budget(timeout: float | httpx.Timeout) -> float | None:
    """The time an attempt may take as a whole: a number of seconds. An `httpx.Timeout`
    sets httpx's limits for each operation and no budget."""
    if isinstance(timeout, (int, float)) and not isinstance(timeout, bool):
        return float(timeout)
    return None


def _given(
    access_token: str | None, credentials: Mapping[str, Credential | None] | None
) -> dict[str, Credential]:
    """The credentials the caller gave, by keyword; one that cannot be sent is refused
    here, naming the keyword and what is wrong, never the value."""
    given = {k: c for k, c in (credentials or {}).items() if c is not None}
    token = bearer(access_token)
    if token is not None:
        given[ACCESS_TOKEN] = token
    for keyword, credential in given.items():
        if credential.problem is not None:
            raise ValueError(f"{keyword} {credential.problem}")
    return given


def _wire_forms(credentials: Mapping[str, Credential], base_url: str) -> list[str]:
    """Each credential as it may show in a log line: as given, and as each encoding of
    it the request carries; and the userinfo of the base URL."""
    forms: list[str] = []
    for credential in credentials.values():
        value = credential.value.get()
        forms += [value, quote(value, safe=""), _quote(value)]
        forms.append(quote(value, safe=_COOKIE_SAFE))
        _, _, rest = value.partition(" ")
        if credential.name == "Authorization" and rest:
            forms.append(rest)
    userinfo = urlsplit(base_url).netloc.rpartition("@")[0]
    if userinfo:
        forms.append(userinfo)
    return forms


def _plain_http(base_url: str) -> bool:
    """Whether requests go over plain http:// to another machine than this one."""
    parts = urlsplit(base_url)
    if parts.scheme.lower() != "http":
        return False
    host = (parts.hostname or "").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return False
    import ipaddress  # only for http:// URLs: keeps imports quick

    try:
        return not ipaddress.ip_address(host).is_loopback
    except ValueError:
        return True


def user_agent() -> str:
    import httpx

    return f"feat-pagination/{__version__} python-httpx/{httpx.__version__}"


def retry_delay(attempt: int, headers: httpx.Headers | None) -> float:
    """Seconds to wait before retry number `attempt + 1`: the server's Retry-After (seconds
    or an HTTP date, capped), else exponential backoff from 0.5 s, capped at 8 s, less up
    to a quarter at random so that many clients do not retry in step."""
    if headers is not None:
        wait = _retry_after(headers)
        if wait is not None:
            return min(max(wait, 0.0), MAX_RETRY_AFTER)
    backoff = min(INITIAL_BACKOFF * 2.0**attempt, MAX_BACKOFF)
    return backoff * (1 - 0.25 * random.random())


def _retry_after(headers: httpx.Headers) -> float | None:
    millis = _seconds(headers.get("retry-after-ms"))
    if millis is not None:
        return millis / 1000
    value = headers.get("retry-after")
    if value is None:
        return None
    seconds = _seconds(value)
    if seconds is not None:
        return seconds
    import email.utils  # only for a Retry-After given as a date: keeps imports quick

    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=datetime.timezone.utc)
    wait: float = (when - datetime.datetime.now(datetime.timezone.utc)).total_seconds()
    return wait


def _seconds(text: str | None) -> float | None:
    """A number of seconds from a header, or None: `nan` and `inf` are no wait at all (an
    asyncio sleep of nan never ends)."""
    if text is None:
        return None
    try:
        value = float(text)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def _without_userinfo(url: str) -> str:
    """A URL fit for logs: credentials in it (`https://user:pass@host`) are dropped."""
    parts = urlsplit(url)
    if "@" not in parts.netloc:
        return url
    return urlunsplit(parts._replace(netloc=parts.netloc.rsplit("@", 1)[1]))


def stream_flag(body: Any, attr: str, value: bool) -> Any:
    """`body` with its boolean `stream` switch at `value`: the streaming twin of an
    operation sends `true`; its plain method turns a `true` into `false`, since it reads
    the other form. A body given as a mapping is copied with the key set likewise."""
    if isinstance(body, msgspec.Struct):
        current = getattr(body, attr, None)
        if value or current is True:
            return msgspec.structs.replace(body, **{attr: value})
        return body
    if isinstance(body, Mapping) and (value or body.get(attr) is True):
        return {**body, attr: value}
    return body


def _body_request(
    endpoint: Endpoint[Any],
    body: Any,
    encoding: str | None,
    content_type: str | None,
    headers: dict[str, str],
) -> dict[str, Any]:
    """The arguments of `httpx.Client.request` that carry the body (setting its
    Content-Type in `headers`): `content=`, or `files=` for a multipart form, which httpx
    streams. `content_type` picks one of the endpoint's `bodies` when it has several."""
    if encoding is None and content_type is not None and body is not None:
        encoding = endpoint.bodies.get(content_type)
        if encoding is None:
            known = ", ".join(endpoint.bodies)
            raise ValueError(
                f"{endpoint.operation_id}: cannot send {content_type!r} (known: {known})"
            )
    if encoding is None or body is None:
        return {"content": None}
    if encoding == "multipart":
        parts = multipart_parts(body, endpoint.parts)
        if parts:
            return {"files": parts}
        # httpx sends no form at all for no parts: an empty form, then.
        headers["Content-Type"] = f"multipart/form-data; boundary={_EMPTY_BOUNDARY}"
        return {"content": f"--{_EMPTY_BOUNDARY}--\r\n".encode()}
    content, headers["Content-Type"] = _encode_body(body, encoding, content_type)
    return {"content": content}


_EMPTY_BOUNDARY = "polar-codegen-empty-form"


def _encode_body(
    body: Any, encoding: str, content_type: str | None = None
) -> tuple[bytes, str]:
    """The bytes of a body and its Content-Type: the media type the spec names, else the
    encoding's own (a wildcard such as `image/*` names none)."""
    if content_type is not None and "*" in content_type:
        content_type = None
    if encoding == "json":
        return msgspec.json.encode(body), content_type or "application/json"
    if encoding == "form":
        data = msgspec.to_builtins(body) if isinstance(body, msgspec.Struct) else body
        form = encode_query(data, {}) if isinstance(data, Mapping) else ""
        return form.encode(), content_type or "application/x-www-form-urlencoded"
    if encoding == "text":
        media = content_type or "text/plain"
        charset = _charset(media)
        if charset is None:
            return str(body).encode(), media + "; charset=utf-8"
        return str(body).encode(charset), media
    return bytes(body), content_type or "application/octet-stream"


def _charset(media: str) -> str | None:
    for param in media.split(";")[1:]:
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            return value.strip().strip('"')
    return None


FilePart: TypeAlias = tuple[str | None, Any, str | None]


def multipart_parts(
    body: Any, content_types: Mapping[str, str]
) -> list[tuple[str, FilePart]]:
    """A multipart form's parts as httpx's `files=` takes them, in field order: files
    (bytes, binary file objects, `(filename, content[, content_type])` tuples) as file
    parts, objects as JSON, other values as text; an array is one part per item, all of
    one name, as OpenAPI's default encoding says. None and unset fields are left out.
    `content_types`: parts whose Encoding Object names a Content-Type."""
    if isinstance(body, msgspec.Struct):
        items = [
            (f.encode_name, getattr(body, f.name)) for f in msgspec.structs.fields(body)
        ]
    elif isinstance(body, Mapping):
        items = [(str(k), v) for k, v in body.items()]
    else:
        raise TypeError(
            f"a multipart body is a model or a mapping, not {type(body).__name__}"
        )
    parts: list[tuple[str, FilePart]] = []
    for name, value in items:
        if value is None or value is msgspec.UNSET:
            continue
        for item in value if isinstance(value, list) else [value]:
            parts.append((name, _part(name, item, content_types.get(name))))
    return parts


def _part(name: str, value: Any, content_type: str | None) -> FilePart:
    if _is_file_tuple(value):
        filename, content = value[0], value[1]
        given = value[2] if len(value) > 2 else None
        return (filename or name, content, given or content_type or _OCTETS)
    if isinstance(value, (bytes, bytearray, memoryview)):
        return (name, bytes(value), content_type or _OCTETS)
    if hasattr(value, "read"):
        filename = getattr(value, "name", None)
        shown = os.path.basename(filename) if isinstance(filename, str) else name
        return (shown or name, value, content_type or _OCTETS)
    if isinstance(value, (msgspec.Struct, Mapping, list, tuple)):
        return (None, msgspec.json.encode(value), content_type or "application/json")
    return (None, _text(value), content_type)


_OCTETS = "application/octet-stream"


def _is_file_tuple(value: Any) -> bool:
    return (
        isinstance(value, tuple)
        and len(value) in (2, 3)
        and (value[0] is None or isinstance(value[0], str))
        and (isinstance(value[1], (bytes, bytearray)) or hasattr(value[1], "read"))
    )


def _read_body(
    endpoint: Endpoint[Any], spec: ResponseSpec | None, answer: _Answer
) -> Any:
    if answer.status_code in NO_CONTENT_STATUSES:
        return None
    if isinstance(spec, Json):
        content = answer.content
        try:
            return spec.decode(content)
        except (msgspec.ValidationError, msgspec.DecodeError) as exc:
            raise errors.DecodeError.from_msgspec(
                exc, endpoint.operation_id, content, spec.type
            ) from None
        except RecursionError:
            # JSON nested deeper than the decoder goes: bad input, never a crash.
            too_deep = msgspec.DecodeError("nested deeper than this client decodes")
            raise errors.DecodeError.from_msgspec(
                too_deep, endpoint.operation_id, content, spec.type
            ) from None
    if spec is TEXT:
        return answer.text
    if spec is BINARY:
        return answer.content
    return None


# Successes HTTP sends without content (RFC 9110), whatever a spec documents for them.
NO_CONTENT_STATUSES = frozenset({204, 205})


# How much of an error body `str(error)` shows, in characters.
EXCERPT_LENGTH = 200
_EXCERPT_WINDOW = 4096


def excerpt(text: str, scrub: Callable[[str], str] | None) -> str:
    """The start of a body on one line: whitespace runs as one space, characters that
    are not printable dropped, credentials as `***`; empty for a binary body."""
    # The window is scrubbed a little past where it is cut, so that no part of a secret
    # that straddles the cut is left.
    window = text[: _EXCERPT_WINDOW + 256]
    if "\ufffd" in window:
        return ""
    if scrub is not None:
        window = scrub(window)
    words = " ".join(window[:_EXCERPT_WINDOW].split())
    flat = "".join(c for c in words if c.isprintable())
    if len(flat) <= EXCERPT_LENGTH:
        return flat
    return flat[: EXCERPT_LENGTH - 1] + "\u2026"


def _request_error(
    exc: httpx.RequestError, endpoint: Endpoint[Any], attempts: int
) -> errors.APIError:
    """Our exception for httpx's. It is made while httpx's is being handled but raised
    after: httpx's holds the request, which held the credentials, and must not become
    its `__context__`."""
    import httpx

    name = endpoint.operation_id
    if isinstance(exc, httpx.DecodingError):
        return errors.DecodeError(
            f"{name}: the response body could not be decompressed ({exc})",
            operation_id=name,
            path=None,
            body=b"",
        )
    tries = f" after {attempts} attempts" if attempts > 1 else ""
    if isinstance(exc, httpx.TimeoutException):
        return errors.APITimeoutError(f"{name}: request timed out{tries}")
    return errors.APIConnectionError(
        f"{name}: connection failed{tries} ({type(exc).__name__}: {exc})"
    )


def _retryable(
    outcome: _Answer | _Opened | errors.APIError, attempt: int, retries: int
) -> bool:
    if attempt >= retries or isinstance(outcome, _Opened):
        return False
    if isinstance(outcome, _Answer):
        return outcome.status_code in RETRY_STATUSES
    return isinstance(outcome, errors.APIConnectionError)


async def _sleep(seconds: float) -> None:
    # asyncio is imported on first use: blocking-only programs never pay for it.
    import asyncio

    await asyncio.sleep(seconds)


class SyncAPIClient(_Core):
    """The blocking client's plumbing: one pooled `httpx.Client`."""

    def __init__(
        self,
        *,
        access_token: str | None = None,
        credentials: Mapping[str, Credential | None] | None = None,
        base_url: str,
        timeout: float | httpx.Timeout,
        max_retries: int,
        max_response_size: int | None = DEFAULT_MAX_RESPONSE_SIZE,
        headers: Mapping[str, str] | None,
        http_client: httpx.Client | None,
        servers: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(
            access_token=access_token,
            credentials=credentials,
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            max_response_size=max_response_size,
            headers=headers,
            servers=servers,
        )
        import httpx

        self._owns_http = http_client is None
        if http_client is None:
            http_client = httpx.Client(timeout=timeout)
            _transfer.budgeted(http_client)
        self._http = http_client

    def _request(
        self,
        endpoint: Endpoint[T],
        *,
        path: Mapping[str, Any] | None = None,
        query: Mapping[str, Any] | None = None,
        headers: Mapping[str, Any] | None = None,
        body: Any = None,
        body_encoding: str | None = None,
        content_type: str | None = None,
        options: RequestOptions | None = None,
    ) -> T:
        streamed = WANTS_STREAM.get()
        outcome = self._exchange(
            endpoint,
            self._build(
                endpoint, path, query, headers, body, body_encoding, content_type
            ),
            options,
            keep_open=streamed,
        )
        if isinstance(outcome, _Opened):
            return self._streamed(endpoint, outcome)  # type: ignore[return-value]
        if WANTS_RAW.get() and not streamed:
            return self._raw(endpoint, outcome)  # type: ignore[return-value]
        return self._read(endpoint, outcome)

    def _stream(
        self,
        endpoint: Endpoint[T],
        *,
        path: Mapping[str, Any] | None = None,
        query: Mapping[str, Any] | None = None,
        headers: Mapping[str, Any] | None = None,
        body: Any = None,
        body_encoding: str | None = None,
        content_type: str | None = None,
        options: RequestOptions | None = None,
    ) -> Stream[T]:
        """An operation whose success is an event stream: its events as they arrive."""
        raw = WANTS_RAW.get() and not WANTS_STREAM.get()
        outcome = self._exchange(
            endpoint,
            self._build(
                endpoint, path, query, headers, body, body_encoding, content_type
            ),
            options,
            keep_open=not raw,
        )
        if isinstance(outcome, _Answer):
            if raw:
                return self._raw(endpoint, outcome)  # type: ignore[return-value]
            self._read(endpoint, outcome)  # an error status: raises
        assert isinstance(outcome, _Opened)
        if WANTS_STREAM.get():
            return self._streamed(endpoint, outcome)  # type: ignore[return-value]
        wrong = not_an_event_stream(endpoint.operation_id, outcome.response.headers)
        if wrong is not None:
            outcome.response.close()
            raise wrong
        return self._events(endpoint, outcome.response, outcome.url)

    def _exchange(
        self,
        endpoint: Endpoint[Any],
        request: dict[str, Any],
        options: RequestOptions | None,
        *,
        keep_open: bool,
    ) -> _Answer | _Opened:
        """The attempts of one call, retried as the endpoint and the options allow."""
        auth = self._auth(endpoint)
        if options:
            retries, budget = self._per_call(endpoint, request, options)
        else:
            retries, budget = self._retries_for(endpoint), self._budget
        attempt = 0
        while True:
            outcome = self._attempt(
                endpoint, request, auth, attempt, budget, keep_open=keep_open
            )
            if _retryable(outcome, attempt, retries):
                headers = outcome.headers if isinstance(outcome, _Answer) else None
                time.sleep(retry_delay(attempt, headers))
                attempt += 1
                continue
            if isinstance(outcome, errors.APIError):
                raise outcome
            return outcome

    def _events(
        self, endpoint: Endpoint[T], response: httpx.Response, url: str
    ) -> Stream[T]:
        spec = endpoint.response_spec(response.status_code)
        decode = (
            spec.decoder(endpoint.operation_id) if isinstance(spec, Events) else None
        )
        return Stream(
            response, endpoint.operation_id, self._shown_url(endpoint, url), decode
        )

    def _streamed(self, endpoint: Endpoint[T], opened: _Opened) -> StreamedResponse[T]:
        """A success handed over unread (`with_streaming_response`)."""
        response = opened.response
        spec = endpoint.response_spec(response.status_code)
        url = self._shown_url(endpoint, opened.url)

        def parse(streamed: StreamedResponse[T]) -> T:
            if isinstance(spec, Events):
                return self._events(endpoint, response, opened.url)  # type: ignore[return-value]
            content = streamed.read()
            answer = _Answer(
                response.status_code, response.headers, content, opened.url
            )
            result: T = _read_body(endpoint, spec, answer)
            return result

        return StreamedResponse(response, endpoint.operation_id, url, parse)

    def _attempt(
        self,
        endpoint: Endpoint[Any],
        request: dict[str, Any],
        auth: httpx.Auth | None,
        attempt: int,
        budget: float | None,
        *,
        keep_open: bool = False,
    ) -> _Answer | _Opened | errors.APIError:
        """One exchange, within the time budget, the body read whole under the size limit
        (`keep_open`: a success is handed back unread, the budget spent on its headers).
        Returns the error instead of raising it: the error leaves no frame of ours that
        holds the response."""
        import httpx  # already loaded by the constructor: a dictionary lookup

        started = time.monotonic()
        deadline = None if budget is None else started + budget
        token = _transfer.ATTEMPT.set((deadline, self._scrub))
        http = self._http
        try:
            response = http.send(
                http.build_request(**request),
                auth=httpx.USE_CLIENT_DEFAULT if auth is None else auth,
                stream=True,
            )
            if keep_open and 200 <= response.status_code < 300:
                status = str(response.status_code)
                self._log(endpoint, request["url"], status, started, attempt)
                return _Opened(response, request["url"])
            try:
                body = _transfer.read(response, self.max_response_size)
            finally:
                response.close()
        except httpx.RequestError as exc:
            self._log(endpoint, request["url"], type(exc).__name__, started, attempt)
            return _request_error(exc, endpoint, attempt + 1)
        finally:
            _transfer.ATTEMPT.reset(token)
        self._log(endpoint, request["url"], str(response.status_code), started, attempt)
        return self._answer(
            endpoint, request["url"], response, body, attempt + 1, started
        )

    def close(self) -> None:
        """Close the connection pool (not one passed in as `http_client`)."""
        if self._owns_http:
            self._http.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


class AsyncAPIClient(_Core):
    """The asyncio client's plumbing: one pooled `httpx.AsyncClient`."""

    def __init__(
        self,
        *,
        access_token: str | None = None,
        credentials: Mapping[str, Credential | None] | None = None,
        base_url: str,
        timeout: float | httpx.Timeout,
        max_retries: int,
        max_response_size: int | None = DEFAULT_MAX_RESPONSE_SIZE,
        headers: Mapping[str, str] | None,
        http_client: httpx.AsyncClient | None,
        servers: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(
            access_token=access_token,
            credentials=credentials,
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            max_response_size=max_response_size,
            headers=headers,
            servers=servers,
        )
        import httpx

        self._owns_http = http_client is None
        if http_client is None:
            http_client = httpx.AsyncClient(timeout=timeout)
            _transfer.budgeted(http_client)
        self._http = http_client

    async def _request(
        self,
        endpoint: Endpoint[T],
        *,
        path: Mapping[str, Any] | None = None,
        query: Mapping[str, Any] | None = None,
        headers: Mapping[str, Any] | None = None,
        body: Any = None,
        body_encoding: str | None = None,
        content_type: str | None = None,
        options: RequestOptions | None = None,
    ) -> T:
        streamed = WANTS_STREAM.get()
        outcome = await self._exchange(
            endpoint,
            self._build(
                endpoint, path, query, headers, body, body_encoding, content_type
            ),
            options,
            keep_open=streamed,
        )
        if isinstance(outcome, _Opened):
            return self._streamed(endpoint, outcome)  # type: ignore[return-value]
        if WANTS_RAW.get() and not streamed:
            return self._raw(endpoint, outcome)  # type: ignore[return-value]
        return self._read(endpoint, outcome)

    async def _stream(
        self,
        endpoint: Endpoint[T],
        *,
        path: Mapping[str, Any] | None = None,
        query: Mapping[str, Any] | None = None,
        headers: Mapping[str, Any] | None = None,
        body: Any = None,
        body_encoding: str | None = None,
        content_type: str | None = None,
        options: RequestOptions | None = None,
    ) -> AsyncStream[T]:
        """An operation whose success is an event stream: its events as they arrive."""
        raw = WANTS_RAW.get() and not WANTS_STREAM.get()
        outcome = await self._exchange(
            endpoint,
            self._build(
                endpoint, path, query, headers, body, body_encoding, content_type
            ),
            options,
            keep_open=not raw,
        )
        if isinstance(outcome, _Answer):
            if raw:
                return self._raw(endpoint, outcome)  # type: ignore[return-value]
            self._read(endpoint, outcome)  # an error status: raises
        assert isinstance(outcome, _Opened)
        if WANTS_STREAM.get():
            return self._streamed(endpoint, outcome)  # type: ignore[return-value]
        wrong = not_an_event_stream(endpoint.operation_id, outcome.response.headers)
        if wrong is not None:
            await outcome.response.aclose()
            raise wrong
        return self._events(endpoint, outcome.response, outcome.url)

    async def _exchange(
        self,
        endpoint: Endpoint[Any],
        request: dict[str, Any],
        options: RequestOptions | None,
        *,
        keep_open: bool,
    ) -> _Answer | _Opened:
        """The attempts of one call, retried as the endpoint and the options allow."""
        auth = self._auth(endpoint)
        if options:
            retries, budget = self._per_call(endpoint, request, options)
        else:
            retries, budget = self._retries_for(endpoint), self._budget
        attempt = 0
        while True:
            outcome = await self._attempt(
                endpoint, request, auth, attempt, budget, keep_open=keep_open
            )
            if _retryable(outcome, attempt, retries):
                headers = outcome.headers if isinstance(outcome, _Answer) else None
                await _sleep(retry_delay(attempt, headers))
                attempt += 1
                continue
            if isinstance(outcome, errors.APIError):
                raise outcome
            return outcome

    def _events(
        self, endpoint: Endpoint[T], response: httpx.Response, url: str
    ) -> AsyncStream[T]:
        spec = endpoint.response_spec(response.status_code)
        decode = (
            spec.decoder(endpoint.operation_id) if isinstance(spec, Events) else None
        )
        return AsyncStream(
            response, endpoint.operation_id, self._shown_url(endpoint, url), decode
        )

    def _streamed(
        self, endpoint: Endpoint[T], opened: _Opened
    ) -> AsyncStreamedResponse[T]:
        """A success handed over unread (`with_streaming_response`)."""
        response = opened.response
        spec = endpoint.response_spec(response.status_code)
        url = self._shown_url(endpoint, opened.url)

        async def parse(streamed: AsyncStreamedResponse[T]) -> T:
            if isinstance(spec, Events):
                return self._events(endpoint, response, opened.url)  # type: ignore[return-value]
            content = await streamed.read()
            answer = _Answer(
                response.status_code, response.headers, content, opened.url
            )
            result: T = _read_body(endpoint, spec, answer)
            return result

        return AsyncStreamedResponse(response, endpoint.operation_id, url, parse)

    async def _attempt(
        self,
        endpoint: Endpoint[Any],
        request: dict[str, Any],
        auth: httpx.Auth | None,
        attempt: int,
        budget: float | None,
        *,
        keep_open: bool = False,
    ) -> _Answer | _Opened | errors.APIError:
        """The asyncio twin of `SyncAPIClient._attempt`."""
        import httpx  # already loaded by the constructor: a dictionary lookup

        started = time.monotonic()
        deadline = None if budget is None else started + budget
        token = _transfer.ATTEMPT.set((deadline, self._scrub))
        http = self._http
        try:
            response = await http.send(
                http.build_request(**request),
                auth=httpx.USE_CLIENT_DEFAULT if auth is None else auth,
                stream=True,
            )
            if keep_open and 200 <= response.status_code < 300:
                status = str(response.status_code)
                self._log(endpoint, request["url"], status, started, attempt)
                return _Opened(response, request["url"])
            try:
                body = await _transfer.aread(response, self.max_response_size)
            finally:
                await response.aclose()
        except httpx.RequestError as exc:
            self._log(endpoint, request["url"], type(exc).__name__, started, attempt)
            return _request_error(exc, endpoint, attempt + 1)
        finally:
            _transfer.ATTEMPT.reset(token)
        self._log(endpoint, request["url"], str(response.status_code), started, attempt)
        return self._answer(
            endpoint, request["url"], response, body, attempt + 1, started
        )

    async def close(self) -> None:
        """Close the connection pool (not one passed in as `http_client`)."""
        if self._owns_http:
            await self._http.aclose()

    async def aclose(self) -> None:
        await self.close()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.close()


__all__ = [
    "BINARY",
    "DEFAULT_MAX_RESPONSE_SIZE",
    "DEFAULT_MAX_RETRIES",
    "DEFAULT_TIMEOUT",
    "NOT_GIVEN",
    "NO_CONTENT",
    "TEXT",
    "AsyncAPIClient",
    "AsyncStream",
    "AsyncStreamedResponse",
    "Credential",
    "Endpoint",
    "Events",
    "FileInput",
    "Json",
    "Secret",
    "Stream",
    "StreamedResponse",
    "SyncAPIClient",
    "api_key",
    "basic",
    "bearer",
    "cookie_header",
    "retry_delay",
    "stream_flag",
    "user_agent",
]
