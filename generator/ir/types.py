"""Types of the generated code, as a tree of values; emit/pysource.py writes them as source."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class TypeRef:
    """A Python type as a tree, written per module by the emit layer (models are `X` in
    models.py and `models.X` elsewhere; builtins are qualified where a class member
    shadows them).

    kind is one of: builtin (name: str/int/float/bool/bytes/None/Any), stdlib (name: a
    dotted name such as datetime.datetime), model, enum, alias (name: the class or alias
    name in models.py), list, dict, tuple, union (args), literal (values: the strings and
    integers a `Literal[...]` admits, as values), file (a part of a multipart form that
    carries a file: bytes, a binary file object, or a (filename, content[, content_type])
    tuple).
    """

    kind: str
    name: str = ""
    args: tuple[TypeRef, ...] = ()
    values: tuple[str | int, ...] = ()

    @property
    def is_nullable(self) -> bool:
        return self == NONE or (self.kind == "union" and any(a == NONE for a in self.args))


NONE = TypeRef("builtin", "None")
ANY = TypeRef("builtin", "Any")
STR = TypeRef("builtin", "str")
INT = TypeRef("builtin", "int")
FLOAT = TypeRef("builtin", "float")
BOOL = TypeRef("builtin", "bool")
BYTES = TypeRef("builtin", "bytes")
UNSET = TypeRef("stdlib", "msgspec.UnsetType")
FILE = TypeRef("file")


def members(t: TypeRef) -> tuple[TypeRef, ...]:
    """The alternatives of a union; a type that is no union is its own only one."""
    return t.args if t.kind == "union" else (t,)


def walk(t: TypeRef) -> tuple[TypeRef, ...]:
    """`t` and every type inside it, depth first."""
    out = [t]
    for a in t.args:
        out.extend(walk(a))
    return tuple(out)
