"""Hostile \"\"\" API \\ {{ x }} {% y %} é' clients: `Client` for blocking code, `AsyncClient` for asyncio."""

from __future__ import annotations

import builtins
import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Literal

from . import _base, models
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
    """Quotes \"\"\" and ''' and a lone \" at the end\", back\\slash \\n \\x00 \\u0041 \\, {{ jinja }} {% tag %} {# comment #}, NUL\x00 CR
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
    ) -> models.Thing:
        """Quotes \"\"\" and ''' and a lone \" at the end\", back\\slash \\n \\x00 \\u0041 \\, {{ jinja }} {% tag %} {# comment #}, NUL\x00 CR
         LS\u2028 PS\u2029 NEL\x85 DEL\x7f BOM\ufeff tab    , é 名前 🎉

        long xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx

        Args:
            class_: Quotes \"\"\" and ''' and a lone \" at the end\", back\\slash \\n \\x00 \\u0041 \\, {{ jinja }} {% tag %} {# comment #}, NUL\x00 CR LS PS NEL DEL\x7f BOM\ufeff tab , é 名前 🎉
            self_: Quotes \"\"\" and ''' and a lone \" at the end\", back\\slash \\n \\x00 \\u0041 \\, {{ jinja }} {% tag %} {# comment #}, NUL\x00 CR LS PS NEL DEL\x7f BOM\ufeff tab , é 名前 🎉

        Raises:
            NotFoundError: Quotes \"\"\" and ''' and a lone \" at the end\", back\\slash \\n \\x00 \\u0041 \\, {{ jinja }} {% tag %} {# comment #}, NUL\x00 CR LS PS NEL DEL\x7f BOM\ufeff tab , é 名前 🎉 (HTTP 404).
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
        )

    def init(
        self,
        class_: str,
        param_2fa_id: int,
        *,
        body: models.Thing,
        body_query: str | None = None,
    ) -> models.Thing:
        """Args:
        class_: Quotes \"\"\" and ''' and a lone \" at the end\", back\\slash \\n \\x00 \\u0041 \\, {{ jinja }} {% tag %} {# comment #}, NUL\x00 CR LS PS NEL DEL\x7f BOM\ufeff tab , é 名前 🎉
        body: Quotes \"\"\" and ''' and a lone \" at the end\", back\\slash \\n \\x00 \\u0041 \\, {{ jinja }} {% tag %} {# comment #}, NUL\x00 CR LS PS NEL DEL\x7f BOM\ufeff tab , é 名前 🎉
        """
        return self._client._request(
            _CLASS_INIT,
            path={"class": class_, "2fa-id": param_2fa_id},
            query={"body": body_query},
            body=body,
            body_encoding="json",
        )


class PetsResource:
    """Operations under `pets`."""

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client

    def list(self) -> builtins.list[models.Pet]:
        """pets:list."""
        return self._client._request(_PETS_LIST)


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
        )
        self._bind()

    def _bind(self) -> None:
        self.class_ = ClassResource(self)
        self.pets = PetsResource(self)

    def class__(self) -> models.Init:
        """__class__."""
        return self._request(_CLASS)

    def endpoint(self) -> models.Endpoint:
        """Endpoint."""
        return self._request(_ENDPOINT)

    def errors(self) -> models.AsyncClient:
        """errors."""
        return self._request(_ERRORS)

    def json(self) -> models.Json:
        """Json."""
        return self._request(_JSON)

    def list_models(self) -> models.Client:
        """A method named like the module of models."""
        return self._request(_LIST_MODELS)

    def msgspec(self) -> models.Msgspec:
        """msgspec."""
        return self._request(_MSGSPEC)

    def object(self) -> models.Builtins:
        """object."""
        return self._request(_OBJECT)

    def op_2fa_verify(self) -> None:
        """2fa-verify."""
        return self._request(_OP_2FA_VERIFY)

    def pass_(self, *, type: str, id: int | None = None) -> None:
        """pass."""
        return self._request(_PASS, query={"type": type}, headers={"id": id})

    def print(self, *, list: list[str] | None = None) -> list[models.Schema2fa]:
        """print."""
        return self._request(_PRINT, query={"list": list})

    def recuperer(self) -> models.Schema2WeirdName:
        """récupérer."""
        return self._request(_RECUPERER)

    def u83b7_u53d6(self) -> models.MySchemaV1Beta:
        """获取."""
        return self._request(_U83B7_U53D6)


