"""Reading specs: JSON-compatible data, positions for every value, hostile input refused
quickly and safely, and `$ref`s to files bundled only when asked (--allow-file-refs)."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest

from generator.problems import InputError, Problem
from generator.spec.load import MAX_DEPTH, Document, load, parse, typed_nodes, where


def load_text(text: str, name: str = "api.yaml") -> Document:
    return parse(Path(name), text.encode())


def problems_of(text: str, name: str = "api.yaml") -> list[Problem]:
    """Every problem the loader finds, fatal or not."""
    try:
        return parse(Path(name), text.encode(), defer=True).problems
    except InputError as exc:
        return exc.problems


def test_yaml_scalars_follow_the_json_compatible_core_schema() -> None:
    doc = load_text("a: yes\nb: on\nc: 2023-01-02\nd: 010\ne: 1.5\nf: ~\ng: true\nh: '3'\n200: x\ni: .inf\nj: 0x1f\n")
    assert doc.data == {
        "a": "yes", "b": "on", "c": "2023-01-02", "d": 10, "e": 1.5, "f": None, "g": True, "h": "3",
        "200": "x", "i": float("inf"), "j": 31,
    }  # fmt: skip


def test_quoted_and_block_scalars_are_text() -> None:
    doc = load_text("a: 'true'\nb: \"1\"\nc: |\n  12\nd: !!str 5\ne: ! 7\n")
    assert doc.data == {"a": "true", "b": "1", "c": "12\n", "d": "5", "e": "7"}


def test_positions_of_yaml_values() -> None:
    doc = load_text("openapi: 3.1.0\npaths:\n  /a:\n    get:\n      summary: x\n")
    assert doc.positions.lookup("/paths/~1a/get/summary") == (5, 7)
    # A pointer below an existing value falls back to the nearest ancestor.
    assert doc.positions.lookup("/paths/~1a/get/nothing/here") == (4, 5)


def test_positions_of_json_values_are_found_lazily() -> None:
    doc = load_text('{\n  "a": {\n    "b": [1, {"c": "x"}]\n  }\n}\n', name="api.json")
    assert doc.data == {"a": {"b": [1, {"c": "x"}]}}
    assert doc.positions.lookup("/a/b/1/c") == (3, 15)


def test_a_utf8_bom_is_allowed() -> None:
    doc = parse(Path("api.json"), b'\xef\xbb\xbf{\n "a": 1}')
    assert doc.data == {"a": 1}
    assert doc.positions.lookup("/a") == (2, 2)


def test_duplicate_json_keys_are_all_reported_with_positions() -> None:
    text = '{"a": 1,\n "b": {"x": 1, "x": 2},\n "a": 3}'
    found = sorted((p.pointer, p.position) for p in problems_of(text, name="api.json"))
    assert found == [("/a", (3, 2)), ("/b/x", (2, 16))]
    # Without `defer` they are raised, as before; with it the first value is kept.
    with pytest.raises(InputError):
        load_text(text, name="api.json")
    assert parse(Path("api.json"), text.encode(), defer=True).data == {"a": 1, "b": {"x": 1}}


def test_duplicate_yaml_keys_are_all_reported_and_the_first_value_kept() -> None:
    text = "a: 1\nb:\n  x: 1\n  x: 2\na: 3\n"
    doc = parse(Path("api.yaml"), text.encode(), defer=True)
    assert doc.data == {"a": 1, "b": {"x": 1}}
    assert [(p.pointer, p.position) for p in doc.problems] == [("/b/x", (4, 3)), ("/a", (5, 1))]


def test_python_tags_are_refused_not_constructed(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    text = (
        f"a: !!python/object/apply:os.system ['touch {marker}']\n"
        "b: !!python/name:os.getcwd ''\n"
        "c: !custom x\n"
        "d: !!set {x}\n"
    )
    found = problems_of(text)
    assert [p.pointer for p in found] == ["/a", "/b", "/c", "/d"]
    assert all("unsupported YAML tag" in p.message for p in found)
    assert not marker.exists()


def test_merge_keys_and_aliases() -> None:
    doc = load_text("base: &b {x: 1, y: 2}\nitem:\n  <<: *b\n  y: 3\nother: *b\n")
    assert doc.data == {"base": {"x": 1, "y": 2}, "item": {"x": 1, "y": 3}, "other": {"x": 1, "y": 2}}


def test_alias_bombs_are_stopped_quickly() -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 12):
        lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]")
    started = time.perf_counter()
    found = problems_of("\n".join(lines) + "\n")
    assert time.perf_counter() - started < 2
    assert len(found) == 1 and "aliases expand to more than" in found[0].message


@pytest.mark.parametrize("depth", [MAX_DEPTH + 1, 100_000])
def test_deep_nesting_is_refused_quickly_and_without_a_crash(depth: int) -> None:
    # libyaml's composer recurses in C (a segfault past ~30,000 levels) and its scanner is
    # quadratic in flow depth: the loader reads events and stops at MAX_DEPTH.
    for text, name in (
        ("a: " + "[" * depth + "]" * depth + "\n", "api.yaml"),
        ('{"a": ' + "[" * depth + "]" * depth + "}", "api.json"),
        ("a:\n" + "".join(" " * i + "- \n" for i in range(1, min(depth, 3000))), "api.yaml"),
    ):
        started = time.perf_counter()
        found = problems_of(text, name)
        assert time.perf_counter() - started < 2
        assert [p.message for p in found] == [f"the spec is nested more than {MAX_DEPTH} levels deep"]


def test_nesting_up_to_the_limit_is_fine() -> None:
    depth = MAX_DEPTH - 2
    doc = load_text("a: " + "[" * depth + "]" * depth + "\n")
    node: Any = doc.data["a"]
    for _ in range(depth - 1):
        node = node[0]
    assert node == []


def test_numbers_too_long_to_read() -> None:
    found = problems_of("a: " + "1" * 5000 + "\n")
    assert len(found) == 1 and "5,000 digits" in found[0].message
    with pytest.raises(InputError) as info:
        load_text('{"a": ' + "1" * 5000 + "}", name="api.json")
    assert "invalid JSON" in info.value.problems[0].message


@pytest.mark.parametrize(
    ("raw", "message", "hint"),
    [
        (b"\x00\x01binary", "binary file", None),
        (b"openapi: \xff\xfe\n", "not UTF-8", "save the file as UTF-8"),
        ("openapi: 3.1.0".encode("utf-16"), "UTF-16", "save the file as UTF-8"),
        (b"a:\n\tb: 1\n", "invalid YAML", "YAML cannot be indented with tabs; use spaces"),
        (b"a: 1\n---\nb: 2\n", "more than one YAML document", "a spec is one document; remove the second `---`"),
        (b"  \n# only a comment\n", "the spec is empty", None),
        (b"a: [1, 2\n", "invalid YAML", None),
    ],
)
def test_unreadable_text(raw: bytes, message: str, hint: str | None) -> None:
    with pytest.raises(InputError) as info:
        parse(Path("api.yaml"), raw)
    (problem,) = info.value.problems
    assert message in problem.message
    assert problem.hint == hint


def test_recursive_and_undefined_aliases_and_odd_keys() -> None:
    found = problems_of("a: &x [*x]\nb: *nothing\n? [1, 2]\n: c\nd: e\n")
    assert [p.message for p in found] == [
        "alias *x refers to a node that contains it",
        "alias *nothing has no anchor &nothing before it",
        "mapping keys must be plain text",
    ]
    assert parse(Path("api.yaml"), b"? [1, 2]\n: c\nd: e\n", defer=True).data == {"d": "e"}


def test_the_size_limit_is_checked_before_reading(tmp_path: Path) -> None:
    spec = tmp_path / "api.yaml"
    spec.write_text("openapi: 3.1.0\n" + "x-pad: " + "a" * 1000 + "\n")
    with pytest.raises(InputError) as info:
        load(spec, max_bytes=100)
    assert "over the limit of 100" in info.value.problems[0].message
    assert load(spec, max_bytes=10_000).data["openapi"] == "3.1.0"


def test_typed_nodes_know_what_stands_where() -> None:
    data = load_text(
        """
