"""The type-compatibility rule: whether every value of one type is a value of another.

Both types are in the new version's names (`map_type` renames an old type); aliases are
looked through, so `Pet` fits `Cat | Dog` when `Pet` stands for `Cat | Dog`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from ...build import make_union
from ...ir import ANY, NONE, TypeRef


@dataclass(frozen=True)
class TypeNames:
    """What the rule needs to know about names: old names -> new, what each alias stands for
    (in new names), and the base (`str` or `int`) of each enum."""

    renamed: Mapping[str, str] = field(default_factory=dict)
    aliases: Mapping[str, TypeRef] = field(default_factory=dict)
    enum_bases: Mapping[str, str] = field(default_factory=dict)


def map_type(t: TypeRef, renamed: Mapping[str, str]) -> TypeRef:
    """An old type in the new version's names."""
    if t.kind in ("model", "enum", "alias"):
        return TypeRef(t.kind, renamed.get(t.name, t.name))
    if t.args:
        return replace(t, args=tuple(map_type(a, renamed) for a in t.args))
    return t


def members(t: TypeRef) -> tuple[TypeRef, ...]:
    """The members of a union, or the type itself."""
    return t.args if t.kind == "union" else (t,)


def strip_none(t: TypeRef) -> TypeRef:
    """The type without `None`."""
    real = [m for m in members(t) if m != NONE]
    return make_union(real) if real else NONE


def fits(a: TypeRef, b: TypeRef, names: TypeNames, expanding: frozenset[str] = frozenset()) -> bool:
    """Whether every value of type `a` is a value of type `b` (both in new names).
    `expanding` holds the aliases being looked through, so an alias naming itself stops."""
    if a == b or b == ANY:
        return True
    if a == ANY:
        return False
    if a.kind == "alias" and a.name in names.aliases and a.name not in expanding:
        return fits(names.aliases[a.name], b, names, expanding | {a.name})
    if b.kind == "alias" and b.name in names.aliases and b.name not in expanding:
        return fits(a, names.aliases[b.name], names, expanding | {b.name})
    if a.kind == "union":
        return all(fits(m, b, names, expanding) for m in a.args)
    if a.kind == "literal" and len(a.values) > 1:
        return all(fits(TypeRef("literal", values=(v,)), b, names, expanding) for v in a.values)
    if b.kind == "union":
        return any(fits(a, m, names, expanding) for m in b.args)
    if a.kind == "literal":
        return _literal_fits(a, b)
    if a.kind == "builtin" and b.kind == "builtin":
        return (a.name, b.name) == ("int", "float")
    if a.kind == "enum" and b.kind == "builtin":
        return names.enum_bases.get(a.name, "str") == b.name
    if a.kind == b.kind and a.kind in ("list", "dict"):
        return fits(a.args[0], b.args[0], names, expanding)
    if a.kind == b.kind == "tuple":
        return len(a.args) == len(b.args) and all(
            fits(x, y, names, expanding) for x, y in zip(a.args, b.args)
        )
    return False


def _literal_fits(a: TypeRef, b: TypeRef) -> bool:
    """A one-value literal: in another literal, or a string (number) in `str` (`int`, `float`)."""
    value = a.values[0]
    if b.kind == "literal":
        return any(type(v) is type(value) and v == value for v in b.values)
    if isinstance(value, str):
        return (b.kind, b.name) == ("builtin", "str")
    return (b.kind, b.name) in {("builtin", "int"), ("builtin", "float")}
