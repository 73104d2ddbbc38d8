"""Put generated files on disk, or compare them with what is there.

The output folder keeps a manifest of the files polar-codegen wrote, so a later run removes
the ones it no longer generates and never touches anything else in the folder.

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
  write-ahead journal inside the folder (`.polar-codegen-journal/`) is committed first and
  then applied. A run killed while applying it leaves the rest to the next run, which rolls
  it forward before anything else; `check` and `conflicts` already see the folder as the
  journal will leave it, without writing.
- Leftovers of a killed run (a sibling tree, an uncommitted journal) are cleaned up by the
  next `generate`: nothing of the user's is deleted, only our files and hard links to files
  that are still in the folder.

Runs on one folder take turns under a lock on its parent folder (`lock.py`).
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
import string
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..problems import InputError, Problem
from .fs import fsync_dir, prune_empty_dirs, real, same_bytes, same_entry, scan, write_new
from .journal import JOURNAL, journal_write, pending, remove_journal, roll_forward
from .lock import DEFAULT_LOCK_TIMEOUT, LockTimeout, OnWait, locked
from .manifest import MANIFEST, digest, manifest_files, manifest_text, parse_manifest, safe_relative
from .renameat2 import RENAME_EXCHANGE, RENAME_NOREPLACE, Unsupported, renameat2
from .stamp import Inputs
from .view import owned_files, read

__all__ = [
    "DEFAULT_LOCK_TIMEOUT",
    "JOURNAL",
    "MANIFEST",
    "MAX_MIRRORED_ENTRIES",
    "Drift",
    "LockTimeout",
    "check",
    "conflicts",
    "digest",
    "manifest_text",
    "owned_files",
    "recover",
    "up_to_date",
    "write",
]

# Beyond this many entries of the user's, the folder is updated file by file through the
# journal rather than hard-linked whole into a new tree and swapped.
MAX_MIRRORED_ENTRIES = 5000
_SIBLING = ".polar-codegen-"
_TOKEN_CHARS = string.ascii_lowercase + string.digits
_TOKEN = re.compile(r"[a-z0-9]{8}\Z")
# Test hooks, never set in production: a pause at every step of a write (to kill a run in
# the middle of one), and the journal instead of the directory swap.
_DELAY_ENV = "POLAR_CODEGEN_TEST_WRITE_DELAY"
_JOURNAL_ENV = "POLAR_CODEGEN_TEST_FORCE_JOURNAL"

@dataclass(frozen=True)
class Drift:
    """One file that differs from what generation would produce, as a unified diff."""

    path: str
    diff: str


def up_to_date(out_dir: Path, stamp_for: Callable[[tuple[str, ...]], Inputs | None]) -> bool:
    """True when the folder holds exactly what a run with these inputs would write: the
    manifest's stamp is the one `stamp_for` computes (given the files beside the spec that
    the last run read) and every file is the one the manifest records. False means "do the
    full run": it never says the folder is stale, only that this shortcut cannot vouch
    for it. A folder a killed run left unfinished, or one another run is writing to right
    now, is never vouched for: the full run waits its turn and says so."""
    out = real(out_dir)
    if not out.is_dir():
        return False
    try:
        with locked(out, exclusive=False, timeout=0, on_wait=None):
            return _vouch(out, stamp_for)
    except LockTimeout:
        return False


def _vouch(out: Path, stamp_for: Callable[[tuple[str, ...]], Inputs | None]) -> bool:
    if os.path.lexists(out / JOURNAL) or _siblings(out):
        return False
    body = parse_manifest(read(out, MANIFEST, {}))
    recorded, files = body.get("inputs"), body.get("files")
    if not isinstance(recorded, dict) or not isinstance(files, dict) or not files:
        return False
    sources = recorded.get("sources")
    if not isinstance(sources, list) or not all(isinstance(s, str) for s in sources):
        return False
    inputs = stamp_for(tuple(sources))
    if inputs is None or inputs.stamp != recorded.get("stamp"):
        return False
    for path, expected in files.items():
        if not isinstance(expected, str) or not safe_relative(path):
            return False
        data = read(out, path, {})
        if data is None or hashlib.sha256(data).hexdigest() != expected:
            return False
    return True


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
    Never writes; waits for a `generate` running on the same folder to finish.

    The manifest counts as up to date when it lists the same files with the same hashes:
    a stamp of other inputs (a template edit that changed no output) is not drift."""
    expected = dict(files)
    expected[MANIFEST] = manifest_text(files, inputs)
    drift: list[Drift] = []
    out = real(out_dir)
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


# -- the test hook, and leftover siblings -------------------------------------------------------


def _pauser() -> Callable[[], None]:
    delay = os.environ.get(_DELAY_ENV)
    if not delay:
        return lambda: None
    seconds = float(delay)
    return lambda: time.sleep(seconds)


def _siblings(out: Path) -> list[Path]:
    """Trees a killed run left beside the folder."""
    prefix = f".{out.name}{_SIBLING}"
    try:
        names = os.listdir(out.parent)
    except OSError:
        return []
    return sorted(
        out.parent / n
        for n in names
        if n.startswith(prefix) and _TOKEN.match(n[len(prefix) :])
        and (out.parent / n).is_dir() and not (out.parent / n).is_symlink()
    )


# -- writing -----------------------------------------------------------------------------------


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
    the folder busy for longer than `lock_timeout` seconds."""
    out = real(out_dir)
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
    journal = out / JOURNAL
    if journal.is_dir() and not journal.is_symlink():
        if (journal / "plan.json").is_file():
            roll_forward(out, lambda: None)
        else:
            remove_journal(journal)
    for leftover in _siblings(out):
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


def _new_sibling(out: Path) -> Path:
    import secrets

    for _ in range(100):
        token = "".join(secrets.choice(_TOKEN_CHARS) for _ in range(8))
        path = out.parent / f".{out.name}{_SIBLING}{token}"
        try:
            os.mkdir(path, 0o700)  # private while it is being built
            return path
        except FileExistsError:
            continue
        except OSError as exc:  # no write access beside the folder, a name too long...
            raise Unsupported(str(exc)) from None
    raise Unsupported("no free name for a sibling folder")


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
    stage = _new_sibling(out)
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
