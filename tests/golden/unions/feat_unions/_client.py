"""Payments API clients: `Client` for blocking code, `AsyncClient` for asyncio."""

from __future__ import annotations

import builtins
import functools
import sys
from collections.abc import Mapping
from typing import TYPE_CHECKING, Literal

from . import _raw_response, _streaming, models
from ._base import (
    DEFAULT_MAX_RESPONSE_SIZE,
    DEFAULT_MAX_RETRIES,
    DEFAULT_TIMEOUT,
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
    "production": "https://api.payments.example.com",
}

_PAYMENT_METHODS_LIST = Endpoint[list[models.PaymentMethod]](
    "GET",
    "/v1/payment-methods",
    operation_id="payment_methods:list",
    responses={200: Json(list[models.PaymentMethod])},
)

_PETS_CREATE = Endpoint[models.Pet](
    "POST",
    "/v1/pets",
    operation_id="pets:create",
    responses={201: Json(models.Pet)},
)

_NOTIFICATIONS_GET = Endpoint[
    models.EmailNotification | models.SmsNotification | models.PushNotification
](
    "GET",
    "/v1/notifications/{notification_id}",
    operation_id="notifications:get",
    responses={
        200: Json(
            models.EmailNotification | models.SmsNotification | models.PushNotification
        )
    },
)

_CHARGES_GET = Endpoint[models.Charge](
    "GET",
    "/v1/charges/{charge_id}",
    operation_id="charges:get",
    responses={200: Json(models.Charge)},
)


def _base_url(server: str, base_url: str | None) -> str:
    if base_url is not None:
        return base_url
    try:
        return SERVERS[server]
    except KeyError:
        known = ", ".join(sorted(SERVERS))
        raise ValueError(f"unknown server {server!r}; known servers: {known}") from None


class ChargesResource:
    """Operations under `charges`."""

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client

    def get(self, charge_id: str, **options: Unpack[RequestOptions]) -> models.Charge:
        """Get Charge"""
        return self._client._request(
            _CHARGES_GET, path={"charge_id": charge_id}, options=options
        )


class ChargesResourceWithRawResponse:
    """The operations under `charges`, each returning a `RawResponse`."""

    def __init__(self, resource: ChargesResource) -> None:
        self.get = _raw_response.raw(resource.get)


class ChargesResourceWithStreamingResponse:
    """The operations under `charges`, each opening a `StreamedResponse` for `with`."""

    def __init__(self, resource: ChargesResource) -> None:
        self.get = _streaming.streaming(resource.get)


class NotificationsResource:
    """Operations under `notifications`."""

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client

    def get(
        self, notification_id: str, **options: Unpack[RequestOptions]
    ) -> models.EmailNotification | models.SmsNotification | models.PushNotification:
        """Get Notification"""
        return self._client._request(
            _NOTIFICATIONS_GET,
            path={"notification_id": notification_id},
            options=options,
        )


class NotificationsResourceWithRawResponse:
    """The operations under `notifications`, each returning a `RawResponse`."""

    def __init__(self, resource: NotificationsResource) -> None:
        self.get = _raw_response.raw(resource.get)


class NotificationsResourceWithStreamingResponse:
    """The operations under `notifications`, each opening a `StreamedResponse` for `with`."""

    def __init__(self, resource: NotificationsResource) -> None:
        self.get = _streaming.streaming(resource.get)


class PaymentMethodsResource:
    """Operations under `payment_methods`."""

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client

    def list(
        self, **options: Unpack[RequestOptions]
    ) -> builtins.list[models.PaymentMethod]:
        """List Payment Methods"""
        return self._client._request(_PAYMENT_METHODS_LIST, options=options)


class PaymentMethodsResourceWithRawResponse:
    """The operations under `payment_methods`, each returning a `RawResponse`."""

    def __init__(self, resource: PaymentMethodsResource) -> None:
        self.list = _raw_response.raw(resource.list)


class PaymentMethodsResourceWithStreamingResponse:
    """The operations under `payment_methods`, each opening a `StreamedResponse` for `with`."""

    def __init__(self, resource: PaymentMethodsResource) -> None:
        self.list = _streaming.streaming(resource.list)


class PetsResource:
    """Operations under `pets`."""

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client

    def create(
        self, *, body: models.Pet, **options: Unpack[RequestOptions]
    ) -> models.Pet:
        """Register Pet

        A pet that may pay for itself.
        """
        return self._client._request(
            _PETS_CREATE, body=body, body_encoding="json", options=options
        )


class PetsResourceWithRawResponse:
    """The operations under `pets`, each returning a `RawResponse`."""

    def __init__(self, resource: PetsResource) -> None:
        self.create = _raw_response.raw(resource.create)


class PetsResourceWithStreamingResponse:
    """The operations under `pets`, each opening a `StreamedResponse` for `with`."""

    def __init__(self, resource: PetsResource) -> None:
        self.create = _streaming.streaming(resource.create)


