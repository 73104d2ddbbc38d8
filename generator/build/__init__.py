"""Spec -> IR. Every naming and typing decision of the generated client is made here.

Knows OpenAPI, not any particular spec: behaviour follows from the document alone.
"""

from __future__ import annotations

import dataclasses
import fnmatch
import json
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Protocol, TypeGuard

from .. import naming
from ..emit import layout
from ..emit.markdown import markdown_line
from ..emit.pysource import (
    annotation,
    docstring,
    import_lines,
    import_sort_key,
    literal,
    names_used,
    string_literal,
    walk,
)
from ..ir import (
    ANY,
    NONE,
    Alias,
    Api,
    Body,
    EnumMember,
    EnumType,
    Field,
    Model,
    Namespace,
    Operation,
    Pagination,
    Param,
    ResponseCase,
    Server,
    Tag,
    TypeRef,
)
from ..naming.placement import (
    CLIENT_MEMBERS,
    MODELS_MODULE_NAMES,
    PARAM_RESERVED,
    RESERVED_MEMBER_NAMES,
    client_paths,
    component_class_name,
    operation_names,
)
from ..problems import InputError, Problem, join_pointer, split_pointer
from ..spec.media import pick_content
from ..spec.walk import HTTP_METHODS

SCHEMAS = "/components/schemas"

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
    "byte": TypeRef("builtin", "bytes"),
    "binary": TypeRef("builtin", "bytes"),
}
STR = TypeRef("builtin", "str")
INT = TypeRef("builtin", "int")
FLOAT = TypeRef("builtin", "float")
BOOL = TypeRef("builtin", "bool")
UNSET = TypeRef("stdlib", "msgspec.UnsetType")

# Error classes of the generated `errors` module, by status; InternalServerError takes >= 500.
ERROR_CLASSES = (
    (400, "BadRequestError"),
    (401, "AuthenticationError"),
    (403, "PermissionDeniedError"),
    (404, "NotFoundError"),
    (409, "ConflictError"),
    (422, "UnprocessableEntityError"),
    (429, "RateLimitError"),
)

ERROR_EXPORTS = tuple(
    sorted(
        [name for _, name in ERROR_CLASSES]
        + [
            "APIConnectionError",
            "APIError",
            "APIStatusError",
            "APITimeoutError",
            "DecodeError",
            "InternalServerError",
        ],
        key=lambda n: (0 if n.isupper() else 1 if n[:1].isupper() else 2, n),
    )
)

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
_VERSION = re.compile(r"^\d+(\.\d+)*$")
BUILTIN_TYPE_NAMES = frozenset({"str", "int", "float", "bool", "bytes", "list", "dict", "tuple"})


@dataclass(frozen=True)
class BuildOptions:
    package: str = "polar_oauth2"
    # Generate only these operations (globs over operationIds and Python paths such as
    # `oauth2:*` or `oauth2.clients.*`) and those with these tags; empty means all.
    include_operations: tuple[str, ...] = ()
    include_tags: tuple[str, ...] = ()


def selected(op: dict[str, Any], python_path: str, options: BuildOptions) -> bool:
    """Whether an operation is in the subset the options ask for."""
    if not options.include_operations and not options.include_tags:
        return True
    op_id = str(op.get("operationId") or "")
    if any(
        fnmatch.fnmatchcase(op_id, pattern) or fnmatch.fnmatchcase(python_path, pattern)
        for pattern in options.include_operations
    ):
        return True
    tags = {str(t) for t in op.get("tags") or []}
    return any(tag in tags for tag in options.include_tags)


def error_class(status: str) -> str:
    """The generated exception class raised for a documented error status."""
    if status.isdigit():
        code = int(status)
        for known, name in ERROR_CLASSES:
            if code == known:
                return name
        if code >= 500:
            return "InternalServerError"
    elif status.upper() == "5XX":
        return "InternalServerError"
    return "APIStatusError"


@dataclass
class _FieldDraft:
    wire: str
    name: str
    type: TypeRef
    required: bool
    has_default: bool
    default: Any
    description: str | None
    deprecated: bool
    constraints: tuple[tuple[str, str], ...]
    # Only in responses (readOnly) or only in requests (writeOnly).
    read_only: bool = False
    write_only: bool = False


@dataclass
class _ModelDraft:
    name: str
    pointer: str
    title: str | None
    description: str | None
    fields: list[_FieldDraft] = field(default_factory=list)
    tag: tuple[str, str | int] | None = None


@dataclass
class _AliasDraft:
    pointer: str
    type: TypeRef
    description: str | None
    untagged: bool
    # For an untagged union with a discriminator: its property, and each value's variant.
    discriminator: tuple[str, tuple[tuple[str, TypeRef], ...]] | None = None


@dataclass
class _Op:
    path: str
    method: str
    pointer: str
    spec: dict[str, Any]
    params: list[dict[str, Any]]
    namespace: tuple[str, ...]
    name: str


def build(data: dict[str, Any], options: BuildOptions | None = None) -> Api:
    """Build the IR; raise InputError for what the generator cannot express."""
    return _Builder(data, options or BuildOptions()).run()


