"""Where a `$ref` to a file leads, for the bundler (`--allow-file-refs`): only a relative
path to a file inside the spec's folder, also through symbolic links; never a URL, never an
absolute path. Nothing here reads a file's content."""

from __future__ import annotations

import os
import urllib.parse
from pathlib import Path
from typing import NamedTuple

from ..problems import Problem

_OUTSIDE = "only files in the spec's folder and below it are read"


class Located(NamedTuple):
    """A file a reference may read, and the JSON pointer after its `#`."""

    file: Path  # resolved; `base` itself for a reference with no path
    lexical: Path  # as written, made absolute: what messages show
    fragment: str


def locate(ref: str, base: Path, root: Path, spec_dir: Path, at: str) -> Located | Problem:
    """The file `ref` (written in `base`) names inside `root`, or the located refusal."""
    parts = urllib.parse.urlsplit(ref)
    if parts.scheme or parts.netloc:
        what = "URL" if parts.scheme in ("http", "https") else f"`{parts.scheme or '//'}` reference"
        return Problem(
            at,
            f"`$ref` {ref!r} refused: a {what} is never fetched, even with --allow-file-refs",
            hint="save the document next to the spec and refer to it by a relative path",
        )
    fragment = parts.fragment
    if fragment and not fragment.startswith("/"):
        return Problem(
            at,
            f"`$ref` {ref!r}: only JSON pointers (`#/...`) are supported after `#`",
            hint="refer to the definition by its path, e.g. #/components/schemas/Name",
        )
    if not parts.path:
        return Located(base, base, fragment)
    relative = urllib.parse.unquote(parts.path)
    if relative.startswith(("/", "\\")) or os.path.isabs(relative):
        return Problem(
            at,
            f"`$ref` {ref!r} refused: absolute paths are never read",
            hint="refer to files in the spec's folder by a relative path",
        )
    lexical = Path(os.path.normpath(base.parent / relative))
    if not inside(lexical, root):
        return Problem(
            at, f"`$ref` {ref!r} refused: it leads out of the spec's folder", hint=_OUTSIDE
        )
    shown = display(lexical, root, spec_dir)
    try:
        resolved = lexical.resolve(strict=True)
    except (OSError, RuntimeError):
        return Problem(at, f"`$ref` {ref!r}: there is no file {shown}")
    if not inside(resolved, root):
        return Problem(
            at,
            f"`$ref` {ref!r} refused: {shown} is a link that leads out of the spec's folder",
            hint=_OUTSIDE,
        )
    if not resolved.is_file():
        return Problem(at, f"`$ref` {ref!r}: {shown} is not a file")
    return Located(resolved, lexical, fragment)


def display(lexical: Path, root: Path, spec_dir: Path) -> Path:
    """A path inside the spec's folder as messages show it: below the spec's path as given."""
    return spec_dir / os.path.relpath(lexical, root)


def relative_name(lexical: Path, root: Path) -> str:
    """A path inside the spec's folder, relative to it, with `/`: what a warning names."""
    return Path(os.path.relpath(lexical, root)).as_posix()


def inside(path: Path, root: Path) -> bool:
    try:
        path.relative_to(root)
    except ValueError:
        return False
    return True
