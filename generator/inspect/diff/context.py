"""What every comparison needs to know about both versions: which old names became which
new names, what aliases stand for, and which side of the contract each schema is on."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from ...ir import Api, TypeRef
from .fits import TypeNames, map_type
from .judge import judge, versus
from .usage import usage


@dataclass(frozen=True)
class Comparison:
    old: Api
    new: Api
    names: TypeNames
    # Model, enum and alias names by the sides they are on, in each version.
    old_usage: Mapping[str, set[str]]
    new_usage: Mapping[str, set[str]]

    def directions(self, old_name: str, new_name: str) -> set[str]:
        """The sides a schema is on, in either version."""
        return self.old_usage.get(old_name, set()) | self.new_usage.get(new_name, set())

    def map(self, t: TypeRef) -> TypeRef:
        """An old type in the new version's names."""
        return map_type(t, self.names.renamed)

    def judge(
        self, before: TypeRef, after: TypeRef, directions: set[str]
    ) -> tuple[str, str] | None:
        return judge(before, after, directions, self.names)

    def versus(self, before: TypeRef, after: TypeRef) -> tuple[str, ...]:
        return versus(before, after, self.names)


def comparison(old: Api, new: Api, renamed: Mapping[str, str]) -> Comparison:
    """The comparison of two versions, given old model, enum and alias names -> new names."""
    aliases = {renamed.get(a.name, a.name): map_type(a.type, renamed) for a in old.aliases}
    aliases.update({a.name: a.type for a in new.aliases})
    return Comparison(
        old=old,
        new=new,
        names=TypeNames(
            renamed=dict(renamed),
            aliases=aliases,
            enum_bases={e.name: e.base for e in new.enums + old.enums},
        ),
        old_usage=usage(old),
        new_usage=usage(new),
    )
