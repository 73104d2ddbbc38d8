"""Findings about how operations are documented: descriptions and error responses."""

from __future__ import annotations

from typing import Any

from ....ir import Api, Operation
from ....problems import join_pointer
from ...wording import Code, message
from ..views import Finding
from .common import call_code, finding, operation_pointer


def operation_findings(api: Api, spec: Any = None) -> list[Finding]:
    out: list[Finding] = []
    # A streaming twin is the same spec operation: its findings are its original's.
    for op in (o for o in api.operations if not o.twin):
        out += _undocumented(op)
        out += _undocumented_errors(op)
    return out


def _where(op: Operation) -> tuple[str, ...]:
    return (Code(f"{op.method} {op.path}"), " (", call_code(op), ")")


def _undocumented(op: Operation) -> list[Finding]:
    if (op.description or "").strip():
        return []
    summary = " ".join((op.summary or "").split())
    tail = ("; its summary is ", Code(summary)) if summary else (" or summary",)
    return [
        finding(
            "undocumented-operation",
            op.python_path,
            operation_pointer(op),
            message(*_where(op), " has no description", *tail),
        )
    ]


def _undocumented_errors(op: Operation) -> list[Finding]:
    pointer = operation_pointer(op)
    out: list[Finding] = []
    if not op.errors:
        out.append(
            finding(
                "undocumented-errors",
                op.python_path,
                join_pointer(pointer, "responses"),
                message(
                    *_where(op),
                    " documents no error response: errors are raised by status (",
                    Code("APIStatusError"),
                    " and its subclasses) with an undecoded ",
                    Code(".detail"),
                ),
            )
        )
    for r in op.errors:
        if r.type is None:
            out.append(
                finding(
                    "undocumented-errors",
                    op.python_path,
                    join_pointer(pointer, "responses", r.status),
                    message(
                        *_where(op),
                        f": HTTP {r.status} (",
                        Code(r.error_class),
                        ") has no JSON schema, so its ",
                        Code(".detail"),
                        " is not decoded",
                    ),
                )
            )
    return out
