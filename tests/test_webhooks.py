"""The generated `webhooks` module (templates/package/webhooks.py.jinja) on the feature spec
tests/specs/webhooks.yaml: Standard Webhooks signatures, checked against signatures this
test computes itself with hmac and base64 (and the specification's published example),
then the payload decoded into its event's model with the package's own rules."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from collections.abc import Iterator
from types import ModuleType
from typing import Any

import httpx
import pytest
from conftest import TESTS, generated_package
from http_server import Reply, ScriptedServer

KEY = b"an endpoint's key, 24 b!"
SECRET = "whsec_" + base64.b64encode(KEY).decode()
NOW = 1_714_566_600
ORDER = {"id": "o1", "status": "paid", "total": 1200}
CREATED = {"type": "order.created", "timestamp": "2024-05-01T12:30:00Z", "data": ORDER}


@pytest.fixture(scope="module")
def pkg(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    out = tmp_path_factory.mktemp("webhooks")
    with generated_package(TESTS / "specs" / "webhooks.yaml", out, "feat_webhooks_wire") as module:
        yield module


@pytest.fixture(scope="module")
def webhooks(pkg: ModuleType) -> ModuleType:
    import importlib

    return importlib.import_module(f"{pkg.__name__}.webhooks")


def signature(key: bytes, message_id: str, timestamp: int, body: bytes) -> str:
    """`v1,<base64>`: HMAC-SHA256 of `id.timestamp.body`, as the specification defines it."""
    mac = hmac.new(key, f"{message_id}.{timestamp}.".encode() + body, hashlib.sha256).digest()
    return "v1," + base64.b64encode(mac).decode()


def signed(payload: Any, *, key: bytes = KEY, timestamp: int = NOW) -> tuple[bytes, dict[str, str]]:
    body = json.dumps(payload).encode()
    headers = {
        "webhook-id": "msg_1",
        "webhook-timestamp": str(timestamp),
        "webhook-signature": signature(key, "msg_1", timestamp, body),
    }
    return body, headers


def test_the_published_example_verifies(webhooks: ModuleType) -> None:
    """The Standard Webhooks libraries' own example: secret, id, timestamp, body, signature."""
    body = '{"test": 2432232314}'
    headers = {
        "webhook-id": "msg_p5jXN8AQM9LWM0D4loKWxJek",
        "webhook-timestamp": "1614265330",
        "webhook-signature": "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
    }
    secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
    assert webhooks.verify(body, headers, secret, now=1614265330) is None
    assert webhooks.verify(body.encode(), headers, base64.b64decode(secret[6:]), now=1614265330) is None
    # Without its prefix the string is the key's own text, not base64 (documented choice).
    with pytest.raises(webhooks.WebhookSignatureError):
        webhooks.verify(body, headers, secret[6:], now=1614265330)
    headers["webhook-signature"] = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OA="
    with pytest.raises(webhooks.WebhookSignatureError):
        webhooks.verify(body, headers, secret, now=1614265330)


def test_a_signed_payload_decodes_into_its_event_model(pkg: ModuleType, webhooks: ModuleType) -> None:
    body, headers = signed(CREATED)
    event = webhooks.unwrap(body, headers, SECRET, now=NOW)
    assert type(event) is pkg.models.OrderCreatedEvent
    assert event.type == "order.created" and event.data.status is pkg.models.OrderStatus.PAID
    # A `str` body, headers in any case, httpx's headers, and a one-value enum as the type.
    cancelled = {**CREATED, "type": "order.cancelled", "reason": "fraud", "data": {**ORDER, "status": "refunded"}}
    body, headers = signed(cancelled)
    titled = {k.title(): v for k, v in headers.items()}
    for given in (titled, httpx.Headers(headers)):
        event = webhooks.unwrap(body.decode(), given, SECRET, now=NOW)
        assert type(event) is pkg.models.OrderCancelledEvent
        assert event.reason is pkg.models.OrderCancelledEventReason.FRAUD
        assert event.data.status.value == "refunded"  # open enum, as in a response
    inline = {"type": "customer.deleted", "customer_id": "6f0b6c1e-3f5c-4bb6-9a4e-2f8f7d1a0c01"}
    assert type(webhooks.unwrap(*signed(inline), KEY, now=NOW)).__name__ == "CustomerDeletedPayload"
    assert webhooks.EVENT_TYPES == {"order.created", "order.cancelled", "customer.deleted"}


