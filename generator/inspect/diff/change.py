"""The change model: one change a client user sees, worded for Python and for HTTP."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..wording import Message

SEVERITIES = ("breaking", "warning", "info")


@dataclass(frozen=True)
class Change:
    severity: str
    kind: str
    # Where in the HTTP contract: `GET /v1/items` or a schema.
    where: str
    python: Message
    http: Message

    @property
    def message(self) -> str:
        return f"{self.python.plain} ({self.http.plain})"


def severity_rank(severity: str) -> int:
    """0 for breaking, then warning, then info."""
    return SEVERITIES.index(severity)


def breaking_first(changes: Iterable[Change]) -> list[Change]:
    """The changes by severity, in their order within a severity."""
    return sorted(changes, key=lambda c: severity_rank(c.severity))


def counts(changes: Sequence[Change]) -> dict[str, int]:
    return {s: sum(1 for c in changes if c.severity == s) for s in SEVERITIES}


def failed(changes: Sequence[Change], fail_on: str | None) -> bool:
    """Whether `--fail-on` is hit: `breaking`, or `warning` (which also counts breaking)."""
    if fail_on is None:
        return False
    levels = SEVERITIES[: SEVERITIES.index(fail_on) + 1]
    return any(c.severity in levels for c in changes)
