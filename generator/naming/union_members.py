"""The classes of a union's inline members, named after what they hold: the one place that
decides them (build/schemas.py gathers the facts, MemberFacts).

For a union named `H` (`ServiceTier`, the field's or the schema's class name), the first of
these that is free, for each member that declares a class:

1. The only member beside `null` is `H` itself: a nullable wrapper needs no name of its own.
2. The value it pins a property to (`const`, or an `enum` of one) that no other member
   pins it to: the discriminator's property, else the one most members pin: `H` + the value
   (`DestinationIn` + `type: sqs` -> `DestinationInSqs`; `NUMERIC` reads `Numeric`), then
   `H` + property + value
   (`DestinationInTypeSqs`; a value that is no word, such as `false`, only this way).
3. Its `title`: `H` + the title (a title that begins with `H` as it is).
4. An enum: beside another enum, `H` + the word its values all begin with (`pitr_7`,
   `pitr_14` -> `HPitr`); then `HEnum`. An object of one property: `H` + the property (`{function: ...}` ->
   `HFunction`), then `HObject`. An array: `H` (its items are `HItem`).
5. `H1`, `H2`, ... by position: the last resort, always free to the member.

A name two members would take is taken by neither (they move on down their lists); a name
another class has is skipped.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Container, Sequence
from dataclasses import dataclass

from .identifiers import pascal_case, words

Pinned = str | int | float | bool


@dataclass(frozen=True)
class MemberFacts:
    """What an inline member of a union holds, as naming reads it."""

    # "null", "ref" (a `$ref`: named where it is declared), "object", "enum", "array", "other".
    kind: str
    title: str | None = None
    # Each property the member pins to one value, with the value, in order.
    pinned: tuple[tuple[str, Pinned], ...] = ()
    properties: tuple[str, ...] = ()
    # An enum's values.
    values: tuple[Pinned, ...] = ()


def _pinned_choice(
    facts: Sequence[MemberFacts], discriminator: str | None
) -> list[tuple[str, Pinned] | None]:
    """The (property, value) each member is named by, if any."""
    pinning = Counter(prop for fact in facts for prop, _ in fact.pinned)
    # A value another member pins the property to as well tells this one apart by nothing.
    shared = Counter((prop, repr(value)) for fact in facts for prop, value in fact.pinned)
    out: list[tuple[str, Pinned] | None] = []
    for fact in facts:
        own = dict(fact.pinned)
        if discriminator is not None and discriminator in own:
            out.append((discriminator, own[discriminator]))
            continue
        telling = [p for p in own if shared[(p, repr(own[p]))] == 1]
        ranked = sorted(telling, key=lambda p: -pinning[p])
        out.append((ranked[0], own[ranked[0]]) if ranked else None)
    return out


def _word(value: Pinned) -> str:
    if not isinstance(value, str):
        return ""
    found = words(value)
    if value == value.upper():
        found = [w.capitalize() for w in found]  # `NUMERIC` is a word, not an acronym
    return pascal_case("_".join(found))


def _common_word(values: Sequence[Pinned]) -> str:
    """The word all the values begin with, when they are strings that all begin with one."""
    if not values or not all(isinstance(v, str) for v in values):
        return ""
    firsts = {tuple(w.lower() for w in words(str(v)))[:1] for v in values}
    return pascal_case(firsts.pop()[0]) if len(firsts) == 1 and firsts != {()} else ""


def _candidates(
    hint: str, fact: MemberFacts, pinned: tuple[str, Pinned] | None, *, lone: bool, enums: int
) -> list[str]:
    out: list[str] = [hint] if lone else []
    if pinned is not None:
        prop, value = pinned
        word = _word(value)
        if word and not isinstance(value, bool):
            out.append(hint + word)
        shown = word if word else pascal_case(str(value).lower())
        if shown:
            out.append(hint + pascal_case(prop) + shown)
    title = pascal_case(fact.title or "")
    if title and not hint.endswith(title):
        out.append(title if title.startswith(hint) else hint + title)
    if fact.kind == "enum":
        common = _common_word(fact.values) if enums > 1 else ""
        out += [hint + common] if common else []
        out.append(hint + "Enum")
    elif fact.kind == "object":
        if len(fact.properties) == 1 and pascal_case(fact.properties[0]):
            out.append(hint + pascal_case(fact.properties[0]))
        out.append(hint + "Object")
    elif fact.kind == "array":
        out.append(hint)
    return out


def member_names(
    hint: str,
    facts: Sequence[MemberFacts],
    discriminator: str | None = None,
    taken: Container[str] = (),
) -> list[str]:
    """The name each member's class is made from (a `$ref` or `null` member's is never used),
    by the rules of the module doc; `taken`: class names other classes have."""
    if len(facts) == 1:
        return [hint]
    if all(fact.kind in ("null", "ref") for fact in facts):
        # No member is declared here (the common `$ref`-or-null union): the names below
        # are never used, and the loop would choose these.
        return [f"{hint}{i + 1}" for i in range(len(facts))]
    real = [i for i, fact in enumerate(facts) if fact.kind != "null"]
    enums = sum(fact.kind == "enum" for fact in facts)
    pinned = _pinned_choice(facts, discriminator)
    lists = [
        _candidates(hint, fact, pinned[i], lone=len(real) == 1, enums=enums)
        if fact.kind not in ("null", "ref")
        else []
        for i, fact in enumerate(facts)
    ]
    banned: set[str] = set()
    while True:
        chosen = [
            next((c for c in options if c not in banned and c not in taken), f"{hint}{i + 1}")
            for i, options in enumerate(lists)
        ]
        shared = {name for name, n in Counter(chosen).items() if n > 1}
        if not shared:
            return chosen
        banned |= shared
