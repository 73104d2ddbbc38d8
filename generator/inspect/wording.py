"""How review and diff word things: messages with code in them, Markdown code spans.

A message is written once as parts (text and code) and shown two ways: plain text with code
in backticks, or a Markdown table cell. Both commands word their output through this module.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from ..emit.markdown import markdown_line


class Code(str):
    """A part of a message that is code: backticks in text, a code span in Markdown."""


@dataclass(frozen=True)
class Message:
    """Text and Code parts: plain text with code in backticks, or a Markdown table cell."""

    parts: tuple[str, ...]

    @property
    def plain(self) -> str:
        return "".join(f"`{p}`" if isinstance(p, Code) else p for p in self.parts)

    @property
    def markdown(self) -> str:
        return "".join(cell(p) if isinstance(p, Code) else md_text(p) for p in self.parts)


def message(*parts: str) -> Message:
    return Message(parts)


def md_text(text: str) -> str:
    """Text for Markdown, on one line, with nothing that could start markup; the spaces at
    either end are kept so parts can be joined."""
    lead = " " if text[:1].isspace() else ""
    trail = " " if text[-1:].isspace() and text.strip() else ""
    return lead + markdown_line(text) + trail


def code(text: str) -> str:
    """A Markdown code span that holds any text on one line."""
    flat = " ".join(str(text).split())
    longest = run = 0
    for char in flat:
        run = run + 1 if char == "`" else 0
        longest = max(longest, run)
    fence = "`" * (longest + 1)
    pad = " " if flat.startswith("`") or flat.endswith("`") or not flat else ""
    return f"{fence}{pad}{flat}{pad}{fence}"


def cell(text: str) -> str:
    """A code span inside a table cell: pipes are escaped (GitHub unescapes them)."""
    return code(text).replace("|", "\\|")


def value_text(value: str | int) -> str:
    """An enum value as JSON, as it travels on the wire (`"red"`, `3`)."""
    return json.dumps(value, ensure_ascii=False)
