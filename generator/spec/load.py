"""Read a spec file into plain JSON data, remembering where every value came from.

YAML is read as a stream of parser events and turned into data here, iteratively (never
through a YAML constructor that could build objects, nor a recursive composer a deeply nested
file could crash), with YAML 1.2 core-schema scalars, so `on`/`yes` stay strings and dates
stay text exactly as they would in the JSON form of the same document. JSON takes a fast
path; its positions are only worked out when an error needs them.

Problems that leave a usable document (a duplicate key, a refused tag) are kept on the
document so validation can report them together with everything else; problems that leave
nothing to validate (a syntax error) raise InputError at once.

With `allow_file_refs`, `$ref`s to files in the spec's own folder are bundled: the files are
read with the same loader and what the references name becomes part of the document, so the
rest of the pipeline only ever sees `#/...` references. Nothing is ever fetched.
"""

from __future__ import annotations

import bisect
import copy
import itertools
import json
import os
import re
import urllib.parse
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

import yaml

from ..digests import fingerprint
from ..limits import DEFAULT_MAX_BYTES
from ..problems import InputError, Problem, join_pointer, resolve_pointer, split_pointer
from .walk import COMPONENT_KINDS, KIND_SECTIONS, Typed, typed_below, typed_nodes

# Aliases let a small YAML file stand for a huge document ("billion laughs"): cap what the
# document expands to, counted in nodes.
MAX_EXPANDED_NODES = 2_000_000
# Deeper nesting than any real spec needs: refused before it can exhaust a parser's stack or
# time (libyaml slows down quadratically with flow nesting).
MAX_DEPTH = 64

_YAML_TAG = "tag:yaml.org,2002:"
_MAP_TAGS = frozenset({None, "!", _YAML_TAG + "map"})
_SEQ_TAGS = frozenset({None, "!", _YAML_TAG + "seq"})
_SCALAR_TAGS = frozenset(_YAML_TAG + t for t in ("int", "float", "bool", "null"))
_INT = re.compile(r"^[-+]?[0-9]+$")
_OCT = re.compile(r"^0o[0-7]+$")
_HEX = re.compile(r"^0x[0-9a-fA-F]+$")
_FLOAT = re.compile(r"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")
_INF = re.compile(r"^[-+]?\.(inf|Inf|INF)$")
_NAN = re.compile(r"^\.(nan|NaN|NAN)$")
_JSON_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)
_BRACKET = re.compile(r"[\[\]{}]")


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


@dataclass(frozen=True)
class Mount:
    """A part of the document that was read from another file (see `allow_file_refs`)."""

    at: tuple[str, ...]  # where it is in the bundled document
    file: Path  # that file, as the user would name it
    inner: tuple[str, ...]  # where it is in that file
    positions: Positions


@dataclass
class Document:
    path: Path
    data: Any
    positions: Positions = field(default_factory=Positions)
    raw: bytes = b""
    # Problems found while reading that still leave a document to validate.
    problems: list[Problem] = field(default_factory=list)
    mounts: list[Mount] = field(default_factory=list)
    # Every other file read into the document, for cache keys: (name, bytes).
    sources: list[tuple[str, bytes]] = field(default_factory=list)

    @property
    def fingerprint(self) -> bytes:
        """Every byte the document was made from: what a result about it depends on."""
        return fingerprint(self.raw, self.sources)

    def locate(self, pointer: str) -> tuple[Path | None, str, tuple[int, int]]:
        """(the file the pointer leads into, or None for the spec itself; the pointer in that
        file; line and column)."""
        tokens = tuple(split_pointer(pointer))
        best: Mount | None = None
        for mount in self.mounts:
            if tokens[: len(mount.at)] == mount.at and (best is None or len(mount.at) > len(best.at)):
                best = mount
        if best is None:
            return None, pointer, self.positions.lookup(pointer)
        inner = join_pointer("", *best.inner, *tokens[len(best.at) :])
        return best.file, inner, best.positions.lookup(inner)


