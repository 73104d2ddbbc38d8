"""The whole API as the generated package presents it."""

from __future__ import annotations

from dataclasses import dataclass

from ..naming.credentials import ACCESS_TOKEN
from ..problems import Problem
from .models import Alias, EnumType, Model
from .operations import Namespace, Operation
from .security import SecurityScheme
from .types import TypeRef


@dataclass(frozen=True)
class Server:
    name: str
    # Server variables at their defaults, no trailing `/`.
    url: str
    description: str | None


@dataclass(frozen=True)
class ErrorDetail:
    """An exception class for error statuses, and what its `detail` may hold: the union of
    the body types documented for those statuses (None when none is)."""

    name: str
    # The status it is raised for; None for the 5xx class, raised for any of them.
    status: int | None
    type: TypeRef | None


@dataclass(frozen=True)
class Api:
    title: str
    version: str
    description: str | None
    package: str
    distribution: str
    # info.version when it is a plain version number, else 0.0.0.
    package_version: str
    servers: tuple[Server, ...]
    # Every declared security scheme, in declaration order.
    security: tuple[SecurityScheme, ...]
    root: Namespace
    # Children before parents, so each class is defined before the class that uses it.
    namespaces: tuple[Namespace, ...]
    operations: tuple[Operation, ...]
    enums: tuple[EnumType, ...]
    models: tuple[Model, ...]
    aliases: tuple[Alias, ...]
    # Status -> the exception class the errors module raises for it.
    error_classes: tuple[tuple[int, str], ...]
    # The typed exception classes, in the order of `error_classes`, then the 5xx one.
    error_details: tuple[ErrorDetail, ...] = ()
    # Recoverable defects build worked around, each saying what it did.
    warnings: tuple[Problem, ...] = ()

    @property
    def credentials(self) -> tuple[SecurityScheme, ...]:
        """One scheme per constructor keyword (the first that has it), in declaration order."""
        seen: dict[str, SecurityScheme] = {}
        for scheme in self.security:
            if scheme.keyword is not None:
                seen.setdefault(scheme.keyword, scheme)
        return tuple(seen.values())

    @property
    def has_bearer_auth(self) -> bool:
        """The client takes one `access_token` for every (bearer-like) scheme."""
        credentials = self.credentials
        return bool(credentials) and all(s.is_bearer and s.keyword == ACCESS_TOKEN for s in credentials)

    @property
    def auth_description(self) -> str | None:
        """The description of the first bearer-like scheme, when that is all there is."""
        if not self.has_bearer_auth:
            return None
        return next(s.description for s in self.security if s.is_bearer)

    @property
    def default_server(self) -> str:
        return self.servers[0].name

    @property
    def paginated(self) -> Operation | None:
        """The first operation walked page by page, if any."""
        return next((o for o in self.operations if o.pagination), None)