class _Builder:
    def __init__(self, spec: dict[str, Any], options: BuildOptions) -> None:
        self.spec = spec
        self.options = options
        self.problems: list[Problem] = []
        self.schemas: dict[str, Any] = spec.get("components", {}).get("schemas", {}) or {}
        self.component_class = {name: component_class_name(name) for name in self.schemas}
        self.taken: set[str] = set(self.component_class.values()) | MODELS_MODULE_NAMES
        self.memo: dict[str, TypeRef] = {}
        # Inline enums and objects by where they stand, so a schema reached twice (through
        # allOf, or a shared $ref target) is declared once.
        self.inline: dict[str, TypeRef] = {}
        self.models: dict[str, _ModelDraft] = {}
        self.enums: dict[str, EnumType] = {}
        self.aliases: dict[str, _AliasDraft] = {}

    # -- references -------------------------------------------------------------------

    def resolve(self, node: Any, pointer: str) -> tuple[Any, str]:
        """Follow `$ref` chains to the node they name (validate has vouched for them)."""
        seen: set[str] = set()
        while isinstance(node, dict) and isinstance(node.get("$ref"), str):
            target = node["$ref"][1:]
            if target in seen:
                break
            seen.add(target)
            node, pointer = self.lookup(target), target
        return node, pointer

    def lookup(self, pointer: str) -> Any:
        node: Any = self.spec
        for token in split_pointer(pointer):
            node = node[int(token)] if isinstance(node, list) else node[token]
        return node

    def unique_class(self, hint: str) -> str:
        name = naming.class_name(hint)
        return naming.dedupe([name], self.taken, separator="")[0]

    def _claim(self, name: str) -> str:
        self.taken.add(name)
        return name

    # -- schemas ----------------------------------------------------------------------

    def convert(self, schema: Any, pointer: str, hint: str) -> TypeRef:
        if schema is True or schema == {} or schema is None:
            return ANY
        if not isinstance(schema, dict):
            return ANY
        if isinstance(schema.get("$ref"), str):
            t = self.ref(schema["$ref"])
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
        node = self.lookup(target)
        return self.convert(node, target, naming.pascal_case(tokens[-1] if tokens else "Schema"))

    def component(self, name: str) -> TypeRef:
        pointer = join_pointer(SCHEMAS, name)
        if pointer in self.memo:
            return self.memo[pointer]
        schema = self.schemas[name]
        cls = self.component_class[name]
        kind = self._component_kind(schema)
        if kind == "model":
            ref = self.memo[pointer] = TypeRef("model", cls)
            self._object(schema, pointer, cls, name=cls)
            return ref
        if kind == "enum":
            ref = self.memo[pointer] = TypeRef("enum", cls)
            self._declare_enum(cls, schema, pointer)
            types = schema.get("type")
            if None in schema["enum"] or (isinstance(types, list) and "null" in types):
                ref = self.memo[pointer] = make_union([ref, NONE])
            return ref
        if kind == "alias":
            ref = self.memo[pointer] = TypeRef("alias", cls)
            description = schema.get("description") or schema.get("title")
            target = self._convert_inner(schema, pointer, cls, alias_name=cls)
            if cls in self.aliases:
                # The union could not be decoded natively and is now the alias itself;
                # what came back may be `Alias | None`.
                self.memo[pointer] = target
                return target
            self.aliases[cls] = _AliasDraft(pointer, target, description, untagged=False)
            return ref
        # Primitives, arrays and maps are written out where they are used.
        self.memo[pointer] = ANY
        t = self.convert(schema, pointer, cls)
        self.memo[pointer] = t
        return t

    def _component_kind(self, schema: Any) -> str:
        if not isinstance(schema, dict) or "$ref" in schema:
            return "inline"
        if self._is_object_model(schema):
            return "model"
        values = [v for v in schema.get("enum", []) if v is not None]
        if values and "const" not in schema and _enum_base(values) is not None:
            return "enum"
        for key in ("oneOf", "anyOf"):
            variants = schema.get(key)
            if isinstance(variants, list):
                real = [v for v in variants if not _is_null_schema(v)]
                if len(real) > 1:
                    return "alias"
        return "inline"

    def _is_object_model(self, schema: dict[str, Any]) -> bool:
        if "oneOf" in schema or "anyOf" in schema:
            return False
        if schema.get("properties"):
            return True
        parts = schema.get("allOf")
        if isinstance(parts, list) and len(parts) > 1:
            return any(self._has_properties(p) for p in parts)
        return isinstance(parts, list) and len(parts) == 1 and bool(schema.get("properties"))

    def _has_properties(self, schema: Any) -> bool:
        schema, _ = self.resolve(schema, "")
        if not isinstance(schema, dict):
            return False
        if schema.get("properties"):
            return True
        return any(self._has_properties(p) for p in schema.get("allOf", []) or [])

    def _convert_inner(
        self, schema: dict[str, Any], pointer: str, hint: str, alias_name: str | None = None
    ) -> TypeRef:
        all_of = schema.get("allOf")
        if isinstance(all_of, list) and all_of:
            if self._is_object_model(schema):
                return self._object(schema, pointer, hint)
            parts = [
                self.convert(p, join_pointer(pointer, "allOf", i), hint)
                for i, p in enumerate(all_of)
            ]
            typed = [p for p in parts if p != ANY]
            return typed[0] if typed else ANY
        for key in ("oneOf", "anyOf"):
            if isinstance(schema.get(key), list):
                return self._union(schema, key, pointer, hint, alias_name)
        if "const" in schema:
            return _literal_type([schema["const"]])
        if isinstance(schema.get("enum"), list):
            return self._inline_enum(schema, pointer, hint)
        types = schema.get("type")
        if isinstance(types, list):
            members = [
                NONE if t == "null" else self._convert_inner({**schema, "type": t}, pointer, hint)
                for t in types
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
                return self._prefixed_array(schema, prefix, pointer, hint)
            item = self.convert(schema.get("items", True), join_pointer(pointer, "items"), f"{hint}Item")
            return TypeRef("list", args=(item,))
        if types == "object":
            return self._object(schema, pointer, hint)
        return ANY

    def _prefixed_array(self, schema: dict[str, Any], prefix: list[Any], pointer: str, hint: str) -> TypeRef:
        """A fixed tuple only when the array holds exactly the `prefixItems`: JSON Schema
        lets fewer come (unless minItems says otherwise) and more follow (matching `items`,
        or anything when it is absent), so otherwise a list of any of the item types."""
        members = [
            self.convert(p, join_pointer(pointer, "prefixItems", i), f"{hint}Item{i + 1}")
            for i, p in enumerate(prefix)
        ]
        rest = schema.get("items")
        min_items, max_items = schema.get("minItems"), schema.get("maxItems")
        closed = rest is False or (_is_count(max_items) and max_items <= len(prefix))
        if closed and _is_count(min_items) and min_items >= len(prefix):
            return TypeRef("tuple", args=tuple(members))
        if not closed:
            if isinstance(rest, dict):
                members.append(self.convert(rest, join_pointer(pointer, "items"), f"{hint}Item"))
            else:
                members.append(ANY)
        return TypeRef("list", args=(self._union_of(members, {}, pointer, "prefixItems", f"{hint}Item", None),))

    def _object(self, schema: dict[str, Any], pointer: str, hint: str, name: str | None = None) -> TypeRef:
        if name is None and pointer in self.inline:
            return self.inline[pointer]
        merged = self._merged_object(schema, pointer)
        if not merged["properties"]:
            extra = schema.get("additionalProperties", True)
            value = (
                self.convert(extra, join_pointer(pointer, "additionalProperties"), f"{hint}Value")
                if isinstance(extra, dict)
                else ANY
            )
            return TypeRef("dict", args=(value,))
        cls = self._claim(name or self.unique_class(hint))
        draft = _ModelDraft(cls, pointer, schema.get("title"), schema.get("description"))
        self.models[cls] = draft
        if name is None:
            self.inline[pointer] = TypeRef("model", cls)
        required = merged["required"]
        names = naming.dedupe(
            [
                n + "_" if n in RESERVED_MEMBER_NAMES else n
                for n in (naming.identifier(w) for w in merged["properties"])
            ]
        )
        for py_name, (wire, (prop, prop_pointer)) in zip(names, merged["properties"].items()):
            resolved, _ = self.resolve(prop, prop_pointer)
            resolved = resolved if isinstance(resolved, dict) else {}
            sibling = prop if isinstance(prop, dict) else {}
            has_default = "default" in sibling or "default" in resolved
            default = sibling.get("default", resolved.get("default"))
            draft.fields.append(
                _FieldDraft(
                    wire=wire,
                    name=py_name,
                    type=self.convert(prop, prop_pointer, cls + naming.pascal_case(wire)),
                    required=wire in required,
                    has_default=has_default,
                    default=default,
                    # A $ref's target documents itself on its class; the field says only
                    # what its own sibling description says.
                    description=sibling.get("description")
                    if "$ref" in sibling
                    else resolved.get("description"),
                    deprecated=bool(sibling.get("deprecated") or resolved.get("deprecated")),
                    constraints=_constraints(resolved),
                    read_only=sibling.get("readOnly", resolved.get("readOnly")) is True,
                    write_only=sibling.get("writeOnly", resolved.get("writeOnly")) is True,
                )
            )
        return TypeRef("model", cls)

    def _merged_object(self, schema: dict[str, Any], pointer: str) -> dict[str, Any]:
        """Properties and required names of an object, allOf parts folded in, in order."""
        properties: dict[str, tuple[Any, str]] = {}
        required: set[str] = set()

        def add(node: Any, at: str, depth: int) -> None:
            node, at = self.resolve(node, at)
            if not isinstance(node, dict) or depth > 32:
                return
            for i, part in enumerate(node.get("allOf", []) or []):
                add(part, join_pointer(at, "allOf", i), depth + 1)
            for key, prop in (node.get("properties") or {}).items():
                properties[key] = (prop, join_pointer(at, "properties", key))
            required.update(r for r in node.get("required", []) or [] if isinstance(r, str))

        add(schema, pointer, 0)
        return {"properties": properties, "required": required}

    def _union(
        self, schema: dict[str, Any], key: str, pointer: str, hint: str, alias_name: str | None
    ) -> TypeRef:
        variants = schema[key]
        members = [
            self.convert(v, join_pointer(pointer, key, i), f"{hint}{i + 1}" if len(variants) > 1 else hint)
            for i, v in enumerate(variants)
        ]
        return self._union_of(members, schema, pointer, key, hint, alias_name)

    def _union_of(
        self,
        members: list[TypeRef],
        schema: dict[str, Any],
        pointer: str,
        key: str,
        hint: str,
        alias_name: str | None,
    ) -> TypeRef:
        """One type for values of any of these types: a union msgspec decodes natively,
        else a named one the runtime decodes by trying each variant."""
        result = make_union(members)
        models = [m for m in _members(result) if m.kind == "model"]
        if len(models) > 1:
            self._tag(models, schema.get("discriminator"), pointer, key)
        if msgspec_union_problem(result, self) is None:
            return result
        # msgspec cannot tell these variants apart by JSON type or tag: the union becomes a
        # named type that the runtime decodes by trying each variant, best match first.
        real = tuple(m for m in _members(result) if m != NONE)
        name = alias_name or self._claim(self.unique_class(hint))
        ordered = TypeRef("union", args=tuple(sorted(real, key=_specificity)))
        description = schema.get("description") or schema.get("title")
        self.aliases[name] = _AliasDraft(
            pointer, ordered, description, untagged=True, discriminator=self._dispatch(schema, real)
        )
        alias = TypeRef("alias", name)
        return make_union([alias, NONE]) if result.is_nullable else alias

    def _dispatch(
        self, schema: dict[str, Any], variants: tuple[TypeRef, ...]
    ) -> tuple[str, tuple[tuple[str, TypeRef], ...]] | None:
        """The discriminator of a union msgspec cannot tag (several values naming one
        variant), as the runtime reads it: each value with its variant."""
        discriminator = schema.get("discriminator")
        if not _is_discriminator(discriminator):
            return None
        table: dict[str, TypeRef] = {}
        for value, variant in self._discriminator_values(discriminator, variants):
            table.setdefault(value, variant)
        return (discriminator["propertyName"], tuple(table.items())) if table else None

    def _discriminator_values(
        self, discriminator: dict[str, Any], variants: Iterable[TypeRef]
    ) -> list[tuple[str, TypeRef]]:
        """(value, model) for each value the discriminator names among these variants: the
        mapping's, in its order, then each component the mapping leaves out under its own
        schema name, as OpenAPI reads a value the mapping does not list. Mapping targets
        are looked up, never converted: one that is no variant is not generated for it."""
        models = [v for v in variants if v.kind == "model"]
        pairs: list[tuple[str, TypeRef]] = []
        for value, target in (discriminator.get("mapping") or {}).items():
            target = str(target)
            tokens = split_pointer(target) if target.startswith("#") else ["components", "schemas", target]
            named = len(tokens) == 3 and tokens[:2] == ["components", "schemas"]
            cls = self.component_class.get(tokens[2]) if named else None
            if cls is not None and TypeRef("model", cls) in models:
                pairs.append((str(value), TypeRef("model", cls)))
        mapped = {model for _, model in pairs}
        for model in models:
            tokens = split_pointer(self.models[model.name].pointer)
            if model not in mapped and len(tokens) == 3 and tokens[:2] == ["components", "schemas"]:
                pairs.append((tokens[2], model))
        return pairs

    # What msgspec_union_problem needs to know about declared types.
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

    def _tag(self, models: list[TypeRef], discriminator: Any, pointer: str, key: str) -> None:
        """Give each struct of a union the tag it is told apart by: the discriminator's, or
        failing that a required property whose const value differs across all variants."""
        drafts = [self.models[m.name] for m in models]
        if _is_discriminator(discriminator):
            pairs = self._discriminator_values(discriminator, models)
            named = Counter(model for _, model in pairs)
            # msgspec gives a struct one tag, so a variant that several values name leaves
            # the union to the runtime, which reads the discriminator itself (_dispatch).
            # The variants that one value names are still tagged: a tag is always sent,
            # where a const property equal to its default would be left out.
            wanted: list[tuple[_ModelDraft, str | int]] = [
                (self.models[model.name], value) for value, model in pairs if named[model] == 1
            ]
            self._apply_tags(discriminator["propertyName"], wanted, pointer)
            return
        # No discriminator: look for a property that is const in every variant.
        candidates: dict[str, list[str]] | None = None
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
                parsed = [_parse_literal(str(v)) for v in consts_seen]
                self._apply_tags(prop, list(zip(drafts, parsed)), pointer)
                return

    def _apply_tags(
        self, prop: str, wanted: list[tuple[_ModelDraft, str | int]], pointer: str
    ) -> None:
        for draft, value in wanted:
            if draft.tag is not None and draft.tag != (prop, value):
                return  # tagged differently elsewhere: decoded by trying variants instead
        for draft, value in wanted:
            draft.tag = (prop, value)

    def _inline_enum(self, schema: dict[str, Any], pointer: str, hint: str) -> TypeRef:
        if pointer in self.inline:
            return self.inline[pointer]
        self.inline[pointer] = t = self._inline_enum_type(schema, pointer, hint)
        return t

    def _inline_enum_type(self, schema: dict[str, Any], pointer: str, hint: str) -> TypeRef:
        raw = schema["enum"]
        values = [v for v in raw if v is not None]
        nullable = len(values) != len(raw)
        if not values:
            return NONE
        base = _enum_base(values)
        if base is None or len(values) == 1:
            t = _literal_type(values)
        else:
            cls = self._claim(self.unique_class(hint))
            self._declare_enum(cls, schema, pointer)
            t = TypeRef("enum", cls)
        return make_union([t, NONE]) if nullable else t

    def _declare_enum(self, cls: str, schema: dict[str, Any], pointer: str) -> None:
        values = [v for v in schema["enum"] if v is not None]
        unique_values = list(dict.fromkeys(values))
        base = _enum_base(unique_values) or "str"
        descriptions = _enum_descriptions(schema, unique_values)
        members = tuple(
            EnumMember(
                name=name,
                value_source=literal(v),
                value=v,
                description=descriptions.get(str(v)),
                docstring=docstring(descriptions.get(str(v)), 4),
            )
            for name, v in zip(naming.enum_member_names(unique_values), unique_values)
        )
        description = schema.get("description")
        self.enums[cls] = EnumType(
            name=cls,
            pointer=pointer,
            base=base,
            base_class="OpenIntEnum" if base == "int" else "OpenStrEnum",
            description=description,
            docstring=docstring(description or _title_doc(schema.get("title"), cls), 4),
            members=members,
        )

    # -- operations -------------------------------------------------------------------

    def _collect_operations(self) -> list[_Op]:
        ops: list[_Op] = []
        for path, item in (self.spec.get("paths") or {}).items():
            item_pointer = join_pointer("/paths", path)
            item, item_pointer = self.resolve(item, item_pointer)
            if not isinstance(item, dict):
                continue
            shared = item.get("parameters") or []
            for method in HTTP_METHODS:
                op = item.get(method)
                if not isinstance(op, dict):
                    continue
                pointer = join_pointer(item_pointer, method)
                params = _merge_params(
                    [self.resolve(p, "")[0] for p in shared],
                    [self.resolve(p, "")[0] for p in op.get("parameters") or []],
                )
                namespace, name = operation_names(op, method, path)
                if not selected(op, ".".join(namespace + (name,)), self.options):
                    continue
                ops.append(_Op(path, method, pointer, op, params, namespace, name))
        for op, (namespace, name) in zip(ops, client_paths([(op.namespace, op.name) for op in ops])):
            op.namespace, op.name = namespace, name
        return ops

    def _operation(self, op: _Op, shadowed: frozenset[str], endpoint_name: str) -> Operation:
        spec = op.spec
        op_id = spec.get("operationId") or f"{op.method} {op.path}"
        pascal = naming.pascal_case("_".join(op.namespace + (op.name,)))
        template_order = re.findall(r"{([^}]+)}", op.path)

        def order(p: dict[str, Any]) -> tuple[int, int]:
            if p.get("in") == "path" and p.get("name") in template_order:
                return (0, template_order.index(p["name"]))
            return (1, 0)

        raw_params = sorted(op.params, key=order)
        names = naming.dedupe(
            [
                n + "_" if n in PARAM_RESERVED else n
                for n in (naming.identifier(str(p.get("name", "")), prefix="param_") for p in raw_params)
            ],
            taken={"body"} if spec.get("requestBody") else (),
        )
        params: list[Param] = []
        for py_name, p in zip(names, raw_params):
            schema = p.get("schema")
            if schema is None and isinstance(p.get("content"), dict) and p["content"]:
                schema = next(iter(p["content"].values())).get("schema")
            location = str(p.get("in"))
            required = bool(p.get("required")) or location == "path"
            ptr = join_pointer(op.pointer, "parameters")
            t = self.convert(schema, ptr, pascal + naming.pascal_case(str(p.get("name"))))
            resolved, _ = self.resolve(schema, ptr)
            resolved = resolved if isinstance(resolved, dict) else {}
            sibling = schema if isinstance(schema, dict) else {}
            has_default = "default" in sibling or "default" in resolved
            default_value = sibling.get("default", resolved.get("default"))
            default_source: str | None = None
            ann_type = t
            if not required:
                default_source = (
                    default_literal(default_value, t, self.enums, "models.")
                    if has_default
                    else None
                )
                if default_source is not None and _is_factory(default_source):
                    # No mutable defaults in signatures: None sends nothing and the server
                    # applies the same default.
                    default_source = None
                if default_source is None:
                    ann_type = make_union([t, NONE])
                    default_source = "None"
            style = str(p.get("style") or ("form" if location in ("query", "cookie") else "simple"))
            explode = bool(p.get("explode", style == "form"))
            params.append(
                Param(
                    name=py_name,
                    wire_name=str(p.get("name")),
                    wire_source=string_literal(str(p.get("name"))),
                    location=location,
                    type=t,
                    annotation=annotation(ann_type, models_prefix="models.", shadowed=shadowed),
                    default_source=default_source,
                    required=required,
                    # The parameter's own words, else its schema's: a `$ref`'s sibling
                    # description before the target's.
                    description=p.get("description") or sibling.get("description") or resolved.get("description"),
                    style=style,
                    explode=explode,
                    deprecated=bool(p.get("deprecated")),
                    constraints=_constraints(resolved),
                )
            )
        body = self._body(op, pascal, shadowed)
        success, errors = self._responses(op, pascal)
        returns = _return_type(success)
        return_annotation = (
            annotation(returns, models_prefix="models.", shadowed=shadowed) if returns else "None"
        )
        positional = tuple(p for p in params if p.location == "path")
        keyword = tuple(p for p in params if p.location != "path")
        query_styles = {
            p.wire_name: (p.style, p.explode)
            for p in params
            if p.location == "query" and (p.style, p.explode) != ("form", True)
        }
        python_path = ".".join(op.namespace + (op.name,))
        auth = self._needs_auth(spec)
        pagination = self._pagination(op, params, body, returns, shadowed)
        defs = _defs(op.name, _signature_items(positional, keyword, body), return_annotation, return_annotation)
        # Methods at the root live on the client class itself; the others on a namespace.
        returns_ = _returns("self._client" if op.namespace else "self", _call_items(endpoint_name, params, body))
        return Operation(
            operation_id=op_id,
            method=op.method.upper(),
            path=op.path,
            name=op.name,
            namespace=op.namespace,
            python_path=python_path,
            summary=spec.get("summary"),
            description=spec.get("description"),
            summary_line=markdown_line(spec.get("summary")),
            path_line=" ".join(op.path.replace("`", "'").split()),
            deprecated=bool(spec.get("deprecated")),
            tags=tuple(str(t) for t in spec.get("tags") or []),
            positional=positional,
            keyword=keyword,
            body=body,
            path_params=positional,
            query_params=tuple(p for p in params if p.location == "query"),
            header_params=tuple(p for p in params if p.location == "header"),
            cookie_params=tuple(p for p in params if p.location == "cookie"),
            returns=returns,
            return_annotation=return_annotation,
            success=success,
            errors=errors,
            endpoint_name=endpoint_name,
            method_source=string_literal(op.method.upper()),
            path_source=string_literal(op.path),
            operation_id_source=string_literal(op_id),
            signature_source=_signature(positional, keyword, body),
            # Outside the class no method shadows a builtin: plain names read better.
            signature_display="("
            + _signature(positional, keyword, body)
            .removeprefix("self")
            .lstrip(", ")
            .replace("builtins.", "")
            + ")",
            call_source=_call(endpoint_name, params, body),
            endpoint_type_source="Endpoint[" + (
                annotation(returns, models_prefix="models.") if returns else "None"
            ) + "]",
            responses_source="{"
            + ", ".join(f"{_status_key(r.status)}: {r.spec_source}" for r in success + errors)
            + "}",
            query_styles_source=(
                "{"
                + ", ".join(
                    f"{string_literal(k)}: ({string_literal(s)}, {e})"
                    for k, (s, e) in query_styles.items()
                )
                + "}"
                if query_styles
                else None
            ),
            auth=auth,
            accept_source=_accept(success),
            docstring=_operation_docstring(spec, params, body, errors, returns),
            example=_example(python_path, positional, keyword, body),
            pagination=pagination,
            def_source=defs[0],
            async_def_source=defs[1],
            return_source=returns_[0],
            async_return_source=returns_[1],
            responses_line=layout.bracketed(
                4,
                "responses={",
                [f"{_status_key(r.status)}: {r.spec_source}" for r in success + errors],
                "},",
                display=True,
            ),
        )

    def _pagination(
        self,
        op: _Op,
        params: list[Param],
        body: Body | None,
        returns: TypeRef | None,
        shadowed: frozenset[str],
    ) -> Pagination | None:
        """A list walked by page number: Polar's `x-speakeasy-pagination` hint names the
        parts; without it, the shape decides (an integer `page` query parameter, and a
        response object with one array field and an integer `max_page` at most one object
        down)."""
        if returns is None or returns.kind != "model" or body is not None:
            return None
        model = self.models[returns.name]
        hint = op.spec.get("x-speakeasy-pagination")
        page_wire = "page"
        items_path: tuple[str, ...]
        last_path: tuple[str, ...]
        if isinstance(hint, dict):
            if hint.get("type") != "offsetLimit":
                return None
            pages = [
                i.get("name") for i in hint.get("inputs") or [] if isinstance(i, dict) and i.get("type") == "page"
            ]
            outputs = hint.get("outputs") or {}
            if not pages or not isinstance(outputs, dict):
                return None
            page_wire = str(pages[0])
            items_path = _json_path(outputs.get("results"))
            last_path = _json_path(outputs.get("numPages"))
        else:
            arrays = [f for f in model.fields if f.type.kind == "list" and f.required]
            if len(arrays) != 1:
                return None
            items_path = (arrays[0].wire,)
            last_path = self._find_max_page(model) or ()
        page = next(
            (p for p in params if p.location == "query" and p.wire_name == page_wire and p.type == INT),
            None,
        )
        items = self._attr_path(model, items_path)
        last = self._attr_path(model, last_path)
        if page is None or items is None or last is None:
            return None
        item_field = self._field_at(model, items_path)
        if item_field is None or item_field.type.kind != "list" or item_field.type.args[0] == ANY:
            return None
        item_type = item_field.type.args[0]
        others = tuple(p for p in params if p is not page)
        positional = tuple(p for p in others if p.location == "path")
        keyword = tuple(p for p in others if p.location != "path")
        signature = _signature(positional, keyword, None)
        args = [p.name for p in positional] + [f"{page.name}={page.name}"]
        args += [f"{p.name}={p.name}" for p in keyword]
        start = page.default_source if page.default_source not in (None, "None") else "1"
        name = "iter" if op.name == "list" else f"iter_{op.name}"
        python_path = ".".join(op.namespace + (name,))
        item_annotation = annotation(item_type, models_prefix="models.", shadowed=shadowed)
        sync_def, async_def = _defs(
            name,
            _signature_items(positional, keyword, None),
            f"Iterator[{item_annotation}]",
            f"AsyncIterator[{item_annotation}]",
            coroutine=False,
        )
        return Pagination(
            name=name,
            page_param=page.name,
            start_source=str(start),
            item_annotation=item_annotation,
            def_source=sync_def,
            async_def_source=async_def,
            signature_source=signature,
            signature_display="(" + signature.removeprefix("self").lstrip(", ").replace("builtins.", "") + ")",
            fetch_source=f"lambda {page.name}: self.{op.name}({', '.join(args)})",
            fetch_line=layout.bracketed(12, f"lambda {page.name}: self.{op.name}(", args, "),"),
            split_source="lambda result: (result." + ".".join(items) + ", result." + ".".join(last) + ")",
            docstring=docstring(
                f"Every item of `{op.name}()`, fetched page by page as you iterate.\n\n"
                f"Takes the arguments of `{op.name}()` but `{page.name}`; stops after the last "
                "page the server reports, or at an empty page.",
                8,
            )
            or "",
            example=_example(python_path, positional, keyword, None),
        )

    def _find_max_page(self, model: _ModelDraft) -> tuple[str, ...] | None:
        for f in model.fields:
            if f.wire == "max_page" and f.type == INT and f.required:
                return (f.wire,)
        for f in model.fields:
            if f.type.kind == "model" and f.required:
                inner = self.models[f.type.name]
                for g in inner.fields:
                    if g.wire == "max_page" and g.type == INT and g.required:
                        return (f.wire, g.wire)
        return None

    def _field_at(self, model: _ModelDraft, path: tuple[str, ...]) -> _FieldDraft | None:
        found: _FieldDraft | None = None
        for i, wire in enumerate(path):
            found = next((f for f in model.fields if f.wire == wire), None)
            if found is None:
                return None
            if i < len(path) - 1:
                if found.type.kind != "model" or not found.required:
                    return None
                model = self.models[found.type.name]
        return found

    def _attr_path(self, model: _ModelDraft, path: tuple[str, ...]) -> tuple[str, ...] | None:
        """Python attribute names along a path of required wire names, or None."""
        if not path:
            return None
        names: list[str] = []
        for i in range(len(path)):
            f = self._field_at(model, path[: i + 1])
            if f is None or not f.required or f.type.is_nullable:
                return None
            names.append(f.name)
        return tuple(names)

    def _needs_auth(self, op: dict[str, Any]) -> bool:
        security = op.get("security", self.spec.get("security"))
        if not security:
            return False
        schemes = self.spec.get("components", {}).get("securitySchemes", {}) or {}
        for requirement in security:
            for name in requirement or {}:
                scheme, _ = self.resolve(schemes.get(name, {}), "")
                if _is_bearer(scheme):
                    return True
        return False

    def _body(self, op: _Op, pascal: str, shadowed: frozenset[str]) -> Body | None:
        raw = op.spec.get("requestBody")
        if raw is None:
            return None
        body, pointer = self.resolve(raw, join_pointer(op.pointer, "requestBody"))
        content = body.get("content") or {}
        choice = pick_content(content, request=True)
        if choice is None:
            self.problems.append(
                Problem(
                    join_pointer(pointer, "content"),
                    "unsupported request body media type(s): " + ", ".join(sorted(content)),
                    hint="supported: application/json (and +json), "
                    "application/x-www-form-urlencoded, application/octet-stream, text/plain",
                )
            )
            return None
        media, kind = choice
        schema = (content.get(media) or {}).get("schema")
        t = self.convert(schema, join_pointer(pointer, "content", media, "schema"), pascal + "Body")
        if kind == "bytes":
            t = TypeRef("builtin", "bytes")
        elif kind == "text":
            t = STR
        required = bool(body.get("required"))
        ann = t if required else make_union([t, NONE])
        return Body(
            name="body",
            content_type=media,
            encoding=kind,
            type=t,
            annotation=annotation(ann, models_prefix="models.", shadowed=shadowed),
            default_source=None if required else "None",
            required=required,
            description=body.get("description"),
        )

    def _responses(self, op: _Op, pascal: str) -> tuple[tuple[ResponseCase, ...], tuple[ResponseCase, ...]]:
        success: list[ResponseCase] = []
        errors: list[ResponseCase] = []
        responses = op.spec.get("responses") or {}
        statuses = sorted(responses, key=_status_sort_key)
        for status in statuses:
            response, pointer = self.resolve(
                responses[status], join_pointer(op.pointer, "responses", status)
            )
            if not isinstance(response, dict):
                continue
            content = response.get("content") or {}
            choice = pick_content(content, request=False)
            t: TypeRef | None = None
            media: str | None = None
            kind = "empty"
            if choice is not None:
                media, kind = choice
                if kind == "json":
                    hint = pascal + ("Response" if status.startswith("2") else f"Error{status}")
                    t = self.convert(
                        (content.get(media) or {}).get("schema"),
                        join_pointer(pointer, "content", media, "schema"),
                        hint,
                    )
                elif kind == "text":
                    t = STR
                else:
                    t = TypeRef("builtin", "bytes")
            ann = annotation(t, models_prefix="models.") if t is not None else None
            case = ResponseCase(
                status=str(status),
                description=response.get("description"),
                error_class=error_class(str(status)),
                content_type=media,
                kind=kind,
                type=t,
                annotation=ann,
                spec_source=_response_spec_source(kind, ann),
            )
            is_success = str(status).startswith("2") or (
                str(status) == "default" and not any(str(s).startswith("2") for s in statuses)
            )
            (success if is_success else errors).append(case)
        return tuple(success), tuple(errors)

    # -- the whole API ----------------------------------------------------------------

    def run(self) -> Api:
        raw_ops = self._collect_operations()
        if not raw_ops and (self.options.include_operations or self.options.include_tags):
            wanted = [*self.options.include_operations, *(f"tag {t}" for t in self.options.include_tags)]
            raise InputError(
                [
                    Problem(
                        "/paths",
                        "no operation matches " + ", ".join(wanted),
                        hint="globs match operationIds (oauth2:*) or Python paths (oauth2.clients.*)",
                    )
                ]
            )
        members: dict[tuple[str, ...], set[str]] = {(): set(CLIENT_MEMBERS)}
        for op in raw_ops:
            members.setdefault(op.namespace, set()).add(op.name)
            for d in range(len(op.namespace)):
                members.setdefault(op.namespace[:d], set()).add(op.namespace[d])
        # `a_b:c` and `a:b_c` live apart on the client but would share a constant name.
        endpoint_names = naming.dedupe(
            "_" + (naming.upper_snake("_".join(op.namespace + (op.name,))) or "OPERATION")
            for op in raw_ops
        )
        operations = [
            self._operation(op, frozenset(members[op.namespace] & BUILTIN_TYPE_NAMES), endpoint)
            for op, endpoint in zip(raw_ops, endpoint_names)
        ]
        operations = _unique_iter_names(operations, members)
        if self.problems:
            raise InputError(self.problems)
        # One class serves both directions; a field the spec keeps out of one direction
        # cannot be required in a class that travels in it.
        sent = self._models_in(
            [op.body.type for op in operations if op.body is not None]
            + [p.type for op in operations for p in op.path_params + op.query_params + op.header_params + op.cookie_params]
        )
        received = self._models_in([r.type for op in operations for r in op.success + op.errors if r.type])
        models = tuple(self._finish_model(self.models[n], sent, received) for n in sorted(self.models))
        enums = tuple(self.enums[n] for n in sorted(self.enums))
        aliases = tuple(self._finish_alias(n) for n in _alias_order(self.aliases))
        root = self._namespaces(operations)
        flat = _flatten(root)
        servers = self._servers()
        info = self.spec.get("info") or {}
        title = str(info.get("title") or "API")
        version = str(info.get("version") or "")
        schemes = (self.spec.get("components") or {}).get("securitySchemes") or {}
        bearer = [s for s in schemes.values() if _is_bearer(s)]
        package = self.options.package
        package_version = version if _VERSION.match(version) else "0.0.0"
        model_types = [f.type for m in models for f in m.fields] + [a.type for a in aliases]
        needed = names_used(model_types) - {"models"}
        models_annotations = [f.annotation for m in models for f in m.fields]
        if any("builtins." in a for a in models_annotations):
            needed.add("builtins")
        typing_extra = ["ClassVar"] if any(m.tag for m in models) else []
        if any(m.tag and m.tag.value_source for m in models):
            typing_extra.append("Literal")
        if aliases:
            typing_extra.append("TypeAlias")
        if any(a.untagged for a in aliases):
            typing_extra.append("TYPE_CHECKING")
        models_imports = import_lines(needed, typing_extra=typing_extra)
        if models or any("msgspec." in a.annotation for a in aliases):
            models_imports += ["", "import msgspec"]
        bases = sorted({e.base_class for e in enums})
        if bases or any(a.untagged for a in aliases):
            models_imports.append("")
        if bases:
            models_imports.append(layout.from_import("._enum", bases))
        if any(a.untagged for a in aliases):
            models_imports.append("from ._unions import untagged_union")
        client_types = [p.type for o in operations for p in o.positional + o.keyword]
        client_types += [o.body.type for o in operations if o.body]
        client_types += [r.type for o in operations for r in o.success + o.errors if r.type]
        client_needed = names_used(client_types)
        client_needed.add("Literal")
        signatures = [o.signature_source + o.return_annotation for o in operations]
        if any("builtins." in sig for sig in signatures):
            client_needed.add("builtins")
        runtime = {"AsyncAPIClient", "DEFAULT_MAX_RETRIES", "DEFAULT_TIMEOUT", "Endpoint", "SyncAPIClient"}
        paginated = any(o.pagination for o in operations)

        uses_base_module = paginated or any(o.cookie_params for o in operations)
        for o in operations:
            for case in o.success + o.errors:
                runtime.add(case.spec_source.split("(")[0])
        stdlib = import_lines(client_needed - {"models", "Any", "Literal"})
        typing_names = sorted((client_needed & {"Any", "Literal"}) | {"TYPE_CHECKING"}, key=import_sort_key)
        client_imports = stdlib + [
            "from collections.abc import "
            + ("AsyncIterator, Iterator, Mapping" if paginated else "Mapping"),
            layout.from_import("typing", typing_names),
            "",
        ]
        local_modules = (["_base"] if uses_base_module else []) + (
            ["models"] if "models" in client_needed else []
        )
        if local_modules:
            client_imports.append(layout.from_import(".", local_modules))
        client_imports.append(layout.from_import("._base", sorted(runtime, key=import_sort_key)))
        return Api(
            title=title,
            version=version,
            title_line=markdown_line(title),
            version_line=markdown_line(version),
            title_toml=json.dumps(title, ensure_ascii=False)[1:-1],
            description=info.get("description"),
            docstring=docstring(f"Python client for {title}.") or "",
            client_module_docstring=docstring(
                f"{title} clients: `Client` for blocking code, `AsyncClient` for asyncio."
            )
            or "",
            models_module_docstring=docstring(
                f"Data types of {title}: msgspec structs, decoded straight from response bytes."
            )
            or "",
            package=package,
            distribution=package.replace("_", "-"),
            package_version=package_version,
            version_source=string_literal(package_version),
            servers=servers,
            default_server=servers[0].name,
            default_server_source=string_literal(servers[0].name),
            client_docstring=_client_docstring(title, servers, bearer, is_async=False),
            async_client_docstring=_client_docstring(title, servers, bearer, is_async=True),
            server_literal="Literal[" + ", ".join(string_literal(s.name) for s in servers) + "]",
            has_bearer_auth=bool(bearer),
            auth_description=bearer[0].get("description") if bearer else None,
            root=root,
            namespaces=flat,
            operations=tuple(operations),
            enums=enums,
            models=models,
            aliases=aliases,
            models_imports=tuple(models_imports),
            client_imports=tuple(client_imports),
            runtime_imports=tuple(sorted(runtime, key=import_sort_key)),
            error_classes=ERROR_CLASSES,
            error_exports=ERROR_EXPORTS,
            package_exports=tuple(
                sorted(ERROR_EXPORTS + ("AsyncClient", "Client", "__version__"), key=import_sort_key)
            ),
            readme_examples=tuple((o.python_path, o.example) for o in operations),
            paginated=next((o for o in operations if o.pagination), None),
            retry_example=(
                "patient." + operations[0].example.removeprefix("client.") if operations else ""
            ),
        )

    def _finish_alias(self, name: str) -> Alias:
        draft = self.aliases[name]
        return Alias(
            name=name,
            pointer=draft.pointer,
            type=draft.type,
            annotation=annotation(draft.type),
            description=draft.description,
            docstring=docstring(draft.description),
            untagged=draft.untagged,
            name_source=string_literal(name),
            variants_source="("
            + "".join(annotation(v) + ", " for v in _members(draft.type)).rstrip(" ")
            + ")",
            discriminator_source=_dispatch_source(draft.discriminator),
        )

    def _models_in(self, types: list[TypeRef]) -> frozenset[str]:
        """The models a value of these types may contain, at any depth."""
        seen: set[str] = set()
        todo = list(types)
        while todo:
            t = todo.pop()
            todo.extend(t.args)
            if t.kind == "model" and t.name not in seen and t.name in self.models:
                seen.add(t.name)
                todo.extend(f.type for f in self.models[t.name].fields)
            elif t.kind == "alias" and t.name not in seen and t.name in self.aliases:
                seen.add(t.name)
                todo.append(self.aliases[t.name].type)
        return frozenset(seen)

    def _finish_model(self, draft: _ModelDraft, sent: frozenset[str], received: frozenset[str]) -> Model:
        tag: Tag | None = None
        fields = draft.fields
        if draft.tag is not None:
            wire, value = draft.tag
            attr = next((f.name for f in fields if f.wire == wire), naming.identifier(wire))
            source = literal(value)
            line = layout.attribute(4, attr, f"ClassVar[Literal[{source}]]", source)
            tag = Tag(wire_name=wire, attr=attr, value_source=source, line_source=line)
            fields = [f for f in fields if f.wire != wire]
        shadowed = frozenset(f.name for f in fields) | ({tag.attr} if tag else set())
        out: list[Field] = []
        for f in fields:
            t = f.type
            default_source: str | None = None
            required = f.required and not (
                (f.read_only and draft.name in sent) or (f.write_only and draft.name in received)
            )
            if not required:
                default_source = (
                    default_literal(f.default, t, self.enums) if f.has_default else None
                )
                if default_source is None:
                    if t.is_nullable:
                        real = tuple(m for m in _members(t) if m != NONE)
                        t = TypeRef("union", args=(*real, UNSET, NONE))
                        default_source = "msgspec.UNSET"
                    else:
                        t = make_union([t, NONE])
                        default_source = "None"
            if f.name != f.wire:
                default_source = (
                    f"msgspec.field(name={string_literal(f.wire)})"
                    if default_source is None
                    else _field_call(default_source, f.wire)
                )
            elif default_source is not None and _is_factory(default_source):
                default_source = f"msgspec.field(default_factory={default_source})"
            doc = f.description
            if f.read_only or f.write_only:
                note = "Read-only: set by the server." if f.read_only else "Write-only: never returned."
                doc = note + (f" {doc}" if doc else "")
            if f.deprecated:
                doc = "Deprecated." + (f" {doc}" if doc else "")
            out.append(
                Field(
                    name=f.name,
                    wire_name=f.wire,
                    type=f.type,
                    annotation=annotation(t, shadowed=shadowed),
                    default_source=default_source,
                    required=required,
                    description=f.description,
                    docstring=docstring(doc, 4),
                    deprecated=f.deprecated,
                    constraints=f.constraints,
                    line_source=layout.attribute(4, f.name, annotation(t, shadowed=shadowed), default_source or None),
                )
            )
        options = ["frozen=True", "kw_only=True", "omit_defaults=True"]
        if tag is not None:
            options += [f"tag_field={string_literal(tag.wire_name)}", f"tag={tag.value_source}"]
        description = draft.description or _title_doc(draft.title, draft.name)
        header = layout.bracketed(0, f"class {draft.name}(", ["msgspec.Struct", *options], "):")
        return Model(
            name=draft.name,
            pointer=draft.pointer,
            title=draft.title,
            description=draft.description,
            docstring=docstring(description, 4),
            fields=tuple(out),
            tag=tag,
            options_source=", ".join(options),
            header_source=header,
        )

    def _namespaces(self, operations: list[Operation]) -> Namespace:
        tree: dict[tuple[str, ...], list[Operation]] = {(): []}
        for op in operations:
            for depth in range(len(op.namespace) + 1):
                tree.setdefault(op.namespace[:depth], [])
            tree[op.namespace].append(op)
        tags = {
            naming.identifier(str(t.get("name", ""))): t.get("description")
            for t in self.spec.get("tags") or []
            if isinstance(t, dict)
        }

        # customer_portal.sessions and customer.portal.sessions must not share a class.
        paths = sorted(p for p in tree if p)
        class_names = dict(
            zip(
                paths,
                naming.dedupe(
                    ("".join(naming.pascal_case(part) for part in p) + "Resource" for p in paths),
                    taken={"Client", "AsyncClient"},
                    separator="",
                ),
            )
        )

        def make(path: tuple[str, ...]) -> Namespace:
            children = tuple(
                make(p) for p in sorted(tree) if len(p) == len(path) + 1 and p[: len(path)] == path
            )
            return Namespace(
                path=path,
                attr=path[-1] if path else "",
                class_name=class_names[path] if path else "Client",
                async_class_name="Async" + class_names[path] if path else "AsyncClient",
                operations=tuple(sorted(tree[path], key=lambda o: o.name)),
                children=children,
                docstring=docstring(
                    (tags.get(path[-1]) if path else None)
                    or ("Operations under `" + ".".join(path) + "`." if path else None),
                    4,
                ),
            )

        return make(())

    def _servers(self) -> tuple[Server, ...]:
        raw = [s for s in self.spec.get("servers") or [] if isinstance(s, dict)]
        if not raw:
            return (Server("default", "", "No server is declared: pass base_url.", '"default"', '""'),)
        names: list[str] = []
        for i, server in enumerate(raw):
            name = server.get("x-speakeasy-server-id") or server.get("x-server-name")
            if not name and server.get("description"):
                name = next(iter(naming.words(str(server["description"]))), None)
            names.append(naming.identifier(str(name or ("default" if i == 0 else f"server{i + 1}"))))
        out: list[Server] = []
        for name, server in zip(naming.dedupe(names), raw):
            url = str(server.get("url", ""))
            for var, spec in (server.get("variables") or {}).items():
                url = url.replace("{" + var + "}", str(spec.get("default", "")))
            url = url.rstrip("/")
            out.append(
                Server(
                    name=name,
                    url=url,
                    description=server.get("description"),
                    name_source=string_literal(name),
                    url_source=string_literal(url),
                )
            )
        return tuple(out)


# -- helpers (pure) ------------------------------------------------------------------------


def _dispatch_source(discriminator: tuple[str, tuple[tuple[str, TypeRef], ...]] | None) -> str | None:
    """`("property", {"value": Variant, ...})`, for untagged_union()."""
    if discriminator is None:
        return None
    prop, table = discriminator
    entries = ", ".join(f"{string_literal(value)}: {annotation(t)}" for value, t in table)
    return f"({string_literal(prop)}, {{{entries}}})"


def _is_discriminator(value: Any) -> TypeGuard[dict[str, Any]]:
    return isinstance(value, dict) and isinstance(value.get("propertyName"), str)


def _is_count(value: Any) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool)


