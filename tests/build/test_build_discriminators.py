"""Discriminator values (build/unions.py): the mapping's, then the value a variant pins its
property to, then the schema name; a contradiction is a warning; a struct two
discriminators would tag differently is tagged by neither, and each union still decodes."""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Any

import msgspec
from buildkit import document, json_content, model, ref, returning
from conftest import generate_in_process

from generator.build import BuildOptions, build
from generator.ir import TRIED, Dispatch, TypeRef

A = TypeRef("model", "A")
B = TypeRef("model", "B")
C = TypeRef("model", "C")
STRING = {"type": "string"}


def pinned(kind: Any, prop: str = "type") -> dict[str, Any]:
    return {"type": "object", "required": [prop], "properties": {prop: kind, "name": STRING}}


def tags(api: Any) -> dict[str, Any]:
    return {m.name: m.tag.value if m.tag else None for m in api.models}


def test_without_a_mapping_a_variant_is_tagged_by_the_value_it_pins() -> None:
    """A one-value enum or a const names the variant, not its schema name (the shape of
    OpenAI's chat messages and Spotify's track and album objects)."""
    union = {"oneOf": [ref("Track"), ref("Album")], "discriminator": {"propertyName": "type"}}
    api = returning(union, {"Track": pinned({"type": "string", "enum": ["track"]}), "Album": pinned({"const": "album"})})
    assert tags(api) == {"Album": "album", "Track": "track"}
    assert api.warnings == ()


def test_without_a_pinned_value_the_schema_name_is_the_value() -> None:
    union = {"oneOf": [ref("Track"), ref("Album")], "discriminator": {"propertyName": "type"}}
    api = returning(union, {"Track": pinned({"type": "string", "enum": ["track"]}), "Album": pinned(STRING)})
    assert tags(api) == {"Album": "Album", "Track": "track"}


def test_a_component_enum_of_one_value_pins_the_value_too() -> None:
    union = {"oneOf": [ref("User"), ref("Bot")], "discriminator": {"propertyName": "role"}}
    schemas = {
        "Role": {"type": "string", "enum": ["user"]},
        "User": pinned(ref("Role"), "role"),
        "Bot": pinned({"const": "bot"}, "role"),
    }
    assert tags(returning(union, schemas))["User"] == "user"


def test_a_mapping_that_contradicts_the_variant_loses_and_says_so() -> None:
    union = {
        "oneOf": [ref("Track"), ref("Album")],
        "discriminator": {"propertyName": "type", "mapping": {"song": ref("Track")["$ref"], "album": "Album"}},
    }
    api = returning(union, {"Track": pinned({"const": "track"}), "Album": pinned({"const": "album"})})
    assert tags(api) == {"Album": "album", "Track": "track"}
    (warning,) = api.warnings
    assert warning.is_warning
    assert warning.pointer == "/paths/~1h/get/responses/200/content/application~1json/schema/discriminator/mapping/song"
    assert "'song'" in warning.message and "'track'" in warning.message


def _two_unions() -> dict[str, Any]:
    """A in two unions: under its schema name in one, under `alpha` in the other."""
    obj = {"type": "object", "properties": {"kind": STRING, "x": {"type": "integer"}}}
    first = {"oneOf": [ref("A"), ref("B")], "discriminator": {"propertyName": "kind"}}
    second = {"oneOf": [ref("A"), ref("C")], "discriminator": {"propertyName": "kind", "mapping": {"alpha": "A", "c": "C"}}}
    paths = {
        "/one": {"get": {"operationId": "one", "responses": {"200": {"description": "ok", **json_content(first)}}}},
        "/two": {"get": {"operationId": "two", "responses": {"200": {"description": "ok", **json_content(second)}}}},
    }
    return document(paths, {"A": obj, "B": obj, "C": obj})


