"""The intermediate representation: everything decided about the generated client, as
values. Frozen dataclasses only: no Python source text (emit/ writes that), no Jinja, no
black. Every decision can be unit-tested here, on values."""

from __future__ import annotations

from .api import Api, ErrorDetail, Server
from .models import NATIVE, TRIED, Alias, Dispatch, EnumMember, EnumType, Field, Model, Tag
from .operations import Body, BodyMedia, Namespace, Operation, Param, Part, ResponseCase
from .pagination import Cursor, NextLink, OffsetLimit, PageNumber, PageStyle, Pagination, ResultPath
from .security import API_KEY, BASIC, BEARER, OAUTH2, OPEN_ID_CONNECT, UNSUPPORTED, SecurityScheme
from .types import ANY, BOOL, BYTES, FILE, FLOAT, INT, NONE, STR, UNSET, TypeRef, members, walk
from .values import NULL, UNSET_DEFAULT, Default
from .webhooks import Webhook, Webhooks

__all__ = [
    "ANY",
    "API_KEY",
    "BASIC",
    "BEARER",
    "BOOL",
    "BYTES",
    "FILE",
    "FLOAT",
    "INT",
    "NATIVE",
    "NONE",
    "NULL",
    "OAUTH2",
    "OPEN_ID_CONNECT",
    "STR",
    "TRIED",
    "UNSET",
    "UNSET_DEFAULT",
    "UNSUPPORTED",
    "Alias",
    "Api",
    "Body",
    "BodyMedia",
    "Cursor",
    "Default",
    "Dispatch",
    "EnumMember",
    "EnumType",
    "ErrorDetail",
    "Field",
    "Model",
    "Namespace",
    "NextLink",
    "OffsetLimit",
    "Operation",
    "PageNumber",
    "PageStyle",
    "Pagination",
    "Param",
    "Part",
    "ResponseCase",
    "ResultPath",
    "SecurityScheme",
    "Server",
    "Tag",
    "TypeRef",
    "Webhook",
    "Webhooks",
    "members",
    "walk",
]
