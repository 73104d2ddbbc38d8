"""The pieces of the built-in runtime that black leaves as they are, known ahead of time.

Every generated package carries about a thousand lines that do not depend on the spec (the
transport, errors, unions, enums). Black would confirm them unchanged on every cold run, at
a third of a millisecond per line: most of a small spec's formatting time. So the
generator ships the digests of those pieces, and the formatter takes a piece whose digest
is listed as it is.

A listed piece is one that the built-in templates render identically for two unrelated
specs and that black leaves unchanged: never a piece of anyone's spec. The list is
computed, not written by hand (`python -m generator.preformatted --write`, run by
`make generate`), and a test keeps it current. It holds for the black major version that
computed it: black changes its stable style only in a new major version (the reason
pyproject.toml pins one), and under any other the list is ignored. A stale list can only
make formatting slower, never change its output.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from functools import cache
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().with_name("preformatted.json")

# Two specs with nothing in common but their shape: a piece rendered the same for both is
# the runtime's own.
_PROBES: tuple[tuple[str, dict[str, Any]], ...] = (
    ("probe_alpha", {"openapi": "3.1.0", "info": {"title": "Alpha", "version": "1.0.0"}, "paths": {}}),
    (
        "second_probe_package",
        {
            "openapi": "3.1.0",
            "info": {"title": "Second probe, a longer title", "version": "2026.11.23-beta.7"},
            "servers": [{"url": "https://api.example.invalid/v2"}],
            "paths": {},
        },
    ),
)


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def style() -> str:
    """What black's output depends on, besides the text: its major version and our mode."""
    from . import format as formatting
    from .stamp import library_versions

    major = library_versions().get("black", "").split(".")[0]
    return f"black {major}; {formatting.mode_text()}"


@cache
def known() -> frozenset[str]:
    """The digests of pieces black leaves unchanged under the installed black, or none."""
    try:
        data = json.loads(DATA.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return frozenset()
    if not isinstance(data, dict) or data.get("style") != style():
        return frozenset()
    pieces = data.get("pieces")
    return frozenset(p for p in pieces if isinstance(p, str)) if isinstance(pieces, list) else frozenset()


def compute() -> dict[str, Any]:
    """The list as the installed black and the built-in templates make it now."""
    from . import format as formatting
    from .build import BuildOptions, build
    from .render import render

    rendered: list[set[str]] = []
    for package, spec in _PROBES:
        files = render(build(spec, BuildOptions(package=package)))
        rendered.append({p for path, text in files.items() if path.endswith(".py") for p in formatting.split(text)})
    common = set.intersection(*rendered)
    stable = sorted(digest(p) for p in common if formatting.black_or_none(p) == p)
    return {"style": style(), "pieces": stable}


def _text(data: dict[str, Any]) -> str:
    return json.dumps(data, indent=1) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator.preformatted", description=__doc__)
    parser.add_argument("--write", action="store_true", help=f"rewrite {DATA.name} if it is stale")
    args = parser.parse_args(argv)
    wanted = _text(compute())
    current = DATA.read_text(encoding="utf-8") if DATA.exists() else ""
    if current == wanted:
        return 0
    if args.write:
        DATA.write_text(wanted, encoding="utf-8")
        print(f"rewrote {DATA.name}", file=sys.stderr)
        return 0
    print(f"{DATA.name} is stale: run `make generate`", file=sys.stderr)
    return 1


if __name__ == "__main__":
    raise SystemExit(main())
