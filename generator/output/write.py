"""Put generated files on disk: all or nothing, one run at a time per folder.

A write cannot be torn: a run killed at any moment (SIGKILL included) leaves the folder exactly
as it was or exactly as the run would have left it. Files and folders are fsynced before the
swap, so a power cut should not tear it either, though only kills are tested.

- The new folder is built complete in a hidden sibling, `.<name>.polar-codegen-XXXXXXXX`:
  our files written afresh (or hard-linked when unchanged), every other entry of the folder
  hard-linked, so the user's files are the very same inodes. Then the sibling and the folder
  trade places in one `renameat2(RENAME_EXCHANGE)` (Linux), and the old tree is taken apart;
  a file the user made in the folder meanwhile is moved over, not lost. A first run renames
  the sibling into place. The folder is a new directory after each run that changed
  something: a shell sitting in the old one sees the old files until it `cd`s again.
- Where that cannot be done (no renameat2, a file system without RENAME_EXCHANGE, a user file
  that cannot be hard-linked, a folder that is a mount point or holds more than
  `MAX_MIRRORED_ENTRIES` entries of the user's, no write access beside the folder), a
  write-ahead journal inside the folder (`.polar-codegen-journal/`, see `journal.py`) is
  committed first and then applied. A run killed while applying it leaves the rest to the
  next run, which rolls it forward before anything else (`check` included, so it never
  calls a half-applied folder up to date); `conflicts` sees the folder as the journal will
  leave it, without writing.
- Leftovers of a killed run (a sibling tree, an uncommitted journal) are cleaned up by the
  next `generate`: nothing of the user's is deleted, only our files and hard links to files
  that are still in the folder.

Runs on one folder take turns under a lock on its parent folder (`lock.py`). Which files
are ours comes from the manifest (`manifest.py`).

This module also hands on the names the command line takes from it: the up-to-date check
(`uptodate.py`), `check` and `conflicts` (`drift.py`), and the lock's timeout.
"""

from __future__ import annotations

import os
import stat
import time
from collections.abc import Callable
from pathlib import Path

from ..problems import InputError
from .drift import check, conflicts
from .environment import environment_errors
from .fs import fsync_dir, prune_empty_dirs, real, same_bytes, same_entry, scan, write_new
from .journal import JOURNAL, journal_write, settle_journal
from .lock import DEFAULT_LOCK_TIMEOUT, LockTimeout, OnWait, locked
from .manifest import MANIFEST, manifest_files, manifest_text
from .renameat2 import RENAME_EXCHANGE, RENAME_NOREPLACE, Unsupported, renameat2
from .siblings import new_sibling, siblings
from .stamp import Inputs
from .uptodate import up_to_date
from .view import owned_files, read

__all__ = [
    "DEFAULT_LOCK_TIMEOUT",
    "MAX_MIRRORED_ENTRIES",
    "LockTimeout",
    "check",
    "conflicts",
    "recover",
    "up_to_date",
    "write",
]

# Beyond this many entries of the user's, the folder is updated file by file through the
# journal rather than hard-linked whole into a new tree and swapped.
MAX_MIRRORED_ENTRIES = 5000
# Test hooks, never set in production: a pause at every step of a write (to kill a run in
# the middle of one), and the journal instead of the directory swap.
_DELAY_ENV = "POLAR_CODEGEN_TEST_WRITE_DELAY"
_JOURNAL_ENV = "POLAR_CODEGEN_TEST_FORCE_JOURNAL"


def _pauser() -> Callable[[], None]:
    delay = os.environ.get(_DELAY_ENV)
    if not delay:
        return lambda: None
    seconds = float(delay)
    return lambda: time.sleep(seconds)


