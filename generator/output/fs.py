"""Small file-system helpers that the swap, the journal and the readers of the folder share:
nothing here knows about manifests, journals or sibling trees."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path


def real(out_dir: Path) -> Path:
    """The folder's real path: a symlinked --out is updated where it points, and the
    link itself is left alone."""
    return Path(os.path.realpath(out_dir))


def write_new(path: Path, data: bytes) -> None:
    """A new file with exactly these bytes, on disk before this returns."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o644)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
        if hasattr(os, "fchmod"):
            os.fchmod(fd, 0o644)  # whatever the umask: generated files are ordinary source
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | os.O_CLOEXEC)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def scan(root: Path) -> Iterator[tuple[str, os.stat_result]]:
    """(relative path, lstat) of everything under root, each folder before what it holds;
    symlinks are entries, never followed."""
    stack = [""]
    while stack:
        rel = stack.pop()
        with os.scandir(root / rel if rel else root) as listing:
            entries = sorted(listing, key=lambda e: e.name)
        for entry in entries:
            path = f"{rel}/{entry.name}" if rel else entry.name
            info = entry.stat(follow_symlinks=False)
            yield path, info
            if stat.S_ISDIR(info.st_mode):
                stack.append(path)


def same_bytes(path: Path, data: bytes) -> bool:
    try:
        info = path.lstat()
        if not stat.S_ISREG(info.st_mode) or info.st_size != len(data):
            return False
        return path.read_bytes() == data
    except OSError:
        return False


def same_entry(a: Path, b: Path) -> bool:
    """b holds what a holds: the same inode, the same bytes, or a symlink to the same place."""
    try:
        sa, sb = a.lstat(), b.lstat()
    except OSError:
        return False
    if os.path.samestat(sa, sb):
        return True
    if stat.S_ISLNK(sa.st_mode) and stat.S_ISLNK(sb.st_mode):
        return os.readlink(a) == os.readlink(b)
    if stat.S_ISREG(sa.st_mode) and stat.S_ISREG(sb.st_mode) and sa.st_size == sb.st_size:
        return a.read_bytes() == b.read_bytes()
    return False


def prune_empty_dirs(folder: Path, root: Path) -> None:
    while folder != root and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent
