"""`$ref`s: local, resolvable, naming an object of the kind that belongs where they stand,
and not part of a loop of references that never reaches a definition.

Nothing outside the document is followed or fetched: a reference to a file or URL is a
problem here (the bundler has already replaced those it was allowed to read).
"""

from __future__ import annotations

import re
from typing import Any

from ...problems import Problem, join_pointer, resolve_pointer, split_pointer
from ..walk import KIND_SECTIONS, Typed
from .wording import similarity

_KIND_NAMES = {
    "schema": "a schema",
    "parameter": "a parameter",
    "response": "a response",
    "requestBody": "a request body",
    "header": "a header",
    "example": "an example",
    "link": "a link",
    "callback": "a callback",
    "securityScheme": "a security scheme",
    "pathItem": "a path item",
    "operation": "an operation",
    "mediaType": "a media type",
}


def refs(data: dict[str, Any], typed: list[Typed], handled: set[str]) -> list[Problem]:
    problems: list[Problem] = []
    kinds = {t.pointer: t.kind for t in typed}
    loops: set[frozenset[str]] = set()
    for t in typed:
        node = t.node
        if not isinstance(node, dict) or "$ref" not in node:
            continue
        at = join_pointer(t.pointer, "$ref")
        if at in handled:
            continue
        problem = _check_ref(data, node["$ref"], at, t, kinds, loops)
        if problem is not None:
            problems.append(problem)
    return problems


def _check_ref(
    data: dict[str, Any], ref: Any, at: str, t: Typed, kinds: dict[str, str], loops: set[frozenset[str]]
) -> Problem | None:
    if not isinstance(ref, str):
        return None  # the OpenAPI schema says so
    if not ref.startswith("#"):
        url = re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", ref) and not re.match(r"^[A-Za-z]:[\\/]", ref)
        if url or ref.startswith("//"):
            return Problem(
                at,
                f"external reference {ref!r} refused: references are never fetched",
                hint="save the document next to the spec and bundle it into the spec",
            )
        if ref.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:[\\/]", ref):
            return Problem(
                at,
                f"external reference {ref!r} refused: an absolute path is never read",
                hint="bundle the spec, or put the file in the spec's folder, refer to it by a "
                "relative path and pass --allow-file-refs",
            )
        return Problem(
            at,
            f"external reference {ref!r} refused: only references inside the spec (`#/...`) "
            "are followed by default",
            hint="pass --allow-file-refs to read files in the spec's folder, or bundle the spec",
        )
    if ref == "#":
        return Problem(at, "`$ref` '#' points at the whole document", hint="refer to one definition in it")
    if not ref.startswith("#/"):
        return Problem(
            at,
            f"`$ref` {ref!r} names an anchor; only JSON pointers (`#/...`) are supported",
            hint="refer to the definition by its path, e.g. #/components/schemas/Name",
        )
    found, target = resolve_pointer(data, ref[1:])
    if not found:
        # (A pointer that resolves percent-decoded was decoded when the spec was read:
        # spec/fragments.py.)
        hint = None
        tokens = split_pointer(ref[1:])
        siblings = resolve_pointer(data, join_pointer("", *tokens[:-1]))[1] if tokens else None
        if hint is None and isinstance(siblings, dict) and siblings:
            # A typo in the last name: say which one was meant.
            names = [str(n) for n in siblings if join_pointer("", *tokens[:-1], str(n)) != t.pointer]
            best = min(names, key=lambda name: similarity(name, tokens[-1]), default="")
            if best and similarity(best, tokens[-1]) < 0.4:
                hint = f"did you mean {join_pointer('#', *tokens[:-1], best)!r}?"
        return Problem(at, f"`$ref` {ref!r} points at nothing in this document", hint=hint)
    # A chain of references that comes back to where it began names nothing at all.
    if ref[1:] == t.pointer:
        return Problem(at, f"`$ref` {ref!r} points at itself", hint="a reference must lead to a definition")
    chain = [t.pointer, ref[1:]]
    node = target
    while isinstance(node, dict) and isinstance(node.get("$ref"), str) and node["$ref"].startswith("#"):
        next_pointer = node["$ref"][1:]
        if next_pointer in chain:
            cycle = chain[chain.index(next_pointer) :]
            loop = " -> ".join("#" + p for p in cycle + [next_pointer])
            if next_pointer != t.pointer:
                return Problem(
                    at,
                    f"`$ref` {ref!r} leads into a loop of references that never reaches a definition ({loop})",
                    hint="one reference of the loop must be replaced by the definition itself",
                )
            if frozenset(cycle) in loops:
                return None  # said once, at the first reference of the loop
            loops.add(frozenset(cycle))
            return Problem(
                at,
                f"`$ref` {ref!r} makes a loop of references that never reaches a definition ({loop})",
                hint="one reference of the loop must be replaced by the definition itself",
            )
        ok, node = resolve_pointer(data, next_pointer)
        if not ok:
            break  # the dangling link is reported where it is
        chain.append(next_pointer)
    if t.kind == "schema":
        if not isinstance(target, (dict, bool)):
            return Problem(at, f"`$ref` {ref!r} points at {_describe(target)}, not a schema")
        return None
    found_kind = kinds.get(ref[1:])
    if found_kind != t.kind:
        what = _KIND_NAMES.get(found_kind or "", _describe(target))
        return Problem(
            at,
            f"`$ref` {ref!r} points at {what}, where {_KIND_NAMES.get(t.kind, t.kind)} belongs",
            hint=f"refer to one under #/components/{_section(t.kind)}" if _section(t.kind) else None,
        )
    return None


def _section(kind: str) -> str | None:
    return KIND_SECTIONS.get(kind)


def _describe(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping that is not an OpenAPI object"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, bool):
        return "a boolean"
    if value is None:
        return "null"
    return "a number"

