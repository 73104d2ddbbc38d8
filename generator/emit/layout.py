"""Statements laid out the way black lays them out, for the shapes generated code repeats
(class headers, signatures, calls, displays, imports, class attributes, enum members,
union aliases, a lambda's body).

Each function returns black's output of the one-line statement, so a file written with
them needs no black at all (black_stable.py vouches for it; format.py sends black only
what is left); tests/test_layout.py holds every rule to black, some by sweeps over names and
lengths around the line's limit. Where a shape goes beyond these rules (text black
measures differently, a split they do not know), the one-line form is returned and black
lays it out as always. black_stable.py leans on them too: it vouches for some multi-line
statements by laying their joined text out again here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

LINE_LENGTH = 88


@dataclass(frozen=True)
class Group:
    """A bracketed item inside another: `query={"a": a, "b": b}`, laid out in turn."""

    head: str
    items: tuple[Item, ...]
    tail: str
    # A dict or list display (not a call): split, it takes one item per line.
    display: bool = False


@dataclass(frozen=True)
class Typed:
    """`name: annotation = default`, a parameter whose annotation black may wrap."""

    name: str
    annotation: str
    default: str | None = None


Item = str | Group | Typed


class _TooLong(Exception):
    """A shape beyond these rules: black lays it out."""


def flat(item: Item) -> str:
    if isinstance(item, Group):
        return item.head + ", ".join(flat(i) for i in item.items) + item.tail
    if isinstance(item, Typed):
        return f"{item.name}: {item.annotation}" + (f" = {item.default}" if item.default is not None else "")
    return item


def bracketed(
    indent: int, head: str, items: Sequence[Item], tail: str, *, is_def: bool = False, display: bool = False
) -> str:
    """`head`, the items separated by commas, `tail`, indented by `indent` spaces: on one
    line when it fits; else the items on one line of their own between the head and the
    tail; else one item per line with a trailing comma (each laid out again if need be).
    A `def` whose parameters have no comma between them (only `self`) gets the trailing
    comma too, as black gives it; a dict or list `display` that does not fit takes one
    item per line."""
    try:
        return _bracketed(indent, head, tuple(items), tail, is_def=is_def, display=display)
    except _TooLong:
        return " " * indent + head + ", ".join(flat(i) for i in items) + tail


def _bracketed(
    indent: int, head: str, items: tuple[Item, ...], tail: str, *, is_def: bool, display: bool = False
) -> str:
    pad = " " * indent
    texts = [flat(i) for i in items]
    joined = ", ".join(texts)
    one = pad + head + joined + tail
    if not all(map(_plain, texts)) or not _plain(head + tail.removesuffix(",")):
        raise _TooLong
    if _fits(one) or not items:
        return one
    inner = pad + "    "
    if not _fits(pad + head) and tail == ")" and (assigned := _assigned_call(head)) is not None:
        # `target = callee(` too long: black puts the value in parentheses of its own when
        # every line fits then, else splits at the call all the same.
        try:
            call = _bracketed(indent + 4, assigned[1], items, tail, is_def=False)
            wrapped = f"{pad}{assigned[0]} = (\n{call}\n{pad})"
            if all(_fits(line) for line in wrapped.split("\n")):
                return wrapped
        except _TooLong:
            pass
        if len(items) == 1 and isinstance(items[0], str):
            return f"{pad}{head}\n{inner}{items[0]}\n{pad}{tail}"
        raise _TooLong
    # A class header's own brackets are its only ones: black splits there however long
    # the name.
    if not (_fits(pad + head) or _class_header(head)):
        raise _TooLong
    closing = pad + tail if _fits(pad + tail) else _return_split(indent, tail) if is_def else None
    if closing is None:
        raise _TooLong
    body = inner + joined
    if _fits(body) and not (is_def and len(items) == 1) and not (display and len(items) > 1):
        return f"{pad}{head}\n{body}\n{closing}"
    if len(items) == 1 and not (is_def or display) and isinstance(items[0], str) and (_string(items[0]) or _dotted(items[0])):
        return f"{pad}{head}\n{body}\n{closing}"  # one string or name too long: black cannot split it
    if len(items) == 1 and not (is_def or display) and isinstance(items[0], str) and len(ops := _operands(items[0])) > 1:
        return _operand_lines(indent, head, ops, tail)  # one union: split at its `|`, no comma added
    if len(items) == 1 and not is_def and isinstance(item := items[0], Group):
        # One argument (or a display's one entry), split at its own brackets in turn: no
        # comma is added after it.
        split = _bracketed(indent + 4, item.head, item.items, item.tail, is_def=False, display=item.display)
        return f"{pad}{head}\n{split}\n{closing}"
    return "\n".join([pad + head, *(_own_line(indent + 4, item, text) for item, text in zip(items, texts)), closing])


def _return_split(indent: int, tail: str) -> str:
    """`) -> Name[...]:` too long for its line: black splits the return annotation at its
    subscript's brackets."""
    returns = tail.removeprefix(") -> ").removesuffix(":")
    if not tail.startswith(") -> ") or not tail.endswith(":") or (subscript := _subscript(returns)) is None:
        raise _TooLong
    return _bracketed(indent, f") -> {subscript[0]}[", subscript[1], "]:", is_def=False)


