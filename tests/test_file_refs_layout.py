"""End to end: the multi-file layout of tests/file_refs_layout/ (operations and a tag's
description in files of their own) generates with `--allow-file-refs` and its warnings, and
the client calls the operations those files define, through our HTTP server on 127.0.0.1."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

from conftest import TESTS, run_cli
from http_server import Reply, ScriptedServer

SPEC = TESTS / "file_refs_layout" / "openapi.yaml"
OP = "warning: a `$ref` where an Operation stands is not OpenAPI; bundled {} in its place"


def test_the_layout_generates_a_working_client(tmp_path: Path, http_server: ScriptedServer) -> None:
    out = tmp_path / "out"
    done = run_cli(
        "generate",
        "--allow-file-refs",
        "--spec",
        str(SPEC),
        "--out",
        str(out),
        "--package-name",
        "droplets",
    )
    assert done.returncode == 0, done.stderr
    spec = str(SPEC)
    assert done.stderr.splitlines()[:5] == [
        (
            f"{spec}:6:5: #/tags/0/description: warning: a `$ref` where a tag's description stands is not "
            "OpenAPI; used the text of docs/droplets.md as the description"
        ),
        f"{spec}:11:11: #/paths/~1droplets/get/$ref: " + OP.format("ops/droplets_list.yaml"),
        f"{spec}:12:12: #/paths/~1droplets/post/$ref: " + OP.format("ops/droplets_create.yaml"),
        f"{SPEC.parent / 'paths' / 'droplet.yaml'}:3:7: #/get/$ref: "
        + OP.format("ops/droplets_get.yaml"),
        "4 warnings; --strict makes them errors.",
    ]
    sys.path.insert(0, str(out))
    try:
        importlib.invalidate_caches()
        package = importlib.import_module("droplets")
        assert package.Client.__doc__ is not None
        resource = package._client.DropletsResource
        assert resource.__doc__.startswith(
            "A droplet is a virtual machine.\n\n    Droplets run in a region."
        )
        http_server.route("GET", "/droplets", Reply.json({"droplets": [{"id": 1, "name": "a"}]}))
        http_server.route(
            "GET", "/droplets/7", Reply.json({"id": 7, "name": "b", "region": {"slug": "ams3"}})
        )
        http_server.route("POST", "/droplets", Reply.json({"id": 8, "name": "c"}, status=201))
        with package.Client(base_url=http_server.url, max_retries=0) as client:
            listed = client.droplets.list(per_page=5)
            assert [d.name for d in listed.droplets] == ["a"]
            assert http_server.last_request.query == [("per_page", "5")]
            got = client.droplets.get(7)
            assert (got.id, got.region.slug) == (7, "ams3")
            created = client.droplets.create(body=package.models.Droplet(id=8, name="c"))
            assert created.id == 8
        assert http_server.last_request.json() == {"id": 8, "name": "c"}
    finally:
        sys.path.remove(str(out))
        for name in [m for m in sys.modules if m.split(".")[0] == "droplets"]:
            del sys.modules[name]
