"""Pairing what stands in the old version with what stands in the new one."""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable, Iterable, Sequence
from typing import TypeVar

_T = TypeVar("_T")


def match(
    old: Sequence[_T], new: Sequence[_T], keys: Iterable[Callable[[_T], Hashable | None]]
) -> tuple[list[tuple[_T, _T]], list[_T], list[_T]]:
    """Pair items by each key in turn (a key must be unique on both sides to pair); returns
    the pairs, the old items left over and the new ones."""
    pairs: list[tuple[_T, _T]] = []
    left, right = list(old), list(new)
    for key in keys:
        left_keys = [key(x) for x in left]
        right_keys = [key(x) for x in right]
        paired_left: set[int] = set()
        paired_right: set[int] = set()
        for i, k in enumerate(left_keys):
            if k is None or left_keys.count(k) != 1 or right_keys.count(k) != 1:
                continue
            j = right_keys.index(k)
            pairs.append((left[i], right[j]))
            paired_left.add(i)
            paired_right.add(j)
        left = [x for i, x in enumerate(left) if i not in paired_left]
        right = [x for j, x in enumerate(right) if j not in paired_right]
    return pairs, left, right


def normalized_path(path: str) -> str:
    """A path with its parameters unnamed: `/items/{id}` and `/items/{item_id}` are one."""
    return re.sub(r"{[^}]*}", "{}", path)
