"""Parameter names -> the keywords of a method: the one place that decides them.

- A comparison in a name is spelled out, as filters write them (OPERATORS):
  `DateSent<` -> `date_sent_lt`, `DateSent>=` -> `date_sent_gte`, `!status` -> `not_status`.
- Names that still land on one keyword (with each other, or with a keyword the method keeps
  for itself, such as `body`) spell the rest of their punctuation as enum members do
  (enum_members.PUNCTUATION_WORDS, lower-case; `[]` is `list`): `filter.name` beside
  `filter_name` is `filter_dot_name`, `ids[]` beside `ids` is `ids_list`. `-`, `_` and spaces
  stay word breaks.
- Then one in another place than the first keeps it gets that place after it: a query
  `list_id` beside the path's `list_id` is `list_id_query`; a `Content-Type` header beside the
  body's `content_type` is `content_type_header`.
- Only then `_2`, `_3`, in order.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from .enum_members import PUNCTUATION_WORDS
from .identifiers import dedupe, identifier

OPERATORS = (
    ("<=", "lte"),
    (">=", "gte"),
    ("!=", "ne"),
    ("<", "lt"),
    (">", "gt"),
    ("=", "eq"),
    ("!", "not"),
)
_SEPARATORS = frozenset("-_ ")
SPELLED = (("[]", "list"),) + tuple(
    (char, word.lower()) for char, word in PUNCTUATION_WORDS.items() if char not in _SEPARATORS
)


def _spell(name: str, table: Iterable[tuple[str, str]]) -> str:
    for mark, word in table:
        name = name.replace(mark, f"_{word}_")
    return name


def _keyword(name: str, table: Iterable[tuple[str, str]] = OPERATORS) -> str:
    return identifier(_spell(name, table), prefix="param_")


def parameter_names(
    params: Sequence[tuple[str, str]], taken: Iterable[str] = (), reserved: Iterable[str] = ()
) -> list[str]:
    """`params`: (name, location) in the method's order; a keyword for each, unique and none
    of `taken`, by the rules of the module doc. A name in `reserved` (`self`) gets a `_`."""
    taken, reserved = set(taken), set(reserved)

    def keyword(raw: str, table: Iterable[tuple[str, str]] = OPERATORS) -> str:
        name = _keyword(raw, table)
        return name + "_" if name in reserved else name

    names = [keyword(name) for name, _ in params]
    counts = Counter(names)
    names = [
        keyword(_spell(raw, OPERATORS), SPELLED) if counts[name] > 1 or name in taken else name
        for (raw, _), name in zip(params, names)
    ]
    holder: dict[str, str] = {name: "" for name in taken}
    placed: list[str] = []
    for (_, location), name in zip(params, names):
        first = holder.setdefault(name, location)
        clash = first != location and (name in taken or names.count(name) > 1)
        placed.append(name.rstrip("_") + "_" + identifier(location) if clash else name)
    return dedupe(placed, taken)
