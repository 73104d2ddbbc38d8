"""The API as the generated client exposes it, for a reviewer who never opens the spec.

IR -> a review model (operations, models, enums, aliases, findings) -> Markdown, text or
JSON. Works from the IR alone (the raw spec only for schema titles the IR does not keep);
nothing is rendered, formatted or written.
"""

from __future__ import annotations

import ast
import io
import itertools
import json
import keyword
import tokenize
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .. import naming
from ..build import BuildOptions, build
from ..emit.markdown import markdown_line
from ..ir import walk
from ..ir import ANY, Api, EnumType, Field, Model, Operation, Param, TypeRef
from ..limits import DEFAULT_MAX_BYTES
from ..problems import InputError, join_pointer, resolve_pointer, split_pointer
from ..spec.load import Document, load
from ..spec.validate import validate_cached

# Findings, in the order they are listed.
FINDING_KINDS = (
    "undocumented-operation",
    "undocumented-errors",
    "untitled-inline-schema",
    "enum-without-descriptions",
    "untyped",
    "renamed",
)


# -- loading ---------------------------------------------------------------------------------


def analyse(document: Document, options: BuildOptions, *, check: bool = True) -> Api:
    """Validate and build a loaded spec; raise InputError (carrying the document) when bad.
    `check=False` skips validation, for data known to be valid (tests build many variants)."""
    problems = validate_cached(document, remember=False) if check else []
    if problems:
        raise InputError(problems, document)
    try:
        return build(document.data, options)
    except InputError as exc:
        raise InputError(exc.problems, document) from None


def load_api(
    spec: Path, options: BuildOptions, max_bytes: int = DEFAULT_MAX_BYTES
) -> tuple[Document, Api]:
    document = load(spec, max_bytes=max_bytes)
    return document, analyse(document, options)


# -- Python source for display -----------------------------------------------------------------


def display(source: str) -> str:
    """Generated source as a reader of the client sees it: `models.X` -> `X`, `builtins.str`
    -> `str` (only real names are touched, never text inside string literals)."""
    if "models." not in source and "builtins." not in source:
        return source
    drop: list[tuple[int, int]] = []
    try:
        tokens = list(tokenize.generate_tokens(io.StringIO(source).readline))
    except (tokenize.TokenError, SyntaxError):
        return source
    for first, second in itertools.pairwise(tokens):
        if (
            first.type == tokenize.NAME
            and first.string in ("models", "builtins")
            and second.type == tokenize.OP
            and second.string == "."
            and first.start[0] == 1
            and second.end == (1, first.end[1] + 1)
        ):
            drop.append((first.start[1], second.end[1]))
    out = source
    for start, end in reversed(drop):
        out = out[:start] + out[end:]
    return out


def field_default(f: Field) -> str | None:
    """The default of an optional field as Python source (`None`, `UNSET`, `10`, `[]`), or
    None for a required field."""
    if f.required or f.default_source is None:
        return None
    source = f.default_source
    try:
        node = ast.parse(source, mode="eval").body
    except SyntaxError:
        return display(source)
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "field"
        and isinstance(node.func.value, ast.Name)
        and node.func.value.id == "msgspec"
    ):
        for kw in node.keywords:
            segment = ast.get_source_segment(source, kw.value) or ""
            if kw.arg == "default":
                return _plain_default(segment)
            if kw.arg == "default_factory":
                return _factory_default(segment)
        return "UNSET" if f.type.is_nullable else "None"
    if source.startswith("lambda") or source in ("list", "dict"):
        return _factory_default(source)
    return _plain_default(source)


def _plain_default(source: str) -> str:
    return "UNSET" if source == "msgspec.UNSET" else display(source)


def _factory_default(source: str) -> str:
    if source == "list":
        return "[]"
    if source == "dict":
        return "{}"
    return display(source.removeprefix("lambda:").strip())


def declared_type(f: Field) -> str:
    """The field's annotation in models.py, as a reader sees it."""
    return display(f.annotation)


