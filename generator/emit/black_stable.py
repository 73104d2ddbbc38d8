"""Which rendered pieces black would leave as they are, known without running black.

Black was most of a cold run's CPU on a large spec, and most of what it was given came back
unchanged: the templates and the layout code already write black's style (spacing, double
quotes, blank lines, exploded brackets with a magic trailing comma). What black still
changes in their output is length: a code line over the limit gets split. So a piece whose
code lines all fit is taken as formatted, unless it holds one of the things black rewrites
whatever the length, which spec text can bring in:

- a one-line string that single quotes would need fewer escapes for (black swaps to
  them), one holding `\\'` (black drops the escape), a string in single quotes, or a
  string prefix other than a lower-case one;
- a docstring whose text starts with a space or a quote, ends with a quote or a backslash
  just before the closing quotes (black pads those), or whose continuation lines all sit
  deeper than the docstring (black re-indents them);
- a comma just before a closing bracket on one line (black explodes those), or a closing
  bracket alone on its line after no comma, unless the content does not fit joined and
  holds no bracket, or is a signature's parameters, the one line of the statement's last
  call, a call's one argument split at its own brackets, or a statement's value in
  parentheses because the line up to its call's parenthesis does not fit, a class
  attribute or a lambda's body laid out as layout.py lays out the statement joined on
  one line (else black may join it, or split at an inner bracket);
- a backslash continuing a line of code (one ending a line of a string is text: black
  leaves such a docstring as it is), a tab, a carriage return, trailing whitespace, a
  comment not written `# ...`;
- a line too long, unless it is one string inside brackets opened above it (alone, a
  keyword argument, or a parameter's default after a plain name): black splits no string;
  or `class Name(`, a name (or `| name`) alone inside brackets, or `NAME = "text"` /
  `name: Name` whose value would not fit on a line of its own in parentheses: black
  cannot shorten those.
  A line of non-ASCII text counts each such character twice, as black measures East Asian
  wide characters (never shorter than black's measure).

Lines over the limit inside a docstring do not count, but for a last line of text before
the closing quotes: black never re-wraps a string's text, and moves the closing quotes of a
multi-line docstring only off a last line that is too long. Anything else goes to black. tests/test_black_stable.py holds
this to black's output on every piece of the golden corpus, spec/, Polar's document and
real-world documents, and on pieces made from arbitrary spec text (hypothesis).
"""

from __future__ import annotations

import ast
import re
from bisect import bisect_right
from typing import NamedTuple

from . import relaid

_OPENING = frozenset("([{")
_CLOSING = frozenset(")]}")
# The tokens the rules look at, in code that compiles (so a quote outside a string opens
# one, and letters just before it are its prefix): Python's tokenize yields every name and
# operator as an object, several times slower; test_black_stable compares the two.
_PREFIX = r"(?:\b(?:[rRbBuUfF]|[rR][bBfF]|[bBfF][rR]))?"
_STRING = "|".join(
    (
        '"""' + r'(?:[^"\\]|\\.|"(?!""))*' + '"""',
        "'''" + r"(?:[^'\\]|\\.|'(?!''))*" + "'''",
        r'"(?:[^"\\\n]|\\.)*"',
        r"'(?:[^'\\\n]|\\.)*'",
    )
)
_TOKENS = re.compile(
    f"(?P<string>{_PREFIX}(?:{_STRING}))"
    + r"|(?P<comment>#[^\n]*)|(?P<op>[()\[\]{},])|(?P<space>\s+)|(?P<other>\w+|[^'\"#()\[\]{},\s\w]+)",
    re.DOTALL,
)


class Token(NamedTuple):
    """A string, comment, bracket or comma: kind ("string", "comment", "op"), text, first
    and last positions (line from 1, column) as tokenize gives them, and whether the code
    token before it is a comma."""

    type: str
    string: str
    start: tuple[int, int]
    end: tuple[int, int]
    after_comma: bool


