"""One hash of everything a generation's output depends on, so that an unchanged output
folder is confirmed from its manifest in milliseconds: no spec parsing, and none of the
validator, Jinja or black imported.

The inputs: the spec's bytes (and those of the files it pulled in with
`--allow-file-refs`), every template file, the generator's own source, the versions of the
libraries that shape the output, and the options. A run whose stamp matches the manifest's,
over files whose hashes match the manifest's, would write exactly those files again.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from . import __version__

# Libraries whose version can change what is generated, or whether generation succeeds.
DISTRIBUTIONS = ("black", "jinja2", "openapi-spec-validator", "openapi-schema-validator", "pyyaml")
_DIST_INFO = re.compile(r"(?P<name>[A-Za-z0-9_.]+?)-(?P<version>[^-]+?)\.dist-info\Z")


@dataclass(frozen=True)
class Inputs:
    """The stamp of a run, and the files beside the spec that it read (relative to the
    spec's folder): a later run reads the same files to compute its own stamp."""

    stamp: str
    sources: tuple[str, ...] = ()


@dataclass(frozen=True)
class Settings:
    """The options that reach the output."""

    package: str
    templates: tuple[Path, ...] = ()
    include_operations: tuple[str, ...] = ()
    include_tags: tuple[str, ...] = ()
    allow_file_refs: bool = False
    max_bytes: int = 0


def fingerprint(raw: bytes, sources: Iterable[tuple[str, bytes]]) -> bytes:
    """Every byte a document was made from, with the names of the files it came from."""
    parts = [raw]
    for name, data in sources:
        parts += [b"\0file\0", name.encode("utf-8", "surrogateescape"), b"\0", data]
    return b"".join(parts)


def relative_sources(spec: Path, sources: Sequence[tuple[str, bytes]]) -> list[tuple[str, bytes]]:
    """The loader names pulled-in files as it shows them to the user; the manifest names
    them relative to the spec's folder, so a run from another working folder agrees."""
    folder = os.path.dirname(str(spec)) or "."
    return [(Path(os.path.relpath(name, folder)).as_posix(), data) for name, data in sources]


def compute(spec_bytes: bytes, sources: Sequence[tuple[str, bytes]], settings: Settings) -> Inputs:
    digest = hashlib.sha256()
    for part in _parts(settings):
        digest.update(part)
    digest.update(b"\0spec\0")
    digest.update(hashlib.sha256(fingerprint(spec_bytes, sources)).digest())
    return Inputs(digest.hexdigest(), tuple(name for name, _ in sources))


def current(spec: Path, sources: Sequence[str], settings: Settings) -> Inputs | None:
    """The stamp a run on `spec` would have, reading the files a previous run pulled in;
    None when any of them cannot be read (the full run will say why)."""
    folder = spec.parent
    try:
        spec_bytes = spec.read_bytes()
        read = [(name, (folder / name).read_bytes()) for name in sources]
    except OSError:
        return None
    return compute(spec_bytes, read, settings)


def _parts(settings: Settings) -> Iterable[bytes]:
    meta = {
        "generator": __version__,
        "libraries": library_versions(),
        "package": settings.package,
        "include_operations": list(settings.include_operations),
        "include_tags": list(settings.include_tags),
        "allow_file_refs": settings.allow_file_refs,
        "max_bytes": settings.max_bytes,
    }
    yield json.dumps(meta, sort_keys=True).encode("utf-8")
    here = Path(__file__).resolve().parent
    yield digest_files(here, sorted(p.name for p in here.glob("*.py"))).encode()
    from .render import builtin_templates  # light: render imports Jinja only when rendering

    for i, folder in enumerate([*settings.templates, builtin_templates()]):
        files = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())
        yield b"templates %d:" % i + digest_files(folder, files).encode()


def digest_files(folder: Path, names: Sequence[str]) -> str:
    """One hash of these files' names and bytes (line endings as git checks them out on
    any machine); a file that cannot be read counts by its name alone."""
    digest = hashlib.sha256()
    for name in names:
        try:
            data = (folder / name).read_bytes().replace(b"\r\n", b"\n")
        except OSError:
            data = b"\0unreadable"
        digest.update(name.encode("utf-8", "surrogateescape") + b"\0" + hashlib.sha256(data).digest())
    return digest.hexdigest()


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
