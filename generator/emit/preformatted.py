"""The pieces of the built-in runtime that black leaves as they are, known ahead of time.

Every generated package carries about a thousand lines that do not depend on the spec (the
transport, errors, unions, enums). Black would confirm them unchanged on every cold run, at
a third of a millisecond per line: most of a small spec's formatting time. So the
generator ships the digests of those pieces, and the formatter takes a piece whose digest
is listed as it is.

A listed piece is one that the built-in templates render identically for two unrelated
specs and that black leaves unchanged: never a piece of anyone's spec. The statements a
piece is cut into (statements.py) are listed so too, for pieces that name the package. The list is
computed, not written by hand (`tests/tools/refresh_preformatted.py --write`, run
by `make generate`), and a test keeps it current. It holds for the black major version that
computed it: black changes its stable style only in a new major version (the reason
pyproject.toml pins one), and under any other the list is ignored. A stale list can only
make formatting slower, never change its output.
"""

from __future__ import annotations

import hashlib
import json
from functools import cache
from pathlib import Path

DATA = Path(__file__).resolve().with_name("preformatted.json")


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@cache
def known(style: str) -> frozenset[str]:
    """The digests of pieces black leaves unchanged, when the list was computed under this
    style (black's major version and our mode, see format.style); else none."""
    try:
        data = json.loads(DATA.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return frozenset()
    if not isinstance(data, dict) or data.get("style") != style:
        return frozenset()
    pieces = data.get("pieces")
    return frozenset(p for p in pieces if isinstance(p, str)) if isinstance(pieces, list) else frozenset()
