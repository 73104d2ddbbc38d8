"""The template context of models.py: each struct, enum and named union of the IR with the
source text that declares it, laid out as black would (see layout.py)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..ir import Alias, Dispatch, EnumMember, EnumType, Field, Model, Tag, members, walk
from . import layout
from .defaults import field_value
from .pysource import annotation, docstring, literal, string_literal


@dataclass(frozen=True)
class FieldView:
    ir: Field
    annotation: str
    # Python source after `=`, or None when the field is required under its own wire name.
    default_source: str | None
    docstring: str | None
    # The whole declaration in the class body.
    line_source: str

    def __getattr__(self, name: str) -> Any:
        return getattr(self.ir, name)


@dataclass(frozen=True)
class TagView:
    ir: Tag
    value_source: str
    # `attr: ClassVar[Literal[value]] = value`
    line_source: str

    def __getattr__(self, name: str) -> Any:
        return getattr(self.ir, name)


@dataclass(frozen=True)
class ModelView:
    ir: Model
    docstring: str | None
    fields: tuple[FieldView, ...]
    tag: TagView | None
    options_source: str
    # `class Name(msgspec.Struct, ...):`
    header_source: str

    def __getattr__(self, name: str) -> Any:
        return getattr(self.ir, name)


@dataclass(frozen=True)
class MemberView:
    ir: EnumMember
    value_source: str
    docstring: str | None
    # `NAME = value`, laid out (indented 4).
    line_source: str

    def __getattr__(self, name: str) -> Any:
        return getattr(self.ir, name)


@dataclass(frozen=True)
class EnumView:
    ir: EnumType
    base_class: str
    docstring: str | None
    members: tuple[MemberView, ...]
    # `class Name(Base):`
    header_source: str

    def __getattr__(self, name: str) -> Any:
        return getattr(self.ir, name)


@dataclass(frozen=True)
class AliasView:
    ir: Alias
    annotation: str
    # `Name: TypeAlias = ...` laid out at the module's top and in an `if` block.
    statement: str
    nested_statement: str
    docstring: str | None
    name_source: str
    variants_source: str
    # `("property", {"value": Variant, ...})` when a discriminator picks the variant.
    discriminator_source: str | None
    # `Name = untagged_union(...)`, laid out (indented 4, under `else:`).
    call_source: str

    def __getattr__(self, name: str) -> Any:
        return getattr(self.ir, name)


# The runtime's enum classes: they accept values the spec does not list yet.
ENUM_BASES = {"int": "OpenIntEnum", "str": "OpenStrEnum"}


def model_view(model: Model) -> ModelView:
    tag = _tag_view(model.tag) if model.tag else None
    # In a class body a field's name hides the builtin of that name from later annotations.
    shadowed = frozenset(f.name for f in model.fields) | ({model.tag.attr} if model.tag else set())
    fields = tuple(_field_view(f, shadowed) for f in model.fields)
    options = ["frozen=True", "kw_only=True", "omit_defaults=True"]
    if tag is not None:
        options += [f"tag_field={string_literal(tag.ir.wire_name)}", f"tag={tag.value_source}"]
    return ModelView(
        ir=model,
        docstring=docstring(model.doc, 4),
        fields=fields,
        tag=tag,
        options_source=", ".join(options),
        header_source=layout.bracketed(0, f"class {model.name}(", ["msgspec.Struct", *options], "):"),
    )


def _tag_view(tag: Tag) -> TagView:
    source = literal(tag.value)
    return TagView(tag, source, layout.attribute(4, tag.attr, f"ClassVar[Literal[{source}]]", source))


def _field_view(f: Field, shadowed: frozenset[str]) -> FieldView:
    ann = annotation(f.declared, shadowed=shadowed)
    value = field_value(f.default, f.name, f.wire_name)
    return FieldView(
        ir=f,
        annotation=ann,
        default_source=value,
        docstring=docstring(f.doc, 4),
        line_source=layout.attribute(4, f.name, ann, value),
    )


def enum_view(enum: EnumType) -> EnumView:
    return EnumView(
        ir=enum,
        base_class=ENUM_BASES[enum.base],
        docstring=docstring(enum.doc, 4),
        members=tuple(_member_view(m) for m in enum.members),
        header_source=layout.bracketed(0, f"class {enum.name}(", [ENUM_BASES[enum.base]], "):"),
    )


def _member_view(member: EnumMember) -> MemberView:
    value = literal(member.value)
    return MemberView(member, value, docstring(member.description, 4), layout.assignment(4, member.name, value))


def alias_view(alias: Alias, defined: frozenset[str] = frozenset()) -> AliasView:
    """`defined`: the aliases models.py defines before this one. Variants that name any
    other alias (itself included: a union that holds itself through a map or a list) are
    given as a function the runtime calls on first use."""
    names = [annotation(v) for v in members(alias.type)]
    variants = "(" + "".join(name + ", " for name in names).rstrip(" ") + ")"
    ahead = {n.name for n in walk(alias.type) if n.kind == "alias"} - defined
    union = annotation(alias.type)
    call: list[layout.Item] = [string_literal(alias.name), _variants_item(names, lazy=bool(ahead))]
    if alias.dispatch is not None:
        call.append(_dispatch_item(alias.dispatch))
    return AliasView(
        ir=alias,
        annotation=union,
        statement=layout.union_alias(0, f"{alias.name}: TypeAlias", union),
        nested_statement=layout.union_alias(4, f"{alias.name}: TypeAlias", union),
        docstring=docstring(alias.description),
        name_source=string_literal(alias.name),
        variants_source=f"lambda: {variants}" if ahead else variants,
        discriminator_source=_dispatch_source(alias.dispatch),
        call_source=layout.bracketed(4, f"{alias.name} = untagged_union(", call, ")"),
    )


def _variants_item(names: list[str], *, lazy: bool) -> layout.Item:
    """The variants' tuple, maybe behind a lambda: `(A,)` alone is written whole."""
    head = "lambda: (" if lazy else "("
    if len(names) == 1:
        return f"{head}{names[0]},)"
    # A variant that is a subscript (`Literal[...]`) may be split at its own brackets.
    items = layout.split_items(", ".join(names))
    return layout.Group(head, items if items is not None and len(items) == len(names) else tuple(names), ")", display=True)


def _dispatch_item(dispatch: Dispatch) -> layout.Item:
    entries = tuple(f"{literal(value)}: {annotation(t)}" for value, t in dispatch.variants)
    return layout.Group("(", (string_literal(dispatch.property), layout.Group("{", entries, "}", display=True)), ")", display=True)


def _dispatch_source(dispatch: Dispatch | None) -> str | None:
    """`("property", {"value": Variant, ...})`, for untagged_union()."""
    if dispatch is None:
        return None
    entries = ", ".join(f"{literal(value)}: {annotation(t)}" for value, t in dispatch.variants)
    return f"({string_literal(dispatch.property)}, {{{entries}}})"
