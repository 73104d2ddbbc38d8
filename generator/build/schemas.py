"""Schemas -> IR types: which schema becomes a struct, an enum, a named union or a type
written where it is used, and what each is called. Union decoding is unions.py's."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, TypeGuard

from .. import naming
from ..ir import ANY, BOOL, BYTES, FLOAT, INT, NONE, STR, EnumType, TypeRef, members
from ..naming.placement import RESERVED_MEMBER_NAMES
from ..naming.union_members import member_names
from ..problems import Problem, join_pointer, split_pointer, warning
from ..spec.defaults import DefaultJudge
from ..spec.recursive_refs import recursive_target
from . import unions
from .class_kinds import component_kind, is_object_model
from .document import Document
from .drafts import AliasDraft, FieldDraft, ModelDraft
from .enums import enum_base, enum_type, literal_type
from .member_facts import member_facts
from .shared_members import has_shared_members, shared_union, union_key
from .typeops import make_union

SCHEMAS = "/components/schemas"
# What msgspec refuses in a renamed field's wire name.
_UNMAPPABLE = re.compile(r'["\\\x00-\x1f]')

STRING_FORMATS = {
    "date-time": TypeRef("stdlib", "datetime.datetime"),
    "date": TypeRef("stdlib", "datetime.date"),
    "time": TypeRef("stdlib", "datetime.time"),
    "duration": TypeRef("stdlib", "datetime.timedelta"),
    "uuid": TypeRef("stdlib", "uuid.UUID"),
    "uuid1": TypeRef("stdlib", "uuid.UUID"),
    "uuid3": TypeRef("stdlib", "uuid.UUID"),
    "uuid4": TypeRef("stdlib", "uuid.UUID"),
    "uuid5": TypeRef("stdlib", "uuid.UUID"),
    "byte": BYTES,
    "binary": BYTES,
}
_CONSTRAINT_KEYS = (
    "minLength",
    "maxLength",
    "pattern",
    "minimum",
    "maximum",
    "exclusiveMinimum",
    "exclusiveMaximum",
    "minItems",
    "maxItems",
    "multipleOf",
    "format",
)


class Schemas:
    """Converts schemas to types, declaring each struct, enum and named union once."""

    def __init__(
        self, doc: Document, untaggable: frozenset[str] = frozenset(), tried: frozenset[str] = frozenset()
    ) -> None:
        self.doc = doc
        # Structs no union may tag, and those found wanted under two tags; named unions
        # decoded by trying whatever msgspec could do (they hold themselves) (unions.py).
        self.untaggable = untaggable
        self.tried = tried
        self.tag_conflicts: set[str] = set()
        self.warnings: list[Problem] = []
        self.memo: dict[str, TypeRef] = {}
        # Inline enums and objects by where they stand, so a schema reached twice (through
        # allOf, or a shared $ref target) is declared once.
        self.inline: dict[str, TypeRef] = {}
        self.models: dict[str, ModelDraft] = {}
        self.enums: dict[str, EnumType] = {}
        self.aliases: dict[str, AliasDraft] = {}
        # A default that does not match its schema is dropped (validation warns of it).
        self.defaults = DefaultJudge(doc.spec)
        # The fields of multipart forms' models that carry files (build/multipart.py), by
        # model and wire name: FILE types where the JSON schema says `bytes`.
        self.file_parts: dict[str, dict[str, TypeRef]] = {}

    def convert(self, schema: Any, pointer: str, hint: str) -> TypeRef:
        if schema is True or schema == {} or schema is None:
            return ANY
        if not isinstance(schema, dict):
            return ANY
        recursive = recursive_target(self.doc.spec, pointer) if "$recursiveRef" in schema else None
        if isinstance(schema.get("$ref"), str):
            t = self.ref(schema["$ref"])
        elif recursive is not None:
            t = self.ref("#" + recursive)
        else:
            t = self._convert_inner(schema, pointer, hint)
        if schema.get("nullable") is True:
            t = make_union([t, NONE])
        return t

    def ref(self, ref: str) -> TypeRef:
        target = ref[1:]
        tokens = split_pointer(target)
        if len(tokens) == 3 and tokens[:2] == ["components", "schemas"]:
            return self.component(tokens[2])
        node = self.doc.lookup(target)
        return self.convert(node, target, naming.pascal_case(tokens[-1] if tokens else "Schema"))

    def component(self, name: str) -> TypeRef:
        pointer = join_pointer(SCHEMAS, name)
        if pointer in self.memo:
            return self.memo[pointer]
        schema = self.doc.schemas[name]
        cls = self.doc.component_class[name]
        kind = component_kind(self.doc, schema)
        # Null allowed by the schema itself (3.0's `nullable`, a `null` type or enum value)
        # holds wherever the component is used, not only where it is written inline.
        nullable = admits_null(schema)
        if kind == "model":
            self.memo[pointer] = TypeRef("model", cls)
            self.object_type(schema, pointer, cls, name=cls)
            return self._settle(pointer, TypeRef("model", cls), nullable)
        if kind == "enum":
            self.memo[pointer] = TypeRef("enum", cls)
            self.enums[cls] = enum_type(cls, schema, pointer)
            return self._settle(pointer, TypeRef("enum", cls), nullable or None in schema["enum"])
        if kind == "alias":
            self.memo[pointer] = TypeRef("alias", cls)
            description = schema.get("description") or schema.get("title")
            target = self._convert_inner(schema, pointer, cls, alias_name=cls)
            if cls in self.aliases:
                # The union could not be decoded natively and is now the alias itself;
                # what came back may be `Alias | None`.
                return self._settle(pointer, target, nullable)
            real = make_union([m for m in members(target) if m != NONE]) if target.is_nullable else target
            self.aliases[cls] = AliasDraft(pointer, real, description, untagged=False)
            return self._settle(pointer, TypeRef("alias", cls), nullable or target.is_nullable)
        # Primitives, arrays and maps are written out where they are used.
        self.memo[pointer] = ANY
        t = self.convert(schema, pointer, cls)
        self.memo[pointer] = t
        return t

    def _settle(self, pointer: str, t: TypeRef, nullable: bool) -> TypeRef:
        """The component's type wherever it is used, remembered."""
        self.memo[pointer] = t = make_union([t, NONE]) if nullable else t
        return t

    def _convert_inner(
        self, schema: dict[str, Any], pointer: str, hint: str, alias_name: str | None = None
    ) -> TypeRef:
        key = union_key(schema)
        if key is not None and has_shared_members(schema):
            if is_object_model(self.doc, schema):
                return self.object_type(schema, pointer, hint)
            return shared_union(self, schema, key, pointer, hint, alias_name)
        all_of = schema.get("allOf")
        if isinstance(all_of, list) and all_of:
            if is_object_model(self.doc, schema):
                return self.object_type(schema, pointer, hint)
            parts = [self.convert(p, join_pointer(pointer, "allOf", i), hint) for i, p in enumerate(all_of)]
            typed = [p for p in parts if p != ANY]
            return typed[0] if typed else ANY
        for key in ("oneOf", "anyOf"):
            if isinstance(schema.get(key), list):
                return self._union(schema, key, pointer, hint, alias_name)
        if "const" in schema:
            return literal_type([schema["const"]])
        if isinstance(schema.get("enum"), list):
            return self._inline_enum(schema, pointer, hint)
        types = schema.get("type")
        if isinstance(types, list):
            members = [
                NONE if t == "null" else self._convert_inner({**schema, "type": t}, pointer, hint) for t in types
            ]
            return make_union(members)
        if types is None:
            if "properties" in schema or "additionalProperties" in schema:
                types = "object"
            elif "items" in schema or "prefixItems" in schema:
                types = "array"
            else:
                return ANY
        if types == "string":
            return STRING_FORMATS.get(str(schema.get("format", "")), STR)
        if types == "integer":
            return INT
        if types == "number":
            return FLOAT
        if types == "boolean":
            return BOOL
        if types == "null":
            return NONE
        if types == "array":
            prefix = schema.get("prefixItems")
            if isinstance(prefix, list) and prefix:
                return prefixed_array(self, schema, prefix, pointer, hint)
            item = self.convert(schema.get("items", True), join_pointer(pointer, "items"), f"{hint}Item")
            return TypeRef("list", args=(item,))
        if types == "object":
            return self.object_type(schema, pointer, hint)
        return ANY

    def object_type(
        self,
        schema: dict[str, Any],
        pointer: str,
        hint: str,
        name: str | None = None,
        gathered: tuple[dict[str, tuple[Any, str]], set[str]] | None = None,
    ) -> TypeRef:
        """The struct of an object schema; `gathered`: its members, when they are not
        (only) the schema's own (shared_members.py)."""
        if name is None and pointer in self.inline:
            return self.inline[pointer]
        merged, required = gathered or self.merged_object(schema, pointer)
        if not merged:
            extra = schema.get("additionalProperties", True)
            value = (
                self.convert(extra, join_pointer(pointer, "additionalProperties"), f"{hint}Value")
                if isinstance(extra, dict)
                else ANY
            )
            return TypeRef("dict", args=(value,))
        cls = name or self.doc.new_class(hint)
        draft = ModelDraft(cls, pointer, schema.get("title"), schema.get("description"))
        self.models[cls] = draft
        if name is None:
            self.inline[pointer] = TypeRef("model", cls)
        # A struct even when no property is left: the spec says it is an object of fields.
        merged = mappable(merged, self.warn)
        names = naming.dedupe(
            [n + "_" if n in RESERVED_MEMBER_NAMES else n for n in (naming.identifier(w) for w in merged)]
        )
        for py_name, (wire, (prop, prop_pointer)) in zip(names, merged.items()):
            resolved, _ = self.doc.resolve(prop, prop_pointer)
            resolved = resolved if isinstance(resolved, dict) else {}
            sibling = prop if isinstance(prop, dict) else {}
            source = self.default_source(sibling, resolved)
            draft.fields.append(
                FieldDraft(
                    wire=wire,
                    name=py_name,
                    type=self.convert(prop, prop_pointer, cls + naming.pascal_case(wire)),
                    required=wire in required,
                    has_default=source is not None,
                    default=source.get("default") if source is not None else None,
                    # A $ref's target documents itself on its class; the field says only
                    # what its own sibling description says.
                    description=sibling.get("description") if "$ref" in sibling else resolved.get("description"),
                    deprecated=bool(sibling.get("deprecated") or resolved.get("deprecated")),
                    constraints=constraints(resolved),
                    read_only=sibling.get("readOnly", resolved.get("readOnly")) is True,
                    write_only=sibling.get("writeOnly", resolved.get("writeOnly")) is True,
                )
            )
        return TypeRef("model", cls)

    def default_source(self, sibling: dict[str, Any], resolved: dict[str, Any]) -> dict[str, Any] | None:
        """The schema whose default applies: a `$ref`'s sibling, else its target; one whose
        default does not match it counts as having none."""
        for schema in (sibling, resolved):
            if "default" in schema and self.defaults.fits(schema):
                return schema
        return None

    def merged_object(self, schema: dict[str, Any], pointer: str) -> tuple[dict[str, tuple[Any, str]], set[str]]:
        """Properties and required names of an object, allOf parts folded in, in order."""
        properties: dict[str, tuple[Any, str]] = {}
        required: set[str] = set()

        def add(node: Any, at: str, depth: int) -> None:
            node, at = self.doc.resolve(node, at)
            if not isinstance(node, dict) or depth > 32:
                return
            for i, part in enumerate(node.get("allOf", []) or []):
                add(part, join_pointer(at, "allOf", i), depth + 1)
            for key, prop in (node.get("properties") or {}).items():
                properties[key] = (prop, join_pointer(at, "properties", key))
            required.update(r for r in node.get("required", []) or [] if isinstance(r, str))

        add(schema, pointer, 0)
        return properties, required

    def _union(self, schema: dict[str, Any], key: str, pointer: str, hint: str, alias_name: str | None) -> TypeRef:
        variants, at = schema[key], join_pointer(pointer, key)
        disc = schema.get("discriminator")
        prop = disc.get("propertyName") if isinstance(disc, dict) else None
        facts = [member_facts(self.doc, v, join_pointer(at, i)) for i, v in enumerate(variants)]
        names = member_names(hint, facts, prop if isinstance(prop, str) else None, self.doc.taken)
        members = [self.convert(v, join_pointer(at, i), name) for i, (v, name) in enumerate(zip(variants, names))]
        return unions.union_of(self, members, schema, pointer, hint, alias_name)

    def _inline_enum(self, schema: dict[str, Any], pointer: str, hint: str) -> TypeRef:
        if pointer in self.inline:
            return self.inline[pointer]
        self.inline[pointer] = t = self._inline_enum_type(schema, pointer, hint)
        return t

    def _inline_enum_type(self, schema: dict[str, Any], pointer: str, hint: str) -> TypeRef:
        raw = schema["enum"]
        values = [v for v in raw if v is not None]
        nullable = len(values) != len(raw) or admits_null({**schema, "nullable": False})
        if not values:
            return NONE
        if enum_base(values) is None or len(values) == 1:
            t = literal_type(values)
        else:
            cls = self.doc.new_class(hint)
            self.enums[cls] = enum_type(cls, schema, pointer)
            t = TypeRef("enum", cls)
        return make_union([t, NONE]) if nullable else t

    def warn(self, problem: Problem) -> None:
        if problem not in self.warnings:
            self.warnings.append(problem)

    # What unions.msgspec_union_problem needs to know about declared types.
    def tag_of(self, model: str) -> tuple[str, str | int] | None:
        draft = self.models.get(model)
        return draft.tag if draft else None

    def enum_base(self, name: str) -> str:
        enum = self.enums.get(name)
        return enum.base if enum else "str"

    def alias_target(self, name: str) -> TypeRef | None:
        """The type a native alias stands for; None for a runtime-decoded (untagged) one."""
        draft = self.aliases.get(name)
        if draft is None or draft.untagged:
            return None
        return draft.type


