"""Enum values -> UPPER_SNAKE member names: the one place that decides them.

Values that map to one name are told apart by spelling their punctuation out (`GMT+0` ->
`GMT_PLUS_0`, `GMT-0` -> `GMT_MINUS_0`), then by a numeric suffix in spec order; an empty
value is `EMPTY`, a leading digit gets `VALUE_`.
"""

from __future__ import annotations

from collections.abc import Iterable

from .identifiers import dedupe, guard, upper_snake

PUNCTUATION_WORDS = {
    "+": "PLUS",
    "-": "MINUS",
    ".": "DOT",
    "/": "SLASH",
    ":": "COLON",
    "*": "STAR",
    "@": "AT",
    "#": "HASH",
    "%": "PERCENT",
    "&": "AND",
    "=": "EQUALS",
    "<": "LT",
    ">": "GT",
    "!": "BANG",
    "?": "QUESTION",
    ",": "COMMA",
    "$": "DOLLAR",
    "~": "TILDE",
    "^": "CARET",
    "|": "PIPE",
    " ": "SPACE",
    ";": "SEMICOLON",
    "'": "QUOTE",
    '"': "DOUBLE_QUOTE",
    "(": "LPAREN",
    ")": "RPAREN",
    "[": "LBRACKET",
    "]": "RBRACKET",
    "{": "LBRACE",
    "}": "RBRACE",
    "\\": "BACKSLASH",
    "`": "BACKTICK",
    "\t": "TAB",
    "\n": "NEWLINE",
}


def _spelled_member(value: str) -> str:
    if value and not value.strip("_"):
        return "_".join(["UNDERSCORE"] * len(value))
    parts: list[str] = []
    for char in value:
        if char == "_":
            parts.append("_")  # a word break, as in the name itself: `a_b` stays A_B
        elif char in PUNCTUATION_WORDS:
            parts.append(f"_{PUNCTUATION_WORDS[char]}_")
        elif not char.isalnum():
            # Lower-case hex, so the case split of upper_snake leaves it whole (U000D).
            parts.append(f"_u{ord(char):04x}_")
        else:
            parts.append(char)
    return upper_snake("".join(parts))


def _member_base(value: object) -> str:
    text = str(value)
    # A sign is part of a number's meaning: -1 is MINUS_1, never the same name as 1.
    if text[:1] in "+-" and text[1:2].isdigit():
        return guard(_spelled_member(text), "VALUE_", "EMPTY")
    return guard(upper_snake(text), "VALUE_", "EMPTY")


def enum_member_names(values: Iterable[object]) -> list[str]:
    """UPPER_SNAKE member names for enum values, with the collision rule in the module doc."""
    values = list(values)
    base = [_member_base(v) for v in values]
    counts: dict[str, int] = {}
    for name in base:
        counts[name] = counts.get(name, 0) + 1
    spelled = [
        guard(_spelled_member(str(v)), "VALUE_", "EMPTY") if counts[name] > 1 else name
        for v, name in zip(values, base)
    ]
    # Names that stand for something else on an Enum class are not available to members.
    spelled = [n + "_" if n.startswith("_") or n in ("MRO",) else n for n in spelled]
    return dedupe(spelled)
