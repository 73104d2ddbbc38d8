"""The client's namespace tree: which class holds which operations, and its name."""

from __future__ import annotations

from typing import Any

from .. import naming
from ..ir import Namespace, Operation
from ..naming.tags import tag_namespace, version_free


def namespace_tree(operations: list[Operation], tags: list[Any]) -> Namespace:
    """The root (the client itself) with every namespace below it; a namespace is
    documented by the tag of its name, else by its path."""
    tree: dict[tuple[str, ...], list[Operation]] = {(): []}
    for op in operations:
        for depth in range(len(op.namespace) + 1):
            tree.setdefault(op.namespace[:depth], [])
        tree[op.namespace].append(op)
    by_tag = {str(t.get("name", "")): t.get("description") for t in tags if isinstance(t, dict)}
    described = {naming.identifier(name): text for name, text in by_tag.items()}
    described.update({tag_namespace(name): text for name, text in by_tag.items()})
    # A namespace named from a tag, perhaps without its version words (naming/tags.py).
    for op in operations:
        if op.tags and op.namespace == (version_free(tag_namespace(op.tags[0]), op.path),):
            described.setdefault(op.namespace[0], by_tag.get(op.tags[0]))

    # customer_portal.sessions and customer.portal.sessions must not share a class.
    paths = sorted(p for p in tree if p)
    class_names = dict(
        zip(
            paths,
            naming.dedupe(
                ("".join(naming.pascal_case(part) for part in p) + "Resource" for p in paths),
                taken={"Client", "AsyncClient"},
                separator="",
            ),
        )
    )

    def make(path: tuple[str, ...]) -> Namespace:
        children = tuple(make(p) for p in sorted(tree) if len(p) == len(path) + 1 and p[: len(path)] == path)
        return Namespace(
            path=path,
            attr=path[-1] if path else "",
            class_name=class_names[path] if path else "Client",
            async_class_name="Async" + class_names[path] if path else "AsyncClient",
            operations=tuple(sorted(tree[path], key=lambda o: o.name)),
            children=children,
            doc=(described.get(path[-1]) if path else None)
            or ("Operations under `" + ".".join(path) + "`." if path else None),
        )

    return make(())


def children_first(root: Namespace) -> tuple[Namespace, ...]:
    """Every namespace but the root, each after its children (so classes are defined
    before the classes that use them)."""
    out: list[Namespace] = []

    def visit(ns: Namespace) -> None:
        for child in ns.children:
            visit(child)
        if ns.path:
            out.append(ns)

    visit(root)
    return tuple(out)
