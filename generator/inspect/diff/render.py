"""A diff as text (a terminal), Markdown (a pull request comment) or JSON (tools)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from ..wording import cell, code
from .change import SEVERITIES, Change, counts

_TITLES = {"breaking": "Breaking", "warning": "Possibly breaking", "info": "Other changes"}


def _summary(changes: Sequence[Change]) -> str:
    n = counts(changes)
    return f"{n['breaking']} breaking, {n['warning']} warning(s), {n['info']} other change(s)"


def to_text(changes: Sequence[Change], old: str, new: str) -> str:
    out = [f"{old} -> {new}: {_summary(changes)}"]
    for severity in SEVERITIES:
        chosen = [c for c in changes if c.severity == severity]
        if not chosen:
            continue
        out += ["", f"{severity}:"]
        for c in chosen:
            out.append(f"  {c.message} [{c.kind}]")
    return "\n".join(out) + "\n"


def to_markdown(changes: Sequence[Change], old: str, new: str) -> str:
    out = [f"## API changes: {_summary(changes)}", "", f"{code(old)} → {code(new)}"]
    if not changes:
        out += ["", "No change to the HTTP contract or the generated Python API."]
    for severity in SEVERITIES:
        chosen = [c for c in changes if c.severity == severity]
        if not chosen:
            continue
        out += ["", f"### {_TITLES[severity]} ({len(chosen)})", ""]
        out += ["| Python API | HTTP contract | kind |", "|---|---|---|"]
        for c in chosen:
            out.append(f"| {c.python.markdown} | {c.http.markdown} | {cell(c.kind)} |")
    return "\n".join(out) + "\n"


def to_data(changes: Sequence[Change], old: str, new: str) -> dict[str, Any]:
    return {
        "old": old,
        "new": new,
        "counts": counts(changes),
        "changes": [
            {
                "severity": c.severity,
                "kind": c.kind,
                "where": c.where,
                "python": c.python.plain,
                "http": c.http.plain,
                "message": c.message,
            }
            for c in changes
        ],
    }


def to_json(changes: Sequence[Change], old: str, new: str) -> str:
    return json.dumps(to_data(changes, old, new), indent=2, ensure_ascii=False) + "\n"


def render_diff(changes: Sequence[Change], old: str, new: str, fmt: str) -> str:
    if fmt == "json":
        return to_json(changes, old, new)
    if fmt == "markdown":
        return to_markdown(changes, old, new)
    return to_text(changes, old, new)