def python_name_changed(wire: str, name: str, *, snake: bool = True) -> bool:
    """Whether a wire name had to change to become a Python identifier (beyond the plain
    snake_case or PascalCase spelling of a name that already was one)."""
    if name == wire:
        return False
    if not wire.isidentifier() or keyword.iskeyword(wire) or not wire.isascii():
        return True
    expected = naming.snake_case(wire) if snake else naming.pascal_case(wire)
    return name != expected


class Code(str):
    """A part of a message that is code: backticks in text, a code span in Markdown."""


@dataclass(frozen=True)
class Message:
    """Text and Code parts: plain text with code in backticks, or a Markdown table cell."""

    parts: tuple[str, ...]

    @property
    def plain(self) -> str:
        return "".join(f"`{p}`" if isinstance(p, Code) else p for p in self.parts)

    @property
    def markdown(self) -> str:
        return "".join(cell(p) if isinstance(p, Code) else md_text(p) for p in self.parts)


def message(*parts: str) -> Message:
    return Message(parts)


def md_text(text: str) -> str:
    """Text for Markdown, on one line, with nothing that could start markup; the spaces at
    either end are kept so parts can be joined."""
    lead = " " if text[:1].isspace() else ""
    trail = " " if text[-1:].isspace() and text.strip() else ""
    return lead + markdown_line(text) + trail


# -- the review model --------------------------------------------------------------------------


@dataclass(frozen=True)
class ParamView:
    name: str
    wire_name: str
    location: str
    type: str
    required: bool
    default: str | None
    constraints: tuple[tuple[str, str], ...]
    description: str | None
    deprecated: bool


@dataclass(frozen=True)
class ResponseView:
    status: str
    type: str | None
    description: str | None
    error_class: str | None


@dataclass(frozen=True)
class OperationView:
    operation_id: str
    method: str
    path: str
    python: str
    call: str
    summary: str | None
    description: str | None
    deprecated: bool
    tags: tuple[str, ...]
    auth: bool
    params: tuple[ParamView, ...]
    returns: str
    responses: tuple[ResponseView, ...]
    errors: tuple[ResponseView, ...]
    # `client.x.iter(...) -> Iterator[Item]`, when the operation is paginated.
    pages: str | None


@dataclass(frozen=True)
class FieldView:
    name: str
    wire_name: str
    type: str
    required: bool
    nullable: bool
    default: str | None
    constraints: tuple[tuple[str, str], ...]
    description: str | None
    deprecated: bool


@dataclass(frozen=True)
class ModelView:
    name: str
    schema: str
    title: str | None
    description: str | None
    tag: str | None
    fields: tuple[FieldView, ...]


@dataclass(frozen=True)
class MemberView:
    name: str
    value: str | int
    description: str | None


@dataclass(frozen=True)
class EnumView:
    name: str
    schema: str
    base: str
    description: str | None
    members: tuple[MemberView, ...]


@dataclass(frozen=True)
class AliasView:
    name: str
    schema: str
    type: str
    untagged: bool
    description: str | None


@dataclass(frozen=True)
class Finding:
    kind: str
    # The Python name concerned (`oauth2.clients.list`, `OAuth2Client.client_id`).
    subject: str
    # Where in the spec, as a JSON pointer.
    pointer: str
    # Plain text with `code` in backticks, and the same as a Markdown table cell.
    message: str
    markdown: str


@dataclass(frozen=True)
class Review:
    title: str
    version: str
    operations: tuple[OperationView, ...]
    models: tuple[ModelView, ...]
    enums: tuple[EnumView, ...]
    aliases: tuple[AliasView, ...]
    findings: tuple[Finding, ...]


def make_review(api: Api, spec: Any = None) -> Review:
    """The review of an API; `spec` (the raw document) lets findings see schema titles."""
    return Review(
        title=api.title,
        version=api.version,
        operations=tuple(_operation(op) for op in api.operations),
        models=tuple(_model(m) for m in api.models),
        enums=tuple(
            EnumView(
                name=e.name,
                schema=e.pointer,
                base=e.base,
                description=e.description,
                members=tuple(MemberView(m.name, m.value, m.description) for m in e.members),
            )
            for e in api.enums
        ),
        aliases=tuple(
            AliasView(a.name, a.pointer, display(a.annotation), a.untagged, a.description)
            for a in api.aliases
        ),
        findings=tuple(findings(api, spec)),
    )


