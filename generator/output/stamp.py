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
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from .. import __version__
from ..digests import digest_files, files_under, fingerprint, library_versions


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
    # Changes no output, only whether warnings fail the run; part of the stamp all the
    # same, so a folder generated without --strict is never vouched for by a strict
    # `check` (the spec may have warnings that check must report as errors).
    strict: bool = False


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
        "strict": settings.strict,
    }
    yield json.dumps(meta, sort_keys=True).encode("utf-8")
    here = Path(__file__).resolve().parent.parent
    # The wheel's compiled templates are the templates' (digested below) under this Jinja.
    sources = files_under(here, ".py", skip=("_compiled_templates", "_templates"))
    yield digest_files(here, sources).encode()
    from ..emit.render import builtin_templates  # light: render imports Jinja only when rendering

    for i, folder in enumerate([*settings.templates, builtin_templates()]):
        yield b"templates %d:" % i + digest_files(folder, files_under(folder)).encode()
