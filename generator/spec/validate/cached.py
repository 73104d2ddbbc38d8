"""A spec that passed once is not judged again: the content cache remembers its verdict
("ok", or the warnings it passed with) under a key of the spec's bytes and of everything
that judged it (our version, the validators' versions, and a digest of the source of our
rules). A spec with errors is never cached.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import TYPE_CHECKING

from ... import __version__, cache
from ...digests import digest_files, library_versions
from ...problems import WARNING, Problem
from ..selection import EVERYTHING, Selection

if TYPE_CHECKING:
    from ..document import Document


def cache_key(document: Document | bytes, selection: Selection = EVERYTHING) -> str:
    """A spec that passed is known by its bytes and the code and versions that judged it;
    the key of its verdict in the content cache (errors are never cached). A selection is
    part of the key: its verdict may hold warnings that are errors for the whole spec.
    Given as a Document, or as its fingerprint before it is parsed."""
    print_ = document if isinstance(document, bytes) else document.fingerprint
    versions = library_versions()
    parts = [
        "validated",
        __version__,
        versions["openapi-spec-validator"],
        versions["openapi-schema-validator"],
        versions["openapi-spec-validator-rs"],
        rules_version(),
    ]
    if not selection.everything:
        parts.append(repr(selection))
    return cache.key(*parts, print_)


def validate_cached(
    document: Document, *, remember: bool = True, selection: Selection = EVERYTHING
) -> list[Problem]:
    """`validate`, answered from the cache for a spec that passed before; a pass is
    written to the cache unless `remember` is off (commands that promise to write nothing).
    The verdict under a selection is kept apart: it may hold warnings for what is errors
    of the whole spec."""
    key = cache_key(document, selection)
    known = recall(key)
    if known is not None:
        return known
    from .report import validate

    problems = validate(document.data, document.problems, selection)
    if remember:
        keep(key, problems)
    return problems


def recall(key: str) -> list[Problem] | None:
    """The warnings a spec passed with before ([] for none), or None when it is not known."""
    text = cache.get("validated", key)
    if text is None:
        return None
    if text == "ok":
        return []
    try:
        return [
            Problem(p["pointer"], p["message"], p["hint"], _position(p["position"]), p["file"], WARNING)
            for p in json.loads(text)
        ]
    except (ValueError, KeyError, TypeError):
        return None  # not ours: judged anew


def keep(key: str, problems: list[Problem]) -> None:
    """Remember a verdict without errors: "ok", or its warnings."""
    if any(not p.is_warning for p in problems):
        return
    if not problems:
        cache.put("validated", key, "ok")
        return
    rows = [
        {"pointer": p.pointer, "message": p.message, "hint": p.hint, "position": p.position, "file": p.file}
        for p in problems
    ]
    cache.put("validated", key, json.dumps(rows, sort_keys=True))


def _position(raw: object) -> tuple[int, int] | None:
    if isinstance(raw, list) and len(raw) == 2 and all(isinstance(n, int) for n in raw):
        return (raw[0], raw[1])
    return None


@functools.lru_cache(maxsize=1)
def rules_version() -> str:
    """A digest of the code that judges a spec (`rules_files`): part of the key of a cached
    "this spec is valid", so a changed rule is never answered from the cache."""
    return digest_files(_package(), rules_files())


def rules_files() -> list[str]:
    """The source files (relative to the generator package) whose code judges a spec: every
    module of spec/ and naming/, and the problems.py and digests.py they use."""
    package = _package()
    names = sorted(
        p.relative_to(package).as_posix()
        for folder in ("spec", "naming")
        for p in (package / folder).rglob("*.py")
    )
    return [*names, "problems.py", "digests.py"]


def _package() -> Path:
    return Path(__file__).resolve().parent.parent.parent
