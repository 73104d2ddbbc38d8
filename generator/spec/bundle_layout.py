"""`$ref`s that multi-file layouts write where OpenAPI allows none (`--allow-file-refs`): an
Operation Object kept in a file of its own, and a tag's description kept in a Markdown or
text file. The bundler reads them like any other file (inside the spec's folder, within the
size limit) and puts what they name in their place, with a warning that says so; a Path Item
`$ref` is OpenAPI and bundled without one.

This module says which references those are, what their text becomes, and the warnings'
words; the reading is the bundler's.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..problems import WARNING, Problem, join_pointer

# Kinds whose `$ref` is replaced by what it names, in place (there is no components section
# for them in OpenAPI 3.0, or none at all).
INLINED = ("pathItem", "operation")

_WHAT = {"pathItem": "a path item", "operation": "an operation"}


def what(kind: str) -> str:
    return _WHAT.get(kind, kind)


def inlined_warning(kind: str, name: str) -> str | None:
    """What a warning says about a reference bundled in place; None where OpenAPI allows it."""
    if kind == "operation":
        return f"a `$ref` where an Operation stands is not OpenAPI; bundled {name} in its place"
    return None


def described_by_file(data: Any) -> Iterator[tuple[str, dict[str, Any], str]]:
    """(pointer to the description, the tag, the reference) of each tag of `tags` whose
    `description` is only a `$ref`."""
    tags = data.get("tags") if isinstance(data, dict) else None
    for i, tag in enumerate(tags if isinstance(tags, list) else []):
        description = tag.get("description") if isinstance(tag, dict) else None
        if (
            isinstance(description, dict)
            and len(description) == 1
            and isinstance(description.get("$ref"), str)
        ):
            yield join_pointer("/tags", i, "description"), tag, description["$ref"]


def description_warning(name: str) -> str:
    return f"a `$ref` where a tag's description stands is not OpenAPI; used the text of {name} as the description"


def description_text(raw: bytes) -> str | None:
    """A text file's content as a description: UTF-8 (a leading byte order mark dropped),
    without the blank lines around it; None when it is not UTF-8 text."""
    try:
        text = raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError:
        return None
    if "\x00" in text:
        return None
    return text.strip("\r\n").rstrip()


def warning_at(
    pointer: str, message: str, located: tuple[Any, str, tuple[int, int]], spec: Any
) -> Problem:
    """A warning at `pointer`, placed where `located` (`Document.locate` before the
    reference was replaced) says it was written."""
    file, inner, position = located
    return Problem(inner, message, None, position, str(file or spec), WARNING)
