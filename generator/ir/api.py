"""The whole API as the generated package presents it."""

from __future__ import annotations

from dataclasses import dataclass

from ..problems import Problem
from .models import Alias, EnumType, Model
from .operations import Namespace, Operation


@dataclass(frozen=True)
class Server:
    name: str
    # Server variables at their defaults, no trailing `/`.
    url: str
    description: str | None


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
    has_bearer_auth: bool
    auth_description: str | None
    root: Namespace
    # Children before parents, so each class is defined before the class that uses it.
    namespaces: tuple[Namespace, ...]
    operations: tuple[Operation, ...]
    enums: tuple[EnumType, ...]
    models: tuple[Model, ...]
    aliases: tuple[Alias, ...]
    # Status -> the exception class the errors module raises for it.
    error_classes: tuple[tuple[int, str], ...]
    # Recoverable defects build worked around, each saying what it did.
    warnings: tuple[Problem, ...] = ()

    @property
    def default_server(self) -> str:
        return self.servers[0].name

    @property
    def paginated(self) -> Operation | None:
        """The first operation walked page by page, if any."""
        return next((o for o in self.operations if o.pagination), None)