def where(spec: Path, problem: Problem, document: Any) -> tuple[str, int, int, str]:
    """(file, line, column, pointer) to print for a problem. The pointer is printed as a URI
    fragment would hold it where that matters: `%`, spaces and control characters are
    percent-encoded, so it stays one word on one line."""
    if problem.file is not None:
        line, col = problem.position or (1, 1)
        return problem.file, line, col, _printable(problem.pointer)
    if isinstance(document, Document):
        file, pointer, position = document.locate(problem.pointer)
        if file is None:
            line, col = problem.position or position
            return str(spec), line, col, _printable(pointer)
        return str(file), position[0], position[1], _printable(pointer)
    line, col = problem.position or (1, 1)
    return str(spec), line, col, _printable(problem.pointer)


_UNPRINTABLE = re.compile(r"[%\s\x00-\x1f\x7f\ud800-\udfff]")


def _printable(pointer: str) -> str:
    def encode(match: re.Match[str]) -> str:
        return "".join(f"%{b:02X}" for b in match.group(0).encode("utf-8", "surrogatepass"))

    return _UNPRINTABLE.sub(encode, pointer)


def load(
    path: Path,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    allow_file_refs: bool = False,
    defer: bool = False,
) -> Document:
    """Read and parse `path`; raise InputError with every problem found.

    With `defer`, problems that still leave a document (a duplicate key, a refused tag or
    file reference) are kept in `document.problems` instead, for `validate` to report with
    its own; without it they are raised like the others.
    """
    raw = _read(path, max_bytes)
    document = parse(path, raw, defer=True)
    if allow_file_refs:
        _Bundler(document, max_bytes - len(raw), max_bytes).run()
    if document.problems and not defer:
        raise InputError(document.problems, document)
    return document


def _read(path: Path, max_bytes: int) -> bytes:
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
        with path.open("rb") as handle:
            # Read at most one byte past the limit: the file may grow after stat().
            raw = handle.read(max_bytes + 1)
    except OSError as exc:
        raise InputError([Problem("", f"cannot read the spec: {exc.strerror or exc}")]) from None
    if len(raw) > max_bytes:
        raise InputError([Problem("", f"the spec is over the limit of {max_bytes:,} bytes")])
    return raw


_BOMS = (
    (b"\x00\x00\xfe\xff", "UTF-32"),
    (b"\xff\xfe\x00\x00", "UTF-32"),
    (b"\xfe\xff", "UTF-16"),
    (b"\xff\xfe", "UTF-16"),
)


def parse(path: Path, raw: bytes, *, defer: bool = False) -> Document:
    """Parse a spec's bytes (`path` names it); see `load` for `defer`."""
    document = _parse(path, raw)
    if _SURROGATE_ESCAPE.search(raw):
        document.problems.extend(_surrogates(document.data))
    if document.problems and not defer:
        raise InputError(document.problems, document)
    return document


# Only an escape can put a lone surrogate into the data: the text itself is strict UTF-8.
_SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")


def _surrogates(data: Any) -> list[Problem]:
    """Strings (keys too) holding half of a UTF-16 surrogate pair: not text, and no file
    could hold them."""
    problems: list[Problem] = []

    def bad(text: str) -> bool:
        return any("\ud800" <= c <= "\udfff" for c in text)

    stack: list[tuple[Any, str]] = [(data, "")]
    while stack:
        node, pointer = stack.pop()
        if isinstance(node, str) and bad(node):
            problems.append(
                Problem(
                    pointer,
                    "the text holds an unpaired surrogate escape (such as \\ud800), which is not a character",
                    hint="write the character itself, or both halves of its escape",
                )
            )
        elif isinstance(node, dict):
            for key, value in node.items():
                child = join_pointer(pointer, key)
                if bad(str(key)):
                    problems.append(Problem(child, "a key holds an unpaired surrogate escape"))
                stack.append((value, child))
        elif isinstance(node, list):
            stack.extend((value, join_pointer(pointer, i)) for i, value in enumerate(node))
    return sorted(problems, key=lambda p: p.pointer)


