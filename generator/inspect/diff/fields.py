"""Changes to a field found in both versions of a model: renamed in Python, required,
retyped, default, constraints, deprecation; judged by the side of the contract it is on."""

from __future__ import annotations

from ...ir import Field, Model
from .. import source_text as src
from ..wording import Code, message
from .change import Change
from .constraints import constraint_change_list
from .context import Comparison
from .deprecation import deprecation_changes
from .judge import how_text
from .phrases import schema_where
from .usage import REQUEST, RESPONSE, kind_side, side

_TYPE_KINDS = {
    "nullable": "field-nullable",
    "not-nullable": "field-not-nullable",
    "widened": "field-widened",
    "narrowed": "field-narrowed",
    "retyped": "field-retyped",
}
# Defaults that follow from nullability (reported as such), not from a new default.
_IMPLICIT = {"None", "UNSET"}


def field_changes(
    cx: Comparison, model: Model, f: Field, g: Field, directions: set[str]
) -> list[Change]:
    where = schema_where(model.pointer)
    attr = Code(f"models.{model.name}.{g.name}")
    wire = (f"{side(directions)}property ", Code(g.wire_name), " of ", Code(where))
    out: list[Change] = []
    if f.name != g.name:
        out.append(
            Change(
                "breaking",
                "field-python-renamed",
                where,
                message(Code(f"models.{model.name}.{f.name}"), " is now ", attr),
                message(*wire, " is unchanged on the wire"),
            )
        )
    out += _required(f, g, directions, where, attr, wire)
    verdict = cx.judge(f.type, g.type, directions)
    if verdict is not None:
        severity, how = verdict
        out.append(
            Change(
                severity,
                kind_side(directions) + _TYPE_KINDS[how],
                where,
                message(attr, " is ", *cx.versus(f.type, g.type)),
                message(*wire, f" {how_text(how)}"),
            )
        )
    out += _default(f, g, where, attr, wire)
    out += constraint_change_list("field", where, f.constraints, g.constraints, (attr,), wire)
    out += deprecation_changes(
        "field",
        where,
        (f.deprecated, f.description),
        (g.deprecated, g.description),
        message(attr),
        message(*wire),
    )
    return out


def _required(
    f: Field, g: Field, directions: set[str], where: str, attr: Code, wire: tuple[str, ...]
) -> list[Change]:
    if g.required == f.required:
        return []
    prefix = kind_side(directions)
    if g.required:
        return [
            Change(
                "breaking" if REQUEST in directions else "info",
                f"{prefix}field-required",
                where,
                message(attr, " is now required"),
                message(*wire, " made required"),
            )
        ]
    severity = "breaking" if RESPONSE in directions or not directions else "info"
    return [
        Change(
            severity,
            f"{prefix}field-optional",
            where,
            message(attr, " is now optional: ", Code(src.field_type(g))),
            message(
                *wire,
                " made optional" + (": responses may omit it" if severity == "breaking" else ""),
            ),
        )
    ]


def _default(f: Field, g: Field, where: str, attr: Code, wire: tuple[str, ...]) -> list[Change]:
    before, after = src.field_default(f), src.field_default(g)
    follows = (
        before in _IMPLICIT and after in _IMPLICIT and f.type.is_nullable != g.type.is_nullable
    )
    if f.required or g.required or follows or src.same_field_default(f, g):
        return []
    return [
        Change(
            "warning",
            "field-default-changed",
            where,
            message(attr, " defaults to ", Code(after or "None"), ", was ", Code(before or "None")),
            message(*wire, " default changed"),
        )
    ]
