"""The streaming twin of an operation that documents an event stream beside another media
type (the `stream: true` pattern): one more method, `<name>_stream`, that asks for the event
stream and returns its events, while the operation's own method keeps the other form.

Where the request body is a model with a boolean `stream` property, the twin sends it as
`true` and the plain method never sends it as `true`; either way the `Accept` header says
which form is wanted.
"""

from __future__ import annotations

import dataclasses

from .. import naming
from ..ir import BOOL, NONE, UNSET, Body, Operation, TypeRef, members
from ..naming.placement import CLIENT_MEMBERS
from .responses import return_type
from .schemas import Schemas

# The body property that switches such APIs between the two forms.
FLAG = "stream"
SUFFIX = "_stream"


def stream_flag(schemas: Schemas, body: Body | None) -> str | None:
    """The attribute of the body model's boolean `stream` property, if it has one."""
    if body is None or body.encoding != "json" or body.choices:
        return None
    models = [t.name for t in members(body.type) if t.kind == "model" and t.name]
    if len(models) != 1:
        return None
    draft = schemas.models.get(models[0])
    for field in draft.fields if draft else []:
        if field.wire == FLAG and _is_bool(field.type):
            return field.name
    return None


def _is_bool(t: TypeRef) -> bool:
    return BOOL in members(t) and all(m in (BOOL, NONE, UNSET) for m in members(t))


def with_twins(operations: list[Operation]) -> list[Operation]:
    """Each operation, followed by its streaming twin where it has one; a twin's name is
    made free of every name its namespace already holds."""
    taken: dict[tuple[str, ...], set[str]] = {(): set(CLIENT_MEMBERS)}
    for op in operations:
        taken.setdefault(op.namespace, set()).add(op.name)
        for depth in range(len(op.namespace)):
            taken.setdefault(op.namespace[:depth], set()).add(op.namespace[depth])
    endpoints = {op.endpoint_name for op in operations}
    out: list[Operation] = []
    for op in operations:
        out.append(op)
        if not op.stream_success:
            continue
        used = taken.setdefault(op.namespace, set())
        name = naming.dedupe([op.name + SUFFIX], used)[0]
        used.add(name)
        endpoint = naming.dedupe([op.endpoint_name + SUFFIX.upper()], endpoints)[0]
        endpoints.add(endpoint)
        out.append(
            dataclasses.replace(
                op,
                name=name,
                python_path=".".join(op.namespace + (name,)),
                success=op.stream_success,
                stream_success=(),
                returns=_returns(op),
                endpoint_name=endpoint,
                accept="text/event-stream",
                stream_flag=None if op.stream_flag is None else (op.stream_flag[0], True),
                pagination=None,
                twin=True,
                doc=_twin_doc(op.doc),
            )
        )
    return out


def _returns(op: Operation) -> TypeRef | None:
    return return_type(op.stream_success)


def _twin_doc(doc: str) -> str:
    """The operation's documentation, saying after its first paragraph what the twin returns."""
    first, sep, rest = doc.partition("\n\n")
    note = "Streamed: the events as the server sends them (`text/event-stream`), read as they arrive."
    return first + "\n\n" + note + (sep + rest if rest else "")