def _parse(path: Path, raw: bytes) -> Document:
    for bom, name in _BOMS:
        if raw.startswith(bom):
            raise InputError(
                [
                    Problem(
                        "",
                        f"the spec is {name} text; only UTF-8 is read",
                        hint="save the file as UTF-8",
                    )
                ]
            )
    if b"\x00" in raw:
        raise InputError([Problem("", "the spec is a binary file, not YAML or JSON text")])
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise InputError(
            [
                Problem(
                    "",
                    f"the spec is not UTF-8 text (byte 0x{raw[exc.start]:02x})",
                    hint="save the file as UTF-8",
                    position=(line, col),
                )
            ]
        ) from None
    if not text.strip():
        raise InputError([Problem("", "the spec is empty")])
    looks_json = path.suffix.lower() == ".json" or text.lstrip().startswith("{")
    if looks_json:
        doc = _parse_json(path, text, raw, strict=path.suffix.lower() == ".json")
        if doc is not None:
            return doc
    return _parse_yaml(path, text, raw)


# -- JSON ------------------------------------------------------------------------------------


class _NotJson(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def _reject_constant(name: str) -> Any:
    raise _NotJson(f"{name} is not a JSON value")


def _json_depth(text: str) -> int:
    brackets = _BRACKET.findall(_JSON_STRING.sub("", text))
    steps = (1 if b in "[{" else -1 for b in brackets)
    return max(itertools.accumulate(steps), default=0)


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


def _parse_json(path: Path, text: str, raw: bytes, *, strict: bool) -> Document | None:
    if _json_depth(text) > MAX_DEPTH:
        # Only a JSON reading can be nested this deep: a YAML reading sees the same brackets.
        raise InputError([_too_deep_problem(_json_find(text, lambda _, depth: depth > MAX_DEPTH))])
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
    except (ValueError, RecursionError) as exc:
        # An integer of more digits than Python reads (sys.get_int_max_str_digits).
        message = "a number has too many digits to read" if "digits" in str(exc) else str(exc)
        raise InputError(
            [Problem("", f"invalid JSON: {message}", hint="quote it if it is meant as text")]
        ) from None
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
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self._done = False

    def _pos(self, index: int) -> tuple[int, int]:
        line = bisect.bisect_right(self._line_starts, index)
        return (line, index - self._line_starts[line - 1] + 1)

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


# -- YAML ------------------------------------------------------------------------------------


def _too_deep_problem(position: tuple[int, int] | None = None) -> Problem:
    return Problem(
        "",
        f"the spec is nested more than {MAX_DEPTH} levels deep",
        hint="no real API description needs this; is the file generated by mistake?",
        position=position,
    )


class _Fatal(Exception):
    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.message)
        self.problem = problem


def _parse_yaml(path: Path, text: str, raw: bytes) -> Document:
    loader_class: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    builder = _YamlBuilder()
    try:
        found, data = builder.run(yaml.parse(text, Loader=loader_class))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        message = str(exc.problem or exc.context or "")
        start = exc.context_mark
        moved = start is not None and mark is not None and (start.line, start.column) != (mark.line, mark.column)
        if exc.context and exc.problem and start is not None and moved:
            message += f" ({exc.context} at line {start.line + 1}, column {start.column + 1})"
        elif exc.context and exc.problem:
            message = f"{exc.context}: {message}"
        hint = None
        lines = text.splitlines()
        if mark is not None and mark.line < len(lines) and "\t" in lines[mark.line]:
            hint = "YAML cannot be indented with tabs; use spaces"
        position = (mark.line + 1, mark.column + 1) if mark is not None else None
        raise InputError(
            builder.problems + [Problem("", f"invalid YAML: {message}", hint=hint, position=position)]
        ) from None
    except yaml.YAMLError as exc:
        raise InputError(builder.problems + [Problem("", f"invalid YAML: {exc}")]) from None
    except _Fatal as exc:
        raise InputError(builder.problems + [exc.problem]) from None
    if not found:
        raise InputError([Problem("", "the spec is empty")])
    return Document(path, data, Positions(_table=builder.table), raw, problems=builder.problems)


_NO_KEY: Any = object()  # a mapping waiting for its next key
_DROP: Any = object()  # the next value of a mapping goes nowhere (bad or repeated key)


