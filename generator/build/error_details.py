"""What each exception class's `detail` may hold, so that `except NotFoundError as e:`
gives `e.detail` a precise static type: the body types documented for the statuses the
class is raised for, over every operation, looked up as the runtime looks them up (the
exact status, then its `4XX` range, then `default`)."""

from __future__ import annotations

from collections.abc import Sequence

from ..ir import ANY, ErrorDetail, Operation, ResponseCase, TypeRef
from .responses import ERROR_CLASSES
from .typeops import make_union

# The class raised for any status from 500 on, when no class of its own is documented.
SERVER_ERROR = "InternalServerError"
SERVER_STATUSES = range(500, 600)


def error_details(
    operations: Sequence[Operation], classes: Sequence[tuple[int, str]] = ERROR_CLASSES
) -> tuple[ErrorDetail, ...]:
    tables = [{case.status: case for case in op.errors} for op in operations]
    details = [ErrorDetail(name, status, _detail(tables, (status,))) for status, name in classes]
    details.append(ErrorDetail(SERVER_ERROR, None, _detail(tables, SERVER_STATUSES)))
    return tuple(details)


def _detail(tables: list[dict[str, ResponseCase]], statuses: Sequence[int]) -> TypeRef | None:
    keys = [(str(status), f"{status // 100}XX") for status in statuses]  # once, not per operation
    found: list[TypeRef] = []
    for table in tables:
        for exact, group in keys:
            case = table.get(exact) or table.get(group) or table.get("default")
            if case is not None and case.kind == "json":
                found.append(case.type or ANY)
    return make_union(found) if found else None
