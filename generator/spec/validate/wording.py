"""How problems are worded: long messages shortened to one readable line, and how alike two
names are (for the "did you mean" hints of dangling references and mappings).
"""

from __future__ import annotations


def shorten(message: str, limit: int = 300) -> str:
    """`message` on one line, cut to `limit` characters."""
    message = " ".join(message.split())
    return message if len(message) <= limit else message[: limit - 3] + "..."


def similarity(a: str, b: str) -> float:
    """0 for the same words, 1 for nothing in common (a cheap hint for typos)."""
    import difflib

    b = b.rsplit("/", 1)[-1]
    return 1 - difflib.SequenceMatcher(None, a.lower(), b.lower()).ratio()
