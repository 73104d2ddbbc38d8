"""The template context of _client.py: each operation of the IR with the source text of its
endpoint constant and its methods, laid out as black would (see layout.py); namespaces and
servers likewise."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..ir import Body, Namespace, Operation, Pagination, Param, ResponseCase, Server, TypeRef
from ..spec.media import DEFAULT_CONTENT_TYPES
from . import layout
from .defaults import default_source
from .markdown import markdown_line
from .pages_view import pages_source, wrapped
from .pysource import BUILTIN_TYPE_NAMES, annotation, docstring, literal, string_literal
from .security_view import auth_line

MODELS = "models."
# What every operation method takes after the spec's parameters: the runtime's per-call
# options (`_options.RequestOptions`).
OPTIONS = layout.Typed("**options", "Unpack[RequestOptions]")


@dataclass(frozen=True)
class ParamView:
    ir: Param
    annotation: str
    default_source: str | None
    wire_source: str

    def __getattr__(self, name: str) -> Any:
        return getattr(self.ir, name)


@dataclass(frozen=True)
class BodyView:
    ir: Body
    annotation: str
    default_source: str | None
    # The `content_type=` argument when several media types are offered: its annotation
    # (`Literal[...]`) and default; None otherwise.
    content_type_annotation: str | None
    content_type_default_source: str | None

    def __getattr__(self, name: str) -> Any:
        return getattr(self.ir, name)


@dataclass(frozen=True)
class ResponseView:
    ir: ResponseCase
    annotation: str | None
    # The runtime value in the endpoint table (e.g. `Json(models.X)`).
    spec_source: str

    def __getattr__(self, name: str) -> Any:
        return getattr(self.ir, name)


@dataclass(frozen=True)
class PaginationView:
    ir: Pagination
    item_annotation: str
    page_annotation: str
    signature_source: str
    signature_display: str
    docstring: str
    pages_docstring: str
    # `client.x.iter(...)` and `client.x.pages(...)`, for documentation.
    example: str
    pages_example: str
    # The `def` line(s) and the statements after the docstring of `pages()` and `iter()`,
    # sync and async.
    pages_def_source: str
    async_pages_def_source: str
    pages_body: str
    async_pages_body: str
    def_source: str
    async_def_source: str
    items_body: str
    async_items_body: str

    def __getattr__(self, name: str) -> Any:
        return getattr(self.ir, name)


@dataclass(frozen=True)
class OperationView:
    ir: Operation
    positional: tuple[ParamView, ...]
    keyword: tuple[ParamView, ...]
    path_params: tuple[ParamView, ...]
    query_params: tuple[ParamView, ...]
    header_params: tuple[ParamView, ...]
    cookie_params: tuple[ParamView, ...]
    body: BodyView | None
    success: tuple[ResponseView, ...]
    errors: tuple[ResponseView, ...]
    return_annotation: str
    # Spec text flattened to one line, for Markdown.
    summary_line: str
    path_line: str
    method_source: str
    path_source: str
    operation_id_source: str
    # `self, page: int = 1, ...` and the arguments of the runtime `_request` call.
    signature_source: str
    # The same without `self`, for documentation.
    signature_display: str
    call_source: str
    endpoint_type_source: str
    # `_NAME = Endpoint[...](`, laid out as black would.
    endpoint_head: str
    responses_source: str
    # `query_styles={...},`, `path_styles={...},`, `header_styles={...},` (indented 4): the
    # (style, explode) of each parameter not sent in its location's default style.
    styles_lines: tuple[str, ...]
    accept_source: str | None
    # `bodies={"application/json": "json", ...},` when the body has several media types,
    # and `parts={"file": "image/png"},` for multipart parts with a Content-Type of their
    # own (indented 4).
    bodies_line: str | None
    parts_line: str | None
    # `auth=[...],` of the endpoint constant, or None for the default (the access token).
    auth_line: str | None
    docstring: str
    example: str
    pagination: PaginationView | None
    # The method's `def` and `return` statements, sync and async, and `responses=` of the
    # endpoint constant.
    def_source: str
    async_def_source: str
    return_source: str
    async_return_source: str
    responses_line: str

    def __getattr__(self, name: str) -> Any:
        return getattr(self.ir, name)


@dataclass(frozen=True)
class NamespaceView:
    ir: Namespace
    operations: tuple[OperationView, ...]
    children: tuple[NamespaceView, ...]
    docstring: str | None
    # The classes of `with_raw_response`'s view of the namespace, sync and async.
    raw_class_name: str
    async_raw_class_name: str
    raw_docstring: str
    # The statements of their `__init__`, laid out as black would.
    raw_init: tuple[str, ...]
    async_raw_init: tuple[str, ...]
    # Likewise for `with_streaming_response`.
    streaming_class_name: str
    async_streaming_class_name: str
    streaming_docstring: str
    streaming_init: tuple[str, ...]
    async_streaming_init: tuple[str, ...]
    # `self.child = ChildResource(client)` for each child, laid out as black would: in a
    # namespace's `__init__` (`client`) and in the root client's `_bind` (`self`).
    children_init: tuple[str, ...]
    async_children_init: tuple[str, ...]
    children_bind: tuple[str, ...]
    async_children_bind: tuple[str, ...]

    def __getattr__(self, name: str) -> Any:
        return getattr(self.ir, name)


@dataclass(frozen=True)
class ServerView:
    ir: Server
    name_source: str
    url_source: str

    def __getattr__(self, name: str) -> Any:
        return getattr(self.ir, name)


def namespace_view(ns: Namespace) -> NamespaceView:
    # In a class body a method's name hides the builtin of that name from later annotations.
    names = {op.name for op in ns.operations} | {child.attr for child in ns.children}
    shadowed = frozenset(names & BUILTIN_TYPE_NAMES)
    return NamespaceView(
        ir=ns,
        operations=tuple(operation_view(op, shadowed) for op in ns.operations),
        children=tuple(namespace_view(child) for child in ns.children),
        docstring=docstring(ns.doc, 4),
        raw_class_name=ns.class_name + "WithRawResponse",
        async_raw_class_name=ns.async_class_name + "WithRawResponse",
        raw_docstring=docstring(
            f"The operations{_under(ns.path)}, each returning a `RawResponse`.", 4
        )
        or "",
        raw_init=_raw_init(ns, "WithRawResponse", "_raw_response.raw", is_async=False),
        async_raw_init=_raw_init(ns, "WithRawResponse", "_raw_response.async_raw", is_async=True),
        streaming_class_name=ns.class_name + "WithStreamingResponse",
        async_streaming_class_name=ns.async_class_name + "WithStreamingResponse",
        streaming_docstring=docstring(
            f"The operations{_under(ns.path)}, each opening a `StreamedResponse` for `with`.", 4
        )
        or "",
        streaming_init=_raw_init(ns, "WithStreamingResponse", "_streaming.streaming", is_async=False),
        async_streaming_init=_raw_init(ns, "WithStreamingResponse", "_streaming.async_streaming", is_async=True),
        children_init=_children_init(ns, "client", is_async=False),
        async_children_init=_children_init(ns, "client", is_async=True),
        children_bind=_children_init(ns, "self", is_async=False),
        async_children_bind=_children_init(ns, "self", is_async=True),
    )


def _children_init(ns: Namespace, argument: str, *, is_async: bool) -> tuple[str, ...]:
    return tuple(
        layout.bracketed(8, f"self.{c.attr} = {c.async_class_name if is_async else c.class_name}(", [argument], ")")
        for c in ns.children
    )


def _raw_init(ns: Namespace, suffix: str, wrap: str, *, is_async: bool) -> tuple[str, ...]:
    """`self.name = Wrapper(resource.name)` for each child and operation, in a view's
    `__init__`."""
    children = [(c.attr, (c.async_class_name if is_async else c.class_name) + suffix) for c in ns.children]
    calls = children + [(op.name, wrap) for op in ns.operations]
    return tuple(layout.bracketed(8, f"self.{attr} = {callee}(", [f"resource.{attr}"], ")") for attr, callee in calls)


def _under(path: tuple[str, ...]) -> str:
    return f" under `{'.'.join(path)}`" if path else ""


def server_view(server: Server) -> ServerView:
    return ServerView(server, string_literal(server.name), string_literal(server.url))


def _param_view(p: Param, shadowed: frozenset[str], models_prefix: str = MODELS) -> ParamView:
    return ParamView(
        ir=p,
        annotation=annotation(p.declared, models_prefix=models_prefix, shadowed=shadowed),
        default_source=default_source(p.default, models_prefix) if p.default is not None else None,
        wire_source=string_literal(p.wire_name),
    )


def _body_view(b: Body, shadowed: frozenset[str], models_prefix: str = MODELS) -> BodyView:
    offered = TypeRef("literal", values=tuple(c.content_type for c in b.choices))
    return BodyView(
        ir=b,
        annotation=annotation(b.declared, models_prefix=models_prefix, shadowed=shadowed),
        default_source=default_source(b.default, models_prefix) if b.default is not None else None,
        content_type_annotation=annotation(offered) if b.choices else None,
        content_type_default_source=string_literal(b.content_type) if b.choices else None,
    )


def _bodies_line(b: Body | None) -> str | None:
    if b is None or not b.choices:
        return None
    entries = [f"{string_literal(c.content_type)}: {string_literal(c.encoding)}" for c in b.choices]
    return layout.bracketed(4, "bodies={", entries, "},", display=True)


def _parts_line(b: Body | None) -> str | None:
    if b is None or not b.parts:
        return None
    entries = [f"{string_literal(p.wire_name)}: {string_literal(p.content_type)}" for p in b.parts]
    return layout.bracketed(4, "parts={", entries, "},", display=True)


def signature_text(positional: Sequence[Param], keyword: Sequence[Param], body: Body | None) -> str:
    """A method's parameters as a reader of the client writes them, model classes by their
    own names: `(item_id: str, *, color: Color = Color.RED)`."""
    args = tuple(_param_view(p, frozenset(), "") for p in positional)
    kwargs = tuple(_param_view(p, frozenset(), "") for p in keyword)
    request = _body_view(body, frozenset(), "") if body is not None else None
    items = _signature_items(args, kwargs, request, options=False)
    return "(" + ", ".join(layout.flat(i) for i in items).removeprefix("self").lstrip(", ") + ")"


def _response_view(r: ResponseCase) -> ResponseView:
    ann = annotation(r.type, models_prefix=MODELS) if r.type is not None else None
    if r.kind == "json":
        spec = f"Json({ann})"
    elif r.kind == "events":
        spec = f"Events({ann})"
    else:
        spec = {"text": "TEXT", "bytes": "BINARY"}.get(r.kind, "NO_CONTENT")
    return ResponseView(r, ann, spec)


def operation_view(op: Operation, shadowed: frozenset[str] = frozenset()) -> OperationView:
    """`shadowed`: builtins that names in the operation's class hide."""
    params = [_param_view(p, shadowed) for p in op.params]
    positional = tuple(p for p in params if p.location == "path")
    keyword = tuple(p for p in params if p.location != "path")
    body = _body_view(op.body, shadowed) if op.body is not None else None
    success = tuple(_response_view(r) for r in op.success)
    errors = tuple(_response_view(r) for r in op.errors)
    returns = annotation(op.returns, models_prefix=MODELS, shadowed=shadowed) if op.returns else "None"
    async_returns = returns
    if op.streams:
        returns, async_returns = f"Stream[{returns}]", f"AsyncStream[{returns}]"
    signature = _signature(positional, keyword, body)
    call = _call_items(op.endpoint_name, params, body, op.stream_flag) + ["options=options"]
    defs = _defs(op.name, _signature_items(positional, keyword, body), returns, async_returns)
    # Methods at the root live on the client class itself; the others on a namespace.
    returns_ = _returns("self._client" if op.namespace else "self", call, "_stream" if op.streams else "_request")
    responses = [f"{_status_key(r.status)}: {r.spec_source}" for r in success + errors]
    return OperationView(
        ir=op,
        positional=positional,
        keyword=keyword,
        path_params=positional,
        query_params=tuple(p for p in params if p.location == "query"),
        header_params=tuple(p for p in params if p.location == "header"),
        cookie_params=tuple(p for p in params if p.location == "cookie"),
        body=body,
        success=success,
        errors=errors,
        return_annotation=returns,
        summary_line=markdown_line(op.summary),
        path_line=" ".join(op.path.replace("`", "'").split()),
        method_source=string_literal(op.method),
        path_source=string_literal(op.path),
        operation_id_source=string_literal(op.operation_id),
        signature_source=signature,
        # Outside the class no method shadows a builtin: plain names read better.
        signature_display=_display(_signature_items(positional, keyword, body, options=False)),
        call_source=", ".join(layout.flat(item) for item in call),
        endpoint_type_source="Endpoint["
        + (annotation(op.returns, models_prefix=MODELS) if op.returns else "None")
        + "]",
        endpoint_head=layout.subscript_call(
            op.endpoint_name, "Endpoint", annotation(op.returns, models_prefix=MODELS) if op.returns else "None"
        ),
        responses_source="{" + ", ".join(responses) + "}",
        styles_lines=_styles_lines(op.params),
        accept_source=string_literal(op.accept) if op.accept is not None else None,
        bodies_line=_bodies_line(op.body),
        parts_line=_parts_line(op.body),
        auth_line=auth_line(op),
        docstring=docstring(op.doc, 8) or '""""""',
        example=_example(op.python_path, positional, keyword, body),
        pagination=_pagination_view(op, op.pagination, shadowed) if op.pagination else None,
        def_source=defs[0],
        async_def_source=defs[1],
        return_source=returns_[0],
        async_return_source=returns_[1],
        responses_line=layout.bracketed(4, "responses={", _entries(responses), "},", display=True),
    )


