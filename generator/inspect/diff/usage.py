"""Whether a schema is sent (request), received (response) or both, which decides how a
change to it is judged: found by walking the IR from each operation."""

from __future__ import annotations

from ...ir import Api, TypeRef

REQUEST, RESPONSE = "request", "response"


def usage(api: Api) -> dict[str, set[str]]:
    """Model, enum and alias names by whether they are sent (request), received (response)."""
    models = {m.name: m for m in api.models}
    aliases = {a.name: a for a in api.aliases}
    used: dict[str, set[str]] = {}

    def visit(t: TypeRef | None, direction: str) -> None:
        if t is None:
            return
        stack = [t]
        while stack:
            node = stack.pop()
            stack.extend(node.args)
            if node.kind not in ("model", "enum", "alias"):
                continue
            seen = used.setdefault(node.name, set())
            if direction in seen:
                continue
            seen.add(direction)
            if node.kind == "model" and node.name in models:
                stack.extend(f.type for f in models[node.name].fields)
            elif node.kind == "alias" and node.name in aliases:
                stack.append(aliases[node.name].type)

    for op in api.operations:
        for p in op.positional + op.keyword:
            visit(p.type, REQUEST)
        if op.body is not None:
            visit(op.body.type, REQUEST)
        for r in op.success + op.errors:
            visit(r.type, RESPONSE)
    return used


def side(directions: set[str]) -> str:
    """`request `, `response ` or nothing, to say which side of the contract changed."""
    if directions == {REQUEST}:
        return "request "
    if directions == {RESPONSE}:
        return "response "
    return ""


def kind_side(directions: set[str]) -> str:
    """The prefix of a change's kind: `request-`, `response-` or none (both sides)."""
    if RESPONSE in directions or not directions:
        return "response-" if REQUEST not in directions else ""
    return "request-"
