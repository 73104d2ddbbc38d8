"""Findings about names that changed on the way to Python: a reader searching the spec's name
in the client would not find it."""

from __future__ import annotations

import keyword
from typing import Any

from .... import naming
from ....ir import Api, EnumType, Model, Operation
from ....problems import join_pointer, split_pointer
from ...wording import Code, message, value_text
from ..views import Finding
from .common import call_code, finding, is_component, operation_pointer


def python_name_changed(wire: str, name: str, *, snake: bool = True) -> bool:
    """Whether a wire name had to change to become a Python identifier (beyond the plain
    snake_case or PascalCase spelling of a name that already was one)."""
    if name == wire:
        return False
    if not wire.isidentifier() or keyword.iskeyword(wire) or not wire.isascii():
        return True
    expected = naming.snake_case(wire) if snake else naming.pascal_case(wire)
    return name != expected


def renamed_findings(api: Api, spec: Any = None) -> list[Finding]:
    out: list[Finding] = []
    for op in (o for o in api.operations if not o.twin):  # a twin's name is its original's
        out += _operation(op)
    for m in api.models:
        out += _model(m)
    for e in api.enums:
        out += _enum(e)
    return out


def _operation(op: Operation) -> list[Finding]:
    call = call_code(op)
    pointer = operation_pointer(op)
    out: list[Finding] = []
    for p in op.positional + op.keyword:
        if python_name_changed(p.wire_name, p.name):
            out.append(
                finding(
                    "renamed",
                    f"{op.python_path}({p.name})",
                    join_pointer(pointer, "parameters"),
                    message(
                        f"{p.location} parameter ",
                        Code(p.wire_name),
                        " is the argument ",
                        Code(p.name),
                        " of ",
                        call,
                    ),
                )
            )
    clashed = [part for part in op.namespace + (op.name,) if part.endswith("_")]
    if clashed:
        out.append(
            finding(
                "renamed",
                op.python_path,
                pointer,
                message(
                    call,
                    ": ",
                    Code(", ".join(clashed)),
                    " took a trailing ",
                    Code("_"),
                    " (a Python keyword, or a name the client already uses)",
                ),
            )
        )
    return out


def _model(m: Model) -> list[Finding]:
    out: list[Finding] = []
    tokens = split_pointer(m.pointer)
    if is_component(m.pointer) and python_name_changed(tokens[2], m.name, snake=False):
        out.append(
            finding(
                "renamed",
                m.name,
                m.pointer,
                message("schema ", Code(tokens[2]), " is the class ", Code(m.name)),
            )
        )
    for f in m.fields:
        if python_name_changed(f.wire_name, f.name):
            out.append(
                finding(
                    "renamed",
                    f"{m.name}.{f.name}",
                    join_pointer(m.pointer, "properties", f.wire_name),
                    message(
                        "property ",
                        Code(f.wire_name),
                        " of ",
                        Code(m.name),
                        " is the field ",
                        Code(f.name),
                    ),
                )
            )
    return out


def _enum(e: EnumType) -> list[Finding]:
    out: list[Finding] = []
    tokens = split_pointer(e.pointer)
    if is_component(e.pointer) and python_name_changed(tokens[2], e.name, snake=False):
        out.append(
            finding(
                "renamed",
                e.name,
                e.pointer,
                message("schema ", Code(tokens[2]), " is the enum ", Code(e.name)),
            )
        )
    for member in e.members:
        if member.name != naming.upper_snake(str(member.value)):
            out.append(
                finding(
                    "renamed",
                    f"{e.name}.{member.name}",
                    e.pointer,
                    message(
                        "enum value ",
                        Code(value_text(member.value)),
                        " of ",
                        Code(e.name),
                        " is the member ",
                        Code(member.name),
                    ),
                )
            )
    return out
