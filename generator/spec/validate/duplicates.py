"""Names declared twice where OpenAPI wants each once: a parameter (name and location) in
one path item's or operation's list, and a tag in the document's `tags`.
"""

from __future__ import annotations

from typing import Any

from ...problems import Problem, join_pointer
from ..walk import Typed, follow_local


def duplicate_parameters(data: dict[str, Any], typed: list[Typed]) -> list[Problem]:
    problems: list[Problem] = []
    for t in typed:
        if t.kind not in ("pathItem", "operation") or not isinstance(t.node, dict) or "$ref" in t.node:
            continue
        seen: set[tuple[str, str]] = set()
        params = t.node.get("parameters")
        for i, raw in enumerate(params if isinstance(params, list) else []):
            p = follow_local(data, raw)[0]
            if not isinstance(p, dict) or not isinstance(p.get("name"), str):
                continue
            key = (p["name"], str(p.get("in")))
            if key in seen:
                problems.append(
                    Problem(
                        join_pointer(t.pointer, "parameters", i),
                        f"parameter {key[0]!r} in {key[1]} is declared twice",
                    )
                )
            seen.add(key)
    return problems


def duplicate_tags(data: dict[str, Any]) -> list[Problem]:
    problems: list[Problem] = []
    seen: set[str] = set()
    tags = data.get("tags")
    for i, tag in enumerate(tags if isinstance(tags, list) else []):
        name = tag.get("name") if isinstance(tag, dict) else None
        if isinstance(name, str):
            if name in seen:
                problems.append(Problem(join_pointer("/tags", i, "name"), f"tag {name!r} is declared twice"))
            seen.add(name)
    return problems
