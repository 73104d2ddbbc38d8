"""The one variable templates see, `api`: a view of the IR that adds, beside each value,
the source text emit makes of it. Made here, each part when a template first asks for it,
so templates only loop and choose. Every view answers the IR's own fields too
(`op.method`, `field.wire_name`)."""

from __future__ import annotations

import json
import textwrap
from dataclasses import dataclass
from functools import cached_property
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
# What the package's __init__ exports besides the errors.
_PACKAGE_NAMES = (
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
)


@dataclass(frozen=True)
class ApiView:
    """Each part is made the first time a template asks for it: a process that renders
    only the models module (see shares.py) never makes the operations' views,
    and one that renders the rest never makes the models'."""

    ir: Api

    def __getattr__(self, name: str) -> Any:
        part = type(self).__dict__.get(name)
        if isinstance(part, cached_property):
            # Making the part raised AttributeError, which Python takes for a missing name:
            # said as the bug it is, not answered with the IR's field of the same name.
            try:
                part.func(self)
            except AttributeError as exc:
                raise RuntimeError(f"making the view's {name!r} failed: {exc}") from exc
        return getattr(self.ir, name)

    # Operations, namespaces and servers: _client.py and the README.

    @cached_property
    def root(self) -> NamespaceView:
        return namespace_view(self.ir.root)

    @cached_property
    def _by_path(self) -> dict[tuple[str, ...], NamespaceView]:
        namespaces: dict[tuple[str, ...], NamespaceView] = {}
        pending = [self.root]
        while pending:
            ns = pending.pop()
            namespaces[ns.ir.path] = ns
            pending.extend(ns.children)
        return namespaces

    @cached_property
    def namespaces(self) -> tuple[NamespaceView, ...]:
        return tuple(self._by_path[ns.path] for ns in self.ir.namespaces)

    @cached_property
    def operations(self) -> tuple[OperationView, ...]:
        by_place = {
            (op.ir.namespace, op.ir.name): op for ns in self._by_path.values() for op in ns.operations
        }
        return tuple(by_place[(op.namespace, op.name)] for op in self.ir.operations)

    @cached_property
    def servers(self) -> tuple[ServerView, ...]:
        return tuple(server_view(s) for s in self.ir.servers)

    @cached_property
    def default_server_source(self) -> str:
        return string_literal(self.ir.default_server)

    @cached_property
    def server_literal(self) -> str:
        return "Literal[" + ", ".join(s.name_source for s in self.servers) + "]"

    @cached_property
    def credentials(self) -> tuple[CredentialView, ...]:
        """One per constructor keyword."""
        return credential_views(self.ir)

    @cached_property
    def credentials_line(self) -> str:
        """The argument handing the credentials to the runtime."""
        return credentials_line(self.ir, self.credentials)

    @cached_property
    def readme_credentials(self) -> str:
        """`access_token="<token>"` (the first credential) for the README's examples, or ""."""
        return self.credentials[0].example if self.credentials else ""

    @cached_property
    def client_module_docstring(self) -> str:
        return docstring(f"{self.ir.title} clients: `Client` for blocking code, `AsyncClient` for asyncio.") or ""

    @cached_property
    def client_docstring(self) -> str:
        return _client_docstring(self.ir, self.credentials, is_async=False)

    @cached_property
    def async_client_docstring(self) -> str:
        return _client_docstring(self.ir, self.credentials, is_async=True)

    @cached_property
    def runtime_imports(self) -> tuple[str, ...]:
        return runtime_names([r.spec_source for o in self.operations for r in o.success + o.errors])

    @cached_property
    def client_imports(self) -> tuple[str, ...]:
        signatures = [o.signature_source + o.return_annotation for o in self.operations]
        return tuple(client_imports(self.ir, signatures, self.runtime_imports))

    # The README's examples.

    @cached_property
    def title_line(self) -> str:
        return markdown_line(self.ir.title)

    @cached_property
    def version_line(self) -> str:
        return markdown_line(self.ir.version)

    @cached_property
    def readme_examples(self) -> tuple[tuple[str, str], ...]:
        return tuple((o.ir.python_path, o.example) for o in self.operations)

    @cached_property
    def retry_example(self) -> str:
        """The first operation's example through a `with_options` copy named `patient`."""
        first = self.operations[:1]
        return "".join("patient." + o.example.removeprefix("client.") for o in first)

    @cached_property
    def options_example(self) -> str:
        """The first operation's example with per-call options."""
        return "".join(_with_options_example(o.example) for o in self.operations[:1])

    @cached_property
    def raw_example(self) -> str:
        """The first operation's example through `with_raw_response`."""
        return "".join("client.with_raw_response." + o.example.removeprefix("client.") for o in self.operations[:1])

    @cached_property
    def paginated(self) -> OperationView | None:
        """The first paginated operation, for the README's example."""
        return next((o for o in self.operations if o.pagination), None)

    @cached_property
    def streaming_example(self) -> str:
        return _streaming_example(self.operations)

    @cached_property
    def events_example(self) -> str:
        return _events_example(self.operations)

    @cached_property
    def webhooks(self) -> WebhooksView | None:
        """What webhooks.py and the README's webhook section need; None without webhooks."""
        return webhooks_view(self.ir.webhooks) if self.ir.webhooks else None

    # Models, enums and aliases: models.py.

    @cached_property
    def models(self) -> tuple[ModelView, ...]:
        return tuple(model_view(m) for m in self.ir.models)

    @cached_property
    def enums(self) -> tuple[EnumView, ...]:
        return tuple(enum_view(e) for e in self.ir.enums)

    @cached_property
    def aliases(self) -> tuple[AliasView, ...]:
        aliases = self.ir.aliases
        return tuple(alias_view(a, frozenset(b.name for b in aliases[:i])) for i, a in enumerate(aliases))

    @cached_property
    def models_imports(self) -> tuple[str, ...]:
        fields = [f.annotation for m in self.models for f in m.fields]
        return tuple(models_imports(self.ir, fields, [a.annotation for a in self.aliases]))

    @cached_property
    def models_module_docstring(self) -> str:
        title = self.ir.title
        return docstring(f"Data types of {title}: msgspec structs, decoded straight from response bytes.") or ""

    @cached_property
    def models_tail_source(self) -> str:
        """What models.py ends with: the non-ASCII tags encoded once (non_ascii_tags.py), or ""."""
        return warm_up_source(self.ir.models)

    # Errors, the package's exports, pyproject.toml and _version.py.

    @cached_property
    def error_exports(self) -> tuple[str, ...]:
        """Sorted the way isort and ruff sort them."""
        names = [name for _, name in self.ir.error_classes] + list(_BASE_ERRORS)
        return tuple(sorted(names, key=import_sort_key))

    @cached_property
    def typed_errors(self) -> tuple[ErrorClassView, ...]:
        """errors.py's typed classes."""
        return error_class_views(self.ir.error_details)

    @cached_property
    def error_detail_imports(self) -> tuple[str, ...]:
        """What type checkers import to read the typed errors' bases."""
        return detail_imports(self.ir.error_details)

    @cached_property
    def package_exports(self) -> tuple[str, ...]:
        return tuple(sorted(self.error_exports + _PACKAGE_NAMES, key=import_sort_key))

    @cached_property
    def docstring(self) -> str:
        return docstring(f"Python client for {self.ir.title}.") or ""

    @cached_property
    def title_toml(self) -> str:
        return json.dumps(self.ir.title, ensure_ascii=False)[1:-1]

    @cached_property
    def version_source(self) -> str:
        return string_literal(self.ir.package_version)


def context(api: Api) -> ApiView:
    return ApiView(api)


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