class Client(SyncAPIClient):
    """Client for Payments API.

    Args:
        access_token: Sent as `Authorization: Bearer <token>`.
        server: One of the servers the spec declares: `production` (https://api.payments.example.com).
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
        self.charges = ChargesResource(self)
        self.notifications = NotificationsResource(self)
        self.payment_methods = PaymentMethodsResource(self)
        self.pets = PetsResource(self)


class ClientWithRawResponse:
    """The operations, each returning a `RawResponse`."""

    def __init__(self, resource: Client) -> None:
        self.charges = ChargesResourceWithRawResponse(resource.charges)
        self.notifications = NotificationsResourceWithRawResponse(
            resource.notifications
        )
        self.payment_methods = PaymentMethodsResourceWithRawResponse(
            resource.payment_methods
        )
        self.pets = PetsResourceWithRawResponse(resource.pets)


class ClientWithStreamingResponse:
    """The operations, each opening a `StreamedResponse` for `with`."""

    def __init__(self, resource: Client) -> None:
        self.charges = ChargesResourceWithStreamingResponse(resource.charges)
        self.notifications = NotificationsResourceWithStreamingResponse(
            resource.notifications
        )
        self.payment_methods = PaymentMethodsResourceWithStreamingResponse(
            resource.payment_methods
        )
        self.pets = PetsResourceWithStreamingResponse(resource.pets)


class AsyncChargesResource:
    """Operations under `charges`."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

    async def get(
        self, charge_id: str, **options: Unpack[RequestOptions]
    ) -> models.Charge:
        """Get Charge"""
        return await self._client._request(
            _CHARGES_GET, path={"charge_id": charge_id}, options=options
        )


class AsyncChargesResourceWithRawResponse:
    """The operations under `charges`, each returning a `RawResponse`."""

    def __init__(self, resource: AsyncChargesResource) -> None:
        self.get = _raw_response.async_raw(resource.get)


class AsyncChargesResourceWithStreamingResponse:
    """The operations under `charges`, each opening a `StreamedResponse` for `with`."""

    def __init__(self, resource: AsyncChargesResource) -> None:
        self.get = _streaming.async_streaming(resource.get)


class AsyncNotificationsResource:
    """Operations under `notifications`."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

    async def get(
        self, notification_id: str, **options: Unpack[RequestOptions]
    ) -> models.EmailNotification | models.SmsNotification | models.PushNotification:
        """Get Notification"""
        return await self._client._request(
            _NOTIFICATIONS_GET,
            path={"notification_id": notification_id},
            options=options,
        )


class AsyncNotificationsResourceWithRawResponse:
    """The operations under `notifications`, each returning a `RawResponse`."""

    def __init__(self, resource: AsyncNotificationsResource) -> None:
        self.get = _raw_response.async_raw(resource.get)


class AsyncNotificationsResourceWithStreamingResponse:
    """The operations under `notifications`, each opening a `StreamedResponse` for `with`."""

    def __init__(self, resource: AsyncNotificationsResource) -> None:
        self.get = _streaming.async_streaming(resource.get)


class AsyncPaymentMethodsResource:
    """Operations under `payment_methods`."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

    async def list(
        self, **options: Unpack[RequestOptions]
    ) -> builtins.list[models.PaymentMethod]:
        """List Payment Methods"""
        return await self._client._request(_PAYMENT_METHODS_LIST, options=options)


class AsyncPaymentMethodsResourceWithRawResponse:
    """The operations under `payment_methods`, each returning a `RawResponse`."""

    def __init__(self, resource: AsyncPaymentMethodsResource) -> None:
        self.list = _raw_response.async_raw(resource.list)


class AsyncPaymentMethodsResourceWithStreamingResponse:
    """The operations under `payment_methods`, each opening a `StreamedResponse` for `with`."""

    def __init__(self, resource: AsyncPaymentMethodsResource) -> None:
        self.list = _streaming.async_streaming(resource.list)


class AsyncPetsResource:
    """Operations under `pets`."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

    async def create(
        self, *, body: models.Pet, **options: Unpack[RequestOptions]
    ) -> models.Pet:
        """Register Pet

        A pet that may pay for itself.
        """
        return await self._client._request(
            _PETS_CREATE, body=body, body_encoding="json", options=options
        )


class AsyncPetsResourceWithRawResponse:
    """The operations under `pets`, each returning a `RawResponse`."""

    def __init__(self, resource: AsyncPetsResource) -> None:
        self.create = _raw_response.async_raw(resource.create)


class AsyncPetsResourceWithStreamingResponse:
    """The operations under `pets`, each opening a `StreamedResponse` for `with`."""

    def __init__(self, resource: AsyncPetsResource) -> None:
        self.create = _streaming.async_streaming(resource.create)


class AsyncClient(AsyncAPIClient):
    """Asyncio client for Payments API.

    Args:
        access_token: Sent as `Authorization: Bearer <token>`.
        server: One of the servers the spec declares: `production` (https://api.payments.example.com).
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
        self.charges = AsyncChargesResource(self)
        self.notifications = AsyncNotificationsResource(self)
        self.payment_methods = AsyncPaymentMethodsResource(self)
        self.pets = AsyncPetsResource(self)


class AsyncClientWithRawResponse:
    """The operations, each returning a `RawResponse`."""

    def __init__(self, resource: AsyncClient) -> None:
        self.charges = AsyncChargesResourceWithRawResponse(resource.charges)
        self.notifications = AsyncNotificationsResourceWithRawResponse(
            resource.notifications
        )
        self.payment_methods = AsyncPaymentMethodsResourceWithRawResponse(
            resource.payment_methods
        )
        self.pets = AsyncPetsResourceWithRawResponse(resource.pets)


class AsyncClientWithStreamingResponse:
    """The operations, each opening a `StreamedResponse` for `with`."""

    def __init__(self, resource: AsyncClient) -> None:
        self.charges = AsyncChargesResourceWithStreamingResponse(resource.charges)
        self.notifications = AsyncNotificationsResourceWithStreamingResponse(
            resource.notifications
        )
        self.payment_methods = AsyncPaymentMethodsResourceWithStreamingResponse(
            resource.payment_methods
        )
        self.pets = AsyncPetsResourceWithStreamingResponse(resource.pets)
