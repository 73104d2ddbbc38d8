"""Errors and warnings: how problems are told apart, and how a warning is printed."""

from __future__ import annotations

from pathlib import Path

from generator.cli import format_problem
from generator.problems import Problem, split_severity, warning


def test_a_warning_is_not_an_error_unless_strict() -> None:
    err = Problem("/paths", "no operation matches x")
    warn = warning("/components/schemas/A/default", "the default does not match its schema; dropped it")
    assert warn.is_warning and not err.is_warning
    assert split_severity([err, warn]) == ([err], [warn])
    assert split_severity([warn]) == ([], [warn])
    assert split_severity([err, warn], strict=True) == ([err, warn], [])


def test_a_warning_line_says_so_after_the_pointer() -> None:
    warn = warning("/info", "a keyword where it is not allowed; ignored it", hint="remove it")
    line = format_problem(Path("api.yaml"), warn, None)
    assert line == "api.yaml:1:1: #/info: warning: a keyword where it is not allowed; ignored it (hint: remove it)"
    assert format_problem(Path("api.yaml"), Problem("/info", "bad"), None) == "api.yaml:1:1: #/info: bad"
