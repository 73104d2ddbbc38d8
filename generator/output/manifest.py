"""The manifest: the files polar-codegen wrote into the output folder, with their hashes, so
a later run removes the ones it no longer generates and never touches anything else in the
folder; and the stamp of the inputs (`stamp.py`) that the up-to-date check compares.

Only its text and its parsing live here: the manifest is a file anyone can edit, so what
is read from it is checked before it is trusted.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from .. import __version__
from .stamp import Inputs

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (mypy reads the name)
if TYPE_CHECKING:
    from typing import Any

MANIFEST = ".polar-codegen-manifest.json"


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def manifest_text(files: dict[str, str], inputs: Inputs | None = None) -> str:
    body: dict[str, Any] = {
        "generator": f"polar-codegen {__version__}",
        "files": {path: digest(text) for path, text in sorted(files.items())},
    }
    if inputs is not None:
        body["inputs"] = {"stamp": inputs.stamp, "sources": list(inputs.sources)}
    return json.dumps(body, indent=2, sort_keys=True) + "\n"


def parse_manifest(data: bytes | None) -> dict[str, Any]:
    try:
        body = json.loads(data or b"")
    except ValueError:
        return {}
    return body if isinstance(body, dict) else {}


def manifest_files(data: bytes | None) -> set[str]:
    """The paths a manifest says are ours; only those inside the folder (anyone can edit
    the manifest, and a path out of the folder would be overwritten or deleted)."""
    files = parse_manifest(data).get("files")
    return {p for p in files if safe_relative(p)} if isinstance(files, dict) else set()


def safe_relative(path: Any) -> bool:
    """A manifest path that stays inside the folder: the manifest is a file anyone can edit."""
    if not isinstance(path, str) or not path or "\0" in path or "\\" in path:
        return False
    parts = Path(path).parts
    return not Path(path).is_absolute() and ".." not in parts and "." not in path.split("/")
