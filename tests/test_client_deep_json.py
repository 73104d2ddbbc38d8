"""JSON nested deeper than the decoder goes is bad input from the server: a DecodeError on a
2xx body, an APIStatusError (with the text as its body) on an error, never RecursionError."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from conftest import generate_in_process
from http_server import Reply, ScriptedServer

DEEP = b"[" * 200_000 + b"]" * 200_000
SPEC = {
    "openapi": "3.1.0",
    "info": {"title": "Deep", "version": "1"},
    "paths": {
        "/any": {
            "get": {
                "operationId": "anything",
                "responses": {
                    "200": {"description": "ok", "content": {"application/json": {"schema": {}}}},
                    "500": {"description": "oops", "content": {"application/json": {"schema": {}}}},
                },
            }
        }
    },
}


@pytest.fixture(scope="module")
def deep_client(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("deep")
    spec = root / "deep.json"
    spec.write_text(json.dumps(SPEC))
    generate_in_process(spec, root / "out", "deep_json")
    return root / "out"


def test_a_deep_success_body_is_a_decode_error(deep_client: Path, import_generated: Any, http_server: ScriptedServer) -> None:
    pkg = import_generated(deep_client, "deep_json")
    http_server.route("GET", "/any", Reply.raw(DEEP))
    with pkg.Client(base_url=http_server.url) as client, pytest.raises(pkg.DecodeError) as info:
        client.anything()
    assert "nested deeper" in str(info.value)


def test_a_deep_error_body_is_a_status_error(deep_client: Path, import_generated: Any, http_server: ScriptedServer) -> None:
    pkg = import_generated(deep_client, "deep_json")
    http_server.route("GET", "/any", Reply.raw(DEEP, status=500))
    with pkg.Client(base_url=http_server.url, max_retries=0) as client, pytest.raises(pkg.APIStatusError) as info:
        client.anything()
    assert info.value.status_code == 500
