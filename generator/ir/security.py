"""Security schemes as the client sends them."""

from __future__ import annotations

from dataclasses import dataclass

# SecurityScheme.kind
BEARER = "bearer"
API_KEY = "apiKey"
BASIC = "basic"
OAUTH2 = "oauth2"
OPEN_ID_CONNECT = "openIdConnect"
UNSUPPORTED = "unsupported"


@dataclass(frozen=True)
class SecurityScheme:
    # Its name under components/securitySchemes.
    name: str
    # bearer, apiKey, basic, oauth2, openIdConnect (the last two sent as a bearer token), or
    # unsupported (mutualTLS, http digest, ...: the client sends nothing for it).
    kind: str
    # apiKey only: header, query or cookie, and the header, parameter or cookie name.
    location: str | None
    param_name: str | None
    # The Client/AsyncClient keyword (naming/credentials.py); None when unsupported.
    keyword: str | None
    description: str | None

    @property
    def is_bearer(self) -> bool:
        """Sent as `Authorization: Bearer <token>`."""
        return self.kind in (BEARER, OAUTH2, OPEN_ID_CONNECT)