class _Frame:
    __slots__ = ("anchor", "count", "is_key", "key", "kind", "merges", "pointer", "record", "valid", "value")

    def __init__(self, kind: str, pointer: str, anchor: str | None, record: bool, valid: bool) -> None:
        self.kind = kind
        self.value: Any = {} if kind == "map" else []
        self.pointer = pointer
        self.anchor = anchor
        self.count = 1
        self.key: Any = _NO_KEY
        self.merges: list[tuple[Any, tuple[int, int]]] = []
        self.record = record
        self.valid = valid
        self.is_key = False


def _tag_name(tag: str) -> str:
    return "!!" + tag[len(_YAML_TAG) :] if tag.startswith(_YAML_TAG) else tag


class _YamlBuilder:
    """Turns parser events into JSON data and a position table, without recursion."""

    def __init__(self) -> None:
        self.table: dict[str, tuple[int, int]] = {}
        self.problems: list[Problem] = []
        self.expanded = 0
        self.anchors: dict[str, tuple[Any, int]] = {}
        self.open_anchors: set[str] = set()

    @staticmethod
    def _here(event: Any) -> tuple[int, int]:
        mark = event.start_mark
        return (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)

    def _count(self, n: int, event: Any) -> None:
        self.expanded += n
        if self.expanded > MAX_EXPANDED_NODES:
            raise _Fatal(
                Problem(
                    "",
                    f"YAML aliases expand to more than {MAX_EXPANDED_NODES:,} nodes",
                    hint="a small file that stands for a huge document is refused",
                    position=self._here(event),
                )
            )

    def _tag_problem(self, pointer: str, tag: str, event: Any) -> None:
        self.problems.append(
            Problem(
                pointer,
                f"unsupported YAML tag {_tag_name(tag)!r}",
                hint="a spec is plain data: tags that build objects or types are never honored",
                position=self._here(event),
            )
        )

    def run(self, events: Iterable[Any]) -> tuple[bool, Any]:
        stack: list[_Frame] = []
        root: Any = None
        found = False
        documents = 0
        for event in events:
            if isinstance(event, yaml.DocumentStartEvent):
                documents += 1
                if documents > 1:
                    raise _Fatal(
                        Problem(
                            "",
                            "the file holds more than one YAML document",
                            hint="a spec is one document; remove the second `---`",
                            position=self._here(event),
                        )
                    )
                continue
            if isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                frame = stack.pop()
                if frame.is_key:
                    stack[-1].key = _DROP
                    continue
                value = self._finish(frame)
                if frame.anchor is not None:
                    self.open_anchors.discard(frame.anchor)
                    self.anchors[frame.anchor] = (value, frame.count)
                if stack:
                    self._deliver(stack[-1], value, frame.count)
                else:
                    root, found = value, True
                continue
            if not isinstance(event, yaml.NodeEvent):
                continue  # stream start and end, document end
            parent = stack[-1] if stack else None
            # Where does this node go?
            if parent is not None and parent.kind == "map" and parent.key is _NO_KEY:
                self._key(parent, event)
                if isinstance(event, yaml.CollectionStartEvent):
                    # A mapping or list as a key: read it and throw it away, then its value.
                    kind = "map" if isinstance(event, yaml.MappingStartEvent) else "seq"
                    stack.append(_Frame(kind, parent.pointer, None, record=False, valid=True))
                    stack[-1].is_key = True
                continue
            if parent is None:
                pointer, record = "", True
            elif parent.kind == "map":
                pointer = join_pointer(parent.pointer, parent.key) if parent.key is not _DROP else parent.pointer
                record = parent.record and parent.key is not _DROP and not isinstance(parent.key, _Merge)
            else:
                pointer, record = join_pointer(parent.pointer, len(parent.value)), parent.record
            if record:
                self.table.setdefault(pointer, self._here(event))
            if isinstance(event, yaml.AliasEvent):
                value, count = self._alias(event, pointer)
                self._count(count, event)
                if parent is None:
                    root, found = value, True
                else:
                    self._deliver(parent, value, count)
                continue
            anchor = event.anchor
            if isinstance(event, yaml.ScalarEvent):
                self._count(1, event)
                value = self._scalar(event, pointer)
                if anchor is not None:
                    self.anchors[anchor] = (value, 1)
                if parent is None:
                    root, found = value, True
                else:
                    self._deliver(parent, value, 1)
                continue
            assert isinstance(event, yaml.CollectionStartEvent)
            self._count(1, event)
            kind = "map" if isinstance(event, yaml.MappingStartEvent) else "seq"
            valid = event.tag in (_MAP_TAGS if kind == "map" else _SEQ_TAGS)
            if not valid:
                self._tag_problem(pointer, str(event.tag), event)
            if len(stack) >= MAX_DEPTH:
                raise _Fatal(_too_deep_problem(self._here(event)))
            if anchor is not None:
                self.open_anchors.add(anchor)
            stack.append(_Frame(kind, pointer, anchor, record, valid))
        return found, root

    def _key(self, frame: _Frame, event: Any) -> None:
        if isinstance(event, yaml.ScalarEvent):
            key = str(event.value)
            if key == "<<" and not event.style and event.tag is None:
                frame.key = _Merge(self._here(event))
                return
            child = join_pointer(frame.pointer, key)
            if key in frame.value:
                if frame.record:
                    self.problems.append(
                        Problem(
                            child,
                            f"duplicate key {key!r}",
                            hint="a YAML mapping may name each key once",
                            position=self._here(event),
                        )
                    )
                frame.key = _DROP
                return
            if event.tag not in (None, "!", _YAML_TAG + "str"):
                self._tag_problem(child, str(event.tag), event)
            frame.key = key
            if frame.record:
                self.table[child] = self._here(event)
            return
        if frame.record:
            self.problems.append(
                Problem(
                    frame.pointer,
                    "mapping keys must be plain text",
                    hint="a key that is a list, a mapping or an alias is not JSON",
                    position=self._here(event),
                )
            )
        frame.key = _DROP

    def _deliver(self, frame: _Frame, value: Any, count: int) -> None:
        frame.count += count
        if frame.kind == "seq":
            frame.value.append(value)
            return
        key = frame.key
        frame.key = _NO_KEY
        if isinstance(key, _Merge):
            frame.merges.append((value, key.position))
        elif key is not _DROP:
            frame.value[key] = value

    def _finish(self, frame: _Frame) -> Any:
        if not frame.valid:
            return None
        if frame.kind == "map":
            for source, position in frame.merges:
                parts = source if isinstance(source, list) else [source]
                if not all(isinstance(part, dict) for part in parts):
                    if frame.record:
                        self.problems.append(
                            Problem(
                                frame.pointer,
                                "a merge key `<<` takes a mapping or a list of mappings",
                                position=position,
                            )
                        )
                    continue
                for part in parts:
                    for key, value in part.items():
                        frame.value.setdefault(key, value)
        return frame.value

    def _alias(self, event: Any, pointer: str) -> tuple[Any, int]:
        name = event.anchor
        if name in self.open_anchors:
            self.problems.append(
                Problem(
                    pointer,
                    f"alias *{name} refers to a node that contains it",
                    hint="a recursive YAML structure cannot become JSON",
                    position=self._here(event),
                )
            )
            return None, 1
        if name not in self.anchors:
            self.problems.append(
                Problem(
                    pointer,
                    f"alias *{name} has no anchor &{name} before it",
                    position=self._here(event),
                )
            )
            return None, 1
        # The anchored value itself is shared, not copied: the expansion is only counted. (The
        # bundler, the one writer, keeps track of the nodes it has already rewritten.)
        return self.anchors[name]

    def _scalar(self, event: Any, pointer: str) -> Any:
        value = str(event.value)
        tag = event.tag
        if tag in (None, "!"):
            # Quoted or block scalars are always text; `!` asks for text too.
            return _core_scalar(value, self, pointer, event) if not event.style and tag is None else value
        if tag == _YAML_TAG + "str":
            return value
        if tag in _SCALAR_TAGS:
            return _core_scalar(value, self, pointer, event)
        self._tag_problem(pointer, str(tag), event)
        return None


