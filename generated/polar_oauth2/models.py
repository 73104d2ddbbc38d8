"""Data types of Polar API: msgspec structs, decoded straight from response bytes."""

from __future__ import annotations

import datetime
import uuid
from typing import ClassVar, Literal, TypeAlias

import msgspec

from ._enum import OpenStrEnum


class MemberRole(OpenStrEnum):
    OWNER = "owner"
    BILLING_MANAGER = "billing_manager"
    MEMBER = "member"


class OAuth2ClientGrantTypesItem(OpenStrEnum):
    AUTHORIZATION_CODE = "authorization_code"
    REFRESH_TOKEN = "refresh_token"


class OAuth2ClientTokenEndpointAuthMethod(OpenStrEnum):
    """Token Endpoint Auth Method"""

    CLIENT_SECRET_BASIC = "client_secret_basic"
    CLIENT_SECRET_POST = "client_secret_post"
    NONE = "none"


class Scope(OpenStrEnum):
    OPENID = "openid"
    PROFILE = "profile"
    EMAIL = "email"
    USER_READ = "user:read"
    ORGANIZATIONS_READ = "organizations:read"
    ORGANIZATIONS_WRITE = "organizations:write"
    CUSTOM_FIELDS_READ = "custom_fields:read"
    CUSTOM_FIELDS_WRITE = "custom_fields:write"
    DISCOUNTS_READ = "discounts:read"
    DISCOUNTS_WRITE = "discounts:write"
    CHECKOUT_LINKS_READ = "checkout_links:read"
    CHECKOUT_LINKS_WRITE = "checkout_links:write"
    CHECKOUTS_READ = "checkouts:read"
    CHECKOUTS_WRITE = "checkouts:write"
    PRODUCTS_READ = "products:read"
    PRODUCTS_WRITE = "products:write"
    BENEFITS_READ = "benefits:read"
    BENEFITS_WRITE = "benefits:write"
    EVENTS_READ = "events:read"
    EVENTS_WRITE = "events:write"
    METERS_READ = "meters:read"
    METERS_WRITE = "meters:write"
    FILES_READ = "files:read"
    FILES_WRITE = "files:write"
    SUBSCRIPTIONS_READ = "subscriptions:read"
    SUBSCRIPTIONS_WRITE = "subscriptions:write"
    CUSTOMERS_READ = "customers:read"
    CUSTOMERS_WRITE = "customers:write"
    CUSTOMER_SESSIONS_WRITE = "customer_sessions:write"
    ORDERS_READ = "orders:read"
    REFUNDS_READ = "refunds:read"
    REFUNDS_WRITE = "refunds:write"
    METRICS_READ = "metrics:read"
    WEBHOOKS_READ = "webhooks:read"
    WEBHOOKS_WRITE = "webhooks:write"
    EXTERNAL_ORGANIZATIONS_READ = "external_organizations:read"
    LICENSE_KEYS_READ = "license_keys:read"
    LICENSE_KEYS_WRITE = "license_keys:write"
    REPOSITORIES_READ = "repositories:read"
    REPOSITORIES_WRITE = "repositories:write"
    ISSUES_READ = "issues:read"
    ISSUES_WRITE = "issues:write"
    CUSTOMER_PORTAL_READ = "customer_portal:read"
    CUSTOMER_PORTAL_WRITE = "customer_portal:write"


class AuthorizeOrganization(
    msgspec.Struct, frozen=True, kw_only=True, omit_defaults=True
):
    id: uuid.UUID
    slug: str
    avatar_url: str | None


class AuthorizeResponseOrganization(
    msgspec.Struct,
    frozen=True,
    kw_only=True,
    omit_defaults=True,
    tag_field="sub_type",
    tag="organization",
):
    sub_type: ClassVar[Literal["organization"]] = "organization"
    client: OAuth2ClientPublic
    sub: AuthorizeOrganization | None
    scopes: list[Scope]
    organizations: list[AuthorizeOrganization]


class AuthorizeResponseUser(
    msgspec.Struct,
    frozen=True,
    kw_only=True,
    omit_defaults=True,
    tag_field="sub_type",
    tag="user",
):
    sub_type: ClassVar[Literal["user"]] = "user"
    client: OAuth2ClientPublic
    sub: AuthorizeUser | None
    scopes: list[Scope]


class AuthorizeUser(msgspec.Struct, frozen=True, kw_only=True, omit_defaults=True):
    id: uuid.UUID
    email: str
    avatar_url: str | None


class HTTPValidationError(
    msgspec.Struct, frozen=True, kw_only=True, omit_defaults=True
):
    detail: list[ValidationError] | None = None


