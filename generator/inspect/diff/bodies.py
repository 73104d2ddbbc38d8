"""Changes to an operation's request body: added, removed, required, retyped, content type."""

from __future__ import annotations

from ...ir import Body
from .. import source_text as src
from ..wording import Code, message
from .change import Change
from .context import Comparison
from .judge import how_text
from .usage import REQUEST


def body_changes(
    cx: Comparison, o: Body | None, n: Body | None, where: str, call: Code
) -> list[Change]:
    op = Code(where)
    if o is None and n is None:
        return []
    if o is None and n is not None:
        return [
            Change(
                "breaking" if n.required else "info",
                "body-added-required" if n.required else "body-added-optional",
                where,
                message(call, " takes a new keyword ", Code(f"body: {src.body_type(n)}")),
                message(
                    op,
                    " now takes a " + ("required" if n.required else "optional") + " request body",
                ),
            )
        ]
    if o is not None and n is None:
        return [
            Change(
                "breaking",
                "body-removed",
                where,
                message(call, " lost keyword ", Code("body")),
                message(op, " no longer takes a request body"),
            )
        ]
    assert o is not None and n is not None
    return _required(o, n, where, call) + _body(cx, o, n, where, call)


def _required(o: Body, n: Body, where: str, call: Code) -> list[Change]:
    op = Code(where)
    if n.required and not o.required:
        return [
            Change(
                "breaking",
                "body-required",
                where,
                message("keyword ", Code("body"), " of ", call, " is now required"),
                message("request body of ", op, " made required"),
            )
        ]
    if o.required and not n.required:
        return [
            Change(
                "info",
                "body-optional",
                where,
                message("keyword ", Code("body"), " of ", call, " is now optional"),
                message("request body of ", op, " made optional"),
            )
        ]
    return []


def _body(cx: Comparison, o: Body, n: Body, where: str, call: Code) -> list[Change]:
    """The type and the content type of a body in both versions."""
    op = Code(where)
    keyword = ("keyword ", Code("body"), " of ", call)
    out: list[Change] = []
    verdict = cx.judge(o.type, n.type, {REQUEST})
    if verdict is not None:
        severity, how = verdict
        out.append(
            Change(
                severity,
                "body-type-narrowed" if severity == "breaking" else "body-type-widened",
                where,
                message(*keyword, " takes ", *cx.versus(o.type, n.type)),
                message("request body of ", op, f" {how_text(how)}"),
            )
        )
    if o.content_type != n.content_type:
        out.append(
            Change(
                "warning",
                "body-content-type-changed",
                where,
                message(*keyword, " is unchanged; it is now sent as ", Code(n.content_type)),
                message(
                    "request body of ",
                    op,
                    " is now ",
                    Code(n.content_type),
                    ", was ",
                    Code(o.content_type),
                ),
            )
        )
    return out
