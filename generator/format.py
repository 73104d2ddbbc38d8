"""Format rendered Python with black's API, so templates can stay simple."""

from __future__ import annotations

import black
from black.mode import Mode, TargetVersion
from black.parsing import InvalidInput

# The style the golden files are written in; the major version is pinned in pyproject.toml.
MODE = Mode(target_versions={TargetVersion.PY310}, line_length=88)


class FormatError(Exception):
    """A template produced Python that does not parse: a generator bug, not bad input."""


def format_files(files: dict[str, str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for path, text in files.items():
        if path.endswith(".py"):
            try:
                text = black.format_str(text, mode=MODE)
            except InvalidInput as exc:
                raise FormatError(f"{path}: generated code does not parse: {exc}") from exc
        out[path] = text
    return out