def parameter(indent: int, item: Item) -> str:
    """One parameter (or argument) of a signature split one a line, with its comma, as
    black lays it out; on one line when these rules do not reach it."""
    text = flat(item)
    try:
        return _own_line(indent, item, text)
    except _TooLong:
        return " " * indent + text + ","


def _own_line(indent: int, item: Item, text: str) -> str:
    """An item (`text` flat) on a line of its own, with its trailing comma."""
    line = " " * indent + text + ","
    if _fits(line):
        return line
    if isinstance(item, Group):
        return _bracketed(indent, item.head, item.items, item.tail + ",", is_def=False, display=item.display)
    if isinstance(item, Typed):
        if (subscript := _subscript(item.annotation)) is not None:
            # One subscript and nothing else: black splits at its brackets.
            rest = f"] = {item.default}," if item.default is not None else "],"
            return _bracketed(indent, f"{item.name}: {subscript[0]}[", subscript[1], rest, is_def=False)
        if _dotted(item.annotation):
            return line  # one name: black adds no parentheses around it (they would hold no split)
        # The annotation in parentheses of its own, as black does for long type hints; one
        # `|` operand a line when they do not fit one line there.
        pad = " " * indent
        rest = f") = {item.default}," if item.default is not None else "),"
        lines = [f"{pad}{item.name}: (", f"{pad}    {item.annotation}", pad + rest]
        if all(_fits(line) for line in lines):
            return "\n".join(lines)
        if len(operands := _operands(item.annotation)) > 1:
            return _operand_lines(indent, f"{item.name}: (", operands, rest)
    if isinstance(item, str) and (_entry_of_strings(item) or _dotted(item)):
        return line  # `"key": "text"` in a display, or a name: black cannot split them
    raise _TooLong


def _entry_of_strings(text: str) -> bool:
    key, colon, value = text.partition(": ")
    return bool(colon) and _string(key) and _string(value)


def attribute(indent: int, name: str, annotation: str, value: str | None) -> str:
    """`name: annotation = value` in a class body. Too long, black splits a call at its
    own parentheses when the line up to them fits, else wraps the value in parentheses
    when the line up to them fits, else splits the annotation: at its own brackets when it
    is one subscript, else in parentheses of its own (one `|` operand a line when it does
    not fit one line there)."""
    pad = " " * indent
    one = f"{pad}{name}: {annotation}" + (f" = {value}" if value is not None else "")
    if _fits(one) or not _plain(one):
        return one
    try:
        return _attribute(indent, name, annotation, value)
    except _TooLong:
        return one


