"""The one variable templates see, `api`: a view of the IR that adds, beside each value,
the source text emit makes of it. Built here, before rendering, so templates only loop and
choose. Every view answers the IR's own fields too (`op.method`, `field.wire_name`)."""

from __future__ import annotations

import json
import textwrap
from dataclasses import dataclass
from typing import Any

from ..ir import Api
from .client_view import NamespaceView, OperationView, ServerView, namespace_view, server_view
from .errors_view import ErrorClassView, detail_imports, error_class_views
from .imports import client_imports, models_imports, runtime_names
from .markdown import markdown_line
from .models_view import AliasView, EnumView, ModelView, alias_view, enum_view, model_view
from .non_ascii_tags import warm_up_source
from .pysource import docstring, import_sort_key, string_literal
from .security_view import CredentialView, credential_views, credentials_line
from .webhooks_view import WebhooksView, webhooks_view

# The exceptions the generated errors module defines besides one class per status.
_BASE_ERRORS = (
    "APIConnectionError",
    "APIError",
    "APIStatusError",
    "APITimeoutError",
    "DecodeError",
    "InternalServerError",
    "PaginationError",
    "ResponseTooLargeError",
)


@dataclass(frozen=True)
class ApiView:
    ir: Api
    title_line: str
    version_line: str
    title_toml: str
    docstring: str
    # Module docstrings naming the API: escaped spec text, like every docstring.
    client_module_docstring: str
    models_module_docstring: str
    version_source: str
    servers: tuple[ServerView, ...]
    default_server_source: str
    client_docstring: str
    async_client_docstring: str
    server_literal: str
    # One per constructor keyword, and the argument handing them to the runtime.
    credentials: tuple[CredentialView, ...]
    credentials_line: str
    # `access_token="<token>"` (the first credential) for the README's examples, or "".
    readme_credentials: str
    root: NamespaceView
    namespaces: tuple[NamespaceView, ...]
    operations: tuple[OperationView, ...]
    enums: tuple[EnumView, ...]
    models: tuple[ModelView, ...]
    aliases: tuple[AliasView, ...]
    models_imports: tuple[str, ...]
    # What models.py ends with: the non-ASCII tags encoded once (non_ascii_tags.py), or "".
    models_tail_source: str
    client_imports: tuple[str, ...]
    runtime_imports: tuple[str, ...]
    # Sorted the way isort and ruff sort them.
    error_exports: tuple[str, ...]
    # errors.py's typed classes, and what type checkers import to read their bases.
    typed_errors: tuple[ErrorClassView, ...]
    error_detail_imports: tuple[str, ...]
    package_exports: tuple[str, ...]
    readme_examples: tuple[tuple[str, str], ...]
    # The first operation's example through a `with_options` copy named `patient`; with
    # per-call options; through `with_raw_response`.
    retry_example: str
    options_example: str
    raw_example: str
    # The first paginated operation, for the README's example.
    paginated: OperationView | None
    # README calls: the first operation through `with_streaming_response`, and an
    # operation that returns events ("" when none does).
    streaming_example: str
    events_example: str
    # What webhooks.py and the README's webhook section need; None without webhooks.
    webhooks: WebhooksView | None

    def __getattr__(self, name: str) -> Any:
        return getattr(self.ir, name)


