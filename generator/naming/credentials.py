"""The `Client`/`AsyncClient` keyword each security scheme's credential is passed as.

One rule, decided here:

- When every scheme the client can send is a bearer token (http bearer, oauth2,
  openIdConnect), they share one keyword, `access_token`: the one token is sent as
  `Authorization: Bearer <token>` for whichever of them an operation asks for.
- Otherwise each scheme has its own keyword: its name in `components/securitySchemes` in
  snake_case (`ApiKeyAuth` -> `api_key_auth`, `basic` -> `basic`), in declaration order; a
  name the constructor already uses (`server`, `timeout`, ...) or an earlier scheme took
  gets `_2`, `_3`.
- A scheme the client cannot send (mutualTLS, http digest, ...) has no keyword.
"""

from __future__ import annotations

from collections.abc import Sequence

from .identifiers import dedupe, identifier

# The keyword every bearer-only API takes (Polar's clients among them).
ACCESS_TOKEN = "access_token"
BEARER_KINDS = frozenset({"bearer", "oauth2", "openIdConnect"})
SENDABLE_KINDS = BEARER_KINDS | {"apiKey", "basic"}
# The other keywords of the generated constructors.
CONSTRUCTOR_PARAMS = frozenset(
    {"self", "server", "base_url", "timeout", "max_retries", "headers", "http_client", "credentials"}
)


def credential_keywords(schemes: Sequence[tuple[str, str]]) -> list[str | None]:
    """`schemes`: (name, kind) in declaration order; the keyword of each, None for a
    scheme the client cannot send."""
    sendable = [kind for _, kind in schemes if kind in SENDABLE_KINDS]
    if sendable and all(kind in BEARER_KINDS for kind in sendable):
        return [ACCESS_TOKEN if kind in SENDABLE_KINDS else None for _, kind in schemes]
    names = dedupe(
        (identifier(name, prefix="auth_", empty="credential") for name, kind in schemes if kind in SENDABLE_KINDS),
        CONSTRUCTOR_PARAMS,
    )
    chosen = iter(names)
    return [next(chosen) if kind in SENDABLE_KINDS else None for _, kind in schemes]