def write(
    out_dir: Path,
    files: dict[str, str],
    inputs: Inputs | None = None,
    *,
    lock_timeout: float = DEFAULT_LOCK_TIMEOUT,
    on_wait: OnWait | None = None,
) -> list[str]:
    """Write what changed, drop stale files of ours, then the manifest; returns paths changed.

    All or nothing, and one run at a time per folder (see the module docstring). Raises
    InputError when a file of the user's is in the way, LockTimeout when another run keeps
    the folder busy for longer than `lock_timeout` seconds, OutputEnvironmentError when the
    machine refuses (a full disk, a read-only folder), the folder left as it was."""
    out = real(out_dir)
    with environment_errors(out, "write to", untouched=True):
        out.parent.mkdir(parents=True, exist_ok=True)
        with locked(out, exclusive=True, timeout=lock_timeout, on_wait=on_wait):
            recover(out)
            blocked = conflicts(out, files)
            if blocked:
                raise InputError(blocked)
            return _write_locked(out, files, inputs)


def recover(out: Path) -> None:
    """Finish or undo what a killed run left: roll a committed journal forward, drop an
    uncommitted one, take apart sibling trees. Call with the lock held."""
    settle_journal(out)
    for leftover in siblings(out):
        _settle(leftover, out, lambda: None)


def _write_locked(out: Path, files: dict[str, str], inputs: Inputs | None) -> list[str]:
    pause = _pauser()
    data = {path: text.encode("utf-8") for path, text in files.items()}
    manifest = manifest_text(files, inputs).encode("utf-8")
    old = owned_files(out)
    changed = sorted(p for p, d in data.items() if not same_bytes(out / p, d))
    stale = sorted(p for p in old - set(files) if (out / p).is_file())
    if not changed and not stale and same_bytes(out / MANIFEST, manifest):
        return []
    if not os.environ.get(_JOURNAL_ENV):
        try:
            _swap_in(out, data, manifest, old, stale, pause)
            return sorted(changed + stale)
        except Unsupported:
            pass
    journal_write(out, data, manifest, changed, stale, pause)
    return sorted(changed + stale)


def _swap_in(
    out: Path,
    data: dict[str, bytes],
    manifest: bytes,
    old: set[str],
    stale: list[str],
    pause: Callable[[], None],
) -> None:
    exists = out.is_dir()
    if exists and out.stat().st_dev != out.parent.stat().st_dev:
        raise Unsupported("the folder is a mount point")
    stage = new_sibling(out)
    try:
        pause()
        # Our manifest goes in first: whatever a killed run leaves in the sibling is then
        # either listed in it (ours) or a hard link to a file of the folder.
        write_new(stage / MANIFEST, manifest)
        pause()
        modes: list[tuple[Path, os.stat_result]] = []
        if exists:
            _mirror(out, stage, set(data) | old | {MANIFEST, JOURNAL}, modes, pause)
        folders = {stage} | {folder for folder, _ in modes}
        for path, content in sorted(data.items()):
            target = stage / path
            target.parent.mkdir(parents=True, exist_ok=True)
            folders.add(target.parent)
            current = out / path
            if not (same_bytes(current, content) and _link(current, target)):
                write_new(target, content)
            pause()
        # Folders that held nothing but stale files of ours go, as they would have.
        for path in stale:
            prune_empty_dirs((stage / path).parent, stage)
        for folder, info in reversed(modes):  # innermost first: a read-only folder is last
            if folder.is_dir():
                _copy_attributes(folder, info)
        for folder in sorted(folders, reverse=True):
            fsync_dir(folder)
        if exists:
            _copy_attributes(stage, out.stat())
        else:
            os.chmod(stage, 0o777 & ~_umask())
        pause()
    except BaseException:
        _discard(stage)
        raise
    if exists:
        try:
            renameat2(stage, out, RENAME_EXCHANGE)
        except BaseException:
            _discard(stage)
            raise
    else:
        try:
            renameat2(stage, out, RENAME_NOREPLACE)
        except Unsupported:
            os.rename(stage, out)  # no renameat2: replaces at most an empty folder
        except BaseException:
            _discard(stage)
            raise
    fsync_dir(out.parent)
    pause()
    if exists:
        _settle(stage, out, pause)  # the old tree, now in the sibling