def tokens(code: str) -> list[Token]:
    """The strings, comments, brackets and commas of code that compiles, in order."""
    starts = [0, *(m.end() for m in re.finditer("\n", code))]
    out: list[Token] = []
    after_comma = False
    for match in _TOKENS.finditer(code):
        kind = match.lastgroup
        if kind == "space":
            continue
        if kind == "other" or kind is None:
            after_comma = False
            continue
        first, last = match.span()
        row = bisect_right(starts, first)
        end_row = row if kind != "string" else bisect_right(starts, last)
        text = match.group()
        out.append(Token(kind, text, (row, first - starts[row - 1]), (end_row, last - starts[end_row - 1]), after_comma))
        if kind != "comment":
            after_comma = text == ","
    return out


def _code_only(code: str) -> str:
    """The code without its strings and comments."""
    return "".join(m.group() for m in _TOKENS.finditer(code) if m.lastgroup not in ("string", "comment"))


def plainly_formatted(piece: str, line_length: int) -> bool:
    """True when black (at this line length) would return the piece unchanged, for the
    shapes the templates emit; False when it might not (black then decides)."""
    if not piece.endswith("\n") or piece.endswith("\n\n") or "\t" in piece or "\r" in piece:
        return False
    if "\\\n" in piece and "\\\n" in _code_only(piece):
        return False  # a backslash continuing a line of code (in a string it is text)
    lines = piece.split("\n")[:-1]
    if any(line != line.rstrip() for line in lines):
        return False
    long = {n for n, line in enumerate(lines, 1) if relaid.width(line) > line_length and not _unshortenable(line, line_length)}
    try:
        # Code that does not parse is black's to report (a template bug), never passed on.
        compile(piece, "<generated>", "exec", flags=ast.PyCF_ONLY_AST, dont_inherit=True)
    except (SyntaxError, ValueError):
        return False
    opened: list[int] = []  # the line of each bracket still open
    inside_brackets: set[int] = set()  # lines between a bracket's line and its closing one
    for token in tokens(piece):
        if token.type == "string":
            if not _plain_string(token, lines):
                return False
            long -= set(range(token.start[0] + 1, token.end[0]))
            if opened and opened[-1] < token.start[0] and _unsplittable(token, lines):
                long.discard(token.start[0])
            if _statement_alone(token, lines):
                # A docstring: black splits no string, and moves closing quotes only off a
                # long last line of text (a single line stays as it is).
                long.discard(token.start[0])
        elif token.type == "comment" and not _plain_comment(token, lines):
            return False
        elif token.type == "op" and token.string in _OPENING:
            opened.append(token.start[0])
        elif token.type == "op" and token.string in _CLOSING:
            start = opened.pop() if opened else token.start[0]
            inside_brackets.update(range(start + 1, token.start[0]))
            alone = lines[token.start[0] - 1][: token.start[1]].strip() == ""
            if token.after_comma and not alone:
                return False  # a magic trailing comma: black would explode the brackets
            if alone and not token.after_comma:
                inside = lines[opened[-1] - 1] if opened else ""
                if not _split_as_black_splits(lines, start, token.start[0], line_length, inside):
                    return False
                if start in long and not inside and relaid.laid_out_assigned_call(lines[start - 1 : token.start[0]]):
                    # `target = callee(` too long: black splits at the call all the same
                    # when the value in parentheses would not fit either.
                    long.discard(start)
                if start in long and not inside and relaid.subscript_call_stays(lines, start, token.start[0], line_length):
                    long.discard(start)
    # A name (or `| name`, `name,`, or a parameter `name: Name = Name,`) alone on its line
    # inside brackets: black cannot split it, and adds no parentheses around one name.
    return not {n for n in long if not (n in inside_brackets and _LONE_NAME.fullmatch(lines[n - 1]))}