def _entries(entries: list[str]) -> Sequence[layout.Item]:
    """A display's entries as layout items: a decoder call too long for its line is split at
    its own parentheses."""
    items = layout.split_items(", ".join(entries))
    return items if items is not None and len(items) == len(entries) else entries


def _pagination_view(op: Operation, pg: Pagination, shadowed: frozenset[str]) -> PaginationView:
    positional = tuple(_param_view(p, shadowed) for p in pg.positional)
    keyword = tuple(_param_view(p, shadowed) for p in pg.keyword)
    signature = _signature(positional, keyword, None)
    args = [p.name for p in positional] + [f"{p.name}={p.name}" for p in keyword] + ["**options"]
    item = annotation(pg.item_type, models_prefix=MODELS, shadowed=shadowed)
    page = annotation(op.returns, models_prefix=MODELS, shadowed=shadowed) if op.returns else "None"
    items = _signature_items(positional, keyword, None)
    taken = {p.name for p in positional + keyword} | {"self", "options"}
    # The list call of one page: the walked parameter in its place among the others.
    walked = frozenset(p.name for p in op.params if p.location != "path") - {p.name for p in keyword}
    fetch_args = [p.name for p in positional]
    fetch_args += [f"{p.name}={p.name}" for p in op.params if p.name in walked or p in pg.keyword] + ["**options"]
    body = pages_source(op, pg, args, fetch_args, taken)
    sync_pages, async_pages = _defs(
        pg.pages_name, items, f"Iterator[{page}]", f"AsyncIterator[{page}]", coroutine=body.async_pages_is_generator
    )
    sync_items, async_items = _defs(pg.name, items, f"Iterator[{item}]", f"AsyncIterator[{item}]")
    return PaginationView(
        ir=pg,
        item_annotation=item,
        page_annotation=page,
        signature_source=signature,
        signature_display=_display(_signature_items(positional, keyword, None, options=False)),
        docstring=docstring(wrapped(pg.doc, 8), 8) or "",
        pages_docstring=body.pages_docstring,
        example=_example(".".join(op.namespace + (pg.name,)), positional, keyword, None),
        pages_example=_example(".".join(op.namespace + (pg.pages_name,)), positional, keyword, None),
        pages_def_source=sync_pages,
        async_pages_def_source=async_pages,
        pages_body=body.pages_body,
        async_pages_body=body.async_pages_body,
        def_source=sync_items,
        async_def_source=async_items,
        items_body=body.items_body,
        async_items_body=body.async_items_body,
    )


