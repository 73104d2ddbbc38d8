"""build/responses.py on IR values: success vs error, error classes by status, `default`,
the return type and the Accept header."""

from __future__ import annotations

from typing import Any

import pytest
from buildkit import build_api, document, json_content, only_operation, ref

from generator.build.responses import ERROR_CLASSES, error_class
from generator.ir import BYTES, NONE, STR, Operation, TypeRef

THING = {"type": "object", "properties": {"name": {"type": "string"}}}
MODEL = TypeRef("model", "Thing")


def answering(responses: dict[str, Any]) -> Operation:
    op = {"operationId": "h", "responses": responses}
    return only_operation(build_api(document({"/h": {"get": op}}, {"Thing": THING})))


def ok(schema: Any = None, media: str = "application/json") -> dict[str, Any]:
    if schema is None:
        return {"description": "ok"}
    return {"description": "ok", "content": {media: {"schema": schema}}}


@pytest.mark.parametrize(
    ("status", "cls"),
    [
        ("400", "BadRequestError"),
        ("401", "AuthenticationError"),
        ("403", "PermissionDeniedError"),
        ("404", "NotFoundError"),
        ("409", "ConflictError"),
        ("422", "UnprocessableEntityError"),
        ("429", "RateLimitError"),
        ("500", "InternalServerError"),
        ("503", "InternalServerError"),
        ("5XX", "InternalServerError"),
        ("5xx", "InternalServerError"),
        ("418", "APIStatusError"),
        ("4XX", "APIStatusError"),
        ("default", "APIStatusError"),
    ],
)
def test_error_class_by_status(status: str, cls: str) -> None:
    assert error_class(status) == cls


def test_the_api_lists_the_error_classes_it_raises_by_status() -> None:
    api = build_api(document({"/h": {"get": {"operationId": "h", "responses": {"204": ok()}}}}))
    assert api.error_classes == ERROR_CLASSES
    assert dict(api.error_classes)[404] == "NotFoundError"


def test_successes_and_errors_each_in_status_order() -> None:
    op = answering({"404": ok(), "201": ok(ref("Thing")), "default": ok(), "200": ok(ref("Thing")), "5XX": ok()})
    assert [r.status for r in op.success] == ["200", "201"]
    assert [r.status for r in op.errors] == ["404", "5XX", "default"]
    assert [r.error_class for r in op.errors] == ["NotFoundError", "InternalServerError", "APIStatusError"]


def test_default_is_a_success_only_without_a_2xx() -> None:
    alone = answering({"default": ok(ref("Thing")), "400": ok()})
    assert [r.status for r in alone.success] == ["default"]
    assert alone.returns == MODEL
    beside = answering({"default": ok(ref("Thing")), "204": ok()})
    assert [r.status for r in beside.errors] == ["default"]
    assert beside.returns is None


def test_the_return_type_is_any_success_type_and_none_for_an_empty_success() -> None:
    op = answering({"200": ok(ref("Thing")), "204": ok()})
    assert op.returns == TypeRef("union", args=(MODEL, NONE))
    assert [r.kind for r in op.success] == ["json", "empty"]


def test_no_success_body_returns_none() -> None:
    op = answering({"204": ok(), "404": ok(ref("Thing"))})
    assert op.returns is None
    assert op.errors[0].type == MODEL


@pytest.mark.parametrize(
    ("media", "kind", "t"),
    [
        ("application/json", "json", MODEL),
        ("application/problem+json", "json", MODEL),
        ("text/csv", "text", STR),
        ("application/pdf", "bytes", BYTES),
        ("application/octet-stream", "bytes", BYTES),
    ],
)
def test_how_a_response_is_read_by_media_type(media: str, kind: str, t: TypeRef) -> None:
    (case,) = answering({"200": ok(ref("Thing"), media)}).success
    assert (case.content_type, case.kind, case.type) == (media, kind, t)


def test_accept_is_none_for_json_and_names_every_media_type_otherwise() -> None:
    assert answering({"200": ok(ref("Thing")), "204": ok()}).accept is None
    assert answering({"200": ok(ref("Thing"), "text/csv")}).accept == "text/csv"
    mixed = answering({"200": ok(ref("Thing")), "202": ok(ref("Thing"), "application/pdf")})
    assert mixed.accept == "application/json, application/pdf"
    assert mixed.returns == TypeRef("union", args=(MODEL, BYTES))


def test_inline_response_objects_are_named_after_the_operation_and_status() -> None:
    op = answering({"200": ok(THING), "422": ok(THING)})
    assert op.success[0].type == TypeRef("model", "HResponse")
    assert op.errors[0].type == TypeRef("model", "HError422")


def test_a_response_by_ref_to_components_responses() -> None:
    op = {"operationId": "h", "responses": {"200": {"$ref": "#/components/responses/Found"}}}
    spec = document({"/h": {"get": op}}, {"Thing": THING})
    spec["components"]["responses"] = {"Found": {"description": "Found it.", **json_content(ref("Thing"))}}
    (case,) = only_operation(build_api(spec)).success
    assert (case.description, case.type) == ("Found it.", MODEL)


def test_the_method_doc_lists_the_errors_it_raises() -> None:
    op = answering({"200": ok(), "404": {"description": "No such thing."}, "5XX": {"description": "Broken"}})
    assert op.doc.endswith(
        "Raises:\n    NotFoundError: No such thing (HTTP 404).\n"
        "    InternalServerError: Broken (HTTP 5XX responses)."
    )
