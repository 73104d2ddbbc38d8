"""Read a spec file into plain JSON data, remembering where every value came from.

YAML is composed into nodes and turned into data here (never through a YAML constructor that
could build objects), with YAML 1.2 core-schema scalars, so `on`/`yes` stay strings and dates
stay text exactly as they would in the JSON form of the same document. JSON takes a fast
path; its positions are only worked out when an error needs them.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .problems import InputError, Problem, join_pointer, split_pointer

DEFAULT_MAX_BYTES = 50 * 1024 * 1024
# Aliases let a small YAML file stand for a huge document ("billion laughs"): cap what the
# aliases expand to, counted in nodes.
MAX_EXPANDED_NODES = 2_000_000

_YAML_TAG = "tag:yaml.org,2002:"
_COLLECTION_TAGS = frozenset({_YAML_TAG + "map", _YAML_TAG + "seq"})
_INT = re.compile(r"^[-+]?[0-9]+$")
_OCT = re.compile(r"^0o[0-7]+$")
_HEX = re.compile(r"^0x[0-9a-fA-F]+$")
_FLOAT = re.compile(r"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")
_INF = re.compile(r"^[-+]?\.(inf|Inf|INF)$")
_NAN = re.compile(r"^\.(nan|NaN|NAN)$")


@dataclass
class Positions:
    """JSON pointer -> (line, column), both 1-based; built lazily for JSON input."""

    _table: dict[str, tuple[int, int]] | None = None
    _build: Callable[[], dict[str, tuple[int, int]]] | None = None

    def lookup(self, pointer: str) -> tuple[int, int]:
        if self._table is None:
            self._table = self._build() if self._build is not None else {}
        tokens = split_pointer(pointer)
        while True:
            found = self._table.get(join_pointer("", *tokens))
            if found is not None:
                return found
            if not tokens:
                return (1, 1)
            tokens.pop()


@dataclass
class Document:
    path: Path
    data: Any
    positions: Positions = field(default_factory=Positions)
    raw: bytes = b""


def load(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read and parse `path`; raise InputError with every problem found."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise InputError([Problem("", f"cannot read the spec: {exc.strerror or exc}")]) from None
    if size > max_bytes:
        raise InputError(
            [
                Problem(
                    "",
                    f"the spec is {size:,} bytes, over the limit of {max_bytes:,}",
                    hint="raise the limit with --max-spec-bytes if this file is trusted",
                )
            ]
        )
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError([Problem("", f"cannot read the spec: {exc.strerror or exc}")]) from None
    return parse(path, raw)


def parse(path: Path, raw: bytes) -> Document:
    if b"\x00" in raw:
        raise InputError([Problem("", "the spec is a binary file, not YAML or JSON text")])
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise InputError(
            [Problem("", "the spec is not UTF-8 text", position=(line, col))]
        ) from None
    if not text.strip():
        raise InputError([Problem("", "the spec is empty")])
    looks_json = path.suffix.lower() == ".json" or text.lstrip().startswith("{")
    if looks_json:
        doc = _parse_json(path, text, raw, strict=path.suffix.lower() == ".json")
        if doc is not None:
            return doc
    return _parse_yaml(path, text, raw)


def _parse_json(path: Path, text: str, raw: bytes, *, strict: bool) -> Document | None:
    duplicated = False

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        nonlocal duplicated
        out = dict(items)
        if len(out) != len(items):
            duplicated = True
        return out

    try:
        data = json.loads(text, object_pairs_hook=pairs)
    except json.JSONDecodeError as exc:
        if not strict:
            return None  # maybe YAML that starts with a flow mapping
        raise InputError(
            [Problem("", f"invalid JSON: {exc.msg}", position=(exc.lineno, exc.colno))]
        ) from None
    scan = _JsonScanner(text)
    if duplicated:
        scan.run()
        raise InputError(scan.duplicates)
    return Document(path, data, Positions(_build=scan.positions), raw)


class _JsonScanner:
    """A small JSON tokenizer that records each value's position and repeated keys."""

    _STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)
    _NUMBER = re.compile(r"-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?")
    _SPACE = re.compile(r"[ \t\r\n]*")

    def __init__(self, text: str) -> None:
        self.text = text
        self.table: dict[str, tuple[int, int]] = {}
        self.duplicates: list[Problem] = []
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def _pos(self, index: int) -> tuple[int, int]:
        import bisect

        line = bisect.bisect_right(self._line_starts, index)
        return (line, index - self._line_starts[line - 1] + 1)

    def positions(self) -> dict[str, tuple[int, int]]:
        self.run()
        return self.table

    def run(self) -> None:
        if self.table:
            return
        i = self._SPACE.match(self.text, 0).end()  # type: ignore[union-attr]
        self._value(i, "")

    def _skip(self, i: int) -> int:
        return self._SPACE.match(self.text, i).end()  # type: ignore[union-attr]

    def _value(self, i: int, pointer: str) -> int:
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
                if key in seen:
                    self.duplicates.append(
                        Problem(child, f"duplicate key {key!r}", position=self._pos(i))
                    )
                seen.add(key)
                self.table[child] = self._pos(i)
                i = self._skip(m.end())
                i = self._skip(i + 1)  # the colon
                i = self._skip(self._value(i, child))
                if self.text[i] == "}":
                    return i + 1
                i = self._skip(i + 1)  # the comma
        if c == "[":
            i = self._skip(i + 1)
            index = 0
            if self.text[i] == "]":
                return i + 1
            while True:
                i = self._skip(self._value(i, join_pointer(pointer, index)))
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


