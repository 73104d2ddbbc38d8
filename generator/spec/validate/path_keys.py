"""Path keys a request can be sent to as written: braces that open and close in pairs around
a name, no query (`?`) in the key, and no `.` or `..` segment, which clients and servers
resolve away so that the call would reach another endpoint. A `#fragment` is never sent by
any HTTP client; specs use it to give one path several operations, so it is a warning and
the fragment is left out of the request (`walk.request_path`)."""

from __future__ import annotations

from typing import Any

from ...problems import Problem, join_pointer, warning
from ..walk import request_path


def path_keys(data: dict[str, Any]) -> list[Problem]:
    paths = data.get("paths")
    if not isinstance(paths, dict):
        return []
    problems: list[Problem] = []
    for key in paths:
        if isinstance(key, str) and key.startswith("/"):
            problems += _key_problems(key, join_pointer("/paths", key))
    return problems


def _key_problems(key: str, pointer: str) -> list[Problem]:
    path, _, fragment = key.partition("#")
    problems: list[Problem] = []
    brace = brace_problem(path)
    if brace is not None:
        problems.append(Problem(pointer, brace, hint="write each path parameter as `{name}`"))
    if "?" in path:
        problems.append(
            Problem(
                pointer,
                "a path key cannot hold a query (`?`)",
                hint="declare the query as parameters with `in: query`",
            )
        )
    if any(segment in (".", "..") for segment in path.split("/")):
        problems.append(
            Problem(
                pointer,
                "a path key cannot hold a `.` or `..` segment: it is resolved away before the "
                "request reaches the server, so the call would go to another path",
            )
        )
    if fragment and not problems:
        problems.append(
            warning(pointer, f"a fragment (`#{fragment}`) is never sent; requests go to {request_path(key)}")
        )
    return problems


def brace_problem(path: str) -> str | None:
    open_at: int | None = None
    for i, char in enumerate(path):
        if char == "{":
            if open_at is not None:
                return "a `{` opens inside another path parameter"
            open_at = i
        elif char == "}":
            if open_at is None:
                return "a `}` closes no path parameter"
            if i == open_at + 1:
                return "a path parameter `{}` has no name"
            open_at = None
    if open_at is not None:
        return "a `{` is never closed"
    return None
