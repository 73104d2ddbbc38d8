"""A top-level piece cut into the statements black lays out on their own.

One long line in a piece of hundreds (a model field, an endpoint's type, a signature) used
to send the whole piece to black. Black lays out a statement the same way whatever its
neighbours are; what it decides between statements is blank lines. So a piece is cut only
where the blank lines between two statements are ones black keeps: one blank line between
statements of a class body, one or two between those of the module (top-level definitions
are pieces of their own; one after an import, none after a block that defines something),
and none between two simple statements of a class body (fields, constants, a field's
docstring before the next field).
Never before a string statement (black may take it for a docstring) nor where a comment
sits between. A member of a class is formatted inside a stand-in `class _:` line, so that
black sees it at its depth. tests/test_format.py holds the joined parts to black's output
for the whole file.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from itertools import pairwise

WRAPPER = "class _:\n"
_SIMPLE = (ast.Assign, ast.AnnAssign, ast.AugAssign, ast.Pass, ast.Import, ast.ImportFrom)
_DEFINITIONS = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)


@dataclass(frozen=True)
class Part:
    """Text black can format alone (a class member behind WRAPPER), and the blank lines
    that follow it in the piece."""

    text: str
    wrapped: bool
    gap: str


def parts(piece: str) -> list[Part]:
    """The piece cut into parts whose texts and gaps join into it again; one part when it
    cannot be cut."""
    try:
        tree = ast.parse(piece)
    except SyntaxError:
        return [Part(piece, False, "")]
    lines = piece.splitlines(keepends=True)
    if len(tree.body) == 1 and isinstance(tree.body[0], ast.ClassDef):
        body = tree.body[0].body
        cuts = [_start(b) for a, b in pairwise(body) if _cuttable(a, b, lines, nested=True)]
        wrapped = True
    else:
        body = tree.body
        cuts = [_start(b) for a, b in pairwise(body) if _cuttable(a, b, lines, nested=False)]
        wrapped = False
    if not cuts:
        return [Part(piece, False, "")]
    bounds = [1, *cuts, len(lines) + 1]
    out: list[Part] = []
    for n, (first, last) in enumerate(pairwise(bounds)):
        chunk = lines[first - 1 : last - 1]
        text = "".join(chunk).rstrip("\n") + "\n" if n < len(cuts) else "".join(chunk)
        out.append(Part(text, wrapped and n > 0, "".join(chunk)[len(text) :]))
    return out


def join(parts: list[Part], formatted: list[str | None]) -> str | None:
    """The parts' formatted texts (wrapped ones with WRAPPER) joined as they were cut;
    None when one did not parse or lost its stand-in line (black then takes the piece)."""
    out: list[str] = []
    for part, text in zip(parts, formatted):
        if text is None or (part.wrapped and not text.startswith(WRAPPER)):
            return None
        out.append((text[len(WRAPPER) :] if part.wrapped else text) + part.gap)
    return "".join(out)


def source(part: Part) -> str:
    """What black is given for a part."""
    return WRAPPER + part.text if part.wrapped else part.text


def _start(node: ast.stmt) -> int:
    decorators: list[ast.expr] = getattr(node, "decorator_list", [])
    return min([node.lineno, *(d.lineno for d in decorators)])


def _cuttable(before: ast.stmt, after: ast.stmt, lines: list[str], *, nested: bool) -> bool:
    end = before.end_lineno or before.lineno
    start = _start(after)
    between = lines[end : start - 1]
    if any(line != "\n" for line in between) or len(between) > (1 if nested else 2):
        return False
    if _string(after):
        return False
    if not nested:
        # Black puts two blank lines after a block that defines something, and one after
        # an import whatever was there.
        imports = isinstance(before, (ast.Import, ast.ImportFrom))
        defines = any(isinstance(node, _DEFINITIONS) for node in ast.walk(before))
        return 0 < len(between) <= (1 if imports else 2) and not defines and not isinstance(after, _DEFINITIONS)
    return len(between) == 1 or ((isinstance(before, _SIMPLE) or _string(before)) and isinstance(after, _SIMPLE))


def _string(node: ast.stmt) -> bool:
    return isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str)
