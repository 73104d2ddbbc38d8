"""Findings about values the client cannot type: arguments, bodies, responses, fields and
aliases that are (or hold) `Any`."""

from __future__ import annotations

from typing import Any

from ....ir import Api, Operation
from ....problems import join_pointer
from ... import source_text as src
from ...wording import Code, message
from ..views import Finding
from .common import call_code, finding, operation_pointer, untyped


def untyped_findings(api: Api, spec: Any = None) -> list[Finding]:
    out: list[Finding] = []
    for op in api.operations:
        out += _operation(op)
    for m in api.models:
        for f in m.fields:
            if untyped(f.type):
                out.append(
                    finding(
                        "untyped",
                        f"{m.name}.{f.name}",
                        join_pointer(m.pointer, "properties", f.wire_name),
                        message(
                            "field ",
                            Code(f"{m.name}.{f.name}"),
                            " is untyped: ",
                            Code(src.field_type(f)),
                        ),
                    )
                )
    for a in api.aliases:
        if untyped(a.type):
            out.append(
                finding(
                    "untyped",
                    a.name,
                    a.pointer,
                    message("type ", Code(a.name), " is untyped: ", Code(src.alias_type(a))),
                )
            )
    return out


def _operation(op: Operation) -> list[Finding]:
    call = call_code(op)
    pointer = operation_pointer(op)
    out: list[Finding] = []
    for p in op.positional + op.keyword:
        if untyped(p.type):
            out.append(
                finding(
                    "untyped",
                    f"{op.python_path}({p.name})",
                    join_pointer(pointer, "parameters"),
                    message(
                        "argument ",
                        Code(p.name),
                        " of ",
                        call,
                        " is untyped: ",
                        Code(src.param_type(p)),
                    ),
                )
            )
    if op.body is not None and untyped(op.body.type):
        out.append(
            finding(
                "untyped",
                f"{op.python_path}(body)",
                join_pointer(pointer, "requestBody"),
                message(
                    "the request body of ", call, " is untyped: ", Code(src.body_type(op.body))
                ),
            )
        )
    for r in op.success:
        if r.type is not None and untyped(r.type):
            out.append(
                finding(
                    "untyped",
                    op.python_path,
                    join_pointer(pointer, "responses", r.status),
                    message(
                        f"HTTP {r.status} of ",
                        call,
                        " is untyped: ",
                        Code(src.response_type(r) or ""),
                    ),
                )
            )
    return out
