"""Reading OLD and NEW: a spec file, or a spec at a git revision given as `REV:PATH`."""

from __future__ import annotations

import subprocess
from pathlib import Path

from ...build import BuildOptions
from ...ir import Api
from ...limits import DEFAULT_MAX_BYTES
from ...problems import InputError, Problem
from ...spec.load import Document, load, parse
from ..analyse import analyse


def read_spec(
    source: str, *, max_bytes: int = DEFAULT_MAX_BYTES, cwd: Path | None = None
) -> Document:
    """A spec from a file, or from git as `REV:PATH` (read with `git show`, relative to the
    repository root unless PATH starts with `./`). Raises InputError."""
    base = cwd or Path.cwd()
    path = Path(source)
    if (base / path).exists() or ":" not in source:
        return load(base / path if not path.is_absolute() else path, max_bytes=max_bytes)
    return parse(Path(source), _git_show(source, base, max_bytes))


def _git_show(source: str, base: Path, max_bytes: int) -> bytes:
    try:
        done = subprocess.run(
            ["git", "show", source],
            cwd=base,
            capture_output=True,
            check=False,
            timeout=60,
        )
    except (OSError, subprocess.SubprocessError) as exc:
        raise InputError([Problem("", f"cannot run git to read {source}: {exc}")]) from None
    if done.returncode != 0:
        reason = (
            " ".join(done.stderr.decode("utf-8", "replace").split()) or f"exit {done.returncode}"
        )
        raise InputError(
            [
                Problem(
                    "",
                    f"cannot read {source} from git: {reason}",
                    hint="give a file, or REV:PATH with PATH from the repository root",
                )
            ]
        )
    if len(done.stdout) > max_bytes:
        raise InputError(
            [
                Problem(
                    "",
                    f"the spec is {len(done.stdout):,} bytes, over the limit of {max_bytes:,}",
                    hint="raise the limit with --max-spec-bytes if this file is trusted",
                )
            ]
        )
    return done.stdout


def load_side(
    source: str,
    options: BuildOptions,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    cwd: Path | None = None,
) -> Api:
    """OLD or NEW of `polar-codegen diff`, loaded, validated and built."""
    document = read_spec(source, max_bytes=max_bytes, cwd=cwd)
    return analyse(document, options)
