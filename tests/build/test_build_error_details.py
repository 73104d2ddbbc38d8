"""build/error_details.py on IR values: what each exception class's `detail` may hold, over
every operation, with statuses looked up as the runtime does (exact, range, default)."""

from __future__ import annotations

from typing import Any

from buildkit import build_api, document, json_content, ref

from generator.ir import ANY, ErrorDetail, TypeRef

OBJECT = {"type": "object", "properties": {"title": {"type": "string"}}}
SCHEMAS = {name: OBJECT for name in ("Missing", "Client", "Fault")}


def _op(operation_id: str, responses: dict[str, Any]) -> dict[str, Any]:
    return {"operationId": operation_id, "responses": {"200": {"description": "ok"}, **responses}}


def _details(*operations: dict[str, Any]) -> dict[str, ErrorDetail]:
    paths = {f"/{op['operationId']}": {"get": op} for op in operations}
    api = build_api(document(paths, SCHEMAS))
    return {d.name: d for d in api.error_details}


def test_a_status_documented_alike_everywhere_has_that_type() -> None:
    details = _details(
        _op("a", {"404": {"description": "gone", **json_content(ref("Missing"))}}),
        _op("b", {"404": {"description": "gone", **json_content(ref("Missing"))}}),
    )
    assert details["NotFoundError"] == ErrorDetail("NotFoundError", 404, TypeRef("model", "Missing"))
    assert details["ConflictError"].type is None
    assert details["InternalServerError"] == ErrorDetail("InternalServerError", None, None)


def test_ranges_and_defaults_join_the_statuses_they_answer_for() -> None:
    details = _details(
        _op("a", {"404": {"description": "gone", **json_content(ref("Missing"))}}),
        _op("b", {"4XX": {"description": "client", **json_content(ref("Client"))}}),
        _op("c", {"default": {"description": "any", **json_content(ref("Fault"))}}),
    )
    missing, client, fault = (TypeRef("model", n) for n in ("Missing", "Client", "Fault"))
    assert details["NotFoundError"].type == TypeRef("union", args=(missing, client, fault))
    assert details["RateLimitError"].type == TypeRef("union", args=(client, fault))
    # 5xx: only `default` answers for them here.
    assert details["InternalServerError"].type == fault


def test_a_body_that_is_not_json_adds_nothing_and_one_without_a_schema_is_any() -> None:
    text = {"description": "oops", "content": {"text/plain": {"schema": {"type": "string"}}}}
    bare = {"description": "oops", "content": {"application/json": {}}}
    details = _details(_op("a", {"500": text, "409": bare}))
    assert details["InternalServerError"].type is None
    assert details["ConflictError"].type == ANY