def make_union(types: list[TypeRef]) -> TypeRef:
    """Flatten, merge literals, drop duplicates; None goes last; Any swallows the rest."""
    flat: list[TypeRef] = []
    for t in types:
        flat.extend(t.args if t.kind == "union" else [t])
    if ANY in flat:
        return ANY
    literal_values: list[str] = []
    out: list[TypeRef] = []
    for t in flat:
        if t.kind == "literal":
            if not literal_values:
                out.append(t)  # placeholder keeps the first literal's position
            literal_values.extend(v for v in t.values if v not in literal_values)
        elif t not in out:
            out.append(t)
    out = [TypeRef("literal", values=tuple(literal_values)) if t.kind == "literal" else t for t in out]
    has_none = NONE in out
    out = [t for t in out if t != NONE] + ([NONE] if has_none else [])
    if len(out) == 1:
        return out[0]
    return TypeRef("union", args=tuple(out))


def _members(t: TypeRef) -> tuple[TypeRef, ...]:
    return t.args if t.kind == "union" else (t,)


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
    members: list[TypeRef] = []
    pending = [m for m in _members(t) if m != NONE]
    while pending:
        m = pending.pop(0)
        target = ctx.alias_target(m.name) if m.kind == "alias" else None
        if target is not None:
            pending.extend(x for x in _members(target) if x != NONE)
        else:
            members.append(m)
    if len(members) < 2:
        return None
    groups: dict[str, list[TypeRef]] = {}
    for m in members:
        groups.setdefault(_json_group(m, ctx), []).append(m)
    if "custom" in groups:
        return "a variant is itself decoded by trying its variants"
    for group, found in groups.items():
        if len(found) < 2:
            continue
        names = ", ".join(annotation(m) for m in found)
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
        return "str" if m.values[0].startswith('"') else "int"
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


