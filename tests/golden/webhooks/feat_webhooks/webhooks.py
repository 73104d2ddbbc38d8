"""Webhooks the API posts to your server: verified and decoded into the payload models.

Requests are signed as the Standard Webhooks specification says: the `webhook-id` header
names the message (the same on every retry of it), `webhook-timestamp` says when it was
sent (Unix seconds), and `webhook-signature` holds one or more space-separated `v1,<base64>`
entries, each an HMAC-SHA256 of `{id}.{timestamp}.{body}` under the endpoint's secret.
Services that deliver through Svix send the same three under Svix's names (`svix-id`,
`svix-timestamp`, `svix-signature`), signed the same way: either set is accepted, the one
whose id header the request carries. Verify the body exactly as it arrived, before
anything parses it.

The secret: a `whsec_<base64>` string (the specification's form) is base64-decoded into the
key; `bytes` are the key itself; any other string is taken as the key's text, encoded as
UTF-8 (how services that hand out a plain secret string sign with it). For a base64 key
kept without its prefix, pass `"whsec_" + key`. The secret never appears in an error.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import re
import time
from collections.abc import Mapping
from typing import Final

import msgspec

from ._codec import decode
from .errors import APIError, DecodeError
from .models import WebhookEvent

__all__ = [
    "EVENT_TYPES",
    "TOLERANCE",
    "UnknownWebhookEventError",
    "WebhookError",
    "WebhookHeaderError",
    "WebhookPayloadError",
    "WebhookSignatureError",
    "WebhookTimestampError",
    "WebhookVerificationError",
    "parse_event",
    "unwrap",
    "verify",
]

EVENT_TYPES: Final[frozenset[str]] = frozenset(
    {"order.created", "order.cancelled", "customer.deleted"}
)
"""Every event type the spec declares, as a payload's `type` carries it."""
_DISCRIMINATOR: Final = "type"

TOLERANCE: Final = 300.0
"""Seconds a webhook's timestamp may be off the current time, either way (5 minutes)."""

_SECRET_PREFIX: Final = "whsec_"
_TIMESTAMP = re.compile(r"[0-9]{1,15}")
# (id, timestamp, signature): the specification's names, then Svix's for the same scheme.
_HEADER_SETS: Final = (
    ("webhook-id", "webhook-timestamp", "webhook-signature"),
    ("svix-id", "svix-timestamp", "svix-signature"),
)


class WebhookError(APIError):
    """Base class of what `unwrap()`, `verify()` and `parse_event()` raise."""


class WebhookVerificationError(WebhookError):
    """The request cannot be shown to come from the API: do not act on it."""


class WebhookHeaderError(WebhookVerificationError):
    """A signature header is missing or malformed; `header` names it."""

    def __init__(self, message: str, *, header: str) -> None:
        super().__init__(message)
        self.header = header


class WebhookSignatureError(WebhookVerificationError):
    """No signature in `webhook-signature` (or `svix-signature`) matches the body under
    the secret: another secret, or a body changed on its way (re-encoded JSON, another
    charset)."""


class WebhookTimestampError(WebhookVerificationError):
    """The timestamp is further than the tolerance from now: a replayed request, or a
    clock far off. `timestamp` is what the header says, `now` what it was checked
    against (both Unix seconds)."""

    def __init__(self, message: str, *, timestamp: int, now: float) -> None:
        super().__init__(message)
        self.timestamp = timestamp
        self.now = now


class WebhookPayloadError(WebhookError):
    """A body that is not JSON or does not match its event's model. `path` points at the
    value that does not fit (when one does), `body` keeps the body."""

    def __init__(self, message: str, *, path: str | None, body: bytes) -> None:
        super().__init__(message)
        self.path = path
        self.body = body

    @property
    def data(self) -> object:
        """The body as plain JSON values (dicts, lists, strings, numbers); raises
        `msgspec.DecodeError` when it is not JSON."""
        return msgspec.json.decode(self.body)


class UnknownWebhookEventError(WebhookPayloadError):
    """A payload of an event type the spec does not declare, such as one added to the API
    after this client was generated: `event_type` is its type, `data` the payload."""

    def __init__(self, message: str, *, event_type: object, body: bytes) -> None:
        super().__init__(message, path=None, body=body)
        self.event_type = event_type


def verify(
    body: bytes | str,
    headers: Mapping[str, str],
    secret: str | bytes,
    *,
    tolerance: float = TOLERANCE,
    now: float | None = None,
) -> None:
    """Check that `body` was signed with `secret`, less than `tolerance` seconds from
    `now` (Unix seconds; the current time when None); raise `WebhookVerificationError`
    if not. `headers`: the request's, looked up whatever their case."""
    key = _key(secret)
    del secret  # out of the frame's locals, which error reporters may record
    _verify(body, headers, key, tolerance, now)


def parse_event(body: bytes | str) -> WebhookEvent:
    """A payload (verified already, or stored) decoded into its event's model, as a
    response body would be: open enums keep values added later, unions pick their
    variant the same way."""
    content = body.encode("utf-8") if isinstance(body, str) else bytes(body)
    event_type = _event_type(content)
    if not isinstance(event_type, (str, int)) or event_type not in EVENT_TYPES:
        raise UnknownWebhookEventError(
            f"unknown webhook event {_excerpt(event_type)}: not one of the "
            f"{len(EVENT_TYPES)} event types in the spec (see EVENT_TYPES)",
            event_type=event_type,
            body=content,
        )
    try:
        event: WebhookEvent = decode(WebhookEvent, content)
    except DecodeError as exc:
        # `decode(<type>): data does not match ...`: the type is the whole union.
        reason = exc.message.split(": data ", 1)[-1]
        raise WebhookPayloadError(
            f"the webhook payload {reason}", path=exc.path, body=content
        ) from None
    return event


