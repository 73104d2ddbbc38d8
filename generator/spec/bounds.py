"""`exclusiveMinimum` / `exclusiveMaximum` written the other version's way, read as that
version meant them: in 3.1 `true` makes `minimum` (`maximum`) exclusive and `false` is
nothing (3.0's meaning); in 3.0 a number is the exclusive bound itself (3.1's meaning).
Validation warns where it reads them so; the default judge (defaults.py) reads them so.
"""

from __future__ import annotations

from typing import Any

BOUNDS = {"exclusiveMinimum": "minimum", "exclusiveMaximum": "maximum"}


def foreign_bound(key: str, value: Any, v30: bool) -> bool:
    """Whether `key: value` is an exclusive bound in the other version's form."""
    if key not in BOUNDS:
        return False
    if v30:
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    return isinstance(value, bool)


def recovered_bounds(schema: dict[str, Any], v30: bool) -> dict[str, Any]:
    """`schema` with its exclusive bounds in this version's form (the same dict when they are)."""
    foreign = [k for k in BOUNDS if foreign_bound(k, schema.get(k), v30)]
    if not foreign:
        return schema
    out = dict(schema)
    for key in foreign:
        value, inclusive = out.pop(key), BOUNDS[key]
        if v30:  # 3.1's number: the exclusive bound, 3.0's way
            out[inclusive], out[key] = value, True
        elif value is True and inclusive in out:  # 3.0's true: the bound is exclusive
            out[key] = out.pop(inclusive)
    return out


def bound_message(key: str, value: Any, v30: bool) -> str:
    """The warning for a bound read the other version's way."""
    inclusive = BOUNDS[key]
    if v30:
        return (
            f"in OpenAPI 3.0 `{key}` is a boolean; read `{key}: {value}` as 3.1 means it "
            f"(the value must be {'greater' if inclusive == 'minimum' else 'less'} than {value})"
        )
    meaning = f"`{inclusive}` is exclusive" if value else "no effect"
    return f"in OpenAPI 3.1 `{key}` is a number; read `{key}: {str(value).lower()}` as 3.0 means it ({meaning})"