class ListResourceOAuth2Client(
    msgspec.Struct, frozen=True, kw_only=True, omit_defaults=True
):
    items: list[OAuth2Client]
    pagination: Pagination


class Member(msgspec.Struct, frozen=True, kw_only=True, omit_defaults=True):
    """A member of a customer."""

    id: uuid.UUID
    """The ID of the member."""
    created_at: datetime.datetime
    """Creation timestamp of the object."""
    modified_at: datetime.datetime | None
    """Last modification timestamp of the object."""
    customer_id: uuid.UUID
    """The ID of the customer this member belongs to."""
    email: str
    """The email address of the member."""
    name: str | None
    """The name of the member."""
    external_id: str | None
    """The ID of the member in your system. This must be unique within the customer."""
    role: MemberRole
    """The role of the member within the customer."""


class OAuth2Client(msgspec.Struct, frozen=True, kw_only=True, omit_defaults=True):
    redirect_uris: list[str]
    token_endpoint_auth_method: OAuth2ClientTokenEndpointAuthMethod = (
        OAuth2ClientTokenEndpointAuthMethod.CLIENT_SECRET_POST
    )
    grant_types: list[OAuth2ClientGrantTypesItem] = msgspec.field(
        default_factory=lambda: [
            OAuth2ClientGrantTypesItem.AUTHORIZATION_CODE,
            OAuth2ClientGrantTypesItem.REFRESH_TOKEN,
        ]
    )
    response_types: list[Literal["code"]] = msgspec.field(
        default_factory=lambda: ["code"]
    )
    scope: str = (
        "openid profile email user:read organizations:read organizations:write custom_fields:read custom_fields:write discounts:read discounts:write checkout_links:read checkout_links:write checkouts:read checkouts:write products:read products:write benefits:read benefits:write events:read events:write meters:read meters:write files:read files:write subscriptions:read subscriptions:write customers:read customers:write customer_sessions:write orders:read refunds:read refunds:write metrics:read webhooks:read webhooks:write external_organizations:read license_keys:read license_keys:write repositories:read repositories:write issues:read issues:write customer_portal:read customer_portal:write"
    )
    client_name: str
    client_uri: str | msgspec.UnsetType | None = msgspec.UNSET
    logo_uri: str | msgspec.UnsetType | None = msgspec.UNSET
    tos_uri: str | msgspec.UnsetType | None = msgspec.UNSET
    policy_uri: str | msgspec.UnsetType | None = msgspec.UNSET
    created_at: datetime.datetime
    """Creation timestamp of the object."""
    modified_at: datetime.datetime | None
    """Last modification timestamp of the object."""
    client_id: str
    client_secret: str
    client_id_issued_at: int
    client_secret_expires_at: int


class OAuth2ClientPublic(msgspec.Struct, frozen=True, kw_only=True, omit_defaults=True):
    created_at: datetime.datetime
    """Creation timestamp of the object."""
    modified_at: datetime.datetime | None
    """Last modification timestamp of the object."""
    client_id: str
    client_name: str | None
    client_uri: str | None
    logo_uri: str | None
    tos_uri: str | None
    policy_uri: str | None


class Pagination(msgspec.Struct, frozen=True, kw_only=True, omit_defaults=True):
    total_count: int
    max_page: int


class ValidationError(msgspec.Struct, frozen=True, kw_only=True, omit_defaults=True):
    loc: list[str | int]
    msg: str
    type: str


class WebhookMemberCreatedPayload(
    msgspec.Struct,
    frozen=True,
    kw_only=True,
    omit_defaults=True,
    tag_field="type",
    tag="member.created",
):
    """Sent when a new member is created."""

    type: ClassVar[Literal["member.created"]] = "member.created"
    timestamp: datetime.datetime
    data: Member


class WebhookMemberDeletedPayload(
    msgspec.Struct,
    frozen=True,
    kw_only=True,
    omit_defaults=True,
    tag_field="type",
    tag="member.deleted",
):
    """Sent when a member is deleted."""

    type: ClassVar[Literal["member.deleted"]] = "member.deleted"
    timestamp: datetime.datetime
    data: Member


class WebhookMemberUpdatedPayload(
    msgspec.Struct,
    frozen=True,
    kw_only=True,
    omit_defaults=True,
    tag_field="type",
    tag="member.updated",
):
    """Sent when a member is updated."""

    type: ClassVar[Literal["member.updated"]] = "member.updated"
    timestamp: datetime.datetime
    data: Member


WebhookEvent: TypeAlias = (
    WebhookMemberCreatedPayload
    | WebhookMemberUpdatedPayload
    | WebhookMemberDeletedPayload
)
"""Any payload the API posts to a webhook, told apart by its `type` property."""
