"""Where an operation lands on the client, and the names generated modules keep for
themselves: one rule, read by validate (to report collisions) and by build."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

from .identifiers import class_name, dedupe, identifier

# Module names the generated class bodies refer to; a member named like one is renamed.
RESERVED_MEMBER_NAMES = frozenset(
    {"msgspec", "datetime", "uuid", "decimal", "enum", "typing", "builtins", "models"}
)

# Names the generated client module uses in annotations and method bodies: a method or a
# parameter named like one would hide it.
# (Runtime helpers that method bodies call are reached as `_base.name`, and no parameter
# can be called `_base`: identifiers made from spec names never start with an underscore.)
METHOD_RESERVED = frozenset({"models", "datetime", "uuid", "decimal", "builtins", "httpx"})
PARAM_RESERVED = frozenset({"self"})

# Attributes of the generated clients that a namespace may not take.
CLIENT_MEMBERS = frozenset(
    {"close", "aclose", "with_options", "base_url", "timeout", "max_retries", "headers"}
)
# Names models.py defines or imports: a schema class may not take one.
MODELS_MODULE_NAMES = frozenset(
    {"Any", "ClassVar", "Literal", "TypeAlias", "OpenStrEnum", "OpenIntEnum", "msgspec"}
    | RESERVED_MEMBER_NAMES
)


def component_class_name(schema_name: str) -> str:
    """The class for a component schema; names models.py imports get a trailing `_`."""
    name = class_name(schema_name)
    return name + "_" if name in MODELS_MODULE_NAMES else name


def component_class_names(schema_names: Iterable[str]) -> dict[str, str]:
    """The class of every component schema, given in document order: the first schema whose
    name makes a class (`component_class_name`) keeps it; a later one whose name makes the
    same class (`nullTime` after `NullTime`) takes the first numbered one that no schema's own
    name makes (`NullTime2`, `NullTime3`...)."""
    names = list(dict.fromkeys(schema_names))
    own = {name: component_class_name(name) for name in names}
    first: dict[str, str] = {}
    for name in names:
        first.setdefault(own[name], name)
    taken = set(own.values())
    out: dict[str, str] = {}
    for name in names:
        if first[own[name]] == name:
            out[name] = own[name]
        else:
            out[name] = dedupe([own[name]], taken, separator="")[0]
            taken.add(out[name])
    return out


def client_paths(
    named: Sequence[tuple[tuple[str, ...], str]],
) -> list[tuple[tuple[str, ...], str]]:
    """Where each (namespace, method) from operation_names lands on the client: a namespace
    may not take a client member's name, nor a method a sub-namespace's or a reserved one;
    each gets a trailing `_` until it is free. Two operations may still land on one place:
    validate reports that."""
    moved = [
        ((namespace[0] + "_",) + namespace[1:] if namespace and namespace[0] in CLIENT_MEMBERS else namespace, name)
        for namespace, name in named
    ]
    children = {namespace[: d + 1] for namespace, _ in moved for d in range(len(namespace))}
    out: list[tuple[tuple[str, ...], str]] = []
    for namespace, name in moved:
        blocked = {c[-1] for c in children if c[:-1] == namespace} | METHOD_RESERVED
        if not namespace:
            blocked |= CLIENT_MEMBERS
        while name in blocked:
            name += "_"
        out.append((namespace, name))
    return out


def operation_names(op: dict[str, Any], method: str, path: str) -> tuple[tuple[str, ...], str]:
    """Where an operation lives on the client: (namespace path, method name).

    SDK naming hints in the spec win (x-speakeasy-group / x-speakeasy-name-override), then
    `group:sub:method` operationIds, then the first tag with the operationId, then the
    first tag with the HTTP method and path.
    """
    op_id = op.get("operationId")
    group = op.get("x-speakeasy-group")
    override = op.get("x-speakeasy-name-override")
    tags = op.get("tags") or []
    if isinstance(group, str) and group.strip():
        namespace = tuple(identifier(p) for p in group.split(".") if p)
        last = str(override or (str(op_id).split(":")[-1] if op_id else method))
        return namespace, identifier(last, prefix="op_")
    if isinstance(op_id, str) and ":" in op_id and any(p for p in op_id.split(":")):
        parts = [p for p in op_id.split(":") if p]
        return tuple(identifier(p) for p in parts[:-1]), identifier(
            str(override or parts[-1]), prefix="op_"
        )
    namespace = (identifier(str(tags[0])),) if tags else ()
    if isinstance(op_id, str) and op_id:
        return namespace, identifier(str(override or op_id), prefix="op_")
    words = [w for w in re.split(r"[/{}]+", path) if w]
    return namespace, identifier("_".join([method] + words), prefix="op_")