def param_view(p: Param) -> ParamView:
    return ParamView(
        name=p.name,
        wire_name=p.wire_name,
        location=p.location,
        type=display(p.annotation),
        required=p.required,
        default=None if p.required or p.default_source is None else display(p.default_source),
        constraints=p.constraints,
        description=p.description,
        deprecated=p.deprecated,
    )


def call_text(op: Operation) -> str:
    """`client.oauth2.clients.list(*, page: int = 1) -> ListResourceOAuth2Client`"""
    return (
        f"client.{op.python_path}{display(op.signature_display)} -> {display(op.return_annotation)}"
    )


def _operation(op: Operation) -> OperationView:
    params = [param_view(p) for p in op.positional + op.keyword]
    if op.body is not None:
        params.append(
            ParamView(
                name=op.body.name,
                wire_name="",
                location="body",
                type=display(op.body.annotation),
                required=op.body.required,
                default=None if op.body.required else op.body.default_source,
                constraints=(("content-type", op.body.content_type),),
                description=op.body.description,
                deprecated=False,
            )
        )
    pages = None
    if op.pagination is not None:
        pg = op.pagination
        item = display(pg.item_annotation)
        path = ".".join(op.namespace + (pg.name,))
        pages = f"client.{path}{display(pg.signature_display)} -> Iterator[{item}]"
    return OperationView(
        operation_id=op.operation_id,
        method=op.method,
        path=op.path,
        python=op.python_path,
        call=call_text(op),
        summary=op.summary,
        description=op.description,
        deprecated=op.deprecated,
        tags=op.tags,
        auth=op.auth,
        params=tuple(params),
        returns=display(op.return_annotation),
        responses=tuple(
            ResponseView(
                r.status, display(r.annotation) if r.annotation else None, r.description, None
            )
            for r in op.success
        ),
        errors=tuple(
            ResponseView(
                r.status,
                display(r.annotation) if r.annotation else None,
                r.description,
                r.error_class,
            )
            for r in op.errors
        ),
        pages=pages,
    )


def _model(m: Model) -> ModelView:
    return ModelView(
        name=m.name,
        schema=m.pointer,
        title=m.title,
        description=m.description,
        tag=f"{m.tag.wire_name} = {m.tag.value_source}" if m.tag else None,
        fields=tuple(
            FieldView(
                name=f.name,
                wire_name=f.wire_name,
                type=declared_type(f),
                required=f.required,
                nullable=f.type.is_nullable,
                default=field_default(f),
                constraints=f.constraints,
                description=f.description,
                deprecated=f.deprecated,
            )
            for f in m.fields
        ),
    )


# -- findings --------------------------------------------------------------------------------


def operation_pointer(op: Operation) -> str:
    return join_pointer("/paths", op.path, op.method.lower())


def _is_component(pointer: str) -> bool:
    tokens = split_pointer(pointer)
    return len(tokens) == 3 and tokens[:2] == ["components", "schemas"]


def _untyped(t: TypeRef) -> bool:
    return any(node == ANY for node in walk(t))


