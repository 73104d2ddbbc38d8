"""Small pieces of diff wording several comparisons share."""

from __future__ import annotations

from ...ir import Param
from ...problems import split_pointer


def schema_where(pointer: str) -> str:
    """A schema as a change's `where`: its component name, else its pointer."""
    tokens = split_pointer(pointer)
    if len(tokens) == 3 and tokens[:2] == ["components", "schemas"]:
        return tokens[2]
    return "#" + pointer


def arg_word(p: Param) -> str:
    """How the Python method takes a parameter."""
    return "positional argument" if p.location == "path" else "keyword"
