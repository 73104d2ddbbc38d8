"""openapi-spec-validator-rs's verdict on a document: where it finds nothing, the slow half
of validation would find nothing either, and is skipped.

Applying openapi-spec-validator's JSON Schemas in Python (the document against the OpenAPI
schema, each 3.1 schema against its meta-schema) is most of a large spec's validation:
seconds. openapi-spec-validator-rs applies the same rules in Rust in milliseconds, but it
reports what its walk finds relative to the value judged (a bad `default` at `[]`), not
where that value stands in the document, so its messages cannot be located. It gives the
verdict only: when it finds anything, the Python rules run and say where.

It judges the document with its schemas' `default`s left out. Defaults are judged by our
own code (a bad one is dropped with a warning), and neither the OpenAPI schema nor a
meta-schema constrains a default's value, so they decide nothing the skipped rules report.
openapi-spec-validator (and so its port) meta-checks the schemas of components, parameters
and responses, not those of request bodies, headers, callbacks or webhooks: `covers` says
which schemas a pass vouches for; the others are still checked here.

Nothing is fetched: a reference outside the document is never handed to it (the caller
asks only about documents whose references all resolved here), and its retriever refuses.
tests/test_fast_verdict.py holds its verdicts to openapi-spec-validator's, and the fast
report to the full one, on every spec the project has.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ...problems import split_pointer
from ..walk import HTTP_METHODS, Typed
from .shape import is_30


def passes(data: dict[str, Any], typed: Sequence[Typed]) -> bool:
    """True when openapi-spec-validator-rs finds no error in the document (defaults aside);
    False when it finds one, fails, or is not installed."""
    try:
        from openapi_spec_validator_rs import _core
    except ImportError:
        return False
    schemas = {id(t.node) for t in typed if t.kind == "schema" and isinstance(t.node, dict)}
    try:
        judged = _without_defaults(data, schemas)
        return not _core.validate(judged, "3.0" if is_30(data) else "3.1", "", False, _refuse, None, None)
    except Exception:  # noqa: BLE001 - any failure means: ask the full rules
        return False


def covers(pointer: str) -> bool:
    """Whether a pass vouches for the schema at this pointer against its meta-schema: the
    places openapi-spec-validator's walk meta-checks (components' schemas; parameters of a
    path or an operation; content of an operation's responses)."""
    tokens = split_pointer(pointer)
    if len(tokens) == 3 and tokens[:2] == ["components", "schemas"]:
        return True
    if len(tokens) < 4 or tokens[0] != "paths" or tokens[-1] != "schema":
        return False
    rest = tokens[2:-1]
    if rest[0] in HTTP_METHODS:
        rest = rest[1:]
    if len(rest) == 2 and rest[0] == "parameters":
        return True
    return len(tokens) == 8 and tokens[2] in HTTP_METHODS and tokens[3] == "responses" and tokens[5] == "content"


def _without_defaults(node: Any, schemas: set[int]) -> Any:
    if isinstance(node, dict):
        drop = id(node) in schemas
        return {k: _without_defaults(v, schemas) for k, v in node.items() if not (drop and k == "default")}
    if isinstance(node, list):
        return [_without_defaults(v, schemas) for v in node]
    return node


def _refuse(url: str) -> bytes:
    raise OSError(f"not fetching {url}: references outside the document are not followed")
