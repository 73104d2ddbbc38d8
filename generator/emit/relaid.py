"""Multi-line statements black_stable vouches for by laying their joined text out again
with layout.py's rule for the shape: the rule is held to black's output of the one-line
statement (tests/test_layout.py), so the same lines are black's. Each function takes the
statement's lines (and the line of the bracket they sit in, "" at the top of a block)."""

from __future__ import annotations

import re

from . import layout

_OPENING = frozenset("([{")
_CLOSING = frozenset(")]}")
# A string in double quotes (not triple ones): what the rules blank out before counting brackets.
QUOTED = re.compile(r'"(?:[^"\\]|\\.)*"')
_ASSIGNED_CALL = re.compile(r"(?P<pad> *)(?P<target>[A-Za-z_][\w.]*) = [A-Za-z_][\w.]*\(")


def width(line: str) -> int:
    """A line's width as black measures it: an East Asian wide character counts twice
    (a non-ASCII one is counted so here, never shorter than black's measure)."""
    return len(line) if line.isascii() else sum(1 if ord(c) < 128 else 2 for c in line)


def laid_out_attribute(statement: list[str]) -> bool:
    """`name: annotation = value` (or a union alias `Name: TypeAlias = A | B`) over these
    lines, as layout.attribute (layout.union_alias) lays out the statement joined on one
    line (a rule held to black's output of that line)."""
    opening = statement[0]
    indent = len(opening) - len(opening.lstrip())
    name, colon, _ = opening.strip().partition(": ")
    if not (colon and name.isidentifier()):
        return False
    if opening.endswith(": TypeAlias = (") and statement[-1] == " " * indent + ")":
        union = _joined(statement[1:-1])
        return layout.union_alias(indent, f"{name}: TypeAlias", union).split("\n") == statement
    closing = statement[-1].strip()
    text = opening.strip()[len(name) + 2 :]
    if text == "(" and closing.startswith(")"):
        text, closing = "", closing[1:]  # the annotation in parentheses of its own
    elif text.endswith(" = (") and closing == ")":
        text, closing = text[:-1], ""  # the value in parentheses of its own
    joined = text + _joined(statement[1:-1]) + closing
    annotation, value = _annotation_and_value(joined)
    return layout.attribute(indent, name, annotation, value).split("\n") == statement


def laid_out_parameter(statement: list[str], inside: str) -> bool:
    """A parameter of a signature split one a line, its annotation split (`name: (` /
    ... / `) = default,`, or at its subscript's brackets), as layout.parameter lays out
    the parameter joined on one line (a rule held to black's output of the signature)."""
    if not (inside.lstrip().startswith(("def ", "async def ")) and inside.endswith("(")):
        return False
    opening, closing = statement[0], statement[-1].strip()
    indent = len(opening) - len(opening.lstrip())
    name, colon, head = opening.strip().partition(": ")
    if not (colon and name.isidentifier() and closing.endswith(",") and closing[:1] in _CLOSING):
        return False
    if head == "(":
        joined = _joined(statement[1:-1]) + closing[1:-1]
    elif head.endswith("["):
        joined = head + _joined(statement[1:-1]) + closing[:-1]
    else:
        return False
    annotation, default = _annotation_and_value(joined)
    return layout.parameter(indent, layout.Typed(name, annotation, default)).split("\n") == statement


def laid_out_assigned_call(statement: list[str]) -> bool:
    """`target = callee(` / arguments / `)`, as layout.bracketed lays out the statement
    joined on one line (a rule held to black's output)."""
    opening, closing = statement[0], statement[-1]
    indent = len(opening) - len(opening.lstrip())
    if not (_ASSIGNED_CALL.fullmatch(opening) and closing == " " * indent + ")"):
        return False
    items = layout.split_items(_joined(statement[1:-1]))
    if not items:
        return False
    return layout.bracketed(indent, opening.strip(), items, ")").split("\n") == statement


def subscript_call_stays(lines: list[str], first: int, last: int, line_length: int) -> bool:
    """`TARGET = Name[` too long, its subscript on the next line, `](` opening a call
    exploded one argument a line: black wraps the value in parentheses only when every
    line fits that way (the call's lines four columns deeper); when one would not, it
    splits at the subscript however long the first line."""
    opening = lines[first - 1]
    target, equals, name = opening.partition(" = ")
    if not (equals and target.isidentifier() and name.endswith("[") and name[:-1].isidentifier()):
        return False
    if last != first + 2 or lines[last - 1] != "](":
        return False
    for line in lines[last:]:
        if line == ")":
            return False  # every argument line would fit four columns deeper
        if width(line) + 4 > line_length:
            return True
    return False


def laid_out_display(statement: list[str], inside: str) -> bool:
    """`name={` / entries / `},`, a keyword argument's display on lines of its own, as
    layout.bracketed lays out its entries joined on one line."""
    opening, closing = statement[0], statement[-1].strip()
    indent = len(opening) - len(opening.lstrip())
    name, equals, bracket = opening.strip().partition("=")
    pairs = {"{": "},", "[": "],"}
    if not (inside and equals and name.isidentifier() and bracket in pairs and closing == pairs[bracket]):
        return False
    items = layout.split_items(_joined(statement[1:-1]))
    if not items:
        return False
    return layout.bracketed(indent, opening.strip(), items, closing, display=True).split("\n") == statement


def lambda_body(opening: str, inner: list[str], closing: str, line_length: int) -> bool:
    """`lambda x: (` / its body / `)` (or `),`), the body as layout.parenthesised lays it
    out (a rule held to black's output), when the lambda does not fit on one line: black
    keeps a lambda's own parentheses and splits at them first."""
    indent = len(opening) - len(opening.lstrip())
    if not (opening.lstrip().startswith("lambda ") and opening.endswith(": (")):
        return False
    if closing.strip() not in (")", "),") or closing[:indent].strip() or closing[indent] != ")":
        return False
    body = " ".join(line.strip() for line in inner)
    if width(opening + body + closing.strip()) <= line_length:
        return False
    return layout.parenthesised(indent + 4, body) == inner


def _joined(lines: list[str]) -> str:
    """Lines of code inside brackets as one line: a space between them but after an
    opening bracket or before a closing one, and no comma before a closing bracket (the
    comma a split adds)."""
    text = ""
    for line in (line.strip() for line in lines):
        if line[:1] in _CLOSING:
            text = text.removesuffix(",")
        elif text and text[-1] not in _OPENING:
            text += " "
        text += line
    return text.removesuffix(",")


def _annotation_and_value(text: str) -> tuple[str, str | None]:
    """`annotation = value` cut at its top-level ` = ` (none in an annotation)."""
    depth = 0
    for n, c in enumerate(QUOTED.sub(lambda m: "_" * len(m.group()), text)):
        depth += (c in "([{") - (c in ")]}")
        if depth == 0 and text.startswith(" = ", n):
            return text[:n], text[n + 3 :]
    return text, None
