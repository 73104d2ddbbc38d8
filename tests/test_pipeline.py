"""The pipeline's background validation: the same verdict as validating in process, and a
validating process that dies is an internal error, never a pass."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from conftest import SPEC, TESTS

from generator import pipeline
from generator.problems import InputError, warning

BAD = sorted((TESTS / "bad_specs").glob("*.yaml"))[:12]


@pytest.fixture(autouse=True)
def no_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POLAR_CODEGEN_CACHE_DIR", "off")
    # Fork even where this test process has threads (a server fixture) or one core: the
    # background path is what is under test.
    monkeypatch.setattr(pipeline, "fork_workers", lambda: 2)


def problems(spec: Path, background: bool) -> list[tuple[str, str]]:
    try:
        pipeline.generate(pipeline.Options(spec=spec, validate_in_background=background))
    except InputError as exc:
        return [(p.pointer, p.message) for p in exc.problems]
    return []


@pytest.mark.parametrize("spec", BAD, ids=lambda p: p.stem)
def test_background_and_in_process_validation_agree(spec: Path) -> None:
    assert problems(spec, True) == problems(spec, False)


def test_a_good_spec_generates_the_same_either_way() -> None:
    ahead = pipeline.generate(pipeline.Options(spec=SPEC, validate_in_background=True))
    inline = pipeline.generate(pipeline.Options(spec=SPEC))
    assert ahead.files == inline.files and ahead.inputs == inline.inputs


def test_a_validating_process_that_dies_is_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "_validate_now", lambda document, selection: os._exit(9))
    with pytest.raises(RuntimeError, match="exit code 9"):
        pipeline.generate(pipeline.Options(spec=SPEC, validate_in_background=True))


def test_the_validating_process_is_given_the_selection(monkeypatch: pytest.MonkeyPatch) -> None:
    # What the child saw comes back as a warning of its answer (no cached verdict to skip it).
    monkeypatch.setenv("POLAR_CODEGEN_CACHE_DIR", "off")
    monkeypatch.setattr(pipeline, "_validate_now", lambda document, selection: [warning("", repr(selection))])
    options = pipeline.Options(spec=SPEC, include_tags=("oauth2",), validate_in_background=True)
    (seen,) = pipeline.generate(options).warnings
    assert seen.message == "Selection(operations=(), tags=('oauth2',))"


def test_a_validator_that_raises_is_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(document: object, selection: object) -> list[object]:
        raise ValueError("boom")

    monkeypatch.setattr(pipeline, "_validate_now", broken)
    with pytest.raises(RuntimeError, match="validation failed: ValueError: boom"):
        pipeline.generate(pipeline.Options(spec=SPEC, validate_in_background=True))


class _Recorded:
    """Each validating child, and how many times this process had parsed a spec when it
    was forked."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        from generator.spec import load as load_module

        self.parsed = 0
        self.forks: list[tuple[int, pipeline.Forked]] = []
        real_parse, real_forked = load_module.parse, pipeline.Forked
        parent = os.getpid()

        def parse(*args: Any, **kwargs: Any) -> Any:
            if os.getpid() == parent:
                self.parsed += 1
            return real_parse(*args, **kwargs)

        def forked(call: Any) -> pipeline.Forked:
            child = real_forked(call)
            self.forks.append((self.parsed, child))
            return child

        monkeypatch.setattr(load_module, "parse", parse)
        monkeypatch.setattr(pipeline, "Forked", forked)


def test_the_validating_child_is_forked_before_the_spec_is_parsed(monkeypatch: pytest.MonkeyPatch) -> None:
    # Forked after, it would share the parsed document's pages, and the build would copy
    # each one it touched; it parses its own copy instead, to the same verdict.
    recorded = _Recorded(monkeypatch)
    spec = TESTS / "warning_specs" / "bad-defaults.yaml"  # passes, with warnings
    ahead = pipeline.generate(pipeline.Options(spec=spec, validate_in_background=True)).warnings
    assert [parsed for parsed, _ in recorded.forks] == [0]
    assert ahead and ahead == pipeline.generate(pipeline.Options(spec=spec)).warnings


def test_with_file_references_the_child_is_forked_after_the_load(monkeypatch: pytest.MonkeyPatch) -> None:
    # The referenced files are read while the spec is bundled: the child judges that whole.
    recorded = _Recorded(monkeypatch)
    options = pipeline.Options(spec=SPEC, allow_file_refs=True, validate_in_background=True)
    assert pipeline.generate(options).files
    assert [parsed for parsed, _ in recorded.forks] == [1]


def test_a_spec_that_does_not_parse_leaves_no_child_running(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    recorded = _Recorded(monkeypatch)
    broken = tmp_path / "broken.json"
    broken.write_text('{"openapi": "3.1.0", "info": ')
    with pytest.raises(InputError):
        pipeline.generate(pipeline.Options(spec=broken, validate_in_background=True))
    assert len(recorded.forks) == 1
    assert all(child._pid is None for _, child in recorded.forks)  # stopped and reaped
