"""Bad input: exit 2, one `FILE:LINE:COL: POINTER: message` line per problem, nothing written."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import SPEC, generate_in_process, run_cli, tree

LINE = re.compile(r"^(?P<file>[^:]+):(?P<line>\d+):(?P<col>\d+): #(?P<pointer>\S*): (?P<message>.+)$")


def problems(stderr: str) -> list[re.Match[str]]:
    lines = [line for line in stderr.splitlines() if not line.endswith("nothing was written.")]
    matches = [LINE.match(line) for line in lines]
    assert all(matches), f"not one problem per line:\n{stderr}"
    return [m for m in matches if m]


def run_on(tmp_path: Path, text: str, name: str = "api.yaml", command: str = "generate") -> tuple[int, str, Path]:
    spec = tmp_path / name
    spec.write_text(text)
    out = tmp_path / "out"
    result = run_cli(command, "--spec", str(spec), "--out", str(out))
    assert "Traceback" not in result.stderr
    return result.returncode, result.stderr, out


BASE = """openapi: 3.1.0
info: {title: T, version: "1"}
paths:
  /items/{item_id}:
    get:
      operationId: items:get
      parameters:
        - {name: item_id, in: path, required: true, schema: {type: string}}
      responses:
        "200": {description: ok}
"""


def test_duplicate_keys_are_all_reported_with_positions(tmp_path: Path) -> None:
    text = BASE.replace("info: {title: T, version: \"1\"}", "info: {title: T, version: \"1\"}\ninfo: {title: U, version: \"2\"}")
    text = text.replace("      operationId: items:get\n", "      operationId: items:get\n      operationId: items:again\n")
    code, stderr, out = run_on(tmp_path, text)
    assert code == 2
    found = problems(stderr)
    assert [(m["line"], m["pointer"]) for m in found] == [("3", "/info"), ("8", "/paths/~1items~1{item_id}/get/operationId")]
    assert all("duplicate key" in m["message"] for m in found)
    assert not out.exists()


def test_yaml_syntax_error_has_line_and_column(tmp_path: Path) -> None:
    code, stderr, _ = run_on(tmp_path, "openapi: 3.1.0\ninfo: [unclosed\n")
    assert code == 2
    (m,) = problems(stderr)
    assert m["line"] == "3" and "invalid YAML" in m["message"]


def test_invalid_json_is_located(tmp_path: Path) -> None:
    code, stderr, _ = run_on(tmp_path, '{\n  "openapi": "3.1.0",\n  "info": }\n', name="api.json")
    assert code == 2
    (m,) = problems(stderr)
    assert (m["line"], m["col"]) == ("3", "11") and "invalid JSON" in m["message"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", "the spec is empty"),
        ("- a\n- b\n", "must be a mapping"),
        ("swagger: '2.0'\ninfo: {title: T, version: '1'}\npaths: {}\n", "Swagger 2.0 is not supported"),
        ("openapi: 3.1.0\npaths: {}\n", "missing `info`"),
        ("openapi: 3.1.0\ninfo: {title: T, version: '1'}\n", "missing `paths`"),
    ],
)
def test_documents_that_are_not_openapi(tmp_path: Path, text: str, expected: str) -> None:
    code, stderr, out = run_on(tmp_path, text)
    assert code == 2
    assert expected in problems(stderr)[0]["message"]
    assert not out.exists()


def test_every_semantic_problem_is_reported_at_once(tmp_path: Path) -> None:
    text = BASE + """  /other/{undeclared}:
    get:
      operationId: items:get
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: {$ref: "#/components/schemas/Missing"}
  /ext:
    get:
      operationId: ext:get
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: {$ref: "https://example.com/schema.json"}
"""
    code, stderr, _ = run_on(tmp_path, text)
    assert code == 2
    messages = [m["message"] for m in problems(stderr)]
    assert any("points at nothing" in m for m in messages)
    assert any("external reference 'https://example.com/schema.json' refused" in m for m in messages)


def test_semantic_checks_after_refs(tmp_path: Path) -> None:
    text = BASE + """  /other/{undeclared}:
    get:
      operationId: items:get
      responses:
        "200": {description: ok}
components:
  schemas:
    Item_Thing: {type: object, properties: {a: {type: string}}}
    ItemThing: {type: object, properties: {a: {type: string}}}
