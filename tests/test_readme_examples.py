"""Every Python example in the generated README runs, against our server on 127.0.0.1."""

from __future__ import annotations

import re
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


def test_the_readme_has_examples_for_every_topic() -> None:
    text = "\n".join(examples())
    for needle in (
        "AsyncClient", "with_options", "extra_headers=", "with_raw_response", ".iter(", ".pages(",
        "except APIStatusError", "logging.getLogger",
    ):  # fmt: skip
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
    calls_the_api = "client." in code or "patient." in code
    assert bool(http_server.requests) == calls_the_api
    printed = capsys.readouterr().out
    if ".iter(" in code:
        assert printed.count("client_id='") == 6  # three items, sync walk then async walk
    if ".pages(" in code:
        assert "2 pages" in printed and printed.count("ListResourceOAuth2Client") == 2
    if "except APIStatusError" in code:
        assert printed.startswith("422 ")
