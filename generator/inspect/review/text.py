"""The review as plain text, for a terminal."""

from __future__ import annotations

from ..wording import value_text
from .phrases import constraints_text, counts
from .views import ModelView, OperationView, Review


def to_text(review: Review) -> str:
    out: list[str] = [
        f"{_plain(review.title)} {_plain(review.version)}".strip(),
        counts(review),
        "",
        "Findings:",
    ]
    for item in review.findings:
        out.append(f"  [{item.kind}] {item.message}")
    if not review.findings:
        out.append("  none")
    out += ["", "Operations:"]
    for op in review.operations:
        out += _operation(op)
    out += ["", "Models:"]
    for m in review.models:
        out += _model(m)
    if review.enums:
        out += ["", "Enums:"]
    for e in review.enums:
        values = ", ".join(f"{m.name}={value_text(m.value)}" for m in e.members)
        out += ["", f"  {e.name} ({e.base}, {'#' + e.schema})", f"    {values}"]
    if review.aliases:
        out += ["", "Type aliases:"]
    for a in review.aliases:
        out.append(f"  {a.name} = {a.type}")
    if review.webhooks:
        out += ["", f"Webhooks (webhooks.unwrap() -> {review.webhook_union}):"]
    for w in review.webhooks:
        kind = f" ({value_text(w.event_type)})" if w.event_type is not None else ""
        out.append(f"  {_plain(w.name)}{kind}: {w.payload}")
    return "\n".join(out) + "\n"


def _plain(text: str | None) -> str:
    return " ".join(str(text or "").split())


def _operation(op: OperationView) -> list[str]:
    flags = " (deprecated)" if op.deprecated else ""
    out = ["", f"  {op.method} {op.path}  [{op.operation_id}]{flags}", f"    {op.call}"]
    summary = _plain(" — ".join(x for x in (op.summary, op.description) if x))
    if summary:
        out.append(f"    {summary}")
    for p in op.params:
        bits = [p.location, "required" if p.required else f"default {p.default}"]
        if p.constraints:
            bits.append(constraints_text(p.constraints))
        out.append(f"    {p.name}: {p.type}  ({'; '.join(bits)})")
    for r in op.responses:
        out.append(f"    -> HTTP {r.status}: {r.type or 'nothing'}")
    for r in op.errors:
        detail = f" (.detail: {r.type})" if r.type else ""
        out.append(f"    !! HTTP {r.status}: raises {r.error_class}{detail}")
    if op.pages:
        out.append(f"    pages ({op.page_style}): {op.pages}")
    return out


def _model(m: ModelView) -> list[str]:
    out = ["", f"  {m.name}  ({'#' + m.schema})"]
    for f in m.fields:
        bits = ["required" if f.required else f"default {f.default}"]
        if f.nullable:
            bits.append("nullable")
        if f.wire_name != f.name:
            bits.append(f"wire {f.wire_name!r}")
        if f.constraints:
            bits.append(constraints_text(f.constraints))
        if f.deprecated:
            bits.append("deprecated")
        out.append(f"    {f.name}: {f.type}  ({'; '.join(bits)})")
    return out
