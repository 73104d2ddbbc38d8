"""Changes to operations: removed, added, renamed in Python, moved in HTTP, deprecated,
paginated; and, through params, bodies and responses, what they take and return."""

from __future__ import annotations

from ...ir import Operation
from ..wording import Code, message
from .bodies import body_changes
from .change import Change
from .context import Comparison
from .deprecation import deprecation_changes
from .match import match, normalized_path
from .params import param_changes
from .responses import response_changes


def operation_changes(cx: Comparison) -> list[Change]:
    pairs, removed, added = match(
        cx.old.operations,
        cx.new.operations,
        (
            lambda o: o.operation_id,
            lambda o: (o.method, normalized_path(o.path)),
            lambda o: o.python_path,
        ),
    )
    out = [
        Change(
            "breaking",
            "operation-removed",
            f"{o.method} {o.path}",
            message(Code(f"client.{o.python_path}()"), " was removed"),
            message(Code(f"{o.method} {o.path}"), " removed"),
        )
        for o in removed
    ]
    for o, n in pairs:
        out += _operation(cx, o, n)
    out += [
        Change(
            "info",
            "operation-added",
            f"{n.method} {n.path}",
            message("new ", Code(f"client.{n.python_path}()")),
            message(Code(f"{n.method} {n.path}"), " added"),
        )
        for n in added
    ]
    return out


def _operation(cx: Comparison, o: Operation, n: Operation) -> list[Change]:
    """Changes to one operation found in both versions."""
    where = f"{n.method} {n.path}"
    call = Code(f"client.{n.python_path}()")
    out = _identity(o, n, where, call)
    out += deprecation_changes(
        "operation",
        where,
        (o.deprecated, o.description),
        (n.deprecated, n.description),
        message(call),
        message(Code(where)),
    )
    out += param_changes(cx, o, n, where, call)
    out += body_changes(cx, o.body, n.body, where, call)
    out += response_changes(cx, o, n, where, call)
    out += _pagination(o, n, where)
    return out


def _identity(o: Operation, n: Operation, where: str, call: Code) -> list[Change]:
    """The Python name, the operationId, the method and the path."""
    op = Code(where)
    out: list[Change] = []
    if o.python_path != n.python_path:
        out.append(
            Change(
                "breaking",
                "operation-renamed",
                where,
                message(Code(f"client.{o.python_path}()"), " is now ", call),
                message("same HTTP operation ", op),
            )
        )
    elif o.operation_id != n.operation_id:
        out.append(
            Change(
                "info",
                "operation-id-changed",
                where,
                message(call, " is unchanged"),
                message("operationId ", Code(o.operation_id), " became ", Code(n.operation_id)),
            )
        )
    if o.method != n.method:
        out.append(
            Change(
                "breaking",
                "operation-method-changed",
                where,
                message(call, f" now sends {n.method}, not {o.method}"),
                message(Code(f"{o.method} {o.path}"), " became ", op),
            )
        )
    if normalized_path(o.path) != normalized_path(n.path):
        out.append(
            Change(
                "breaking",
                "operation-path-changed",
                where,
                message(call, " now requests ", Code(n.path)),
                message(Code(f"{o.method} {o.path}"), " became ", op),
            )
        )
    return out


def _pagination(o: Operation, n: Operation, where: str) -> list[Change]:
    if o.pagination is not None and n.pagination is None:
        path = ".".join(o.namespace + (o.pagination.name,))
        return [
            Change(
                "breaking",
                "pagination-removed",
                where,
                message(Code(f"client.{path}()"), " was removed"),
                message(Code(where), " is no longer walked page by page"),
            )
        ]
    if o.pagination is None and n.pagination is not None:
        path = ".".join(n.namespace + (n.pagination.name,))
        return [
            Change(
                "info",
                "pagination-added",
                where,
                message("new ", Code(f"client.{path}()"), " walks every page"),
                message(Code(where), " is now walked page by page (", n.pagination.style_name, ")"),
            )
        ]
    return []
