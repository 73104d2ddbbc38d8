"""Schema keywords the generator cannot express (`not`, `if`/`then`/`else`,
`dependentSchemas`, `$dynamicRef`, `$recursiveRef`, `$id`): refused with a reason and a way
out, rather than generating a client that silently accepts what the spec forbids.
"""

from __future__ import annotations

from typing import Any

from ...problems import Problem, join_pointer
from ..walk import Typed

_UNSUPPORTED = {
    "not": (
        (
            "`not` is not supported: a Python type cannot say which values it excludes, so the "
            "client would accept what the spec forbids"
        ),
        "describe the allowed values instead (enum, oneOf), or remove `not`",
    ),
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
        for key, (message, hint) in _UNSUPPORTED.items():
            present = key in node or (key == "if" and ("then" in node or "else" in node))
            if present:
                first = key if key in node else ("then" if "then" in node else "else")
                problems.append(Problem(join_pointer(t.pointer, first), message, hint=hint))
    return problems