def _link(source: Path, target: Path) -> bool:
    """Hard-link an unchanged file of ours, so it keeps its inode and mtime."""
    try:
        os.link(source, target, follow_symlinks=False)
        return True
    except (OSError, NotImplementedError):
        return False


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _copy_attributes(folder: Path, info: os.stat_result) -> None:
    try:
        if hasattr(os, "getuid") and (info.st_uid, info.st_gid) != (os.getuid(), os.getgid()):
            os.chown(folder, info.st_uid, info.st_gid)
    except OSError:
        pass  # only root may give a folder away
    os.chmod(folder, stat.S_IMODE(info.st_mode))


def _mirror(
    out: Path,
    stage: Path,
    ours: set[str],
    modes: list[tuple[Path, os.stat_result]],
    pause: Callable[[], None],
) -> None:
    """Hard-link every entry of the user's into the new tree; recreate the folders."""
    count = 0
    device = out.stat().st_dev
    for path, info in scan(out):
        if path == JOURNAL or path.startswith(JOURNAL + "/"):
            continue
        target = stage / path
        if stat.S_ISDIR(info.st_mode):
            if info.st_dev != device:
                raise Unsupported(f"{out / path} is a mount point")
            os.mkdir(target, 0o700)
            modes.append((target, info))
            continue
        if path in ours:
            continue
        count += 1
        if count > MAX_MIRRORED_ENTRIES:
            raise Unsupported("too many files of the user's to swap the folder")
        try:
            os.link(out / path, target, follow_symlinks=False)
        except (OSError, NotImplementedError) as exc:  # no hard links here, or not to this
            raise Unsupported(str(exc)) from None
        pause()


def _discard(tree: Path) -> None:
    """Remove a sibling tree that was never swapped in: our files and hard links only."""
    for path, info in sorted(scan(tree), key=lambda entry: entry[0], reverse=True):
        target = tree / path
        try:
            if stat.S_ISDIR(info.st_mode):
                os.chmod(target, 0o700)
                target.rmdir()
            else:
                target.unlink()
        except OSError:
            pass
    try:
        tree.rmdir()
    except OSError:
        pass


def _settle(tree: Path, out: Path, pause: Callable[[], None]) -> None:
    """Take apart a sibling tree: the old folder after a swap, or a new one a killed run
    never swapped in. A file goes if it is ours (in either manifest) or the folder holds the
    same file at the same path; a file of the user's that the folder lacks (made while the
    run was going on) moves into the folder; anything else stays where it is."""
    ours = manifest_files(read(tree, MANIFEST, {})) | owned_files(out) | {MANIFEST}
    into = out.is_dir()
    entries = list(scan(tree))
    for path, info in entries:
        if stat.S_ISDIR(info.st_mode):
            os.chmod(tree / path, stat.S_IMODE(info.st_mode) | 0o700)
    # The tree's manifest goes last: a run killed halfway through this still knows, next
    # time, which of the files left are ours.
    entries.sort(key=lambda entry: entry[0] == MANIFEST)
    for path, info in entries:
        if stat.S_ISDIR(info.st_mode):
            continue
        source, target = tree / path, out / path
        if path in ours or same_entry(source, target):
            source.unlink()
        elif into and not os.path.lexists(target):
            try:
                target.parent.mkdir(parents=True, exist_ok=True)
                os.rename(source, target)
            except OSError:
                pass  # something else is in the way: the file stays where it is
        pause()
    for path, info in sorted(entries, key=lambda entry: entry[0], reverse=True):
        if stat.S_ISDIR(info.st_mode):
            try:
                (tree / path).rmdir()
            except OSError:
                pass  # still holds something of the user's
    try:
        os.chmod(tree, 0o700)
        tree.rmdir()
    except OSError:
        pass