def _unshortenable(line: str, line_length: int) -> bool:
    """A statement too long that black leaves as it is: `class Name(` (it splits after the
    bracket), `NAME = "text"` and `name: Name` where the value or the name would not fit
    in parentheses on a line of its own either (black adds none then)."""
    if _CLASS_OPENING.fullmatch(line):
        return True
    match = _LONE_STRING.fullmatch(line) or _LONE_ANNOTATION.fullmatch(line)
    return match is not None and relaid.width(" " * (len(match["pad"]) + 4) + match["value"]) > line_length


_CLASS_OPENING = re.compile(r"class [A-Za-z_]\w*\(")
_LONE_STRING = re.compile(r'(?P<pad> *)[A-Za-z_]\w* = (?P<value>"(?:[^"\\]|\\.)*")')
_LONE_ANNOTATION = re.compile(r"(?P<pad> *)[A-Za-z_]\w*: (?P<value>[A-Za-z_][\w.]*)")
_LONE_NAME = re.compile(r" *(?:\| )?[A-Za-z_][\w.]*,?| *\**[A-Za-z_]\w*: [A-Za-z_][\w.]*(?: = [A-Za-z_][\w.]*)?,")
# `"key": "text",` in a display: the value's line black cannot shorten either.
_STRING_ENTRY = re.compile(r'\s*"(?:[^"\\\n]|\\.)*": (?P<string>"(?:[^"\\\n]|\\.)*"),?')
_STRING_ITEM = re.compile(r"\s*(?:[A-Za-z_]\w*=|[A-Za-z_]\w*: [A-Za-z_][\w.]* = )?(?P<string>.+?),?")


def _unsplittable(token: Token, lines: list[str]) -> bool:
    """A line of one string inside brackets opened above it: alone, as a keyword argument,
    as a parameter's default after an annotation that is a name, or as the value of a
    display's entry under a string key. Black splits no string and adds no parentheses
    there, so a line too long stays as it is."""
    if token.start[0] != token.end[0]:
        return False
    line = lines[token.start[0] - 1]
    return any(
        match is not None and match.start("string") == token.start[1] and match["string"] == token.string
        for match in (_STRING_ITEM.fullmatch(line), _STRING_ENTRY.fullmatch(line))
    )


def _statement_alone(token: Token, lines: list[str]) -> bool:
    """A triple-quoted string that is a whole statement of its own lines (a docstring)."""
    before = lines[token.start[0] - 1][: token.start[1]]
    after = lines[token.end[0] - 1][token.end[1] :]
    return token.string.startswith('"""') and before.strip() == "" and after.strip() == ""


def _split_as_black_splits(lines: list[str], first: int, last: int, line_length: int, inside: str) -> bool:
    """Lines first..last (1-based): a bracket opened at the end of the first and closed
    alone on the last, after no trailing comma. Black writes that (a right-hand split) only
    when the lines do not fit joined, and may split at an inner bracket instead when the
    content holds one: so only content that does not fit is taken, and content with
    brackets only in a function's parameter list (black splits a signature there first) or
    in the last call or subscript of the statement."""
    inner = lines[first : last - 1]
    opening = lines[first - 1].rstrip()
    if not opening.endswith(tuple(_OPENING)):
        return False
    if not inside and relaid.laid_out_attribute(lines[first - 1 : last]):
        return True
    if relaid.lambda_body(opening, inner, lines[last - 1], line_length):
        return True
    if relaid.laid_out_parameter(lines[first - 1 : last], inside):
        return True
    if relaid.laid_out_display(lines[first - 1 : last], inside):
        return True
    if _parenthesised_union(opening, inner, lines[last - 1], inside):
        if len(inner) > 1:
            # One operand a line: black's split when they do not fit one line there.
            body = " " * (len(opening) - len(opening.lstrip()) + 4) + " | ".join(_operands_by_line(opening, inner) or [])
            return relaid.width(body) > line_length
        joined = opening[:-1] + inner[0].strip() + lines[last - 1].strip()[1:]
        return relaid.width(joined) > line_length
    if inside and _one_item_display(opening, inner, lines[last - 1]):
        return relaid.width(opening + inner[0].strip() + lines[last - 1].strip()) > line_length
    if not inside and (callee := _wrapped_call(opening, inner, lines[last - 1])):
        return relaid.width(opening[:-1] + callee) > line_length
    if _one_argument_split(opening, inner, lines[last - 1]):
        return True
    following = lines[last] if last < len(lines) else ""
    if not inside and _subscript_before_call(opening, inner, lines[last - 1]) and following.endswith(","):
        return relaid.width(opening + inner[0].strip() + "](") > line_length
    if not inside and (operands := _exploded_union(opening, inner, lines[last - 1])):
        indent = len(opening) - len(opening.lstrip()) + 4
        return relaid.width(" " * indent + " | ".join(operands)) > line_length
    signature = opening.lstrip().startswith(("def ", "async def ")) and opening.count("(") == 1
    if any(c in relaid.QUOTED.sub('""', line) for line in inner for c in "([{") and not (signature or _last_trailer(opening, inner, lines[last - 1])):
        return False
    joined = lines[first - 1].rstrip() + " ".join(line.strip() for line in inner) + lines[last - 1].strip()
    return relaid.width(joined) > line_length


