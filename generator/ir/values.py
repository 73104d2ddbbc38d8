"""Default values as data: what a field or parameter is when the caller leaves it out.
emit/defaults.py writes them as source; review and diff read them as they are."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Default:
    """kind is one of:
    - "value": the JSON scalar in `value` (a str, int, float or bool), or None (null);
    - "unset": left out of the JSON altogether (told apart from null);
    - "member": the enum member `member` of the enum class `enum`;
    - "list": a new list of `items` for each instance;
    - "json": a new copy of the JSON array or object in `value` for each instance;
    - "model": a new `model` struct for each instance, converted from the JSON object in
      `value` (so wire names and nested types follow the struct's own rules).
    """

    kind: str
    value: Any = dataclasses.field(default=None, hash=False)
    enum: str = ""
    member: str = ""
    items: tuple[Default, ...] = ()
    model: str = ""

    @property
    def is_factory(self) -> bool:
        """Made anew for each instance, never one object shared by all of them."""
        return self.kind in ("list", "json", "model")


NULL = Default("value", None)
UNSET_DEFAULT = Default("unset")
