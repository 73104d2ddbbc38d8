"""`--allow-file-refs` with the layout of multi-file specs (tests/file_refs_layout/, like
DigitalOcean's): operations and tag descriptions kept in files of their own are bundled with
a warning, a path item file without one; refs inside those files are relative to them; and
nothing is read without the flag or outside the spec's folder."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import TESTS

from generator.problems import Problem
from generator.spec.document import where
from generator.spec.load import load
from generator.spec.validate import validate
from generator.spec.walk import typed_nodes

LAYOUT = TESTS / "file_refs_layout"

OP_WARNING = "a `$ref` where an Operation stands is not OpenAPI; bundled {} in its place"
TAG_WARNING = "a `$ref` where a tag's description stands is not OpenAPI; used the text of {} as the description"


@pytest.fixture
def layout(tmp_path: Path) -> Path:
    shutil.copytree(LAYOUT, tmp_path / "spec")
    return tmp_path / "spec" / "openapi.yaml"


def lines(spec: Path, problems: list[Problem], document: object) -> list[str]:
    out = []
    for p in problems:
        file, line, col, pointer = where(spec, p, document)
        name = Path(file).relative_to(spec.parent).as_posix()
        out.append(f"{name}:{line}:{col}: #{pointer}: {p.severity}: {p.message}")
    return out


def test_operations_path_items_and_descriptions_are_bundled(layout: Path) -> None:
    doc = load(layout, allow_file_refs=True, defer=True)
    paths = doc.data["paths"]
    assert paths["/droplets"]["get"]["operationId"] == "droplets_list"
    assert paths["/droplets"]["post"]["operationId"] == "droplets_create"
    # A path item file, and the operation file it refers to (relative to the path item's folder).
    item = paths["/droplets/{droplet_id}"]
    assert item["parameters"][0]["name"] == "droplet_id"
    assert item["get"]["operationId"] == "droplets_get"
    assert (
        doc.data["tags"][0]["description"]
        == "A droplet is a virtual machine.\n\nDroplets run in a region."
    )
    # Nested refs, relative to the operation file: every one is local now.
    refs = [
        t.node["$ref"]
        for t in typed_nodes(doc.data)
        if isinstance(t.node, dict) and "$ref" in t.node
    ]
    assert refs and all(ref.startswith("#/components/") for ref in refs), refs
    assert sorted(doc.data["components"]["schemas"]) == ["droplet", "region"]
    assert sorted(doc.data["components"]["parameters"]) == ["per_page"]
    assert item["get"]["responses"]["200"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/droplet"
    }
    # Positions inside a bundled operation name its file.
    assert doc.locate("/paths/~1droplets/get/summary") == (
        layout.parent / "ops" / "droplets_list.yaml",
        "/summary",
        (2, 1),
    )
    # The bundled constructs are no errors for validation: only the bundler's warnings remain.
    found = validate(doc.data, doc.problems)
    assert all(p.is_warning for p in found), found
    assert sorted(doc.problems) == sorted(found)


def test_the_warnings_say_what_was_bundled_where_the_ref_was_written(layout: Path) -> None:
    doc = load(layout, allow_file_refs=True, defer=True)
    assert lines(layout, doc.problems, doc) == [
        "openapi.yaml:6:5: #/tags/0/description: warning: "
        + TAG_WARNING.format("docs/droplets.md"),
        "openapi.yaml:11:11: #/paths/~1droplets/get/$ref: warning: "
        + OP_WARNING.format("ops/droplets_list.yaml"),
        "openapi.yaml:12:12: #/paths/~1droplets/post/$ref: warning: "
        + OP_WARNING.format("ops/droplets_create.yaml"),
        "paths/droplet.yaml:3:7: #/get/$ref: warning: "
        + OP_WARNING.format("ops/droplets_get.yaml"),
    ]
    # A Path Item `$ref` is OpenAPI: no warning about it.
    assert not any("paths/droplet.yaml" in p.message for p in doc.problems)


def test_an_operation_from_part_of_a_file(tmp_path: Path) -> None:
    (tmp_path / "ops.yaml").write_text(
        "list:\n  operationId: things_list\n  responses: {'200': {description: ok, content: "
        "{application/json: {schema: {$ref: '#/Thing'}}}}}\nThing: {type: string}\n"
    )
    spec = tmp_path / "openapi.yaml"
    spec.write_text(
        'openapi: 3.1.0\ninfo: {title: T, version: "1"}\npaths:\n  /t:\n    get: {$ref: "ops.yaml#/list"}\n'
    )
    doc = load(spec, allow_file_refs=True, defer=True)
    assert [p.message for p in doc.problems] == [OP_WARNING.format("ops.yaml#/list")]
    op = doc.data["paths"]["/t"]["get"]
    assert op["responses"]["200"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/Thing"
    }
    assert doc.data["components"]["schemas"]["Thing"] == {"type": "string"}


def test_without_the_flag_nothing_is_read(layout: Path) -> None:
    folder = layout.parent
    others = [p for p in folder.rglob("*") if p.is_file() and p != layout]
    for path in others:
        path.chmod(0)  # reading one would fail loudly
    try:
        doc = load(layout, defer=True)
        found = validate(doc.data, doc.problems)
    finally:
        for path in others:
            path.chmod(0o644)
    errors = {p.pointer: p.message for p in found if not p.is_warning}
    assert "/tags/0/description" in errors
    for pointer in (
        "/paths/~1droplets/get/$ref",
        "/paths/~1droplets/post/$ref",
        "/paths/~1droplets~1{droplet_id}/$ref",
    ):
        assert "refused" in errors[pointer], errors
    assert doc.data["tags"][0]["description"] == {"$ref": "docs/droplets.md"}
    assert not any(p.is_warning and "bundled" in p.message for p in found)


@pytest.mark.parametrize(
    ("ref", "message"),
    [
        ("../outside.yaml", "`$ref` '../outside.yaml' refused: it leads out of the spec's folder"),
        ("https://example.com/op.yaml", "`$ref` 'https://example.com/op.yaml' refused: a URL is never fetched, even with --allow-file-refs"),
        ("/etc/passwd", "`$ref` '/etc/passwd' refused: absolute paths are never read"),
    ],
)  # fmt: skip
def test_an_operation_or_description_ref_out_of_the_folder_is_refused(
    tmp_path: Path, ref: str, message: str
) -> None:
    (tmp_path / "outside.yaml").write_text(
        "operationId: x\nresponses: {'200': {description: ok}}\n"
    )
    folder = tmp_path / "spec"
    folder.mkdir()
    spec = folder / "openapi.yaml"
    spec.write_text(
        f'openapi: 3.1.0\ninfo: {{title: T, version: "1"}}\ntags: [{{name: a, description: {{$ref: "{ref}"}}}}]\n'
        f'paths:\n  /x:\n    get: {{$ref: "{ref}"}}\n'
    )
    doc = load(spec, allow_file_refs=True, defer=True)
    assert [(p.pointer, p.message, p.severity) for p in doc.problems] == [
        ("/tags/0/description/$ref", message, "error"),
        ("/paths/~1x/get/$ref", message, "error"),
    ]
    assert doc.data["paths"]["/x"]["get"] == {"$ref": ref}


def test_a_description_link_out_of_the_folder_is_refused(tmp_path: Path) -> None:
    (tmp_path / "secret.md").write_text("secret\n")
    folder = tmp_path / "spec"
    folder.mkdir()
    (folder / "a.md").symlink_to(tmp_path / "secret.md")
    spec = folder / "openapi.yaml"
    spec.write_text(
        'openapi: 3.1.0\ninfo: {title: T, version: "1"}\ntags: [{name: a, description: {$ref: a.md}}]\npaths: {}\n'
    )
    doc = load(spec, allow_file_refs=True, defer=True)
    assert [p.message for p in doc.problems] == [
        f"`$ref` 'a.md' refused: {folder / 'a.md'} is a link that leads out of the spec's folder"
    ]
    assert doc.data["tags"][0]["description"] == {"$ref": "a.md"}


def test_descriptions_are_utf8_text_within_the_size_limit(tmp_path: Path) -> None:
    spec = tmp_path / "openapi.yaml"
    spec.write_text(
        'openapi: 3.1.0\ninfo: {title: T, version: "1"}\npaths: {}\ntags:\n'
        "  - {name: a, description: {$ref: a.md}}\n  - {name: b, description: {$ref: b.txt}}\n"
        "  - {name: c, description: {$ref: 'a.md#/x'}}\n"
    )
    (tmp_path / "a.md").write_bytes("\ufeff\n# Ünïcode\n\ntext  \n\n".encode())
    (tmp_path / "b.txt").write_bytes(b"\xff\xfe not utf-8")
    doc = load(spec, allow_file_refs=True, defer=True)
    assert doc.data["tags"][0]["description"] == "# Ünïcode\n\ntext"
    assert [(p.pointer, p.message, p.severity) for p in doc.problems] == [
        ("/tags/0/description", TAG_WARNING.format("a.md"), "warning"),
        (
            "/tags/1/description/$ref",
            f"`$ref` 'b.txt': {tmp_path / 'b.txt'} is not UTF-8 text",
            "error",
        ),
        (
            "/tags/2/description/$ref",
            "`$ref` 'a.md#/x': a description is read from a whole Markdown or text file",
            "error",
        ),
    ]
    limit = spec.stat().st_size + 5
    doc = load(spec, allow_file_refs=True, max_bytes=limit, defer=True)
    assert any(
        p.pointer == "/tags/0/description/$ref" and "over the limit" in p.message
        for p in doc.problems
    )
    assert doc.data["tags"][0]["description"] == {"$ref": "a.md"}
