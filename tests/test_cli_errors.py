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
