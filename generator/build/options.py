"""What the caller asks of build: the package name and the subset of operations."""

from __future__ import annotations

import fnmatch
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class BuildOptions:
    package: str = "polar_oauth2"
    # Generate only these operations (globs over operationIds and Python paths such as
    # `oauth2:*` or `oauth2.clients.*`) and those with these tags; empty means all.
    include_operations: tuple[str, ...] = ()
    include_tags: tuple[str, ...] = ()


def selected(op: dict[str, Any], python_path: str, options: BuildOptions) -> bool:
    """Whether an operation is in the subset the options ask for."""
    if not options.include_operations and not options.include_tags:
        return True
    op_id = str(op.get("operationId") or "")
    if any(
        fnmatch.fnmatchcase(op_id, pattern) or fnmatch.fnmatchcase(python_path, pattern)
        for pattern in options.include_operations
    ):
        return True
    tags = {str(t) for t in op.get("tags") or []}
    return any(tag in tags for tag in options.include_tags)
