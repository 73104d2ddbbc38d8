"""Rendering in two processes: a large API's models module is made in a forked child while
the parent makes the rest. The files are the ones one process makes, byte for byte; each
process makes only the views its own templates need; and whatever goes wrong in the child
is raised as it would be without it."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import jinja2
import pytest
from conftest import TESTS, FullPackage

from generator import pipeline
from generator.build import BuildOptions, build
from generator.emit import context, render, shares
from generator.emit.format import format_files
from generator.spec.load import load

SPEC = TESTS / "specs" / "unions.yaml"
MODELS = "polar_oauth2/models.py"


@pytest.fixture(autouse=True)
def no_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POLAR_CODEGEN_CACHE_DIR", "off")
    # Fork even where this test process has threads (a server fixture) or one core.
    monkeypatch.setattr(pipeline, "fork_workers", lambda: 2)


@pytest.fixture
def split_small(monkeypatch: pytest.MonkeyPatch) -> None:
    """The test spec's API counts as large enough to split."""
    monkeypatch.setattr(shares, "MIN_CLASSES", 1)
    monkeypatch.setattr(shares, "MIN_OPERATIONS", 1)


@pytest.fixture
def calls(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Each render call's process and files, one line each, written by whichever process
    made the call."""
    log = tmp_path / "render-calls"
    log.touch()
    real = render.render

    def recorded(api: Any, template_dirs: Any = None, paths: Any = None) -> dict[str, str]:
        with log.open("a") as out:
            out.write(f"{os.getpid()} {','.join(sorted(paths or ['*']))}\n")
        return real(api, template_dirs, paths)

    monkeypatch.setattr(render, "render", recorded)
    return log


def _api(spec: Path = SPEC) -> Any:
    return build(load(spec).data, BuildOptions())


def test_a_small_api_is_made_in_one_process() -> None:
    api = _api(TESTS.parent / "spec" / "polar-oauth2.yaml")
    assert len(api.operations) < shares.MIN_OPERATIONS
    assert shares.apart(api) == frozenset()


def test_polars_api_is_made_in_two_processes_as_one_makes_it(
    full_packages: dict[str, FullPackage], full_irs: dict[str, Any]
) -> None:
    # The command line made the package in two processes; here one process makes it.
    api = full_irs["polar_full"]
    assert shares.apart(api) == frozenset({"polar_full/models.py"})
    files = format_files(render.render(api), built_in=True)
    out = full_packages["polar_full"].out
    assert {path: (out / path).read_text(encoding="utf-8") for path in files} == files


@pytest.mark.usefixtures("split_small")
def test_the_split_sends_exactly_the_models_module() -> None:
    api = _api()
    assert shares.apart(api) == frozenset({MODELS})


@pytest.mark.usefixtures("split_small")
def test_two_processes_make_the_files_one_makes(calls: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    apart = pipeline.generate(pipeline.Options(spec=SPEC)).files
    made = [line.split(" ", 1) for line in calls.read_text().splitlines()]
    here = {pid for pid, _ in made if pid == str(os.getpid())}
    assert len(made) == 2 and len(here) == 1, made
    (child,) = [paths for pid, paths in made if pid != str(os.getpid())]
    assert child == MODELS
    monkeypatch.setattr(shares, "apart", lambda api: frozenset())
    alone = pipeline.generate(pipeline.Options(spec=SPEC)).files
    assert apart == alone
    assert list(apart) == list(alone)  # the same order too: the manifest lists them so


@pytest.mark.usefixtures("split_small")
def test_a_child_that_dies_leaves_its_files_to_the_parent(monkeypatch: pytest.MonkeyPatch) -> None:
    parent = os.getpid()
    real = pipeline._make

    def dying(*args: Any, **kwargs: Any) -> dict[str, str]:
        if os.getpid() != parent:
            os._exit(7)
        return real(*args, **kwargs)

    monkeypatch.setattr(pipeline, "_make", dying)
    files = pipeline.generate(pipeline.Options(spec=SPEC)).files
    monkeypatch.setattr(pipeline, "_make", real)
    monkeypatch.setattr(shares, "apart", lambda api: frozenset())
    assert files == pipeline.generate(pipeline.Options(spec=SPEC)).files


@pytest.mark.usefixtures("split_small")
def test_a_failing_template_of_the_child_fails_as_it_would_alone(tmp_path: Path) -> None:
    overlay = tmp_path / "templates" / "package"
    overlay.mkdir(parents=True)
    (overlay / "models.py.jinja").write_text("{{ api.no_such_view }}\n")
    with pytest.raises(jinja2.UndefinedError, match="no_such_view"):
        pipeline.generate(pipeline.Options(spec=SPEC, templates=(tmp_path / "templates",)))


def test_the_models_module_makes_no_view_of_an_operation(monkeypatch: pytest.MonkeyPatch) -> None:
    def refused(*args: object) -> None:
        raise AssertionError("an operation's view was made")

    monkeypatch.setattr(context, "namespace_view", refused)
    monkeypatch.setattr(context, "server_view", refused)
    files = render.render(_api(), paths={MODELS})
    assert list(files) == [MODELS] and "class " in files[MODELS]


def test_the_other_files_make_no_view_of_a_model(monkeypatch: pytest.MonkeyPatch) -> None:
    def refused(*args: object) -> None:
        raise AssertionError("a model's view was made")

    for name in ("model_view", "enum_view", "alias_view"):
        monkeypatch.setattr(context, name, refused)
    api = _api()
    others = [path for _, path in render.outputs(api) if path != MODELS]
    files = render.render(api, paths=others)
    assert list(files) == others and "class Client" in files["polar_oauth2/_client.py"]


def test_a_view_part_that_fails_is_an_error_not_the_irs_field(monkeypatch: pytest.MonkeyPatch) -> None:
    # An AttributeError inside a part's making must not fall back to the IR's `models`.
    def broken(model: object) -> None:
        raise AttributeError("no such thing on the model")

    monkeypatch.setattr(context, "model_view", broken)
    with pytest.raises(RuntimeError, match="making the view's 'models' failed: no such thing"):
        render.render(_api(), paths={MODELS})


@pytest.mark.usefixtures("split_small")
def test_forks_the_system_refuses_leave_all_the_work_here(monkeypatch: pytest.MonkeyPatch) -> None:
    def refused(call: object) -> None:
        raise BlockingIOError("Resource temporarily unavailable")

    options = pipeline.Options(spec=SPEC, validate_in_background=True)
    monkeypatch.setattr(pipeline, "Forked", refused)
    files = pipeline.generate(options).files
    monkeypatch.undo()
    monkeypatch.setenv("POLAR_CODEGEN_CACHE_DIR", "off")
    assert files == pipeline.generate(pipeline.Options(spec=SPEC)).files