class _Merge:
    __slots__ = ("position",)

    def __init__(self, position: tuple[int, int]) -> None:
        self.position = position


def _core_scalar(value: str, builder: _YamlBuilder | None = None, pointer: str = "", event: Any = None) -> Any:
    """Resolve a plain scalar by the YAML 1.2 core schema (what JSON users expect)."""
    if value in ("", "~", "null", "Null", "NULL"):
        return None
    if value in ("true", "True", "TRUE"):
        return True
    if value in ("false", "False", "FALSE"):
        return False
    try:
        if _INT.match(value):
            return int(value)
        if _OCT.match(value):
            return int(value, 0)
        if _HEX.match(value):
            return int(value, 0)
    except ValueError:  # more digits than Python converts (sys.get_int_max_str_digits)
        if builder is not None and event is not None:
            builder.problems.append(
                Problem(
                    pointer,
                    f"the number {value[:20]}... has {len(value):,} digits, too many to read",
                    hint="quote it if it is meant as text",
                    position=builder._here(event),
                )
            )
        return float(value) if _INT.match(value) else None
    if _FLOAT.match(value):
        return float(value)
    if _INF.match(value):
        return float("-inf") if value.startswith("-") else float("inf")
    if _NAN.match(value):
        return float("nan")
    return value


# -- bundling `$ref`s to files next to the spec (--allow-file-refs) --------------------------