openapi: 3.1.0
paths:
  /a:
    parameters: [{$ref: "#/components/parameters/P"}]
    get:
      requestBody: {content: {application/json: {schema: {properties: {x: {type: string}}}}}}
      responses:
        "200": {description: ok, headers: {X-Rate: {schema: {type: integer}}}}
components:
  schemas:
    S: {properties: {not: {type: string}}, not: {type: "null"}}
  parameters:
    P: {name: p, in: query, schema: {type: string}}
"""
    ).data
    kinds = {t.pointer: (t.kind, t.nested) for t in typed_nodes(data)}
    assert kinds["/paths/~1a/parameters/0"] == ("parameter", False)
    assert kinds["/paths/~1a/get"] == ("operation", False)
    assert kinds["/paths/~1a/get/requestBody/content/application~1json/schema"] == ("schema", False)
    assert kinds["/paths/~1a/get/requestBody/content/application~1json/schema/properties/x"] == ("schema", True)
    assert kinds["/paths/~1a/get/responses/200/headers/X-Rate/schema"] == ("schema", False)
    # `not` as a property name is a property; `not` as a keyword holds a schema.
    assert kinds["/components/schemas/S/properties/not"] == ("schema", True)
    assert kinds["/components/schemas/S/not"] == ("schema", True)
    assert kinds["/components/parameters/P/schema"] == ("schema", False)


# -- --allow-file-refs -----------------------------------------------------------------------

SPLIT_SPEC = """\
openapi: 3.1.0
info: {title: Split, version: "1"}
paths:
  /pets/{pet_id}:
    $ref: "paths/pet.yaml"
  /owners:
    get:
      operationId: owners:list
      parameters:
        - $ref: "common.yaml#/parameters/Limit"
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema:
                type: array
                items: {$ref: "schemas/owner.yaml"}
        default: {$ref: "common.yaml#/responses/Error"}
