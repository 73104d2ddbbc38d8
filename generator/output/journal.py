"""The write-ahead journal, where the directory swap cannot be done.

The journal is a folder inside the output folder, `.polar-codegen-journal/`: the new bytes
of every changed file, our new manifest, and a plan (which staged file goes where, which
stale files of ours go). Renaming `plan.tmp` to `plan.json` commits it; until then a killed
run has changed nothing and the next run drops the journal. Once committed, it is applied
file by file, and a run killed while applying it leaves the rest to the next run, which
rolls it forward before anything else. `pending` is the part still to apply, so that
`conflicts` sees the folder as the journal will leave it; `check` finishes the journal
first, so it never calls a half-applied folder up to date.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

from .fs import fsync_dir, prune_empty_dirs, write_new
from .manifest import MANIFEST

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (mypy reads the name)
if TYPE_CHECKING:
    from typing import Any

JOURNAL = ".polar-codegen-journal"


def pending(out_dir: Path) -> dict[str, bytes | None]:
    """What a committed but unfinished journal will still change: path -> bytes, or None
    for a file it removes. Empty when there is no journal to roll forward."""
    journal = out_dir / JOURNAL
    try:
        plan = json.loads((journal / "plan.json").read_bytes())
        view: dict[str, bytes | None] = {}
        for path, staged in plan["writes"]:
            try:
                view[str(path)] = (journal / str(staged)).read_bytes()
            except FileNotFoundError:
                pass  # already moved into place
        for path in plan["deletes"]:
            view[str(path)] = None
        return view
    except (OSError, ValueError, KeyError, TypeError):
        return {}


def journal_write(
    out: Path,
    data: dict[str, bytes],
    manifest: bytes,
    changed: list[str],
    stale: list[str],
    pause: Callable[[], None],
) -> None:
    out.mkdir(parents=True, exist_ok=True)
    journal = out / JOURNAL
    os.mkdir(journal, 0o700)
    try:
        pause()
        writes: list[list[str]] = []
        for i, path in enumerate(changed):
            write_new(journal / str(i), data[path])
            writes.append([path, str(i)])
            pause()
        write_new(journal / "manifest", manifest)
        writes.append([MANIFEST, "manifest"])
        plan = json.dumps({"writes": writes, "deletes": stale}).encode("utf-8")
        write_new(journal / "plan.tmp", plan)
        fsync_dir(journal)
        pause()
        os.replace(journal / "plan.tmp", journal / "plan.json")  # the commit point
    except BaseException:
        # Not committed: the folder is as it was once the journal is gone (a kill leaves
        # it to the next run, which drops it).
        _drop_quietly(journal)
        raise
    fsync_dir(journal)
    pause()
    roll_forward(out, pause)


def roll_forward(out: Path, pause: Callable[[], None]) -> None:
    """Apply a committed journal; safe to repeat after being cut short."""
    journal = out / JOURNAL
    plan: dict[str, Any] = json.loads((journal / "plan.json").read_bytes())
    for path, staged in plan["writes"]:
        source, target = journal / str(staged), out / str(path)
        if source.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(source, target)
            fsync_dir(target.parent)
        pause()
    for path in plan["deletes"]:
        target = out / str(path)
        if target.is_file() or target.is_symlink():
            target.unlink()
            prune_empty_dirs(target.parent, out)
        pause()
    remove_journal(journal)


def settle_journal(out: Path) -> None:
    """Finish what a killed run left in the journal: roll a committed one forward, drop an
    uncommitted one. With the exclusive lock held; before anything reads the folder."""
    journal = out / JOURNAL
    if journal.is_dir() and not journal.is_symlink():
        if (journal / "plan.json").is_file():
            roll_forward(out, lambda: None)
        else:
            remove_journal(journal)


def _drop_quietly(journal: Path) -> None:
    try:
        remove_journal(journal)
    except OSError:
        pass  # the next run drops what is left, as after a kill


def remove_journal(journal: Path) -> None:
    """The journal folder holds only our files; the plan goes last."""
    for name in sorted(os.listdir(journal), key=lambda n: n == "plan.json"):
        (journal / name).unlink()
    journal.rmdir()
    fsync_dir(journal.parent)
