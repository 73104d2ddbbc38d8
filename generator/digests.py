"""Digests of what a result depends on besides the spec's meaning: the bytes a document was
made from, a folder's files, the versions of the libraries that shape the output. Light (no
third-party import), so the up-to-date check and every cache key can use it."""

from __future__ import annotations

import hashlib
import os
import re
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

# Libraries whose version can change what is generated, or whether generation succeeds.
DISTRIBUTIONS = (
    "black", "jinja2", "openapi-spec-validator", "openapi-schema-validator", "openapi-spec-validator-rs", "pyyaml",
)  # fmt: skip
_DIST_INFO = re.compile(r"(?P<name>[A-Za-z0-9_.]+?)-(?P<version>[^-]+?)\.dist-info\Z")


def fingerprint(raw: bytes, sources: Iterable[tuple[str, bytes]]) -> bytes:
    """Every byte a document was made from, with the names of the files it came from."""
    parts = [raw]
    for name, data in sources:
        parts += [b"\0file\0", name.encode("utf-8", "surrogateescape"), b"\0", data]
    return b"".join(parts)


def digest_files(folder: Path, names: Sequence[str]) -> str:
    """One hash of these files' names and bytes (line endings as git checks them out on
    any machine); a file that cannot be read counts by its name alone."""
    digest = hashlib.sha256()
    root = os.fspath(folder) + os.sep
    for name in names:
        try:
            # Unbuffered, read whole: the up-to-date check reads two hundred small files.
            with open(root + name, "rb", buffering=0) as handle:
                data = handle.readall()
        except OSError:
            data = b"\0unreadable"
        if b"\r" in data:
            data = data.replace(b"\r\n", b"\n")
        digest.update(name.encode("utf-8", "surrogateescape") + b"\0" + hashlib.sha256(data).digest())
    return digest.hexdigest()


def files_under(folder: Path, suffix: str = "", skip: Iterable[str] = ()) -> list[str]:
    """The files below `folder` whose names end in `suffix`, as sorted relative POSIX
    paths; folders named in `skip`, and Python's byte-code caches, are not entered.
    Symbolic links to folders are not followed (as os.walk does not); os.scandir, since
    the up-to-date check lists hundreds of files and pathlib costs more than reading them."""
    skipped = {"__pycache__", *skip}
    found: list[str] = []

    def visit(top: str, prefix: str) -> None:
        try:
            with os.scandir(top) as entries:
                listed = list(entries)
        except OSError:
            return
        for entry in listed:
            try:
                is_dir = entry.is_dir()
            except OSError:
                continue
            if not is_dir:
                if entry.name.endswith(suffix):
                    found.append(prefix + entry.name)
            elif entry.name not in skipped and not entry.is_symlink():
                visit(entry.path, prefix + entry.name + "/")

    visit(os.fspath(folder), "")
    return sorted(found)


def library_versions() -> dict[str, str]:
    """Versions from the `*.dist-info` folders on sys.path: the same answer as
    importlib.metadata, in a millisecond rather than tens of them."""
    wanted = {_normal(name): name for name in DISTRIBUTIONS}
    found: dict[str, str] = {}
    for entry in sys.path:
        try:
            names = os.listdir(entry or ".")
        except OSError:
            continue
        for name in names:
            if not name.endswith(".dist-info"):
                continue
            match = _DIST_INFO.match(name)
            if match is None:
                continue
            key = _normal(match["name"])
            if key in wanted and wanted[key] not in found:
                found[wanted[key]] = match["version"]
        if len(found) == len(wanted):
            break
    if len(found) < len(wanted):
        from importlib.metadata import PackageNotFoundError, version

        for name in DISTRIBUTIONS:
            if name not in found:
                try:
                    found[name] = version(name)
                except PackageNotFoundError:
                    found[name] = "absent"
    return dict(sorted(found.items()))


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()
