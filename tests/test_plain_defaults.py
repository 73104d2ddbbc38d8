"""generator/spec/defaults.py: a default fits_plainly vouches for is one the validator
(openapi-schema-validator) finds fitting, on every default of the feature specs, spec/,
Polar's and real-world documents, and on defaults made from arbitrary values."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import FULL_SPECS, SHARED_SPECS, SPEC, TESTS
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.spec import defaults
from generator.spec.defaults import DefaultJudge, fits_plainly
from generator.spec.load import load


def _by_the_validator(data: dict[str, Any], schema: dict[str, Any], monkeypatch: pytest.MonkeyPatch) -> bool:
    return _verdict_of_the_validator(data, schema, monkeypatch) is None


def _verdict_of_the_validator(
    data: dict[str, Any], schema: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> defaults.Mismatch | None:
    with monkeypatch.context() as patch:
        patch.setattr(defaults, "fits_plainly", lambda schema, root=None: False)
        patch.setattr(defaults, "plainly_misfits", lambda schema, root=None: None)
        return DefaultJudge(data).mismatch(schema)


def _with_defaults(node: Any) -> Iterator[dict[str, Any]]:
    if isinstance(node, dict):
        if "default" in node:
            yield node
        for value in node.values():
            yield from _with_defaults(value)
    elif isinstance(node, list):
        for value in node:
            yield from _with_defaults(value)


DOCUMENTS = [
    SPEC,
    *sorted((TESTS / "specs").glob("*.yaml")),
    FULL_SPECS["polar_full"],
    *(SHARED_SPECS / "realworld" / name for name in ("supabase-mgmt.json", "coolify.json", "petstore3.yaml")),
    *(SHARED_SPECS / "realworld" / name for name in ("mistral.yaml", "svix.json", "sendgrid-v3.json", "langfuse.yml")),
]


@pytest.mark.parametrize("spec", DOCUMENTS, ids=lambda p: p.stem)
def test_every_plain_default_of_the_documents_fits_by_the_validator(spec: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = load(spec).data
    plain = [schema for schema in _with_defaults(data.get("components", {})) if fits_plainly(schema, data)]
    plain += [schema for schema in _with_defaults(data.get("paths", {})) if fits_plainly(schema, data)]
    assert [s for s in plain if not _by_the_validator(data, s, monkeypatch)] == []


DOCUMENT: dict[str, Any] = {"openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "paths": {}}
SCALARS = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=5)
VALUES = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=2), inner, max_size=2), max_leaves=6)


BOUND = st.none() | st.integers(-3, 3) | st.floats(-3, 3) | st.booleans()


# Schemas a `$ref` of the drawn ones may name (the document's components).
NAMED = {
    "Count": {"type": "integer", "minimum": 0, "format": "int32"},
    "Label": {"type": "string", "maxLength": 3},
    "Labels": {"type": "object", "additionalProperties": {"$ref": "#/components/schemas/Label"}},
    "Either": {"anyOf": [{"type": "integer"}, {"type": "null"}]},
}


@st.composite
def _schemas(draw: st.DrawFn, depth: int = 0) -> dict[str, Any]:
    shape = draw(st.sampled_from(["plain"] * 6 + ["ref", "anyOf"] if depth < 2 else ["plain"]))
    if shape == "ref":
        schema: dict[str, Any] = {"$ref": "#/components/schemas/" + draw(st.sampled_from(sorted(NAMED)))}
        if draw(st.booleans()):
            schema["description"] = "d"
        return schema
    if shape == "anyOf":
        return {"anyOf": draw(st.lists(_schemas(depth + 1), min_size=1, max_size=3))}
    kinds = ["string", "boolean", "integer", "number", "object", "null"] + (["array"] if depth < 2 else [])
    schema = {"type": draw(st.sampled_from(kinds))}
    for key, values in (
        ("minLength", st.integers(0, 3)), ("maxLength", st.integers(0, 3)),
        ("format", st.sampled_from(["int32", "int64", "float", "password", "email", "date", "byte", "regex", "binary"])),
        ("nullable", st.booleans()),
        ("pattern", st.sampled_from(["^a", "b$", "^[a-z]*$", "\\d", "^(?!x)", "(", "\\p{L}"])),
    ):  # fmt: skip
        if draw(st.integers(0, 3)) == 0:
            schema[key] = draw(values)
    if depth < 2 and draw(st.integers(0, 3)) == 0:
        schema["additionalProperties"] = draw(st.booleans() | _schemas(depth + 1))
    if depth < 2 and draw(st.integers(0, 3)) == 0:
        schema["properties"] = draw(st.dictionaries(st.sampled_from(["a", "b"]), _schemas(depth + 1), max_size=2))
        schema["required"] = draw(st.lists(st.sampled_from(["a", "b"]), max_size=2, unique=True))
    if draw(st.integers(0, 5)) == 0:
        schema["uniqueItems"] = True
    if draw(st.booleans()):
        schema["enum"] = draw(st.lists(SCALARS, max_size=4))
    if draw(st.booleans()):
        schema["const"] = draw(SCALARS)
    for key in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
        if (bound := draw(BOUND)) is not None:
            schema[key] = bound
    if draw(st.booleans()) and depth < 2:
        schema["items"] = draw(_schemas(depth + 1))
    return schema


@settings(max_examples=300, deadline=None)
@given(schema=_schemas(), default=VALUES, v30=st.booleans())
def test_a_plain_default_always_fits(schema: dict[str, Any], default: Any, v30: bool) -> None:
    schema["default"] = default
    document = {**DOCUMENT, "openapi": "3.0.3" if v30 else "3.1.0", "components": {"schemas": NAMED}}
    if fits_plainly(schema, document):
        with pytest.MonkeyPatch.context() as patch:
            assert _by_the_validator(document, schema, patch)


@pytest.mark.parametrize("spec", [*DOCUMENTS, SHARED_SPECS / "realworld" / "tgi.json"], ids=lambda p: p.stem)
def test_every_plain_misfit_of_the_documents_is_worded_as_the_validator_words_it(
    spec: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = load(spec).data
    misfits = [s for s in _with_defaults(data) if defaults.plainly_misfits(s, data) is not None]
    worded = [(defaults.plainly_misfits(s, data), _verdict_of_the_validator(data, s, monkeypatch)) for s in misfits]
    assert [(ours, theirs) for ours, theirs in worded if theirs != defaults.Mismatch((), ours or "")] == []
    if spec.stem == "tgi":
        # Strings for numbers and booleans ("1024", "false", "null"), and "null" for a
        # `oneOf` of objects behind `allOf: [$ref]`: every default of the document.
        assert len(misfits) > 10
        assert not [s for s in _with_defaults(data.get("components", {})) if not (
            defaults.fits_plainly(s, data) or defaults.plainly_misfits(s, data) or (s["default"] is None and s.get("nullable"))
        )]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(
    schema=_schemas(),
    default=SCALARS | st.lists(SCALARS, max_size=3) | st.dictionaries(st.text(max_size=2), SCALARS, max_size=2),
    extra=st.sampled_from([{}, {"format": "int32"}, {"format": "date-time"}, {"nullable": True}, {"title": "t"}]),
    v30=st.booleans(),
)
def test_a_plain_misfit_is_the_validators_first_objection(
    schema: dict[str, Any], default: Any, extra: dict[str, Any], v30: bool
) -> None:
    schema = {**schema, **extra, "default": default}
    document = {**DOCUMENT, "openapi": "3.0.3" if v30 else "3.1.0"}
    document["components"] = {"schemas": NAMED}
    reason = defaults.plainly_misfits(schema, document)
    if reason is not None:
        with pytest.MonkeyPatch.context() as patch:
            assert _verdict_of_the_validator(document, schema, patch) == defaults.Mismatch((), reason)


def test_what_only_the_validator_can_tell_goes_to_it() -> None:
    assert fits_plainly({"type": "integer", "default": 3, "description": "d"})
    assert not fits_plainly({"type": "integer", "default": True})  # true is no integer in JSON
    assert not fits_plainly({"type": "string", "default": "x", "enum": ["y"]})
    assert not fits_plainly({"type": "string", "default": "x", "minLength": 2})
    assert not fits_plainly({"type": "string", "default": "x", "format": "date"})
    assert fits_plainly({"type": "integer", "default": 1, "exclusiveMinimum": 0, "maximum": 100})
    assert not fits_plainly({"type": "integer", "default": 0, "exclusiveMinimum": 0})
    assert not fits_plainly({"type": "integer", "default": 1, "minimum": 0, "exclusiveMinimum": True})
    assert fits_plainly({"type": "array", "items": {"type": "string", "const": "code"}, "default": ["code"]})
    assert not fits_plainly({"type": "array", "items": {"type": "string", "enum": ["a"]}, "default": ["a", "b"]})
    assert not fits_plainly({"type": "array", "default": ["a"]})
    assert not DefaultJudge(DOCUMENT).fits({"type": "integer", "default": True})
    assert defaults.plainly_misfits({"type": "integer", "default": "1024", "format": "int32", "minimum": 0}) == (
        "'1024' is not of type 'integer'"
    )
    assert defaults.plainly_misfits({"type": "integer", "default": 1.5}) is None  # floats: the validator's
    assert defaults.plainly_misfits({"type": "string", "default": 5, "minimum": 9}) is None  # bounds judge 5 too
    assert defaults.plainly_misfits({"type": "integer", "default": "x", "format": "date"}) is None
    assert defaults.plainly_misfits({"type": "string", "default": "x", "enum": ["y"]}) is None
    # Through a reference and a one-schema allOf, to a oneOf that takes no string.
    document = {**NAMED_DOCUMENT, "components": {"schemas": {**NAMED, "Grammar": {"oneOf": [
        {"type": "object", "required": ["type"], "properties": {"type": {"type": "string"}}},
        {"$ref": "#/components/schemas/Labels"},
    ]}}}}  # fmt: skip
    wrapped = {"allOf": [{"$ref": "#/components/schemas/Grammar"}], "nullable": True, "default": "null"}
    assert defaults.plainly_misfits(wrapped, document) == "'null' is not valid under any of the given schemas"
    with pytest.MonkeyPatch.context() as patch:
        assert _verdict_of_the_validator({**document, "openapi": "3.0.3"}, wrapped, patch) == defaults.Mismatch(
            (), "'null' is not valid under any of the given schemas"
        )
    # One schema of the oneOf may take a string: the validator's to tell.
    assert defaults.plainly_misfits({"oneOf": [{"type": "object"}, {"type": "string"}], "default": "x"}, document) is None
    assert defaults.plainly_misfits({"allOf": [{"type": "object"}, {"type": "object"}], "default": "x"}, document) is None
    assert not DefaultJudge(DOCUMENT).fits({"type": "string", "default": "x", "enum": ["y"]})


NAMED_DOCUMENT = {**DOCUMENT, "components": {"schemas": NAMED}}
FITTING = [
    ({"$ref": "#/components/schemas/Count", "default": 3}, "3.1.0"),
    ({"$ref": "#/components/schemas/Count", "default": 3, "description": "d", "examples": [1]}, "3.0.3"),
    ({"type": "object", "additionalProperties": {"type": "boolean"}, "propertyNames": {"format": "uuid4"}, "default": {}}, "3.1.0"),
    ({"$ref": "#/components/schemas/Labels", "default": {"a": "xyz"}}, "3.0.3"),
    ({"anyOf": [{"type": "array", "items": {"type": "string"}}, {"type": "null"}], "default": ["created_at"]}, "3.1.0"),
    ({"anyOf": [{"type": "integer"}, {"type": "null"}], "default": None}, "3.1.0"),
    ({"type": "object", "additionalProperties": {"type": "string"}, "default": {"openid": "OpenID"}}, "3.0.3"),
    ({"type": "object", "default": {}}, "3.0.3"),
    ({"type": "string", "minLength": 1, "maxLength": 2, "default": "名前"}, "3.1.0"),
    ({"type": "integer", "format": "int32", "default": -(2**31)}, "3.0.3"),
    ({"type": "string", "format": "password", "default": "hunter2"}, "3.0.3"),
    ({"type": "number", "format": "float", "default": 1e-05}, "3.1.0"),
    ({"type": "object", "properties": {"a": {"type": "string"}}, "required": ["a"], "default": {"a": "x", "b": 1}}, "3.1.0"),
    ({"allOf": [{"$ref": "#/components/schemas/Label"}], "default": "ab"}, "3.0.3"),
    ({"type": "string", "x-vault-displayAttrs": {"name": "Type"}, "default": "default-service"}, "3.0.3"),
]
NOT_PLAIN = [
    ({"$ref": "#/components/schemas/Count", "default": -1}, "3.1.0"),  # below the minimum
    ({"$ref": "#/components/schemas/Missing", "default": 1}, "3.1.0"),
    ({"anyOf": [{"type": "integer"}, {"type": "null"}], "default": None}, "3.0.3"),  # 3.0 has no null type
    ({"type": "integer", "format": "int32", "default": 2**31}, "3.0.3"),
    ({"type": "string", "format": "byte", "default": "not base64!"}, "3.0.3"),
    ({"type": "object", "additionalProperties": False, "default": {"a": 1}}, "3.1.0"),
    ({"type": "object", "properties": {"a": {"type": "string"}}, "required": ["a"], "default": {}}, "3.1.0"),
    ({"type": "array", "items": {"type": "integer"}, "uniqueItems": True, "default": [1, 1]}, "3.1.0"),
    ({"type": "string", "maxLength": 1, "default": "ab"}, "3.1.0"),
    ({"type": "object", "properties": {"a": {"type": "string"}}, "default": {"a": 1}}, "3.1.0"),
    ({"allOf": [], "default": 1}, "3.1.0"),
    ({"type": "object", "propertyNames": {"format": "uuid4"}, "default": {"a": True}}, "3.1.0"),
]


@pytest.mark.parametrize("schema, version", FITTING, ids=range(len(FITTING)))
def test_the_plain_judge_follows_references_unions_and_maps(schema: dict[str, Any], version: str, monkeypatch: pytest.MonkeyPatch) -> None:
    document = {**NAMED_DOCUMENT, "openapi": version}
    assert fits_plainly(schema, document)
    assert _by_the_validator(document, schema, monkeypatch)


@pytest.mark.parametrize("schema, version", NOT_PLAIN, ids=range(len(NOT_PLAIN)))
def test_what_does_not_plainly_fit_goes_to_the_validator(schema: dict[str, Any], version: str) -> None:
    assert not fits_plainly(schema, {**NAMED_DOCUMENT, "openapi": version})


@pytest.mark.parametrize("v30", [True, False])
def test_a_pattern_python_cannot_read_leaves_the_default_as_written(v30: bool, tmp_path: Path) -> None:
    """ECMA-262's `\\p{L}`, or a pattern that is no pattern at all: the validator's `re`
    cannot read it, so what the default would be checked against is not known. The default
    is kept; the run does not fail on it (it once ended in an internal error)."""
    import json

    from generator import pipeline
    from generator.problems import InputError

    document = {**DOCUMENT, "openapi": "3.0.3" if v30 else "3.1.0"}
    for pattern in ("\\p{L}+", "("):
        schema = {"type": "string", "pattern": pattern, "default": "x"}
        assert not fits_plainly(schema, document)
        assert DefaultJudge(document).mismatch(schema) is None
    assert fits_plainly({"type": "string", "pattern": "^[a-z]$", "default": "x"}, document)
    assert not fits_plainly({"type": "string", "pattern": "^[a-z]$", "default": "xy"}, document)
    assert fits_plainly({"type": "integer", "pattern": "^[a-z]$", "default": 1}, document)  # strings only

    parameter = {"name": "q", "in": "query", "schema": {"type": "string", "pattern": "(", "default": "x"}}
    spec = tmp_path / "openapi.json"
    spec.write_text(json.dumps({**document, "paths": {"/a": {"get": {
        "operationId": "getA", "parameters": [parameter], "responses": {"200": {"description": "ok"}},
    }}}}), "utf-8")  # fmt: skip
    try:
        files = pipeline.generate(pipeline.Options(spec=spec)).files
    except InputError as exc:
        # 3.1 meta-checks the pattern (format `regex`), as openapi-spec-validator does.
        assert not v30
        assert [p.pointer for p in exc.problems] == ["/paths/~1a/get/parameters/0/schema/pattern"]
    else:
        assert v30
        assert any('q: str = "x"' in text for text in files.values())