def findings(api: Api, spec: Any = None) -> list[Finding]:
    found: dict[str, list[Finding]] = {kind: [] for kind in FINDING_KINDS}

    def add(kind: str, subject: str, pointer: str, text: Message) -> None:
        found[kind].append(Finding(kind, subject, pointer, text.plain, text.markdown))

    for op in api.operations:
        call = Code(f"client.{op.python_path}()")
        where: tuple[str, ...] = (Code(f"{op.method} {op.path}"), " (", call, ")")
        pointer = operation_pointer(op)
        if not (op.description or "").strip():
            summary = " ".join((op.summary or "").split())
            tail = ("; its summary is ", Code(summary)) if summary else (" or summary",)
            add(
                "undocumented-operation",
                op.python_path,
                pointer,
                message(*where, " has no description", *tail),
            )
        if not op.errors:
            add(
                "undocumented-errors",
                op.python_path,
                join_pointer(pointer, "responses"),
                message(
                    *where,
                    " documents no error response: errors are raised by status (",
                    Code("APIStatusError"),
                    " and its subclasses) with an undecoded ",
                    Code(".detail"),
                ),
            )
        for r in op.errors:
            if r.type is None:
                add(
                    "undocumented-errors",
                    op.python_path,
                    join_pointer(pointer, "responses", r.status),
                    message(
                        *where,
                        f": HTTP {r.status} (",
                        Code(r.error_class),
                        ") has no JSON schema, so its ",
                        Code(".detail"),
                        " is not decoded",
                    ),
                )
        for p in op.positional + op.keyword:
            if _untyped(p.type):
                add(
                    "untyped",
                    f"{op.python_path}({p.name})",
                    join_pointer(pointer, "parameters"),
                    message(
                        "argument ",
                        Code(p.name),
                        " of ",
                        call,
                        " is untyped: ",
                        Code(display(p.annotation)),
                    ),
                )
            if python_name_changed(p.wire_name, p.name):
                add(
                    "renamed",
                    f"{op.python_path}({p.name})",
                    join_pointer(pointer, "parameters"),
                    message(
                        f"{p.location} parameter ",
                        Code(p.wire_name),
                        " is the argument ",
                        Code(p.name),
                        " of ",
                        call,
                    ),
                )
        if op.body is not None and _untyped(op.body.type):
            add(
                "untyped",
                f"{op.python_path}(body)",
                join_pointer(pointer, "requestBody"),
                message(
                    "the request body of ",
                    call,
                    " is untyped: ",
                    Code(display(op.body.annotation)),
                ),
            )
        for r in op.success:
            if r.type is not None and _untyped(r.type):
                add(
                    "untyped",
                    op.python_path,
                    join_pointer(pointer, "responses", r.status),
                    message(
                        f"HTTP {r.status} of ",
                        call,
                        " is untyped: ",
                        Code(display(r.annotation or "")),
                    ),
                )
        clashed = [part for part in op.namespace + (op.name,) if part.endswith("_")]
        if clashed:
            add(
                "renamed",
                op.python_path,
                pointer,
                message(
                    call,
                    ": ",
                    Code(", ".join(clashed)),
                    " took a trailing ",
                    Code("_"),
                    " (a Python keyword, or a name the client already uses)",
                ),
            )
    named: list[tuple[str, str, str | None]] = []
    for m in api.models:
        named.append((m.name, m.pointer, m.title))
    for e in api.enums:
        named.append((e.name, e.pointer, _title(spec, e.pointer)))
    for a in api.aliases:
        named.append((a.name, a.pointer, _title(spec, a.pointer)))
    for name, pointer, title in sorted(named):
        if not _is_component(pointer) and not (title or "").strip():
            add(
                "untitled-inline-schema",
                name,
                pointer,
                message(
                    "inline schema ",
                    Code("#" + pointer),
                    " has no title; its class ",
                    Code(name),
                    " is named after where it stands (a title documents it; "
                    "a component schema gives it a stable name)",
                ),
            )
    for e in api.enums:
        text = _enum_finding(e)
        if text is not None:
            add("enum-without-descriptions", e.name, e.pointer, text)
    for m in api.models:
        for f in m.fields:
            if _untyped(f.type):
                add(
                    "untyped",
                    f"{m.name}.{f.name}",
                    join_pointer(m.pointer, "properties", f.wire_name),
                    message(
                        "field ",
                        Code(f"{m.name}.{f.name}"),
                        " is untyped: ",
                        Code(declared_type(f)),
                    ),
                )
    for a in api.aliases:
        if _untyped(a.type):
            add(
                "untyped",
                a.name,
                a.pointer,
                message("type ", Code(a.name), " is untyped: ", Code(display(a.annotation))),
            )
    for m in api.models:
        tokens = split_pointer(m.pointer)
        if _is_component(m.pointer) and python_name_changed(tokens[2], m.name, snake=False):
            add(
                "renamed",
                m.name,
                m.pointer,
                message("schema ", Code(tokens[2]), " is the class ", Code(m.name)),
            )
        for f in m.fields:
            if python_name_changed(f.wire_name, f.name):
                add(
                    "renamed",
                    f"{m.name}.{f.name}",
                    join_pointer(m.pointer, "properties", f.wire_name),
                    message(
                        "property ",
                        Code(f.wire_name),
                        " of ",
                        Code(m.name),
                        " is the field ",
                        Code(f.name),
                    ),
                )
    for e in api.enums:
        tokens = split_pointer(e.pointer)
        if _is_component(e.pointer) and python_name_changed(tokens[2], e.name, snake=False):
            add(
                "renamed",
                e.name,
                e.pointer,
                message("schema ", Code(tokens[2]), " is the enum ", Code(e.name)),
            )
        for member in e.members:
            if member.name != naming.upper_snake(str(member.value)):
                add(
                    "renamed",
                    f"{e.name}.{member.name}",
                    e.pointer,
                    message(
                        "enum value ",
                        Code(json.dumps(member.value, ensure_ascii=False)),
                        " of ",
                        Code(e.name),
                        " is the member ",
                        Code(member.name),
                    ),
                )
    return [f for kind in FINDING_KINDS for f in found[kind]]