def _literal_type(values: list[Any]) -> TypeRef:
    real = [v for v in values if v is not None]
    if not real:
        return NONE
    if all(isinstance(v, bool) for v in real):
        t = BOOL  # msgspec's Literal takes only strings and integers
    elif all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in real) and any(
        isinstance(v, float) for v in real
    ):
        t = FLOAT
    elif all(isinstance(v, str) or (isinstance(v, int) and not isinstance(v, bool)) for v in real):
        t = TypeRef("literal", values=tuple(literal(v) for v in real))
    else:
        t = ANY
    return make_union([t, NONE]) if len(real) != len(values) else t


def _parse_literal(source: str) -> str | int:
    if source.startswith('"'):
        import json

        return str(json.loads(source))
    return int(source)


def _enum_base(values: list[Any]) -> str | None:
    if all(isinstance(v, str) for v in values):
        return "str"
    if all(isinstance(v, int) and not isinstance(v, bool) for v in values):
        return "int"
    return None


def _enum_descriptions(schema: dict[str, Any], values: list[Any]) -> dict[str, str]:
    for key in ("x-enum-descriptions", "x-enumDescriptions", "enumNames", "x-enum-varnames-descriptions"):
        raw = schema.get(key)
        if isinstance(raw, dict):
            return {str(k): str(v) for k, v in raw.items() if v is not None}
        if isinstance(raw, list) and len(raw) == len(values):
            return {str(v): str(d) for v, d in zip(values, raw) if d is not None}
    return {}


