"""Whether a schema's `default` matches the schema: the one judge that validation (to warn)
and build (to drop the default) both ask, so the two never disagree.

A default is judged by openapi-schema-validator against the schema it stands in, `$ref`s
followed within the document only; `default: null` beside `nullable: true` fits. The
schema is read with its bounds recovered (bounds.py), as the rest of the generator reads it.
A default whose schema cannot be followed (a dangling `$ref`, reported where it is, or a
`pattern` Python's `re` cannot read) is kept.

Most defaults need no validator: one that plainly fits (fits_plainly) or is plainly of
another type (plainly_misfits) is judged here, as the validator would judge it
(tests/test_plain_defaults.py holds both to it), and jsonschema is imported only for the
rest.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ..problems import resolve_pointer
from .bounds import recovered_bounds

# What a schema may hold for fits_plainly to judge a value against it.
_KEYS = frozenset(
    {"default", "type", "enum", "const", "items", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"}
    | {"minLength", "maxLength", "format", "properties", "required", "additionalProperties", "propertyNames"}
    | {"uniqueItems", "pattern"}
    | {"anyOf", "allOf", "oneOf", "$ref", "nullable", "description", "title", "example", "examples", "deprecated"}
)
# Keys that judge no value: `nullable` judges only a null, which OpenAPI 3.0 leaves to the
# validator here and 3.1 ignores.
_ANNOTATIONS = frozenset({"default", "description", "title", "example", "examples", "deprecated", "nullable"})
_JSON_TYPES: dict[str, tuple[type, ...]] = {
    "string": (str,),
    "boolean": (bool,),
    "integer": (int,),
    "number": (int, float),
    "array": (list,),
    "object": (dict,),
    "null": (type(None),),
}
# Formats whose checks are known whatever else is installed (jsonschema checks `email`,
# `date`, `uri`... as the packages it finds allow): integers in range, and formats that
# pass any value.
_INTEGER_FORMATS = {"int32": 2**31, "int64": 2**63}
_FREE_FORMATS = frozenset({"float", "double", "password", "binary"})
_DEPTH = 16


def fits_plainly(schema: dict[str, Any], root: Any = None) -> bool:
    """True for a default that plainly fits its schema: of the schema's one `type`, in its
    `enum`, equal to its `const`, within its numeric bounds and string lengths, its items
    and values each fitting so, fitting one of its `anyOf` or the schema a local `$ref`
    (into `root`) names; nothing else constraining it. Most defaults are so, judged without
    importing the validator (that import was a large share of a small spec's
    generation). False when it takes the validator to tell: a mismatch is always the
    validator's to word."""
    if "default" not in schema:
        return False
    if _v30(root) and _holds_null(schema["default"]):
        return False  # OpenAPI 3.0 reads null through `nullable`: the validator's to judge
    return _fits(schema, schema["default"], root, _DEPTH)


def _holds_null(value: Any) -> bool:
    if isinstance(value, dict):
        return any(_holds_null(v) for v in value.values())
    if isinstance(value, list):
        return any(_holds_null(v) for v in value)
    return value is None


