"""Webhooks -> one payload type per event and one union of them all, decoded by the event's
type: the property every payload requires and pins to a value of its own (a `const`, or an
`enum` of one value), found the way a union without a discriminator finds its tag. That
property becomes the union's discriminator, so the union is told apart by it as any
discriminated union is (build/unions.py), and the webhooks module can tell an event this
client does not know from a payload that does not match its event. A payload that is a
union msgspec decodes natively (one webhook posting any of several events) lends the union
its members, and their values.

Payloads are converted after every operation, so operations keep the class names they
would have without webhooks, and a payload no operation reaches is still declared.
"""

from __future__ import annotations

from typing import Any

from .. import naming
from ..ir import NONE, TypeRef, Webhook, Webhooks, members
from ..problems import join_pointer, warning
from ..spec.media import pick_content
from ..spec.walk import HTTP_METHODS
from . import unions
from .drafts import AliasDraft
from .schemas import Schemas
from .typeops import make_union

# The union's name: the first of these no class has (an API may call its own event log
# objects `WebhookEvent`), else the first made unique.
UNION_NAMES = ("WebhookEvent", "WebhookPayload", "AnyWebhookEvent")
_POINTER = "/webhooks"

Pinned = dict[str, str | int]


def webhooks(schemas: Schemas) -> Webhooks | None:
    """The document's webhooks with JSON payloads, and their union; None without any."""
    entries = schemas.doc.spec.get("webhooks")
    found: list[tuple[str, str, dict[str, Any], TypeRef]] = []
    for name, item in (entries if isinstance(entries, dict) else {}).items():
        item, at = schemas.doc.resolve(item, join_pointer(_POINTER, str(name)))
        for method in HTTP_METHODS:
            op = item.get(method) if isinstance(item, dict) else None
            if not isinstance(op, dict):
                continue
            pointer = join_pointer(at, method)
            payload = _payload(schemas, op, pointer, str(name))
            if payload is not None:
                found.append((str(name), pointer, op, payload))
    if not found:
        return None
    payloads = [payload for *_, payload in found]
    variants = list(dict.fromkeys(v for p in payloads for v in _variants(schemas, p)))
    prop = common_discriminator([pins(schemas, v) for v in variants])
    name = schemas.doc.new_class(next((n for n in UNION_NAMES if n not in schemas.doc.taken), UNION_NAMES[0]))
    schema: dict[str, Any] = {"discriminator": {"propertyName": prop}} if prop is not None else {}
    schema["description"] = "Any payload the API posts to a webhook" + (
        f", told apart by its `{prop}` property." if prop is not None else "."
    )
    union = unions.union_of(schemas, variants, schema, _POINTER, name, name)
    if name not in schemas.aliases:
        real = make_union([m for m in members(union) if m != NONE])
        schemas.aliases[name] = AliasDraft(_POINTER, real, schema["description"], untagged=False)
    events = tuple(
        Webhook(
            name=hook,
            pointer=pointer,
            payload=payload,
            event_type=pins(schemas, payload).get(prop) if prop is not None else None,
            summary=_text(op.get("summary")),
            description=_text(op.get("description")),
        )
        for hook, pointer, op, payload in found
    )
    types = tuple(dict.fromkeys(pins(schemas, v)[prop] for v in variants)) if prop is not None else ()
    return Webhooks(union=name, discriminator=prop, event_types=types, events=events)


def _payload(schemas: Schemas, op: dict[str, Any], pointer: str, name: str) -> TypeRef | None:
    """The type of the JSON body this webhook posts; None (with a warning) without one."""
    raw = op.get("requestBody")
    body, at = schemas.doc.resolve(raw, join_pointer(pointer, "requestBody"))
    content = body.get("content") if isinstance(body, dict) else None
    picked = pick_content(content, request=True) if isinstance(content, dict) and content else None
    if picked is None or picked[1] != "json":
        schemas.warn(
            warning(
                pointer,
                f"webhook {name!r} posts no JSON body; left out of the webhooks module, "
                "which decodes JSON payloads only",
            )
        )
        return None
    media, _ = picked
    entry = content.get(media) if isinstance(content, dict) else None
    schema = entry.get("schema") if isinstance(entry, dict) else None
    where = join_pointer(at, "content", media, "schema")
    return schemas.convert(schema, where, naming.pascal_case(name) + "Payload")


def _variants(schemas: Schemas, payload: TypeRef) -> list[TypeRef]:
    """What a payload may be: itself, or the members of a union msgspec decodes natively
    (one webhook that posts any of several events), at any depth."""
    out: list[TypeRef] = []
    seen: set[str] = set()
    todo = [m for m in members(payload) if m != NONE]
    while todo:
        m = todo.pop(0)
        draft = schemas.aliases.get(m.name) if m.kind == "alias" else None
        if draft is not None and not draft.untagged:
            if m.name not in seen:
                seen.add(m.name)
                todo[:0] = [v for v in members(draft.type) if v != NONE]
        elif m not in out:
            out.append(m)
    return out


def pins(schemas: Schemas, payload: TypeRef) -> Pinned:
    """The required properties a payload struct pins to one value, in field order; none for
    a payload that is not one struct."""
    if payload.kind != "model" or payload.name not in schemas.models:
        return {}
    out: Pinned = {}
    for f in schemas.models[payload.name].fields:
        value = unions.own_value(schemas, payload, f.wire) if f.required else None
        if value is not None:
            out[f.wire] = value
    return out


def common_discriminator(payloads: list[Pinned]) -> str | None:
    """The property every payload (each type once) pins, to a value no other payload has;
    the first in the first payload's order."""
    if not payloads or any(not p for p in payloads):
        return None
    for prop in payloads[0]:
        values = [p.get(prop) for p in payloads]
        if None not in values and len(set(values)) == len(values):
            return prop
    return None


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) and value.strip() else None