def test_a_receiver_on_127_0_0_1_takes_what_really_arrives(
    webhooks: ModuleType, http_server: ScriptedServer
) -> None:
    """The API's request through a real HTTP stack: the body as read off the socket, the
    headers as the server parsed them (in whatever case the sender wrote them)."""

    def receive(request: Any) -> Reply:
        try:
            event = webhooks.unwrap(request.body, request.headers, SECRET, now=NOW)
        except webhooks.WebhookVerificationError as exc:
            return Reply.json({"error": type(exc).__name__}, status=401)
        return Reply.json({"event": type(event).__name__}, status=200)

    http_server.route("POST", "/hooks", receive)
    body, headers = signed(CREATED)
    sent = {"Webhook-ID": headers["webhook-id"], "WEBHOOK-TIMESTAMP": headers["webhook-timestamp"],
            "Webhook-Signature": headers["webhook-signature"], "Content-Type": "application/json"}  # fmt: skip
    with httpx.Client(base_url=http_server.url) as client:
        genuine = client.post("/hooks", content=body, headers=sent)
        forged = client.post("/hooks", content=body.replace(b"paid", b"open"), headers=sent)
    assert (genuine.status_code, genuine.json()) == (200, {"event": "OrderCreatedEvent"})
    assert (forged.status_code, forged.json()) == (401, {"error": "WebhookSignatureError"})


def test_one_valid_signature_among_several_is_enough(webhooks: ModuleType) -> None:
    body, headers = signed(CREATED)
    wrong = signature(b"another key", "msg_1", NOW, body)
    valid = headers["webhook-signature"]
    headers["webhook-signature"] = f"v2,{valid[3:]} {wrong} {valid} v1a,ignored"
    assert webhooks.verify(body, headers, SECRET, now=NOW) is None


@pytest.mark.parametrize("change", ["body", "secret", "id", "timestamp"])
def test_anything_changed_after_signing_fails(webhooks: ModuleType, change: str) -> None:
    body, headers = signed(CREATED)
    secret = SECRET
    if change == "body":
        body = body.replace(b"1200", b"1201")
    elif change == "secret":
        secret = "whsec_" + base64.b64encode(b"another key").decode()
    elif change == "id":
        headers["webhook-id"] = "msg_2"
    else:
        headers["webhook-timestamp"] = str(NOW + 1)
    with pytest.raises(webhooks.WebhookSignatureError, match="no v1 signature in webhook-signature matches"):
        webhooks.unwrap(body, headers, secret, now=NOW)


def test_the_tolerance_holds_both_ways(webhooks: ModuleType) -> None:
    body, headers = signed(CREATED)
    for now in (NOW - 300, NOW + 300):
        webhooks.verify(body, headers, SECRET, now=now)
    for now, word in ((NOW + 301, "old"), (NOW - 301, "ahead")):
        with pytest.raises(webhooks.WebhookTimestampError, match=word) as caught:
            webhooks.verify(body, headers, SECRET, now=now)
        assert caught.value.timestamp == NOW and caught.value.now == now
    webhooks.verify(body, headers, SECRET, now=NOW + 3000, tolerance=3600)


@pytest.mark.parametrize("header", ["webhook-id", "webhook-timestamp", "webhook-signature"])
def test_a_missing_header_is_named(webhooks: ModuleType, header: str) -> None:
    body, headers = signed(CREATED)
    del headers[header]
    with pytest.raises(webhooks.WebhookHeaderError, match=f"the {header} header is missing") as caught:
        webhooks.unwrap(body, headers, SECRET, now=NOW)
    assert caught.value.header == header


def svix(headers: dict[str, str]) -> dict[str, str]:
    """The same signed request under Svix's header names (how services delivering through
    Svix send it)."""
    return {name.replace("webhook-", "svix-", 1): value for name, value in headers.items()}


def test_svix_header_names_verify_the_same_signature(webhooks: ModuleType) -> None:
    body, headers = signed(CREATED)
    event = webhooks.unwrap(body, svix(headers), SECRET, now=NOW)
    assert event.data.id == "o1"
    sent = {"Svix-Id": headers["webhook-id"], "SVIX-TIMESTAMP": headers["webhook-timestamp"],
            "svix-signature": headers["webhook-signature"]}  # fmt: skip
    webhooks.verify(body, sent, SECRET, now=NOW)
    tampered = svix(headers)
    tampered["svix-signature"] = signature(b"another key", "msg_1", NOW, body)
    with pytest.raises(webhooks.WebhookSignatureError, match="no v1 signature in svix-signature matches"):
        webhooks.verify(body, tampered, SECRET, now=NOW)


@pytest.mark.parametrize("header", ["svix-timestamp", "svix-signature"])
def test_with_a_svix_id_the_svix_headers_are_the_ones_asked_for(webhooks: ModuleType, header: str) -> None:
    body, headers = signed(CREATED)
    sent = svix(headers)
    del sent[header]
    # The specification's own header of that name is no stand-in: one request, one set.
    sent[header.replace("svix-", "webhook-")] = headers[header.replace("svix-", "webhook-")]
    with pytest.raises(webhooks.WebhookHeaderError, match=f"the {header} header is missing") as caught:
        webhooks.verify(body, sent, SECRET, now=NOW)
    assert caught.value.header == header


