"""Every form of nullability reaches the field type: 3.0's `nullable: true` on a component
(object, enum, named union) holds wherever the component is used, as do `allOf: [$ref]` +
`nullable`, `nullable` beside a `$ref`, and `null` among a component's types."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import msgspec
import pytest
from buildkit import build_api, document, field, json_content, ref
from conftest import generate_in_process

from generator.ir import NONE, TypeRef

ITEM = TypeRef("model", "Item")
OBJ = {"type": "object", "properties": {"code": {"type": "string"}}}


def _spec(value: Any, schemas: dict[str, Any], version: str = "3.0.3") -> dict[str, Any]:
    holder = {"type": "object", "required": ["value"], "properties": {"value": value}}
    op = {"operationId": "h", "responses": {"200": {"description": "ok", **json_content(ref("Holder"))}}}
    spec = document({"/h": {"get": op}}, {"Holder": holder, **schemas})
    spec["openapi"] = version
    return spec


def _value_type(value: Any, schemas: dict[str, Any], version: str = "3.0.3") -> TypeRef:
    return field(build_api(_spec(value, schemas, version)), "Holder", "value").type


@pytest.mark.parametrize(
    ("value", "item", "version"),
    [
        (ref("Item"), {**OBJ, "nullable": True}, "3.0.3"),
        (ref("Item"), {**OBJ, "type": ["object", "null"]}, "3.1.0"),
        ({"allOf": [ref("Item")], "nullable": True}, OBJ, "3.0.3"),
        ({**ref("Item"), "nullable": True}, OBJ, "3.0.3"),
    ],
    ids=["nullable-component", "null-type-component", "allOf-nullable", "nullable-beside-ref"],
)
def test_a_nullable_object_is_model_or_none_where_it_is_used(value: Any, item: Any, version: str) -> None:
    assert _value_type(value, {"Item": item}, version) == TypeRef("union", args=(ITEM, NONE))


def test_a_component_that_is_not_nullable_stays_the_model() -> None:
    assert _value_type(ref("Item"), {"Item": OBJ}) == ITEM


def test_a_nullable_component_enum() -> None:
    color = {"type": "string", "enum": ["red", "blue"], "nullable": True}
    assert _value_type(ref("Color"), {"Color": color}) == TypeRef("union", args=(TypeRef("enum", "Color"), NONE))


def test_a_nullable_component_union_is_its_alias_or_none_and_the_alias_holds_no_none() -> None:
    either = {"oneOf": [{"type": "string"}, {"type": "integer"}], "nullable": True}
    api = build_api(_spec(ref("Either"), {"Either": either}))
    assert field(api, "Holder", "value").type == TypeRef("union", args=(TypeRef("alias", "Either"), NONE))
    (alias,) = api.aliases
    assert not alias.type.is_nullable


def test_an_inline_enum_with_a_null_type_admits_null_like_a_component_one() -> None:
    inline = {"type": ["string", "null"], "enum": ["a", "b"]}
    t = _value_type(inline, {}, "3.1.0")
    assert t.kind == "union" and t.args[-1] == NONE and t.args[0].kind == "enum"


def test_a_client_decodes_null_where_a_nullable_component_stands(tmp_path: Path, import_generated: Any) -> None:
    """The shape of Plaid's `item.error`: a 3.0 component marked nullable, null on the wire."""
    spec = tmp_path / "plaid-like.json"
    spec.write_text(msgspec.json.encode(_spec(ref("Item"), {"Item": {**OBJ, "nullable": True}})).decode())
    generate_in_process(spec, tmp_path / "out", "nullable_ref")
    models = import_generated(tmp_path / "out", "nullable_ref").models
    assert msgspec.json.decode(b'{"value": null}', type=models.Holder).value is None
    assert msgspec.json.decode(b'{"value": {"code": "x"}}', type=models.Holder).value.code == "x"
