"""Two operations may not become one method of the client: where each operation lands is
worked out the way build places them (naming.placement), and a second operation on a place
already taken is a problem, unless both share one operationId (reported as that). A name
made from the method and the path that another operation took first is numbered by
placement instead, with a warning.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ...naming.placement import client_paths, operation_places
from ...problems import Problem, warning
from ..walk import OperationSite


@dataclass(frozen=True)
class ClientMethod:
    """An operation, and the method of the client it asks for before placement."""

    where: str  # "GET /items", for messages
    pointer: str
    namespace: tuple[str, ...]
    name: str
    op_id: Any
    # The name it would have had, had placement not numbered it (`get_users` for
    # `get_users_2`): a name made from the method and the path that another took first.
    unnumbered: str | None = None


def client_methods(ops: list[OperationSite]) -> list[ClientMethod]:
    """What each operation of the document asks to be called on the client (judged on them
    all, as build judges them: naming.placement.operation_places)."""
    sites = [(op.node, op.method, op.path) for op in ops]
    places = operation_places(sites)
    asked = operation_places(sites, numbered=False)
    return [
        ClientMethod(
            f"{op.method.upper()} {op.path}",
            op.pointer,
            namespace,
            name,
            op.node.get("operationId"),
            unnumbered=before if before != name else None,
        )
        for op, (namespace, name), (_, before) in zip(ops, places, asked)
    ]


def method_names(methods: list[ClientMethod]) -> list[Problem]:
    """The operations that would land on one method of the client, where build puts them."""
    placed = client_paths([(method.namespace, method.name) for method in methods])
    problems: list[Problem] = []
    seen: dict[tuple[tuple[str, ...], str], ClientMethod] = {}
    for method, key in zip(methods, placed):
        if method.unnumbered is not None:
            problems.append(
                warning(
                    method.pointer,
                    f"has no operationId, and its name from the path, {method.unnumbered}, is another"
                    f" operation's; named it client.{'.'.join(key[0] + (key[1],))}()",
                    hint="give it an operationId",
                )
            )
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
