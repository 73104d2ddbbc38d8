"""The review as Markdown, for a pull request or a wiki: one section per kind of thing."""

from __future__ import annotations

from ...emit.markdown import markdown_line
from ..wording import cell, code, value_text
from .phrases import constraints_text, counts
from .views import AliasView, EnumView, ModelView, OperationView, ParamView, Review


def to_markdown(review: Review) -> str:
    title = markdown_line(review.title)
    version = markdown_line(review.version)
    out = [f"# API review: {title} {version}".rstrip(), "", counts(review) + ".", ""]
    out += _findings(review)
    out.append("")
    out.append("## Operations")
    for op in review.operations:
        out += _operation(op)
    out += ["", "## Models"]
    for m in review.models:
        out += _model(m)
    if review.enums:
        out += ["", "## Enums"]
    for e in review.enums:
        out += _enum(e)
    if review.aliases:
        out += ["", "## Type aliases"]
    for a in review.aliases:
        out += _alias(a)
    if review.webhooks:
        out += ["", "## Webhooks", "", f"`webhooks.unwrap()` returns {code(review.webhook_union or '')}.", ""]
        out += ["| webhook | event type | payload | summary |", "|---|---|---|---|"]
    for w in review.webhooks:
        kind = cell(value_text(w.event_type)) if w.event_type is not None else ""
        out.append(f"| {cell(w.name)} | {kind} | {cell(w.payload)} | {markdown_line(w.summary)} |")
    return "\n".join(out) + "\n"


def _findings(review: Review) -> list[str]:
    out = ["## Findings", ""]
    if not review.findings:
        return out + ["None."]
    out += ["| kind | where | finding |", "|---|---|---|"]
    for item in review.findings:
        out.append(f"| {item.kind} | {cell('#' + item.pointer)} | {item.markdown} |")
    return out


def _auth(op: OperationView) -> str:
    """`bearer token` (an API whose every scheme is one), else the schemes that will do:
    `` `key` or `user` + `token` `` (`none` for the optional `{}`)."""
    if op.bearer_token:
        return "bearer token"
    if not op.auth:
        return "no authentication"
    return "auth " + " or ".join(" + ".join(code(n) for n in names) or "none" for names in op.requirements)


def _operation(op: OperationView) -> list[str]:
    out = ["", f"### {code(op.call)}", ""]
    facts = [code(f"{op.method} {op.path}"), f"operationId {code(op.operation_id)}"]
    if op.tags:
        facts.append("tags " + ", ".join(code(t) for t in op.tags))
    facts.append(_auth(op))
    if op.deprecated:
        facts.append("**deprecated**")
    out.append(" · ".join(facts))
    text = _summary_text(op.summary, op.description)
    if text:
        out += ["", text]
    if op.params:
        out += ["", "| argument | in | type | required | default | constraints | description |"]
        out.append("|---|---|---|---|---|---|---|")
        out += [_param_row(p) for p in op.params]
    out.append("")
    for r in op.responses:
        what = cell(r.type) if r.type else "nothing"
        out.append(f"- HTTP {r.status}: returns {what}" + _description(r.description))
    for r in op.errors:
        detail = f", `.detail`: {cell(r.type)}" if r.type else ", `.detail` not decoded"
        out.append(
            f"- HTTP {r.status}: raises {code(r.error_class or '')}{detail}"
            + _description(r.description)
        )
    if not op.errors:
        out.append("- no error response is documented")
    if op.pages:
        out.append(f"- every item, page by page ({op.page_style}): {code(op.pages)}")
    return out


def _param_row(p: ParamView) -> str:
    name = cell(p.name)
    if p.wire_name and p.wire_name != p.name:
        name += f" (wire {cell(p.wire_name)})"
    if p.deprecated:
        name += " (deprecated)"
    return (
        f"| {name} | {p.location} | {cell(p.type)} | {_yes(p.required)} | "
        f"{cell(p.default) if p.default is not None else ''} | "
        f"{markdown_line(constraints_text(p.constraints))} | "
        f"{markdown_line(p.description)} |"
    )


def _model(m: ModelView) -> list[str]:
    out = ["", f"### {code(m.name)}", ""]
    facts = [f"schema {code('#' + m.schema)}"]
    if m.title and m.title != m.name:
        facts.append(f"title {markdown_line(m.title)}")
    if m.tag:
        facts.append(f"tagged {code(m.tag)}")
    out.append(" · ".join(facts))
    if m.description:
        out += ["", markdown_line(m.description)]
    out += ["", "| field | type | required | nullable | default | constraints | description |"]
    out.append("|---|---|---|---|---|---|---|")
    for f in m.fields:
        name = cell(f.name)
        if f.wire_name != f.name:
            name += f" (wire {cell(f.wire_name)})"
        if f.deprecated:
            name += " (deprecated)"
        out.append(
            f"| {name} | {cell(f.type)} | {_yes(f.required)} | {_yes(f.nullable)} | "
            f"{cell(f.default) if f.default is not None else ''} | "
            f"{markdown_line(constraints_text(f.constraints))} | "
            f"{markdown_line(f.description)} |"
        )
    return out


def _enum(e: EnumView) -> list[str]:
    out = ["", f"### {code(e.name)} ({e.base})", ""]
    out.append(f"schema {code('#' + e.schema)} · values outside this list decode too")
    if e.description:
        out += ["", markdown_line(e.description)]
    out += ["", "| member | value | description |", "|---|---|---|"]
    for member in e.members:
        out.append(
            f"| {cell(member.name)} | {cell(value_text(member.value))} | "
            f"{markdown_line(member.description)} |"
        )
    return out


def _alias(a: AliasView) -> list[str]:
    out = ["", f"### {code(a.name)}", ""]
    how = "decoded by trying each variant" if a.untagged else "decoded natively"
    out.append(f"{code(a.type)} · schema {code('#' + a.schema)} · {how}")
    if a.description:
        out += ["", markdown_line(a.description)]
    return out


def _yes(flag: bool) -> str:
    return "yes" if flag else "no"


def _description(text: str | None) -> str:
    line = markdown_line(text)
    return f" ({line})" if line else ""


def _summary_text(summary: str | None, description: str | None) -> str:
    parts: list[str] = []
    if summary and summary.strip():
        parts.append(f"**{markdown_line(summary)}**")
    if description and description.strip() and description.strip() != (summary or "").strip():
        parts.append(markdown_line(description))
    return " — ".join(parts)
