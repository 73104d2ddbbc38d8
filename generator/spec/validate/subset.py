"""A subset stands alone (`--include-operations`, `--include-tags`): a defect outside what
the chosen operations reach (spec/reach.py) cannot break their client, so it is a warning.
What the loader refused (syntax, hostile YAML, refused files) stays an error."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import Any

from ...problems import WARNING, Problem
from ..reach import reach
from ..selection import Selection


def outside_selection(
    data: Any, problems: list[Problem], selection: Selection, loader: Sequence[Problem] = ()
) -> list[Problem]:
    """`problems`, with the errors outside what `selection` reaches turned into warnings;
    `loader`'s problems are left as they are."""
    if selection.everything or all(p.is_warning for p in problems):
        return problems
    reached = reach(data, selection)
    kept = set(loader)
    return [
        p if p.is_warning or p in kept or p.file is not None or reached.reaches(p.pointer) else _ignored(p)
        for p in problems
    ]


def _ignored(problem: Problem) -> Problem:
    return dataclasses.replace(
        problem, message=problem.message + "; outside the chosen operations, ignored", severity=WARNING
    )
