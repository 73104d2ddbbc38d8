"""What a read spec is: its data, and where in which file every value of it came from.

A Document is what the readers produce and every later stage consumes; `locate` and `where`
turn a problem's JSON pointer back into a file, line and column, also for the parts the
bundler copied in from other files (its Mounts). Nothing here reads a file or imports a
parser, so the command line can name places without loading YAML or the validator.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..digests import fingerprint
from ..problems import Problem, join_pointer, split_pointer


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
    """A spec as read: its data, the bytes it came from and where each value stands."""

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