def _enum_finding(e: EnumType) -> Message | None:
    described = sum(1 for m in e.members if (m.description or "").strip())
    count = len(e.members)
    parts: list[str] = []
    if not (e.description or "").strip():
        parts.append("has no description")
    if described == 0:
        parts.append(
            f"describes none of its {count} values" if count > 1 else "leaves its value undescribed"
        )
    elif described < count:
        parts.append(f"leaves {count - described} of its {count} values undescribed")
    if not parts:
        return None
    note = " (x-enum-descriptions)" if described < count else ""
    return message("enum ", Code(e.name), " " + " and ".join(parts) + note)


def _title(spec: Any, pointer: str) -> str | None:
    node = resolve_pointer(spec, pointer)[1]
    if isinstance(node, dict) and isinstance(node.get("title"), str):
        return str(node["title"])
    return None


# -- output ----------------------------------------------------------------------------------


def code(text: str) -> str:
    """A Markdown code span that holds any text on one line."""
    flat = " ".join(str(text).split())
    longest = run = 0
    for char in flat:
        run = run + 1 if char == "`" else 0
        longest = max(longest, run)
    fence = "`" * (longest + 1)
    pad = " " if flat.startswith("`") or flat.endswith("`") or not flat else ""
    return f"{fence}{pad}{flat}{pad}{fence}"


def cell(text: str) -> str:
    """A code span inside a table cell: pipes are escaped (GitHub unescapes them)."""
    return code(text).replace("|", "\\|")


def _constraints_text(constraints: tuple[tuple[str, str], ...]) -> str:
    return ", ".join(f"{k} {v}" for k, v in constraints)


def _counts(review: Review) -> str:
    return (
        f"{len(review.operations)} operation(s), {len(review.models)} model(s), "
        f"{len(review.enums)} enum(s), {len(review.aliases)} alias(es); "
        f"{len(review.findings)} finding(s)"
    )


def _yes(flag: bool) -> str:
    return "yes" if flag else "no"