def _is_null_schema(schema: Any) -> bool:
    return isinstance(schema, dict) and (schema.get("type") == "null" or schema.get("const", 0) is None)


def _is_bearer(scheme: Any) -> bool:
    if not isinstance(scheme, dict):
        return False
    kind = scheme.get("type")
    if kind == "http":
        return str(scheme.get("scheme", "")).lower() == "bearer"
    return kind in ("oauth2", "openIdConnect")


def _constraints(schema: dict[str, Any]) -> tuple[tuple[str, str], ...]:
    return tuple((k, str(schema[k])) for k in _CONSTRAINT_KEYS if k in schema)


def _title_doc(title: Any, name: str) -> str | None:
    if isinstance(title, str) and naming.pascal_case(title) != name:
        return title
    return None


def _merge_params(shared: list[Any], own: list[Any]) -> list[dict[str, Any]]:
    out: dict[tuple[str, str], dict[str, Any]] = {}
    for p in shared + own:
        if isinstance(p, dict):
            out[(str(p.get("name")), str(p.get("in")))] = p
    return list(out.values())


def _status_sort_key(status: Any) -> tuple[int, str]:
    s = str(status)
    if s == "default":
        return (2, s)
    return (0 if s[:1] == "2" else 1, s)


def _status_key(status: str) -> str:
    return status if status.isdigit() else string_literal(status)


