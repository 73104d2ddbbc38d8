"""Spec text inside Markdown (the generated README, review reports): escaped, one line."""

from __future__ import annotations

import re
from typing import Any


def markdown_line(text: Any) -> str:
    """Spec text for a Markdown line: one line, with no way to open code, HTML or links."""
    if not text:
        return ""
    flat = " ".join(str(text).split())
    return re.sub(r"([\\`*_<>\[\]|#])", r"\\\1", flat)