def _attribute(indent: int, name: str, annotation: str, value: str | None) -> str:
    pad = " " * indent
    if value is not None:
        call = _call(value)
        head = f"{name}: {annotation} = "
        if call is not None and _fits(pad + head + call[0] + "(") and (arguments := split_items(call[1])):
            # Black splits at the call's own parentheses when the line up to them fits (it
            # prefers that to parentheses around the value), its arguments on one line if
            # they fit there, else one a line.
            return _bracketed(indent, head + call[0] + "(", arguments, ")", is_def=False)
        if (call is not None or _atom(value)) and _fits(pad + head + "("):
            # A string too long for its own line stays there all the same: black splits
            # no string.
            if _fits(f"{pad}    {value}") or _string(value):
                return f"{pad}{head}(\n{pad}    {value}\n{pad})"
            if call is None:
                raise _TooLong
        if call is None and not _atom(value):
            raise _TooLong  # a value of another shape: black's to lay out
    rest = f" = {value}" if value is not None else ""
    if (subscript := _subscript(annotation)) is not None:
        # One subscript and nothing else: black splits at its brackets.
        items = subscript[1]
        head, tail = f"{name}: {subscript[0]}[", "]" + rest
        if len(items) == 1 and isinstance(items[0], str) and len(operands := _operands(items[0])) > 1:
            return _operand_lines(indent, head, operands, tail)
        if not all(isinstance(i, str) for i in items):
            raise _TooLong
        return _bracketed(indent, head, items, tail, is_def=False)
    operands = _operands(annotation)
    if not operands:
        raise _TooLong
    return _operand_lines(indent, f"{name}: (", operands, ")" + rest)


def _operand_lines(indent: int, head: str, operands: list[str], tail: str) -> str:
    """`head`, the `|` operands on one line if they fit there, else one a line, `tail`."""
    pad = " " * indent
    body = f"{pad}    " + " | ".join(operands)
    if _fits(body):
        lines = [pad + head, body, pad + tail]
    elif len(operands) == 1:
        raise _TooLong  # one name too long for any line: black's own quirks
    else:
        lines = [pad + head, *(_operand(indent + 4, o, "| " if n else "") for n, o in enumerate(operands)), pad + tail]
    if not (_fits(lines[0]) and _fits(lines[-1])):
        raise _TooLong
    return "\n".join(lines)


def _operand(indent: int, operand: str, bar: str) -> str:
    """One operand's line; too long, a subscript split at its own brackets (a name too long
    for its line stays there: black cannot split it)."""
    line = " " * indent + bar + operand
    if _fits(line) or _dotted(operand):
        return line
    subscript = _subscript(operand)
    if subscript is None:
        raise _TooLong
    return _bracketed(indent, bar + subscript[0] + "[", subscript[1], "]", is_def=False)


def assignment(indent: int, target: str, value: str) -> str:
    """`target = value`; too long, black wraps a value without brackets in parentheses
    when it fits on a line of its own there (else it leaves the line as it is)."""
    pad = " " * indent
    one = f"{pad}{target} = {value}"
    if _fits(one) or not _plain(one) or not _atom(value) or not _fits(f"{pad}    {value}"):
        return one
    return f"{pad}{target} = (\n{pad}    {value}\n{pad})"


def parenthesised(indent: int, body: str) -> list[str] | None:
    """The lines of an expression inside parentheses black keeps (a lambda's body), at
    `indent`: one line when it fits, else a conditional expression split before its `if`
    and its `else` (black splits at the highest-priority delimiter first, and only commas
    and comprehensions outrank a conditional); None for any other shape."""
    pad = " " * indent
    if not _plain(body):
        return None
    if _fits(pad + body):
        return [pad + body]
    words = _top_level_words(body)
    if words is None or [w for w, _ in words if w in ("if", "else")] != ["if", "else"]:
        return None
    if any(w in ("for", "lambda") for w, _ in words) or _top_level(body, ",") != [body]:
        return None
    at = {w: n for w, n in words if w in ("if", "else")}
    parts = [body[: at["if"]].rstrip(), body[at["if"] : at["else"]].rstrip(), body[at["else"] :]]
    lines = [pad + part for part in parts]
    return lines if all(_fits(line) for line in lines) else None


