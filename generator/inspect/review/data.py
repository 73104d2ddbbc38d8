"""The review as JSON, for tools: the review model as plain data."""

from __future__ import annotations

import json
from typing import Any

from .views import AliasView, EnumView, FieldView, ModelView, OperationView, ParamView, Review


def to_data(review: Review) -> dict[str, Any]:
    return {
        "api": {
            "title": review.title,
            "version": review.version,
            "security": [
                {
                    "name": s.name,
                    "kind": s.kind,
                    "in": s.location,
                    "param_name": s.param_name,
                    "keyword": s.keyword,
                    "description": s.description,
                }
                for s in review.security
            ],
        },
        "operations": [_operation(op) for op in review.operations],
        "models": [_model(m) for m in review.models],
        "enums": [_enum(e) for e in review.enums],
        "aliases": [_alias(a) for a in review.aliases],
        "webhooks": {
            "union": review.webhook_union,
            "events": [
                {"name": w.name, "event_type": w.event_type, "payload": w.payload, "summary": w.summary}
                for w in review.webhooks
            ],
        },
        "findings": [
            {"kind": f.kind, "subject": f.subject, "pointer": f.pointer, "message": f.message}
            for f in review.findings
        ],
    }


def to_json(review: Review) -> str:
    return json.dumps(to_data(review), indent=2, ensure_ascii=False) + "\n"


def _param(p: ParamView) -> dict[str, Any]:
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


def _operation(op: OperationView) -> dict[str, Any]:
    return {
        "operation_id": op.operation_id,
        "method": op.method,
        "path": op.path,
        "python": op.python,
        "call": op.call,
        "summary": op.summary,
        "description": op.description,
        "deprecated": op.deprecated,
        "tags": list(op.tags),
        "auth": list(op.auth),
        "params": [_param(p) for p in op.params],
        "returns": op.returns,
        "responses": [
            {"status": r.status, "type": r.type, "description": r.description} for r in op.responses
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
        "page_style": op.page_style,
    }


def _field(f: FieldView) -> dict[str, Any]:
    return {
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


def _model(m: ModelView) -> dict[str, Any]:
    return {
        "name": m.name,
        "schema": m.schema,
        "title": m.title,
        "description": m.description,
        "tag": m.tag,
        "fields": [_field(f) for f in m.fields],
    }


def _enum(e: EnumView) -> dict[str, Any]:
    return {
        "name": e.name,
        "schema": e.schema,
        "type": e.base,
        "description": e.description,
        "members": [
            {"name": m.name, "value": m.value, "description": m.description} for m in e.members
        ],
    }


def _alias(a: AliasView) -> dict[str, Any]:
    return {
        "name": a.name,
        "schema": a.schema,
        "type": a.type,
        "untagged": a.untagged,
        "description": a.description,
    }
