"""Discriminator mappings lead to schemas of this document: a value mapped to a schema that
does not exist, or to one in another document, is a problem (with a guess at the name meant).
"""

from __future__ import annotations

from typing import Any

from ...problems import Problem, join_pointer, resolve_pointer
from ..walk import Typed
from .wording import similarity


def discriminators(data: dict[str, Any], typed: list[Typed]) -> list[Problem]:
    """Each discriminator mapping value whose target is not a schema of this document."""
    problems: list[Problem] = []
    components = data.get("components")
    schemas = components.get("schemas") if isinstance(components, dict) else None
    schemas = schemas if isinstance(schemas, dict) else {}
    for t in typed:
        node = t.node
        if t.kind != "schema" or not isinstance(node, dict) or not isinstance(node.get("discriminator"), dict):
            continue
        mapping = node["discriminator"].get("mapping")
        for value, target in mapping.items() if isinstance(mapping, dict) else []:
            if not isinstance(target, str):
                continue
            at = join_pointer(t.pointer, "discriminator", "mapping", value)
            if target.startswith("#"):
                found, schema = resolve_pointer(data, target[1:])
                if found and isinstance(schema, (dict, bool)):
                    continue
            elif ("/" in target or "." in target) and target not in schemas:
                problems.append(
                    Problem(
                        at,
                        f"discriminator value {value!r} maps to {target!r}, outside this document",
                        hint="map it to #/components/schemas/<name> or to a schema name",
                    )
                )
                continue
            elif target in schemas:
                continue
            names = sorted(schemas, key=lambda n: similarity(str(n), target))[:1]
            problems.append(
                Problem(
                    at,
                    f"discriminator value {value!r} maps to {target!r}, which does not exist",
                    hint=f"did you mean {names[0]!r}?" if names and similarity(str(names[0]), target) < 0.5 else None,
                )
            )
    return problems

