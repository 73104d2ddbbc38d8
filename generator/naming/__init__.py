"""Names of the generated code: identifiers from spec names, enum member names, and where
each operation lands on the client. Decided here, once, for validate and build alike."""

from __future__ import annotations

from .enum_members import enum_member_names
from .identifiers import (
    class_name,
    dedupe,
    fold_ascii,
    guard,
    identifier,
    pascal_case,
    snake_case,
    upper_snake,
    words,
)

__all__ = [
    "class_name",
    "dedupe",
    "enum_member_names",
    "fold_ascii",
    "guard",
    "identifier",
    "pascal_case",
    "snake_case",
    "upper_snake",
    "words",
]
