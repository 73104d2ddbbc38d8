"""Fields of a list operation's result, found by wire name at most one object down: the
vocabulary the pagination rules (page_rules.py) and the `x-pagination` extension read pages in."""

from __future__ import annotations

from collections.abc import Iterable

from ..ir import ANY, NONE, STR, UNSET, ResultPath, TypeRef, members
from .drafts import FieldDraft, ModelDraft
from .schemas import Schemas


def field_type(f: FieldDraft) -> TypeRef:
    """The field's type without the null and unset a missing or null value adds."""
    return non_null(f.type)


def non_null(t: TypeRef) -> TypeRef:
    kept = tuple(m for m in members(t) if m not in (NONE, UNSET))
    return kept[0] if len(kept) == 1 else TypeRef("union", args=kept)


def is_optional(f: FieldDraft) -> bool:
    return not f.required or any(t in (NONE, UNSET) for t in members(f.type))


def path_to(schemas: Schemas, model: ModelDraft, wires: tuple[str, ...]) -> tuple[ResultPath, FieldDraft] | None:
    """The attribute path along `wires` (each step but the last an object), and the last field."""
    names: list[str] = []
    through = False
    found: FieldDraft | None = None
    for i, wire in enumerate(wires):
        if found is not None:
            inner = field_type(found)
            if inner.kind != "model":
                return None
            through = through or is_optional(found)
            model = schemas.models[inner.name]
        found = next((f for f in model.fields if f.wire == wire), None)
        if found is None:
            return None
        names.append(found.name)
    if found is None:
        return None
    return ResultPath(tuple(names), through, is_optional(found)), found


def find(
    schemas: Schemas, model: ModelDraft, wires: Iterable[str], kinds: tuple[TypeRef, ...]
) -> ResultPath | None:
    """The first field named one of `wires` of one of the types `kinds`: at the top of the
    page first, then one object down."""
    candidates = tuple(wires)
    for prefix in ((),) + tuple((f.wire,) for f in model.fields if field_type(f).kind == "model"):
        for wire in candidates:
            found = path_to(schemas, model, prefix + (wire,))
            if found is not None and field_type(found[1]) in kinds:
                return found[0]
    return None


def item_list(schemas: Schemas, model: ModelDraft) -> tuple[ResultPath, TypeRef] | None:
    """The page's one array of typed items: the only required one, else the only one."""
    arrays = [f for f in model.fields if field_type(f).kind == "list" and field_type(f).args[0] != ANY]
    required = [f for f in arrays if not is_optional(f)]
    chosen = required if required else arrays
    if len(chosen) != 1:
        return None
    f = chosen[0]
    return ResultPath((f.name,), False, is_optional(f)), field_type(f).args[0]


def item_key(schemas: Schemas, item: TypeRef, wire: str) -> ResultPath | None:
    """The string field `wire` of the item model, or None."""
    if item.kind != "model":
        return None
    f = next((f for f in schemas.models[item.name].fields if f.wire == wire), None)
    if f is None or field_type(f) != STR:
        return None
    return ResultPath((f.name,), False, is_optional(f))
