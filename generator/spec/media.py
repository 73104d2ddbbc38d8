"""Which of a content map's media types the client speaks, and how: read by validate (a
request body the client cannot send is refused) and by build."""

from __future__ import annotations

from typing import Any


def pick_content(content: dict[str, Any], *, request: bool) -> tuple[str, str] | None:
    """The media type to use and how to treat it: json, form, text or bytes."""
    media = sorted(content)
    for m in media:
        base = m.split(";")[0].strip().lower()
        if base == "application/json" or base.endswith("+json"):
            return m, "json"
    if request:
        for m in media:
            base = m.split(";")[0].strip().lower()
            if base == "application/x-www-form-urlencoded":
                return m, "form"
    for m in media:
        base = m.split(";")[0].strip().lower()
        if base.startswith("text/"):
            return m, "text"
    for m in media:
        base = m.split(";")[0].strip().lower()
        if base == "application/octet-stream" or not request:
            return m, "bytes"
    return None