def _response_spec_source(kind: str, ann: str | None) -> str:
    if kind == "json":
        return f"Json({ann})"
    return {"text": "TEXT", "bytes": "BINARY"}.get(kind, "NO_CONTENT")


def _return_type(success: tuple[ResponseCase, ...]) -> TypeRef | None:
    types = [r.type for r in success if r.type is not None]
    if not types:
        return None
    if any(r.type is None for r in success):
        types.append(NONE)
    return make_union(types)


def default_literal(
    value: Any, t: TypeRef, enums: dict[str, EnumType], prefix: str = ""
) -> str | None:
    """Python source for a spec default of type `t`, or None when it cannot be expressed.
    Lists and maps come back as `lambda: ...` so each instance gets its own."""
    for member in _members(t):
        source = _default_for(value, member, enums, prefix)
        if source is not None:
            return source
    return None


def _default_for(value: Any, t: TypeRef, enums: dict[str, EnumType], prefix: str) -> str | None:
    if value is None:
        return "None" if t == NONE else None
    if t.kind == "enum":
        enum = enums.get(t.name)
        for m in enum.members if enum else ():
            if m.value == value and type(m.value) is type(value):
                return f"{prefix}{t.name}.{m.name}"
        return None
    if t.kind == "literal":
        return literal(value) if literal(value) in t.values else None
    if t.kind == "builtin":
        ok = {
            "str": isinstance(value, str),
            "int": isinstance(value, int) and not isinstance(value, bool),
            "float": isinstance(value, (int, float)) and not isinstance(value, bool),
            "bool": isinstance(value, bool),
            "Any": True,
        }.get(t.name, False)
        if not ok:
            return None
        if t.name == "Any" and isinstance(value, (list, dict)):
            return "lambda: " + literal(value)
        if t.name == "float":
            return literal(float(value))
        return literal(value)
    if t.kind == "list" and isinstance(value, list):
        items = [_default_for(v, t.args[0], enums, prefix) for v in value]
        if any(i is None for i in items):
            return None
        return "lambda: [" + ", ".join(str(i) for i in items) + "]" if items else "list"
    if t.kind == "dict" and isinstance(value, dict):
        return "lambda: " + literal(value) if value else "dict"
    if t.kind == "model" and isinstance(value, dict):
        # Built from the JSON default by msgspec itself, so wire names and types just work.
        return f"lambda: msgspec.convert({literal(value)}, {prefix}{t.name})"
    return None


