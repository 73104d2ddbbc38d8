"""The one place inspect turns IR values into the Python a user of the client reads:
annotations, signatures, defaults, tag values. Model classes are named as the user imports
them (`Color`, not `models.Color`). Everything is made from values through emit's public
functions; nothing is parsed back from source text.
"""

from __future__ import annotations

from typing import Any

from ..emit.client_view import signature_text
from ..emit.defaults import default_source
from ..emit.pysource import annotation, literal
from ..ir import (
    Alias,
    Body,
    Default,
    Field,
    Model,
    Operation,
    Pagination,
    Param,
    ResponseCase,
    TypeRef,
)

# -- types of fields, parameters, bodies, responses, aliases -----------------------------------


def type_text(t: TypeRef) -> str:
    """A type as a reader of the client sees it (`list[Item] | None`)."""
    return annotation(t)


def type_key(t: TypeRef) -> str:
    """The type as generated code spells it, for telling types apart by their spelling."""
    return annotation(t)


def field_type(f: Field) -> str:
    """The field's type as models.py declares it (with None or UNSET when optional)."""
    return annotation(f.declared)


def param_type(p: Param) -> str:
    """The type the argument accepts."""
    return annotation(p.declared)


def body_type(b: Body) -> str:
    """The type the `body` argument accepts."""
    return annotation(b.declared)


def response_type(r: ResponseCase) -> str | None:
    """What a response decodes to, or None when it is not decoded."""
    return annotation(r.type) if r.type is not None else None


def alias_type(a: Alias) -> str:
    """What a type alias stands for."""
    return annotation(a.type)


def return_type(op: Operation) -> str:
    """What the method returns (on the blocking client, for an event stream)."""
    returns = annotation(op.returns) if op.returns is not None else "None"
    return f"Stream[{returns}]" if op.streams else returns


def signature(op: Operation) -> str:
    """The method's parameters, `(*, page: int = 1)`."""
    return signature_text(op.positional, op.keyword, op.body)


def page_item_type(pg: Pagination) -> str:
    """The type of one item of a paginated list."""
    return annotation(pg.item_type)


def page_signature(pg: Pagination) -> str:
    """The parameters of the page-walking method."""
    return signature_text(pg.positional, pg.keyword, None)


def tag_text(m: Model) -> str | None:
    """`kind = "card"` for a model told apart by a tag, else None."""
    return f"{m.tag.wire_name} = {literal(m.tag.value)}" if m.tag else None


# -- defaults ----------------------------------------------------------------------------------


def param_default(p: Param) -> str | None:
    """The default of an optional argument (`1`, `Color.RED`), or None when it is required."""
    if p.required or p.default is None:
        return None
    return default_source(p.default)


def same_param_default(p: Param, q: Param) -> bool:
    """Whether two arguments default to the same value."""
    return same_default(None if p.required else p.default, None if q.required else q.default)


def body_default(b: Body) -> str | None:
    """The default of an optional request body, or None when it is required."""
    return None if b.required or b.default is None else default_source(b.default)


def field_default(f: Field) -> str | None:
    """The default of an optional field as a user writes it (`None`, `UNSET`, `10`, `[]`,
    `Color.RED`), or None for a required field."""
    if f.required or f.default is None:
        return None
    if f.default.kind == "unset":
        return "UNSET"
    source = default_source(f.default)
    if not f.default.is_factory:
        return source
    if source in ("list", "dict"):
        return "[]" if source == "list" else "{}"
    return source.removeprefix("lambda:").strip()


def same_field_default(f: Field, g: Field) -> bool:
    """Whether two optional fields default to the same value."""
    return same_default(f.default, g.default)


def same_default(a: Default | None, b: Default | None) -> bool:
    """Whether two defaults are the same value: `10` and `10.0` are, `1` and `True` are not;
    defaults that are no plain JSON value (enum members, structs) only when written alike."""
    if a is None or b is None:
        return a is None and b is None
    if default_source(a) == default_source(b):
        return True
    plain_a, x = _plain(a)
    plain_b, y = _plain(b)
    if not (plain_a and plain_b):
        return False
    numbers = (int, float)
    if type(x) in numbers and type(y) in numbers:
        return bool(x == y)
    return type(x) is type(y) and bool(x == y)


def _plain(d: Default) -> tuple[bool, Any]:
    """(True, the value) for a default that is a plain JSON value, else (False, None)."""
    if d.kind in ("value", "json"):
        return True, d.value
    if d.kind == "list":
        items = [_plain(i) for i in d.items]
        if all(ok for ok, _ in items):
            return True, [v for _, v in items]
    return False, None
