"""Tags that are not ASCII text, on the wire (tests/specs_wire/non_ascii_tags.yaml): a
response of one tagged variant on its own, and one through its union, decoded from what our
server on 127.0.0.1 sends. msgspec 0.22 refuses the first until the tag text has been
encoded once; models.py does that when it is imported (generator/emit/non_ascii_tags.py)."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
from conftest import TESTS, generated_package
from http_server import Reply, ScriptedServer

SPEC = TESTS / "specs_wire" / "non_ascii_tags.yaml"


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("non_ascii_tags")


@pytest.fixture(scope="module")
def pkg(out: Path) -> Iterator[ModuleType]:
    with generated_package(SPEC, out, "feat_non_ascii_tags") as module:
        yield module


def _utf8(data: dict[str, str]) -> Reply:
    """JSON as most servers write it: UTF-8, nothing escaped."""
    body = json.dumps(data, ensure_ascii=False).encode("utf-8")
    return Reply(200, (("content-type", "application/json"),), body)


def test_a_lone_variant_with_a_non_ascii_tag_decodes(pkg: ModuleType, http_server: ScriptedServer) -> None:
    http_server.route("GET", "/cats/c1", lambda request: _utf8({"kind": "chât", "nom": "Tom"}))
    http_server.route("GET", "/animals/c1", lambda request: Reply.json({"kind": "chât", "nom": "Tom"}))
    http_server.route("GET", "/animals/p1", lambda request: _utf8({"kind": "perro", "nombre": "Rex"}))
    with pkg.Client(base_url=http_server.url) as client:
        cat = client.cats.get("c1")
        assert type(cat) is pkg.models.Chat and cat.nom == "Tom" and cat.kind == "chât"
        assert type(client.animals.get("c1")) is pkg.models.Chat  # escaped: ch\u00e2t
        assert type(client.animals.get("p1")) is pkg.models.Perro
    assert pkg.encode(cat) == '{"kind":"chât","nom":"Tom"}'.encode()


def test_the_tag_is_matched_before_anything_else_encodes_it(pkg: ModuleType, out: Path) -> None:
    """In a new interpreter, with no encode of ours first: models.py's own statement is
    what makes the decode work."""
    script = (
        "import msgspec\n"
        "from feat_non_ascii_tags import models\n"
        "print(msgspec.json.decode('{\"kind\": \"chât\", \"nom\": \"Tom\"}'.encode(), type=models.Chat))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], cwd=out, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout == "Chat(nom='Tom')\n"
    models = (out / "feat_non_ascii_tags" / "models.py").read_text("utf-8")
    assert models.endswith("\nmsgspec.json.encode(Chat.__struct_config__.tag)\n")
    assert "Perro.__struct_config__" not in models  # an ASCII tag needs nothing


def test_only_text_tags_with_non_ascii_characters_are_encoded_at_import() -> None:
    from generator.emit.non_ascii_tags import non_ascii_tagged, warm_up_source
    from generator.ir import Model, Tag

    def model(name: str, value: str | int | None) -> Model:
        tag = None if value is None else Tag("kind", "kind", value)
        return Model(name, f"#/components/schemas/{name}", None, None, None, (), tag)

    models = [model("Plain", "plain"), model("Number", 7), model("Untagged", None), model("Cafe", "café")]
    assert non_ascii_tagged(models) == ("Cafe",)
    assert warm_up_source(models[:3]) == ""
    long_name = "A" * 70
    assert warm_up_source([model(long_name, "ü")]).splitlines()[2:] == [
        "msgspec.json.encode(",
        f"    {long_name}.__struct_config__.tag",
        ")",
    ]