def _is_factory(default_source: str) -> bool:
    """Lists and maps are made afresh for each instance, never shared as one default."""
    return default_source.startswith("lambda") or default_source in ("list", "dict")


def _field_call(default_source: str, wire: str) -> str:
    name = f"name={string_literal(wire)}"
    if _is_factory(default_source):
        return f"msgspec.field({name}, default_factory={default_source})"
    return f"msgspec.field({name}, default={default_source})"


def _alias_order(aliases: dict[str, _AliasDraft]) -> list[str]:
    """Aliases are runtime values: each comes after the aliases it names."""
    done: list[str] = []
    visiting: set[str] = set()

    def visit(name: str) -> None:
        if name in done or name in visiting:
            return
        visiting.add(name)
        for node in walk(aliases[name].type):
            if node.kind == "alias" and node.name in aliases:
                visit(node.name)
        visiting.discard(name)
        done.append(name)

    for name in sorted(aliases):
        visit(name)
    return done


def _flatten(root: Namespace) -> tuple[Namespace, ...]:
    out: list[Namespace] = []

    def visit(ns: Namespace) -> None:
        for child in ns.children:
            visit(child)
        if ns.path:
            out.append(ns)

    visit(root)
    return tuple(out)


def _operation_docstring(
    spec: dict[str, Any],
    params: list[Param],
    body: Body | None,
    errors: tuple[ResponseCase, ...],
    returns: TypeRef | None,
) -> str:
    parts: list[str] = []
    summary = spec.get("summary")
    description = spec.get("description")
    if summary:
        parts.append(str(summary).strip())
    if description and str(description).strip() != str(summary or "").strip():
        parts.append(str(description).strip())
    if spec.get("deprecated"):
        parts.append("Deprecated: this operation may be removed in a future version.")
    documented = [p for p in params if p.description] + ([body] if body and body.description else [])
    if documented:
        lines = ["Args:"]
        for p in documented:
            text = " ".join(str(p.description).split())
            lines.append(f"    {p.name}: {text}")
        parts.append("\n".join(lines))
    if errors:
        lines = ["Raises:"]
        for r in errors:
            text = " ".join(str(r.description or "").split()).rstrip(".")
            status = f"HTTP {r.status}" if r.status.isdigit() else f"HTTP {r.status} responses"
            lines.append(f"    {error_class(r.status)}: {text} ({status}).".replace(":  (", ": ("))
        parts.append("\n".join(lines))
    text = "\n\n".join(parts) or f"{spec.get('operationId', 'Operation')}."
    return docstring(text, 8) or '""""""'


