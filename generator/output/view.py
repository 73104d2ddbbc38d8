"""Reading the output folder as a committed journal will leave it: `check`, `conflicts` and
the next write must not see the half-applied state that a run killed mid-journal leaves."""

from __future__ import annotations

from pathlib import Path

from .journal import pending
from .manifest import MANIFEST, manifest_files


def read(out_dir: Path, path: str, view: dict[str, bytes | None]) -> bytes | None:
    if path in view:
        return view[path]
    try:
        return (out_dir / path).read_bytes()
    except OSError:
        return None


def owned_files(out_dir: Path) -> set[str]:
    """Paths the last run wrote, from its manifest (empty when there is none)."""
    return manifest_files(read(out_dir, MANIFEST, pending(out_dir)))
