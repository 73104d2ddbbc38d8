"""Format rendered Python with black's API, so templates can stay simple."""

from __future__ import annotations

from collections.abc import Callable
from importlib.metadata import version

import black
from black.mode import Mode, TargetVersion
from black.parsing import InvalidInput

from . import cache

# The style the golden files are written in; the major version is pinned in pyproject.toml.
MODE = Mode(target_versions={TargetVersion.PY310}, line_length=88)
BLACK_VERSION = version("black")


class FormatError(Exception):
    """A template produced Python that does not parse: a generator bug, not bad input."""


def format_files(
    files: dict[str, str], progress: Callable[[int, int], None] | None = None
) -> dict[str, str]:
    """Every Python file through black; the others as they are. Results are cached by
    content, so after a change only the files it touched are formatted again."""
    out: dict[str, str] = {}
    python = [path for path in files if path.endswith(".py")]
    for path, text in files.items():
        if path.endswith(".py"):
            text = format_python(path, text)
            if progress is not None:
                progress(python.index(path) + 1, len(python))
        out[path] = text
    return out


def format_python(path: str, text: str) -> str:
    digest = cache.key("black", BLACK_VERSION, repr(MODE), text)
    cached = cache.get("black", digest)
    if cached is not None:
        return cached
    try:
        formatted = black.format_str(text, mode=MODE)
    except InvalidInput as exc:
        raise FormatError(f"{path}: generated code does not parse: {exc}") from exc
    cache.put("black", digest, formatted)
    return formatted