def test_the_specifications_names_win_when_both_sets_are_sent(webhooks: ModuleType) -> None:
    body, headers = signed(CREATED)
    stale = {name: "garbage" for name in svix(headers)}
    webhooks.verify(body, {**stale, **headers}, SECRET, now=NOW)
    with pytest.raises(webhooks.WebhookHeaderError, match="svix-timestamp is not a whole number"):
        webhooks.verify(body, stale, SECRET, now=NOW)


@pytest.mark.parametrize(
    ("header", "value", "error"),
    [
        ("webhook-timestamp", "hello", "WebhookHeaderError"),
        ("webhook-timestamp", "-5", "WebhookHeaderError"),
        ("webhook-timestamp", "1.7e9", "WebhookHeaderError"),
        ("webhook-signature", "v1", "WebhookHeaderError"),
        ("webhook-signature", "v1a,c2lnbmF0dXJl", "WebhookSignatureError"),
        ("webhook-signature", "v1,not-base64-é", "WebhookSignatureError"),
    ],
)
def test_malformed_headers_fail_clearly(webhooks: ModuleType, header: str, value: str, error: str) -> None:
    body, headers = signed(CREATED)
    headers[header] = value
    with pytest.raises(getattr(webhooks, error)):
        webhooks.verify(body, headers, SECRET, now=NOW)


def test_an_unknown_event_keeps_its_verified_payload(pkg: ModuleType, webhooks: ModuleType) -> None:
    shipped = {**CREATED, "type": "order.shipped"}
    with pytest.raises(webhooks.UnknownWebhookEventError, match="'order.shipped'") as caught:
        webhooks.unwrap(*signed(shipped), SECRET, now=NOW)
    assert caught.value.event_type == "order.shipped"
    assert caught.value.data == shipped
    assert isinstance(caught.value, webhooks.WebhookPayloadError) and isinstance(caught.value, pkg.APIError)
    for odd in ({"type": ["order.created"]}, {"type": {}}, {"data": ORDER}):
        with pytest.raises(webhooks.UnknownWebhookEventError):
            webhooks.parse_event(json.dumps(odd))


@pytest.mark.parametrize(
    ("body", "message", "path"),
    [
        ({**CREATED, "data": {**ORDER, "total": "lots"}}, "does not match the spec at $.data.total", "$.data.total"),
        (["order.created"], "not a JSON object", None),
        (b"{not json", "not valid JSON", None),
    ],
)
def test_a_payload_that_does_not_fit_is_a_payload_error(
    webhooks: ModuleType, body: Any, message: str, path: str | None
) -> None:
    content = body if isinstance(body, bytes) else json.dumps(body).encode()
    with pytest.raises(webhooks.WebhookPayloadError, match=message.replace("$", r"\$")) as caught:
        webhooks.parse_event(content)
    assert caught.value.path == path and caught.value.body == content


def test_the_secret_never_appears_in_an_error(webhooks: ModuleType) -> None:
    body, headers = signed(CREATED)
    errors: list[Exception] = []
    attempts: list[tuple[Any, dict[str, str], Any]] = [
        (body + b" ", headers, SECRET),
        (body, {**headers, "webhook-timestamp": "1"}, SECRET),
        (body, {**headers, "webhook-signature": "v1"}, SECRET),
        (body, {}, SECRET),
        (body, headers, "whsec_" + SECRET),  # not base64 after the prefix: ValueError
        (body, headers, ""),
    ]
    for attempt in attempts:
        with pytest.raises((webhooks.WebhookError, ValueError)) as caught:
            webhooks.unwrap(*attempt, now=NOW)
        errors.append(caught.value)
    assert {type(e).__name__ for e in errors} >= {"WebhookSignatureError", "WebhookTimestampError", "ValueError"}
    expected = signature(KEY, "msg_1", NOW, body + b" ")[3:]  # what the forged body needed
    for error in errors:
        shown = [str(error), repr(error), repr(vars(error))]
        # Nor in the locals of the module's frames, which error reporters may record.
        tb = error.__traceback__
        while tb is not None:
            if tb.tb_frame.f_globals["__name__"] == webhooks.__name__:
                shown += [repr(value) for value in tb.tb_frame.f_locals.values()]
            tb = tb.tb_next
        for secret in (SECRET, SECRET[6:], repr(KEY), expected):
            assert not [text for text in shown if secret in text], (error, secret)
