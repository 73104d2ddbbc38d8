"""Reading one spec file: its bytes within the size limit, then the Document they make.

`parse` decides what the bytes are before any parser sees them: UTF-16/32 and binary files
are refused with a plain message, UTF-8 is required (a byte-order mark is allowed), and the
text goes to the JSON reader when it looks like JSON, else to the YAML reader. Strings that
an escape made into half a surrogate pair are reported here, for both readers.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from ..problems import InputError, Problem, join_pointer
from .document import Document
from .fragments import decode_ref_fragments
from .json_reader import parse_json


def read_bytes(path: Path, max_bytes: int) -> bytes:
    """The bytes of the spec at `path`; InputError if it cannot be read or is over `max_bytes`."""
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
    decode_ref_fragments(document.data, raw)
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
        doc = parse_json(path, text, raw, strict=path.suffix.lower() == ".json")
        if doc is not None:
            return doc
    # PyYAML (and its parser's tables) loads only for a document that is not JSON.
    from .yaml_reader import parse_yaml

    return parse_yaml(path, text, raw)