def _fits(schema: Any, value: Any, root: Any, depth: int) -> bool:
    if depth == 0 or not isinstance(schema, dict) or not all(k in _KEYS or k.startswith("x-") for k in schema):
        return False
    if "$ref" in schema:
        target = _local(root, schema["$ref"])
        rest = {k: v for k, v in schema.items() if k not in ("$ref", "default")}
        return (
            target is not None
            and _fits(target, value, root, depth - 1)
            and (not _constraining(rest) or _fits(rest, value, root, depth - 1))
        )
    if "oneOf" in schema and "discriminator" not in schema:
        # Exactly one: the one that plainly takes it, every other surely refusing it.
        branches = schema["oneOf"]
        rest = {k: v for k, v in schema.items() if k not in ("oneOf", "default")}
        if not isinstance(branches, list) or (_constraining(rest) and not _fits(rest, value, root, depth - 1)):
            return False
        taking = [b for b in branches if _fits(b, value, root, depth - 1)]
        return len(taking) == 1 and all(
            _surely_fails(b, value, root, depth - 1) for b in branches if b is not taking[0]
        ) and type(value) in _TYPE_OF
    for combinator, test in (("anyOf", any), ("allOf", all)):
        if combinator in schema:
            branches = schema[combinator]
            rest = {k: v for k, v in schema.items() if k not in (combinator, "default")}
            return (
                isinstance(branches, list)
                and bool(branches)
                and test(_fits(branch, value, root, depth - 1) for branch in branches)
                and (not _constraining(rest) or _fits(rest, value, root, depth - 1))
            )
    kind = schema.get("type")
    types = _JSON_TYPES.get(kind) if isinstance(kind, str) else None
    # type() rather than isinstance: JSON Schema's true is no integer, as Python's is.
    if types is None or type(value) not in types:
        return False
    if "enum" in schema and not (
        isinstance(schema["enum"], list) and any(_same(option, value) for option in schema["enum"])
    ):
        return False
    if "const" in schema and not _same(schema["const"], value):
        return False
    bounded = any(key in schema for key in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"))
    if bounded and not _within(schema, value):
        return False
    if ("minLength" in schema or "maxLength" in schema) and not _long_enough(schema, value):
        return False
    if "pattern" in schema and not _matches(schema["pattern"], value):
        return False
    if "format" in schema and not _format_fits(schema["format"], value):
        return False
    if isinstance(value, dict) or any(key in schema for key in ("properties", "required", "additionalProperties", "propertyNames")):
        return isinstance(value, dict) and _members_fit(schema, value, root, depth)
    if "items" in schema or isinstance(value, list) or "uniqueItems" in schema:
        items = schema.get("items")
        return (
            isinstance(value, list)
            and isinstance(items, dict)
            and (schema.get("uniqueItems") is not True or len(value) <= 1)
            and all(_fits(items, item, root, depth - 1) for item in value)
        )
    return True


def _members_fit(schema: dict[str, Any], value: dict[str, Any], root: Any, depth: int) -> bool:
    """Every required member present, each member fitting its property (or the schema
    for the others)."""
    properties, required = schema.get("properties", {}), schema.get("required", [])
    extra = schema.get("additionalProperties", True)
    if not (isinstance(properties, dict) and isinstance(required, list) and isinstance(extra, (bool, dict))):
        return False
    if any(name not in value for name in required):
        return False
    names = schema.get("propertyNames")
    if names is not None and not all(_fits(names, name, root, depth - 1) for name in value):
        return False  # an empty map has no names to judge
    for name, member in value.items():
        rule = properties.get(name, extra)
        if rule is False or (rule is not True and not _fits(rule, member, root, depth - 1)):
            return False
    return True


def _constraining(schema: dict[str, Any]) -> bool:
    """Whether any key of `schema` constrains a value (annotations do not)."""
    return bool(schema.keys() - _ANNOTATIONS)


def _local(root: Any, ref: Any) -> Any:
    """The node a `#/...` reference names in `root`; None when it names none."""
    if not isinstance(ref, str) or not ref.startswith("#/") or root is None:
        return None
    found, node = resolve_pointer(root, ref[1:])
    return node if found else None


def _long_enough(schema: dict[str, Any], value: Any) -> bool:
    low, high = schema.get("minLength"), schema.get("maxLength")
    if type(value) is not str or any(b is not None and type(b) is not int for b in (low, high)):
        return False
    # JSON Schema counts code points, as len() does.
    return (low is None or len(value) >= low) and (high is None or len(value) <= high)


def _matches(pattern: Any, value: Any) -> bool:
    """As the validator reads `pattern` (Python's `re.search`): it judges strings only."""
    if type(value) is not str:
        return True
    if not isinstance(pattern, str):
        return False
    try:
        return re.search(pattern, value) is not None
    except re.error:
        return False  # not a pattern Python can read: see DefaultJudge


def _format_fits(name: Any, value: Any) -> bool:
    if name in _INTEGER_FORMATS:
        limit = _INTEGER_FORMATS[name]
        return type(value) is not int or -limit <= value < limit
    return name in _FREE_FORMATS


# What a schema may hold for plainly_misfits to word a default of another type.
_MISFIT_KEYS = frozenset(
    {"default", "type", "format", "nullable", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "items"}
    | {"description", "title", "example", "examples", "deprecated"}
)
_TYPE_OF: dict[type, frozenset[str]] = {
    str: frozenset({"string"}),
    bool: frozenset({"boolean"}),
    int: frozenset({"integer", "number"}),
    list: frozenset({"array"}),
    dict: frozenset({"object"}),
}
_BOUNDS = ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum")
# Keywords that judge only values of one JSON type and let any other pass.
_ONLY_FOR: dict[type, frozenset[str]] = {
    dict: frozenset({"properties", "required", "additionalProperties"}),
    list: frozenset({"uniqueItems"}),
    str: frozenset({"minLength", "maxLength"}),
}
# Formats whose checkers pass any string (they judge numbers only).
_NUMBER_FORMATS = frozenset({"int32", "int64", "float", "double"})


def plainly_misfits(schema: dict[str, Any], root: Any = None) -> str | None:
    """The validator's words for a default of another JSON type than the schema's one
    `type` ("'1024' is not of type 'integer'", the most common mismatch in real specs),
    when nothing else in the schema applies to that value, so that the type is the
    validator's one objection; through a local `$ref` or a one-schema `allOf`, and for a
    `oneOf`/`anyOf` none of whose schemas can take a value of its type. None when it takes
    the validator to tell. A float or null default always goes to the validator (JSON
    Schema's drafts read 1.0 and null each their own way)."""
    value = schema.get("default")
    if type(value) not in _TYPE_OF:
        return None
    return _first_objection(schema, value, root, _DEPTH)


def _first_objection(schema: Any, value: Any, root: Any, depth: int) -> str | None:
    if depth == 0 or not isinstance(schema, dict):
        return None
    rest = schema.keys() - _ANNOTATIONS
    if rest == {"$ref"}:
        return _first_objection(_local(root, schema["$ref"]), value, root, depth - 1)
    if rest == {"allOf"} and isinstance(schema["allOf"], list) and len(schema["allOf"]) == 1:
        return _first_objection(schema["allOf"][0], value, root, depth - 1)
    combinator = rest - {"discriminator"}
    if "discriminator" in rest and len(combinator) == 1 and combinator <= {"oneOf", "anyOf"} and _v30(root):
        # OpenAPI 3.0's validator reads the discriminator first: an object it must be.
        return None if isinstance(value, dict) else " ".join(f"{value!r} is not of type 'object'".split())
    if len(combinator) == 1 and combinator <= {"oneOf", "anyOf"}:
        branches = schema[next(iter(combinator))]
        if isinstance(branches, list) and branches and all(_surely_fails(b, value, root, depth - 1) for b in branches):
            return " ".join(f"{value!r} is not valid under any of the given schemas".split())
        return None
    kind = schema.get("type")
    ignored = {key for other, keys in _ONLY_FOR.items() if other is not type(value) for key in keys}
    if not isinstance(kind, str) or kind in _TYPE_OF[type(value)] or not schema.keys() <= _MISFIT_KEYS | ignored:
        return None
    if kind not in ("string", "boolean", "integer", "number", "array", "object"):
        return None
    # The keywords that would judge this value too: bounds a number, items a list, a
    # format (but a number's) a string.
    if (type(value) is int and any(key in schema for key in _BOUNDS)) or (type(value) is list and "items" in schema):
        return None
    if type(value) is str and schema.get("format", "int32") not in _NUMBER_FORMATS:
        return None
    return " ".join(f"{value!r} is not of type {kind!r}".split())


def _v30(root: Any) -> bool:
    return isinstance(root, dict) and str(root.get("openapi", "")).startswith("3.0")


def _surely_fails(schema: Any, value: Any, root: Any, depth: int) -> bool:
    """Whether the validator must reject `value` under `schema`, whatever else it checks: a
    `type` it is not of, through references and combinations."""
    if depth == 0 or not isinstance(schema, dict):
        return False
    kind = schema.get("type")
    if isinstance(kind, str) and kind in _JSON_TYPES and kind not in _TYPE_OF[type(value)]:
        return kind != "null" or not _v30(root)  # OpenAPI 3.0 has no type null: a schema error
    # A string none of whose listed strings it is (JSON Schema compares strings exactly).
    if type(value) is str and isinstance(schema.get("enum"), list) and value not in schema["enum"]:
        return True
    if type(value) is str and "const" in schema and schema["const"] != value:
        return True
    if "$ref" in schema and _surely_fails(_local(root, schema["$ref"]), value, root, depth - 1):
        return True
    if isinstance(schema.get("allOf"), list) and any(_surely_fails(b, value, root, depth - 1) for b in schema["allOf"]):
        return True
    return any(
        isinstance(schema.get(key), list)
        and bool(schema[key])
        and all(_surely_fails(b, value, root, depth - 1) for b in schema[key])
        for key in ("oneOf", "anyOf")
    )


def _same(option: Any, value: Any) -> bool:
    return type(option) is type(value) and option == value and not isinstance(value, (list, dict))


def _within(schema: dict[str, Any], value: Any) -> bool:
    """Within the bounds read the strictest way either draft reads them (a number beside
    `exclusiveMinimum` is above it); a boolean `exclusive*` (OpenAPI 3.0's) is the
    validator's to read."""
    bounds = [schema.get(key) for key in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum")]
    if type(value) not in (int, float) or any(b is not None and type(b) not in (int, float) for b in bounds):
        return False
    low, high, above, below = bounds
    return (
        (low is None or value >= low)
        and (high is None or value <= high)
        and (above is None or value > above)
        and (below is None or value < below)
    )


@dataclass(frozen=True)
class Mismatch:
    """Why a default does not fit: where in the default (JSON path) and what is wrong."""

    path: tuple[str | int, ...]
    reason: str


class DefaultJudge:
    """Judges the defaults of one document; each schema node is judged once."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data
        self.v30 = str(data.get("openapi", "")).startswith("3.0")
        self._root: Any = None
        # id(node) -> (node, verdict): the node is held so its id stays its own.
        self._memo: dict[int, tuple[Any, Mismatch | None]] = {}

    def mismatch(self, schema: Any) -> Mismatch | None:
        """Why the default of `schema` does not fit it; None when it fits or there is none."""
        if not isinstance(schema, dict) or "default" not in schema:
            return None
        found = self._memo.get(id(schema))
        if found is None:
            found = self._memo[id(schema)] = (schema, self._judge(schema))
        return found[1]

    def fits(self, schema: Any) -> bool:
        return self.mismatch(schema) is None

    def _judge(self, schema: dict[str, Any]) -> Mismatch | None:
        if fits_plainly(schema, self.data):
            return None
        if (reason := plainly_misfits(schema, self.data)) is not None:
            return Mismatch((), reason)
        from jsonschema.exceptions import (  # type: ignore[import-untyped, unused-ignore]
            UnknownType,
            _WrappedReferencingError,
        )
        from referencing.exceptions import Unresolvable

        default = schema["default"]
        if default is None and schema.get("nullable") is True:
            return None
        checker = self._validator().evolve(schema=recovered_bounds(schema, self.v30))
        try:
            error = next(iter(checker.iter_errors(default)), None)
        except (Unresolvable, _WrappedReferencingError, RecursionError, re.error):
            # A `$ref` that leads nowhere, or a `pattern` in a syntax Python's `re` does not
            # read (ECMA-262's `\p{L}`, say): what the default would be checked against
            # is not known, so it is kept.
            return None
        except (UnknownType, TypeError, ValueError, AttributeError, KeyError):
            # The schema itself is malformed (`type: foo`, `enum: true`): that is reported
            # where it is; a default nothing can check against it is not kept.
            return Mismatch((), "it cannot be checked, as its schema is not valid")
        if error is None:
            return None
        return Mismatch(tuple(error.absolute_path), " ".join(str(error.message).split()))

    def _validator(self) -> Any:
        """A validator rooted at the document, so the `#/...` references of any schema in it
        resolve; each schema is judged by an evolved copy (same root, same formats)."""
        if self._root is None:
            from referencing import Registry

            from .schema_validators import oas_format_checker, oas_validator

            cls = oas_validator(self.v30)
            self._root = cls(self.data, registry=Registry(), format_checker=oas_format_checker(self.v30))
        return self._root
