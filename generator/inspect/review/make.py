"""IR -> the review model: what each operation, model, enum and alias looks like in Python."""

from __future__ import annotations

from typing import Any

from ...ir import Alias, Api, Body, EnumType, Field, Model, Operation, Param, ResponseCase
from .. import source_text as src
from .checks import findings
from .views import (
    AliasView,
    EnumView,
    FieldView,
    MemberView,
    ModelView,
    OperationView,
    ParamView,
    ResponseView,
    Review,
    SchemeView,
    WebhookView,
)


def make_review(api: Api, spec: Any = None) -> Review:
    """The review of an API; `spec` (the raw document) lets findings see schema titles."""
    return Review(
        title=api.title,
        version=api.version,
        security=tuple(
            SchemeView(s.name, s.kind, s.location, s.param_name, s.keyword, s.description) for s in api.security
        ),
        operations=tuple(_operation(op, api.has_bearer_auth) for op in api.operations),
        models=tuple(_model(m) for m in api.models),
        enums=tuple(_enum(e) for e in api.enums),
        aliases=tuple(_alias(a) for a in api.aliases),
        findings=tuple(findings(api, spec)),
        webhook_union=api.webhooks.union if api.webhooks else None,
        webhooks=tuple(
            WebhookView(e.name, src.type_text(e.payload), e.event_type, e.summary)
            for e in (api.webhooks.events if api.webhooks else ())
        ),
    )


def param_view(p: Param) -> ParamView:
    return ParamView(
        name=p.name,
        wire_name=p.wire_name,
        location=p.location,
        type=src.param_type(p),
        required=p.required,
        default=src.param_default(p),
        constraints=p.constraints,
        description=p.description,
        deprecated=p.deprecated,
    )


def call_text(op: Operation) -> str:
    """`client.oauth2.clients.list(*, page: int = 1) -> ListResourceOAuth2Client`"""
    return f"client.{op.python_path}{src.signature(op)} -> {src.return_type(op)}"


def _body_view(body: Body) -> ParamView:
    return ParamView(
        name=body.name,
        wire_name="",
        location="body",
        type=src.body_type(body),
        required=body.required,
        default=src.body_default(body),
        constraints=(("content-type", body.content_type),),
        description=body.description,
        deprecated=False,
    )


def _pages(op: Operation) -> str | None:
    """`client.x.iter(...) -> Iterator[Item]` for a paginated operation."""
    pg = op.pagination
    if pg is None:
        return None
    path = ".".join(op.namespace + (pg.name,))
    return f"client.{path}{src.page_signature(pg)} -> Iterator[{src.page_item_type(pg)}]"


def _page_style(op: Operation) -> str | None:
    pg = op.pagination
    if pg is None:
        return None
    return pg.style_name + (f" ({pg.source})" if pg.source != "detected" else "")


def _response(r: ResponseCase, error_class: str | None) -> ResponseView:
    return ResponseView(r.status, src.response_type(r), r.description, error_class)


def _operation(op: Operation, bearer_only: bool) -> OperationView:
    params = [param_view(p) for p in op.positional + op.keyword]
    if op.body is not None:
        params.append(_body_view(op.body))
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
        requirements=op.security,
        bearer_token=bearer_only and bool(op.sends),
        params=tuple(params),
        returns=src.return_type(op),
        responses=tuple(_response(r, None) for r in op.success),
        errors=tuple(_response(r, r.error_class) for r in op.errors),
        pages=_pages(op),
        page_style=_page_style(op),
    )


def _field(f: Field) -> FieldView:
    return FieldView(
        name=f.name,
        wire_name=f.wire_name,
        type=src.field_type(f),
        required=f.required,
        nullable=f.type.is_nullable,
        default=src.field_default(f),
        constraints=f.constraints,
        description=f.description,
        deprecated=f.deprecated,
    )


def _model(m: Model) -> ModelView:
    return ModelView(
        name=m.name,
        schema=m.pointer,
        title=m.title,
        description=m.description,
        tag=src.tag_text(m),
        fields=tuple(_field(f) for f in m.fields),
    )


def _enum(e: EnumType) -> EnumView:
    return EnumView(
        name=e.name,
        schema=e.pointer,
        base=e.base,
        description=e.description,
        members=tuple(MemberView(m.name, m.value, m.description) for m in e.members),
    )


def _alias(a: Alias) -> AliasView:
    return AliasView(a.name, a.pointer, src.alias_type(a), a.untagged, a.description)
