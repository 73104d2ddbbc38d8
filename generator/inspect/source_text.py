"""The one place inspect reads Python source text out of the IR.

The IR still carries annotations, defaults, signatures, tag values and literal values as
Python source (`'"abc"'`, `models.Color.RED`, `msgspec.field(default_factory=list)`). Review
and diff only ever see what these functions return, so when the IR carries values instead,
this file is the only one to change. Parsing source back (tokenize, ast) lives here too.
"""

from __future__ import annotations

import ast
import io
import itertools
import tokenize

from ..emit.pysource import annotation
from ..ir import Alias, Body, Field, Model, Operation, Pagination, Param, ResponseCase, TypeRef

# -- generated source as a reader sees it ------------------------------------------------------


def display(source: str) -> str:
    """Generated source as a reader of the client sees it: `models.X` -> `X`, `builtins.str`
    -> `str` (only real names are touched, never text inside string literals)."""
    if "models." not in source and "builtins." not in source:
        return source
    drop: list[tuple[int, int]] = []
    try:
        tokens = list(tokenize.generate_tokens(io.StringIO(source).readline))
    except (tokenize.TokenError, SyntaxError):
        return source
    for first, second in itertools.pairwise(tokens):
        if (
            first.type == tokenize.NAME
            and first.string in ("models", "builtins")
            and second.type == tokenize.OP
            and second.string == "."
            and first.start[0] == 1
            and second.end == (1, first.end[1] + 1)
        ):
            drop.append((first.start[1], second.end[1]))
    out = source
    for start, end in reversed(drop):
        out = out[:start] + out[end:]
    return out


def type_text(t: TypeRef) -> str:
    """A type as a reader of the client sees it (`list[Item] | None`)."""
    return display(annotation(t))


def type_key(t: TypeRef) -> str:
    """The type's annotation as generated, for telling types apart by how they are spelled."""
    return annotation(t)


# -- types of fields, parameters, bodies, responses, aliases -----------------------------------


def field_type(f: Field) -> str:
    """The field's annotation in models.py (reads `Field.annotation`)."""
    return display(f.annotation)


def param_type(p: Param) -> str:
    """The argument's annotation (reads `Param.annotation`)."""
    return display(p.annotation)


def body_type(b: Body) -> str:
    """The `body` argument's annotation (reads `Body.annotation`)."""
    return display(b.annotation)


def response_type(r: ResponseCase) -> str | None:
    """What a response decodes to, or None when it is not decoded (reads `r.annotation`)."""
    return display(r.annotation) if r.annotation else None


def alias_type(a: Alias) -> str:
    """What a type alias stands for (reads `Alias.annotation`)."""
    return display(a.annotation)


def return_type(op: Operation) -> str:
    """What the method returns (reads `Operation.return_annotation`)."""
    return display(op.return_annotation)


def signature(op: Operation) -> str:
    """The method's parameters, `(*, page: int = 1)` (reads `Operation.signature_display`)."""
    return display(op.signature_display)


def page_item_type(pg: Pagination) -> str:
    """The type of one item of a paginated list (reads `Pagination.item_annotation`)."""
    return display(pg.item_annotation)


def page_signature(pg: Pagination) -> str:
    """The parameters of the `iter` method (reads `Pagination.signature_display`)."""
    return display(pg.signature_display)


def tag_text(m: Model) -> str | None:
    """`kind = "card"` for a model told apart by a tag, else None (reads `Tag.value_source`)."""
    return f"{m.tag.wire_name} = {m.tag.value_source}" if m.tag else None


# -- defaults ----------------------------------------------------------------------------------


def param_default(p: Param) -> str | None:
    """The default of an optional argument (`1`, `Color.RED`), or None when it is required or
    has none (reads `Param.default_source`)."""
    if p.required or p.default_source is None:
        return None
    return display(p.default_source)


def same_param_default(p: Param, q: Param) -> bool:
    """Whether two arguments default to the same value (reads `Param.default_source`)."""
    return same_value(p.default_source, q.default_source)


def body_default(b: Body) -> str | None:
    """The default of an optional request body as generated, or None when it is required
    (reads `Body.default_source`)."""
    return None if b.required else b.default_source


def field_default(f: Field) -> str | None:
    """The default of an optional field as Python source (`None`, `UNSET`, `10`, `[]`), or
    None for a required field (reads `Field.default_source`)."""
    if f.required or f.default_source is None:
        return None
    source = f.default_source
    try:
        node = ast.parse(source, mode="eval").body
    except SyntaxError:
        return display(source)
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "field"
        and isinstance(node.func.value, ast.Name)
        and node.func.value.id == "msgspec"
    ):
        for kw in node.keywords:
            segment = ast.get_source_segment(source, kw.value) or ""
            if kw.arg == "default":
                return _plain_default(segment)
            if kw.arg == "default_factory":
                return _factory_default(segment)
        return "UNSET" if f.type.is_nullable else "None"
    if source.startswith("lambda") or source in ("list", "dict"):
        return _factory_default(source)
    return _plain_default(source)


def _plain_default(source: str) -> str:
    return "UNSET" if source == "msgspec.UNSET" else display(source)


def _factory_default(source: str) -> str:
    if source == "list":
        return "[]"
    if source == "dict":
        return "{}"
    return display(source.removeprefix("lambda:").strip())


def same_value(a: str | None, b: str | None) -> bool:
    """Whether two defaults (Python source) are the same value: `10` and `10.0` are."""
    if a == b:
        return True
    if a is None or b is None:
        return False
    try:
        x, y = ast.literal_eval(a), ast.literal_eval(b)
    except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
        return False
    numbers = (int, float)
    if type(x) in numbers and type(y) in numbers:
        return bool(x == y)
    return type(x) is type(y) and bool(x == y)


# -- literal types -----------------------------------------------------------------------------


def literal_values(t: TypeRef) -> tuple[str, ...]:
    """The values of a `Literal[...]` type (reads `TypeRef.values`)."""
    return t.values


def single_literals(t: TypeRef) -> tuple[TypeRef, ...]:
    """A `Literal[a, b]` type as one literal type per value."""
    return tuple(TypeRef("literal", values=(v,)) for v in t.values)


def literal_is_string(value: str) -> bool:
    """Whether a literal value is a string (else a number)."""
    return value.startswith('"')
