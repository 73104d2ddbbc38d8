"""A cached "this spec is valid" is keyed by a digest of the code that judges specs: every
generator module that spec/ or naming/ uses must be in that digest (or be known not to
judge), else a changed rule could be answered from the cache."""

from __future__ import annotations

import ast
from pathlib import Path

from generator.spec.validate import rules_files, rules_version

PACKAGE = Path(__file__).resolve().parents[2] / "generator"
# Used by spec/ but never deciding whether a spec passes: the version is a key of its own,
# the cache stores the answer, and the size limit is checked before anything is judged.
NOT_RULES = {"__init__.py", "cache.py", "limits.py"}


def _module_file(parts: list[str]) -> str | None:
    """The file (relative to the package) of a module named by `parts` below it."""
    for candidate in (PACKAGE.joinpath(*parts).with_suffix(".py"), PACKAGE.joinpath(*parts, "__init__.py")):
        if parts and candidate.is_file():
            return candidate.relative_to(PACKAGE).as_posix()
    return "__init__.py" if not parts else None


def _imported(source: Path) -> set[str]:
    here = list(source.relative_to(PACKAGE).parent.parts)
    found: set[str] = set()
    for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level:
            base = here[: len(here) - (node.level - 1)]
            module = base + (node.module.split(".") if node.module else [])
            for alias in node.names:
                target = _module_file([*module, alias.name]) or _module_file(module)
                if target is not None:
                    found.add(target)
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("generator"):
            raise AssertionError(f"{source}: import the generator's own modules relatively")
    return found


def test_every_module_the_rules_use_is_digested() -> None:
    digested = set(rules_files())
    sources = [p for folder in ("spec", "naming") for p in (PACKAGE / folder).rglob("*.py")]
    used = {name for source in sources for name in _imported(source)}
    assert used - digested - NOT_RULES == set()
    assert {"spec/walk.py", "spec/validate/refs.py", "naming/placement.py", "problems.py"} <= digested


def test_the_digest_is_of_those_files() -> None:
    assert len(rules_version()) >= 16
    assert all((PACKAGE / name).is_file() for name in rules_files())