def prefixed_array(schemas: Schemas, schema: dict[str, Any], prefix: list[Any], pointer: str, hint: str) -> TypeRef:
    """A fixed tuple only when the array holds exactly the `prefixItems`: JSON Schema
    lets fewer come (unless minItems says otherwise) and more follow (matching `items`,
    or anything when it is absent), so otherwise a list of any of the item types."""
    members = [
        schemas.convert(p, join_pointer(pointer, "prefixItems", i), f"{hint}Item{i + 1}")
        for i, p in enumerate(prefix)
    ]
    rest = schema.get("items")
    min_items, max_items = schema.get("minItems"), schema.get("maxItems")
    closed = rest is False or (_is_count(max_items) and max_items <= len(prefix))
    if closed and _is_count(min_items) and min_items >= len(prefix):
        return TypeRef("tuple", args=tuple(members))
    if not closed:
        if isinstance(rest, dict):
            members.append(schemas.convert(rest, join_pointer(pointer, "items"), f"{hint}Item"))
        else:
            members.append(ANY)
    item = unions.union_of(schemas, members, {}, pointer, f"{hint}Item", None)
    return TypeRef("list", args=(item,))


def mappable(
    properties: dict[str, tuple[Any, str]], warn: Callable[[Problem], None]
) -> dict[str, tuple[Any, str]]:
    """The properties a struct can carry: msgspec refuses a field whose wire name holds a
    quote, a backslash or a control character, so such a property is left out."""
    kept: dict[str, tuple[Any, str]] = {}
    for wire, (prop, at) in properties.items():
        if _UNMAPPABLE.search(wire):
            warn(
                warning(
                    at,
                    f"property {wire!r} has a quote, a backslash or a control character in its "
                    "name, which a struct field cannot carry; left it out (ignored when decoding, "
                    "never sent)",
                )
            )
        else:
            kept[wire] = (prop, at)
    return kept


def admits_null(schema: Any) -> bool:
    """Whether the schema itself lets null through: 3.0's `nullable: true`, or `null`
    among its types (a boolean schema, `true` or `false`, says neither)."""
    if not isinstance(schema, dict):
        return False
    types = schema.get("type")
    return schema.get("nullable") is True or (isinstance(types, list) and "null" in types)


def constraints(schema: dict[str, Any]) -> tuple[tuple[str, str], ...]:
    return tuple((k, str(schema[k])) for k in _CONSTRAINT_KEYS if k in schema)


def _is_count(value: Any) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool)
