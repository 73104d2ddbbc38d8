"""jsonschema's errors as our problems: each pointed at the key or value that is wrong, an
unknown key named as such, and of a value that matches no `oneOf`/`anyOf` branch, the errors
of the branch it was meant to be rather than all of them.
"""

from __future__ import annotations

import re
from typing import Any

from ...problems import Problem, join_pointer
from .wording import shorten

# jsonschema's two ways of naming keys that are not allowed: without patternProperties, and
# with them (a 3.0 Schema Object allows only `x-` keys beyond its own).
_EXTRA_KEYS = re.compile(r"\((.*) (?:was|were) unexpected\)$", re.DOTALL)
_UNMATCHED_KEYS = re.compile(r"^(.*) (?:does|do) not match any of the regexes", re.DOTALL)


def from_error(error: Any, prefix: str = "", depth: int = 0) -> list[Problem]:
    """Problems from a jsonschema error: pointed at the key or value that is wrong."""
    pointer = prefix + join_pointer("", *error.absolute_path)
    message = str(error.message)
    if error.validator in ("additionalProperties", "unevaluatedProperties") and isinstance(error.instance, dict):
        match = _EXTRA_KEYS.search(message) or _UNMATCHED_KEYS.search(message)
        keys = [k for k in error.instance if match and repr(k) in match.group(1)]
        if keys:
            return [_unknown_key(pointer, str(key)) for key in keys]
    if "propertyNames" in error.absolute_schema_path and isinstance(error.instance, str):
        # A name that is not allowed: point at it, not at the mapping it is in.
        return [Problem(join_pointer(pointer, error.instance), f"the name {shorten(message)}")]
    if error.validator in ("oneOf", "anyOf") and error.context and depth < 16:
        branch = _best_branch(error)
        if branch:
            return [p for sub in branch for p in from_error(sub, prefix, depth + 1)]
    return [Problem(pointer, shorten(message))]


def _unknown_key(pointer: str, key: str) -> Problem:
    at = join_pointer(pointer, key)
    if pointer.endswith("/responses"):
        return Problem(
            at,
            f"{key!r} is not an HTTP status code",
            hint="responses are keyed by a status code (200), a range (4XX) or `default`",
        )
    return Problem(
        at,
        f"{key!r} is not allowed here",
        hint="check its spelling and where it stands; extensions start with `x-`",
    )


def _best_branch(error: Any) -> list[Any]:
    """A value that matches none of oneOf/anyOf: the errors of the alternative it was
    meant to be. Not a Reference Object (unless it has `$ref`); of the others, the one
    whose errors go deepest into the value (it matched the most)."""
    branches: dict[Any, list[Any]] = {}
    for sub in error.context:
        key = sub.relative_schema_path[0] if sub.relative_schema_path else None
        branches.setdefault(key, []).append(sub)
    real = [
        errors
        for errors in branches.values()
        if not any(e.validator == "required" and "'$ref' is a required property" in str(e.message) for e in errors)
    ]
    if not real:
        return []
    return max(real, key=lambda errors: (max(len(e.absolute_path) for e in errors), -len(errors)))

