"""Which of openapi-spec-validator's findings the generator recovers from, and how: each
becomes a warning that says what was done, the others stay errors.

- `exclusiveMinimum` / `exclusiveMaximum` in the other version's form: read that version's
  way (bounds.py);
- duplicate names in `required`: merged (a set of names is all build keeps);
- `$recursiveAnchor: true` (2019-09's, not a 2020-12 keyword): what `$recursiveRef: '#'`
  names (recursive_refs.py);
- `const` in an OpenAPI 3.0 schema: a one-value enum (build reads `const` as a Literal);
- a keyword of OpenAPI or JSON Schema where it is not allowed (`title` on a Path Item):
  ignored, as build reads nothing there; so is a key of a 3.0 Schema Object that no
  version defines (`hideDefinitions`), as JSON Schema and 3.1 ignore unknown keywords.
  Any other unknown key stays an error, and so does one within two letters of a keyword
  (`propertes`, `requestbody`): the spec meant something the client would miss.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ...problems import Problem, resolve_pointer, split_pointer, warning
from ..bounds import bound_message, foreign_bound
from ..walk import Typed
from .shape import is_30

# Keywords build would read where they stand, or that unsupported.py refuses: never
# "ignored".
_NOT_IGNORED = frozenset(
    {"prefixItems", "$id", "$dynamicRef", "$recursiveRef", "if", "then", "else", "dependentSchemas"}
)


def recover(
    problems: list[Problem], data: dict[str, Any], typed: list[Typed], known: Callable[[], frozenset[str]]
) -> list[Problem]:
    """`problems` with the recoverable ones turned into warnings; `known()` is every key
    OpenAPI (3.0 or 3.1) or JSON Schema defines somewhere."""
    schemas: set[str] | None = None
    out: list[Problem] = []
    for problem in problems:
        tokens = split_pointer(problem.pointer)
        if problem.is_warning or not tokens or problem.file is not None:
            out.append(problem)
            continue
        key = tokens[-1]
        found, value = resolve_pointer(data, problem.pointer)
        recovered: Problem | None = None
        if found and foreign_bound(key, value, is_30(data)):
            recovered = warning(problem.pointer, bound_message(key, value, is_30(data)))
        elif key == "required" and found and isinstance(value, list) and "non-unique" in problem.message:
            twice = sorted({str(v) for v in value if value.count(v) > 1})
            recovered = warning(
                problem.pointer, f"names listed more than once in `required` ({', '.join(twice)}); merged them"
            )
        elif key == "$recursiveAnchor" and found and value is True:
            recovered = warning(
                problem.pointer, "read `$recursiveAnchor: true` as JSON Schema 2019-09 means it (what `$recursiveRef: '#'` names)"
            )
        elif found and problem.message == f"{key!r} is not allowed here":
            if schemas is None:
                schemas = {t.pointer for t in typed if t.kind == "schema"}
            recovered = _misplaced(problem.pointer, key, value, problem.pointer[: -len(key) - 1], schemas, data, known)
        out.append(recovered or problem)
    return out


def _misplaced(
    pointer: str,
    key: str,
    value: Any,
    parent: str,
    schemas: set[str],
    data: dict[str, Any],
    known: Callable[[], frozenset[str]],
) -> Problem | None:
    in_schema = parent in schemas
    if in_schema and key == "const" and is_30(data):
        return warning(pointer, f"`const` is OpenAPI 3.1; read `const: {value!r}` as a one-value enum")
    if key in _NOT_IGNORED:
        return None
    if key in known():
        return warning(pointer, f"{key!r} is not allowed here; ignored it")
    if in_schema and not _looks_like_a_typo(key, known()):
        return warning(pointer, f"{key!r} is not a schema keyword; ignored it (as JSON Schema and OpenAPI 3.1 do)")
    return None


def _looks_like_a_typo(key: str, known: frozenset[str]) -> bool:
    """Nearly a keyword (`propertes`): one or two letters off, not a word of its own."""
    import difflib

    return any(
        abs(len(word) - len(key)) <= 2 and difflib.SequenceMatcher(None, key.lower(), word.lower()).ratio() >= 0.8
        for word in known
    )


def keywords_in(schema: Any) -> set[str]:
    """Every property name an OpenAPI or JSON Schema (meta-)schema defines."""
    found: set[str] = set()
    stack = [schema]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            if isinstance(node.get("properties"), dict):
                found.update(str(k) for k in node["properties"])
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return found
