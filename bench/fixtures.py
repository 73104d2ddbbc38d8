"""The response every subject decodes: one realistic, deterministic page of OAuth2 clients.

The page follows `ListResource_OAuth2Client_` in spec/polar-oauth2.yaml: `items` of
`OAuth2Client` (every property the schema declares, with the nullable URIs and
`modified_at` null on some items, as a real account's list has) and `pagination`.
Values come from a seeded generator, so every run and every subject gets the same bytes.

Standard library only: this module is imported by the harness in each peer's venv.
"""

from __future__ import annotations

import datetime
import json
import random
import string
from typing import Any

BASE_URL = "https://api.polar.test"
PATH = "/v1/oauth2/"
PAGE_SIZE = 100
TOTAL_COUNT = 1234
ACCESS_TOKEN = "polar_oat_benchmark0000000000000000000000"
SEED = 20240501

GRANT_TYPES = ["authorization_code", "refresh_token"]
AUTH_METHODS = ["client_secret_basic", "client_secret_post", "none"]

# The spec's default scope, which is what most clients registered through the dashboard carry.
FULL_SCOPE = (
    "openid profile email user:read organizations:read organizations:write "
    "custom_fields:read custom_fields:write discounts:read discounts:write "
    "checkout_links:read checkout_links:write checkouts:read checkouts:write "
    "products:read products:write benefits:read benefits:write events:read "
    "events:write meters:read meters:write files:read files:write "
    "subscriptions:read subscriptions:write customers:read customers:write "
    "customer_sessions:write orders:read refunds:read refunds:write metrics:read "
    "webhooks:read webhooks:write external_organizations:read license_keys:read "
    "license_keys:write repositories:read repositories:write issues:read "
    "issues:write customer_portal:read customer_portal:write"
)

_WORDS = [
    "acme", "analytics", "billing", "bridge", "cloud", "dash", "flow", "forge", "hub",
    "insight", "ledger", "link", "metrics", "nimbus", "orbit", "pilot", "portal", "relay",
    "sync", "vault",
]  # fmt: skip
_TOKEN_CHARS = string.ascii_letters + string.digits
_EPOCH = datetime.datetime(2024, 1, 1, tzinfo=datetime.timezone.utc)


def _token(rng: random.Random, prefix: str, length: int) -> str:
    return prefix + "".join(rng.choice(_TOKEN_CHARS) for _ in range(length))


def _timestamp(moment: datetime.datetime) -> str:
    """As Polar's API writes them: microseconds and a `Z` suffix."""
    return moment.strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _maybe(rng: random.Random, value: str, probability: float) -> str | None:
    return value if rng.random() < probability else None


def oauth2_client(rng: random.Random, index: int) -> dict[str, Any]:
    """One `OAuth2Client`, every property present, as the API serialises it."""
    name = f"{rng.choice(_WORDS)}-{rng.choice(_WORDS)}"
    site = f"https://{name}.example.com"
    created = _EPOCH + datetime.timedelta(
        seconds=rng.randrange(0, 300 * 86_400), microseconds=rng.randrange(1_000_000)
    )
    modified = created + datetime.timedelta(seconds=rng.randrange(1, 30 * 86_400))
    redirects = [f"{site}/oauth/callback"] + [
        f"http://localhost:{3000 + i}/callback" for i in range(rng.randrange(0, 3))
    ]
    scope = FULL_SCOPE if rng.random() < 0.6 else "openid profile email user:read"
    return {
        "redirect_uris": redirects,
        "token_endpoint_auth_method": rng.choice(AUTH_METHODS),
        "grant_types": list(GRANT_TYPES),
        "response_types": ["code"],
        "scope": scope,
        "client_name": f"{name.replace('-', ' ').title()} #{index}",
        "client_uri": _maybe(rng, site, 0.9),
        "logo_uri": _maybe(rng, f"{site}/static/logo.png", 0.6),
        "tos_uri": _maybe(rng, f"{site}/legal/terms", 0.5),
        "policy_uri": _maybe(rng, f"{site}/legal/privacy", 0.5),
        "created_at": _timestamp(created),
        "modified_at": _timestamp(modified) if rng.random() < 0.7 else None,
        "client_id": _token(rng, "polar_ci_", 22),
        "client_secret": _token(rng, "polar_cs_", 43),
        "client_id_issued_at": int(created.timestamp()),
        "client_secret_expires_at": 0,
    }


def page(size: int = PAGE_SIZE, seed: int = SEED) -> dict[str, Any]:
    """`ListResource[OAuth2Client]`: the first page of `size` items."""
    rng = random.Random(seed)
    items = [oauth2_client(rng, i) for i in range(size)]
    max_page = -(-TOTAL_COUNT // size)
    return {"items": items, "pagination": {"total_count": TOTAL_COUNT, "max_page": max_page}}


def page_bytes(size: int = PAGE_SIZE, seed: int = SEED) -> bytes:
    """The page as compact JSON, the way the API sends it."""
    return json.dumps(page(size, seed), separators=(",", ":")).encode()


if __name__ == "__main__":
    body = page_bytes()
    print(f"{len(body)} bytes, {PAGE_SIZE} items")
