"""Two operations may not become one method of the client: where each operation lands is
worked out the way build places them (naming.placement), and a second operation on a place
already taken is a problem, unless both share one operationId (reported as that).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ...naming.placement import client_paths, operation_places
from ...problems import Problem
from ..walk import OperationSite


@dataclass(frozen=True)
class ClientMethod:
    """An operation, and the method of the client it asks for before placement."""

    where: str  # "GET /items", for messages
    pointer: str
    namespace: tuple[str, ...]
    name: str
    op_id: Any


def client_methods(ops: list[OperationSite]) -> list[ClientMethod]:
    """What each operation of the document asks to be called on the client (judged on them
    all, as build judges them: naming.placement.operation_places)."""
    places = operation_places([(op.node, op.method, op.path) for op in ops])
    return [
        ClientMethod(f"{op.method.upper()} {op.path}", op.pointer, namespace, name, op.node.get("operationId"))
        for op, (namespace, name) in zip(ops, places)
    ]


def method_names(methods: list[ClientMethod]) -> list[Problem]:
    """The operations that would land on one method of the client, where build puts them."""
    placed = client_paths([(method.namespace, method.name) for method in methods])
    problems: list[Problem] = []
    seen: dict[tuple[tuple[str, ...], str], ClientMethod] = {}
    for method, key in zip(methods, placed):
        first = seen.get(key)
        if first is not None and not (isinstance(method.op_id, str) and method.op_id == first.op_id):
            # (one operationId used twice is reported as that)
            namespace, name = key
            problems.append(
                Problem(
                    method.pointer,
                    f"becomes client.{'.'.join(namespace + (name,))}(), which {first.where} already is",
                    hint="give one of them another operationId or x-speakeasy-name-override",
                )
            )
        seen.setdefault(key, method)
    return problems