def _display(items: list[layout.Item]) -> str:
    """The signature as documentation shows it: without `self`; the items are made without
    the per-call options, which README describes once."""
    signature = ", ".join(layout.flat(item) for item in items)
    return "(" + signature.removeprefix("self").lstrip(", ").replace("builtins.", "") + ")"


def _status_key(status: str) -> str:
    return status if status.isdigit() else string_literal(status)


def _example(
    python_path: str, positional: tuple[ParamView, ...], keyword: tuple[ParamView, ...], body: BodyView | None
) -> str:
    args = [placeholder(p.type, p.name) for p in positional]
    args += [f"{p.name}={placeholder(p.type, p.name)}" for p in keyword if p.required]
    # Optional arguments with a plain default show the caller what they can tune.
    args += [
        f"{p.name}={p.default_source}"
        for p in keyword
        if not p.required and p.default_source not in (None, "None") and "." not in str(p.default_source)
    ]
    if body is not None and body.required:
        args.append(f"body={placeholder(body.type, 'body')}")
    return f"client.{python_path}({', '.join(args)})"


def placeholder(t: TypeRef, name: str) -> str:
    """A value of type `t` for an example call, where the spec gives none."""
    if t.kind == "builtin":
        return {"int": "1", "float": "1.0", "bool": "True"}.get(t.name, string_literal(f"<{name}>"))
    if t.kind == "model":
        return f"models.{t.name}(...)"
    if t.kind == "literal":
        return literal(t.values[0])
    if t.kind == "list":
        return f"[{placeholder(t.args[0], name)}]"
    if t.kind == "stdlib" and t.name == "uuid.UUID":
        return f'uuid.UUID("{"0" * 8}-{"0" * 4}-{"0" * 4}-{"0" * 4}-{"0" * 12}")'
    return string_literal(f"<{name}>")


