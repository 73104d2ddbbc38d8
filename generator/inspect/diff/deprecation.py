"""Changes in whether an operation, parameter or field is deprecated (by the flag, or by
its description saying so)."""

from __future__ import annotations

from ..wording import Message, message
from .change import Change


def mentions_deprecation(text: str | None) -> bool:
    return "deprecat" in (text or "").lower()


def deprecation_changes(
    what: str,
    where: str,
    old: tuple[bool, str | None],
    new: tuple[bool, str | None],
    python: Message,
    http: Message,
) -> list[Change]:
    """`old` and `new` are (deprecated flag, description)."""
    was = old[0] or mentions_deprecation(old[1])
    now = new[0] or mentions_deprecation(new[1])
    if now and not was:
        how = " marked deprecated" if new[0] else ": its description now says it is deprecated"
        return [
            Change(
                "warning",
                f"{what}-deprecated",
                where,
                message(*python.parts, " is deprecated"),
                message(*http.parts, how),
            )
        ]
    if was and not now:
        return [
            Change(
                "info",
                f"{what}-undeprecated",
                where,
                message(*python.parts, " is no longer deprecated"),
                message(*http.parts, " no longer deprecated"),
            )
        ]
    return []
