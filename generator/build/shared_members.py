"""A union whose schema also declares object members of its own: `properties`, `required`
or `allOf` beside `oneOf`/`anyOf`. JSON Schema applies both, so an object variant holds the
schema's members as well as its own (Svix's sinks: `id`, `status`, ... beside a `oneOf` of
one class per `type`); reading the union alone would drop them from every value, and a
request could never send them. Each object variant becomes a class of its own members and
the schema's; a variant of another JSON type stays as it is.

A variant that only constrains (`{required: [a]}`: no type, no properties) adds no member:
when every variant is so, the schema is one class, its members the schema's.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal

from .. import naming
from ..ir import TypeRef
from ..naming.union_members import member_names
from ..problems import join_pointer, split_pointer
from . import unions
from .member_facts import member_facts

if TYPE_CHECKING:
    from .schemas import Schemas

# Keys that give a schema a shape; a variant with none of them only constrains its object.
_SHAPE_KEYS = frozenset(
    {"type", "properties", "$ref", "allOf", "oneOf", "anyOf", "items", "prefixItems", "enum", "const"}
    | {"additionalProperties", "patternProperties", "format", "$recursiveRef", "$dynamicRef", "not"}
)
_OBJECT_KEYS = frozenset({"properties", "allOf", "additionalProperties", "patternProperties"})

Role = Literal["object", "constraint", "null", "other"]


def union_key(schema: dict[str, Any]) -> str | None:
    """`oneOf` or `anyOf`, whichever the schema's union is written with."""
    return next((key for key in ("oneOf", "anyOf") if isinstance(schema.get(key), list)), None)


def has_shared_members(schema: dict[str, Any]) -> bool:
    """Whether a union's schema declares object members of its own."""
    if union_key(schema) is None:
        return False
    properties, required, parts = schema.get("properties"), schema.get("required"), schema.get("allOf")
    return bool(
        (isinstance(properties, dict) and properties)
        or (isinstance(required, list) and required)
        or (isinstance(parts, list) and parts)
    )


def role(resolved: Any) -> Role:
    """What a variant (its `$ref`s followed) is to the schema's members."""
    if not isinstance(resolved, dict):
        return "other"
    if is_null_schema(resolved):
        return "null"
    if not resolved.keys() & _SHAPE_KEYS:
        return "constraint"
    if resolved.get("type") == "object" or resolved.keys() & _OBJECT_KEYS:
        return "object"
    return "other"


def is_null_schema(schema: Any) -> bool:
    """`{type: null}` or `{const: null}`: a variant that lets only null through."""
    return isinstance(schema, dict) and (schema.get("type") == "null" or schema.get("const", 0) is None)


def without_union(schema: dict[str, Any]) -> dict[str, Any]:
    """The schema's own part: what every object variant holds besides its own."""
    return {k: v for k, v in schema.items() if k not in ("oneOf", "anyOf", "discriminator")}


def shared_union(
    schemas: Schemas, schema: dict[str, Any], key: str, pointer: str, hint: str, alias_name: str | None
) -> TypeRef:
    """The union's type: each object variant a class of its members and the schema's, the
    other variants as they are."""
    variants, at = schema[key], join_pointer(pointer, key)
    disc = schema.get("discriminator")
    prop = disc.get("propertyName") if isinstance(disc, dict) else None
    prop = prop if isinstance(prop, str) else None
    facts = [member_facts(schemas.doc, v, join_pointer(at, i)) for i, v in enumerate(variants)]
    names = member_names(hint, facts, prop, schemas.doc.taken)
    shared = schemas.merged_object(without_union(schema), pointer)
    found: list[TypeRef] = []
    for i, (variant, name) in enumerate(zip(variants, names)):
        at_variant = join_pointer(at, i)
        resolved, _ = schemas.doc.resolve(variant, at_variant)
        if role(resolved) not in ("object", "constraint"):
            found.append(schemas.convert(variant, at_variant, name))
            continue
        if at_variant in schemas.inline:
            found.append(schemas.inline[at_variant])
            continue
        own, required = schemas.merged_object(variant, at_variant)
        properties = {**shared[0], **own}
        required = shared[1] | required
        pin = _discriminator_pin(disc, variant, pointer, at_variant) if prop and prop not in own else None
        if pin is not None and prop is not None:
            properties[prop] = pin
            required.add(prop)
        ref = variant.get("$ref") if isinstance(variant, dict) else None
        hint_of = hint + naming.pascal_case(str(ref).rsplit("/", 1)[-1]) if isinstance(ref, str) else name
        found.append(schemas.object_type(resolved, at_variant, hint_of, gathered=(properties, required)))
    return unions.union_of(schemas, found, schema, pointer, hint, alias_name)


def _discriminator_pin(disc: Any, variant: Any, pointer: str, at: str) -> tuple[Any, str] | None:
    """The discriminator's values for a `$ref` variant that does not declare its property
    itself, as a property pinned to them (with where the values are written): the class
    made for the variant has no other way to carry them."""
    ref = variant.get("$ref") if isinstance(variant, dict) else None
    if not isinstance(ref, str) or not isinstance(disc, dict):
        return None
    mapping = disc.get("mapping")
    mapping = mapping if isinstance(mapping, dict) else {}
    values = [
        str(value)
        for value, target in mapping.items()
        if str(target) == ref or "#/components/schemas/" + str(target) == ref
    ]
    if values:
        return {"type": "string", "enum": values}, join_pointer(pointer, "discriminator", "mapping", values[0])
    tokens = split_pointer(ref[1:]) if ref.startswith("#") else []
    if len(tokens) == 3 and tokens[:2] == ["components", "schemas"]:
        return {"type": "string", "enum": [tokens[2]]}, join_pointer(at, "$ref")
    return None
