"""The YAML reader: spec text that is YAML, into a Document.

The text is read as a stream of parser events and turned into data here, iteratively: never
through a YAML constructor that could build objects, nor a recursive composer a deeply
nested file could crash. Scalars follow the YAML 1.2 core schema, so `on`/`yes` stay strings
and dates stay text, exactly as in the JSON form of the same document. Tags that would build
objects, aliases that expand past a limit, recursive aliases and nesting past MAX_DEPTH are
problems, never work done.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml

from ..problems import InputError, Problem, join_pointer
from .document import Document, Positions
from .nesting import MAX_DEPTH, too_deep

# Aliases let a small YAML file stand for a huge document ("billion laughs"): cap what the
# document expands to, counted in nodes.
MAX_EXPANDED_NODES = 2_000_000

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


class _Fatal(Exception):
    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.message)
        self.problem = problem


def parse_yaml(path: Path, text: str, raw: bytes) -> Document:
    """The Document YAML text makes; InputError when it makes none."""
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
                raise _Fatal(too_deep(self._here(event)))
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

