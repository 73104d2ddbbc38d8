"""Comparing the folder with a fresh generation: `conflicts` (files of the user's in the way
of ours) never writes and sees the folder as a committed journal will leave it (`view.py`);
`check` (every difference, as unified diffs) first finishes a journal a killed run left."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from ..problems import Problem
from .environment import environment_errors
from .fs import real
from .journal import JOURNAL, pending, settle_journal
from .lock import DEFAULT_LOCK_TIMEOUT, OnWait, locked
from .manifest import MANIFEST, manifest_files, manifest_text, parse_manifest
from .stamp import Inputs
from .view import read


@dataclass(frozen=True)
class Drift:
    """One file that differs from what generation would produce, as a unified diff."""

    path: str
    diff: str


def conflicts(out_dir: Path, files: dict[str, str]) -> list[Problem]:
    """Files in the way that polar-codegen did not write: never overwritten."""
    if os.path.lexists(out_dir) and not out_dir.is_dir():
        return [
            Problem(
                "",
                f"{out_dir} is not a folder; refusing to replace it",
                hint="choose another --out folder",
            )
        ]
    if out_dir.is_dir() and not os.access(out_dir, os.W_OK):
        return [Problem("", f"{out_dir} is not writable", hint="check its permissions")]
    view = pending(out_dir)
    owned = manifest_files(read(out_dir, MANIFEST, view))
    problems: list[Problem] = []
    blocked_dirs: set[Path] = set()
    for path in sorted(files):
        target = out_dir / path
        # A file (or a link) of the user's where our files need a folder.
        for parent in reversed(Path(path).parents[:-1]):
            where = out_dir / parent
            if os.path.lexists(where) and not (where.is_dir() and not where.is_symlink()):
                if where not in blocked_dirs:
                    blocked_dirs.add(where)
                    problems.append(
                        Problem(
                            "",
                            f"{where} is not a folder and was not written by polar-codegen; "
                            "refusing to replace it",
                            hint="move it away, or choose another --out folder",
                        )
                    )
                break
        else:
            exists = view[path] is not None if path in view else os.path.lexists(target)
            if path not in owned and exists:
                current = read(out_dir, path, view)
                if current is not None and target.is_file() and current == files[path].encode():
                    continue
                problems.append(
                    Problem(
                        "",
                        f"{target} exists and was not written by polar-codegen; refusing to replace it",
                        hint="move it away, or choose another --out folder",
                    )
                )
    return problems


def check(
    out_dir: Path,
    files: dict[str, str],
    inputs: Inputs | None = None,
    *,
    lock_timeout: float = DEFAULT_LOCK_TIMEOUT,
    on_wait: OnWait | None = None,
) -> list[Drift]:
    """Every difference between the folder and a fresh generation, as unified diffs.
    Writes only to finish a write a killed run committed but did not finish; waits for a
    `generate` running on the same folder to finish.

    The manifest counts as up to date when it lists the same files with the same hashes:
    a stamp of other inputs (a template edit that changed no output) is not drift."""
    expected = dict(files)
    expected[MANIFEST] = manifest_text(files, inputs)
    drift: list[Drift] = []
    out = real(out_dir)
    if os.path.lexists(out / JOURNAL):
        # A write cut short: until it is finished, the folder mixes old and new files, and
        # whatever builds from it would see that; so finish it (it was committed) or drop
        # it (it was not) before comparing.
        with (
            environment_errors(out, "finish the write that was cut short in", untouched=False),
            locked(out, exclusive=True, timeout=lock_timeout, on_wait=on_wait),
        ):
            settle_journal(out)
    with locked(out, exclusive=False, timeout=lock_timeout, on_wait=on_wait):
        view = pending(out)
        for path, text in sorted(expected.items()):
            data = read(out, path, view)
            try:
                current = None if data is None else data.decode("utf-8")
            except UnicodeDecodeError:
                current = None
            same_files = path == MANIFEST and parse_manifest(data).get("files") == parse_manifest(text.encode()).get("files")
            if data is not None and same_files:
                continue
            if current != text:
                drift.append(Drift(path, _diff(path, current, text)))
        for path in sorted(manifest_files(read(out, MANIFEST, view)) - set(files)):
            data = read(out, path, view)
            if data is not None:
                drift.append(Drift(path, _diff(path, data.decode("utf-8", errors="replace"), None)))
    return drift


def _diff(path: str, current: str | None, expected: str | None) -> str:
    import difflib

    lines = difflib.unified_diff(
        (current or "").splitlines(keepends=True),
        (expected or "").splitlines(keepends=True),
        fromfile=f"a/{path}" if current is not None else "/dev/null",
        tofile=f"b/{path}" if expected is not None else "/dev/null",
    )
    return "".join(line if line.endswith("\n") else line + "\n" for line in lines)
