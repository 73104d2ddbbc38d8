"""A content-addressed cache on disk for results that are pure functions of their inputs
(a spec that validated, black's output for a text), so regenerating after a small change
redoes only what changed. Keys name every input, versions included, so a hit is always the
answer a fresh computation would give.

Where: $POLAR_CODEGEN_CACHE_DIR, else the OS's cache folder as platformdirs knows it
($XDG_CACHE_HOME/polar-codegen or ~/.cache/polar-codegen on Linux,
~/Library/Caches/polar-codegen on macOS, %LOCALAPPDATA%\\polar-codegen\\Cache on Windows).
POLAR_CODEGEN_CACHE_DIR=off turns it off. Any error reading or writing it is ignored: the
cache can only make a run faster, never make it fail.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path


def cache_dir() -> Path | None:
    configured = os.environ.get("POLAR_CODEGEN_CACHE_DIR")
    if configured is not None:
        return None if configured.strip().lower() in ("", "off", "0", "none") else Path(configured)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("polar-codegen", appauthor=False))


def key(*parts: str | bytes) -> str:
    digest = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "big"))
        digest.update(data)
    return digest.hexdigest()


def _path(kind: str, digest: str) -> Path | None:
    root = cache_dir()
    return None if root is None else root / kind / digest[:2] / digest


def get(kind: str, digest: str) -> str | None:
    path = _path(kind, digest)
    if path is None:
        return None
    try:
        return path.read_text("utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def put(kind: str, digest: str, text: str) -> None:
    path = _path(kind, digest)
    if path is None:
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        import tempfile

        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(tmp, path)
    except OSError:
        pass