def unwrap(
    body: bytes | str,
    headers: Mapping[str, str],
    secret: str | bytes,
    *,
    tolerance: float = TOLERANCE,
    now: float | None = None,
) -> WebhookEvent:
    """`verify()`, then `parse_event()`: the event a genuine request carries."""
    key = _key(secret)
    del secret  # out of the frame's locals, which error reporters may record
    _verify(body, headers, key, tolerance, now)
    return parse_event(body)


class _Key:
    """The HMAC key a secret stands for; its repr hides it."""

    __slots__ = ("value",)

    def __init__(self, value: bytes) -> None:
        self.value = value

    def __repr__(self) -> str:
        return "<webhook key>"


def _key(secret: str | bytes) -> _Key:
    """The key; empty for an empty secret, or one not base64 after its prefix (the
    caller raises, once no frame holds the secret)."""
    if isinstance(secret, (bytes, bytearray, memoryview)):
        return _Key(bytes(secret))
    if secret.startswith(_SECRET_PREFIX):
        return _Key(_base64(secret[len(_SECRET_PREFIX) :]))
    return _Key(secret.encode("utf-8"))


def _base64(text: str) -> bytes:
    """The bytes `text` encodes (its padding may be left out); none when it is not base64."""
    try:
        return base64.b64decode(text + "=" * (-len(text) % 4), validate=True)
    except (binascii.Error, ValueError):
        return b""


def _verify(
    body: bytes | str,
    headers: Mapping[str, str],
    key: _Key,
    tolerance: float,
    now: float | None,
) -> None:
    if not key.value:
        raise ValueError(
            "the webhook secret is empty, or not base64 after its whsec_ prefix"
        )
    names = _header_set(headers)
    message_id, stamp, signatures = (_header(headers, name) for name in names)
    if not _TIMESTAMP.fullmatch(stamp):
        raise WebhookHeaderError(
            f"{names[1]} is not a whole number of seconds", header=names[1]
        )
    sent = int(stamp)
    current = time.time() if now is None else now
    if abs(current - sent) > tolerance:
        when = "old" if sent < current else "ahead of the current time"
        raise WebhookTimestampError(
            f"{names[1]} is {abs(current - sent):.0f} s {when}, past the "
            f"{tolerance:g} s tolerance",
            timestamp=sent,
            now=current,
        )
    content = body.encode("utf-8") if isinstance(body, str) else bytes(body)
    signed = b"%s.%s.%s" % (message_id.encode("utf-8"), stamp.encode("ascii"), content)
    error = _signature_error(key, signed, signatures, names[2])
    if error is not None:
        raise error


def _signature_error(
    key: _Key, signed: bytes, signatures: str, header: str
) -> WebhookVerificationError | None:
    """None when an entry of `signatures` (the `header` header) is the v1 signature of
    `signed`, else the error to raise: raised by the caller, once the frame that holds
    the expected signature is gone."""
    expected = base64.b64encode(hmac.new(key.value, signed, hashlib.sha256).digest())
    versions: set[str] = set()
    for entry in signatures.split():
        version, comma, signature = entry.partition(",")
        if not comma:
            return WebhookHeaderError(
                f"{header} holds an entry that is not `version,signature`",
                header=header,
            )
        versions.add(version)
        if version == "v1" and hmac.compare_digest(
            expected, signature.encode("utf-8", "replace")
        ):
            return None
    if "v1" not in versions:
        return WebhookSignatureError(f"{header} holds no v1 signature")
    return WebhookSignatureError(
        f"no v1 signature in {header} matches the body under this secret"
    )


def _header_set(headers: Mapping[str, str]) -> tuple[str, str, str]:
    """The names of the signature headers the request uses: the set whose id header it
    carries (the specification's when it carries neither, for the error)."""
    for names in _HEADER_SETS:
        if _lookup(headers, names[0]) is not None:
            return names
    return _HEADER_SETS[0]


def _header(headers: Mapping[str, str], name: str) -> str:
    value = _lookup(headers, name)
    if not value:
        raise WebhookHeaderError(f"the {name} header is missing", header=name)
    return value


def _lookup(headers: Mapping[str, str], name: str) -> str | None:
    """The header's value whatever its case (a plain dict is not case-blind)."""
    value = headers.get(name)
    if value is None:
        value = next((v for k, v in headers.items() if k.lower() == name), None)
    return value


class _Probe(msgspec.Struct):
    event_type: object = msgspec.field(default=None, name=_DISCRIMINATOR)


_PROBE = msgspec.json.Decoder(_Probe)


def _event_type(content: bytes) -> object:
    """The payload's event type, read before the payload is decoded."""
    try:
        return _PROBE.decode(content).event_type
    except msgspec.ValidationError:
        raise WebhookPayloadError(
            "the webhook payload is not a JSON object", path=None, body=content
        ) from None
    except msgspec.DecodeError as exc:
        raise WebhookPayloadError(
            f"the webhook payload is not valid JSON: {exc}", path=None, body=content
        ) from None


def _excerpt(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "..."
