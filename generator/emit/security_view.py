"""The template context of the credentials: each `Client`/`AsyncClient` keyword with its
annotation and the runtime call that turns it into a `_base.Credential`, the argument that
passes them on to the runtime, and each endpoint's `auth=`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..ir import API_KEY, BASIC, Api, Operation, SecurityScheme
from ..naming.credentials import ACCESS_TOKEN
from . import layout
from .pysource import string_literal

# What Endpoint(auth=...) means when it is not written: the access token.
_DEFAULT_SENDS = ((ACCESS_TOKEN,),)


@dataclass(frozen=True)
class CredentialView:
    ir: SecurityScheme
    keyword: str
    # `str | None`, or `tuple[str, str] | None` for HTTP basic.
    annotation: str
    # `api_key: str | None = None`, a parameter of the constructors.
    param_source: str
    # `_base.api_key("header", "X-Key", api_key)`: the keyword as a runtime Credential.
    credential_source: str
    # The Args line of the constructors' docstring (without the keyword).
    doc: str
    # `api_key="<api_key>"`, for the README's examples.
    example: str

    def __getattr__(self, name: str) -> Any:
        return getattr(self.ir, name)


def credential_view(scheme: SecurityScheme) -> CredentialView:
    keyword = str(scheme.keyword)
    described = " ".join(str(scheme.description or "").split())
    if scheme.kind == BASIC:
        annotation = "tuple[str, str] | None"
        make = f"_base.basic({keyword})"
        doc = "`(username, password)`, sent as `Authorization: Basic <base64>`."
        example = f'{keyword}=("<username>", "<password>")'
    elif scheme.kind == API_KEY:
        annotation = "str | None"
        where = {"query": "query parameter", "cookie": "cookie"}.get(str(scheme.location), "header")
        make = f"_base.api_key({string_literal(str(scheme.location))}, {string_literal(str(scheme.param_name))}, {keyword})"
        doc = f"Sent as the `{scheme.param_name}` {where}."
        example = f'{keyword}="<{keyword}>"'
    else:
        annotation = "str | None"
        make = f"_base.bearer({keyword})"
        doc = "Sent as `Authorization: Bearer <token>`."
        example = f'{keyword}="<token>"'
    return CredentialView(
        ir=scheme,
        keyword=keyword,
        annotation=annotation,
        param_source=f"{keyword}: {annotation} = None",
        credential_source=make,
        doc=doc + (f" {described}" if described else ""),
        example=example,
    )


def credential_views(api: Api) -> tuple[CredentialView, ...]:
    return tuple(credential_view(s) for s in api.credentials)


def uses_credential_table(api: Api) -> bool:
    """The constructors pass `credentials={...}` (built with `_base` helpers), rather than
    the one `access_token` of a bearer-only API."""
    return bool(api.credentials) and not api.has_bearer_auth


def credentials_line(api: Api, views: tuple[CredentialView, ...]) -> str:
    """The argument of `super().__init__(...)` that hands the credentials to the runtime
    (indented 12)."""
    if not uses_credential_table(api):
        return " " * 12 + ("access_token=access_token," if api.has_bearer_auth else "access_token=None,")
    entries = [f"{string_literal(v.keyword)}: {v.credential_source}" for v in views]
    return layout.bracketed(12, "credentials={", entries, "},", display=True)


def auth_line(op: Operation) -> str | None:
    """`auth=...,` of the endpoint constant (indented 4); None for the runtime's default,
    the access token."""
    if op.sends == _DEFAULT_SENDS:
        return None
    if not op.sends:
        return "    auth=False,"
    items = ["[" + ", ".join(string_literal(k) for k in keywords) + "]" for keywords in op.sends]
    return layout.bracketed(4, "auth=[", items, "],", display=True)