def test_a_struct_two_discriminators_tag_differently_is_tagged_by_neither() -> None:
    api = build(_two_unions(), BuildOptions(package="pkg"))
    assert tags(api)["A"] is None
    dispatches = {a.dispatch for a in api.aliases}
    assert Dispatch("kind", (("alpha", A), ("c", C))) in dispatches
    assert Dispatch("kind", (("A", A), ("B", B))) in dispatches
    assert all(a.strategy == TRIED for a in api.aliases)
    # A keeps `kind` as a field of its own, so any value decodes into it.
    assert [f.wire_name for f in model(api, "A").fields] == ["kind", "x"]


def test_both_unions_decode_what_their_discriminators_name(tmp_path: Path, import_generated: Any) -> None:
    spec = tmp_path / "two.json"
    spec.write_text(msgspec.json.encode(_two_unions()).decode())
    generate_in_process(spec, tmp_path / "out", "two_unions")
    pkg = import_generated(tmp_path / "out", "two_unions")
    models = pkg.models
    hook = importlib.import_module("two_unions._unions").decode_hook
    alpha = msgspec.json.decode(b'{"kind": "alpha", "x": 1}', type=models.TwoResponse, dec_hook=hook)
    assert type(alpha) is models.A and alpha.kind == "alpha"
    named = msgspec.json.decode(b'{"kind": "B", "x": 2}', type=models.OneResponse, dec_hook=hook)
    assert type(named) is models.B


def test_a_variant_decodes_on_its_own_with_the_value_it_pins(tmp_path: Path, import_generated: Any) -> None:
    """Outside its union a tagged struct still reads and writes its property like a field."""
    union = {"oneOf": [ref("Track"), ref("Album")], "discriminator": {"propertyName": "type"}}
    ops = {
        "/any": {"get": {"operationId": "any", "responses": {"200": {"description": "ok", **json_content(union)}}}},
        "/track": {"get": {"operationId": "track", "responses": {"200": {"description": "ok", **json_content(ref("Track"))}}}},
    }
    schemas = {"Track": pinned({"type": "string", "enum": ["track"]}), "Album": pinned({"const": "album"})}
    spec = tmp_path / "music.json"
    spec.write_text(msgspec.json.encode(document(ops, schemas)).decode())
    generate_in_process(spec, tmp_path / "out", "music")
    models = import_generated(tmp_path / "out", "music").models
    track = msgspec.json.decode(b'{"type": "track", "name": "x"}', type=models.Track)
    assert track.name == "x"
    assert msgspec.json.decode(msgspec.json.encode(track)) == {"type": "track", "name": "x"}


def test_a_variant_several_values_name_carries_the_property() -> None:
    """`square` and `rect` both name Quad, which does not declare `kind`: no tag can say which
    it was, so Quad gets `kind` as an optional field of those values (the value read is kept,
    and a request can send it); Circle, named once, is tagged as before."""
    quad = {"type": "object", "required": ["width"], "properties": {"width": {"type": "number"}}}
    circle = {"type": "object", "required": ["radius"], "properties": {"radius": {"type": "number"}}}
    shape = {
        "discriminator": {"propertyName": "kind", "mapping": {"square": "Quad", "rect": "Quad", "circle": "Circle"}},
        "oneOf": [ref("Quad"), ref("Circle")],
    }
    api = returning(ref("Shape"), {"Shape": shape, "Quad": quad, "Circle": circle})
    kind = next(f for f in model(api, "Quad").fields if f.wire_name == "kind")
    assert not kind.required
    assert TypeRef("literal", values=("square", "rect")) in {kind.type, *kind.type.args}
    assert tags(api) == {"Circle": "circle", "Quad": None}
    # A variant that declares the property keeps its own field as it is.
    own = {**quad, "properties": {**quad["properties"], "kind": {"type": "string"}}}
    api = returning(ref("Shape"), {"Shape": shape, "Quad": own, "Circle": circle})
    (declared,) = [f for f in model(api, "Quad").fields if f.wire_name == "kind"]
    assert "literal" not in {declared.type.kind, *(a.kind for a in declared.type.args)}
