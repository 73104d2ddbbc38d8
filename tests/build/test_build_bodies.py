"""build/bodies.py on IR values: what the method takes as `body`, and how it is sent."""

from __future__ import annotations

from typing import Any

import pytest
from buildkit import build_api, document, only_operation, ref

from generator.ir import BYTES, NONE, NULL, STR, Body, TypeRef
from generator.problems import InputError

THING = {"type": "object", "properties": {"name": {"type": "string"}}}


def body_of(request_body: dict[str, Any], **components: Any) -> Body | None:
    op = {"operationId": "s", "requestBody": request_body, "responses": {"204": {"description": "done"}}}
    spec = document({"/s": {"post": op}}, {"Thing": THING})
    spec["components"].update(components)
    return only_operation(build_api(spec)).body


def test_no_request_body_is_no_body() -> None:
    spec = document({"/s": {"post": {"operationId": "s", "responses": {"204": {"description": "done"}}}}})
    assert only_operation(build_api(spec)).body is None


def test_a_required_json_body() -> None:
    body = body_of({"required": True, "description": "The thing.", "content": {"application/json": {"schema": ref("Thing")}}})
    assert body == Body(
        name="body",
        content_type="application/json",
        encoding="json",
        type=TypeRef("model", "Thing"),
        declared=TypeRef("model", "Thing"),
        default=None,
        required=True,
        description="The thing.",
    )


def test_an_optional_body_may_be_none() -> None:
    body = body_of({"content": {"application/json": {"schema": ref("Thing")}}})
    assert body is not None
    assert (body.required, body.declared, body.default) == (
        False,
        TypeRef("union", args=(TypeRef("model", "Thing"), NONE)),
        NULL,
    )


@pytest.mark.parametrize(
    ("media", "encoding", "t"),
    [
        ("application/merge-patch+json", "json", TypeRef("model", "Thing")),
        ("application/x-www-form-urlencoded", "form", TypeRef("model", "Thing")),
        ("text/plain", "text", STR),
        ("application/octet-stream", "bytes", BYTES),
        ("application/xml", "bytes", BYTES),
        ("multipart/form-data", "multipart", TypeRef("model", "Thing")),
    ],
)
def test_how_a_body_is_sent_by_media_type(media: str, encoding: str, t: TypeRef) -> None:
    body = body_of({"required": True, "content": {media: {"schema": ref("Thing")}}})
    assert body is not None
    assert (body.content_type, body.encoding, body.type) == (media, encoding, t)


def test_json_is_preferred_over_the_other_media_types() -> None:
    content = {m: {"schema": ref("Thing")} for m in ("text/plain", "application/x-www-form-urlencoded", "application/json")}
    body = body_of({"required": True, "content": content})
    assert body is not None and body.encoding == "json"


def test_an_inline_body_object_is_named_after_the_operation() -> None:
    body = body_of({"required": True, "content": {"application/json": {"schema": THING}}})
    assert body is not None and body.type == TypeRef("model", "SBody")


def test_a_body_by_ref_to_request_bodies() -> None:
    shared = {"Make": {"required": True, "content": {"application/json": {"schema": ref("Thing")}}}}
    body = body_of({"$ref": "#/components/requestBodies/Make"}, requestBodies=shared)
    assert body is not None and (body.required, body.type) == (True, TypeRef("model", "Thing"))


def test_a_multipart_body_that_is_no_object_is_an_input_problem() -> None:
    with pytest.raises(InputError) as caught:
        body_of({"required": True, "content": {"multipart/form-data": {"schema": {"type": "string"}}}})
    (problem,) = caught.value.problems
    assert problem.pointer == "/paths/~1s/post/requestBody/content"
    assert "multipart/form-data" in problem.message
