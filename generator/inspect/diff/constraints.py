"""Changes to the constraints of a parameter or field (bounds, lengths, patterns): whether
they accept fewer values (tightened) or more (loosened)."""

from __future__ import annotations

from ..wording import Code, message
from .change import Change

_LOWER_BOUNDS = frozenset({"minLength", "minimum", "exclusiveMinimum", "minItems"})
_UPPER_BOUNDS = frozenset({"maxLength", "maximum", "exclusiveMaximum", "maxItems"})


def _number(text: str) -> float | None:
    try:
        return float(text)
    except ValueError:
        return None


def constraint_changes(
    old: tuple[tuple[str, str], ...], new: tuple[tuple[str, str], ...]
) -> tuple[list[str], list[str]]:
    """(tightened, loosened) descriptions such as `maximum 100 -> 50`."""
    before, after = dict(old), dict(new)
    tightened: list[str] = []
    loosened: list[str] = []
    for key in [k for k in before if k not in after] + [k for k in after]:
        a, b = before.get(key), after.get(key)
        if a == b:
            continue
        if a is None:
            tightened.append(f"{key} {b} added")
        elif b is None:
            loosened.append(f"{key} {a} removed")
        else:
            x, y = _number(a), _number(b)
            text = f"{key} {a} -> {b}"
            if x is not None and y is not None and key in _LOWER_BOUNDS:
                (tightened if y > x else loosened).append(text)
            elif x is not None and y is not None and key in _UPPER_BOUNDS:
                (tightened if y < x else loosened).append(text)
            else:
                tightened.append(text)
    return tightened, loosened


def constraint_change_list(
    what: str,
    where: str,
    old: tuple[tuple[str, str], ...],
    new: tuple[tuple[str, str], ...],
    python: tuple[str, ...],
    http: tuple[str, ...],
) -> list[Change]:
    """The tightened and loosened changes of a `param` or `field`, worded."""
    tightened, loosened = constraint_changes(old, new)
    out: list[Change] = []
    if tightened:
        out.append(
            Change(
                "warning",
                f"{what}-constraint-tightened",
                where,
                message(*python, " accepts fewer values: ", Code("; ".join(tightened))),
                message(*http, " constraint tightened"),
            )
        )
    if loosened:
        out.append(
            Change(
                "info",
                f"{what}-constraint-loosened",
                where,
                message(*python, " accepts more values: ", Code("; ".join(loosened))),
                message(*http, " constraint loosened"),
            )
        )
    return out
