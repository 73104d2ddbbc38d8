"""Which findings are warnings and what they say (validate), that `Options.strict` makes
each an error (pipeline), and that a spec with only warnings is cached with them."""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

import pytest
from conftest import TESTS

from generator import pipeline
from generator.problems import InputError, Problem
from generator.spec.validate import validate

WARNING_SPECS = sorted((TESTS / "warning_specs").glob("*.yaml"))


def spec(*, version: str = "3.1.0", schema: Any = None, item: dict[str, Any] | None = None, **components: Any) -> dict[str, Any]:
    """One GET /items whose query parameter `p` has `schema`."""
    op: dict[str, Any] = {"operationId": "items:list", "responses": {"200": {"description": "ok"}}}
    if schema is not None:
        op["parameters"] = [{"name": "p", "in": "query", "schema": schema}]
    data: dict[str, Any] = {
        "openapi": version,
        "info": {"title": "T", "version": "1"},
        "paths": {"/items": {**(item or {}), "get": op}},
    }
    if components:
        data["components"] = components
    return data


def found(data: dict[str, Any]) -> list[tuple[str, str, str]]:
    return [(p.severity, p.pointer, p.message) for p in validate(data)]


PARAM = "/paths/~1items/get/parameters/0/schema"


def test_a_default_that_does_not_match_is_one_warning_that_says_it_was_dropped() -> None:
    assert found(spec(schema={"type": "integer", "minimum": 1, "default": 0})) == [
        ("warning", PARAM + "/default", "the default does not match its schema (0 is less than the minimum of 1); dropped it")
    ]


def test_exclusive_bounds_of_the_other_version() -> None:
    assert found(spec(schema={"type": "integer", "minimum": 0, "exclusiveMinimum": True})) == [
        (
            "warning",
            PARAM + "/exclusiveMinimum",
            (
                "in OpenAPI 3.1 `exclusiveMinimum` is a number; read `exclusiveMinimum: true` as 3.0 means it "
                "(`minimum` is exclusive)"
            ),
        )
    ]
    assert found(spec(version="3.0.3", schema={"type": "integer", "exclusiveMaximum": 5})) == [
        (
            "warning",
            PARAM + "/exclusiveMaximum",
            (
                "in OpenAPI 3.0 `exclusiveMaximum` is a boolean; read `exclusiveMaximum: 5` as 3.1 means it "
                "(the value must be less than 5)"
            ),
        )
    ]


def test_const_in_30_and_duplicate_required() -> None:
    schemas = {"A": {"type": "object", "required": ["x", "x"], "properties": {"x": {"type": "string", "const": "a"}}}}
    assert found(spec(version="3.0.3", schemas=schemas)) == [
        ("warning", "/components/schemas/A/required", "names listed more than once in `required` (x); merged them"),
        ("warning", "/components/schemas/A/properties/x/const", "`const` is OpenAPI 3.1; read `const: 'a'` as a one-value enum"),
    ]


def test_a_keyword_out_of_place_is_ignored_but_a_typo_stays_an_error() -> None:
    assert found(spec(item={"title": "Items", "summry": "typo"})) == [
        ("warning", "/paths/~1items/title", "'title' is not allowed here; ignored it"),
        ("error", "/paths/~1items/summry", "'summry' is not allowed here"),
    ]


def test_not_is_a_warning_and_other_unsupported_keywords_stay_errors() -> None:
    assert [(s, p) for s, p, _ in found(spec(schema={"type": "string", "not": {"const": ""}}))] == [
        ("warning", PARAM + "/not")
    ]
    assert [s for s, _, _ in found(spec(schema={"type": "string", "if": {"const": ""}, "then": {}}))] == ["error"]


def test_recursive_ref_needs_the_anchor_of_its_component() -> None:
    anchored = {"$recursiveAnchor": True, "type": "object", "properties": {"next": {"$recursiveRef": "#"}}}
    assert [s for s, _, _ in found(spec(schemas={"Node": anchored}))] == ["warning", "warning"]
    plain = {"type": "object", "properties": {"next": {"$recursiveRef": "#"}}}
    assert [s for s, _, _ in found(spec(schemas={"Node": plain}))] == ["error"]


@pytest.fixture()
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("POLAR_CODEGEN_CACHE_DIR", str(folder))
    return folder


def _selection(path: Path) -> dict[str, tuple[str, ...]]:
    """The subset a case's `# args:` line chooses (`--include-operations`, `--include-tags`)."""
    expected = path.with_suffix(".expected")
    lines = expected.read_text(encoding="utf-8").splitlines() if expected.exists() else []
    args = [a for line in lines if line.startswith("# args:") for a in line.removeprefix("# args:").split()]
    chosen: dict[str, list[str]] = {"include_operations": [], "include_tags": []}
    for flag, value in itertools.pairwise(args):
        if flag in ("--include-operations", "--include-tags"):
            chosen[flag.removeprefix("--").replace("-", "_")].append(value)
    return {key: tuple(values) for key, values in chosen.items()}


@pytest.mark.parametrize("path", WARNING_SPECS, ids=lambda p: p.stem)
def test_strict_makes_every_warning_an_error(path: Path, cache_dir: Path) -> None:
    result = pipeline.generate(pipeline.Options(spec=path, **_selection(path)))
    assert result.warnings and all(w.is_warning for w in result.warnings)
    with pytest.raises(InputError) as raised:
        pipeline.generate(pipeline.Options(spec=path, strict=True, **_selection(path)))
    assert set(raised.value.problems) == set(result.warnings)


def test_a_spec_with_only_warnings_is_not_validated_again(cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = TESTS / "warning_specs" / "bad-defaults.yaml"
    first = pipeline.generate(pipeline.Options(spec=path))

    def never(document: object) -> list[Problem]:
        raise AssertionError("validated again")

    monkeypatch.setattr(pipeline, "_validate_now", never)
    again = pipeline.generate(pipeline.Options(spec=path))
    assert again.warnings == first.warnings and len(first.warnings) == 6
    with pytest.raises(InputError):
        pipeline.generate(pipeline.Options(spec=path, strict=True))


def test_an_unknown_key_of_a_30_schema_is_ignored_unless_it_looks_like_a_typo() -> None:
    schemas = {"A": {"type": "object", "hideDefinitions": ["x"], "propertes": {}, "properties": {"x": {"type": "string"}}}}
    assert found(spec(version="3.0.3", schemas=schemas)) == [
        ("warning", "/components/schemas/A/hideDefinitions", "'hideDefinitions' is not a schema keyword; ignored it (as JSON Schema and OpenAPI 3.1 do)"),
        ("error", "/components/schemas/A/propertes", "'propertes' is not allowed here"),
    ]
