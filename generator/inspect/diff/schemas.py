"""Pairing the models, enums and aliases of two versions, and the changes to the set of
them: a schema removed, added, renamed in Python, or become another kind of type."""

from __future__ import annotations

from dataclasses import dataclass

from ...ir import Alias, Api, EnumType, Model
from ..wording import Code, message
from .change import Change
from .match import match
from .phrases import schema_where

# (what it is: model, enum or type alias; its name; its pointer)
_Named = tuple[str, str, str]


@dataclass(frozen=True)
class SchemaPairs:
    models: tuple[tuple[Model, Model], ...]
    enums: tuple[tuple[EnumType, EnumType], ...]
    aliases: tuple[tuple[Alias, Alias], ...]
    # Names found in only one version, as (what, name, pointer).
    gone: tuple[_Named, ...]
    came: tuple[_Named, ...]

    def renamed(self) -> dict[str, str]:
        """Old model, enum and alias names -> their names in the new version."""
        out: dict[str, str] = {}
        for pairs in (self.models, self.enums, self.aliases):
            for a, b in pairs:
                out[a.name] = b.name
        return out


def pair_schemas(old: Api, new: Api) -> SchemaPairs:
    """Pair by name, then by pointer, then by what they hold (wire names, enum values)."""
    model_pairs, old_models, new_models = match(
        old.models,
        new.models,
        (
            lambda m: m.name,
            lambda m: m.pointer,
            lambda m: frozenset(f.wire_name for f in m.fields) or None,
        ),
    )
    enum_pairs, old_enums, new_enums = match(
        old.enums,
        new.enums,
        (
            lambda e: e.name,
            lambda e: e.pointer,
            lambda e: frozenset((type(m.value).__name__, m.value) for m in e.members),
        ),
    )
    alias_pairs, old_aliases, new_aliases = match(
        old.aliases, new.aliases, (lambda a: a.name, lambda a: a.pointer)
    )
    gone = [("model", m.name, m.pointer) for m in old_models]
    gone += [("enum", e.name, e.pointer) for e in old_enums]
    gone += [("type alias", a.name, a.pointer) for a in old_aliases]
    came = [("model", m.name, m.pointer) for m in new_models]
    came += [("enum", e.name, e.pointer) for e in new_enums]
    came += [("type alias", a.name, a.pointer) for a in new_aliases]
    return SchemaPairs(
        tuple(model_pairs), tuple(enum_pairs), tuple(alias_pairs), tuple(gone), tuple(came)
    )


def schema_set_changes(pairs: SchemaPairs) -> list[Change]:
    """Names exported in only one version; one exported in both but as another kind (a
    model that became a union) is a kind change."""
    changed_kind, gone, came = match(pairs.gone, pairs.came, (lambda x: x[1],))
    out = [
        _kind_changed(name, was, now, pointer) for (was, name, _), (now, _, pointer) in changed_kind
    ]
    out += [_removed(what, name, pointer) for what, name, pointer in gone]
    out += [_added(what, name, pointer) for what, name, pointer in came]
    return out


def renamed_type(what: str, old: str, new: str, pointer: str) -> Change:
    """A model, enum or type alias whose Python name changed."""
    return Change(
        "breaking",
        f"{what.replace('type ', '')}-renamed",
        schema_where(pointer),
        message(Code(f"models.{old}"), " is now ", Code(f"models.{new}"), "; imports of it fail"),
        message(f"{what} schema ", Code(schema_where(pointer)), " is unchanged on the wire"),
    )


def _kind_changed(name: str, was: str, now: str, pointer: str) -> Change:
    return Change(
        "breaking",
        "type-kind-changed",
        schema_where(pointer),
        message(
            Code(f"models.{name}"),
            f" is now a {now}, was a {was}: code that builds it or reads its attributes may break",
        ),
        message("schema ", Code(schema_where(pointer)), " changed shape"),
    )


def _removed(what: str, name: str, pointer: str) -> Change:
    return Change(
        "breaking",
        f"{what.replace('type ', '')}-removed",
        schema_where(pointer),
        message(Code(f"models.{name}"), " was removed; imports of it fail"),
        message(f"{what} schema ", Code(schema_where(pointer)), " is gone"),
    )


def _added(what: str, name: str, pointer: str) -> Change:
    return Change(
        "info",
        f"{what.replace('type ', '')}-added",
        schema_where(pointer),
        message("new ", Code(f"models.{name}")),
        message(f"new {what} schema ", Code(schema_where(pointer))),
    )
