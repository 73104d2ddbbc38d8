"""Runs on one folder take turns: `generate` holds an exclusive `flock` on the folder's parent
directory (which, unlike the folder, stays put through the swap), `check` a shared one; both
give up with `LockTimeout` after a while. The lock dies with its process, so a killed run
never leaves a stale lock behind.
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
        import fcntl
    except ImportError:  # not a POSIX system: no lock to take
        yield
        return
    try:
        fd = os.open(out.parent, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | os.O_CLOEXEC)
    except OSError:
        yield  # no parent yet (check of a folder that does not exist), or not readable
        return
    try:
        mode = fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH
        try:
            _try_lock(fd, mode)
        except BlockingIOError:
            if on_wait is not None:
                on_wait(
                    f"polar-codegen: another run is writing to {out} (or to a folder beside it); "
                    f"waiting up to {timeout:g} s for it to finish..."
                )
            deadline = time.monotonic() + timeout
            while True:
                time.sleep(0.05)
                try:
                    _try_lock(fd, mode)
                    break
                except BlockingIOError:
                    if time.monotonic() >= deadline:
                        raise LockTimeout(
                            f"another polar-codegen run has been writing to {out} (or to a folder "
                            f"beside it) for more than {timeout:g} s; gave up waiting, nothing "
                            f"was {'written' if exclusive else 'checked'}. If no other run is "
                            "going on, look for a process holding a lock on "
                            f"{out.parent} (e.g. `fuser {out.parent}`)."
                        ) from None
        yield
    finally:
        os.close(fd)  # releases the lock


def _try_lock(fd: int, mode: int) -> None:
    import fcntl

    try:
        fcntl.flock(fd, mode | fcntl.LOCK_NB)
    except OSError as exc:
        if exc.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
            raise BlockingIOError(exc.errno, exc.strerror) from None
        # A file system without flock (some network mounts): go on without the lock.
