"""Hostile \"\"\" API \\ {{ x }} {% y %} é' clients: `Client` for blocking code, `AsyncClient` for asyncio."""

from __future__ import annotations

import builtins
import datetime
import functools
import sys
from collections.abc import Mapping
from typing import TYPE_CHECKING, Literal

from . import _base, _raw_response, _streaming, models
from ._base import (
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

Server = Literal["quotes"]
"""A server the spec declares; pass `base_url=` for any other."""

SERVERS: dict[str, str] = {
    "quotes": "https://hostile.example.com",
}

_CLASS_IMPORT = Endpoint[models.Thing](
    "GET",
    "/v1/things/{class}/{2fa-id}",
    operation_id="class:import",
    responses={200: Json(models.Thing), 404: Json(models.Errors)},
    auth=False,
)

_CLASS_INIT = Endpoint[models.Thing](
    "POST",
    "/v1/things/{class}/{2fa-id}",
    operation_id="class:__init__",
    responses={201: Json(models.Thing)},
    auth=False,
)

_LIST_MODELS = Endpoint[models.Client](
    "GET",
    "/v1/models",
    operation_id="list-models",
    responses={200: Json(models.Client)},
    auth=False,
)

_ERRORS = Endpoint[models.AsyncClient](
    "GET",
    "/v1/errors",
    operation_id="errors",
    responses={200: Json(models.AsyncClient)},
    auth=False,
)

_JSON = Endpoint[models.Json](
    "GET",
    "/v1/json",
    operation_id="Json",
    responses={200: Json(models.Json)},
    auth=False,
)

_ENDPOINT = Endpoint[models.Endpoint](
    "GET",
    "/v1/endpoint",
    operation_id="Endpoint",
    responses={200: Json(models.Endpoint)},
    auth=False,
)

_MSGSPEC = Endpoint[models.Msgspec](
    "GET",
    "/v1/msgspec",
    operation_id="msgspec",
    responses={200: Json(models.Msgspec)},
    auth=False,
)

_PRINT = Endpoint[list[models.Schema2fa]](
    "GET",
    "/v1/print",
    operation_id="print",
    responses={200: Json(list[models.Schema2fa])},
    auth=False,
)

_PASS = Endpoint[None](
    "DELETE",
    "/v1/pass",
    operation_id="pass",
    responses={204: NO_CONTENT},
    auth=False,
)

_OBJECT = Endpoint[models.Builtins](
    "GET",
    "/v1/builtins",
    operation_id="object",
    responses={200: Json(models.Builtins)},
    auth=False,
)

_PETS_LIST = Endpoint[list[models.Pet]](
    "GET",
    "/v1/pets",
    operation_id="pets:list",
    responses={200: Json(list[models.Pet])},
    auth=False,
)

_OP_2FA_VERIFY = Endpoint[None](
    "POST",
    "/v1/2fa",
    operation_id="2fa-verify",
    responses={204: NO_CONTENT},
    auth=False,
)

_RECUPERER = Endpoint[models.Schema2WeirdName](
    "GET",
    "/v1/unicode",
    operation_id="récupérer",
    responses={200: Json(models.Schema2WeirdName)},
    auth=False,
)

_U83B7_U53D6 = Endpoint[models.MySchemaV1Beta](
    "GET",
    "/v1/cjk",
    operation_id="获取",
    responses={200: Json(models.MySchemaV1Beta)},
    auth=False,
)

_CLASS = Endpoint[models.Init](
    "GET",
    "/v1/dunder",
    operation_id="__class__",
    responses={200: Json(models.Init)},
    auth=False,
)


def _base_url(server: str, base_url: str | None) -> str:
    if base_url is not None:
        return base_url
    try:
        return SERVERS[server]
    except KeyError:
        known = ", ".join(sorted(SERVERS))
        raise ValueError(f"unknown server {server!r}; known servers: {known}") from None


class ClassResource:
    """
    Quotes \"\"\" and ''' and a lone " at the end", back\\slash \\n \\x00 \\u0041 \\, {{ jinja }} {% tag %} {# comment #}, NUL\x00 CR
     LS\u2028 PS\u2029 NEL\x85 DEL\x7f BOM\ufeff tab    , é 名前 🎉
    """

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client

    def import_(
        self,
        class_: str,
        param_2fa_id: int,
        *,
        self_: bool | None = None,
        class_query: str = 'Quotes """ and \'\'\' and a lone " at the end", back\\slash \\n \\x00 \\u0041 \\, {{ jinja }} {% tag %} {# comment #}, NUL\x00 CR\r LS\u2028 PS\u2029 NEL\x85 DEL\x7f BOM\ufeff tab\t, é 名前 🎉',
        from_: int | None = None,
        models: str | None = None,
        datetime: datetime.date | None = None,
        msgspec: str | None = None,
        httpx: str | None = None,
        init: str | None = None,
        e: str | None = None,
        a_b_c_d: str | None = None,
        body: str | None = None,
        x_request_id: str | None = None,
        lambda_: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> models.Thing:
        """Quotes \"\"\" and ''' and a lone " at the end", back\\slash \\n \\x00 \\u0041 \\, {{ jinja }} {% tag %} {# comment #}, NUL\x00 CR
         LS\u2028 PS\u2029 NEL\x85 DEL\x7f BOM\ufeff tab    , é 名前 🎉

        long xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx

        Args:
            class_: Quotes \"\"\" and ''' and a lone " at the end", back\\slash \\n \\x00 \\u0041 \\, {{ jinja }} {% tag %} {# comment #}, NUL\x00 CR LS PS NEL DEL\x7f BOM\ufeff tab , é 名前 🎉
            self_: Quotes \"\"\" and ''' and a lone " at the end", back\\slash \\n \\x00 \\u0041 \\, {{ jinja }} {% tag %} {# comment #}, NUL\x00 CR LS PS NEL DEL\x7f BOM\ufeff tab , é 名前 🎉

        Raises:
            NotFoundError: Quotes \"\"\" and ''' and a lone " at the end", back\\slash \\n \\x00 \\u0041 \\, {{ jinja }} {% tag %} {# comment #}, NUL\x00 CR LS PS NEL DEL\x7f BOM\ufeff tab , é 名前 🎉 (HTTP 404).
        """
        return self._client._request(
            _CLASS_IMPORT,
            path={"class": class_, "2fa-id": param_2fa_id},
            query={
                "self": self_,
                "class": class_query,
                "from": from_,
                "models": models,
                "datetime": datetime,
                "msgspec": msgspec,
                "httpx": httpx,
                "__init__": init,
                "é": e,
                "a.b c-d": a_b_c_d,
                "body": body,
            },
            headers={
                "X-Request-ID": x_request_id,
                "Cookie": _base.cookie_header([("lambda", lambda_)]),
            },
            options=options,
        )

    def init(
        self,
        class_: str,
        param_2fa_id: int,
        *,
        body: models.Thing,
        body_query: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> models.Thing:
        """
        Args:
            class_: Quotes \"\"\" and ''' and a lone " at the end", back\\slash \\n \\x00 \\u0041 \\, {{ jinja }} {% tag %} {# comment #}, NUL\x00 CR LS PS NEL DEL\x7f BOM\ufeff tab , é 名前 🎉
            body: Quotes \"\"\" and ''' and a lone " at the end", back\\slash \\n \\x00 \\u0041 \\, {{ jinja }} {% tag %} {# comment #}, NUL\x00 CR LS PS NEL DEL\x7f BOM\ufeff tab , é 名前 🎉
        """
        return self._client._request(
            _CLASS_INIT,
            path={"class": class_, "2fa-id": param_2fa_id},
            query={"body": body_query},
            body=body,
            body_encoding="json",
            options=options,
        )


class ClassResourceWithRawResponse:
    """The operations under `class_`, each returning a `RawResponse`."""

    def __init__(self, resource: ClassResource) -> None:
        self.import_ = _raw_response.raw(resource.import_)
        self.init = _raw_response.raw(resource.init)


class ClassResourceWithStreamingResponse:
    """The operations under `class_`, each opening a `StreamedResponse` for `with`."""

    def __init__(self, resource: ClassResource) -> None:
        self.import_ = _streaming.streaming(resource.import_)
        self.init = _streaming.streaming(resource.init)


class PetsResource:
    """Operations under `pets`."""

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client

    def list(self, **options: Unpack[RequestOptions]) -> builtins.list[models.Pet]:
        """pets:list."""
        return self._client._request(_PETS_LIST, options=options)


class PetsResourceWithRawResponse:
    """The operations under `pets`, each returning a `RawResponse`."""

    def __init__(self, resource: PetsResource) -> None:
        self.list = _raw_response.raw(resource.list)


class PetsResourceWithStreamingResponse:
    """The operations under `pets`, each opening a `StreamedResponse` for `with`."""

    def __init__(self, resource: PetsResource) -> None:
        self.list = _streaming.streaming(resource.list)


class Client(SyncAPIClient):
    """Client for Hostile \"\"\" API \\ {{ x }} {% y %} é'.

    Args:
        server: One of the servers the spec declares: `quotes` (https://hostile.example.com).
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
        server: Server = "quotes",
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
        self.class_ = ClassResource(self)
        self.pets = PetsResource(self)

    def class__(self, **options: Unpack[RequestOptions]) -> models.Init:
        """__class__."""
        return self._request(_CLASS, options=options)

    def endpoint(self, **options: Unpack[RequestOptions]) -> models.Endpoint:
        """Endpoint."""
        return self._request(_ENDPOINT, options=options)

    def errors(self, **options: Unpack[RequestOptions]) -> models.AsyncClient:
        """errors."""
        return self._request(_ERRORS, options=options)

    def json(self, **options: Unpack[RequestOptions]) -> models.Json:
        """Json."""
        return self._request(_JSON, options=options)

    def list_models(self, **options: Unpack[RequestOptions]) -> models.Client:
        """A method named like the module of models."""
        return self._request(_LIST_MODELS, options=options)

    def msgspec(self, **options: Unpack[RequestOptions]) -> models.Msgspec:
        """msgspec."""
        return self._request(_MSGSPEC, options=options)

    def object(self, **options: Unpack[RequestOptions]) -> models.Builtins:
        """object."""
        return self._request(_OBJECT, options=options)

    def op_2fa_verify(self, **options: Unpack[RequestOptions]) -> None:
        """2fa-verify."""
        return self._request(_OP_2FA_VERIFY, options=options)

    def pass_(
        self, *, type: str, id: int | None = None, **options: Unpack[RequestOptions]
    ) -> None:
        """pass."""
        return self._request(
            _PASS, query={"type": type}, headers={"id": id}, options=options
        )

    def print(
        self, *, list: list[str] | None = None, **options: Unpack[RequestOptions]
    ) -> list[models.Schema2fa]:
        """print."""
        return self._request(_PRINT, query={"list": list}, options=options)

    def recuperer(self, **options: Unpack[RequestOptions]) -> models.Schema2WeirdName:
        """récupérer."""
        return self._request(_RECUPERER, options=options)

    def u83b7_u53d6(self, **options: Unpack[RequestOptions]) -> models.MySchemaV1Beta:
        """获取."""
        return self._request(_U83B7_U53D6, options=options)


class ClientWithRawResponse:
    """The operations, each returning a `RawResponse`."""

    def __init__(self, resource: Client) -> None:
        self.class_ = ClassResourceWithRawResponse(resource.class_)
        self.pets = PetsResourceWithRawResponse(resource.pets)
        self.class__ = _raw_response.raw(resource.class__)
        self.endpoint = _raw_response.raw(resource.endpoint)
        self.errors = _raw_response.raw(resource.errors)
        self.json = _raw_response.raw(resource.json)
        self.list_models = _raw_response.raw(resource.list_models)
        self.msgspec = _raw_response.raw(resource.msgspec)
        self.object = _raw_response.raw(resource.object)
        self.op_2fa_verify = _raw_response.raw(resource.op_2fa_verify)
        self.pass_ = _raw_response.raw(resource.pass_)
        self.print = _raw_response.raw(resource.print)
        self.recuperer = _raw_response.raw(resource.recuperer)
        self.u83b7_u53d6 = _raw_response.raw(resource.u83b7_u53d6)


class ClientWithStreamingResponse:
    """The operations, each opening a `StreamedResponse` for `with`."""

    def __init__(self, resource: Client) -> None:
        self.class_ = ClassResourceWithStreamingResponse(resource.class_)
        self.pets = PetsResourceWithStreamingResponse(resource.pets)
        self.class__ = _streaming.streaming(resource.class__)
        self.endpoint = _streaming.streaming(resource.endpoint)
        self.errors = _streaming.streaming(resource.errors)
        self.json = _streaming.streaming(resource.json)
        self.list_models = _streaming.streaming(resource.list_models)
        self.msgspec = _streaming.streaming(resource.msgspec)
        self.object = _streaming.streaming(resource.object)
        self.op_2fa_verify = _streaming.streaming(resource.op_2fa_verify)
        self.pass_ = _streaming.streaming(resource.pass_)
        self.print = _streaming.streaming(resource.print)
        self.recuperer = _streaming.streaming(resource.recuperer)
        self.u83b7_u53d6 = _streaming.streaming(resource.u83b7_u53d6)


class AsyncClassResource:
    """
    Quotes \"\"\" and ''' and a lone " at the end", back\\slash \\n \\x00 \\u0041 \\, {{ jinja }} {% tag %} {# comment #}, NUL\x00 CR
     LS\u2028 PS\u2029 NEL\x85 DEL\x7f BOM\ufeff tab    , é 名前 🎉
    """

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

    async def import_(
        self,
        class_: str,
        param_2fa_id: int,
        *,
        self_: bool | None = None,
        class_query: str = 'Quotes """ and \'\'\' and a lone " at the end", back\\slash \\n \\x00 \\u0041 \\, {{ jinja }} {% tag %} {# comment #}, NUL\x00 CR\r LS\u2028 PS\u2029 NEL\x85 DEL\x7f BOM\ufeff tab\t, é 名前 🎉',
        from_: int | None = None,
        models: str | None = None,
        datetime: datetime.date | None = None,
        msgspec: str | None = None,
        httpx: str | None = None,
        init: str | None = None,
        e: str | None = None,
        a_b_c_d: str | None = None,
        body: str | None = None,
        x_request_id: str | None = None,
        lambda_: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> models.Thing:
        """Quotes \"\"\" and ''' and a lone " at the end", back\\slash \\n \\x00 \\u0041 \\, {{ jinja }} {% tag %} {# comment #}, NUL\x00 CR
         LS\u2028 PS\u2029 NEL\x85 DEL\x7f BOM\ufeff tab    , é 名前 🎉

        long xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx

        Args:
            class_: Quotes \"\"\" and ''' and a lone " at the end", back\\slash \\n \\x00 \\u0041 \\, {{ jinja }} {% tag %} {# comment #}, NUL\x00 CR LS PS NEL DEL\x7f BOM\ufeff tab , é 名前 🎉
            self_: Quotes \"\"\" and ''' and a lone " at the end", back\\slash \\n \\x00 \\u0041 \\, {{ jinja }} {% tag %} {# comment #}, NUL\x00 CR LS PS NEL DEL\x7f BOM\ufeff tab , é 名前 🎉

        Raises:
            NotFoundError: Quotes \"\"\" and ''' and a lone " at the end", back\\slash \\n \\x00 \\u0041 \\, {{ jinja }} {% tag %} {# comment #}, NUL\x00 CR LS PS NEL DEL\x7f BOM\ufeff tab , é 名前 🎉 (HTTP 404).
        """
        return await self._client._request(
            _CLASS_IMPORT,
            path={"class": class_, "2fa-id": param_2fa_id},
            query={
                "self": self_,
                "class": class_query,
                "from": from_,
                "models": models,
                "datetime": datetime,
                "msgspec": msgspec,
                "httpx": httpx,
                "__init__": init,
                "é": e,
                "a.b c-d": a_b_c_d,
                "body": body,
            },
            headers={
                "X-Request-ID": x_request_id,
                "Cookie": _base.cookie_header([("lambda", lambda_)]),
            },
            options=options,
        )

    async def init(
        self,
        class_: str,
        param_2fa_id: int,
        *,
        body: models.Thing,
        body_query: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> models.Thing:
        """
        Args:
            class_: Quotes \"\"\" and ''' and a lone " at the end", back\\slash \\n \\x00 \\u0041 \\, {{ jinja }} {% tag %} {# comment #}, NUL\x00 CR LS PS NEL DEL\x7f BOM\ufeff tab , é 名前 🎉
            body: Quotes \"\"\" and ''' and a lone " at the end", back\\slash \\n \\x00 \\u0041 \\, {{ jinja }} {% tag %} {# comment #}, NUL\x00 CR LS PS NEL DEL\x7f BOM\ufeff tab , é 名前 🎉
        """
        return await self._client._request(
            _CLASS_INIT,
            path={"class": class_, "2fa-id": param_2fa_id},
            query={"body": body_query},
            body=body,
            body_encoding="json",
            options=options,
        )


class AsyncClassResourceWithRawResponse:
    """The operations under `class_`, each returning a `RawResponse`."""

    def __init__(self, resource: AsyncClassResource) -> None:
        self.import_ = _raw_response.async_raw(resource.import_)
        self.init = _raw_response.async_raw(resource.init)


class AsyncClassResourceWithStreamingResponse:
    """The operations under `class_`, each opening a `StreamedResponse` for `with`."""

    def __init__(self, resource: AsyncClassResource) -> None:
        self.import_ = _streaming.async_streaming(resource.import_)
        self.init = _streaming.async_streaming(resource.init)


class AsyncPetsResource:
    """Operations under `pets`."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

    async def list(
        self, **options: Unpack[RequestOptions]
    ) -> builtins.list[models.Pet]:
        """pets:list."""
        return await self._client._request(_PETS_LIST, options=options)


class AsyncPetsResourceWithRawResponse:
    """The operations under `pets`, each returning a `RawResponse`."""

    def __init__(self, resource: AsyncPetsResource) -> None:
        self.list = _raw_response.async_raw(resource.list)


class AsyncPetsResourceWithStreamingResponse:
    """The operations under `pets`, each opening a `StreamedResponse` for `with`."""

    def __init__(self, resource: AsyncPetsResource) -> None:
        self.list = _streaming.async_streaming(resource.list)


class AsyncClient(AsyncAPIClient):
    """Asyncio client for Hostile \"\"\" API \\ {{ x }} {% y %} é'.

    Args:
        server: One of the servers the spec declares: `quotes` (https://hostile.example.com).
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
        server: Server = "quotes",
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
        self.class_ = AsyncClassResource(self)
        self.pets = AsyncPetsResource(self)

    async def class__(self, **options: Unpack[RequestOptions]) -> models.Init:
        """__class__."""
        return await self._request(_CLASS, options=options)

    async def endpoint(self, **options: Unpack[RequestOptions]) -> models.Endpoint:
        """Endpoint."""
        return await self._request(_ENDPOINT, options=options)

    async def errors(self, **options: Unpack[RequestOptions]) -> models.AsyncClient:
        """errors."""
        return await self._request(_ERRORS, options=options)

    async def json(self, **options: Unpack[RequestOptions]) -> models.Json:
        """Json."""
        return await self._request(_JSON, options=options)

    async def list_models(self, **options: Unpack[RequestOptions]) -> models.Client:
        """A method named like the module of models."""
        return await self._request(_LIST_MODELS, options=options)

    async def msgspec(self, **options: Unpack[RequestOptions]) -> models.Msgspec:
        """msgspec."""
        return await self._request(_MSGSPEC, options=options)

    async def object(self, **options: Unpack[RequestOptions]) -> models.Builtins:
        """object."""
        return await self._request(_OBJECT, options=options)

    async def op_2fa_verify(self, **options: Unpack[RequestOptions]) -> None:
        """2fa-verify."""
        return await self._request(_OP_2FA_VERIFY, options=options)

    async def pass_(
        self, *, type: str, id: int | None = None, **options: Unpack[RequestOptions]
    ) -> None:
        """pass."""
        return await self._request(
            _PASS, query={"type": type}, headers={"id": id}, options=options
        )

    async def print(
        self, *, list: list[str] | None = None, **options: Unpack[RequestOptions]
    ) -> list[models.Schema2fa]:
        """print."""
        return await self._request(_PRINT, query={"list": list}, options=options)

    async def recuperer(
        self, **options: Unpack[RequestOptions]
    ) -> models.Schema2WeirdName:
        """récupérer."""
        return await self._request(_RECUPERER, options=options)

    async def u83b7_u53d6(
        self, **options: Unpack[RequestOptions]
    ) -> models.MySchemaV1Beta:
        """获取."""
        return await self._request(_U83B7_U53D6, options=options)


class AsyncClientWithRawResponse:
    """The operations, each returning a `RawResponse`."""

    def __init__(self, resource: AsyncClient) -> None:
        self.class_ = AsyncClassResourceWithRawResponse(resource.class_)
        self.pets = AsyncPetsResourceWithRawResponse(resource.pets)
        self.class__ = _raw_response.async_raw(resource.class__)
        self.endpoint = _raw_response.async_raw(resource.endpoint)
        self.errors = _raw_response.async_raw(resource.errors)
        self.json = _raw_response.async_raw(resource.json)
        self.list_models = _raw_response.async_raw(resource.list_models)
        self.msgspec = _raw_response.async_raw(resource.msgspec)
        self.object = _raw_response.async_raw(resource.object)
        self.op_2fa_verify = _raw_response.async_raw(resource.op_2fa_verify)
        self.pass_ = _raw_response.async_raw(resource.pass_)
        self.print = _raw_response.async_raw(resource.print)
        self.recuperer = _raw_response.async_raw(resource.recuperer)
        self.u83b7_u53d6 = _raw_response.async_raw(resource.u83b7_u53d6)


class AsyncClientWithStreamingResponse:
    """The operations, each opening a `StreamedResponse` for `with`."""

    def __init__(self, resource: AsyncClient) -> None:
        self.class_ = AsyncClassResourceWithStreamingResponse(resource.class_)
        self.pets = AsyncPetsResourceWithStreamingResponse(resource.pets)
        self.class__ = _streaming.async_streaming(resource.class__)
        self.endpoint = _streaming.async_streaming(resource.endpoint)
        self.errors = _streaming.async_streaming(resource.errors)
        self.json = _streaming.async_streaming(resource.json)
        self.list_models = _streaming.async_streaming(resource.list_models)
        self.msgspec = _streaming.async_streaming(resource.msgspec)
        self.object = _streaming.async_streaming(resource.object)
        self.op_2fa_verify = _streaming.async_streaming(resource.op_2fa_verify)
        self.pass_ = _streaming.async_streaming(resource.pass_)
        self.print = _streaming.async_streaming(resource.print)
        self.recuperer = _streaming.async_streaming(resource.recuperer)
        self.u83b7_u53d6 = _streaming.async_streaming(resource.u83b7_u53d6)
