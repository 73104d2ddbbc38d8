"""build/events.py and build/streams.py on IR values: which type an event stream's data
decodes into (payload schemas, event-shaped schemas, sentinels, `itemSchema`), and the
streaming twin of an operation that documents JSON and an event stream (its name, its
successes, the `stream` switch of its body)."""

from __future__ import annotations

from typing import Any

from buildkit import build_api, document, json_content, ref

from generator.ir import STR, Operation, TypeRef

CHUNK = {"type": "object", "properties": {"delta": {"type": "string"}}}
REQUEST = {"type": "object", "properties": {"prompt": {"type": "string"}, "stream": {"type": "boolean"}}}
MODEL = TypeRef("model", "Chunk")


def operations(content: dict[str, Any], body: Any = None, op_id: str = "complete", **paths: Any) -> list[Operation]:
    op: dict[str, Any] = {"operationId": op_id, "responses": {"200": {"description": "ok", "content": content}}}
    if body is not None:
        op["requestBody"] = {"required": True, **json_content(body)}
    schemas = {"Chunk": CHUNK, "Request": REQUEST, "Done": {"type": "string", "enum": ["[DONE]"]}}
    return list(build_api(document({"/c": {"post": op}, **paths}, schemas)).operations)


def events_of(media: dict[str, Any]) -> TypeRef | None:
    (op,) = operations({"text/event-stream": media})
    (case,) = op.success
    assert case.kind == "events" and op.streams and op.accept == "text/event-stream"
    return case.type


def test_a_payload_schema_is_the_data_type() -> None:
    assert events_of({"schema": ref("Chunk")}) == MODEL


def test_an_event_shaped_schema_gives_its_data_property() -> None:
    event = {"type": "object", "properties": {"event": {"type": "string"}, "data": ref("Chunk"), "id": {}}}
    assert events_of({"schema": event}) == MODEL


def test_a_one_of_of_events_leaves_the_sentinel_out() -> None:
    sentinel = {"type": "object", "properties": {"data": ref("Done")}}
    chunk = {"type": "object", "properties": {"data": ref("Chunk")}}
    assert events_of({"schema": {"oneOf": [chunk, sentinel]}}) == MODEL


def test_an_object_with_other_properties_is_a_payload() -> None:
    payload = {"type": "object", "properties": {"data": {"type": "string"}, "usage": {"type": "integer"}}}
    found = events_of({"schema": payload})
    assert found is not None and found.kind == "model"


def test_item_schema_wins_and_text_or_nothing_is_text() -> None:
    assert events_of({"itemSchema": ref("Chunk"), "schema": {"type": "string"}}) == MODEL
    assert events_of({"schema": {"type": "string"}}) == STR
    assert events_of({}) == STR


def test_json_beside_an_event_stream_gets_a_streaming_twin() -> None:
    content = {"application/json": {"schema": ref("Chunk")}, "text/event-stream": {"schema": ref("Chunk")}}
    plain, twin = operations(content, ref("Request"))
    assert (plain.name, plain.success[0].kind, plain.accept, plain.stream_flag) == ("complete", "json", None, ("stream", False))
    assert (twin.name, twin.success[0].kind, twin.accept, twin.stream_flag) == (
        "complete_stream", "events", "text/event-stream", ("stream", True)
    )  # fmt: skip
    assert twin.endpoint_name == plain.endpoint_name + "_STREAM" and twin.operation_id == plain.operation_id
    assert twin.returns == MODEL and twin.streams and not plain.streams


def test_the_twin_takes_a_free_name_and_needs_no_stream_switch() -> None:
    content = {"application/json": {"schema": ref("Chunk")}, "text/event-stream": {"schema": ref("Chunk")}}
    taken = {"/t": {"get": {"operationId": "complete_stream", "responses": {"204": {"description": "ok"}}}}}
    names = [(op.name, op.stream_flag) for op in operations(content, {"type": "object"}, **taken)]
    assert names == [("complete", None), ("complete_stream_2", None), ("complete_stream", None)]


def test_an_event_stream_alone_gets_no_twin() -> None:
    (op,) = operations({"text/event-stream": {"schema": ref("Chunk")}}, ref("Request"))
    assert op.stream_flag is None and op.stream_success == ()


def test_review_shows_the_stream_and_reports_the_spec_operation_once() -> None:
    from generator.inspect.review.make import make_review

    content = {"application/json": {"schema": ref("Chunk")}, "text/event-stream": {"schema": ref("Chunk")}}
    op = {"operationId": "complete", "responses": {"200": {"description": "ok", "content": content}}}
    review = make_review(build_api(document({"/c": {"post": op}}, {"Chunk": CHUNK})))
    assert [(o.call.split("(")[0], o.returns) for o in review.operations] == [
        ("client.complete", "Chunk"), ("client.complete_stream", "Stream[Chunk]")
    ]  # fmt: skip
    undocumented = [f for f in review.findings if f.kind == "undocumented-operation"]
    assert len(undocumented) == 1
