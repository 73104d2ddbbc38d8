"""Generated code always imports: a named union that holds itself (through a map, a list,
or another union) is left to the runtime, which makes its variants on first use; a
property name a struct field cannot carry is left out with a warning."""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Any

import msgspec
from buildkit import build_api, document, json_content, ref
from conftest import generate_in_process

from generator.ir import TRIED

INNER = {"type": "object", "required": ["code"], "properties": {"code": {"type": "string"}}}


def _returning(schema: Any, schemas: dict[str, Any]) -> dict[str, Any]:
    op = {"operationId": "e", "responses": {"200": {"description": "ok", **json_content(schema)}}}
    return document({"/e": {"get": op}}, schemas)


# The shape of Discord's ErrorDetails: an object of itself, or a leaf.
DETAILS = {
    "ErrorDetails": {"oneOf": [{"type": "object", "additionalProperties": ref("ErrorDetails")}, ref("Inner")]},
    "Inner": INNER,
}
# A union msgspec would decode natively (object or string), were it not for holding itself.
JSONISH = {"Jsonish": {"oneOf": [{"type": "object", "additionalProperties": ref("Jsonish")}, {"type": "string"}]}}
# Two unions that hold each other through lists.
MUTUAL = {
    "Tree": {"oneOf": [{"type": "array", "items": ref("Forest")}, {"type": "string"}]},
    "Forest": {"oneOf": [{"type": "array", "items": ref("Tree")}, {"type": "integer"}]},
}


def test_a_union_that_holds_itself_is_decoded_by_the_runtime() -> None:
    for schemas, name in ((DETAILS, "ErrorDetails"), (JSONISH, "Jsonish")):
        api = build_api(_returning(ref(name), schemas))
        alias = next(a for a in api.aliases if a.name == name)
        assert alias.strategy == TRIED, name


def test_unions_that_hold_each_other_are_both_decoded_by_the_runtime() -> None:
    api = build_api(_returning(ref("Tree"), MUTUAL))
    assert {a.name: a.strategy for a in api.aliases} == {"Forest": TRIED, "Tree": TRIED}


def _generated(tmp_path: Path, import_generated: Any, spec: dict[str, Any], package: str) -> Any:
    path = tmp_path / f"{package}.json"
    path.write_text(msgspec.json.encode(spec).decode())
    generate_in_process(path, tmp_path / package, package)
    pkg = import_generated(tmp_path / package, package)
    return pkg.models, importlib.import_module(f"{package}._unions").decode_hook


def test_recursive_unions_import_and_decode(tmp_path: Path, import_generated: Any) -> None:
    models, hook = _generated(tmp_path, import_generated, _returning(ref("ErrorDetails"), DETAILS), "details")
    nested = msgspec.json.decode(b'{"a": {"b": {"code": "x"}}}', type=models.ErrorDetails, dec_hook=hook)
    assert nested == {"a": {"b": models.Inner(code="x")}}
    assert msgspec.json.decode(b'{"code": "y"}', type=models.ErrorDetails, dec_hook=hook) == models.Inner(code="y")
    models, hook = _generated(tmp_path, import_generated, _returning(ref("Tree"), MUTUAL), "forest")
    assert msgspec.json.decode(b'[1, ["leaf", [2]]]', type=models.Tree, dec_hook=hook) == [1, ["leaf", [2]]]


def test_a_property_name_no_struct_field_can_carry_is_left_out(tmp_path: Path, import_generated: Any) -> None:
    odd = {
        "type": "object",
        "required": ["id"],
        "properties": {"id": {"type": "integer"}, 'say "hi"': {"type": "string"}, "back\\slash": {}, "new\nline": {}},
    }
    spec = _returning(ref("Odd"), {"Odd": odd})
    api = build_api(spec)
    (struct,) = api.models
    assert [f.wire_name for f in struct.fields] == ["id"]
    assert len(api.warnings) == 3 and all("left it out" in w.message for w in api.warnings)
    assert api.warnings[0].pointer == "/components/schemas/Odd/properties/say \"hi\""
    models, _ = _generated(tmp_path, import_generated, spec, "odd_names")
    value = msgspec.json.decode(b'{"id": 1, "say \\"hi\\"": "x", "back\\\\slash": 2}', type=models.Odd)
    assert value == models.Odd(id=1)
