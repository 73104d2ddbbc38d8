"""A 204 with content documented (tests/warning_specs/bodiless-content.yaml): on our HTTP
server on 127.0.0.1, a real 204 (no body, as HTTP sends it) returns None, and a 200 the
spec does not document, read as its first documented success, decodes the body."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from types import ModuleType

from conftest import TESTS, generate_in_process
from http_server import Reply, ScriptedServer

SPEC = TESTS / "warning_specs" / "bodiless-content.yaml"


def test_a_204_returns_none_and_another_success_its_body(
    tmp_path: Path, import_generated: Callable[[Path, str], ModuleType], http_server: ScriptedServer
) -> None:
    generate_in_process(SPEC, tmp_path / "out", "bodiless")
    package = import_generated(tmp_path / "out", "bodiless")
    http_server.enqueue("DELETE", "/things/a", Reply(status=204), Reply.json({"id": "a"}))
    http_server.enqueue("PATCH", "/things/a", Reply(status=204))
    with package.Client(base_url=http_server.url, max_retries=0) as client:
        assert client.things.delete("a") is None
        assert client.things.delete("a") == package.models.ThingsDeleteResponse(id="a")
        assert client.things.update("a") is None