def to_markdown(review: Review) -> str:
    out: list[str] = []
    title = markdown_line(review.title)
    version = markdown_line(review.version)
    out.append(f"# API review: {title} {version}".rstrip())
    out.append("")
    out.append(_counts(review) + ".")
    out.append("")
    out.append("## Findings")
    out.append("")
    if review.findings:
        out.append("| kind | where | finding |")
        out.append("|---|---|---|")
        for item in review.findings:
            out.append(f"| {item.kind} | {cell('#' + item.pointer)} | {item.markdown} |")
    else:
        out.append("None.")
    out.append("")
    out.append("## Operations")
    for op in review.operations:
        out += ["", f"### {code(op.call)}", ""]
        facts = [code(f"{op.method} {op.path}"), f"operationId {code(op.operation_id)}"]
        if op.tags:
            facts.append("tags " + ", ".join(code(t) for t in op.tags))
        facts.append("bearer token" if op.auth else "no authentication")
        if op.deprecated:
            facts.append("**deprecated**")
        out.append(" · ".join(facts))
        text = _summary_text(op.summary, op.description)
        if text:
            out += ["", text]
        if op.params:
            out += ["", "| argument | in | type | required | default | constraints | description |"]
            out.append("|---|---|---|---|---|---|---|")
            for p in op.params:
                name = cell(p.name)
                if p.wire_name and p.wire_name != p.name:
                    name += f" (wire {cell(p.wire_name)})"
                if p.deprecated:
                    name += " (deprecated)"
                out.append(
                    f"| {name} | {p.location} | {cell(p.type)} | {_yes(p.required)} | "
                    f"{cell(p.default) if p.default is not None else ''} | "
                    f"{markdown_line(_constraints_text(p.constraints))} | "
                    f"{markdown_line(p.description)} |"
                )
        out.append("")
        for r in op.responses:
            what = cell(r.type) if r.type else "nothing"
            out.append(f"- HTTP {r.status}: returns {what}" + _md_description(r.description))
        for r in op.errors:
            detail = f", `.detail`: {cell(r.type)}" if r.type else ", `.detail` not decoded"
            out.append(
                f"- HTTP {r.status}: raises {code(r.error_class or '')}{detail}"
                + _md_description(r.description)
            )
        if not op.errors:
            out.append("- no error response is documented")
        if op.pages:
            out.append(f"- every item, page by page: {code(op.pages)}")
    out += ["", "## Models"]
    for m in review.models:
        out += ["", f"### {code(m.name)}", ""]
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
                f"{markdown_line(_constraints_text(f.constraints))} | "
                f"{markdown_line(f.description)} |"
            )
    if review.enums:
        out += ["", "## Enums"]
    for e in review.enums:
        out += ["", f"### {code(e.name)} ({e.base})", ""]
        out.append(f"schema {code('#' + e.schema)} · values outside this list decode too")
        if e.description:
            out += ["", markdown_line(e.description)]
        out += ["", "| member | value | description |", "|---|---|---|"]
        for member in e.members:
            out.append(
                f"| {cell(member.name)} | {cell(json.dumps(member.value, ensure_ascii=False))} | "
                f"{markdown_line(member.description)} |"
            )
    if review.aliases:
        out += ["", "## Type aliases"]
    for a in review.aliases:
        out += ["", f"### {code(a.name)}", ""]
        how = "decoded by trying each variant" if a.untagged else "decoded natively"
        out.append(f"{code(a.type)} · schema {code('#' + a.schema)} · {how}")
        if a.description:
            out += ["", markdown_line(a.description)]
    return "\n".join(out) + "\n"


def _md_description(text: str | None) -> str:
    line = markdown_line(text)
    return f" ({line})" if line else ""


def _summary_text(summary: str | None, description: str | None) -> str:
    parts: list[str] = []
    if summary and summary.strip():
        parts.append(f"**{markdown_line(summary)}**")
    if description and description.strip() and description.strip() != (summary or "").strip():
        parts.append(markdown_line(description))
    return " — ".join(parts)


def _plain(text: str | None) -> str:
    return " ".join(str(text or "").split())


