"""The servers a client can be pointed at by name."""

from __future__ import annotations

from .. import naming
from ..ir import Server
from .document import Document


def servers(doc: Document) -> tuple[Server, ...]:
    raw = [s for s in doc.spec.get("servers") or [] if isinstance(s, dict)]
    if not raw:
        return (Server("default", "", "No server is declared: pass base_url."),)
    names: list[str] = []
    for i, server in enumerate(raw):
        name = server.get("x-speakeasy-server-id") or server.get("x-server-name")
        if not name and server.get("description"):
            name = next(iter(naming.words(str(server["description"]))), None)
        names.append(naming.identifier(str(name or ("default" if i == 0 else f"server{i + 1}"))))
    out: list[Server] = []
    for name, server in zip(naming.dedupe(names), raw):
        url = str(server.get("url", ""))
        for var, spec in (server.get("variables") or {}).items():
            url = url.replace("{" + var + "}", str(spec.get("default", "")))
        out.append(Server(name=name, url=url.rstrip("/"), description=server.get("description")))
    return tuple(out)
