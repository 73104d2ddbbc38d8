"""Path parameters stay inside their segment: a `/` is escaped, and so is a value of dots
alone, which a URL would otherwise resolve away (`things/..` is `/`: another endpoint)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from conftest import generate_in_process
from http_server import Reply, ScriptedServer

SPEC = {
    "openapi": "3.1.0",
    "info": {"title": "Paths", "version": "1"},
    "paths": {
        "/things/{thing_id}": {
            "delete": {
                "operationId": "remove",
                "parameters": [{"name": "thing_id", "in": "path", "required": True, "schema": {"type": "string"}}],
                "responses": {"204": {"description": "gone"}},
            }
        }
    },
}


@pytest.fixture(scope="module")
def paths_client(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("paths")
    spec = root / "paths.json"
    spec.write_text(json.dumps(SPEC))
    generate_in_process(spec, root / "out", "path_escaping")
    return root / "out"


@pytest.mark.parametrize(
    ("value", "target"),
    [
        ("..", "/things/%2E%2E"),
        (".", "/things/%2E"),
        ("...", "/things/%2E%2E%2E"),
        ("a/../b", "/things/a%2F..%2Fb"),
        ("v1.2", "/things/v1.2"),
        ("?#", "/things/%3F%23"),
    ],
)
def test_a_path_value_never_leaves_its_segment(
    paths_client: Path, import_generated: Any, http_server: ScriptedServer, value: str, target: str
) -> None:
    pkg = import_generated(paths_client, "path_escaping")
    http_server.route("DELETE", "/things/x", Reply(status=204))
    with pkg.Client(base_url=http_server.url, max_retries=0) as client:
        try:
            client.remove(value)
        except pkg.APIStatusError:
            pass  # the scripted server answers only the routes it knows
    assert http_server.requests[-1].target == target
