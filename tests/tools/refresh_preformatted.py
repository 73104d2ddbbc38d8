"""Recompute generator/emit/preformatted.json: the digests of the runtime pieces that black
leaves unchanged (see generator/emit/preformatted.py). A development tool, run by
`make generate`; it lives outside the installed package because it runs build and render."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

# Run from a checkout: its own generator, whatever else is installed.
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from generator.build import BuildOptions, build
from generator.emit import format as formatting
from generator.emit.preformatted import DATA, digest
from generator.emit.render import render


def _webhook(event: str, prop: str) -> dict[str, Any]:
    """A webhook whose payload pins `prop` to `event`: the probes have webhooks.py too."""
    payload = {"type": "object", "required": [prop], "properties": {prop: {"const": event}}}
    body = {"required": True, "content": {"application/json": {"schema": payload}}}
    return {event: {"post": {"requestBody": body, "responses": {"200": {"description": "ok"}}}}}


# Two specs with nothing in common but their shape: a piece rendered the same for both is
# the runtime's own.
_PROBES: tuple[tuple[str, dict[str, Any]], ...] = (
    (
        "probe_alpha",
        {
            "openapi": "3.1.0",
            "info": {"title": "Alpha", "version": "1.0.0"},
            "paths": {},
            "webhooks": _webhook("ping", "kind"),
        },
    ),
    (
        "second_probe_package",
        {
            "openapi": "3.1.0",
            "info": {"title": "Second probe, a longer title", "version": "2026.11.23-beta.7"},
            "servers": [{"url": "https://api.example.invalid/v2"}],
            "paths": {},
            "webhooks": _webhook("thing.done", "event"),
        },
    ),
)


def compute() -> dict[str, Any]:
    """The list as the installed black and the built-in templates make it now."""
    rendered: list[set[str]] = []
    for package, spec in _PROBES:
        files = render(build(spec, BuildOptions(package=package)))
        rendered.append({p for path, text in files.items() if path.endswith(".py") for p in formatting.split(text)})
    common = set.intersection(*rendered)
    stable = sorted(digest(p) for p in common if formatting.black_or_none(p) == p)
    return {"style": formatting.style(), "pieces": stable}


def _text(data: dict[str, Any]) -> str:
    return json.dumps(data, indent=1) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="tests/tools/refresh_preformatted.py", description=__doc__)
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
