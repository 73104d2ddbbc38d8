"""validate(): every check, in the order they depend on each other, then one report in
document order with each problem said once.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ...problems import Problem, in_document_order, resolve_pointer
from ..selection import EVERYTHING, Selection
from ..walk import typed_nodes
from .class_names import class_names
from .discriminators import discriminators
from .fast_verdict import passes
from .openapi_schema import openapi_schema
from .operations import operation_checks
from .path_keys import path_keys
from .refs import refs
from .security import security
from .shape import document_shape
from .subset import outside_selection
from .unsupported import unsupported


def validate(
    data: Any, earlier: Sequence[Problem] = (), selection: Selection = EVERYTHING, *, reference: bool = False
) -> list[Problem]:
    """Every problem of the document, with `earlier` (the loader's: duplicate keys, refused
    tags, refused file references); a `$ref` one of those is about is not judged again.
    Generating a subset (`selection`), an error outside what it reaches is a warning.
    The JSON Schemas are applied in Python only where openapi-spec-validator-rs does not
    pass the document (fast_verdict.py), or always with `reference`: the report is the same."""
    problems = list(earlier)
    shape, fatal = document_shape(data)
    problems += shape
    if fatal:
        return _unique(problems)
    typed = list(typed_nodes(data))
    handled = {p.pointer for p in earlier if p.file is None}
    # A value the loader refused (an unsupported tag) is null now: say nothing more about it.
    dropped = {p for p in handled if resolve_pointer(data, p) == (True, None)}
    found = refs(data, typed, handled)
    problems += found
    # Only a document whose references all resolved here goes to the fast verdict.
    vouched = not reference and not earlier and not found and passes(data, typed)
    reported = {p.pointer + p.message for p in shape}
    problems += [p for p in openapi_schema(data, typed, reported, vouched) if p.pointer not in dropped]
    problems += path_keys(data)
    problems += operation_checks(data)
    problems += security(data, typed)
    problems += class_names(data)
    problems += discriminators(data, typed)
    problems += unsupported(data, typed)
    return in_document_order(data, outside_selection(data, _unique(problems), selection, earlier))


def _unique(problems: list[Problem]) -> list[Problem]:
    seen: set[tuple[str | None, str, str]] = set()
    out: list[Problem] = []
    for p in problems:
        if (p.file, p.pointer, p.message) not in seen:
            seen.add((p.file, p.pointer, p.message))
            out.append(p)
    return out

