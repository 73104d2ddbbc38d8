"""Webhooks in the IR (build/webhooks.py): every payload declared, whether or not an
operation reaches it, and one union of them told apart by the property every payload pins
to a value of its own."""

from __future__ import annotations

from typing import Any

from buildkit import build_api, document, json_content, model, ref, returning

from generator.build import BuildOptions, build
from generator.build.webhooks import common_discriminator
from generator.ir import NATIVE, TRIED, TypeRef

STRING = {"type": "string"}


def hook(schema: Any, media: str = "application/json") -> dict[str, Any]:
    body = {"required": True, "content": {media: {"schema": schema}}}
    return {"post": {"summary": "s", "requestBody": body, "responses": {"200": {"description": "ok"}}}}


def event(prop: str, value: Any, **more: Any) -> dict[str, Any]:
    return {"type": "object", "required": [prop], "properties": {prop: value, **more}}


def with_hooks(hooks: dict[str, Any], schemas: dict[str, Any], **top: Any) -> dict[str, Any]:
    op = {"operationId": "h", "responses": {"200": {"description": "ok", **json_content(ref("Thing"))}}}
    thing = {"type": "object", "properties": {"id": STRING}}
    return document({"/h": {"get": op}}, {"Thing": thing, **schemas}, webhooks=hooks, **top)


def test_the_common_discriminator_is_the_first_property_every_payload_pins_apart() -> None:
    assert common_discriminator([{"v": 1, "kind": "a"}, {"v": 1, "kind": "b"}]) == "kind"
    assert common_discriminator([{"kind": "a", "v": 1}, {"kind": "b", "v": 2}]) == "kind"
    assert common_discriminator([{"kind": "a"}, {"kind": "a"}]) is None
    assert common_discriminator([{"kind": "a"}, {}]) is None
    assert common_discriminator([{"kind": "a"}, {"other": "b"}]) is None
    assert common_discriminator([]) is None


def test_payloads_no_operation_reaches_become_a_tagged_union() -> None:
    api = build_api(
        with_hooks(
            {"a.made": hook(ref("Made")), "a.gone": hook(ref("Gone")), "b.new": hook(event("event", {"const": "b.new"}))},
            {
                "Made": event("event", {"const": "a.made"}, data=ref("Thing")),
                "Gone": event("event", ref("GoneKind")),
                "GoneKind": {"type": "string", "enum": ["a.gone"]},
                "Unused": event("event", STRING),
            },
        )
    )
    hooks = api.webhooks
    assert hooks is not None and hooks.union == "WebhookEvent" and hooks.discriminator == "event"
    assert [(e.name, e.payload.name, e.event_type) for e in hooks.events] == [
        ("a.made", "Made", "a.made"),
        ("a.gone", "Gone", "a.gone"),
        ("b.new", "BNewPayload", "b.new"),
    ]
    assert hooks.event_types == ("a.made", "a.gone", "b.new")
    assert {m.name: m.tag.value if m.tag else None for m in api.models} == {
        "Made": "a.made", "Gone": "a.gone", "BNewPayload": "b.new", "Thing": None,
    }  # fmt: skip
    (union,) = api.aliases
    assert union.name == "WebhookEvent" and union.strategy == NATIVE and union.pointer == "/webhooks"
    assert union.type == TypeRef("union", args=tuple(TypeRef("model", n) for n in ("Made", "Gone", "BNewPayload")))


def test_without_a_common_pinned_property_the_union_is_tried_and_has_no_types() -> None:
    api = build_api(with_hooks({"x": hook(ref("X")), "y": hook(ref("Y"))}, {"X": event("a", STRING), "Y": event("b", STRING)}))
    assert api.webhooks is not None and api.webhooks.discriminator is None
    assert api.webhooks.event_types == ()
    assert [a.strategy for a in api.aliases] == [TRIED]


def test_a_webhook_that_posts_a_union_of_events_lends_it_its_types() -> None:
    """One webhook whose payload is a union of events (with no discriminator of its own),
    beside one of a single event: the events' common property still tells them apart."""
    any_event = {"oneOf": [ref("Made"), ref("Gone")]}
    schemas = {"Made": event("kind", {"const": "made"}), "Gone": event("kind", {"const": "gone"}), "AnyEvent": any_event}
    api = build_api(with_hooks({"all": hook(ref("AnyEvent")), "new": hook(event("kind", {"const": "new"}))}, schemas))
    hooks = api.webhooks
    assert hooks is not None and hooks.discriminator == "kind"
    assert hooks.event_types == ("made", "gone", "new")
    assert [(e.payload, e.event_type) for e in hooks.events] == [
        (TypeRef("alias", "AnyEvent"), None),
        (TypeRef("model", "NewPayload"), "new"),
    ]
    union = next(a for a in api.aliases if a.name == hooks.union)
    assert union.strategy == NATIVE
    assert union.type == TypeRef("union", args=tuple(TypeRef("model", n) for n in ("Made", "Gone", "NewPayload")))
    assert {m.name: m.tag.value if m.tag else None for m in api.models} == {
        "Made": "made", "Gone": "gone", "NewPayload": "new", "Thing": None,
    }  # fmt: skip


def test_the_union_takes_a_name_no_class_has() -> None:
    taken = {"WebhookEvent": event("id", STRING), "WebhookPayload": event("id", STRING)}
    spec = with_hooks({"x": hook(event("kind", {"const": "x"}))}, taken)
    spec["paths"]["/h"]["get"]["responses"]["200"] = {"description": "ok", **json_content({"oneOf": [ref("WebhookEvent"), ref("WebhookPayload")]})}
    api = build_api(spec)
    assert api.webhooks is not None and api.webhooks.union == "AnyWebhookEvent"
    assert {"WebhookEvent", "WebhookPayload"} <= {m.name for m in api.models}


def test_webhooks_leave_the_operations_class_names_alone() -> None:
    """A webhook `thing` would call its inline payload ThingPayload, the name an operation's
    inline class already has: the operation keeps it."""
    thing = {"Thing": {"type": "object", "properties": {"payload": event("x", STRING)}}}
    plain = returning(ref("Thing"), thing)
    spec = with_hooks({"thing": hook(event("x", {"const": "y"}))}, {})
    spec["components"]["schemas"] = thing
    spec["paths"]["/h"]["get"]["responses"]["200"] = {"description": "ok", **json_content(ref("Thing"))}
    hooked = build_api(spec)
    assert model(hooked, "ThingPayload").pointer == model(plain, "ThingPayload").pointer
    assert hooked.webhooks is not None and hooked.webhooks.events[0].payload.name == "ThingPayload2"


def test_a_webhook_without_a_json_body_is_left_out_with_a_warning() -> None:
    api = build_api(with_hooks({"text": hook(STRING, "text/plain"), "x": hook(event("k", {"const": "x"}))}, {}))
    assert api.webhooks is not None and [e.name for e in api.webhooks.events] == ["x"]
    (problem,) = api.warnings
    assert problem.pointer == "/webhooks/text/post" and "posts no JSON body" in problem.message


def test_a_subset_of_operations_leaves_webhooks_out() -> None:
    spec = with_hooks({"x": hook(ref("X"))}, {"X": event("k", {"const": "x"})})
    api = build(spec, BuildOptions(package="pkg", include_operations=("h",)))
    assert api.webhooks is None and "X" not in {m.name for m in api.models}
    assert build_api(document({"/h": {"get": {"operationId": "h", "responses": {"204": {"description": "ok"}}}}})).webhooks is None