class _External(NamedTuple):
    document: Document | None  # None: the file could not be read (already reported)
    display: Path


class _Bundler:
    """Turns `$ref`s to files in the spec's folder into references inside the document.

    What a reference names is copied into `components/<section>/<name>` (a path item takes
    the reference's place), references inside the copy are bundled the same way, relative to
    the file the copy came from, and the copy is mounted so errors name that file.
    """

    def __init__(self, document: Document, budget: int, max_bytes: int) -> None:
        self.doc = document
        self.spec_dir = document.path.parent
        self.root = self.spec_dir.resolve()
        self.budget = budget
        self.max_bytes = max_bytes
        self.main = document.path.resolve()
        self.files: dict[Path, _External] = {}
        self.placed: dict[tuple[Path, str], str] = {}
        self.inlining: set[tuple[Path, str]] = set()
        self.done: set[int] = set()
        self.names: dict[str, set[str]] = {}

    def run(self) -> None:
        data = self.doc.data
        if not isinstance(data, dict):
            return
        components = data.get("components")
        if isinstance(components, dict):
            for section in COMPONENT_KINDS:
                entries = components.get(section)
                if isinstance(entries, dict):
                    self.names[section] = set(entries)
            # A component that is only a reference to a file keeps its name for what it names.
            for section, kind in COMPONENT_KINDS.items():
                entries = components.get(section)
                if not isinstance(entries, dict) or kind == "pathItem":
                    continue
                for name, node in list(entries.items()):
                    ref = node.get("$ref") if isinstance(node, dict) and len(node) == 1 else None
                    if isinstance(ref, str) and not ref.startswith("#"):
                        self._home(entries, section, name, node)
        self._walk(list(typed_nodes(data)), self.main)

    def _home(self, entries: dict[str, Any], section: str, name: str, node: dict[str, Any]) -> None:
        self.done.add(id(node))
        pointer = join_pointer("/components", section, name)
        found = self._follow(node["$ref"], self.main, join_pointer(pointer, "$ref"))
        if found is None:
            return
        file, fragment, external, value = found
        if file == self.main:
            node["$ref"] = "#" + fragment
            return
        entries[name] = copy.deepcopy(value)
        self.placed[(file, fragment)] = pointer
        self._mount(pointer, external, fragment)
        self._walk(list(typed_below(entries[name], pointer, COMPONENT_KINDS[section])), file)

    def _walk(self, found: list[Typed], base: Path) -> None:
        for typed in found:
            node = typed.node
            if not isinstance(node, dict):
                continue
            if typed.kind == "schema" and isinstance(node.get("discriminator"), dict):
                self._mapping(node["discriminator"], typed.pointer, base)
            if not isinstance(node.get("$ref"), str) or id(node) in self.done:
                continue  # not a reference, or one node reached twice (a YAML alias)
            if node["$ref"].startswith("#") and base == self.main:
                continue
            self.done.add(id(node))
            self._rewrite(node, typed, base)

    def _mapping(self, discriminator: dict[str, Any], pointer: str, base: Path) -> None:
        """Discriminator mapping values that are references (not bare schema names)."""
        mapping = discriminator.get("mapping")
        if id(discriminator) in self.done or not isinstance(mapping, dict):
            return
        self.done.add(id(discriminator))
        for value, target in list(mapping.items()):
            if not isinstance(target, str) or not ("#" in target or "/" in target or "." in target):
                continue
            if target.startswith("#") and base == self.main:
                continue
            holder = {"$ref": target}
            at = join_pointer(pointer, "discriminator", "mapping", value)
            self._rewrite(holder, Typed(at, "schema", holder, True), base, at=at)
            mapping[value] = holder["$ref"]

    def _rewrite(self, node: dict[str, Any], typed: Typed, base: Path, at: str | None = None) -> None:
        ref = node["$ref"]
        at = at or join_pointer(typed.pointer, "$ref")
        found = self._follow(ref, base, at)
        if found is None:
            return
        file, fragment, external, value = found
        if file == self.main:
            node["$ref"] = "#" + fragment
            return
        local = self.placed.get((file, fragment))
        if local is not None:
            node["$ref"] = "#" + local
            return
        section = KIND_SECTIONS.get(typed.kind)
        if typed.kind == "pathItem":
            self._inline(node, typed, file, fragment, external, value)
        elif section is not None:
            node["$ref"] = "#" + self._place(section, typed.kind, file, fragment, external, value)
        else:
            self._problem(at, f"`$ref` {ref!r}: a {typed.kind} cannot be a reference")

    def _follow(self, ref: str, base: Path, at: str) -> tuple[Path, str, _External, Any] | None:
        target = self._target(ref, base, at)
        if target is None:
            return None
        file, fragment, external = target
        if external.document is None:
            self._problem(at, f"`$ref` {ref!r} names {external.display}, which could not be read")
            return None
        found, value = resolve_pointer(external.document.data, fragment)
        if not found:
            self._problem(at, f"`$ref` {ref!r} points at nothing in {external.display}")
            return None
        return file, fragment, external, value

    def _inline(
        self, node: dict[str, Any], typed: Typed, file: Path, fragment: str, external: _External, value: Any
    ) -> None:
        """A path item has no components section in OpenAPI 3.0: it takes the ref's place."""
        key = (file, fragment)
        at = join_pointer(typed.pointer, "$ref")
        if key in self.inlining:
            self._problem(at, f"`$ref` {node['$ref']!r} leads back to itself")
            return
        if not isinstance(value, dict):
            self._problem(at, f"`$ref` {node['$ref']!r} names no path item")
            return
        self.inlining.add(key)
        node.clear()
        node.update(copy.deepcopy(value))
        self.done.discard(id(node))
        self._mount(typed.pointer, external, fragment)
        self._walk(list(typed_below(node, typed.pointer, typed.kind)), file)
        self.inlining.discard(key)

    def _place(
        self, section: str, kind: str, file: Path, fragment: str, external: _External, value: Any
    ) -> str:
        tokens = split_pointer(fragment)
        name = _component_name(tokens[-1] if tokens else external.display.name.split(".")[0])
        taken = self.names.setdefault(section, set())
        unique, n = name, 1
        while unique in taken:
            n += 1
            unique = f"{name}{n}"
        taken.add(unique)
        data = self.doc.data
        components = data.get("components")
        if not isinstance(components, dict):
            components = data["components"] = {}
        entries = components.get(section)
        if not isinstance(entries, dict):
            entries = components[section] = {}
        pointer = join_pointer("/components", section, unique)
        entries[unique] = copy.deepcopy(value)
        self.placed[(file, fragment)] = pointer
        self._mount(pointer, external, fragment)
        self._walk(list(typed_below(entries[unique], pointer, kind)), file)
        return pointer

    def _mount(self, pointer: str, external: _External, fragment: str) -> None:
        assert external.document is not None
        at, inner = tuple(split_pointer(pointer)), tuple(split_pointer(fragment))
        self.doc.mounts.append(Mount(at, external.display, inner, external.document.positions))

    def _problem(self, pointer: str, message: str, hint: str | None = None) -> None:
        self.doc.problems.append(Problem(pointer, message, hint=hint))

    def _target(self, ref: str, base: Path, at: str) -> tuple[Path, str, _External] | None:
        """The file and JSON pointer a reference names, read; None when refused (reported)."""
        parts = urllib.parse.urlsplit(ref)
        if parts.scheme or parts.netloc:
            what = "URL" if parts.scheme in ("http", "https") else f"`{parts.scheme or '//'}` reference"
            self._problem(
                at,
                f"`$ref` {ref!r} refused: a {what} is never fetched, even with --allow-file-refs",
                hint="save the document next to the spec and refer to it by a relative path",
            )
            return None
        fragment = parts.fragment
        if fragment and not fragment.startswith("/"):
            self._problem(
                at,
                f"`$ref` {ref!r}: only JSON pointers (`#/...`) are supported after `#`",
                hint="refer to the definition by its path, e.g. #/components/schemas/Name",
            )
            return None
        if not parts.path:
            file = base
        else:
            relative = urllib.parse.unquote(parts.path)
            if relative.startswith(("/", "\\")) or os.path.isabs(relative):
                self._problem(
                    at,
                    f"`$ref` {ref!r} refused: absolute paths are never read",
                    hint="refer to files in the spec's folder by a relative path",
                )
                return None
            lexical = Path(os.path.normpath(base.parent / relative))
            if not _inside(lexical, self.root):
                self._problem(
                    at,
                    f"`$ref` {ref!r} refused: it leads out of the spec's folder",
                    hint="only files in the spec's folder and below it are read",
                )
                return None
            try:
                resolved = lexical.resolve(strict=True)
            except (OSError, RuntimeError):
                self._problem(at, f"`$ref` {ref!r}: there is no file {self._display(lexical)}")
                return None
            if not _inside(resolved, self.root):
                self._problem(
                    at,
                    f"`$ref` {ref!r} refused: {self._display(lexical)} is a link that leads out "
                    "of the spec's folder",
                    hint="only files in the spec's folder and below it are read",
                )
                return None
            if not resolved.is_file():
                self._problem(at, f"`$ref` {ref!r}: {self._display(lexical)} is not a file")
                return None
            file = resolved
            if file != self.main and file not in self.files:
                self.files[file] = self._read_external(file, lexical, at, ref)
        if file == self.main:
            return file, fragment, _External(self.doc, self.doc.path)
        return file, fragment, self.files[file]

    def _display(self, lexical: Path) -> Path:
        return self.spec_dir / os.path.relpath(lexical, self.root)

    def _read_external(self, file: Path, lexical: Path, at: str, ref: str) -> _External:
        display = self._display(lexical)
        try:
            with file.open("rb") as handle:
                raw = handle.read(self.budget + 1)
        except OSError as exc:
            self._problem(at, f"`$ref` {ref!r}: cannot read {display}: {exc.strerror or exc}")
            return _External(None, display)
        if len(raw) > self.budget:
            self._problem(
                at,
                f"`$ref` {ref!r}: with {display} the spec is over the limit of {self.max_bytes:,} bytes",
                hint="raise the limit with --max-spec-bytes if these files are trusted",
            )
            return _External(None, display)
        self.budget -= len(raw)
        self.doc.sources.append((str(display), raw))
        try:
            document = parse(display, raw, defer=True)
        except InputError as exc:
            self.doc.problems.extend(_in_file(p, display) for p in exc.problems)
            return _External(None, display)
        self.doc.problems.extend(_in_file(p, display, document) for p in document.problems)
        return _External(document, display)


def _in_file(problem: Problem, display: Path, document: Document | None = None) -> Problem:
    position = problem.position
    if position is None and document is not None:
        position = document.positions.lookup(problem.pointer)
    return Problem(problem.pointer, problem.message, problem.hint, position, str(display))


def _inside(path: Path, root: Path) -> bool:
    try:
        path.relative_to(root)
    except ValueError:
        return False
    return True


def _component_name(text: str) -> str:
    name = re.sub(r"[^A-Za-z0-9._-]+", "_", text).strip("_")
    return name or "Bundled"


