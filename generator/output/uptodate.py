"""The up-to-date check: whether the manifest's stamp and hashes vouch for the folder, so
`check` and `generate` can answer without the full run. It must stay light: nothing it
imports may load the spec loader, Jinja, black or the validator (`tests/test_uptodate.py`)."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from pathlib import Path

from .fs import real
from .journal import JOURNAL
from .lock import LockTimeout, locked
from .manifest import MANIFEST, parse_manifest, safe_relative
from .siblings import siblings
from .stamp import Inputs
from .view import read


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
    if os.path.lexists(out / JOURNAL) or siblings(out):
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