def to_text(review: Review) -> str:
    out: list[str] = [
        f"{_plain(review.title)} {_plain(review.version)}".strip(),
        _counts(review),
        "",
        "Findings:",
    ]
    for item in review.findings:
        out.append(f"  [{item.kind}] {item.message}")
    if not review.findings:
        out.append("  none")
    out += ["", "Operations:"]
    for op in review.operations:
        flags = " (deprecated)" if op.deprecated else ""
        out += ["", f"  {op.method} {op.path}  [{op.operation_id}]{flags}", f"    {op.call}"]
        summary = _plain(" — ".join(x for x in (op.summary, op.description) if x))
        if summary:
            out.append(f"    {summary}")
        for p in op.params:
            bits = [p.location, "required" if p.required else f"default {p.default}"]
            if p.constraints:
                bits.append(_constraints_text(p.constraints))
            out.append(f"    {p.name}: {p.type}  ({'; '.join(bits)})")
        for r in op.responses:
            out.append(f"    -> HTTP {r.status}: {r.type or 'nothing'}")
        for r in op.errors:
            detail = f" (.detail: {r.type})" if r.type else ""
            out.append(f"    !! HTTP {r.status}: raises {r.error_class}{detail}")
        if op.pages:
            out.append(f"    pages: {op.pages}")
    out += ["", "Models:"]
    for m in review.models:
        out += ["", f"  {m.name}  ({'#' + m.schema})"]
        for f in m.fields:
            bits = ["required" if f.required else f"default {f.default}"]
            if f.nullable:
                bits.append("nullable")
            if f.wire_name != f.name:
                bits.append(f"wire {f.wire_name!r}")
            if f.constraints:
                bits.append(_constraints_text(f.constraints))
            if f.deprecated:
                bits.append("deprecated")
            out.append(f"    {f.name}: {f.type}  ({'; '.join(bits)})")
    if review.enums:
        out += ["", "Enums:"]
    for e in review.enums:
        values = ", ".join(f"{m.name}={json.dumps(m.value, ensure_ascii=False)}" for m in e.members)
        out += ["", f"  {e.name} ({e.base}, {'#' + e.schema})", f"    {values}"]
    if review.aliases:
        out += ["", "Type aliases:"]
    for a in review.aliases:
        out.append(f"  {a.name} = {a.type}")
    return "\n".join(out) + "\n"


def to_data(review: Review) -> dict[str, Any]:
    def param(p: ParamView) -> dict[str, Any]:
        return {
            "name": p.name,
            "wire_name": p.wire_name or None,
            "in": p.location,
            "type": p.type,
            "required": p.required,
            "default": p.default,
            "constraints": dict(p.constraints),
            "description": p.description,
            "deprecated": p.deprecated,
        }

    return {
        "api": {"title": review.title, "version": review.version},
        "operations": [
            {
                "operation_id": op.operation_id,
                "method": op.method,
                "path": op.path,
                "python": op.python,
                "call": op.call,
                "summary": op.summary,
                "description": op.description,
                "deprecated": op.deprecated,
                "tags": list(op.tags),
                "auth": op.auth,
                "params": [param(p) for p in op.params],
                "returns": op.returns,
                "responses": [
                    {"status": r.status, "type": r.type, "description": r.description}
                    for r in op.responses
                ],
                "errors": [
                    {
                        "status": r.status,
                        "class": r.error_class,
                        "type": r.type,
                        "description": r.description,
                    }
                    for r in op.errors
                ],
                "pages": op.pages,
            }
            for op in review.operations
        ],
        "models": [
            {
                "name": m.name,
                "schema": m.schema,
                "title": m.title,
                "description": m.description,
                "tag": m.tag,
                "fields": [
                    {
                        "name": f.name,
                        "wire_name": f.wire_name,
                        "type": f.type,
                        "required": f.required,
                        "nullable": f.nullable,
                        "default": f.default,
                        "constraints": dict(f.constraints),
                        "description": f.description,
                        "deprecated": f.deprecated,
                    }
                    for f in m.fields
                ],
            }
            for m in review.models
        ],
        "enums": [
            {
                "name": e.name,
                "schema": e.schema,
                "type": e.base,
                "description": e.description,
                "members": [
                    {"name": m.name, "value": m.value, "description": m.description}
                    for m in e.members
                ],
            }
            for e in review.enums
        ],
        "aliases": [
            {
                "name": a.name,
                "schema": a.schema,
                "type": a.type,
                "untagged": a.untagged,
                "description": a.description,
            }
            for a in review.aliases
        ],
        "findings": [
            {"kind": f.kind, "subject": f.subject, "pointer": f.pointer, "message": f.message}
            for f in review.findings
        ],
    }


def to_json(review: Review) -> str:
    return json.dumps(to_data(review), indent=2, ensure_ascii=False) + "\n"


def render_review(review: Review, fmt: str) -> str:
    if fmt == "json":
        return to_json(review)
    if fmt == "text":
        return to_text(review)
    return to_markdown(review)
