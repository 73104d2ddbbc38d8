"""Changes to the servers a client can be pointed at by name."""

from __future__ import annotations

from ...ir import Api
from ..wording import Code, message
from .change import Change


def server_changes(old_api: Api, new_api: Api) -> list[Change]:
    old = {s.name: s for s in old_api.servers}
    new = {s.name: s for s in new_api.servers}
    out: list[Change] = []
    for name, s in old.items():
        client = Code(f'Client(server="{name}")')
        if name not in new:
            out.append(
                Change(
                    "breaking",
                    "server-removed",
                    "servers",
                    message(client, " is no longer accepted"),
                    message("server ", Code(s.url or name), " removed"),
                )
            )
        elif new[name].url != s.url:
            out.append(
                Change(
                    "warning",
                    "server-url-changed",
                    "servers",
                    message(client, " now talks to ", Code(new[name].url)),
                    message("server URL ", Code(s.url), " became ", Code(new[name].url)),
                )
            )
    for name, s in new.items():
        if name not in old:
            out.append(
                Change(
                    "info",
                    "server-added",
                    "servers",
                    message("new ", Code(f'Client(server="{name}")')),
                    message("server ", Code(s.url or name), " added"),
                )
            )
    return out