components:
  schemas:
    Pet: {$ref: "schemas/pet.yaml"}
"""

SPLIT_FILES = {
    "paths/pet.yaml": """\
get:
  operationId: pets:get
  parameters:
    - {name: pet_id, in: path, required: true, schema: {type: string}}
  responses:
    "200":
      description: ok
      content:
        application/json:
          schema: {$ref: "../schemas/pet.yaml"}
    default: {$ref: "../common.yaml#/responses/Error"}
""",
    "common.yaml": """\
parameters:
  Limit: {name: limit, in: query, schema: {type: integer, default: 10}}
responses:
  Error:
    description: error
    content:
      application/json:
        schema: {$ref: "#/schemas/Error"}
schemas:
  Error:
    type: object
    properties:
      detail: {type: string}
""",
    "schemas/pet.yaml": """\
type: object
required: [name]
properties:
  name: {type: string}
  owner: {$ref: "owner.yaml"}
  kind:
    oneOf: [{$ref: "#/$defs/Cat"}, {$ref: "#/$defs/Dog"}]
    discriminator: {propertyName: type, mapping: {cat: "#/$defs/Cat", dog: "#/$defs/Dog"}}
$defs:
  Cat: {type: object, required: [type], properties: {type: {const: cat}, lives: {type: integer}}}
  Dog: {type: object, required: [type], properties: {type: {const: dog}, good: {type: boolean}}}
""",
    "schemas/owner.yaml": """\
type: object
properties:
  name: {type: string}
  pets: {type: array, items: {$ref: "pet.yaml"}}
""",
}

# The same API in one file, as someone bundling by hand would write it.
INLINE_SPEC = """\
openapi: 3.1.0
info: {title: Split, version: "1"}
paths:
  /pets/{pet_id}:
    get:
      operationId: pets:get
      parameters:
        - {name: pet_id, in: path, required: true, schema: {type: string}}
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: {$ref: "#/components/schemas/Pet"}
        default: {$ref: "#/components/responses/Error"}
  /owners:
    get:
      operationId: owners:list
      parameters:
        - $ref: "#/components/parameters/Limit"
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema:
                type: array
                items: {$ref: "#/components/schemas/owner"}
        default: {$ref: "#/components/responses/Error"}
components:
  schemas:
    Pet:
      type: object
      required: [name]
      properties:
        name: {type: string}
        owner: {$ref: "#/components/schemas/owner"}
        kind:
          oneOf: [{$ref: "#/components/schemas/Cat"}, {$ref: "#/components/schemas/Dog"}]
          discriminator:
            propertyName: type
            mapping: {cat: "#/components/schemas/Cat", dog: "#/components/schemas/Dog"}
    owner:
      type: object
      properties:
        name: {type: string}
        pets: {type: array, items: {$ref: "#/components/schemas/Pet"}}
    Cat: {type: object, required: [type], properties: {type: {const: cat}, lives: {type: integer}}}
    Dog: {type: object, required: [type], properties: {type: {const: dog}, good: {type: boolean}}}
    Error:
      type: object
      properties:
        detail: {type: string}
  parameters:
    Limit: {name: limit, in: query, schema: {type: integer, default: 10}}
  responses:
    Error:
      description: error
      content:
        application/json:
          schema: {$ref: "#/components/schemas/Error"}
