"""Changes to a model: renamed, told apart by another tag, fields removed or added (changes
to a field found in both versions are in fields.py)."""

from __future__ import annotations

from ...ir import Model
from .. import source_text as src
from ..wording import Code, message
from .change import Change
from .context import Comparison
from .fields import field_changes
from .match import match
from .phrases import schema_where
from .schemas import renamed_type
from .usage import REQUEST, kind_side, side


def model_changes(cx: Comparison, o: Model, n: Model) -> list[Change]:
    out: list[Change] = []
    if o.name != n.name:
        out.append(renamed_type("model", o.name, n.name, n.pointer))
    directions = cx.directions(o.name, n.name)
    out += _tag(o, n, directions)
    # A property that becomes the tag (or stops being it) stays readable on the class.
    old_tag = o.tag.wire_name if o.tag else None
    new_tag = n.tag.wire_name if n.tag else None
    pairs, removed, added = match(o.fields, n.fields, (lambda f: f.wire_name,))
    where = schema_where(n.pointer)
    for f in removed:
        if f.wire_name == new_tag:
            continue
        out.append(
            Change(
                "breaking",
                f"{kind_side(directions)}field-removed",
                where,
                message(Code(f"models.{n.name}"), " lost field ", Code(f.name)),
                message(
                    f"{side(directions)}property ",
                    Code(f.wire_name),
                    " of ",
                    Code(where),
                    " removed",
                ),
            )
        )
    for f, g in pairs:
        out += field_changes(cx, n, f, g, directions)
    for g in added:
        if g.wire_name == old_tag:
            continue
        sig = f"{g.name}: {src.field_type(g)}"
        required_in_request = REQUEST in directions and g.required
        out.append(
            Change(
                "breaking" if required_in_request else "info",
                f"{kind_side(directions)}field-added"
                + ("-required" if required_in_request else ""),
                where,
                message(
                    Code(f"models.{n.name}"),
                    " has a new ",
                    "required " if g.required else "",
                    "field ",
                    Code(sig),
                ),
                message(f"new {side(directions)}property ", Code(g.wire_name), " of ", Code(where)),
            )
        )
    return out


def _tag_text(m: Model) -> str:
    return src.tag_text(m) or ""


def _tag(o: Model, n: Model, directions: set[str]) -> list[Change]:
    """The discriminator value that tells the model apart in a tagged union."""
    where = schema_where(n.pointer)
    if o.tag is not None and n.tag is not None and _tag_text(o) != _tag_text(n):
        return [
            Change(
                "breaking",
                "model-tag-changed",
                where,
                message(
                    Code(f"models.{n.name}"),
                    " is told apart by ",
                    Code(_tag_text(n)),
                    ", was ",
                    Code(_tag_text(o)),
                ),
                message(f"{side(directions)}discriminator value of ", Code(where), " changed"),
            )
        ]
    if (o.tag is None) == (n.tag is None):
        return []
    tagged = n.tag is not None
    return [
        Change(
            "warning",
            "model-tag-changed",
            where,
            message(
                Code(f"models.{n.name}"),
                " is now told apart by " if tagged else " is no longer told apart by ",
                Code(_tag_text(n) if tagged else _tag_text(o)),
                " (a class constant that the constructor does not take)" if tagged else "",
            ),
            message(
                f"{side(directions)}schema ",
                Code(where),
                " is " if tagged else " is no longer ",
                "a variant of a tagged union",
            ),
        )
    ]