def _signature(positional: tuple[ParamView, ...], keyword: tuple[ParamView, ...], body: BodyView | None) -> str:
    return ", ".join(layout.flat(item) for item in _signature_items(positional, keyword, body))


def _signature_items(
    positional: tuple[ParamView, ...],
    keyword: tuple[ParamView, ...],
    body: BodyView | None,
    *,
    options: bool = True,
) -> list[layout.Item]:
    parts: list[layout.Item] = ["self"]
    parts += [layout.Typed(p.name, p.annotation) for p in positional]
    named: list[layout.Item] = []
    if body is not None:
        named.append(layout.Typed("body", body.annotation, body.default_source or None))
        if body.content_type_annotation is not None:
            named.append(layout.Typed("content_type", body.content_type_annotation, body.content_type_default_source))
    for p in sorted(keyword, key=lambda p: p.default_source is not None):
        named.append(layout.Typed(p.name, p.annotation, p.default_source or None))
    if named:
        parts.append("*")
    return parts + named + ([OPTIONS] if options else [])


def _defs(
    name: str, items: list[layout.Item], returns: str, async_returns: str, *, coroutine: bool = True
) -> tuple[str, str]:
    """A method's `def` line(s) on the sync and the async client; on the async one it is a
    coroutine unless it returns an async iterator itself."""
    prefix = "async def" if coroutine else "def"
    return (
        layout.bracketed(4, f"def {name}(", items, f") -> {returns}:", is_def=True),
        layout.bracketed(4, f"{prefix} {name}(", items, f") -> {async_returns}:", is_def=True),
    )


