"""How a union is decoded: the one place that decides it.

A union msgspec can decode natively stays a plain union: its members differ by JSON type,
and its structs are told apart by a tag (the discriminator's value, or a required property
that is const in every variant). Any other union becomes a named type the runtime decodes
by trying each variant, exact values first (`_specificity`); when it has a discriminator
that msgspec cannot express (several values naming one variant), a Dispatch table picks the
variant before any is tried.

A discriminator's value for a variant: the mapping's, when it names one; else the single
value the variant pins its property to (`const`, or an `enum` of one); only then the
variant's schema name (OpenAPI's implicit rule). Where the mapping and the variant's own
value disagree, the variant's value wins (it is what the server sends) and a warning says
so. A struct carries one tag: one that two discriminators would tag differently, or that a
Dispatch table reaches under another value, is tagged by none (build/api.py builds again
with it untaggable), and its unions are decoded by dispatch or by trying.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Protocol, TypeGuard

from .. import naming
from ..ir import NONE, Dispatch, TypeRef, members, walk
from ..naming.placement import RESERVED_MEMBER_NAMES
from ..problems import join_pointer, split_pointer, warning
from .drafts import AliasDraft, FieldDraft, ModelDraft
from .enums import literal_type
from .typeops import make_union

if TYPE_CHECKING:
    from .schemas import Schemas


def union_of(
    schemas: Schemas,
    variants: list[TypeRef],
    schema: dict[str, Any],
    pointer: str,
    hint: str,
    alias_name: str | None,
) -> TypeRef:
    """One type for values of any of these types: a union msgspec decodes natively, else a
    named one the runtime decodes by trying each variant."""
    result = make_union(variants)
    models = [m for m in members(result) if m.kind == "model"]
    if len(models) > 1:
        _tag(schemas, models, schema.get("discriminator"), pointer)
    native = msgspec_union_problem(result, schemas) is None and (
        is_discriminator(schema.get("discriminator")) or not _tag_may_be_absent(schemas, models)
    )
    if (alias_name is None or alias_name not in schemas.tried) and native:
        return result
    # msgspec cannot tell these variants apart by JSON type or tag: the union becomes a
    # named type that the runtime decodes by trying each variant, best match first.
    real = tuple(m for m in members(result) if m != NONE)
    name = alias_name or schemas.doc.new_class(hint)
    ordered = TypeRef("union", args=tuple(sorted(real, key=_specificity)))
    description = schema.get("description") or schema.get("title")
    schemas.aliases[name] = AliasDraft(
        pointer, ordered, description, untagged=True, dispatch=_dispatch(schemas, schema, real, pointer)
    )
    alias = TypeRef("alias", name)
    return make_union([alias, NONE]) if result.is_nullable else alias


def _tag_may_be_absent(schemas: Schemas, models: list[TypeRef]) -> bool:
    """A variant tagged by another union (with a discriminator, which makes its property
    required there) whose own schema lets a value leave the tag property out: msgspec's
    tagged union would refuse such a value, so a union with no discriminator of its own
    is decoded by trying its variants instead."""
    for model in models:
        draft = schemas.models[model.name]
        if draft.tag is not None and not any(f.wire == draft.tag[0] and f.required for f in draft.fields):
            return True
    return False


def _dispatch(
    schemas: Schemas, schema: dict[str, Any], variants: tuple[TypeRef, ...], pointer: str
) -> Dispatch | None:
    """The discriminator of a union msgspec cannot tag (several values naming one
    variant), as the runtime reads it: each value with its variant."""
    discriminator = schema.get("discriminator")
    if not is_discriminator(discriminator):
        return None
    table: dict[str | int, TypeRef] = {}
    for value, variant in discriminator_values(schemas, discriminator, variants, pointer):
        table.setdefault(value, variant)
    return Dispatch(discriminator["propertyName"], tuple(table.items())) if table else None


def discriminator_values(
    schemas: Schemas, discriminator: dict[str, Any], variants: Iterable[TypeRef], pointer: str = ""
) -> list[tuple[str | int, TypeRef]]:
    """(value, model) for each value the discriminator names among these variants (see
    the module docstring for the order). Mapping targets are looked up, never converted:
    one that is no variant is not generated for it."""
    prop = discriminator["propertyName"]
    models = [v for v in variants if v.kind == "model"]
    pairs: list[tuple[str | int, TypeRef]] = []
    for value, target in (discriminator.get("mapping") or {}).items():
        target = str(target)
        tokens = split_pointer(target) if target.startswith("#") else ["components", "schemas", target]
        named = len(tokens) == 3 and tokens[:2] == ["components", "schemas"]
        cls = schemas.doc.component_class.get(tokens[2]) if named else None
        model = TypeRef("model", cls or "")
        if cls is None or model not in models:
            continue
        own = own_value(schemas, model, prop)
        if own is not None and own != str(value):
            schemas.warn(
                warning(
                    join_pointer(pointer, "discriminator", "mapping", str(value)),
                    f"the mapping names {str(value)!r} for {cls}, whose {prop!r} is always {own!r}; "
                    f"used {own!r}, the value the server sends",
                )
            )
        pair: tuple[str | int, TypeRef] = (str(value) if own is None else own, model)
        if pair not in pairs:
            pairs.append(pair)
    mapped = {model for _, model in pairs}
    for model in models:
        if model in mapped:
            continue
        own = own_value(schemas, model, prop)
        tokens = split_pointer(schemas.models[model.name].pointer)
        if own is not None:
            pairs.append((own, model))
        elif len(tokens) == 3 and tokens[:2] == ["components", "schemas"]:
            pairs.append((tokens[2], model))
    return pairs


def own_value(schemas: Schemas, model: TypeRef, prop: str) -> str | int | None:
    """The one value a struct pins `prop` to: a `const`, or an `enum` of one value."""
    draft = schemas.models.get(model.name)
    found = next((f for f in draft.fields if f.wire == prop), None) if draft else None
    if found is None:
        return None
    t = found.type
    if t.kind == "literal" and len(t.values) == 1:
        return t.values[0]
    if t.kind == "enum":
        enum = schemas.enums.get(t.name)
        if enum is not None and len(enum.members) == 1:
            return enum.members[0].value
    return None


def _tag(schemas: Schemas, models: list[TypeRef], discriminator: Any, pointer: str) -> None:
    """Give each struct of a union the tag it is told apart by: the discriminator's, or
    failing that a required property whose const value differs across all variants."""
    drafts = [schemas.models[m.name] for m in models]
    if is_discriminator(discriminator):
        pairs = discriminator_values(schemas, discriminator, models, pointer)
        named = Counter(model for _, model in pairs)
        # msgspec gives a struct one tag, so a variant that several values name leaves the
        # union to the runtime, which reads the discriminator itself (_dispatch). The
        # variants that one value names are still tagged: a tag is always sent, where a
        # const property equal to its default would be left out.
        wanted: list[tuple[ModelDraft, str | int]] = [
            (schemas.models[model.name], value) for value, model in pairs if named[model] == 1
        ]
        _apply_tags(schemas, discriminator["propertyName"], wanted)
        for model in [m for m in named if named[m] > 1]:
            _carry(schemas.models[model.name], discriminator["propertyName"], [v for v, m in pairs if m == model])
        return
    # No discriminator: look for a property that is const in every variant.
    candidates: dict[str, list[str | int]] | None = None
    for draft in drafts:
        consts = {
            f.wire: f.type.values[0]
            for f in draft.fields
            if f.required and f.type.kind == "literal" and len(f.type.values) == 1
        }
        if candidates is None:
            candidates = {k: [v] for k, v in consts.items()}
        else:
            candidates = {k: vs + [consts[k]] for k, vs in candidates.items() if k in consts}
    for prop, consts_seen in sorted((candidates or {}).items()):
        if len(set(consts_seen)) == len(consts_seen):
            _apply_tags(schemas, prop, list(zip(drafts, consts_seen)))
            return


def _carry(draft: ModelDraft, prop: str, values: list[str | int]) -> None:
    """A variant several discriminator values name, without the property itself: it gets
    the property as an optional field (the values as its literal type), so the value read
    is kept and a request can send it; a tag cannot say which of them it is."""
    if any(f.wire == prop for f in draft.fields) or (draft.tag is not None and draft.tag[0] == prop):
        return
    name = naming.identifier(prop)
    if name in RESERVED_MEMBER_NAMES:
        name += "_"
    if any(f.name == name for f in draft.fields):
        return  # the Python name is another property's: left to the runtime's dispatch
    draft.fields.append(
        FieldDraft(
            wire=prop,
            name=name,
            type=literal_type(values),
            required=False,
            has_default=False,
            default=None,
            description=None,
            deprecated=False,
            constraints=(),
        )
    )


def _apply_tags(schemas: Schemas, prop: str, wanted: list[tuple[ModelDraft, str | int]]) -> None:
    if any(draft.name in schemas.untaggable for draft, _ in wanted):
        return
    clash = [draft.name for draft, value in wanted if draft.tag is not None and draft.tag != (prop, value)]
    if clash:
        # Tagged differently elsewhere: tagged by neither union, once build/api.py has
        # built again with these structs untaggable.
        schemas.tag_conflicts.update(clash)
        return
    for draft, value in wanted:
        draft.tag = (prop, value)


def recursive_native_aliases(schemas: Schemas) -> set[str]:
    """Named unions msgspec would decode that hold themselves: a type alias cannot name
    itself at run time, so these are left to the runtime (see build/api.py)."""
    graph = {
        name: {n.name for n in walk(draft.type) if n.kind == "alias" and n.name in schemas.aliases}
        for name, draft in schemas.aliases.items()
    }
    out: set[str] = set()
    for start, reached in graph.items():
        seen: set[str] = set()
        todo = list(reached)
        while todo:
            name = todo.pop()
            if name == start:
                out.add(start)
                break
            if name not in seen:
                seen.add(name)
                todo.extend(graph.get(name, ()))
    return {name for name in out if not schemas.aliases[name].untagged}


def dispatch_conflicts(schemas: Schemas) -> set[str]:
    """Structs a Dispatch table reaches under a value their tag rejects."""
    out: set[str] = set()
    for draft in schemas.aliases.values():
        if draft.dispatch is None:
            continue
        for value, variant in draft.dispatch.variants:
            tagged = schemas.models[variant.name].tag if variant.name in schemas.models else None
            if tagged is not None and tagged != (draft.dispatch.property, value):
                out.add(variant.name)
    return out


def is_discriminator(value: Any) -> TypeGuard[dict[str, Any]]:
    return isinstance(value, dict) and isinstance(value.get("propertyName"), str)


class UnionContext(Protocol):
    def tag_of(self, model: str) -> tuple[str, str | int] | None: ...
    def enum_base(self, name: str) -> str: ...
    def alias_target(self, name: str) -> TypeRef | None: ...


class _NoContext:
    def tag_of(self, model: str) -> tuple[str, str | int] | None:
        return None

    def enum_base(self, name: str) -> str:
        return "str"

    def alias_target(self, name: str) -> TypeRef | None:
        return None


def msgspec_union_problem(t: TypeRef, context: UnionContext | None = None) -> str | None:
    """Why msgspec could not decode this union natively, or None when it can.

    msgspec tells union members apart by JSON type alone: at most one string-like, one
    integer-like, one array-like and one object-like member (structs all tagged by the same
    field count as one), and a runtime-decoded type only beside None.
    """
    ctx = context or _NoContext()
    found_members: list[TypeRef] = []
    pending = [m for m in members(t) if m != NONE]
    while pending:
        m = pending.pop(0)
        target = ctx.alias_target(m.name) if m.kind == "alias" else None
        if target is not None:
            pending.extend(x for x in members(target) if x != NONE)
        else:
            found_members.append(m)
    if len(found_members) < 2:
        return None
    groups: dict[str, list[TypeRef]] = {}
    for m in found_members:
        groups.setdefault(_json_group(m, ctx), []).append(m)
    if "custom" in groups:
        return "a variant is itself decoded by trying its variants"
    for group, found in groups.items():
        if len(found) < 2:
            continue
        names = ", ".join(m.name or m.kind for m in found)
        if group == "object":
            tags = [ctx.tag_of(m.name) if m.kind == "model" else None for m in found]
            values = [tg[1] for tg in tags if tg]
            if all(tags) and len({tg[0] for tg in tags if tg}) == 1 and len(set(values)) == len(values):
                continue
            return f"variants {names} are all JSON objects with no tag to tell them apart"
        return f"variants {names} share one JSON type and cannot be told apart"
    return None


def _json_group(m: TypeRef, ctx: UnionContext) -> str:
    if m.kind == "literal":
        return "str" if isinstance(m.values[0], str) else "int"
    if m.kind == "builtin":
        return {"bytes": "str"}.get(m.name, m.name)
    if m.kind == "stdlib":
        return "str"
    if m.kind == "enum":
        return ctx.enum_base(m.name)
    if m.kind in ("list", "tuple"):
        return "array"
    if m.kind in ("dict", "model"):
        return "object"
    if m.kind == "alias":
        return "custom"
    return m.kind


def _specificity(t: TypeRef) -> tuple[int, int]:
    """Try order for runtime-decoded unions: exact values before open types, so `"now"`
    becomes the literal and not a string, and a timestamp a datetime and not a string."""
    rank = {
        "literal": 0,
        "enum": 1,
        "stdlib": 2,
        "model": 3,
        "alias": 3,
        "tuple": 3,
        "list": 4,
        "dict": 4,
    }.get(t.kind)
    if rank is None:
        rank = {"bool": 5, "int": 6, "float": 7, "bytes": 8, "str": 9}.get(t.name, 10)
    return (rank, 0)