"""
    code, stderr, _ = run_on(tmp_path, text)
    assert code == 2
    messages = [m["message"] for m in problems(stderr)]
    assert any("operationId 'items:get' is already used" in m for m in messages)
    assert any("path parameter {undeclared}" in m for m in messages)
    assert any("both become class ItemThing" in m for m in messages)


def test_validator_errors_point_into_the_document(tmp_path: Path) -> None:
    text = BASE.replace("schema: {type: string}", "schema: {type: strin}")
    code, stderr, _ = run_on(tmp_path, text)
    assert code == 2
    found = problems(stderr)
    assert any(m["pointer"].endswith("/parameters/0/schema/type") and m["line"] == "8" for m in found), stderr


def test_bad_input_leaves_the_output_folder_untouched(tmp_path: Path) -> None:
    out = tmp_path / "out"
    generate_in_process(SPEC, out, "polar_oauth2")
    before = tree(out)
    spec = tmp_path / "bad.yaml"
    spec.write_text(SPEC.read_text().replace("operationId: \"oauth2:authorize\"", "operationId: \"oauth2:clients:list\""))
    for command in ("generate", "check"):
        result = run_cli(command, "--spec", str(spec), "--out", str(out))
        assert result.returncode == 2
        assert "already used" in result.stderr
    assert tree(out) == before


def test_missing_spec_file(tmp_path: Path) -> None:
    result = run_cli("generate", "--spec", str(tmp_path / "nope.yaml"), "--out", str(tmp_path / "out"))
    assert result.returncode == 2
    assert "cannot read the spec" in result.stderr


# -- references are never fetched, files never read unless asked -----------------------------

import socket
import sys
import threading
from collections.abc import Iterator

_WATCHED: list[tuple[str, tuple[object, ...]]] = []
_WATCHING = threading.Event()


def _audit(event: str, args: tuple[object, ...]) -> None:
    if _WATCHING.is_set() and (event in ("open", "urllib.Request") or event.startswith("socket.")):
        _WATCHED.append((event, args))


sys.addaudithook(_audit)  # hooks cannot be removed: this one only records while watching


@pytest.fixture
def watch() -> Iterator[list[tuple[str, tuple[object, ...]]]]:
    """Files opened and sockets used (audit events) between _WATCHING.set() and .clear()."""
    _WATCHED.clear()
    try:
        yield _WATCHED
    finally:
        _WATCHING.clear()


@pytest.fixture
def listener() -> Iterator[tuple[int, list[str]]]:
    """A TCP port on 127.0.0.1 that records whether anything connected."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()
    server.settimeout(0.2)
    seen: list[str] = []
    stop = threading.Event()

    def accept() -> None:
        while not stop.is_set():
            try:
                conn, _ = server.accept()
            except OSError:
                continue
            seen.append("connected")
            conn.close()

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield server.getsockname()[1], seen
    stop.set()
    thread.join()
    server.close()


def _refs_spec(tmp_path: Path, port: int) -> tuple[Path, list[Path]]:
    secret = tmp_path / "secret.yaml"
    secret.write_text("type: string\n")
    sibling = tmp_path / "spec" / "schemas.yaml"
    sibling.parent.mkdir()
    sibling.write_text("Item: {type: object, properties: {id: {type: string}}}\n")
    spec = tmp_path / "spec" / "api.yaml"
    spec.write_text(
        BASE
        + f"""  /refs:
    get:
      operationId: refs:get
      parameters:
        - $ref: "http://127.0.0.1:{port}/parameters.yaml#/Limit"
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: {{$ref: "schemas.yaml#/Item"}}
        "201":
          description: ok
          content:
            application/json:
              schema: {{$ref: "file://{secret}"}}
        "202":
          description: ok
          content:
            application/json:
              schema: {{$ref: "{secret}"}}
        "203":
          description: ok
          content:
            application/json:
              schema: {{$ref: "https://127.0.0.1:{port}/schema.json"}}
"""
    )
    return spec, [secret, sibling]


@pytest.mark.parametrize("allow", [False, True])
def test_references_are_never_fetched_and_files_read_only_when_allowed(
    allow: bool,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    watch: list[tuple[str, tuple[object, ...]]],
    listener: tuple[int, list[str]],
) -> None:
    from generator.cli import main

    port, connections = listener
    spec, files = _refs_spec(tmp_path, port)
    flag = ["--allow-file-refs"] if allow else []
    _WATCHING.set()
    code = main(["generate", "--spec", str(spec), "--out", str(tmp_path / "out"), *flag])
    _WATCHING.clear()
    stderr = capsys.readouterr().err
    assert code == 2, stderr
    opened = [str(args[0]) for event, args in watch if event == "open"]
    # The sibling file is read with --allow-file-refs only; nothing else, ever.
    assert (str(files[1]) in opened) == allow, opened
    assert str(files[0]) not in opened
    assert not [event for event, _ in watch if event.startswith("socket.") or event == "urllib.Request"]
    assert connections == []
    messages = [m["message"] for m in problems(stderr)]
    refused = [m for m in messages if "refused" in m]
    assert len(refused) == (4 if allow else 5), messages
    assert not (tmp_path / "out").exists()


