"""Each schema of the document as openapi-spec-validator would judge it, but with every
problem and its pointer: the schema against its dialect's meta-schema, its `default` against
the schema itself (`$ref`s resolved within this document only), and `required` names that no
`allOf` part defines.
"""

from __future__ import annotations

import functools
import json
from typing import Any

from ...problems import Problem, join_pointer, warning
from ..defaults import DefaultJudge
from ..schema_validators import oas31_dialect_id, oas_validator, registry
from ..walk import Typed, follow_local
from .jsonschema_errors import from_error
from .shape import is_30
from .wording import shorten


def schema_checks(data: dict[str, Any], typed: list[Typed], vouched: bool = False) -> list[Problem]:
    """What openapi-spec-validator checks on each schema, with the pointer of each problem:
    the schema against its dialect's meta-schema (every error, not the first; not when
    `vouched`: the fast verdict passed them all), defaults against their schema, and
    `required` names that no `allOf` part defines."""
    v30 = is_30(data)
    problems: list[Problem] = []
    dialect = data.get("jsonSchemaDialect") if not v30 else None
    if dialect is not None and not isinstance(dialect, str):
        dialect = None
    judge = DefaultJudge(data)
    judged: dict[Any, list[Problem]] = {}
    for t in typed:
        if t.kind != "schema":
            continue
        schema = t.node
        if not t.nested:
            if not v30 and not vouched:  # in 3.0 the document's own schema checks schema objects already
                problems += _meta_errors(schema, t.pointer, v30, dialect, judged)
            if isinstance(schema, dict):
                problems += _required_defined(data, schema, t.pointer)
        wrong = judge.mismatch(schema)
        if wrong is not None:
            problems.append(
                warning(
                    join_pointer(t.pointer, "default", *wrong.path),
                    f"the default does not match its schema ({shorten(wrong.reason)}); dropped it",
                )
            )
    return problems


def _meta_errors(
    schema: Any, pointer: str, v30: bool, dialect: str | None, cache: dict[Any, list[Problem]]
) -> list[Problem]:
    from jsonschema.validators import validator_for  # type: ignore[import-untyped, unused-ignore]

    if v30:
        cls = oas_validator(v30=True)
    else:
        wanted = schema.get("$schema") if isinstance(schema, dict) and "$schema" in schema else dialect
        wanted = wanted or oas31_dialect_id()
        cls = validator_for({"$schema": wanted}, default=None) if isinstance(wanted, str) else None
        if cls is None:
            return [Problem(join_pointer(pointer, "$schema"), f"unknown JSON Schema dialect {wanted!r}")]
    # Many schemas are the same text (`{type: string}` parameters): judge each text once.
    key = (cls, json.dumps(schema, sort_keys=True, default=str))
    found = cache.get(key)
    if found is None:
        meta = _meta_validator(cls)
        try:
            found = [p for error in meta.iter_errors(schema) for p in from_error(error)]
        except RecursionError:
            found = [Problem("", "this schema is nested too deeply to be checked", hint="flatten it with $refs")]
        cache[key] = found
    return [Problem(pointer + p.pointer, p.message, p.hint) for p in found]


@functools.cache
def _meta_validator(cls: Any) -> Any:
    """What openapi-schema-validator's check_schema uses, but giving every error."""
    from jsonschema.validators import validator_for  # type: ignore[import-untyped, unused-ignore]

    meta_class = validator_for(cls.META_SCHEMA, default=cls)
    return meta_class(cls.META_SCHEMA, format_checker=cls.FORMAT_CHECKER, registry=registry())


def _required_defined(data: dict[str, Any], schema: dict[str, Any], pointer: str) -> list[Problem]:
    """openapi-spec-validator's rule: with `allOf`, every required name is defined somewhere."""
    if "allOf" not in schema or not isinstance(schema.get("required"), list):
        return []
    defined = _property_names(data, schema, 0)
    return [
        warning(
            join_pointer(pointer, "required", i),
            f"required property {name!r} is not defined by the schema or its `allOf` parts; ignored it",
        )
        for i, name in enumerate(schema["required"])
        if isinstance(name, str) and name not in defined
    ]


def _property_names(data: dict[str, Any], schema: Any, depth: int) -> set[str]:
    schema = follow_local(data, schema)[0]
    if not isinstance(schema, dict) or depth > 32:
        return set()
    names = {str(k) for k in schema.get("properties") or {}} if isinstance(schema.get("properties"), dict) else set()
    for key in ("allOf", "anyOf", "oneOf"):
        for part in schema.get(key) or [] if isinstance(schema.get(key), list) else []:
            names |= _property_names(data, part, depth + 1)
    for key in ("items", "not"):
        if key in schema:
            names |= _property_names(data, schema[key], depth + 1)
    return names