def context(api: Api) -> ApiView:
    root = namespace_view(api.root)
    by_place: dict[tuple[tuple[str, ...], str], OperationView] = {}
    namespaces: dict[tuple[str, ...], NamespaceView] = {}
    pending = [root]
    while pending:
        ns = pending.pop()
        namespaces[ns.ir.path] = ns
        by_place.update(((op.ir.namespace, op.ir.name), op) for op in ns.operations)
        pending.extend(ns.children)
    operations = tuple(by_place[(op.namespace, op.name)] for op in api.operations)
    models = tuple(model_view(m) for m in api.models)
    enums = tuple(enum_view(e) for e in api.enums)
    aliases = tuple(alias_view(a, frozenset(b.name for b in api.aliases[:i])) for i, a in enumerate(api.aliases))
    servers = tuple(server_view(s) for s in api.servers)
    runtime = runtime_names([r.spec_source for o in operations for r in o.success + o.errors])
    error_exports = tuple(sorted([name for _, name in api.error_classes] + list(_BASE_ERRORS), key=import_sort_key))
    title = api.title
    credentials = credential_views(api)
    return ApiView(
        ir=api,
        title_line=markdown_line(title),
        version_line=markdown_line(api.version),
        title_toml=json.dumps(title, ensure_ascii=False)[1:-1],
        docstring=docstring(f"Python client for {title}.") or "",
        client_module_docstring=docstring(
            f"{title} clients: `Client` for blocking code, `AsyncClient` for asyncio."
        )
        or "",
        models_module_docstring=docstring(
            f"Data types of {title}: msgspec structs, decoded straight from response bytes."
        )
        or "",
        version_source=string_literal(api.package_version),
        servers=servers,
        default_server_source=string_literal(api.default_server),
        client_docstring=_client_docstring(api, credentials, is_async=False),
        async_client_docstring=_client_docstring(api, credentials, is_async=True),
        server_literal="Literal[" + ", ".join(s.name_source for s in servers) + "]",
        credentials=credentials,
        credentials_line=credentials_line(api, credentials),
        readme_credentials=credentials[0].example if credentials else "",
        root=root,
        namespaces=tuple(namespaces[ns.path] for ns in api.namespaces),
        operations=operations,
        enums=enums,
        models=models,
        aliases=aliases,
        models_imports=tuple(
            models_imports(api, [f.annotation for m in models for f in m.fields], [a.annotation for a in aliases])
        ),
        models_tail_source=warm_up_source(api.models),
        client_imports=tuple(
            client_imports(api, [o.signature_source + o.return_annotation for o in operations], runtime)
        ),
        runtime_imports=runtime,
        error_exports=error_exports,
        typed_errors=error_class_views(api.error_details),
        error_detail_imports=detail_imports(api.error_details),
        package_exports=tuple(
            sorted(
                error_exports
                + (
                    "AsyncClient",
                    "AsyncStream",
                    "AsyncStreamedResponse",
                    "Client",
                    "Event",
                    "RawResponse",
                    "RequestOptions",
                    "Stream",
                    "StreamedResponse",
                    "__version__",
                    "decode",
                    "encode",
                ),
                key=import_sort_key,
            )
        ),
        readme_examples=tuple((o.ir.python_path, o.example) for o in operations),
        retry_example="patient." + operations[0].example.removeprefix("client.") if operations else "",
        options_example=_with_options_example(operations[0].example) if operations else "",
        raw_example="client.with_raw_response." + operations[0].example.removeprefix("client.") if operations else "",
        paginated=next((o for o in operations if o.pagination), None),
        streaming_example=_streaming_example(operations),
        events_example=_events_example(operations),
        webhooks=webhooks_view(api.webhooks) if api.webhooks else None,
    )


def _streaming_example(operations: tuple[OperationView, ...]) -> str:
    """The README's `with_streaming_response` call: of an operation without a body to make
    up and without events, if there is one."""
    plain = [o for o in operations if not o.ir.streams and (o.body is None or not o.body.required)]
    chosen = (plain or list(operations))[:1]
    return "".join("client.with_streaming_response." + o.example.removeprefix("client.") for o in chosen)


def _events_example(operations: tuple[OperationView, ...]) -> str:
    """A call that returns events, for the README: one without a body to make up, if any."""
    streams = [o for o in operations if o.ir.streams]
    plain = [o for o in streams if o.body is None or not o.body.required]
    chosen = plain or streams
    return chosen[0].example if chosen else ""


def _with_options_example(example: str) -> str:
    """A call example with per-call options after its own arguments."""
    options = 'timeout=5.0, max_retries=0, extra_headers={"X-Request-Source": "readme"}'
    head = example.removesuffix(")")
    return head + (", " if not head.endswith("(") else "") + options + ")"


def _client_docstring(api: Api, credentials: tuple[CredentialView, ...], *, is_async: bool) -> str:
    kind = "Asyncio client" if is_async else "Client"
    http = "httpx.AsyncClient" if is_async else "httpx.Client"
    lines = [f"{kind} for {api.title}.", "", "Args:"]
    if api.has_bearer_auth:
        auth = " ".join(str(api.auth_description or "").split())
        lines.append("    access_token: Sent as `Authorization: Bearer <token>`." + (f" {auth}" if auth else ""))
    else:
        for c in credentials:
            lines += textwrap.wrap(f"{c.keyword}: {c.doc}", 84, initial_indent="    ", subsequent_indent="        ")
    names = ", ".join(f"`{s.name}` ({s.url})" if s.url else f"`{s.name}`" for s in api.servers)
    lines += [
        f"    server: One of the servers the spec declares: {names}.",
        "    base_url: Any other base URL; overrides `server`.",
        "    timeout: Seconds each attempt may take as a whole, connect to last byte; or an",
        "        `httpx.Timeout` (httpx's limits for each operation, no limit for the whole).",
        "    max_retries: Retries of idempotent requests (GET, PUT, DELETE, ...) after a",
        "        connection error, a timeout or HTTP 408, 429, 500, 502, 503 or 504.",
        "    max_response_size: Bytes a response body may hold, decompressed (64 MiB);",
        "        None for no limit.",
        "    headers: Extra headers sent with every request.",
        f"    http_client: Your own `{http}` (proxies, transports, test doubles);",
        "        this client then never closes it.",
    ]
    return docstring("\n".join(lines), 4) or ""
