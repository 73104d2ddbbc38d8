"""The review in the format asked for on the command line."""

from __future__ import annotations

from .data import to_json
from .markdown import to_markdown
from .text import to_text
from .views import Review


def render_review(review: Review, fmt: str) -> str:
    if fmt == "json":
        return to_json(review)
    if fmt == "text":
        return to_text(review)
    return to_markdown(review)