def _wrapped_call(opening: str, inner: list[str], closing: str) -> str:
    """`callee(` of a statement's value `target = (` / a call of a dotted name, on one line
    or split at its own parentheses / `)`; "" for any other shape. Black keeps those
    parentheses only when the line up to the call's own does not fit (the caller
    checks)."""
    indent = len(opening) - len(opening.lstrip())
    target = opening.strip().removesuffix(" = (")
    if not (opening.endswith(" = (") and closing == " " * indent + ")" and _dotted(target)):
        return ""
    first = inner[0]
    callee, bracket, _ = first[indent + 4 :].partition("(")
    if first[: indent + 4].strip() or not (bracket and _dotted(callee)):
        return ""
    if len(inner) == 1:
        return callee + "(" if _closes_at_end(first[indent + 4 :], len(callee)) else ""
    end = inner[-1]
    if not (first.endswith("(") and end == " " * (indent + 4) + ")"):
        return ""
    return callee + "("


def _one_argument_split(opening: str, inner: list[str], closing: str) -> bool:
    """A call's one argument split at its own last brackets: `name(` / `arg=f(` (or
    `lambda: [`), its lines, `)` (or `]`) / `)`. Black splits the call at its parentheses
    and the argument at its own brackets in turn, adding no comma after it; the
    argument's lines are checked as brackets of their own. A class header's one base and
    a return annotation's one subscript item are split the same way."""
    indent = len(opening) - len(opening.lstrip())
    pad = " " * (indent + 4)
    trailer = len(opening) >= 2 and (opening[-2].isidentifier() or opening[-2] in ")]")
    if not (trailer and _closes_call(opening, closing) and len(inner) >= 3):
        return False
    first, end = inner[0], inner[-1]
    if not (first.startswith(pad) and first[len(pad) : len(pad) + 1] != " " and first[-1] in "([{"):
        return False
    if end != pad + {"(": ")", "[": "]", "{": "}"}[first[-1]]:
        return False
    depth = 0
    for line in inner:
        for c in relaid.QUOTED.sub('""', line.strip()):
            depth += (c in "([{") - (c in ")]}")
            if depth < 0 or (depth == 0 and c in ",#"):
                return False
    return depth == 0


def _closes_call(opening: str, closing: str) -> bool:
    """`closing` ends the call (or the class header, `):`, or the return annotation's
    subscript, `]:`) that `opening` opens."""
    pad = " " * (len(opening) - len(opening.lstrip()))
    if opening.endswith("("):
        return closing == pad + ")" or (closing == pad + "):" and opening.lstrip().startswith("class "))
    return opening.endswith("[") and closing == pad + "]:" and opening.lstrip().startswith(") -> ")


