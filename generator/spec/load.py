"""Read a spec file into plain JSON data, remembering where every value came from: the entry
point of the spec stage, and the one place that puts reading and bundling together.

Problems that leave a usable document (a duplicate key, a refused tag) are kept on the
document so validation can report them together with everything else; problems that leave
nothing to validate (a syntax error) raise InputError at once.

The work is done by: `read` (bytes, limits, which reader), `json_reader` and `yaml_reader`
(text into data and positions), `bundle` (file references, with `allow_file_refs`) and
`document` (what comes out). The names other stages import from here stay importable here.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..limits import DEFAULT_MAX_BYTES
from ..problems import InputError
from .bundle import bundle
from .document import Document, Mount, Positions, where
from .nesting import MAX_DEPTH
from .read import parse, read_bytes
from .walk import typed_nodes

__all__ = ["MAX_DEPTH", "Document", "Mount", "Positions", "load", "parse", "typed_nodes", "where"]


def load(
    path: Path,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    allow_file_refs: bool = False,
    defer: bool = False,
    on_read: Callable[[bytes], None] | None = None,
) -> Document:
    """Read and parse `path`; raise InputError with every problem found.

    With `defer`, problems that still leave a document (a duplicate key, a refused tag or
    file reference) are kept in `document.problems` instead, for `validate` to report with
    its own; without it they are raised like the others. `on_read` is given the file's
    bytes before they are parsed.
    """
    raw = read_bytes(path, max_bytes)
    if on_read is not None:
        on_read(raw)
    document = parse(path, raw, defer=True)
    if allow_file_refs:
        bundle(document, max_bytes - len(raw), max_bytes)
    if document.problems and not defer:
        raise InputError(document.problems, document)
    return document

