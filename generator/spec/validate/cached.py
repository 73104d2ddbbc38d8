"""A spec that passed once is not judged again: the content cache remembers "ok" under a
key of the spec's bytes and of everything that judged it (our version, the validators'
versions, and a digest of the source of our rules). Problems are never cached.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import TYPE_CHECKING

from ... import __version__, cache
from ...digests import digest_files, library_versions
from ...problems import Problem
from ..selection import EVERYTHING, Selection
from .report import validate

if TYPE_CHECKING:
    from ..document import Document


def cache_key(document: Document) -> str:
    """A spec that passed is known by its bytes and the code and versions that judged it;
    the key of that "ok" in the content cache (problems are never cached)."""
    versions = library_versions()
    return cache.key(
        "validated",
        __version__,
        versions["openapi-spec-validator"],
        versions["openapi-schema-validator"],
        rules_version(),
        document.fingerprint,
    )


def validate_cached(
    document: Document, *, remember: bool = True, selection: Selection = EVERYTHING
) -> list[Problem]:
    """`validate`, answered from the cache for a spec that passed before; a pass is
    written to the cache unless `remember` is off (commands that promise to write nothing).
    A selection only turns errors into warnings, so a spec with no problem at all has none
    under any selection: the key needs no selection."""
    key = cache_key(document)
    if cache.get("validated", key) == "ok":
        return []
    problems = validate(document.data, document.problems, selection)
    if not problems and remember:
        cache.put("validated", key, "ok")
    return problems


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
