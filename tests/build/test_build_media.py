"""Media types on IR values: multipart forms (file fields, part content types), raw bodies,
several media types to choose from, and what responses of each media type decode to."""

from __future__ import annotations

from typing import Any

import pytest
from buildkit import build_api, document, model, only_operation, ref

from generator.ir import BYTES, FILE, INT, NONE, STR, Api, BodyMedia, Part, TypeRef
from generator.problems import InputError

FORM = {
    "type": "object",
    "required": ["file"],
    "properties": {
        "file": {"type": "string", "format": "binary"},
        "pages": {"type": "array", "items": {"type": "string", "format": "binary"}},
        "scan": {"anyOf": [{"type": "string", "format": "binary"}, {"type": "null"}]},
        "pdf": {"type": "string", "contentMediaType": "application/pdf"},
        "b64": {"type": "string", "contentMediaType": "image/png", "contentEncoding": "base64"},
        "logo": {"type": "string"},
        "title": {"type": "string"},
        "count": {"type": "integer"},
    },
}


def sending(content: dict[str, Any], schemas: dict[str, Any] | None = None, openapi: str = "3.1.0", **responses: Any) -> Api:
    op = {
        "operationId": "s",
        "requestBody": {"required": True, "content": content},
        "responses": responses or {"204": {"description": "done"}},
    }
    spec = document({"/s": {"post": op}}, schemas)
    spec["openapi"] = openapi
    return build_api(spec)


def field_types(api: Api, name: str) -> dict[str, TypeRef]:
    return {f.wire_name: f.type for f in model(api, name).fields}


def test_a_forms_file_fields_take_files_and_the_others_keep_their_types() -> None:
    encoding = {"logo": {"contentType": "image/svg+xml"}, "title": {"contentType": "text/markdown"}}
    api = sending({"multipart/form-data": {"schema": FORM, "encoding": encoding}})
    body = only_operation(api).body
    assert body is not None
    assert (body.content_type, body.encoding, body.type) == ("multipart/form-data", "multipart", TypeRef("model", "SBody"))
    assert field_types(api, "SBody") == {
        "file": FILE,
        "pages": TypeRef("list", args=(FILE,)),
        "scan": TypeRef("union", args=(FILE, NONE)),
        "pdf": FILE,
        # base64 text is text, not a file
        "b64": STR,
        # an Encoding Object's Content-Type that is neither text nor JSON makes a file
        "logo": FILE,
        "title": STR,
        "count": INT,
    }
    assert body.parts == (Part("logo", "image/svg+xml"), Part("title", "text/markdown"))


def test_a_format_binary_file_in_openapi_3_0() -> None:
    api = sending({"multipart/form-data": {"schema": ref("Upload")}}, {"Upload": FORM}, openapi="3.0.3")
    body = only_operation(api).body
    assert body is not None and body.type == TypeRef("model", "Upload")
    assert field_types(api, "Upload")["file"] == FILE


def test_a_part_content_type_list_or_wildcard() -> None:
    encoding = {"file": {"contentType": "image/png, image/jpeg"}, "pages": {"contentType": "image/*"}}
    body = only_operation(sending({"multipart/form-data": {"schema": FORM, "encoding": encoding}})).body
    assert body is not None and body.parts == (Part("file", "image/png"),)


def test_a_form_model_also_read_from_responses_keeps_bytes() -> None:
    schemas = {"Upload": FORM}
    ok = {"description": "ok", "content": {"application/json": {"schema": ref("Upload")}}}
    api = sending({"multipart/form-data": {"schema": ref("Upload")}}, schemas, **{"200": ok})
    assert field_types(api, "Upload")["file"] == BYTES


def test_a_json_body_of_the_same_schema_keeps_bytes() -> None:
    api = sending({"application/json": {"schema": ref("Upload")}}, {"Upload": FORM})
    assert field_types(api, "Upload")["file"] == BYTES


@pytest.mark.parametrize(
    ("media", "encoding", "t"),
    [
        ("image/jpeg", "bytes", BYTES),
        ("application/sdp", "bytes", BYTES),
        ("application/vnd.acme.thing", "bytes", BYTES),
        ("text/yml", "text", STR),
        ("text/csv; charset=utf-8", "text", STR),
        ("application/problem+json", "json", TypeRef("model", "Thing")),
    ],
)
def test_any_media_type_is_a_raw_body(media: str, encoding: str, t: TypeRef) -> None:
    thing = {"type": "object", "properties": {"a": {"type": "string"}}}
    body = only_operation(sending({media: {"schema": ref("Thing")}}, {"Thing": thing})).body
    assert body is not None
    assert (body.content_type, body.encoding, body.type, body.choices) == (media, encoding, t, ())


def test_several_media_types_json_first_then_the_others_to_choose_from() -> None:
    thing = {"type": "object", "properties": {"a": {"type": "string"}}}
    content = {
        "application/sdp": {"schema": {"type": "string"}},
        "text/plain": {"schema": {"type": "string"}},
        "application/json": {"schema": ref("Thing")},
        "multipart/form-data": {"schema": ref("Thing")},
    }
    op = only_operation(sending(content, {"Thing": thing}))
    body = op.body
    assert body is not None
    thing_t = TypeRef("model", "Thing")
    assert body.choices == (
        BodyMedia("application/json", "json", thing_t),
        BodyMedia("multipart/form-data", "multipart", thing_t),
        BodyMedia("text/plain", "text", STR),
        BodyMedia("application/sdp", "bytes", BYTES),
    )
    assert (body.content_type, body.encoding) == ("application/json", "json")
    assert body.type == TypeRef("union", args=(thing_t, STR, BYTES))
    assert "content_type: The media type of `body`: `application/json` (the default)" in op.doc
    assert "`text/plain` or `application/sdp`" in op.doc


def test_without_json_a_form_is_the_default() -> None:
    content = {"image/png": {}, "multipart/form-data": {"schema": FORM}}
    body = only_operation(sending(content)).body
    assert body is not None and (body.encoding, len(body.choices)) == ("multipart", 2)


def test_a_multipart_media_type_that_is_no_form_is_left_out_when_others_remain() -> None:
    content = {"multipart/form-data": {"schema": {"type": "string"}}, "image/png": {}}
    body = only_operation(sending(content)).body
    assert body is not None and (body.content_type, body.choices) == ("image/png", ())


def test_only_a_multipart_body_that_is_no_form_is_refused() -> None:
    with pytest.raises(InputError) as caught:
        sending({"multipart/form-data": {"schema": {"type": "array", "items": {"type": "string"}}}})
    (problem,) = caught.value.problems
    assert "must be an object" in problem.message


@pytest.mark.parametrize(
    ("media", "kind", "t"),
    [
        ("text/csv", "text", STR),
        ("text/plain; charset=utf-8", "text", STR),
        ("image/png", "bytes", BYTES),
        ("application/pdf", "bytes", BYTES),
        ("*/*", "bytes", BYTES),
        ("application/x-www-form-urlencoded", "bytes", BYTES),
        ("application/vnd.api+json", "json", INT),
    ],
)
def test_responses_by_media_type(media: str, kind: str, t: TypeRef) -> None:
    ok = {"description": "ok", "content": {media: {"schema": {"type": "integer"}}}}
    op = only_operation(sending({"image/png": {}}, **{"200": ok}))
    (case,) = op.success
    assert (case.content_type, case.kind, case.type, op.returns) == (media, kind, t, t)
    assert op.accept == (None if kind == "json" else media)
