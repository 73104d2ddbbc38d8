"""Judging a type change by the side it is on: a request type may widen, a response type
may narrow; anything else breaks someone. And wording it: `NEW, was OLD`."""

from __future__ import annotations

from ...ir import TypeRef, walk
from .. import source_text as src
from ..wording import Code
from .change import severity_rank
from .fits import TypeNames, fits, map_type, strip_none
from .usage import REQUEST, RESPONSE

_KIND_NAMES = {"model": "model", "enum": "enum", "alias": "type alias"}

_HOW = {
    "widened": "widened (accepts more)",
    "narrowed": "narrowed",
    "nullable": "made nullable",
    "not-nullable": "no longer nullable",
    "retyped": "changed type",
}


def judge(
    before: TypeRef, after: TypeRef, directions: set[str], names: TypeNames
) -> tuple[str, str] | None:
    """(severity, how) for a type change: how is widened, narrowed, nullable, not-nullable
    or retyped; None when nothing changed."""
    a, b = map_type(before, names.renamed), after
    if a == b:
        return None
    verdicts: list[tuple[str, str]] = []
    nullable_only = strip_none(a) == strip_none(b)
    if REQUEST in directions:
        if fits(a, b, names):
            verdicts.append(("info", "nullable" if nullable_only else "widened"))
        else:
            verdicts.append(("breaking", "not-nullable" if nullable_only else "narrowed"))
    if RESPONSE in directions or not directions:
        if fits(b, a, names):
            verdicts.append(("info", "not-nullable" if nullable_only else "narrowed"))
        else:
            verdicts.append(("breaking", "nullable" if nullable_only else "retyped"))
    return min(verdicts, key=lambda v: severity_rank(v[0]))


def how_text(how: str) -> str:
    """What a verdict's `how` says in the HTTP column: `made nullable`."""
    return _HOW[how]


def versus(before: TypeRef, after: TypeRef, names: TypeNames) -> tuple[str, ...]:
    """`NEW`, was `OLD` (in the new names), saying what changed when both read the same."""
    was = map_type(before, names.renamed)
    now_text, was_text = src.type_text(after), src.type_text(was)
    parts: tuple[str, ...] = (Code(now_text), ", was ", Code(was_text))
    if now_text == was_text:
        kinds = {n.name: n.kind for n in walk(was) if n.kind in _KIND_NAMES}
        for node in walk(after):
            old_kind = kinds.get(node.name, node.kind)
            if node.kind in _KIND_NAMES and old_kind != node.kind:
                return parts + (
                    " (",
                    Code(node.name),
                    f" was a {_KIND_NAMES[old_kind]}, is now a {_KIND_NAMES[node.kind]})",
                )
    return parts
