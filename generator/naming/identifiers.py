"""Spec names -> Python identifiers: deterministic, collision-aware, unit-tested.

The rules (also in the README):
- snake_case splits on non-alphanumerics and on case changes (`HTTPError` -> `http_error`),
  but a plural acronym stays one word (`URLs` -> `urls`), and so does a lone capital before
  a capitalised word at the start of a word (`OAuth2Token` -> `oauth2_token`).
- PascalCase keeps inner capitals (`ListResource_OAuth2Client_` -> `ListResourceOAuth2Client`).
- Letters outside ASCII are folded (`é` -> `e`); what cannot be folded becomes `uXXXX`.
- Python keywords get a trailing underscore; a leading digit gets a word in front, chosen by
  what is being named (`field_2fa`, `VALUE_1`, `Schema3d`).
- Enum member names have their own rule: see enum_members.py.
"""

from __future__ import annotations

import functools
import keyword
import re
import unicodedata
from collections.abc import Iterable

# `XMLHttp` -> XML_Http, but a plural `s` ends an acronym (`URLs`, `DBRPs`).
_CAMEL_ACRONYM = re.compile(r"([A-Z]+)([A-Z](?!s(?![a-z]))[a-z])")
_CAMEL = re.compile(r"([a-z0-9])([A-Z])")
_NON_ALNUM = re.compile(r"[^0-9A-Za-z]+")
# `OAuth`, `ETag`: one capital before a capitalised word, at the start of a word.
_LONE_CAPITAL = re.compile(r"(?<![0-9A-Za-z])([A-Z])([A-Z])(?=[a-z])")


def fold_ascii(text: str) -> str:
    """Fold accents away and spell out any letter that has no ASCII form as uXXXX."""
    if text.isascii():
        return text  # NFKD leaves ASCII as it is: most names, checked in a step
    out: list[str] = []
    for char in unicodedata.normalize("NFKD", text):
        if char.isascii():
            out.append(char)
        elif unicodedata.combining(char):
            continue
        elif char.isalnum():
            out.append(f"_u{ord(char):04x}_")
        else:
            out.append(" ")
    return "".join(out)


def words(text: str) -> list[str]:
    folded = fold_ascii(text)
    folded = _LONE_CAPITAL.sub(lambda m: m.group(1) + m.group(2).lower(), folded)
    folded = _CAMEL_ACRONYM.sub(r"\1_\2", folded)
    folded = _CAMEL.sub(r"\1_\2", folded)
    return [w for w in _NON_ALNUM.split(folded) if w]


@functools.lru_cache(maxsize=1 << 16)  # a spec names the same things many times
def snake_case(text: str) -> str:
    return "_".join(w.lower() for w in words(text))


@functools.lru_cache(maxsize=1 << 16)  # a spec names the same things many times
def pascal_case(text: str) -> str:
    chunks = [c for c in _NON_ALNUM.split(fold_ascii(text)) if c]
    return "".join(c[0].upper() + c[1:] for c in chunks)


@functools.lru_cache(maxsize=1 << 16)  # a spec names the same things many times
def upper_snake(text: str) -> str:
    return "_".join(w.upper() for w in words(text))


def guard(name: str, prefix: str, empty: str) -> str:
    if not name:
        return empty
    if name[0].isdigit():
        name = prefix + name
    if keyword.iskeyword(name):
        return name + "_"
    return name


def identifier(text: str, *, prefix: str = "field_", empty: str = "field") -> str:
    """A snake_case identifier for a field, parameter or method."""
    return guard(snake_case(text), prefix, empty)


def class_name(text: str, *, prefix: str = "Schema", empty: str = "Schema") -> str:
    return guard(pascal_case(text), prefix, empty)


def dedupe(names: Iterable[str], taken: Iterable[str] = (), separator: str = "_") -> list[str]:
    """Make names unique in order: the first keeps its name, later ones get _2, _3, ...
    (2, 3, ... for class names, which stay CapWords)."""
    used = set(taken)
    out: list[str] = []
    for name in names:
        candidate, n = name, 1
        while candidate in used:
            n += 1
            sep = "" if name.endswith("_") else separator
            candidate = f"{name}{sep}{n}"
        used.add(candidate)
        out.append(candidate)
    return out
