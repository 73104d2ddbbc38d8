"""What the chosen operations reach: their path items, parameters, bodies and responses,
the security schemes they name, and everything those `$ref` (or name in a discriminator
mapping), transitively. A defect anywhere else cannot reach the client generated for them."""

from __future__ import annotations

from typing import Any

from ..problems import join_pointer, resolve_pointer, split_pointer
from .selection import Selection, selected_operations
from .walk import HTTP_METHODS, path_items

# Where the operations and the components they may use stand; everything else of the
# document (openapi, info, servers, tags, top-level security...) belongs to every subset.
_SECTIONS = {"paths": 2, "webhooks": 2, "components": 3}

_Tokens = tuple[str, ...]


class Reach:
    """The parts of a document that the chosen operations reach, as JSON pointer roots."""

    def __init__(self, roots: set[_Tokens]) -> None:
        self.roots = roots
        self.ancestors = {root[:depth] for root in roots for depth in range(len(root))}

    def reaches(self, pointer: str) -> bool:
        """Whether a defect at `pointer` concerns the chosen operations: inside what they
        reach, above it (the section holding it), or outside paths, webhooks and components.
        A path, webhook or component as a whole (an entry that is no mapping) is reached
        only when it is."""
        tokens = tuple(split_pointer(pointer))
        depth = _SECTIONS.get(tokens[0]) if tokens else None
        if depth is None or len(tokens) < depth or tokens in self.ancestors:
            return True
        return any(tokens[:n] in self.roots for n in range(1, len(tokens) + 1))


def reach(data: Any, selection: Selection) -> Reach:
    """What the operations `selection` chooses reach in `data`."""
    chosen = {(site.path, site.method) for site, _, _ in selected_operations(data, selection)}
    roots: set[_Tokens] = set()
    todo: list[_Tokens] = []
    for item in path_items(data):
        methods = [m for m in HTTP_METHODS if (item.path, m) in chosen]
        if not methods:
            continue
        if item.source != item.pointer:
            todo.append((*split_pointer(item.pointer), "$ref"))
        for key in item.node:
            if key not in HTTP_METHODS or key in methods:
                todo.append((*split_pointer(item.source), str(key)))
        for method in methods:
            todo += _security_schemes(data, item.node[method])
    while todo:
        root = todo.pop()
        if root in roots:
            continue
        roots.add(root)
        found, node = resolve_pointer(data, join_pointer("", *root))
        if found:
            todo += _references(node)
    return Reach(roots)


def _security_schemes(data: Any, op: Any) -> list[_Tokens]:
    """The security schemes an operation names (its own requirements, else the document's)."""
    requirements = op.get("security") if isinstance(op, dict) and "security" in op else data.get("security")
    listed = requirements if isinstance(requirements, list) else []
    return [
        ("components", "securitySchemes", str(name))
        for requirement in listed
        if isinstance(requirement, dict)
        for name in requirement
    ]


def _references(node: Any) -> list[_Tokens]:
    """Every local `$ref` below `node`, and every schema a discriminator mapping names."""
    out: list[_Tokens] = []
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, list):
            stack.extend(current)
            continue
        if not isinstance(current, dict):
            continue
        ref = current.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/"):
            out.append(tuple(split_pointer(ref[1:])))
        discriminator = current.get("discriminator")
        mapping = discriminator.get("mapping") if isinstance(discriminator, dict) else None
        for target in mapping.values() if isinstance(mapping, dict) else ():
            target = str(target)
            out.append(tuple(split_pointer(target[1:])) if target.startswith("#/") else ("components", "schemas", target))
        stack.extend(current.values())
    return out