def _example(python_path: str, positional: tuple[Param, ...], keyword: tuple[Param, ...], body: Body | None) -> str:
    args = [_placeholder(p.type, p.name) for p in positional]
    args += [f"{p.name}={_placeholder(p.type, p.name)}" for p in keyword if p.required]
    # Optional arguments with a plain default show the caller what they can tune.
    args += [
        f"{p.name}={p.default_source}"
        for p in keyword
        if not p.required and p.default_source not in (None, "None") and "." not in str(p.default_source)
    ]
    if body is not None and body.required:
        args.append(f"body={_placeholder(body.type, 'body')}")
    return f"client.{python_path}({', '.join(args)})"


def _placeholder(t: TypeRef, name: str) -> str:
    if t.kind == "builtin":
        return {"int": "1", "float": "1.0", "bool": "True"}.get(t.name, string_literal(f"<{name}>"))
    if t.kind == "model":
        return f"models.{t.name}(...)"
    if t.kind == "literal":
        return t.values[0]
    if t.kind == "list":
        return f"[{_placeholder(t.args[0], name)}]"
    if t.kind == "stdlib" and t.name == "uuid.UUID":
        return f'uuid.UUID("{"0" * 8}-{"0" * 4}-{"0" * 4}-{"0" * 4}-{"0" * 12}")'
    return string_literal(f"<{name}>")


def _signature(positional: tuple[Param, ...], keyword: tuple[Param, ...], body: Body | None) -> str:
    return ", ".join(layout.flat(item) for item in _signature_items(positional, keyword, body))


def _signature_items(
    positional: tuple[Param, ...], keyword: tuple[Param, ...], body: Body | None
) -> list[layout.Item]:
    parts: list[layout.Item] = ["self"]
    parts += [layout.Typed(p.name, p.annotation) for p in positional]
    named: list[layout.Item] = []
    if body is not None:
        named.append(layout.Typed("body", body.annotation, body.default_source or None))
    for p in sorted(keyword, key=lambda p: p.default_source is not None):
        named.append(layout.Typed(p.name, p.annotation, p.default_source or None))
    if named:
        parts.append("*")
    return parts + named


def _defs(
    name: str, items: list[layout.Item], returns: str, async_returns: str, *, coroutine: bool = True
) -> tuple[str, str]:
    """A method's `def` line(s) on the sync and the async client, laid out as black would;
    on the async one it is a coroutine unless it returns an async iterator itself."""
    prefix = "async def" if coroutine else "def"
    return (
        layout.bracketed(4, f"def {name}(", items, f") -> {returns}:", is_def=True),
        layout.bracketed(4, f"{prefix} {name}(", items, f") -> {async_returns}:", is_def=True),
    )


def _returns(client: str, call: list[layout.Item]) -> tuple[str, str]:
    """A method's `return ..._request(...)`, sync and async, laid out as black would."""
    sync = layout.bracketed(8, f"return {client}._request(", call, ")")
    return sync, layout.bracketed(8, f"return await {client}._request(", call, ")")


def _call(endpoint: str, params: list[Param], body: Body | None) -> str:
    return ", ".join(layout.flat(item) for item in _call_items(endpoint, params, body))


def _call_items(endpoint: str, params: list[Param], body: Body | None) -> list[layout.Item]:
    args: list[layout.Item] = [endpoint]
    for location, keyword in (("path", "path"), ("query", "query")):
        chosen = [p for p in params if p.location == location]
        if chosen:
            entries = tuple(f"{p.wire_source}: {p.name}" for p in chosen)
            args.append(layout.Group(f"{keyword}={{", entries, "}", display=True))
    headers = [f"{p.wire_source}: {p.name}" for p in params if p.location == "header"]
    cookies = [p for p in params if p.location == "cookie"]
    if cookies:
        # Cookies travel as one header; the runtime drops the pairs whose value is None.
        pairs = ", ".join(f"({p.wire_source}, {p.name})" for p in cookies)
        headers.append(f'"Cookie": _base.cookie_header([{pairs}])')
    if headers:
        args.append(layout.Group("headers={", tuple(headers), "}", display=True))
    if body is not None:
        args += ["body=body", f"body_encoding={string_literal(body.encoding)}"]
    return args


def _client_docstring(
    title: str, servers: tuple[Server, ...], bearer: list[Any], *, is_async: bool
) -> str:
    kind = "Asyncio client" if is_async else "Client"
    http = "httpx.AsyncClient" if is_async else "httpx.Client"
    lines = [f"{kind} for {title}.", "", "Args:"]
    if bearer:
        auth = " ".join(str(bearer[0].get("description") or "").split())
        lines.append("    access_token: Sent as `Authorization: Bearer <token>`." + (f" {auth}" if auth else ""))
    names = ", ".join(f"`{s.name}` ({s.url})" if s.url else f"`{s.name}`" for s in servers)
    lines += [
        f"    server: One of the servers the spec declares: {names}.",
        "    base_url: Any other base URL; overrides `server`.",
        "    timeout: Seconds, or an `httpx.Timeout`, for each request.",
        "    max_retries: Retries of idempotent requests (GET, PUT, DELETE, ...) after a",
        "        connection error, a timeout or HTTP 408, 429, 500, 502, 503 or 504.",
        "    headers: Extra headers sent with every request.",
        f"    http_client: Your own `{http}` (proxies, transports, test doubles);",
        "        this client then never closes it.",
    ]
    return docstring("\n".join(lines), 4) or ""


def _unique_iter_names(
    operations: list[Operation], members: dict[tuple[str, ...], set[str]]
) -> list[Operation]:
    """An `iter` method may not take a name its namespace already uses."""
    taken = {ns: set(names) for ns, names in members.items()}
    out: list[Operation] = []
    for op in operations:
        if op.pagination is not None:
            used = taken.setdefault(op.namespace, set())
            name = naming.dedupe([op.pagination.name], used)[0]
            used.add(name)
            if name != op.pagination.name:
                example = op.pagination.example.replace(f".{op.pagination.name}(", f".{name}(", 1)
                renamed = dataclasses.replace(op.pagination, name=name, example=example)
                op = dataclasses.replace(op, pagination=renamed)
        out.append(op)
    return out


def _accept(success: tuple[ResponseCase, ...]) -> str | None:
    """The media types a successful call may return, for the Accept header; None for JSON."""
    media = list(dict.fromkeys(r.content_type for r in success if r.content_type))
    if not media or all(r.kind in ("json", "empty") for r in success):
        return None
    return string_literal(", ".join(media))


def _json_path(path: Any) -> tuple[str, ...]:
    """`$.pagination.max_page` -> ("pagination", "max_page"); anything fancier -> ()."""
    if not isinstance(path, str) or not path.startswith("$."):
        return ()
    parts = path[2:].split(".")
    return tuple(parts) if all(re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", p) for p in parts) else ()