"""


def write_split(folder: Path) -> Path:
    for name, text in SPLIT_FILES.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text)
    spec = folder / "openapi.yaml"
    spec.write_text(SPLIT_SPEC)
    return spec


def test_file_refs_are_bundled_into_local_refs(tmp_path: Path) -> None:
    from generator.spec.validate import validate

    doc = load(write_split(tmp_path), allow_file_refs=True)
    assert doc.problems == []
    assert validate(doc.data) == []
    refs = [t.node["$ref"] for t in typed_nodes(doc.data) if isinstance(t.node, dict) and "$ref" in t.node]
    assert refs and all(ref.startswith("#/") for ref in refs), refs
    schemas = doc.data["components"]["schemas"]
    assert sorted(schemas) == ["Cat", "Dog", "Error", "Pet", "owner"]
    # A component that only referred to a file keeps its name; other files become components.
    assert schemas["Pet"]["properties"]["owner"] == {"$ref": "#/components/schemas/owner"}
    assert schemas["owner"]["properties"]["pets"]["items"] == {"$ref": "#/components/schemas/Pet"}
    mapping = schemas["Pet"]["properties"]["kind"]["discriminator"]["mapping"]
    assert mapping == {"cat": "#/components/schemas/Cat", "dog": "#/components/schemas/Dog"}
    # A path item takes the reference's place.
    assert doc.data["paths"]["/pets/{pet_id}"]["get"]["operationId"] == "pets:get"
    # Positions inside a bundled part name the file it came from.
    assert doc.locate("/components/schemas/owner/properties/pets") == (
        tmp_path / "schemas" / "owner.yaml",
        "/properties/pets",
        (4, 3),
    )
    assert doc.locate("/paths/~1pets~1{pet_id}/get/operationId") == (
        tmp_path / "paths" / "pet.yaml",
        "/get/operationId",
        (2, 3),
    )
    assert len(doc.sources) == 4


def test_a_bundled_spec_generates_what_the_same_spec_in_one_file_does(tmp_path: Path) -> None:
    from generator.pipeline import Options, generate

    split = generate(Options(spec=write_split(tmp_path / "split"), allow_file_refs=True, package="pets"))
    (tmp_path / "inline").mkdir()
    (tmp_path / "inline" / "openapi.yaml").write_text(INLINE_SPEC)
    inline = generate(Options(spec=tmp_path / "inline" / "openapi.yaml", package="pets"))
    assert split.files == inline.files


def test_file_refs_are_refused_by_default_and_the_files_never_read(tmp_path: Path) -> None:
    from generator.spec.validate import validate

    spec = write_split(tmp_path)
    for name in SPLIT_FILES:
        (tmp_path / name).chmod(0)  # reading one would fail loudly
    try:
        doc = load(spec)
        found = validate(doc.data)
    finally:
        for name in SPLIT_FILES:
            (tmp_path / name).chmod(0o644)
    assert found and all("refused" in p.message and "--allow-file-refs" in (p.hint or "") for p in found)
    assert len(found) == 5


def test_symlinks_out_of_the_spec_folder_are_refused(tmp_path: Path) -> None:
    outside = tmp_path / "outside.yaml"
    outside.write_text("type: string\n")
    folder = tmp_path / "spec"
    folder.mkdir()
    (folder / "link.yaml").symlink_to(outside)
    (folder / "inside.yaml").write_text("type: integer\n")
    (folder / "alias.yaml").symlink_to(folder / "inside.yaml")
    spec = folder / "openapi.yaml"
    spec.write_text(
        'openapi: 3.1.0\ninfo: {title: T, version: "1"}\npaths: {}\n'
        "components:\n  schemas:\n"
        "    A: {$ref: link.yaml}\n"
        "    B: {$ref: alias.yaml}\n"
        "    C: {$ref: '../outside.yaml'}\n"
    )
    doc = load(spec, allow_file_refs=True, defer=True)
    messages = {p.pointer: p.message for p in doc.problems}
    assert messages == {
        "/components/schemas/A/$ref": f"`$ref` 'link.yaml' refused: {folder / 'link.yaml'} is a link that "
        "leads out of the spec's folder",
        "/components/schemas/C/$ref": "`$ref` '../outside.yaml' refused: it leads out of the spec's folder",
    }
    assert doc.data["components"]["schemas"]["B"] == {"type": "integer"}


def test_the_size_limit_counts_every_file(tmp_path: Path) -> None:
    spec = write_split(tmp_path)
    total = spec.stat().st_size + sum((tmp_path / n).stat().st_size for n in SPLIT_FILES)
    load(spec, allow_file_refs=True, max_bytes=total)
    doc = load(spec, allow_file_refs=True, max_bytes=total - 1, defer=True)
    assert any("over the limit" in p.message for p in doc.problems)


def test_where_names_the_file_of_a_problem(tmp_path: Path) -> None:
    doc = load(write_split(tmp_path), allow_file_refs=True)
    spec = tmp_path / "openapi.yaml"
    assert where(spec, Problem("/components/schemas/owner/properties/name", "x"), doc) == (
        str(tmp_path / "schemas" / "owner.yaml"), 3, 3, "/properties/name",
    )  # fmt: skip
    assert where(spec, Problem("/info/title", "x"), doc) == (str(spec), 2, 8, "/info/title")
    assert where(spec, Problem("/a b", "x", position=(3, 4)), None) == (str(spec), 3, 4, "/a%20b")
    assert where(spec, Problem("/x", "x", position=(5, 6), file="other.yaml"), doc) == ("other.yaml", 5, 6, "/x")


def test_a_valid_spec_nested_up_to_the_limit_generates(tmp_path: Path) -> None:
    """Nothing downstream (the meta-schema check, build, black) runs out of stack on the
    deepest document the loader accepts."""
    import json

    from generator.pipeline import Options, generate

    arrays: dict[str, Any] = {"type": "string"}
    for _ in range(MAX_DEPTH - 8):
        arrays = {"type": "array", "items": arrays}
    objects: dict[str, Any] = {"type": "string"}
    for i in range((MAX_DEPTH - 6) // 2):
        objects = {"type": "object", "properties": {f"p{i}": objects}}
    for name, schema in (("arrays", arrays), ("objects", objects)):
        spec = tmp_path / f"{name}.json"
        content = {"application/json": {"schema": {"$ref": "#/components/schemas/X"}}}
        operation = {"operationId": "x:get", "responses": {"200": {"description": "ok", "content": content}}}
        document = {
            "openapi": "3.1.0",
            "info": {"title": "Deep", "version": "1"},
            "paths": {"/x": {"get": operation}},
            "components": {"schemas": {"X": schema}},
        }
        spec.write_text(json.dumps(document))
        result = generate(Options(spec=spec, package="deep"))
        assert "models.py" in "".join(result.files)


def test_a_json_document_loads_without_importing_the_yaml_reader(tmp_path: Path) -> None:
    """PyYAML's import is a fifth of a JSON document's load; it comes in only for YAML."""
    import json
    import subprocess
    import sys

    spec = tmp_path / "api.json"
    spec.write_text(json.dumps({"openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "paths": {}}))
    probe = "import sys; from pathlib import Path; from generator.spec.load import load; load(Path(sys.argv[1])); print(sorted(sys.modules))"
    yaml_spec = tmp_path / "api.yaml"
    yaml_spec.write_text("openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths: {}\n")
    for name, expected in ((spec, False), (yaml_spec, True)):
        result = subprocess.run([sys.executable, "-c", probe, str(name)], capture_output=True, text=True, timeout=120, check=True)
        modules = result.stdout
        assert ("'yaml'" in modules) is expected, name


def test_a_percent_encoded_ref_is_read_decoded() -> None:
    """RFC 6901's fragment form: `{`, `}` and spaces percent-encoded in a `$ref` (APIs.guru's
    converted documents write them so). A name that holds `%` itself resolves as written."""
    text = b"""
openapi: 3.1.0
info: {title: T, version: "1"}
paths:
  /items/{id}:
    parameters:
      - {name: id, in: path, required: true, schema: {type: string}}
    get:
      responses:
        "200": {$ref: "#/components/responses/Item%20Found"}
  /other/{id}:
    parameters:
      - $ref: "#/paths/~1items~1%7Bid%7D/parameters/0"
    get:
      responses:
        "200": {$ref: "#/components/responses/100%25"}
        "201": {$ref: "#/components/responses/50%"}
components:
  responses:
    Item Found: {description: found}
    100%25: {description: a name with a percent escape in it, as written}
    50%: {description: a lone percent sign}
"""
    data = parse(Path("api.yaml"), text).data
    paths = data["paths"]
    assert paths["/items/{id}"]["get"]["responses"]["200"] == {"$ref": "#/components/responses/Item Found"}
    assert paths["/other/{id}"]["parameters"][0] == {"$ref": "#/paths/~1items~1{id}/parameters/0"}
    assert paths["/other/{id}"]["get"]["responses"] == {
        "200": {"$ref": "#/components/responses/100%25"},
        "201": {"$ref": "#/components/responses/50%"},
    }
