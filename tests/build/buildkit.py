"""Small specs for the build unit tests: a document from paths and component schemas, an
operation that returns or takes one schema, and lookups into the IR that comes out."""

from __future__ import annotations

from typing import Any

from generator.build import BuildOptions, build
from generator.ir import Api, EnumType, Field, Model, Operation


def ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def json_content(schema: Any) -> dict[str, Any]:
    return {"content": {"application/json": {"schema": schema}}}


def document(
    paths: dict[str, Any], schemas: dict[str, Any] | None = None, **top: Any
) -> dict[str, Any]:
    spec: dict[str, Any] = {
        "openapi": "3.1.0",
        "info": {"title": "T", "version": "1"},
        "paths": paths,
        **top,
    }
    if schemas is not None:
        spec.setdefault("components", {})["schemas"] = schemas
    return spec


def build_api(spec: dict[str, Any]) -> Api:
    return build(spec, BuildOptions(package="pkg"))


def returning(schema: Any, schemas: dict[str, Any] | None = None) -> Api:
    """The API of one GET operation `h` that answers 200 with `schema`."""
    op = {"operationId": "h", "responses": {"200": {"description": "ok", **json_content(schema)}}}
    return build_api(document({"/h": {"get": op}}, schemas))


def sending(schema: Any, schemas: dict[str, Any] | None = None) -> Api:
    """The API of one POST operation `s` that takes `schema` as its (required) body."""
    op = {
        "operationId": "s",
        "requestBody": {"required": True, **json_content(schema)},
        "responses": {"204": {"description": "done"}},
    }
    return build_api(document({"/s": {"post": op}}, schemas))


def holder(value: Any, *, required: bool = True, **extra: Any) -> dict[str, Any]:
    """An object schema with one property, `value`."""
    return {
        "type": "object",
        "required": ["value"] if required else [],
        "properties": {"value": value},
        **extra,
    }


def held(value: Any, *, required: bool = True, others: dict[str, Any] | None = None) -> Field:
    """The field `value` of a returned struct `Holder` whose property `value` is `value`."""
    api = returning(ref("Holder"), {"Holder": holder(value, required=required), **(others or {})})
    return field(api, "Holder", "value")


def model(api: Api, name: str) -> Model:
    found = [m for m in api.models if m.name == name]
    assert found, f"no model {name}; models: {[m.name for m in api.models]}"
    return found[0]


def enum(api: Api, name: str) -> EnumType:
    found = [e for e in api.enums if e.name == name]
    assert found, f"no enum {name}; enums: {[e.name for e in api.enums]}"
    return found[0]


def field(api: Api, model_name: str, name: str) -> Field:
    found = [f for f in model(api, model_name).fields if f.name == name]
    assert found, f"no field {name} in {model_name}"
    return found[0]


def only_operation(api: Api) -> Operation:
    (op,) = api.operations
    return op
