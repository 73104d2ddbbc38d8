"""Which security schemes the client can send (a bearer token), and which operations
need one."""

from __future__ import annotations

from typing import Any

from .document import Document


def is_bearer(scheme: Any) -> bool:
    if not isinstance(scheme, dict):
        return False
    kind = scheme.get("type")
    if kind == "http":
        return str(scheme.get("scheme", "")).lower() == "bearer"
    return kind in ("oauth2", "openIdConnect")


def bearer_schemes(doc: Document) -> list[dict[str, Any]]:
    schemes = (doc.spec.get("components") or {}).get("securitySchemes") or {}
    return [s for s in schemes.values() if is_bearer(s)]


def needs_auth(doc: Document, op: dict[str, Any]) -> bool:
    """Whether the operation's security (or the document's) asks for a bearer token."""
    security = op.get("security", doc.spec.get("security"))
    if not security:
        return False
    schemes = doc.spec.get("components", {}).get("securitySchemes", {}) or {}
    for requirement in security:
        for name in requirement or {}:
            scheme, _ = doc.resolve(schemes.get(name, {}), "")
            if is_bearer(scheme):
                return True
    return False
