"""Which operations a run generates (`--include-operations`, `--include-tags`): one rule,
read by build (what it generates) and by validate (what a defect must be in to block the
subset)."""

from __future__ import annotations

import fnmatch
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from ..naming.placement import operation_places
from .walk import OperationSite, operations


@dataclass(frozen=True)
class Selection:
    # Globs over operationIds and Python paths such as `oauth2:*` or `oauth2.clients.*`, and
    # tags; both empty means every operation.
    operations: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()

    @property
    def everything(self) -> bool:
        return not self.operations and not self.tags

    def wanted(self) -> list[str]:
        """What was asked for, as a message lists it."""
        return [*self.operations, *(f"tag {t}" for t in self.tags)]


# No --include-operations, no --include-tags.
EVERYTHING = Selection()


def selected(op: dict[str, Any], python_path: str, selection: Selection) -> bool:
    """Whether an operation (at `python_path` on the client) is in the selection."""
    if selection.everything:
        return True
    op_id = str(op.get("operationId") or "")
    if any(
        fnmatch.fnmatchcase(op_id, pattern) or fnmatch.fnmatchcase(python_path, pattern)
        for pattern in selection.operations
    ):
        return True
    tags = op.get("tags")
    names = {str(t) for t in tags} if isinstance(tags, list) else set()
    return any(tag in names for tag in selection.tags)


def selected_operations(data: Any, selection: Selection) -> Iterator[tuple[OperationSite, tuple[str, ...], str]]:
    """The operations of the document in the selection, in document order, each with where
    operation_places puts it (namespace, method), judged on the whole document."""
    sites = list(operations(data))
    places = operation_places([(site.node, site.method, site.path) for site in sites])
    for site, (namespace, name) in zip(sites, places):
        if selected(site.node, ".".join(namespace + (name,)), selection):
            yield site, namespace, name
