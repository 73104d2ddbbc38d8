"""Whether a schema's `default` matches the schema: the one judge that validation (to warn)
and build (to drop the default) both ask, so the two never disagree.

A default is judged by openapi-schema-validator against the schema it stands in, `$ref`s
followed within the document only; `default: null` beside `nullable: true` fits. The
schema is read with its bounds recovered (bounds.py), as the rest of the generator reads it.
A default whose schema cannot be followed (a dangling `$ref`, reported where it is) is kept.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .bounds import recovered_bounds

# What a schema may hold for fits_plainly to judge a value against it.
_KEYS = frozenset(
    {"default", "type", "enum", "const", "items", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"}
    | {"description", "title", "example", "examples", "deprecated"}
)
_JSON_TYPES: dict[str, tuple[type, ...]] = {
    "string": (str,),
    "boolean": (bool,),
    "integer": (int,),
    "number": (int, float),
    "array": (list,),
}


def fits_plainly(schema: dict[str, Any]) -> bool:
    """True for a default that plainly fits its schema: of the schema's one `type`, in its
    `enum`, equal to its `const`, within its numeric bounds, its items each fitting
    `items` so; nothing else constraining it. Most defaults are so, judged without
    importing the validator (that import was a large share of a small spec's generation).
    False when it takes the validator to tell: a mismatch is always the validator's to word."""
    return "default" in schema and _fits(schema, schema["default"])


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
# Formats whose checkers pass any string (they judge numbers only).
_NUMBER_FORMATS = frozenset({"int32", "int64", "float", "double"})


def plainly_misfits(schema: dict[str, Any]) -> str | None:
    """The validator's words for a default of another JSON type than the schema's one
    `type` ("'1024' is not of type 'integer'", the most common mismatch in real specs),
    when nothing else in the schema applies to that value, so that the type is the
    validator's one objection; None when it takes the validator to tell. A float or null
    default always goes to the validator (JSON Schema's drafts read 1.0 and null each
    their own way)."""
    value = schema.get("default")
    kind = schema.get("type")
    types = _TYPE_OF.get(type(value))
    if types is None or not isinstance(kind, str) or kind in types or not schema.keys() <= _MISFIT_KEYS:
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


def _fits(schema: Any, value: Any) -> bool:
    if not isinstance(schema, dict) or not schema.keys() <= _KEYS:
        return False
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
    if "items" in schema or isinstance(value, list):
        return isinstance(value, list) and "items" in schema and all(_fits(schema["items"], item) for item in value)
    return True


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
        if fits_plainly(schema):
            return None
        if (reason := plainly_misfits(schema)) is not None:
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
        except (Unresolvable, _WrappedReferencingError, RecursionError):
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