def _parse_yaml(path: Path, text: str, raw: bytes) -> Document:
    loader_class: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        node = yaml.compose(text, Loader=loader_class)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        message = " ".join(str(part) for part in (exc.context, exc.problem) if part)
        if "\t" in text and "tab" not in message and mark is not None:
            line_text = text.splitlines()[mark.line] if mark.line < len(text.splitlines()) else ""
            if "\t" in line_text:
                message += " (tabs cannot indent YAML)"
        position = (mark.line + 1, mark.column + 1) if mark is not None else None
        raise InputError([Problem("", f"invalid YAML: {message}", position=position)]) from None
    except yaml.YAMLError as exc:
        raise InputError([Problem("", f"invalid YAML: {exc}")]) from None
    if node is None:
        raise InputError([Problem("", "the spec is empty")])
    builder = _YamlBuilder()
    data = builder.build(node, "")
    if builder.problems:
        raise InputError(builder.problems)
    return Document(path, data, Positions(_table=builder.table), raw)


class _YamlBuilder:
    def __init__(self) -> None:
        self.table: dict[str, tuple[int, int]] = {}
        self.problems: list[Problem] = []
        self.expanded = 0
        self._seen: set[int] = set()

    def _here(self, node: yaml.Node) -> tuple[int, int]:
        return (node.start_mark.line + 1, node.start_mark.column + 1)

    def build(self, node: yaml.Node, pointer: str) -> Any:
        self.expanded += 1
        if self.expanded > MAX_EXPANDED_NODES:
            if self.expanded == MAX_EXPANDED_NODES + 1:
                self.problems.append(
                    Problem(
                        pointer,
                        f"YAML aliases expand to more than {MAX_EXPANDED_NODES:,} nodes",
                        position=self._here(node),
                    )
                )
            return None
        self.table.setdefault(pointer, self._here(node))
        if not isinstance(node, yaml.ScalarNode) and node.tag not in _COLLECTION_TAGS:
            self.problems.append(
                Problem(pointer, f"unsupported YAML tag {node.tag!r}", position=self._here(node))
            )
            return None
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, pointer)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, join_pointer(pointer, i)) for i, item in enumerate(node.value)]
        assert isinstance(node, yaml.ScalarNode)
        return self._scalar(node, pointer)

    def _mapping(self, node: yaml.MappingNode, pointer: str) -> dict[str, Any]:
        out: dict[str, Any] = {}
        merged: list[Any] = []
        for key_node, value_node in node.value:
            if key_node.tag == _YAML_TAG + "merge":
                merged.append(self.build(value_node, pointer))
                continue
            if not isinstance(key_node, yaml.ScalarNode):
                self.problems.append(
                    Problem(pointer, "mapping keys must be plain text", position=self._here(key_node))
                )
                continue
            key = str(key_node.value)
            child = join_pointer(pointer, key)
            if key in out:
                self.problems.append(
                    Problem(
                        child,
                        f"duplicate key {key!r}",
                        hint="a YAML mapping may name each key once",
                        position=self._here(key_node),
                    )
                )
                continue
            self.table[child] = self._here(key_node)
            out[key] = self.build(value_node, child)
        for source in merged:
            for part in source if isinstance(source, list) else [source]:
                if isinstance(part, dict):
                    for key, value in part.items():
                        out.setdefault(key, value)
        return out

    def _scalar(self, node: yaml.ScalarNode, pointer: str) -> Any:
        value = node.value
        tag = node.tag
        # Quoted or block scalars are always text.
        if node.style not in (None, "") and (tag.startswith(_YAML_TAG) or tag == "!"):
            return value
        if not tag.startswith(_YAML_TAG):
            self.problems.append(
                Problem(pointer, f"unsupported YAML tag {tag!r}", position=self._here(node))
            )
            return None
        if tag == _YAML_TAG + "str":
            return value
        return _core_scalar(value)


def _core_scalar(value: str) -> Any:
    """Resolve a plain scalar by the YAML 1.2 core schema (what JSON users expect)."""
    if value in ("", "~", "null", "Null", "NULL"):
        return None
    if value in ("true", "True", "TRUE"):
        return True
    if value in ("false", "False", "FALSE"):
        return False
    if _INT.match(value):
        return int(value)
    if _OCT.match(value):
        return int(value, 0)
    if _HEX.match(value):
        return int(value, 0)
    if _FLOAT.match(value):
        return float(value)
    if _INF.match(value):
        return float("-inf") if value.startswith("-") else float("inf")
    if _NAN.match(value):
        return float("nan")
    return value
