"""Linux's `renameat2` through ctypes, the one call that swaps two directories atomically;
where it or its flags are missing, `Unsupported` sends the write to the journal instead."""

from __future__ import annotations

import errno
import os
from pathlib import Path

AT_FDCWD = -100
RENAME_NOREPLACE = 1
RENAME_EXCHANGE = 2


class Unsupported(Exception):
    """The directory swap cannot be done here; the journal does the job instead."""


def renameat2(src: Path, dst: Path, flags: int) -> None:
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        function = libc.renameat2
    except (ImportError, OSError, AttributeError):
        raise Unsupported("renameat2 is not available") from None
    function.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    function.restype = ctypes.c_int
    if function(AT_FDCWD, os.fsencode(src), AT_FDCWD, os.fsencode(dst), flags) != 0:
        code = ctypes.get_errno()
        if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV):
            raise Unsupported(os.strerror(code))
        raise OSError(code, os.strerror(code), str(src), None, str(dst))
