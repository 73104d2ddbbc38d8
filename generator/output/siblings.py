"""The hidden sibling folders beside the output folder, `.<name>.polar-codegen-XXXXXXXX`, in
which a write builds the new tree before swapping it in: making a fresh one, and finding
the ones a killed run left behind (the next `generate` takes them apart, and the
up-to-date check never vouches for a folder that has them)."""

from __future__ import annotations

import os
import re
from pathlib import Path

from .renameat2 import Unsupported

SIBLING = ".polar-codegen-"
_TOKEN_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789"
_TOKEN = re.compile(r"[a-z0-9]{8}\Z")


def new_sibling(out: Path) -> Path:
    import secrets

    for _ in range(100):
        token = "".join(secrets.choice(_TOKEN_CHARS) for _ in range(8))
        path = out.parent / f".{out.name}{SIBLING}{token}"
        try:
            os.mkdir(path, 0o700)  # private while it is being built
            return path
        except FileExistsError:
            continue
        except OSError as exc:  # no write access beside the folder, a name too long...
            raise Unsupported(str(exc)) from None
    raise Unsupported("no free name for a sibling folder")


def siblings(out: Path) -> list[Path]:
    """Trees a killed run left beside the folder."""
    prefix = f".{out.name}{SIBLING}"
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
