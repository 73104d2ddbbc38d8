"""What each operation promises, checked across the whole document: operationIds used once
and naming something, no path parameter that the path lacks (a `{name}` that no parameter
declares is only warned about: build makes it a required `str`), request bodies the client
can send, and one client method per operation.
"""

from __future__ import annotations

from typing import Any

from ...problems import Problem, join_pointer, warning
from ..walk import OperationSite, follow_local, item_operations, path_items, path_template
from .method_names import client_methods, method_names
from .path_keys import brace_problem
from .request_bodies import request_body

_Params = list[tuple[dict[str, Any], str]]


def operation_checks(data: dict[str, Any]) -> list[Problem]:
    """The problems of every operation, path item by path item; those of client method
    names last."""
    problems: list[Problem] = []
    seen_ids: dict[str, str] = {}
    sites: list[OperationSite] = []
    for item in path_items(data):
        template = path_template(item.path)
        # Parameters cannot be matched to a key whose braces do not pair (path_keys.py).
        matched = brace_problem(item.path) is None
        shared, shared_ok = _params(data, item.node.get("parameters"), item.pointer)
        if matched:
            problems += _stray_path_parameters(shared, template, item.path)
        for op in item_operations(item):
            problems += _operation_id(op, seen_ids)
            sites.append(op)
            own, own_ok = _params(data, op.node.get("parameters"), op.pointer)
            if shared_ok and own_ok and matched:
                problems += _undeclared_path_parameters(op, template, shared + own)
            if matched:
                problems += _stray_path_parameters(own, template, op.path)
            problems += request_body(data, op.node, op.pointer)
    methods = [m for m in client_methods(sites) if not _nameless(m.op_id)]
    return problems + method_names(methods)


def _nameless(op_id: Any) -> bool:
    """An operationId of colons only: namespaces with no name in them."""
    return isinstance(op_id, str) and ":" in op_id and not op_id.replace(":", "").strip()


def _operation_id(op: OperationSite, seen_ids: dict[str, str]) -> list[Problem]:
    """`op`'s operationId used before (`seen_ids`: operationId -> the first operation that
    used it, updated here), or with no name in it."""
    problems: list[Problem] = []
    op_id = op.node.get("operationId")
    if isinstance(op_id, str):
        if op_id in seen_ids:
            problems.append(
                Problem(
                    join_pointer(op.pointer, "operationId"),
                    f"operationId {op_id!r} is already used by {seen_ids[op_id]}",
                    hint="operationIds must be unique",
                )
            )
        seen_ids.setdefault(op_id, f"{op.method.upper()} {op.path}")
    if _nameless(op_id):
        problems.append(
            Problem(
                join_pointer(op.pointer, "operationId"),
                f"operationId {op_id!r} has no name in it",
                hint="colons separate names: `items:list` becomes client.items.list()",
            )
        )
    return problems


def _undeclared_path_parameters(op: OperationSite, template: list[str], params: _Params) -> list[Problem]:
    """Each `{name}` of the path that neither the path item nor the operation declares:
    build adds it as a required `str` (build/parameters.py)."""
    # A name of another type is the schema's to report (it fails the OpenAPI schema).
    declared = {p["name"] for p, _ in params if p.get("in") == "path" and isinstance(p.get("name"), str)}
    return [
        warning(
            op.pointer,
            f"path parameter {{{name_in_path}}} of {op.path} is not declared; added it as a required str",
            hint="declare it under `parameters` with `in: path`",
        )
        for name_in_path in template
        if name_in_path not in declared
    ]


def _stray_path_parameters(params: _Params, template: list[str], path: str) -> list[Problem]:
    """Path parameters that `path` has no `{name}` for."""
    return [
        _stray_path_parameter(p, at, path)
        for p, at in params
        if p.get("in") == "path" and isinstance(p.get("name"), str) and p["name"] not in template
    ]


def _stray_path_parameter(p: dict[str, Any], at: str, path: str) -> Problem:
    name = str(p.get("name"))
    return Problem(
        at,
        f"path parameter {name!r} does not appear in {path}",
        hint="remove it, or add {" + name + "} to the path",
    )


def _params(data: Any, raw: Any, pointer: str) -> tuple[_Params, bool]:
    """Parameters with where they are (followed through local refs); False if one could not
    be followed."""
    out: _Params = []
    complete = True
    for i, p in enumerate(raw if isinstance(raw, list) else []):
        resolved = follow_local(data, p)[0]
        if isinstance(resolved, dict):
            out.append((resolved, join_pointer(pointer, "parameters", i)))
        else:
            complete = False
    return out, complete
