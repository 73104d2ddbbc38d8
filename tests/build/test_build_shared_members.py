"""build/shared_members.py on IR values: a union whose schema has members of its own gives
each object variant a class holding both (`properties`, `required` and `allOf` beside
`oneOf`/`anyOf`); variants of other JSON types stay as they are; variants that only say what
is required leave one class; a `$ref` variant under a discriminator carries its values."""

from __future__ import annotations

from typing import Any

from buildkit import build_api, document, json_content, model, ref, returning

from generator.ir import Api, TypeRef

QUAD = {"type": "object", "required": ["width"], "properties": {"width": {"type": "number"}}}
CIRCLE = {"type": "object", "required": ["radius"], "properties": {"radius": {"type": "number"}}}


def _fields(api: Api, name: str) -> list[tuple[str, bool]]:
    return [(f.wire_name, f.required) for f in model(api, name).fields]


def _alias(api: Api, name: str) -> TypeRef:
    (alias,) = [a for a in api.aliases if a.name == name]
    return alias.type


def test_properties_beside_a_one_of_reach_every_variant() -> None:
    shape = {
        "type": "object",
        "required": ["id"],
        "properties": {"id": {"type": "string"}},
        "oneOf": [ref("Quad"), ref("Circle")],
    }
    api = returning(ref("Shape"), {"Shape": shape, "Quad": QUAD, "Circle": CIRCLE})
    assert _fields(api, "ShapeQuad") == [("id", True), ("width", True)]
    assert _fields(api, "ShapeCircle") == [("id", True), ("radius", True)]
    assert {m.name for m in _alias(api, "Shape").args} == {"ShapeQuad", "ShapeCircle"}
    # The returned type is the union of the two, not the variants alone.
    assert "Quad" not in {m.name for m in api.models}


def test_an_all_of_beside_a_one_of_is_shared_too() -> None:
    base = {"type": "object", "required": ["id"], "properties": {"id": {"type": "string"}}}
    shape = {"allOf": [ref("Base")], "oneOf": [ref("Quad"), ref("Circle")]}
    api = returning(ref("Shape"), {"Shape": shape, "Base": base, "Quad": QUAD, "Circle": CIRCLE})
    assert _fields(api, "ShapeQuad") == [("id", True), ("width", True)]
    assert _fields(api, "ShapeCircle") == [("id", True), ("radius", True)]


def test_inline_variants_keep_their_names_and_tag() -> None:
    """Svix's sinks: shared members, and a `type` each inline variant pins."""

    def variant(kind: str, **properties: Any) -> dict[str, Any]:
        return {
            "type": "object",
            "required": ["type", *properties],
            "properties": {"type": {"type": "string", "enum": [kind]}, **properties},
        }

    sink = {
        "type": "object",
        "required": ["id"],
        "properties": {"id": {"type": "string"}, "status": {"type": "string"}},
        "oneOf": [variant("poller"), variant("http", url={"type": "string"})],
    }
    api = returning(ref("Sink"), {"Sink": sink})
    assert _fields(api, "SinkPoller") == [("id", True), ("status", False)]
    assert _fields(api, "SinkHttp") == [("id", True), ("status", False), ("url", True)]
    assert model(api, "SinkPoller").tag is not None and model(api, "SinkPoller").tag.value == "poller"
    assert model(api, "SinkHttp").tag is not None and model(api, "SinkHttp").tag.value == "http"


def test_a_variant_of_another_json_type_stays_as_it_is() -> None:
    """Properties judge objects only: a string variant is a string still."""
    schema = {"properties": {"id": {"type": "string"}}, "anyOf": [{"type": "string"}, QUAD, {"type": "null"}]}
    api = returning(ref("Either"), {"Either": schema})
    (returned,) = [r.type for r in api.operations[0].success]
    assert returned is not None and returned.is_nullable
    variants = {(m.kind, m.name) for m in _alias(api, "Either").args}
    (made,) = [name for kind, name in variants if kind == "model"]
    assert variants == {("builtin", "str"), ("model", made)}
    assert _fields(api, made) == [("id", False), ("width", True)]


def test_variants_that_only_say_what_is_required_leave_one_class() -> None:
    schema = {
        "type": "object",
        "properties": {"email": {"type": "string"}, "phone": {"type": "string"}},
        "anyOf": [{"required": ["email"]}, {"required": ["phone"]}],
    }
    api = returning(ref("Contact"), {"Contact": schema})
    assert _fields(api, "Contact") == [("email", False), ("phone", False)]
    assert api.aliases == ()
    (returned,) = [r.type for r in api.operations[0].success]
    assert returned == TypeRef("model", "Contact")


def test_a_ref_variant_under_a_discriminator_carries_its_values() -> None:
    """Several values naming one variant: the class made for it holds the property (an
    enum of those values), so the value read is the value sent back."""
    shape = {
        "type": "object",
        "required": ["kind"],
        "properties": {"kind": {"type": "string", "enum": ["square", "rect", "circle"]}},
        "discriminator": {
            "propertyName": "kind",
            "mapping": {"square": "#/components/schemas/Quad", "rect": "#/components/schemas/Quad", "circle": "Circle"},
        },
        "oneOf": [ref("Quad"), ref("Circle")],
    }
    api = returning(ref("Shape"), {"Shape": shape, "Quad": QUAD, "Circle": CIRCLE})
    kind = next(f for f in model(api, "ShapeQuad").fields if f.wire_name == "kind")
    assert kind.type.kind == "enum"
    (values,) = [[m.value for m in e.members] for e in api.enums if e.name == kind.type.name]
    assert values == ["square", "rect"]
    circle = model(api, "ShapeCircle")
    assert circle.tag is not None and (circle.tag.wire_name, circle.tag.value) == ("kind", "circle")


def test_the_shared_class_goes_both_ways() -> None:
    """A request body of such a union: the class sends the shared members."""
    shape = {"type": "object", "required": ["id"], "properties": {"id": {"type": "string"}}, "oneOf": [QUAD, CIRCLE]}
    spec = document(
        {"/s": {"post": {"operationId": "s", "requestBody": {"required": True, **json_content(ref("Shape"))},
                         "responses": {"204": {"description": "done"}}}}},
        {"Shape": shape},
    )  # fmt: skip
    api = build_api(spec)
    names = {m.name for m in api.models}
    assert len(names) == 2
    assert all(any(f.wire_name == "id" and f.required for f in model(api, n).fields) for n in names)
