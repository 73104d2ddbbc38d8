"""The template context of errors.py: each typed exception class with its base, written
`APIStatusError["models.X | models.Y"]` (a string: errors.py cannot import the models at
run time, which import the runtime that imports errors.py), and what the type checker
must import to read those strings."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..ir import ErrorDetail
from . import layout
from .pysource import annotation, names_used, string_literal

MODELS = "models."


@dataclass(frozen=True)
class ErrorClassView:
    name: str
    # `class Name(APIStatusError[...]):`, laid out.
    header_source: str
    docstring: str
    # The class's row in the README's table of errors: its statuses, and its detail type.
    readme_line: str


def error_class_views(details: Sequence[ErrorDetail]) -> tuple[ErrorClassView, ...]:
    return tuple(_view(d) for d in details)


def _view(detail: ErrorDetail) -> ErrorClassView:
    status = f"HTTP {detail.status}" if detail.status is not None else "HTTP 500 or above"
    if detail.type is None:
        doc = f'"""{status}; no operation documents a body for it."""'
        return ErrorClassView(detail.name, _header(detail.name, "None"), doc, status)
    written = annotation(detail.type, models_prefix=MODELS)
    doc = f'"""{status}; `detail` is the body, decoded as documented."""'
    # A `|` would end the table cell, even between backticks.
    row = f"{status}; `.detail`: `{written}`".replace("|", "\\|")
    return ErrorClassView(detail.name, _header(detail.name, string_literal(written)), doc, row)


def _header(name: str, detail_type: str) -> str:
    """The class statement's first line, its base subscripted with the detail type."""
    return layout.bracketed(0, f"class {name}(", [layout.Group("APIStatusError[", (detail_type,), "]")], "):")


def detail_imports(details: Sequence[ErrorDetail]) -> tuple[str, ...]:
    """The imports, under TYPE_CHECKING, that the detail types name (besides `Any`, which
    errors.py imports anyway)."""
    needed = names_used(d.type for d in details if d.type is not None)
    lines = [f"import {module}" for module in sorted(needed & {"datetime", "decimal", "uuid"})]
    if "Literal" in needed:
        lines.append("from typing import Literal")
    if "models" in needed:
        lines.append("from . import models  # noqa: F401 (the detail types below name it)")
    return tuple(lines)
