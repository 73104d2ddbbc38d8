"""Changes to a type alias (a union, or a name for another type): renamed, widened,
narrowed or retyped, judged by the side of the contract it is on."""

from __future__ import annotations

from ...ir import Alias
from ..wording import Code, message
from .change import Change
from .context import Comparison
from .judge import how_text
from .phrases import schema_where
from .schemas import renamed_type
from .usage import side


def alias_changes(cx: Comparison, o: Alias, n: Alias) -> list[Change]:
    where = schema_where(n.pointer)
    out: list[Change] = []
    if o.name != n.name:
        out.append(renamed_type("type alias", o.name, n.name, n.pointer))
    directions = cx.directions(o.name, n.name)
    verdict = cx.judge(o.type, n.type, directions)
    if verdict is None:
        return out
    severity, how = verdict
    if severity == "breaking":
        kind = "alias-retyped"
    else:
        kind = "alias-widened" if how in ("widened", "nullable") else "alias-narrowed"
    out.append(
        Change(
            severity,
            kind,
            where,
            message(Code(f"models.{n.name}"), " is ", *cx.versus(o.type, n.type)),
            message(f"{side(directions)}schema ", Code(where), f" {how_text(how)}"),
        )
    )
    return out
