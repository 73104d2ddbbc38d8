"""Findings: what a reviewer of the API should look at, one module per family of finding.

Each family returns its findings in the order it meets them; they are listed by kind
(FINDING_KINDS), in that order within a kind.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ....ir import Api
from ..views import Finding
from .common import FINDING_KINDS, operation_pointer
from .operations import operation_findings
from .renamed import python_name_changed, renamed_findings
from .schemas import enum_findings, untitled_findings
from .untyped import untyped_findings
from .warnings import warning_findings

__all__ = ["FINDING_KINDS", "findings", "operation_pointer", "python_name_changed"]

_FAMILIES: tuple[Callable[[Api, Any], list[Finding]], ...] = (
    warning_findings,
    operation_findings,
    untitled_findings,
    enum_findings,
    untyped_findings,
    renamed_findings,
)


def findings(api: Api, spec: Any = None) -> list[Finding]:
    """Every finding about `api`; `spec` (the raw document) lets them see schema titles."""
    found = [f for family in _FAMILIES for f in family(api, spec)]
    return [f for kind in FINDING_KINDS for f in found if f.kind == kind]
