"""The template context of webhooks.py and of the README's webhook example: the event
types and the discriminator as Python source."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..ir import Webhook, Webhooks
from . import layout
from .pysource import docstring, literal, string_literal


@dataclass(frozen=True)
class WebhooksView:
    ir: Webhooks
    # `EVENT_TYPES: Final[frozenset[str]] = frozenset({...})` and its docstring.
    event_types_source: str
    event_types_docstring: str
    discriminator_source: str | None
    # The event the README's example picks out, when its payload is a struct, and what
    # the example prints before it (a string literal).
    example: Webhook | None
    example_label_source: str

    def __getattr__(self, name: str) -> Any:
        return getattr(self.ir, name)


def webhooks_view(hooks: Webhooks) -> WebhooksView:
    values = hooks.event_types
    kinds = sorted({type(v).__name__ for v in values}) or ["str"]
    listed = tuple(literal(v) for v in values)
    head = f"EVENT_TYPES: Final[frozenset[{' | '.join(kinds)}]] = frozenset("
    prop = hooks.discriminator
    example = next((e for e in hooks.events if e.payload.kind == "model"), None)
    doc = "Every event type the spec declares" + (f", as a payload's `{prop}` carries it." if prop else ".")
    return WebhooksView(
        ir=hooks,
        event_types_source=layout.bracketed(0, head, [layout.Group("{", listed, "}", display=True)], ")")
        if listed
        else head + ")",
        event_types_docstring=docstring(doc) or "",
        discriminator_source=string_literal(prop) if prop is not None else None,
        example=example,
        example_label_source=string_literal(f"{example.name}:" if example else ""),
    )
