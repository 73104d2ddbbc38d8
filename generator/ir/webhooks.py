"""What the API posts to its users' servers (an OpenAPI 3.1 document's `webhooks`): each
event's payload type, and the one union the webhooks module decodes every payload into."""

from __future__ import annotations

from dataclasses import dataclass

from .types import TypeRef


@dataclass(frozen=True)
class Webhook:
    # The webhook's key in the document (`order.created`) and its operation's pointer.
    name: str
    pointer: str
    payload: TypeRef
    # The value the payload's discriminator property always holds; None without one (or
    # for a payload that is a union of several events).
    event_type: str | int | None
    summary: str | None
    description: str | None


@dataclass(frozen=True)
class Webhooks:
    # The models module's name for the union of every payload.
    union: str
    # The property every payload pins to its own value (the event type), when there is one:
    # the webhooks module reads it to tell an event this client does not know from a
    # payload that does not match its event.
    discriminator: str | None
    # Every value of it the union knows, in document order: one per payload struct, those
    # of a payload that is a union of structs included.
    event_types: tuple[str | int, ...]
    events: tuple[Webhook, ...]
