"""Templates compiled ahead of time (as the wheel ships them) render exactly what the
sources render, and are used only while they match the template files and Jinja; templates
compiled at run time keep their bytecode in the content cache."""

from __future__ import annotations

import shutil
from pathlib import Path

import jinja2
import pytest
from conftest import SPEC, TESTS

from generator.build import BuildOptions, build
from generator.emit import compiled_templates, render
from generator.emit.context import context
from generator.spec.load import load


def _compiled(folder: Path) -> Path:
    compiled_templates.compile_into(folder, render.builtin_environment(), render.builtin_templates())
    return folder


def _render_all(env: jinja2.Environment, spec: Path) -> dict[str, str]:
    api = build(load(spec).data, BuildOptions(package="pkg"))
    view = context(api)
    templates = render.OUTPUTS + (render.WEBHOOK_OUTPUTS if api.webhooks else ())
    return {template: env.get_template(template).render(api=view) for template, _ in templates}


@pytest.fixture(scope="module")
def compiled(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _compiled(tmp_path_factory.mktemp("compiled"))


@pytest.mark.parametrize("spec", [SPEC, TESTS / "specs" / "webhooks.yaml", TESTS / "specs" / "unions.yaml"], ids=lambda p: p.stem)
def test_compiled_templates_render_what_the_sources_render(compiled: Path, spec: Path) -> None:
    loader = compiled_templates.loader(render.builtin_templates(), compiled)
    assert isinstance(loader, jinja2.ModuleLoader)
    from_modules = jinja2.Environment(loader=loader, **render.settings())
    assert _render_all(from_modules, spec) == _render_all(render.builtin_environment(), spec)


def test_compiling_is_deterministic(compiled: Path, tmp_path: Path) -> None:
    again = _compiled(tmp_path / "again")
    names = sorted(p.name for p in compiled.iterdir() if p.is_file())
    assert names == sorted(p.name for p in again.iterdir() if p.is_file())
    assert all((compiled / n).read_bytes() == (again / n).read_bytes() for n in names)


def test_a_stale_or_unfinished_folder_is_never_used(compiled: Path, tmp_path: Path) -> None:
    # Templates edited after compiling: the stamp no longer matches them.
    edited = tmp_path / "templates"
    shutil.copytree(render.builtin_templates(), edited)
    assert compiled_templates.loader(edited, compiled) is not None
    page = edited / "package" / "_version.py.jinja"
    page.write_text(page.read_text() + "# edited\n")
    assert compiled_templates.loader(edited, compiled) is None
    # Another Jinja wrote it.
    other = tmp_path / "other"
    shutil.copytree(compiled, other)
    stamp = other / compiled_templates.STAMP
    stamp.write_text(stamp.read_text().replace(f"jinja2 {jinja2.__version__}", "jinja2 0.0"))
    assert compiled_templates.loader(render.builtin_templates(), other) is None
    # Cut short before its stamp was written.
    (other / compiled_templates.STAMP).unlink()
    assert compiled_templates.loader(render.builtin_templates(), other) is None


def test_a_checkout_compiles_from_source_with_the_bytecode_in_the_cache(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    assert not compiled_templates.FOLDER.exists()  # only an installed wheel has one
    monkeypatch.setenv("POLAR_CODEGEN_CACHE_DIR", str(tmp_path / "cache"))
    env = render.environment()
    assert env is render.environment()  # one per set of folders in a process
    env.get_template("package/models.py.jinja")
    cached = list((tmp_path / "cache" / f"jinja2-{jinja2.__version__}").iterdir())
    assert cached and all(p.suffix == ".cache" for p in cached)
    # Off: no bytecode is kept anywhere.
    monkeypatch.setenv("POLAR_CODEGEN_CACHE_DIR", "off")
    assert render.environment().bytecode_cache is None


def test_user_templates_come_before_the_compiled_ones(compiled: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    overlay = tmp_path / "overlay" / "package"
    overlay.mkdir(parents=True)
    (overlay / "_version.py.jinja").write_text('__version__ = "overlaid"\n')
    monkeypatch.setattr(compiled_templates, "FOLDER", compiled)
    monkeypatch.setattr(render, "_environment", render._environment.__wrapped__)
    monkeypatch.setenv("POLAR_CODEGEN_CACHE_DIR", "off")
    env = render.environment([tmp_path / "overlay"])
    assert isinstance(env.loader, jinja2.ChoiceLoader)
    assert env.get_template("package/_version.py.jinja").render() == '__version__ = "overlaid"\n'
    assert "msgspec" in env.get_template("package/models.py.jinja").render(api=context(build(load(SPEC).data, BuildOptions(package="pkg"))))