def test_allow_file_refs_generates_and_checks(tmp_path: Path) -> None:
    folder = tmp_path / "spec"
    (folder / "schemas").mkdir(parents=True)
    (folder / "schemas" / "item.yaml").write_text("type: object\nproperties:\n  id: {type: string}\n")
    spec = folder / "api.yaml"
    spec.write_text(BASE.replace('"200": {description: ok}', '"200":\n          description: ok\n'
                                 '          content:\n            application/json:\n'
                                 '              schema: {$ref: "schemas/item.yaml"}'))  # fmt: skip
    out = tmp_path / "out"
    refused = run_cli("generate", "--spec", str(spec), "--out", str(out))
    assert refused.returncode == 2 and "--allow-file-refs" in refused.stderr
    assert not out.exists()
    done = run_cli("generate", "--spec", str(spec), "--out", str(out), "--allow-file-refs")
    assert done.returncode == 0, done.stderr
    assert "class Item(" in (out / "polar_oauth2" / "models.py").read_text()
    assert run_cli("check", "--spec", str(spec), "--out", str(out), "--allow-file-refs").returncode == 0
    # A change in the other file is a change of the spec.
    (folder / "schemas" / "item.yaml").write_text("type: object\nproperties:\n  id: {type: integer}\n")
    assert run_cli("check", "--spec", str(spec), "--out", str(out), "--allow-file-refs").returncode == 1
    # Errors inside the other file name that file.
    (folder / "schemas" / "item.yaml").write_text("type: object\nproperties:\n  id: {type: strin}\n")
    bad = run_cli("check", "--spec", str(spec), "--out", str(out), "--allow-file-refs")
    assert bad.returncode == 2
    (line,) = [m for m in problems(bad.stderr)]
    assert (line["file"], line["line"], line["col"], line["pointer"]) == (
        str(folder / "schemas" / "item.yaml"), "3", "8", "/properties/id/type",
    )  # fmt: skip


WARNED = BASE.replace(
    "schema: {type: string}}",
    "schema: {type: string}}\n        - {name: limit, in: query, schema: {type: integer, minimum: 1, default: 0}}",
)


def test_a_warning_is_printed_and_generation_goes_on(tmp_path: Path) -> None:
    code, stderr, out = run_on(tmp_path, WARNED)
    assert code == 0, stderr
    lines = stderr.splitlines()
    assert lines[0] == (
        f"{tmp_path / 'api.yaml'}:9:72: #/paths/~1items~1{{item_id}}/get/parameters/1/schema/default: "
        "warning: the default does not match its schema (0 is less than the minimum of 1); dropped it"
    )
    assert lines[1] == "1 warning; --strict makes them errors."
    assert lines[2].startswith("Wrote ")
    client = next(out.rglob("_client.py")).read_text()
    assert "limit: int | None = None" in client and "= 0" not in client


def test_strict_turns_the_warning_into_exit_2(tmp_path: Path) -> None:
    spec = tmp_path / "api.yaml"
    spec.write_text(WARNED)
    result = run_cli("generate", "--strict", "--spec", str(spec), "--out", str(tmp_path / "out"))
    assert result.returncode == 2
    (m,) = problems(result.stderr)
    assert m["message"].startswith("warning: the default does not match its schema")
    assert result.stderr.splitlines()[-1] == "1 problem; nothing was written."
    assert not (tmp_path / "out").exists()


def test_strict_from_pyproject(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.polar-codegen]\nspec = "api.yaml"\nout = "out"\npackage-name = "strict_client"\nstrict = true\n')
    (tmp_path / "api.yaml").write_text(WARNED)
    result = run_cli("generate", cwd=tmp_path)
    assert result.returncode == 2 and "nothing was written" in result.stderr
    assert not (tmp_path / "out").exists()


def test_review_lists_the_warnings(tmp_path: Path) -> None:
    spec = tmp_path / "api.yaml"
    spec.write_text(WARNED)
    result = run_cli("review", "--spec", str(spec), "--format", "text")
    assert result.returncode == 0, result.stderr
    assert (
        "  [spec-warning] `#/paths/~1items~1{item_id}/get/parameters/1/schema/default`: the default does not "
        "match its schema (0 is less than the minimum of 1); dropped it"
    ) in result.stdout.splitlines()