def _closes_at_end(text: str, opening: int) -> bool:
    """Whether the bracket at `opening` closes at the end of `text` (strings aside)."""
    depth = 0
    stripped = relaid.QUOTED.sub(lambda m: "_" * len(m.group()), text)
    for n, c in enumerate(stripped[opening:], opening):
        depth += (c in "([{") - (c in ")]}")
        if depth == 0:
            return n == len(stripped) - 1
    return False


def _dotted(text: str) -> bool:
    return bool(text) and all(part.isidentifier() for part in text.split("."))


def _parenthesised_union(opening: str, inner: list[str], closing: str, inside: str) -> bool:
    """A parameter of a signature exploded one per line, its annotation a union of three or
    more in parentheses of its own (`name: (`, one line, `) = default,`): black keeps
    parentheses around a body with more than one delimiter of its highest priority, and an
    annotation's `|` outranks every other delimiter it can hold at its top level."""
    name = opening.strip()
    if not (name.endswith(": (") and name[:-3].isidentifier() and inner):
        return False
    if len(inner) > 1 and _operands_by_line(opening, inner) is None:
        return False
    if not (inside.lstrip().startswith(("def ", "async def ")) and inside.count("(") == 1 and inside.endswith("(")):
        return False
    rest = closing.strip()[1:]
    if not (rest == "," or (rest.startswith(" = ") and rest.endswith(","))) or any(c in rest for c in "()[]{}#"):
        return False
    depth = bars = 0
    for c in relaid.QUOTED.sub('""', " ".join(line.strip() for line in inner)):
        depth += (c in "([{") - (c in ")]}")
        bars += c == "|" and depth == 0
        if depth == 0 and c in ",=<>!:'\"" or depth < 0:
            return False
    return bars >= 2


def _operands_by_line(opening: str, inner: list[str]) -> list[str] | None:
    """The operands of `|` one a line below `opening` (the first bare, the others after
    `| `, each at the indent inside the bracket); None for any other shape."""
    pad = " " * (len(opening) - len(opening.lstrip()) + 4)
    operands = []
    for n, line in enumerate(inner):
        if not line.startswith(pad) or line[len(pad) : len(pad) + 1] == " ":
            return None
        text = line[len(pad) :]
        if n:
            if not text.startswith("| "):
                return None
            text = text[2:]
        operands.append(text)
    return operands


def _one_item_display(opening: str, inner: list[str], closing: str) -> bool:
    """`name={` / one item / `},`, a keyword argument on a line of its own: the right-hand
    split black makes of a display that does not fit joined, at its own bracket (the line
    up to it is short); it explodes a display of more than one item instead."""
    name, equals, bracket = opening.strip().partition("=")
    pairs = {"{": "},", "[": "],"}
    if not (equals and name.isidentifier() and bracket in pairs and closing.strip() == pairs[bracket]):
        return False
    if len(inner) != 1 or inner[0][: len(opening) - len(opening.lstrip()) + 4].strip():
        return False
    depth = 0
    for c in relaid.QUOTED.sub('""', inner[0].strip()):
        depth += (c in "([{") - (c in ")]}")
        if depth < 0 or (depth == 0 and c in ",#'*"):
            return False
    return depth == 0


def _subscript_before_call(opening: str, inner: list[str], closing: str) -> bool:
    """`NAME = Name[` / one line / `](`, a statement's, the call's arguments exploded after
    it (the caller sees a comma end the next line): when the line up to the call's
    parenthesis is too long, black's right-hand split omits the call (its brackets explode
    on their trailing comma) and splits the subscript."""
    target, equals, name = opening.partition(" = ")
    return (
        bool(equals)
        and target.isidentifier()
        and name.endswith("[")
        and name[:-1].isidentifier()
        and len(inner) == 1
        and inner[0].startswith("    ")
        and inner[0][4:5] != " "
        and closing == "]("
    )


