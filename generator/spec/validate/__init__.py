"""Find every problem in a spec before anything is generated, not just the first.

Nothing here follows a reference outside the document, and nothing is fetched: `$ref`s are
checked by our own code, the OpenAPI schema (openapi-spec-validator's) is applied to the
document as plain data, and the checks that need references resolved (schemas against their
meta-schema, defaults against their schemas, parameters, path templates) are ours, with a
resolver that knows only this document. So every problem has a JSON pointer into the
document, and a dangling `$ref` does not hide the problems found elsewhere.

The checks: the document's shape; references (local, resolvable, of the right kind, no
loops); the OpenAPI schema; each schema against its meta-schema, defaults against their
schemas, duplicate parameters and tags; then ours: unique operationIds and Python method
names, path parameters (an undeclared one is a warning), security schemes, schema class names
(a collision is a warning: the later schema is numbered), discriminator mappings, request
bodies the client can send, and schema keywords the generator cannot express (`not`,
`if`/`then`/`else`, `dependentSchemas`, `$dynamicRef`, `$id`). Generating a subset, an error
outside what the chosen operations reach is a warning (`subset`). The report is in document
order, top to bottom.

Each check has its module: `shape`, `refs`, `openapi_schema` (with `schemas` and
`duplicates`), then `operations` (with `request_bodies` and `method_names`), `security`,
`class_names`, `discriminators` and `unsupported`, then `subset`; `report` runs them all,
`cached` answers a spec that passed before. The entry points other stages import are here.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ...problems import Problem
from ..selection import EVERYTHING, Selection
from .cached import cache_key, keep, recall, rules_files, rules_version, validate_cached


def validate(
    data: Any, earlier: Sequence[Problem] = (), selection: Selection = EVERYTHING, *, reference: bool = False
) -> list[Problem]:
    """report.validate. The checks (and the validators they use) load on first use: a run
    whose verdict is cached, or that validates in a forked process, never needs them."""
    from .report import validate as run_checks

    return run_checks(data, earlier, selection, reference=reference)


__all__ = ["cache_key", "keep", "recall", "rules_files", "rules_version", "validate", "validate_cached"]
