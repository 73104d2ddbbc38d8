"""The spec's warnings as findings: each recoverable defect, where it is and what the
generator did about it (the client was generated that way)."""

from __future__ import annotations

from typing import Any

from ....ir import Api
from ...wording import Code, message
from ..views import Finding


def warning_findings(api: Api, spec: Any = None) -> list[Finding]:
    """In plain text the message names its pointer; a Markdown row has it in its own cell."""
    out: list[Finding] = []
    for w in api.warnings:
        plain = message(Code("#" + w.pointer), ": " + w.message).plain
        out.append(Finding("spec-warning", w.pointer, w.pointer, plain, message(w.message).markdown))
    return out
