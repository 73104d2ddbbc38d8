"""Structs whose tag is text with non-ASCII characters, and the statements models.py ends
with for them.

msgspec 0.22 matches such a tag on a struct decoded on its own (a response of that one
variant, not through its union) only once the tag text's UTF-8 form exists, and encoding
the text makes it: until something encodes one, every such response fails to decode. The
statements encode each tag text once, when models.py is imported."""

from __future__ import annotations

from collections.abc import Sequence

from ..ir import Model
from . import layout

COMMENT = (
    "# msgspec matches a non-ASCII tag of a struct decoded on its own only once the tag\n"
    "# text's UTF-8 form exists; encoding the text makes it."
)


def non_ascii_tagged(models: Sequence[Model]) -> tuple[str, ...]:
    """The classes whose tag is text that is not all ASCII, in the models' order."""
    return tuple(
        m.name for m in models if m.tag is not None and isinstance(m.tag.value, str) and not m.tag.value.isascii()
    )


def warm_up_source(models: Sequence[Model]) -> str:
    """The comment and one statement per such class; empty when there is none."""
    names = non_ascii_tagged(models)
    if not names:
        return ""
    lines = [layout.bracketed(0, "msgspec.json.encode(", [f"{name}.__struct_config__.tag"], ")") for name in names]
    return COMMENT + "\n" + "\n".join(lines)
