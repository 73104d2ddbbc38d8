"""Changes to an enum: renamed, members renamed, values removed or added; a value removed
from a request enum breaks senders, one added to a response enum may surprise readers."""

from __future__ import annotations

from ...ir import EnumMember, EnumType
from ..wording import Code, message, value_text
from .change import Change
from .context import Comparison
from .phrases import schema_where
from .schemas import renamed_type
from .usage import REQUEST, RESPONSE


def enum_changes(cx: Comparison, o: EnumType, n: EnumType) -> list[Change]:
    where = schema_where(n.pointer)
    out: list[Change] = []
    if o.name != n.name:
        out.append(renamed_type("enum", o.name, n.name, n.pointer))
    directions = cx.directions(o.name, n.name)
    before = {(type(m.value).__name__, m.value): m for m in o.members}
    after = {(type(m.value).__name__, m.value): m for m in n.members}
    cls = f"models.{n.name}"
    for key, m in before.items():
        if key not in after:
            out.append(_removed(m, cls, where, directions))
        elif after[key].name != m.name:
            out.append(
                Change(
                    "breaking",
                    "enum-member-renamed",
                    where,
                    message(Code(f"{cls}.{m.name}"), " is now ", Code(f"{cls}.{after[key].name}")),
                    message(
                        "enum value ",
                        Code(value_text(m.value)),
                        " of ",
                        Code(where),
                        " is unchanged",
                    ),
                )
            )
    out += [_added(m, cls, where, directions) for key, m in after.items() if key not in before]
    return out


def _removed(m: EnumMember, cls: str, where: str, directions: set[str]) -> Change:
    value = ("enum value ", Code(value_text(m.value)), " of ", Code(where))
    if REQUEST in directions:
        return Change(
            "breaking",
            "request-enum-value-removed",
            where,
            message(Code(f"{cls}.{m.name}"), " was removed; code that sends it fails"),
            message(*value, " is no longer accepted in requests"),
        )
    return Change(
        "warning",
        "response-enum-value-removed",
        where,
        message(Code(f"{cls}.{m.name}"), " was removed; code that names it fails"),
        message(*value, " is no longer returned"),
    )


def _added(m: EnumMember, cls: str, where: str, directions: set[str]) -> Change:
    value = (Code(value_text(m.value)), " of ", Code(where))
    if RESPONSE in directions or not directions:
        return Change(
            "warning",
            "response-enum-value-added",
            where,
            message(
                "new member ",
                Code(f"{cls}.{m.name}"),
                "; the generated client tolerates "
                "new values (clients generated from the old spec decode it as an unknown "
                "member), but code that matches every member may not",
            ),
            message("responses may carry the new enum value ", *value),
        )
    return Change(
        "info",
        "request-enum-value-added",
        where,
        message("new member ", Code(f"{cls}.{m.name}")),
        message("requests may send the new enum value ", *value),
    )
