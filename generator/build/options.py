"""What the caller asks of build: the package name and the subset of operations (chosen by
spec/selection.py, the rule validate reads too)."""

from __future__ import annotations

from dataclasses import dataclass

from ..spec.selection import Selection


@dataclass(frozen=True)
class BuildOptions:
    package: str = "polar_oauth2"
    # Generate only these operations (globs over operationIds and Python paths such as
    # `oauth2:*` or `oauth2.clients.*`) and those with these tags; empty means all.
    include_operations: tuple[str, ...] = ()
    include_tags: tuple[str, ...] = ()

    @property
    def selection(self) -> Selection:
        return Selection(self.include_operations, self.include_tags)
