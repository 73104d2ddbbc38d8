"""Failures of the machine rather than of the spec or of polar-codegen: a full disk, a
read-only or unwritable folder, `--out` under a regular file. They are the user's to fix, so
they are said in one plain line (exit 2), never as an internal error; the write is all or
nothing, so the folder is as it was."""

from __future__ import annotations

import errno
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

# What the operating system says when the environment, not our code, is in the way.
_PLAIN = {
    errno.ENOSPC: "no space left on the device",
    errno.EDQUOT: "the disk quota is exceeded",
    errno.EROFS: "the file system is read-only",
    errno.EACCES: "permission denied",
    errno.EPERM: "the operation is not permitted",
    errno.ENOTDIR: "a part of the path is a file, not a folder",
    errno.EEXIST: "a part of the path is a file, not a folder",
    errno.ENOENT: "a part of the path does not exist and cannot be made",
    errno.ENAMETOOLONG: "the path is too long",
    errno.ELOOP: "the path has too many symbolic links",
    errno.EIO: "an input/output error of the device",
    errno.EFBIG: "a file is too large for the file system",
    errno.EMFILE: "too many open files",
    errno.ENFILE: "too many open files on the system",
    errno.EMLINK: "too many links",
    errno.EBUSY: "the device or file is busy",
    errno.ETXTBSY: "a file is busy",
    errno.EXDEV: "the path crosses file systems",
}


class OutputEnvironmentError(Exception):
    """The output folder could not be read or written for a reason of the machine's."""


def describe(exc: OSError, out: Path, doing: str) -> str:
    reason = _PLAIN.get(exc.errno or 0) or (exc.strerror or type(exc).__name__).lower()
    where = f" ({exc.filename})" if exc.filename and str(exc.filename) != str(out) else ""
    return f"cannot {doing} {out}: {reason}{where}"


def is_environmental(exc: OSError) -> bool:
    return exc.errno in _PLAIN


@contextmanager
def environment_errors(out: Path, doing: str, *, untouched: bool) -> Iterator[None]:
    """Turn the machine's refusals inside the block into OutputEnvironmentError; `untouched`
    says whether the caller leaves the folder as it was when that happens."""
    try:
        yield
    except OSError as exc:
        if not is_environmental(exc):
            raise
        after = "; nothing was changed" if untouched else ""
        raise OutputEnvironmentError(describe(exc, out, doing) + after) from None
