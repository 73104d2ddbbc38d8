"""Security schemes -> what the client can send (bearer tokens, API keys in a header, a
query parameter or a cookie, HTTP basic), the keyword each is passed as
(naming/credentials.py), and which credentials each operation sends.

A scheme the client cannot send (mutualTLS, http digest, an unknown type) is a warning that
names it; a requirement naming an undeclared scheme was reported by validate, and the name
is ignored here.
"""

from __future__ import annotations

from typing import Any

from ..ir import API_KEY, BASIC, BEARER, OAUTH2, OPEN_ID_CONNECT, UNSUPPORTED, SecurityScheme
from ..naming.credentials import credential_keywords
from ..problems import Problem, join_pointer, warning
from .document import Document

API_KEY_LOCATIONS = ("header", "query", "cookie")
_HINTS = {
    "mutualTLS": "pass an http_client= configured with your client certificate",
}


def kind_of(scheme: Any) -> tuple[str, str]:
    """(kind, what the spec says it is): `bearer`, `apiKey`, `basic`, `oauth2`,
    `openIdConnect`, or `unsupported`."""
    if not isinstance(scheme, dict):
        return UNSUPPORTED, "not a scheme object"
    kind = scheme.get("type")
    if kind == "http":
        http = str(scheme.get("scheme", "")).lower()
        if http in ("bearer", "basic"):
            return (BEARER if http == "bearer" else BASIC), f"http {http}"
        return UNSUPPORTED, f"http {http or '(no scheme)'}"
    if kind in (OAUTH2, OPEN_ID_CONNECT):
        return str(kind), str(kind)
    if kind == "apiKey":
        if scheme.get("in") in API_KEY_LOCATIONS and isinstance(scheme.get("name"), str) and scheme["name"]:
            return API_KEY, "apiKey"
        return UNSUPPORTED, f"apiKey in {scheme.get('in')!r} named {scheme.get('name')!r}"
    return UNSUPPORTED, str(kind) if kind is not None else "no type"


def is_bearer(scheme: Any) -> bool:
    return kind_of(scheme)[0] in (BEARER, OAUTH2, OPEN_ID_CONNECT)


def _declared(doc: Document) -> dict[str, Any]:
    components = doc.spec.get("components")
    schemes = components.get("securitySchemes") if isinstance(components, dict) else None
    return schemes if isinstance(schemes, dict) else {}


def security_schemes(doc: Document, problems: list[Problem]) -> tuple[SecurityScheme, ...]:
    """Every declared scheme, in declaration order; a warning for each the client cannot send."""
    raw: list[tuple[str, Any, str, str]] = []
    for name, node in _declared(doc).items():
        scheme, _ = doc.resolve(node, "")
        kind, said = kind_of(scheme)
        raw.append((str(name), scheme, kind, said))
    keywords = credential_keywords([(name, kind) for name, _, kind, _ in raw])
    out: list[SecurityScheme] = []
    for (name, scheme, kind, said), keyword in zip(raw, keywords):
        if kind == UNSUPPORTED:
            problems.append(
                warning(
                    join_pointer("/components/securitySchemes", name),
                    f"security scheme {name!r} ({said}) cannot be sent by the generated client; ignored it",
                    hint=_HINTS.get(said, "send the credential yourself through headers= or http_client="),
                )
            )
        is_key = kind == API_KEY
        description = scheme.get("description") if isinstance(scheme, dict) else None
        out.append(
            SecurityScheme(
                name=name,
                kind=kind,
                location=str(scheme["in"]) if is_key else None,
                param_name=str(scheme["name"]) if is_key else None,
                keyword=keyword,
                description=str(description) if isinstance(description, str) else None,
            )
        )
    return tuple(out)


def requirements(
    doc: Document, op: dict[str, Any], schemes: tuple[SecurityScheme, ...]
) -> tuple[tuple[tuple[str, ...], ...], tuple[tuple[str, ...], ...]]:
    """(the requirements the operation accepts, the keywords the client tries for them).

    The operation's `security`, else the document's; `[]` and absence mean no credentials.
    Names no scheme declares are dropped (validate warned); a requirement left empty by
    that is dropped too, unlike `{}`, which the spec wrote to make credentials optional.
    """
    security = op.get("security", doc.spec.get("security"))
    by_name = {s.name: s for s in schemes}
    accepted: list[tuple[str, ...]] = []
    for requirement in security if isinstance(security, list) else []:
        if not isinstance(requirement, dict):
            continue
        names = tuple(str(n) for n in requirement if str(n) in by_name)
        if names or not requirement:
            accepted.append(names)
    sends: list[tuple[str, ...]] = []
    for names in accepted:
        keywords = tuple(dict.fromkeys(k for k in (by_name[n].keyword for n in names) if k is not None))
        if keywords and keywords not in sends:
            sends.append(keywords)
    return tuple(accepted), tuple(sends)
