"""Changes to an operation's parameters: removed, added, renamed, moved, retyped, required,
defaults, constraints, deprecation."""

from __future__ import annotations

import re

from ...ir import Operation, Param
from .. import source_text as src
from ..wording import Code, message
from .change import Change
from .constraints import constraint_change_list
from .context import Comparison
from .deprecation import deprecation_changes
from .judge import how_text
from .match import match, normalized_path
from .phrases import arg_word
from .usage import REQUEST


def param_changes(
    cx: Comparison, o: Operation, n: Operation, where: str, call: Code
) -> list[Change]:
    old = list(o.positional + o.keyword)
    new = list(n.positional + n.keyword)

    def path_slot(p: Param) -> int | None:
        path = n.path if any(p is x for x in new) else o.path
        names = re.findall(r"{([^}]+)}", path)
        return names.index(p.wire_name) if p.location == "path" and p.wire_name in names else None

    def shape(p: Param) -> tuple[str, bool, str]:
        t = p.type if any(p is x for x in new) else cx.map(p.type)
        return (p.location, p.required, src.type_key(t))

    pairs, removed, added = match(old, new, (lambda p: (p.location, p.wire_name), lambda p: p.name))
    if normalized_path(o.path) == normalized_path(n.path):
        more, removed, added = match(removed, added, (path_slot,))
        pairs += more
    # A parameter removed and another added in its place, of the same type: a rename, and
    # whatever else changed with it (its default, its constraints) is said as for any pair.
    renames, removed, added = match(removed, added, (shape,))
    out: list[Change] = []
    for p, q in renames:
        out += _param(cx, p, q, where, call)
    out += [_removed(p, where, call) for p in removed]
    for p, q in pairs:
        out += _param(cx, p, q, where, call)
    out += [_added(q, where, call) for q in added]
    return out


def _removed(p: Param, where: str, call: Code) -> Change:
    return Change(
        "breaking",
        "param-removed",
        where,
        message(call, " lost ", arg_word(p), " ", Code(p.name)),
        message(f"{p.location} parameter ", Code(p.wire_name), " of ", Code(where), " removed"),
    )


def _added(q: Param, where: str, call: Code) -> Change:
    sig = f"{q.name}: {src.param_type(q)}"
    wire = (Code(q.wire_name), " of ", Code(where))
    if q.required:
        return Change(
            "breaking",
            "param-added-required",
            where,
            message(call, " needs a new ", arg_word(q), " ", Code(sig)),
            message(f"new required {q.location} parameter ", *wire),
        )
    default = src.param_default(q) or "None"
    return Change(
        "info",
        "param-added-optional",
        where,
        message(call, " takes a new ", arg_word(q), " ", Code(f"{sig} = {default}")),
        message(f"new optional {q.location} parameter ", *wire),
    )


def _renamed(p: Param, q: Param, where: str, call: Code) -> Change:
    return Change(
        "breaking",
        "param-renamed",
        where,
        message(call, f": {arg_word(p)} ", Code(p.name), " is now ", Code(q.name)),
        message(
            f"{p.location} parameter ",
            Code(p.wire_name),
            " of ",
            Code(where),
            " renamed to ",
            Code(q.wire_name),
        ),
    )


def _param(cx: Comparison, p: Param, q: Param, where: str, call: Code) -> list[Change]:
    """Changes to one parameter found in both versions."""
    arg = (f"{arg_word(q)} ", Code(q.name), " of ", call)
    wire = (f"{q.location} parameter ", Code(q.wire_name), " of ", Code(where))
    out = _identity(p, q, where, call, arg, wire)
    out += _required(p, q, where, arg, wire)
    verdict = cx.judge(p.type, q.type, {REQUEST})
    if verdict is not None:
        severity, how = verdict
        out.append(
            Change(
                severity,
                "param-type-narrowed" if severity == "breaking" else "param-type-widened",
                where,
                message(*arg, " takes ", *cx.versus(p.type, q.type)),
                message(*wire, f" type {how_text(how)}"),
            )
        )
    if not p.required and not q.required and not src.same_param_default(p, q):
        out.append(
            Change(
                "warning",
                "param-default-changed",
                where,
                message(
                    *arg,
                    " defaults to ",
                    Code(src.param_default(q) or "None"),
                    ", was ",
                    Code(src.param_default(p) or "None"),
                ),
                message(*wire, " default changed"),
            )
        )
    out += constraint_change_list("param", where, p.constraints, q.constraints, arg, wire)
    out += deprecation_changes(
        "param",
        where,
        (p.deprecated, p.description),
        (q.deprecated, q.description),
        message(*arg),
        message(*wire),
    )
    return out


def _identity(
    p: Param, q: Param, where: str, call: Code, arg: tuple[str, ...], wire: tuple[str, ...]
) -> list[Change]:
    """Moved to another location, renamed on the wire, or renamed in Python only."""
    if p.location != q.location:
        return [
            Change(
                "breaking",
                "param-moved",
                where,
                message(
                    *arg, " is unchanged, but clients generated from the old spec send it wrong"
                ),
                message(
                    f"{p.location} parameter ",
                    Code(p.wire_name),
                    " of ",
                    Code(where),
                    f" moved to the {q.location}",
                ),
            )
        ]
    if p.wire_name != q.wire_name:
        return [_renamed(p, q, where, call)]
    if p.name != q.name:
        return [
            Change(
                "breaking",
                "param-python-renamed",
                where,
                message(call, f": {arg_word(p)} ", Code(p.name), " is now ", Code(q.name)),
                message(*wire, " is unchanged on the wire"),
            )
        ]
    return []


def _required(
    p: Param, q: Param, where: str, arg: tuple[str, ...], wire: tuple[str, ...]
) -> list[Change]:
    if q.required and not p.required:
        return [
            Change(
                "breaking",
                "param-required",
                where,
                message(*arg, " is now required"),
                message(*wire, " made required"),
            )
        ]
    if p.required and not q.required:
        return [
            Change(
                "info",
                "param-optional",
                where,
                message(*arg, " is now optional"),
                message(*wire, " made optional"),
            )
        ]
    return []
