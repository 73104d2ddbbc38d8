"""Changes to an operation's responses: what it returns, its success statuses, and the
error responses it documents."""

from __future__ import annotations

from ...ir import NONE, Operation, ResponseCase
from .. import source_text as src
from ..wording import Code, message
from .change import Change
from .context import Comparison
from .judge import how_text
from .usage import RESPONSE


def response_changes(
    cx: Comparison, o: Operation, n: Operation, where: str, call: Code
) -> list[Change]:
    out = _returns(cx, o, n, where, call) + _statuses(o, n, where, call)
    old_errors = {r.status: r for r in o.errors}
    new_errors = {r.status: r for r in n.errors}
    for status, r in old_errors.items():
        if status not in new_errors:
            out.append(_error_removed(r, where, call))
        else:
            out += _error_retyped(cx, r, new_errors[status], where, call)
    for status, q in new_errors.items():
        if status not in old_errors:
            out.append(_error_added(q, where, call))
    return out


def _returns(cx: Comparison, o: Operation, n: Operation, where: str, call: Code) -> list[Change]:
    before = o.returns if o.returns is not None else NONE
    after = n.returns if n.returns is not None else NONE
    verdict = cx.judge(before, after, {RESPONSE})
    if verdict is None:
        return []
    severity, how = verdict
    return [
        Change(
            severity,
            "return-type-changed" if severity == "breaking" else "return-type-narrowed",
            where,
            message(call, " returns ", *cx.versus(before, after)),
            message("success response of ", Code(where), f" {how_text(how)}"),
        )
    ]


def _statuses(o: Operation, n: Operation, where: str, call: Code) -> list[Change]:
    old_ok = [r.status for r in o.success]
    new_ok = [r.status for r in n.success]
    if old_ok == new_ok:
        return []
    return [
        Change(
            "warning",
            "success-status-changed",
            where,
            message(call, " is unchanged"),
            message(
                "success status of ",
                Code(where),
                " is now ",
                Code(", ".join(new_ok) or "none"),
                ", was ",
                Code(", ".join(old_ok) or "none"),
            ),
        )
    ]


def _error_removed(r: ResponseCase, where: str, call: Code) -> Change:
    return Change(
        "warning",
        "error-response-removed",
        where,
        message(
            call,
            " still raises ",
            Code(r.error_class),
            f" on HTTP {r.status}, but its ",
            Code(".detail"),
            " is no longer decoded",
        ),
        message(f"HTTP {r.status} of ", Code(where), " no longer documented"),
    )


def _error_retyped(
    cx: Comparison, r: ResponseCase, q: ResponseCase, where: str, call: Code
) -> list[Change]:
    if r.type is not None and q.type is not None:
        changed = cx.judge(r.type, q.type, {RESPONSE})
    else:
        changed = None if r.type == q.type else ("warning", "retyped")
    if changed is None or changed[0] == "info":
        return []
    return [
        Change(
            "warning",
            "error-type-changed",
            where,
            message(
                Code(f"{q.error_class}.detail"),
                " from ",
                call,
                " is now ",
                *cx.versus(r.type or NONE, q.type or NONE),
            ),
            message(f"HTTP {r.status} body of ", Code(where), " changed"),
        )
    ]


def _error_added(q: ResponseCase, where: str, call: Code) -> Change:
    decoded = src.response_type(q)
    detail = (", ", Code(".detail"), " decoded as ", Code(decoded)) if decoded is not None else ()
    return Change(
        "info",
        "error-response-added",
        where,
        message(call, " documents ", Code(q.error_class), f" on HTTP {q.status}", *detail),
        message(f"HTTP {q.status} of ", Code(where), " documented"),
    )
