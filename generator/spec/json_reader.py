"""The JSON reader: spec text that is JSON, into a Document.

The standard library parses (fast, and it refuses NaN and Infinity here, which are not
JSON); a first repeated key wins, as in YAML. Positions are only worked out when an error
needs them, by a small scanner that also names each repeated key. A file nested deeper
than MAX_DEPTH is refused (the parser stops at Python's recursion limit, far deeper); the
scanner locates where.
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..problems import InputError, Problem, join_pointer
from .document import Document, Positions
from .nesting import MAX_DEPTH, too_deep

_JSON_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)


class _NotJson(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def _reject_constant(name: str) -> Any:
    raise _NotJson(f"{name} is not a JSON value")


def _deeper_than(data: Any, limit: int) -> bool:
    """Whether parsed JSON nests more than `limit` arrays and objects (measured on the
    values: scanning the text for brackets outside strings took longer than parsing)."""
    level: list[Any] = [data]
    for _ in range(limit):
        below: list[Any] = []
        for node in level:
            if isinstance(node, dict):
                below += [v for v in node.values() if isinstance(v, (dict, list))]
            elif isinstance(node, list):
                below += [v for v in node if isinstance(v, (dict, list))]
        if not below:
            return False
        level = below
    return True


def _too_deep(text: str) -> Problem:
    return too_deep(_json_find(text, lambda _, depth: depth > MAX_DEPTH))


_JSON_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]|-?Infinity|NaN')


def _json_find(text: str, wanted: Callable[[str, int], bool]) -> tuple[int, int] | None:
    """Line and column of the first token outside strings that `wanted(token, depth)` is
    true for (slow: only used to locate an error)."""
    depth = 0
    for match in _JSON_TOKEN.finditer(text):
        token = match.group(0)
        if token[0] == '"':
            continue
        depth += 1 if token in "[{" else -1 if token in "]}" else 0
        if wanted(token, depth):
            index = match.start()
            line = text.count("\n", 0, index) + 1
            return line, index - (text.rfind("\n", 0, index) + 1) + 1
    return None


def parse_json(path: Path, text: str, raw: bytes, *, strict: bool) -> Document | None:
    """The Document JSON text makes; None when the text is not JSON and, not `strict` (the
    file is not named .json), may still be YAML."""
    duplicated = False

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        nonlocal duplicated
        out: dict[str, Any] = {}
        for key, value in items:
            if key in out:
                duplicated = True
            else:
                out[key] = value  # the first one counts, as in YAML
        return out

    try:
        data = json.loads(text, object_pairs_hook=pairs, parse_constant=_reject_constant)
    except json.JSONDecodeError as exc:
        if not strict:
            return None  # maybe YAML that starts with a flow mapping
        hint = None
        if text[: exc.pos].rstrip().endswith(",") and text[exc.pos : exc.pos + 1] in ("}", "]"):
            hint = "JSON allows no comma after the last item"
        raise InputError(
            [Problem("", f"invalid JSON: {exc.msg}", hint=hint, position=(exc.lineno, exc.colno))]
        ) from None
    except _NotJson as exc:
        if not strict:
            return None
        where = _json_find(text, lambda token, _: token in ("NaN", "Infinity", "-Infinity"))
        raise InputError(
            [Problem("", f"invalid JSON: {exc.message}", hint="write a number or null", position=where)]
        ) from None
    except RecursionError:
        # Only a JSON reading can be nested this deep: a YAML reading sees the same brackets.
        raise InputError([_too_deep(text)]) from None
    except ValueError as exc:
        # An integer of more digits than Python reads (sys.get_int_max_str_digits).
        message = "a number has too many digits to read" if "digits" in str(exc) else str(exc)
        raise InputError(
            [Problem("", f"invalid JSON: {message}", hint="quote it if it is meant as text")]
        ) from None
    if _deeper_than(data, MAX_DEPTH):
        raise InputError([_too_deep(text)])
    scan = _JsonScanner(text)
    problems: list[Problem] = []
    if duplicated:
        scan.run()
        problems = scan.duplicates
    return Document(path, data, Positions(_build=scan.positions), raw, problems=problems)


class _JsonScanner:
    """A small JSON tokenizer that records each value's position and repeated keys."""

    _STRING = _JSON_STRING
    _NUMBER = re.compile(r"-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?")
    _SPACE = re.compile(r"[ \t\r\n]*")

    def __init__(self, text: str) -> None:
        self.text = text
        self.table: dict[str, tuple[int, int]] = {}
        self.duplicates: list[Problem] = []
        self._starts: list[int] | None = None  # of each line, worked out when first needed
        self._done = False

    def _pos(self, index: int) -> tuple[int, int]:
        if self._starts is None:
            self._starts = [0] + [m.end() for m in re.finditer("\n", self.text)]
        line = bisect.bisect_right(self._starts, index)
        return (line, index - self._starts[line - 1] + 1)

    def positions(self) -> dict[str, tuple[int, int]]:
        self.run()
        return self.table

    def run(self) -> None:
        if self._done:
            return
        self._done = True
        i = self._skip(0)
        if self.text.startswith("\ufeff", i):
            i = self._skip(i + 1)
        self._value(i, "", record=True)

    def _skip(self, i: int) -> int:
        return self._SPACE.match(self.text, i).end()  # type: ignore[union-attr]

    def _value(self, i: int, pointer: str, *, record: bool) -> int:
        if record:
            self.table.setdefault(pointer, self._pos(i))
        c = self.text[i]
        if c == "{":
            i = self._skip(i + 1)
            seen: set[str] = set()
            if self.text[i] == "}":
                return i + 1
            while True:
                m = self._STRING.match(self.text, i)
                assert m is not None
                key = json.loads(m.group(0))
                child = join_pointer(pointer, key)
                keep = record and key not in seen
                if record and key in seen:
                    self.duplicates.append(
                        Problem(
                            child,
                            f"duplicate key {key!r}",
                            hint="a JSON object may name each key once",
                            position=self._pos(i),
                        )
                    )
                seen.add(key)
                if keep:
                    self.table[child] = self._pos(i)
                i = self._skip(m.end())
                i = self._skip(i + 1)  # the colon
                i = self._skip(self._value(i, child, record=keep))
                if self.text[i] == "}":
                    return i + 1
                i = self._skip(i + 1)  # the comma
        if c == "[":
            i = self._skip(i + 1)
            index = 0
            if self.text[i] == "]":
                return i + 1
            while True:
                i = self._skip(self._value(i, join_pointer(pointer, index), record=record))
                index += 1
                if self.text[i] == "]":
                    return i + 1
                i = self._skip(i + 1)
        if c == '"':
            m = self._STRING.match(self.text, i)
            assert m is not None
            return m.end()
        m = self._NUMBER.match(self.text, i)
        if m and m.end() > i:
            return m.end()
        for word in ("true", "false", "null"):
            if self.text.startswith(word, i):
                return i + len(word)
        raise ValueError(f"unexpected character at {i}")

