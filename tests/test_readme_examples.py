"""Every Python example in the generated README runs, against our server on 127.0.0.1."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import re
import time
from typing import Any

import pytest
from conftest import GENERATED, oauth2_client_json
from http_server import Reply, ScriptedServer

BLOCK = re.compile(r"^```python\n(.*?)^```", re.MULTILINE | re.DOTALL)


def examples() -> list[str]:
    return BLOCK.findall((GENERATED / "README.md").read_text())


AUTHORIZE = {
    "client": {
        "created_at": "2023-11-07T05:31:56Z",
        "modified_at": None,
        "client_id": "c",
        "client_name": None,
        "client_uri": None,
        "logo_uri": None,
        "tos_uri": None,
        "policy_uri": None,
    },
    "sub_type": "user",
    "sub": {"id": "6f0b6c1e-3f5c-4bb6-9a4e-2f8f7d1a0c01", "email": "a@example.com", "avatar_url": None},
    "scopes": ["openid"],
}


MEMBER = {
    "id": "6f0b6c1e-3f5c-4bb6-9a4e-2f8f7d1a0c01",
    "created_at": "2023-11-07T05:31:56Z",
    "modified_at": None,
    "customer_id": "0d6e9a52-97f1-4c39-8f3a-5b2a7c6d9e02",
    "email": "a@example.com",
    "name": None,
    "external_id": None,
    "role": "owner",
}


def signed_webhook(payload: dict[str, Any], key: bytes) -> tuple[bytes, dict[str, str]]:
    """A request as the API sends it: signed now, with HMAC-SHA256 over `id.timestamp.body`."""
    body, stamp = json.dumps(payload).encode(), str(int(time.time()))
    mac = hmac.new(key, f"msg_readme.{stamp}.".encode() + body, hashlib.sha256).digest()
    signature = "v1," + base64.b64encode(mac).decode()
    return body, {"webhook-id": "msg_readme", "webhook-timestamp": stamp, "webhook-signature": signature}


def run_webhook_receiver(namespace: dict[str, Any], monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The README's `receive` handler on a genuine event, a forged one and an unknown one."""
    key = b"readme webhook key"
    monkeypatch.setenv("WEBHOOK_SECRET", "whsec_" + base64.b64encode(key).decode())
    receive = namespace["receive"]
    created = {"type": "member.created", "timestamp": "2024-05-01T12:30:00Z", "data": MEMBER}
    return [
        receive(*signed_webhook(created, key)),
        receive(*signed_webhook(created, b"another key")),
        receive(*signed_webhook({**created, "type": "member.promoted"}, key)),
    ]


def test_the_readme_has_examples_for_every_topic() -> None:
    text = "\n".join(examples())
    topics = ("AsyncClient", "with_options", "extra_headers=", "with_raw_response", "with_streaming_response", ".iter(")
    for needle in (*topics, ".pages(", "except APIStatusError", "logging.getLogger", "webhooks.unwrap("):
        assert needle in text
    assert len(examples()) >= 8


@pytest.mark.parametrize("index", range(len(examples())))
def test_example_runs(
    index: int, http_server: ScriptedServer, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import polar_oauth2._client as client_module

    # Every server name the examples use now means our local server.
    monkeypatch.setattr(client_module, "SERVERS", dict.fromkeys(client_module.SERVERS, http_server.url))
    pages = {"1": ["a", "b"], "2": ["c"]}

    def list_page(request: Any) -> Reply:
        number = dict(request.query).get("page", "1")
        return Reply.json({"items": [oauth2_client_json(i) for i in pages.get(number, [])], "pagination": {"total_count": 3, "max_page": 2}})

    http_server.route("GET", "/v1/oauth2/", list_page)
    http_server.route("GET", "/v1/oauth2/authorize", Reply.json(AUTHORIZE))
    code = examples()[index]
    if "except APIStatusError" in code:
        http_server.enqueue("GET", "/v1/oauth2/", Reply.json({"detail": [{"loc": ["query"], "msg": "m", "type": "t"}]}, status=422))
    namespace: dict[str, Any] = {"__name__": "readme_example"}
    fragment = "Client(" not in code
    if fragment:  # a per-operation snippet: it uses the client the reader already made
        import polar_oauth2

        namespace["client"] = polar_oauth2.Client(access_token="<token>")
        namespace["models"] = polar_oauth2.models
    try:
        exec(compile(code, f"README.md example {index}", "exec"), namespace)  # noqa: S102 - our own README
    finally:
        if fragment:
            namespace["client"].close()
    if "webhooks.unwrap(" in code:
        assert run_webhook_receiver(namespace, monkeypatch) == [204, 401, 202]
    calls_the_api = "client." in code or "patient." in code
    assert bool(http_server.requests) == calls_the_api
    printed = capsys.readouterr().out
    if ".iter(" in code:
        assert printed.count("client_id='") == 6  # three items, sync walk then async walk
    if ".pages(" in code:
        assert "2 pages" in printed and printed.count("ListResourceOAuth2Client") == 2
    if "except APIStatusError" in code:
        assert printed.startswith("422 ")
    if "webhooks.unwrap(" in code:
        assert printed.startswith("member.created: WebhookMemberCreatedPayload(timestamp=")
        assert printed.endswith("not known to this client: member.promoted\n")