def _exploded_union(opening: str, inner: list[str], closing: str) -> list[str]:
    """The operands of a value `X = (` / `A` / `| B` / `| C` / `)`, a statement's, one
    operand a line; [] for any other shape. Black wraps a value in parentheses and keeps
    them when it has more than one delimiter of its highest priority; a body too long for
    its line it splits before each of those delimiters, here `|` (operands that hold no
    operator, comma or space outside their brackets have no other)."""
    indent = len(opening) - len(opening.lstrip()) + 4
    if not opening.endswith(" = (") or closing.strip() != ")" or len(inner) < 3:
        return []
    operands = []
    for n, line in enumerate(inner):
        text = line[indent:]
        if line[:indent].strip() or text[:1] == " ":
            return []
        if n:
            if not text.startswith("| "):
                return []
            text = text[2:]
        if not _operand(text):
            return []
        operands.append(text)
    return operands


def _operand(text: str) -> bool:
    depth = 0
    for c in relaid.QUOTED.sub('""', text):
        depth += (c in "([{") - (c in ")]}")
        if depth < 0 or (depth == 0 and c in " ,=<>!:|'\"#"):
            return False
    return depth == 0 and text != ""


def _last_trailer(opening: str, inner: list[str], closing: str) -> bool:
    """A call's or subscript's brackets (right after a name or a bracket), the last of the
    statement, around one line: where black's right-hand split cuts first, and keeps when
    that line fits (parentheses of an atom are black's to drop or move: never taken)."""
    trailer = len(opening) >= 2 and opening[-1] in "([" and (opening[-2].isidentifier() or opening[-2] in ")]")
    rest = closing.strip()[1:]
    return trailer and len(inner) == 1 and not any(c in rest for c in "()[]{}")


def _plain_string(token: Token, lines: list[str]) -> bool:
    text = token.string
    quote = min((i for i in (text.find('"'), text.find("'")) if i >= 0), default=-1)
    prefix = text[:quote]
    if quote < 0 or prefix != prefix.lower() or "u" in prefix or text[quote] != '"':
        return False
    if not text.startswith('"""', quote):
        # Black keeps double quotes unless single ones need fewer escapes (and drops the
        # needless escape of a single quote).
        body = text[quote + 1 : -1]
        return "\\'" not in body and ('\\"' not in body or body.count('"') <= body.count("'"))
    if not prefix and _statement_alone(token, lines) and not _docstring_position(token, lines):
        return True  # a string statement after the first of its block: black leaves it be
    body = text[quote + 3 : -3]
    end = body.rstrip()
    if not end or body[0] in ' "':
        return False
    # Black pads text that ends with a quote or a backslash just before the closing quotes;
    # closing quotes on a line of their own, at the statement's indent, it leaves alone.
    first = lines[token.start[0] - 1]
    indent = len(first) - len(first.lstrip())
    last = body.rsplit("\n", 1)[-1] if "\n" in body else None
    if last != " " * indent and end[-1] in '"\\':
        return False
    # Black re-indents continuation lines by their common margin; it must be the statement's.
    margins = [len(line) - len(line.lstrip()) for line in body.split("\n")[1:] if line.strip()]
    return min(margins, default=indent) == indent


def _docstring_position(token: Token, lines: list[str]) -> bool:
    """Whether a string statement may be a docstring to black: the first statement of the
    module or of a block. It is not when the code line before it sits at its own indent and
    opens no block (a comment there counts as opening one: its colon may sit before it)."""
    for line in reversed(lines[: token.start[0] - 1]):
        code = line.strip()
        if code and not code.startswith("#"):
            indent = len(line) - len(line.lstrip())
            return code.endswith(":") or "#" in code or indent < token.start[1]
    return True


def _plain_comment(token: Token, lines: list[str]) -> bool:
    """`# text`, alone on its line or two spaces after code, as black writes comments."""
    before = lines[token.start[0] - 1][: token.start[1]]
    inline = before.strip() != ""
    return token.string.startswith("# ") and (not inline or (before.endswith("  ") and not before.endswith("   ")))
