"""Runs on one folder take turns: `generate` holds an exclusive lock, `check` a shared one;
both give up with `LockTimeout` after a while. The lock dies with its process, so a killed
run never leaves a stale lock behind.

On POSIX the lock is an `flock` on the folder's parent directory (which, unlike the folder,
stays put through the swap): readers share it, and no file is made for it. Where there is
no `fcntl` (Windows), `filelock` locks a file beside the folder,
`.<name>.polar-codegen.lock` (which filelock removes there when the run ends); that lock is exclusive for
readers too, so two `check`s there take turns as well.
"""

from __future__ import annotations

import errno
import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

DEFAULT_LOCK_TIMEOUT = 60.0

OnWait = Callable[[str], None]


class LockTimeout(Exception):
    """Another polar-codegen run kept the output folder busy for longer than we would wait."""


@contextmanager
def locked(out: Path, *, exclusive: bool, timeout: float, on_wait: OnWait | None) -> Iterator[None]:
    try:
        import fcntl  # noqa: F401 - only whether it exists
    except ImportError:
        with file_locked(out, exclusive=exclusive, timeout=timeout, on_wait=on_wait):
            yield
        return
    try:
        fd = os.open(out.parent, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | os.O_CLOEXEC)
    except OSError:
        yield  # no parent yet (check of a folder that does not exist), or not readable
        return
    try:
        holder = f"{out.parent} (e.g. `fuser {out.parent}`)"
        _wait(lambda: _try_flock(fd, exclusive), out, exclusive, timeout, on_wait, holder)
        yield
    finally:
        os.close(fd)  # releases the lock


def lock_file(out: Path) -> Path:
    return out.parent / f".{out.name}.polar-codegen.lock"


@contextmanager
def file_locked(out: Path, *, exclusive: bool, timeout: float, on_wait: OnWait | None) -> Iterator[None]:
    """The lock where `flock` is missing: `filelock` on a file beside the folder (exclusive
    whatever `exclusive` says: Windows' file locks have no shared mode)."""
    if not out.parent.is_dir():
        yield  # no parent yet: nothing to lock, and nothing another run could be writing
        return
    from filelock import FileLock, Timeout

    path = lock_file(out)
    lock = FileLock(path, is_singleton=False)

    def attempt() -> bool:
        try:
            lock.acquire(blocking=False)
        except Timeout:
            return False
        return True

    _wait(attempt, out, exclusive, timeout, on_wait, str(path))
    try:
        yield
    finally:
        lock.release()


def _wait(
    attempt: Callable[[], bool],
    out: Path,
    exclusive: bool,
    timeout: float,
    on_wait: OnWait | None,
    holder: str,
) -> None:
    """Take the lock with `attempt`, saying once that we wait, for up to `timeout` seconds."""
    if attempt():
        return
    if on_wait is not None:
        on_wait(
            f"polar-codegen: another run is writing to {out} (or to a folder beside it); "
            f"waiting up to {timeout:g} s for it to finish..."
        )
    deadline = time.monotonic() + timeout
    while True:
        time.sleep(0.05)
        if attempt():
            return
        if time.monotonic() >= deadline:
            raise LockTimeout(
                f"another polar-codegen run has been writing to {out} (or to a folder "
                f"beside it) for more than {timeout:g} s; gave up waiting, nothing "
                f"was {'written' if exclusive else 'checked'}. If no other run is "
                f"going on, look for a process holding a lock on {holder}."
            ) from None


def _try_flock(fd: int, exclusive: bool) -> bool:
    import fcntl

    mode = fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH
    try:
        fcntl.flock(fd, mode | fcntl.LOCK_NB)
    except OSError as exc:
        if exc.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
            return False
        # A file system without flock (some network mounts): go on without the lock.
    return True
