"""Where an operation lands on the client, and the names generated modules keep for
themselves: one rule, read by validate (to report collisions) and by build. Where each
operation asks to be is judged on the whole document (operation_places): a shortened name
is given up where it would land on another operation."""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from .generated_ids import fastapi_function_name
from .identifiers import class_name, dedupe, identifier
from .tags import tag_namespace, version_free

# Module names the generated class bodies refer to; a member named like one is renamed.
RESERVED_MEMBER_NAMES = frozenset(
    {"msgspec", "datetime", "uuid", "decimal", "enum", "typing", "builtins", "models"}
)

# Names the generated client module uses in annotations and method bodies: a method or a
# parameter named like one would hide it.
# (Runtime helpers that method bodies call are reached as `_base.name`, and no parameter
# can be called `_base`: identifiers made from spec names never start with an underscore.)
METHOD_RESERVED = frozenset({"models", "datetime", "uuid", "decimal", "builtins", "httpx", "functools"})
PARAM_RESERVED = frozenset({"self"})
# Keywords every operation method takes after the spec's parameters (the runtime's
# `RequestOptions`, gathered as `**options`): a parameter named like one is renamed.
CALL_OPTIONS = frozenset(
    {"options", "timeout", "max_retries", "extra_headers", "extra_query", "idempotency_key"}
)

# Attributes of the generated clients that a namespace may not take.
CLIENT_MEMBERS = frozenset(
    {
        "close",
        "aclose",
        "with_options",
        "with_raw_response",
        "with_streaming_response",
        "base_url",
        "timeout",
        "max_retries",
        "max_response_size",
        "headers",
    }
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


@dataclass(frozen=True)
class Asked:
    """Where an operation asks to be on the client, and what it asks for when a shortening
    is undone: the full operationId, a namespace with its version words."""

    namespace: tuple[str, ...]
    name: str
    full_name: str
    # Whether the namespace is the first tag's (only those lose version words), and the
    # path whose version segments they would be.
    from_tag: bool
    path: str
    # Made from the method and the path: the spec names the operation nowhere.
    derived: bool = False


def asked(op: dict[str, Any], method: str, path: str) -> Asked:
    """Where an operation lives on the client, judged on it alone (see operation_names)."""
    op_id = op.get("operationId")
    group = op.get("x-speakeasy-group")
    override = op.get("x-speakeasy-name-override")
    tags = op.get("tags") or []
    if isinstance(group, str) and group.strip():
        namespace = tuple(identifier(p) for p in group.split(".") if p)
        last = str(override or (str(op_id).split(":")[-1] if op_id else method))
        return _named(namespace, last, None if override else method, path, from_tag=False)
    if isinstance(op_id, str) and ":" in op_id and any(p for p in op_id.split(":")):
        parts = [p for p in op_id.split(":") if p]
        namespace = tuple(identifier(p) for p in parts[:-1])
        return _named(namespace, str(override or parts[-1]), None, path, from_tag=False)
    namespace = (tag_namespace(str(tags[0])),) if tags else ()
    if isinstance(op_id, str) and op_id:
        found = _named(namespace, str(override or op_id), None if override else method, path, from_tag=bool(tags))
        # `comments_get` under `comments` is `comments.get`.
        if namespace and not override and found.name.startswith(namespace[0] + "_"):
            rest = found.name[len(namespace[0]) + 1 :].strip("_")
            found = dataclasses.replace(found, name=identifier(rest, prefix="op_")) if rest else found
        return found
    words = [w for w in re.split(r"[/{}]+", path) if w]
    made = _named(namespace, "_".join([method] + words), None, path, from_tag=bool(tags))
    return dataclasses.replace(made, derived=override is None)


def _named(namespace: tuple[str, ...], text: str, method: str | None, path: str, *, from_tag: bool) -> Asked:
    """`method`: the HTTP method when `text` is an operationId that may be FastAPI's."""
    full = identifier(text, prefix="op_")
    short = fastapi_function_name(text, method, path) if method else None
    name = identifier(short, prefix="op_") if short else full
    return Asked(namespace, name, full, from_tag, path)


def operation_names(op: dict[str, Any], method: str, path: str) -> tuple[tuple[str, ...], str]:
    """Where an operation lives on the client, (namespace path, method name), judged on it
    alone; operation_places gives the document's answer.

    SDK naming hints in the spec win (x-speakeasy-group / x-speakeasy-name-override), then
    `group:sub:method` operationIds, then the first tag with the operationId (FastAPI's
    default ones shortened to the function's name, and without the namespace's words in
    front: `comments_get` under `comments` is `get`), then the first tag with the HTTP
    method and path.
    """
    found = asked(op, method, path)
    return found.namespace, found.name


def operation_places(
    sites: Sequence[tuple[dict[str, Any], str, str]], numbered: bool = True
) -> list[tuple[tuple[str, ...], str]]:
    """Where each operation of a document (operation, method, path) asks to be on the client,
    before client_paths: operation_names', with a shortening undone where it would merge
    what the spec keeps apart. A tag's namespace keeps its version words when leaving them
    out would make it another tag's namespace, or leave them out for some of its operations
    only; an operation keeps its full operationId when the short name lands where another
    operation does (deterministic: each operation that would share the place keeps its own)."""
    found = [asked(op, method, path) for op, method, path in sites]
    namespaces = _version_free_namespaces(found)
    names = [a.name for a in found]
    while True:
        placed = client_paths(list(zip(namespaces, names)))
        counts = Counter(placed)
        undone = [i for i, key in enumerate(placed) if counts[key] > 1 and names[i] != found[i].full_name]
        if not undone:
            return _numbered(found, namespaces, names) if numbered else list(zip(namespaces, names))
        for i in undone:
            names[i] = found[i].full_name


def _numbered(
    found: list[Asked], namespaces: list[tuple[str, ...]], names: list[str]
) -> list[tuple[tuple[str, ...], str]]:
    """A name made from the method and the path that lands where an earlier operation does
    (`/users/~` and `/users` both read `get_users`) takes the first free `_2`, `_3`...: the
    spec named neither, so the collision is the naming's, never an error (validate warns).
    Names the spec gives that collide stay as they are: validate reports them."""
    names = list(names)
    placed = client_paths(list(zip(namespaces, names)))
    taken = set(placed)
    seen: set[tuple[tuple[str, ...], str]] = set()
    for i, key in enumerate(placed):
        if key in seen and found[i].derived:
            n = 2
            while client_paths([(namespaces[i], f"{names[i]}_{n}")])[0] in taken:
                n += 1
            names[i] = f"{names[i]}_{n}"
            key = client_paths([(namespaces[i], names[i])])[0]
            taken.add(key)
        seen.add(key)
    return list(zip(namespaces, names))


def _version_free_namespaces(found: list[Asked]) -> list[tuple[str, ...]]:
    plain = {a.namespace[0] for a in found if a.namespace}
    # A name a group or an operationId gives is theirs as written.
    given = {a.namespace[0] for a in found if a.namespace and not a.from_tag}
    shortened: dict[str, set[str]] = {}
    for a in found:
        if a.from_tag:
            shortened.setdefault(a.namespace[0], set()).add(version_free(a.namespace[0], a.path))
    chosen = {tag: short.pop() for tag, short in shortened.items() if len(short) == 1}
    claims = Counter(chosen.values())
    renamed = {
        tag: short
        for tag, short in chosen.items()
        if short != tag and short not in plain and claims[short] == 1 and tag not in given
    }
    return [(renamed.get(a.namespace[0], a.namespace[0]),) if a.from_tag else a.namespace for a in found]
