"""The review model: the API as the client exposes it, as plain text values.

Everything here is already worded for a reader (types as they read in the client, defaults
as Python), so the renderers only lay it out.
"""

from __future__ import annotations

from dataclasses import dataclass


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
    # The names of the security schemes it accepts (empty: none); its requirements, each
    # the schemes sent together (`()`: the optional `{}`); whether it sends the one bearer
    # token of an API whose every scheme is one.
    auth: tuple[str, ...]
    requirements: tuple[tuple[str, ...], ...]
    bearer_token: bool
    params: tuple[ParamView, ...]
    returns: str
    responses: tuple[ResponseView, ...]
    errors: tuple[ResponseView, ...]
    # `client.x.iter(...) -> Iterator[Item]`, when the operation is paginated, and how its
    # pages are walked (`cursor`, `next link (Link header)`; `(x-pagination)` when declared).
    pages: str | None
    page_style: str | None = None


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
class SchemeView:
    name: str
    # bearer, apiKey, basic, oauth2, openIdConnect or unsupported
    kind: str
    # apiKey only: header, query or cookie, and the name there.
    location: str | None
    param_name: str | None
    # The Client/AsyncClient keyword; None when the client cannot send it.
    keyword: str | None
    description: str | None


@dataclass(frozen=True)
class WebhookView:
    # The webhook's key in the document, the type its payload decodes into, and the value
    # of the payload's event type (None when the payloads have no common one).
    name: str
    payload: str
    event_type: str | int | None
    summary: str | None


@dataclass(frozen=True)
class Review:
    title: str
    version: str
    security: tuple[SchemeView, ...]
    operations: tuple[OperationView, ...]
    models: tuple[ModelView, ...]
    enums: tuple[EnumView, ...]
    aliases: tuple[AliasView, ...]
    findings: tuple[Finding, ...]
    # What `webhooks.unwrap()` decodes into (the union's name), and each event of it.
    webhook_union: str | None = None
    webhooks: tuple[WebhookView, ...] = ()
