"""Findings about how schemas are documented: inline schemas without a title, enums
without descriptions."""

from __future__ import annotations

from typing import Any

from ....ir import Api, EnumType
from ....problems import resolve_pointer
from ...wording import Code, Message, message
from ..views import Finding
from .common import finding, is_component


def untitled_findings(api: Api, spec: Any = None) -> list[Finding]:
    """Inline schemas with no title: their class is named after where it stands."""
    named: list[tuple[str, str, str | None]] = []
    for m in api.models:
        named.append((m.name, m.pointer, m.title))
    for e in api.enums:
        named.append((e.name, e.pointer, _title(spec, e.pointer)))
    # The union of webhook payloads is no schema of the spec: the generator names it.
    made = api.webhooks.union if api.webhooks else None
    for a in api.aliases:
        if a.name != made:
            named.append((a.name, a.pointer, _title(spec, a.pointer)))
    return [
        finding(
            "untitled-inline-schema",
            name,
            pointer,
            message(
                "inline schema ",
                Code("#" + pointer),
                " has no title; its class ",
                Code(name),
                " is named after where it stands (a title documents it; "
                "a component schema gives it a stable name)",
            ),
        )
        for name, pointer, title in sorted(named)
        if not is_component(pointer) and not (title or "").strip()
    ]


def enum_findings(api: Api, spec: Any = None) -> list[Finding]:
    """Enums whose values (or the enum itself) are not described."""
    out: list[Finding] = []
    for e in api.enums:
        text = _enum_finding(e)
        if text is not None:
            out.append(finding("enum-without-descriptions", e.name, e.pointer, text))
    return out


def _enum_finding(e: EnumType) -> Message | None:
    described = sum(1 for m in e.members if (m.description or "").strip())
    count = len(e.members)
    parts: list[str] = []
    if not (e.description or "").strip():
        parts.append("has no description")
    if described == 0:
        parts.append(
            f"describes none of its {count} values" if count > 1 else "leaves its value undescribed"
        )
    elif described < count:
        parts.append(f"leaves {count - described} of its {count} values undescribed")
    if not parts:
        return None
    note = " (x-enum-descriptions)" if described < count else ""
    return message("enum ", Code(e.name), " " + " and ".join(parts) + note)


def _title(spec: Any, pointer: str) -> str | None:
    node = resolve_pointer(spec, pointer)[1]
    if isinstance(node, dict) and isinstance(node.get("title"), str):
        return str(node["title"])
    return None
