"""Turning IR values into Python source text: annotations, literals, docstrings, imports.

Spec text only ever reaches generated code through these functions, as escaped literals.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from typing import Any

from ..ir import ANY, TypeRef, walk
from .layout import from_import

# Builtins an annotation names: a class member named like one hides it (see annotation).
BUILTIN_TYPE_NAMES = frozenset({"str", "int", "float", "bool", "bytes", "list", "dict", "tuple"})
_STDLIB_MODULES = {"datetime", "uuid", "decimal"}
# What a file part of a multipart form accepts: a type alias of the runtime (`_base`).
FILE_INPUT = "FileInput"


def annotation(t: TypeRef, *, models_prefix: str = "", shadowed: frozenset[str] = frozenset()) -> str:
    """Python source for `t`; builtins named like a member of the enclosing class are
    written as `builtins.x`, since class scope would otherwise resolve them to the member."""

    def b(name: str) -> str:
        return f"builtins.{name}" if name in shadowed else name

    def go(t: TypeRef) -> str:
        if t.kind == "builtin":
            return b(t.name) if t.name in BUILTIN_TYPE_NAMES else t.name
        if t.kind == "stdlib":
            return t.name
        if t.kind in ("model", "enum", "alias"):
            return models_prefix + t.name
        if t.kind == "list":
            return f"{b('list')}[{go(t.args[0])}]"
        if t.kind == "dict":
            return f"{b('dict')}[{b('str')}, {go(t.args[0])}]"
        if t.kind == "tuple":
            return f"{b('tuple')}[{', '.join(go(a) for a in t.args)}]"
        if t.kind == "literal":
            return f"Literal[{', '.join(literal(v) for v in t.values)}]"
        if t.kind == "union":
            return " | ".join(go(a) for a in t.args)
        if t.kind == "file":
            return FILE_INPUT
        raise ValueError(f"unknown type kind {t.kind!r}")

    return go(t)


def names_used(types: Iterable[TypeRef]) -> set[str]:
    """Top-level names an annotation needs imported: modules, typing names, `models`,
    the runtime's `FileInput`."""
    need: set[str] = set()
    for t in types:
        for node in walk(t):
            if node.kind == "stdlib":
                need.add(node.name.split(".")[0])
            elif node.kind == "literal":
                need.add("Literal")
            elif node == ANY:
                need.add("Any")
            elif node.kind in ("model", "enum", "alias"):
                need.add("models")
            elif node.kind == "file":
                need.add(FILE_INPUT)
    return need


def import_lines(names: set[str], *, typing_extra: Iterable[str] = ()) -> list[str]:
    """Sorted import statements for the names collected by names_used."""
    lines: list[str] = []
    for module in sorted(names & (_STDLIB_MODULES | {"builtins", "enum"})):
        lines.append(f"import {module}")
    typing_names = sorted((names & {"Any", "Literal"}) | set(typing_extra), key=import_sort_key)
    if typing_names:
        lines.append(from_import("typing", typing_names))
    return lines


def import_sort_key(name: str) -> tuple[int, str]:
    """isort's order inside one `from` import: CONSTANTS, then Classes, then functions."""
    if name.isupper():
        return (0, name)
    return (1, name) if name[:1].isupper() else (2, name)


def literal(value: Any) -> str:
    """A Python literal for a JSON value."""
    if value is None or isinstance(value, bool):
        return repr(value)
    if isinstance(value, int):
        return repr(value)
    if isinstance(value, float):
        if math.isnan(value) or math.isinf(value):
            return f'float("{value}")'
        return repr(value)
    if isinstance(value, str):
        return string_literal(value)
    if isinstance(value, list):
        return "[" + ", ".join(literal(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{string_literal(str(k))}: {literal(v)}" for k, v in value.items()) + "}"
    raise TypeError(f"not a JSON value: {type(value).__name__}")


_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"}


# Every character _escape may rewrite; the rest of a text is copied in one step.
_SPECIAL = re.compile(r'[\\"\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ud800-\udfff]')


def _escape(text: str, keep: dict[str, str]) -> str:
    """Escape text for a double-quoted literal: quotes, backslashes, and every character that
    could end a line or hide in one (controls, U+2028/9, BOM, lone surrogates). `keep` maps
    characters to what they become instead (a docstring keeps its newlines)."""
    return _SPECIAL.sub(lambda match: _escaped(match.group(), keep), text)


def _escaped(char: str, keep: dict[str, str]) -> str:
    if char in keep:
        return keep[char]
    if char in _ESCAPES:
        return _ESCAPES[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def string_literal(text: str) -> str:
    """A double-quoted string literal that stays on one line whatever the text holds."""
    return '"' + _escape(text, {}) + '"'


# In a docstring a quote needs its backslash only beside another quote (three would end
# it) or at either end (beside the docstring's own quotes); elsewhere it reads as written.
_QUOTES_TO_ESCAPE = re.compile(r'^"|"(?="|$)|(?<=")"')


def _quotes_escaped(text: str) -> str:
    return _QUOTES_TO_ESCAPE.sub('\\\\"', text)


def docstring(text: str | None, indent: int = 0) -> str | None:
    """A triple-quoted docstring for spec text, escaped so no text can end it early or
    smuggle in code; continuation lines are indented to sit under the opening quotes."""
    if text is None or not text.strip():
        return None
    lines = [line.rstrip() for line in text.strip().replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    escaped = _quotes_escaped(_escape("\n".join(lines), {"\n": "\n", "\t": "    ", '"': '"'}))
    pad = " " * indent
    text_lines = escaped.split("\n")
    if len(text_lines) == 1:
        return f'"""{text_lines[0]}"""'
    if all(line.startswith(" ") for line in text_lines[1:] if line):
        # Every later line sits deeper than the first (an `Args:` section with no summary
        # above it): black would strip that margin, so the first line gets one of its own.
        text_lines.insert(0, "")
    rest = "\n".join((pad + line) if line else "" for line in text_lines[1:])
    return f'"""{text_lines[0]}\n{rest}\n{pad}"""'