def enclosed(text: str) -> bool:
    """Whether `text` is one pair of parentheses and what is inside them (`(a) or (b)` is
    not)."""
    return text.startswith("(") and _opening_of_last(text) == 0


def _top_level_words(text: str) -> list[tuple[str, int]] | None:
    """The keywords `if`, `else`, `for` and `lambda` outside brackets and strings, with
    where each starts; None when brackets or quotes do not pair."""
    outside = _outside(text)
    if outside is None:
        return None
    found = []
    for n in outside:
        if n == 0 or text[n - 1] == " ":
            for word in ("if", "else", "for", "lambda"):
                if text.startswith(word, n) and text[n + len(word) : n + len(word) + 1] in (" ", ":", ""):
                    found.append((word, n))
    return found


def subscript_call(target: str, name: str, subscript: str) -> str:
    """`target = name[subscript](`, opening a call whose arguments follow one a line. Too
    long, black splits at the subscript's brackets (the call's are exploded already):
    `target = name[`, the subscript on a line of its own, `](`."""
    one = f"{target} = {name}[{subscript}]("
    if _fits(one) or not _plain(one) or not _fits(f"    {subscript}"):
        return one
    return f"{target} = {name}[\n    {subscript}\n]("


def union_alias(indent: int, head: str, value: str) -> str:
    """`head = A | B | C`; too long, black's form: the value in parentheses (it keeps them
    around more than one `|`), one operand a line when they do not fit one line there."""
    pad = " " * indent
    one = f"{pad}{head} = {value}"
    operands = _operands(value)
    if _fits(one) or not _plain(one) or len(operands) < 2:
        return one
    if _fits(f"{pad}    {value}"):
        return f"{pad}{head} = (\n{pad}    {value}\n{pad})"
    try:
        return _operand_lines(indent, f"{head} = (", operands, ")")
    except _TooLong:
        return one


def _operands(value: str) -> list[str]:
    """The operands of `|` at the top of a value of names and subscripts (strings only
    inside the subscripts); [] when it holds anything else there (a call, another
    operator) or a string black would requote."""
    if "'" in value or "\\" in value:
        return []
    parts = _top_level(value, "|")
    operands = [part.strip() for part in parts] if parts is not None else []
    return operands if all(_name_like(o) for o in operands) else []


def _name_like(text: str) -> bool:
    """A dotted name, maybe subscripted or called: nothing but names and dots outside
    brackets."""
    depth = 0
    for c in text:
        depth += (c in "([{") - (c in ")]}")
        if depth < 0 or (depth == 0 and not (c.isidentifier() or c.isdigit() or c in ".)]}")):
            return False
    return depth == 0 and text[:1].isidentifier()


def from_import(module: str, names: Sequence[str]) -> str:
    """`from module import a, b`; when too long, black's form: one name per line."""
    one = f"from {module} import {', '.join(names)}"
    if _fits(one) or not all(_plain(name) for name in names):
        return one
    return "\n".join([f"from {module} import (", *(f"    {name}," for name in names), ")"])


def _call(value: str) -> tuple[str, str] | None:
    """(`callee`, `arguments`) of a value that is one call of a dotted name, `a.b(x, y)`;
    None for anything else (a call of a call, an operator after it, a trailing comma)."""
    opening = _opening_of_last(value)
    if opening is None or value[opening] != "(" or not value.endswith(")") or not _dotted(value[:opening]):
        return None
    arguments = value[opening + 1 : -1]
    return (value[:opening], arguments) if arguments.strip() and _plain(arguments) and "'" not in arguments else None


def split_items(text: str) -> tuple[Item, ...] | None:
    """Plain text of comma-separated items as items, each ending in brackets of its own a
    Group of its inside (`f=lambda: [A, B]` -> Group("f=lambda: [", ("A", "B"), "]"));
    None for text these rules do not read (a quote in single quotes, brackets that do not
    pair)."""
    if "'" in text or not _plain(text):
        return None
    parts = _top_level(text, ",")
    if parts is None:
        return None
    items: list[Item] = []
    for part in (p.strip() for p in parts):
        if not part:
            return None
        items.append(_item(part))
    return tuple(items)


