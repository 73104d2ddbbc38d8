"""Schema keywords the generator cannot express (`if`/`then`/`else`, `dependentSchemas`,
`$dynamicRef`, `$recursiveRef`, `$id`): refused with a reason and a way out, rather than
generating a client that silently accepts what the spec forbids. Two are recovered from,
with a warning: `not` is ignored (the type is the rest of the schema), and
`$recursiveRef: '#'` in a component schema with `$recursiveAnchor: true` is a reference to
that schema (recursive_refs.py).
"""

from __future__ import annotations

from typing import Any

from ...problems import Problem, join_pointer, warning
from ..recursive_refs import recursive_target
from ..walk import Typed

_NOT_IGNORED = (
    "`not` cannot be expressed by a Python type; ignored it (the type is the rest of the schema, "
    "so the client accepts values the spec excludes)"
)
_UNSUPPORTED = {
    "if": (
        "`if`/`then`/`else` is not supported: the generated type cannot depend on a value",
        "describe the cases as oneOf variants told apart by a discriminator",
    ),
    "dependentSchemas": (
        "`dependentSchemas` is not supported: what it adds to an object would be dropped",
        "list those properties under `properties` (optional), or use oneOf variants",
    ),
    "$dynamicRef": (
        "`$dynamicRef` is not supported: only `$ref`s to JSON pointers are followed",
        "refer to the schema with `$ref: '#/components/schemas/Name'`",
    ),
    "$recursiveRef": (
        "`$recursiveRef` is not supported: only `$ref`s to JSON pointers are followed",
        "refer to the schema with `$ref: '#/components/schemas/Name'`",
    ),
    "$id": (
        "`$id` inside a spec is not supported: it changes what the `$ref`s below it mean",
        "remove `$id`; references are resolved against the document",
    ),
}


def unsupported(data: dict[str, Any], typed: list[Typed]) -> list[Problem]:
    """Every use of such a keyword in a schema."""
    problems: list[Problem] = []
    for t in typed:
        node = t.node
        if t.kind != "schema" or not isinstance(node, dict):
            continue
        if "not" in node:
            problems.append(warning(join_pointer(t.pointer, "not"), _NOT_IGNORED))
        for key, (message, hint) in _UNSUPPORTED.items():
            if key == "$recursiveRef" and key in node:
                target = recursive_target(data, t.pointer)
                if target is not None:
                    problems.append(
                        warning(
                            join_pointer(t.pointer, key),
                            f"read `$recursiveRef: '#'` as a reference to #{target}, the schema with "
                            "`$recursiveAnchor: true` it stands in",
                        )
                    )
                    continue
            present = key in node or (key == "if" and ("then" in node or "else" in node))
            if present:
                first = key if key in node else ("then" if "then" in node else "else")
                problems.append(Problem(join_pointer(t.pointer, first), message, hint=hint))
    return problems

