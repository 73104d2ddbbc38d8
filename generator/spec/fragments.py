"""A local `$ref` is a URI reference, and its JSON pointer stands in the URI's fragment,
where `{`, `}`, spaces and non-ASCII letters must be percent-encoded (RFC 6901, section 6):
`#/paths/~1items~1%7Bid%7D/get` names the path `/items/{id}`. Documents converted from
Swagger (APIs.guru's directory has them) write references so. Such a reference is read
decoded, where the pointer as written names nothing and the decoded one names something, so
a name that holds a `%` itself still resolves as written; every later stage then sees the
plain pointer."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import unquote

from ..problems import resolve_pointer

# A `$ref` whose fragment holds a percent sign, in JSON or YAML: only then is the walk done.
_ENCODED_REF = re.compile(rb"\$ref['\"]?\s*:\s*['\"]?#[^\s'\"]*%[0-9A-Fa-f]{2}")


def decode_ref_fragments(data: Any, raw: bytes) -> None:
    """Rewrite, in place, each local `$ref` that resolves only percent-decoded."""
    if not _ENCODED_REF.search(raw):
        return
    stack = [data]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str) and ref.startswith("#/") and "%" in ref:
                decoded = unquote(ref)
                if decoded != ref and not resolve_pointer(data, ref[1:])[0] and resolve_pointer(data, decoded[1:])[0]:
                    node["$ref"] = decoded
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
