"""Operations -> IR operations: where each lands on the client (naming/placement.py), its
parameters, body, responses, pagination and documentation."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

from .. import naming
from ..ir import Body, Operation, Param, ResponseCase, SecurityScheme, TypeRef
from ..naming.placement import CLIENT_MEMBERS, client_paths
from ..problems import Problem
from ..spec.selection import selected_operations
from ..spec.walk import request_path
from .bodies import body as request_body
from .document import Document
from .options import BuildOptions
from .pagination import pagination
from .parameters import parameters
from .responses import accept, error_class, responses_and_streams, return_type
from .schemas import Schemas
from .security import requirements
from .streams import stream_flag


@dataclass
class Located:
    """An operation of the spec, and where it lands on the client."""

    path: str
    method: str
    pointer: str
    spec: dict[str, Any]
    params: list[dict[str, Any]]
    namespace: tuple[str, ...]
    name: str


def collect(doc: Document, options: BuildOptions) -> list[Located]:
    """The operations the options select, in spec order, each with its place on the client."""
    ops: list[Located] = []
    for site, namespace, name in selected_operations(doc.spec, options.selection):
        params = _merge_params(
            [doc.resolve(p, "")[0] for p in site.shared],
            [doc.resolve(p, "")[0] for p in site.node.get("parameters") or []],
        )
        ops.append(Located(site.path, site.method, site.source, site.node, params, namespace, name))
    for op, (namespace, name) in zip(ops, client_paths([(op.namespace, op.name) for op in ops])):
        op.namespace, op.name = namespace, name
    return ops


def endpoint_names(ops: list[Located]) -> list[str]:
    """The module constants that describe each endpoint to the runtime: `a_b:c` and
    `a:b_c` live apart on the client but would share one name."""
    return naming.dedupe("_" + (naming.upper_snake("_".join(op.namespace + (op.name,))) or "OPERATION") for op in ops)


def operation(
    schemas: Schemas, op: Located, endpoint: str, problems: list[Problem], security: tuple[SecurityScheme, ...] = ()
) -> Operation:
    spec = op.spec
    pascal = naming.pascal_case("_".join(op.namespace + (op.name,)))
    params = parameters(schemas, op.params, op.path, op.pointer, pascal, has_body=bool(spec.get("requestBody")))
    body = request_body(schemas, spec, op.pointer, pascal, problems)
    success, errors, streamed = responses_and_streams(schemas, spec, op.pointer, pascal)
    flag = stream_flag(schemas, body) if streamed else None
    returns = return_type(success)
    accepted, sends = requirements(schemas.doc, spec, security)
    return Operation(
        operation_id=spec.get("operationId") or f"{op.method} {op.path}",
        method=op.method.upper(),
        path=request_path(op.path),
        name=op.name,
        namespace=op.namespace,
        python_path=".".join(op.namespace + (op.name,)),
        summary=spec.get("summary"),
        description=spec.get("description"),
        deprecated=bool(spec.get("deprecated")),
        tags=tuple(str(t) for t in spec.get("tags") or []),
        params=params,
        body=body,
        returns=returns,
        success=success,
        errors=errors,
        endpoint_name=endpoint,
        security=accepted,
        sends=sends,
        accept=accept(success),
        doc=_doc(spec, params, body, errors),
        pagination=pagination(schemas, spec, op.pointer, op.name, params, body, returns, problems),
        stream_success=streamed,
        stream_flag=None if flag is None else (flag, False),
    )


def unique_iter_names(operations: list[Operation]) -> list[Operation]:
    """A page-walking method may not take a name its namespace already uses."""
    taken: dict[tuple[str, ...], set[str]] = {(): set(CLIENT_MEMBERS)}
    for op in operations:
        taken.setdefault(op.namespace, set()).add(op.name)
        for depth in range(len(op.namespace)):
            taken.setdefault(op.namespace[:depth], set()).add(op.namespace[depth])
    out: list[Operation] = []
    for op in operations:
        if op.pagination is not None:
            used = taken.setdefault(op.namespace, set())
            name = naming.dedupe([op.pagination.name], used)[0]
            used.add(name)
            pages = naming.dedupe([op.pagination.pages_name], used)[0]
            used.add(pages)
            if (name, pages) != (op.pagination.name, op.pagination.pages_name):
                op = dataclasses.replace(op, pagination=dataclasses.replace(op.pagination, name=name, pages_name=pages))
        out.append(op)
    return out


def _doc(spec: dict[str, Any], params: tuple[Param, ...], body: Body | None, errors: tuple[ResponseCase, ...]) -> str:
    """The method's documentation: summary, description, arguments, the errors it raises."""
    parts: list[str] = []
    summary = spec.get("summary")
    description = spec.get("description")
    if summary:
        parts.append(str(summary).strip())
    if description and str(description).strip() != str(summary or "").strip():
        parts.append(str(description).strip())
    if spec.get("deprecated"):
        parts.append("Deprecated: this operation may be removed in a future version.")
    documented: list[Param | Body] = [p for p in params if p.description]
    if body is not None and body.description:
        documented.append(body)
    args = [(p.name, " ".join(str(p.description).split())) for p in documented]
    if body is not None and body.choices:
        args.append(("content_type", content_type_doc(body)))
    if args:
        parts.append("\n".join(["Args:", *(f"    {name}: {text}" for name, text in args)]))
    if errors:
        lines = ["Raises:"]
        for r in errors:
            text = " ".join(str(r.description or "").split()).rstrip(".")
            status = f"HTTP {r.status}" if r.status.isdigit() else f"HTTP {r.status} responses"
            lines.append(f"    {error_class(r.status)}: {text} ({status}).".replace(":  (", ": ("))
        parts.append("\n".join(lines))
    return "\n\n".join(parts) or f"{spec.get('operationId', 'Operation')}."


def content_type_doc(body: Body) -> str:
    """What the `content_type=` argument of an operation with several body media types says."""
    names = [f"`{c.content_type}`" for c in body.choices]
    names[0] += " (the default)"
    offered = ", ".join(names[:-1]) + " or " + names[-1]
    return f"The media type of `body`: {offered}; `body` takes the type that goes with it."


def _merge_params(shared: list[Any], own: list[Any]) -> list[dict[str, Any]]:
    """An operation's parameters override the path item's of the same name and location."""
    out: dict[tuple[str, str], dict[str, Any]] = {}
    for p in shared + own:
        if isinstance(p, dict):
            out[(str(p.get("name")), str(p.get("in")))] = p
    return list(out.values())


def models_in(types: list[TypeRef], schemas: Schemas) -> frozenset[str]:
    """The models a value of these types may contain, at any depth."""
    seen: set[str] = set()
    todo = list(types)
    while todo:
        t = todo.pop()
        todo.extend(t.args)
        if t.kind == "model" and t.name not in seen and t.name in schemas.models:
            seen.add(t.name)
            todo.extend(f.type for f in schemas.models[t.name].fields)
        elif t.kind == "alias" and t.name not in seen and t.name in schemas.aliases:
            seen.add(t.name)
            todo.append(schemas.aliases[t.name].type)
    return frozenset(seen)
