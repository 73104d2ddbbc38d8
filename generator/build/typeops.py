"""Type algebra on IR types: a union of several types, flattened and in a stable order."""

from __future__ import annotations

from ..ir import ANY, NONE, TypeRef


def make_union(types: list[TypeRef]) -> TypeRef:
    """Flatten, merge literals, drop duplicates; None goes last; Any swallows the rest."""
    flat: list[TypeRef] = []
    for t in types:
        flat.extend(t.args if t.kind == "union" else [t])
    if ANY in flat:
        return ANY
    literal_values: list[str | int] = []
    out: list[TypeRef] = []
    for t in flat:
        if t.kind == "literal":
            if not literal_values:
                out.append(t)  # placeholder keeps the first literal's position
            literal_values.extend(v for v in t.values if not any(_same(v, w) for w in literal_values))
        elif t not in out:
            out.append(t)
    out = [TypeRef("literal", values=tuple(literal_values)) if t.kind == "literal" else t for t in out]
    has_none = NONE in out
    out = [t for t in out if t != NONE] + ([NONE] if has_none else [])
    if len(out) == 1:
        return out[0]
    return TypeRef("union", args=tuple(out))


def _same(a: str | int, b: str | int) -> bool:
    return type(a) is type(b) and a == b
