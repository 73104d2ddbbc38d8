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
and responses, not those of request bodies, headers, callbacks or webhooks; we check those
too. So in a 3.1 document the port is also handed a copy of each of them as a component
schema: a pass vouches for every schema, and no JSON Schema rule runs in Python at all.
(In 3.0 the OpenAPI schema itself describes every Schema Object, wherever it stands.)

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
    """True when openapi-spec-validator-rs finds no error in the document (defaults aside)
    nor in any of its schemas; False when it finds one, fails, or is not installed."""
    try:
        from openapi_spec_validator_rs import _core
    except ImportError:
        return False
    try:
        judged = judged_document(data, typed)
        if judged is None:
            return False
        return not _core.validate(judged, "3.0" if is_30(data) else "3.1", "", False, _refuse, None, None)
    except Exception:  # noqa: BLE001 - any failure means: ask the full rules
        return False


def judged_document(data: dict[str, Any], typed: Sequence[Typed]) -> dict[str, Any] | None:
    """What the port is asked about: the document without its schemas' defaults and, in
    3.1, with the schemas its walk skips added as components. Only what changes is copied
    (the containers above each default, and `components`); the rest is shared with `data`.
    None for a document this cannot be done to (its components are not a mapping): the
    full rules judge that one."""
    judged = dict(data)
    copies: dict[int, Any] = {id(data): judged}
    for t in typed:
        if t.kind == "schema" and isinstance(t.node, dict) and "default" in t.node:
            schema = _copied(data, copies, t.pointer)
            if not isinstance(schema, dict):
                return None
            schema.pop("default", None)
    if is_30(data):
        return judged
    skipped = [t.pointer for t in typed if t.kind == "schema" and not t.nested and not _walked(t.pointer)]
    if not skipped:
        return judged
    components = judged.get("components", {})
    schemas = components.get("schemas", {}) if isinstance(components, dict) else None
    if not isinstance(schemas, dict):
        return None
    added = dict(schemas)
    for i, pointer in enumerate(skipped):
        name = f"polar-codegen.skipped.{i}"
        while name in added:
            name += "_"
        added[name] = _copied(data, copies, pointer, copy_last=False)
    judged["components"] = {**components, "schemas": added}
    return judged


def _copied(data: Any, copies: dict[int, Any], pointer: str, copy_last: bool = True) -> Any:
    """The copy (in the judged document) of the value at `pointer`, every container on
    the way there copied once; with `copy_last` false the value itself is not copied
    (but a copy made before is what is returned)."""
    original, copy = data, copies[id(data)]
    tokens = split_pointer(pointer)
    for depth, token in enumerate(tokens):
        key: str | int = int(token) if isinstance(original, list) else token
        child = original[key]
        made = copies.get(id(child))
        if made is None:
            if not copy_last and depth == len(tokens) - 1:
                return child
            made = dict(child) if isinstance(child, dict) else list(child) if isinstance(child, list) else child
            copies[id(child)] = made
        copy[key] = made
        original, copy = child, made
    return copy


def _walked(pointer: str) -> bool:
    """Whether openapi-spec-validator's walk meta-checks the schema at this pointer
    (components' schemas; parameters of a path or an operation; content of an operation's
    responses)."""
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


def _refuse(url: str) -> bytes:
    raise OSError(f"not fetching {url}: references outside the document are not followed")