def _returns(client: str, call: list[layout.Item], runtime: str = "_request") -> tuple[str, str]:
    """A method's `return ..._request(...)` (`_stream(...)` for events), sync and async."""
    sync = layout.bracketed(8, f"return {client}.{runtime}(", call, ")")
    return sync, layout.bracketed(8, f"return await {client}.{runtime}(", call, ")")


# How each location sends a parameter unless the spec says otherwise (OpenAPI's defaults).
_DEFAULT_STYLES = {"query": ("form", True), "path": ("simple", False), "header": ("simple", False)}


def _styles_lines(params: tuple[Param, ...]) -> tuple[str, ...]:
    """The Endpoint's `<location>_styles={...},` lines, for the parameters not sent in
    their location's default style (cookies say theirs in the call: see _call_items)."""
    lines = []
    for location, default in _DEFAULT_STYLES.items():
        entries = [
            f"{string_literal(p.wire_name)}: ({string_literal(p.style)}, {p.explode})"
            for p in params
            if p.location == location and (p.style, p.explode) != default
        ]
        if entries:
            lines.append(layout.bracketed(4, f"{location}_styles={{", entries, "},", display=True))
    return tuple(lines)


def _call_items(
    endpoint: str, params: list[ParamView], body: BodyView | None, flag: tuple[str, bool] | None = None
) -> list[layout.Item]:
    args: list[layout.Item] = [endpoint]
    for location in ("path", "query"):
        chosen = [p for p in params if p.location == location]
        if chosen:
            entries = tuple(f"{p.wire_source}: {p.name}" for p in chosen)
            args.append(layout.Group(f"{location}={{", entries, "}", display=True))
    headers = [f"{p.wire_source}: {p.name}" for p in params if p.location == "header"]
    cookies = [p for p in params if p.location == "cookie"]
    if cookies:
        # Cookies travel as one header; the runtime drops the pairs whose value is None.
        # A pair says `False` for a cookie not sent exploded (form, exploded: the default).
        pairs = ", ".join(
            f"({p.wire_source}, {p.name})" if p.ir.explode else f"({p.wire_source}, {p.name}, False)"
            for p in cookies
        )
        headers.append(f'"Cookie": _base.cookie_header([{pairs}])')
    if headers:
        args.append(layout.Group("headers={", tuple(headers), "}", display=True))
    if body is not None:
        # The switch between a JSON answer and an event stream (see build/streams.py).
        args.append(f"body=_base.stream_flag(body, {string_literal(flag[0])}, {flag[1]})" if flag else "body=body")
        if body.choices:
            # The runtime looks the chosen media type up in the endpoint's `bodies`.
            args.append("content_type=content_type")
        else:
            args.append(f"body_encoding={string_literal(body.encoding)}")
            if body.encoding != "multipart" and body.content_type != DEFAULT_CONTENT_TYPES[body.encoding]:
                args.append(f"content_type={string_literal(body.content_type)}")
    return args
