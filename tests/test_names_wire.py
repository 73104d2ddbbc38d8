"""Specs that generate with warnings, as a user meets them: the client imports, and its
requests go out right through our HTTP server on 127.0.0.1 (tests/http_server.py).

`tests/specs_wire/names_and_paths.yaml` has four schemas that make two class names
(`NullTime`/`nullTime`, `_metadata`/`metadata`) and a path whose two `{name}`s no parameter
declares; `tests/warning_specs/subset-defects-elsewhere.yaml` is generated for one good
operation beside bad ones.
"""

from __future__ import annotations

import importlib
import inspect
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType

import pytest
from conftest import TESTS
from http_server import Reply, ScriptedServer

from generator.cli import main

Importer = Callable[[Path, str], ModuleType]


@pytest.fixture
def import_generated() -> Iterator[Importer]:
    """Import a generated package from its folder; forgotten again afterwards (only it: the
    generator's own modules stay, so the next generation in this process finds them)."""
    loaded: list[tuple[Path, str]] = []

    def load(out: Path, package: str) -> ModuleType:
        sys.path.insert(0, str(out))
        loaded.append((out, package))
        importlib.invalidate_caches()
        return importlib.import_module(package)

    yield load
    for out, package in loaded:
        sys.path.remove(str(out))
        for name in [m for m in sys.modules if m.split(".")[0] == package]:
            del sys.modules[name]


def generate(
    capsys: pytest.CaptureFixture[str], spec: Path, out: Path, package: str, *extra: str
) -> tuple[int, list[str]]:
    code = main(["generate", "--spec", str(spec), "--out", str(out), "--package-name", package, *extra])
    return code, capsys.readouterr().err.replace(str(spec), "{spec}").splitlines()


def test_colliding_names_and_undeclared_path_parameters(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], import_generated: Importer, http_server: ScriptedServer
) -> None:
    spec = TESTS / "specs_wire" / "names_and_paths.yaml"
    code, err = generate(capsys, spec, tmp_path / "out", "names_wire")
    assert code == 0, err
    undeclared = (
        "{spec}:5:5: #/paths/~1things~1{thing-id}~1meta~1{key}/get: warning: path parameter {%s} of "
        "/things/{thing-id}/meta/{key} is not declared; added it as a required str "
        "(hint: declare it under `parameters` with `in: path`)"
    )
    renamed = (
        "{spec}:%d:5: #/components/schemas/%s: warning: schema '%s' and schema '%s' both become class %s; "
        "named this one %s (hint: rename one of them to choose the class names)"
    )
    assert err[:4] == [
        undeclared % "thing-id",
        undeclared % "key",
        renamed % (24, "nullTime", "nullTime", "NullTime", "NullTime", "NullTime2"),
        renamed % (26, "metadata", "metadata", "_metadata", "Metadata", "Metadata2"),
    ]
    assert err[4] == "4 warnings; --strict makes them errors."
    package = import_generated(tmp_path / "out", "names_wire")
    models = package.models
    assert [models.NullTime.__name__, models.NullTime2.__name__] == ["NullTime", "NullTime2"]
    http_server.route(
        "GET",
        "/things/a%2Fb%20c/meta/k%C3%A9y",
        Reply.json({"a": {"time": "now"}, "b": {"valid": True}, "c": {"name": "n"}, "d": {"count": 3}}),
    )
    with package.Client(base_url=http_server.url, max_retries=0) as client:
        method = client.things.meta.get
        parameters = inspect.signature(method).parameters
        assert [(p.name, p.kind, p.annotation) for p in parameters.values()] == [
            ("thing_id", inspect.Parameter.POSITIONAL_OR_KEYWORD, "str"),
            ("key", inspect.Parameter.POSITIONAL_OR_KEYWORD, "str"),
            ("options", inspect.Parameter.VAR_KEYWORD, "Unpack[RequestOptions]"),
        ]
        held = method("a/b c", "kéy")
    assert http_server.last_request.target == "/things/a%2Fb%20c/meta/k%C3%A9y"
    assert held == models.Holder(
        a=models.NullTime(time="now"),
        b=models.NullTime2(valid=True),
        c=models.Metadata(name="n"),
        d=models.Metadata2(count=3),
    )
    # --strict: the same warnings are errors; nothing is written.
    code, err = generate(capsys, spec, tmp_path / "strict", "names_wire", "--strict")
    assert code == 2 and err[-1] == "4 problems; nothing was written.", err
    assert not (tmp_path / "strict").exists()


def test_a_subset_generates_beside_bad_operations(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], import_generated: Importer, http_server: ScriptedServer
) -> None:
    spec = TESTS / "warning_specs" / "subset-defects-elsewhere.yaml"
    code, err = generate(capsys, spec, tmp_path / "all", "subset_wire")
    assert code == 2 and err[-1] == "6 problems; nothing was written.", err
    code, err = generate(capsys, spec, tmp_path / "out", "subset_wire", "--include-operations", "items:get")
    assert code == 0, err
    assert err[-2] == "6 warnings; --strict makes them errors.", err
    assert all(": warning: " in line and "; outside the chosen operations, ignored" in line for line in err[:-2]), err
    package = import_generated(tmp_path / "out", "subset_wire")
    http_server.route("GET", "/items/i-1", Reply.json({"id": "i-1", "owner": {"name": "o"}}))
    with package.Client(base_url=http_server.url, max_retries=0) as client:
        assert not hasattr(client, "orders")
        item = client.items.get("i-1")
    assert item == package.models.Item(id="i-1", owner=package.models.Owner(name="o"))
    assert not hasattr(package.models, "Order")


def test_names_a_user_would_write_go_out_as_the_spec_spells_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], import_generated: Importer, http_server: ScriptedServer
) -> None:
    # A FastAPI operationId, a version in the tag and the path, filters that differ by `<`
    # and `>`, and inline union members (naming/: generated_ids, tags, parameters,
    # union_members).
    spec = TESTS / "specs_wire" / "user_names.yaml"
    code, err = generate(capsys, spec, tmp_path / "out", "user_names_wire", "--strict")
    assert code == 0, err
    package = import_generated(tmp_path / "out", "user_names_wire")
    models = package.models
    assert [models.MessageChannelSms.__name__, models.MessageChannelEmail.__name__, models.MessagePriority.HIGH] == [
        "MessageChannelSms", "MessageChannelEmail", models.MessagePriority("high"),
    ]  # fmt: skip
    http_server.route(
        "GET",
        "/2010-04-01/Messages.json",
        Reply.json([{"sid": "SM1", "priority": None, "channel": {"kind": "email", "address": "a@example.com"}}]),
    )
    with package.Client(base_url=http_server.url, max_retries=0) as client:
        assert client.message.__doc__ == "Messages sent and received."
        found = client.message.list_messages(date_sent_lt="2024-02-01", date_sent_gt="2024-01-01")
    assert http_server.last_request.target == "/2010-04-01/Messages.json?DateSent%3C=2024-02-01&DateSent%3E=2024-01-01"
    assert found == [models.Message(sid="SM1", priority=None, channel=models.MessageChannelEmail(address="a@example.com"))]