def _item(text: str) -> Item:
    if text[-1] not in ")]}":
        return text
    opening = _opening_of_last(text)
    if opening is None or opening == 0 and text[0] == "(":
        return text  # a parenthesised atom or tuple: black decides about those
    inner = split_items(text[opening + 1 : -1]) if text[opening + 1 : -1].strip() else ()
    if inner is None:
        return text
    return Group(text[: opening + 1], inner, text[-1], display=text[-1] in "]}" and not text[opening - 1 : opening].isidentifier())


def _opening_of_last(text: str) -> int | None:
    """Where the bracket closed at the end of `text` opens."""
    quoted, escaped = False, False
    stack: list[int] = []
    for n, c in enumerate(text):
        if quoted:
            quoted, escaped = (c != '"' or escaped), (c == "\\" and not escaped)
            continue
        if c == '"':
            quoted = True
        elif c in "([{":
            stack.append(n)
        elif c in ")]}":
            if not stack:
                return None
            start = stack.pop()
            if n == len(text) - 1 and not stack:
                return start
    return None


def _top_level(text: str, separator: str) -> list[str] | None:
    """`text` cut at each `separator` outside brackets and strings; None when its brackets
    or quotes do not pair."""
    outside = _outside(text)
    if outside is None:
        return None
    cuts = [n for n in outside if text[n] == separator]
    return [text[a + 1 : b] for a, b in zip([-1, *cuts], [*cuts, len(text)])]


def _outside(text: str) -> list[int] | None:
    """The positions of `text` outside brackets and strings (an opening quote's, and a
    closing bracket's, included); None when its brackets or quotes do not pair."""
    found, depth, quoted, escaped = [], 0, False, False
    for n, c in enumerate(text):
        if quoted:
            quoted, escaped = (c != '"' or escaped), (c == "\\" and not escaped)
            continue
        if c == '"':
            quoted = True
        depth += (c in "([{") - (c in ")]}")
        if depth < 0:
            return None
        if depth == 0:
            found.append(n)
    return None if depth or quoted else found


def _subscript(annotation: str) -> tuple[str, tuple[Item, ...]] | None:
    """(`name`, its items) of an annotation that is one subscript of a dotted name and
    nothing else, `Literal["a", "b"]`; None otherwise."""
    name, bracket, _ = annotation.partition("[")
    if not (bracket and _dotted(name) and annotation.endswith("]")):
        return None
    if _opening_of_last(annotation) != len(name):
        return None
    items = split_items(annotation[len(name) + 1 : -1])
    return (name, items) if items else None


def _assigned_call(head: str) -> tuple[str, str] | None:
    """(`target`, `callee(`) of a head `target = callee(` whose target and callee are
    dotted names."""
    target, equals, callee = head.partition(" = ")
    if not (equals and callee.endswith("(") and _dotted(target) and _dotted(callee[:-1])):
        return None
    return target, callee


def _dotted(text: str) -> bool:
    return bool(text) and all(part.isidentifier() for part in text.split("."))


def _class_header(head: str) -> bool:
    return head.startswith("class ") and head.endswith("(") and head[6:-1].isidentifier()


def _fits(line: str) -> bool:
    return len(line) <= LINE_LENGTH


def _plain(text: str) -> bool:
    """Text black measures as we do (ASCII: it counts wide characters twice) and that has
    nothing black would lay out on its own terms."""
    return text.isascii() and "\n" not in text and "#" not in text and not text.endswith(",")


def _atom(text: str) -> bool:
    """A value or annotation without calls, literals of containers or strings inside:
    what black keeps on one line when it wraps it in parentheses."""
    return not any(c in text for c in "()[]{}\"'") or _string(text)


def _string(text: str) -> bool:
    return len(text) >= 2 and text[0] == text[-1] == '"' and '"' not in text[1:-1].replace('\\"', "")
