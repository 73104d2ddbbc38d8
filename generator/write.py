"""Put generated files on disk, or compare them with what is there.

The output folder keeps a manifest of the files polar-codegen wrote, so a later run removes
the ones it no longer generates and never touches anything else in the folder.
"""

from __future__ import annotations

import difflib
import hashlib
import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from . import __version__
from .problems import Problem

MANIFEST = ".polar-codegen-manifest.json"


@dataclass(frozen=True)
class Drift:
    """One file that differs from what generation would produce, as a unified diff."""

    path: str
    diff: str


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def manifest_text(files: dict[str, str]) -> str:
    body = {
        "generator": f"polar-codegen {__version__}",
        "files": {path: digest(text) for path, text in sorted(files.items())},
    }
    return json.dumps(body, indent=2, sort_keys=True) + "\n"


def owned_files(out_dir: Path) -> set[str]:
    """Paths the last run wrote, from its manifest (empty when there is none)."""
    try:
        data = json.loads((out_dir / MANIFEST).read_text("utf-8"))
        return {str(p) for p in data.get("files", {})}
    except (OSError, ValueError, AttributeError):
        return set()


def conflicts(out_dir: Path, files: dict[str, str]) -> list[Problem]:
    """Files in the way that polar-codegen did not write: never overwritten."""
    owned = owned_files(out_dir)
    problems: list[Problem] = []
    for path in sorted(files):
        target = out_dir / path
        if path not in owned and target.exists():
            if target.is_file() and target.read_text("utf-8", errors="replace") == files[path]:
                continue
            problems.append(
                Problem(
                    "",
                    f"{target} exists and was not written by polar-codegen; refusing to replace it",
                    hint="move it away, or choose another --out folder",
                )
            )
    return problems


def _atomic_write(target: Path, text: str) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
        os.chmod(tmp, 0o644)  # mkstemp makes 0600; generated files are ordinary source
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write(out_dir: Path, files: dict[str, str]) -> list[str]:
    """Write what changed, drop stale files of ours, then the manifest; returns paths changed."""
    old = owned_files(out_dir)
    changed: list[str] = []
    for path, text in sorted(files.items()):
        target = out_dir / path
        try:
            if target.read_text("utf-8") == text:
                continue
        except (OSError, UnicodeDecodeError):
            pass
        _atomic_write(target, text)
        changed.append(path)
    for path in sorted(old - set(files)):
        target = out_dir / path
        if target.is_file():
            target.unlink()
            changed.append(path)
            _prune_empty_dirs(target.parent, out_dir)
    _atomic_write(out_dir / MANIFEST, manifest_text(files))
    return changed


def _prune_empty_dirs(folder: Path, root: Path) -> None:
    while folder != root and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent


def check(out_dir: Path, files: dict[str, str]) -> list[Drift]:
    """Every difference between the folder and a fresh generation, as unified diffs."""
    expected = dict(files)
    expected[MANIFEST] = manifest_text(files)
    drift: list[Drift] = []
    for path, text in sorted(expected.items()):
        target = out_dir / path
        try:
            current = target.read_text("utf-8")
        except (OSError, UnicodeDecodeError):
            current = None
        if current != text:
            drift.append(Drift(path, _diff(path, current, text)))
    for path in sorted(owned_files(out_dir) - set(files)):
        target = out_dir / path
        if target.is_file():
            drift.append(Drift(path, _diff(path, target.read_text("utf-8", errors="replace"), None)))
    return drift


def _diff(path: str, current: str | None, expected: str | None) -> str:
    lines = difflib.unified_diff(
        (current or "").splitlines(keepends=True),
        (expected or "").splitlines(keepends=True),
        fromfile=f"a/{path}" if current is not None else "/dev/null",
        tofile=f"b/{path}" if expected is not None else "/dev/null",
    )
    return "".join(line if line.endswith("\n") else line + "\n" for line in lines)