class AsyncClassResource:
    """Quotes \"\"\" and ''' and a lone \" at the end\", back\\slash \\n \\x00 \\u0041 \\, {{ jinja }} {% tag %} {# comment #}, NUL\x00 CR
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
    ) -> models.Thing:
        """Quotes \"\"\" and ''' and a lone \" at the end\", back\\slash \\n \\x00 \\u0041 \\, {{ jinja }} {% tag %} {# comment #}, NUL\x00 CR
         LS\u2028 PS\u2029 NEL\x85 DEL\x7f BOM\ufeff tab    , é 名前 🎉

        long xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx

        Args:
            class_: Quotes \"\"\" and ''' and a lone \" at the end\", back\\slash \\n \\x00 \\u0041 \\, {{ jinja }} {% tag %} {# comment #}, NUL\x00 CR LS PS NEL DEL\x7f BOM\ufeff tab , é 名前 🎉
            self_: Quotes \"\"\" and ''' and a lone \" at the end\", back\\slash \\n \\x00 \\u0041 \\, {{ jinja }} {% tag %} {# comment #}, NUL\x00 CR LS PS NEL DEL\x7f BOM\ufeff tab , é 名前 🎉

        Raises:
            NotFoundError: Quotes \"\"\" and ''' and a lone \" at the end\", back\\slash \\n \\x00 \\u0041 \\, {{ jinja }} {% tag %} {# comment #}, NUL\x00 CR LS PS NEL DEL\x7f BOM\ufeff tab , é 名前 🎉 (HTTP 404).
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
        )

    async def init(
        self,
        class_: str,
        param_2fa_id: int,
        *,
        body: models.Thing,
        body_query: str | None = None,
    ) -> models.Thing:
        """Args:
        class_: Quotes \"\"\" and ''' and a lone \" at the end\", back\\slash \\n \\x00 \\u0041 \\, {{ jinja }} {% tag %} {# comment #}, NUL\x00 CR LS PS NEL DEL\x7f BOM\ufeff tab , é 名前 🎉
        body: Quotes \"\"\" and ''' and a lone \" at the end\", back\\slash \\n \\x00 \\u0041 \\, {{ jinja }} {% tag %} {# comment #}, NUL\x00 CR LS PS NEL DEL\x7f BOM\ufeff tab , é 名前 🎉
        """
        return await self._client._request(
            _CLASS_INIT,
            path={"class": class_, "2fa-id": param_2fa_id},
            query={"body": body_query},
            body=body,
            body_encoding="json",
        )


class AsyncPetsResource:
    """Operations under `pets`."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

    async def list(self) -> builtins.list[models.Pet]:
        """pets:list."""
        return await self._client._request(_PETS_LIST)


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
        )
        self._bind()

    def _bind(self) -> None:
        self.class_ = AsyncClassResource(self)
        self.pets = AsyncPetsResource(self)

    async def class__(self) -> models.Init:
        """__class__."""
        return await self._request(_CLASS)

    async def endpoint(self) -> models.Endpoint:
        """Endpoint."""
        return await self._request(_ENDPOINT)

    async def errors(self) -> models.AsyncClient:
        """errors."""
        return await self._request(_ERRORS)

    async def json(self) -> models.Json:
        """Json."""
        return await self._request(_JSON)

    async def list_models(self) -> models.Client:
        """A method named like the module of models."""
        return await self._request(_LIST_MODELS)

    async def msgspec(self) -> models.Msgspec:
        """msgspec."""
        return await self._request(_MSGSPEC)

    async def object(self) -> models.Builtins:
        """object."""
        return await self._request(_OBJECT)

    async def op_2fa_verify(self) -> None:
        """2fa-verify."""
        return await self._request(_OP_2FA_VERIFY)

    async def pass_(self, *, type: str, id: int | None = None) -> None:
        """pass."""
        return await self._request(_PASS, query={"type": type}, headers={"id": id})

    async def print(self, *, list: list[str] | None = None) -> list[models.Schema2fa]:
        """print."""
        return await self._request(_PRINT, query={"list": list})

    async def recuperer(self) -> models.Schema2WeirdName:
        """récupérer."""
        return await self._request(_RECUPERER)

    async def u83b7_u53d6(self) -> models.MySchemaV1Beta:
        """获取."""
        return await self._request(_U83B7_U53D6)
