"""What every family of findings needs: making a finding, and where things are in the spec."""

from __future__ import annotations

from ....ir import ANY, Operation, TypeRef, walk
from ....problems import join_pointer, split_pointer
from ...wording import Code, Message
from ..views import Finding

# Findings, in the order they are listed.
FINDING_KINDS = (
    "spec-warning",
    "undocumented-operation",
    "undocumented-errors",
    "untitled-inline-schema",
    "enum-without-descriptions",
    "untyped",
    "renamed",
)


def finding(kind: str, subject: str, pointer: str, text: Message) -> Finding:
    return Finding(kind, subject, pointer, text.plain, text.markdown)


def operation_pointer(op: Operation) -> str:
    return join_pointer("/paths", op.path, op.method.lower())


def call_code(op: Operation) -> Code:
    """`client.oauth2.clients.list()`, the method a finding about an operation names."""
    return Code(f"client.{op.python_path}()")


def is_component(pointer: str) -> bool:
    tokens = split_pointer(pointer)
    return len(tokens) == 3 and tokens[:2] == ["components", "schemas"]


def untyped(t: TypeRef) -> bool:
    return any(node == ANY for node in walk(t))
