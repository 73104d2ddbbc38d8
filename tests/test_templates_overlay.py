"""`--templates DIR`: the user's templates replace the built-in ones of the same name, one by
one; everything else is generated as usual. Works for generate, check and the configuration."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import GENERATED, SPEC, tree

from generator.cli import main
from generator.pipeline import Options, generate

README = """\
# {{ api.distribution }} (our build)

{% for op in api.operations %}
- `client.{{ op.python_path }}{{ op.signature_display }}` calls `{{ op.method }} {{ op.path_line }}`
{% endfor %}
"""

VERSION = """\
__version__ = {{ api.version_source }}
BUILT_FROM = {{ api.title_toml | tojson }}
SERVERS = [{% for s in api.servers %}{{ s.name_source }},{% endfor %}]
"""


@pytest.fixture
def overlay(tmp_path: Path) -> Path:
    folder = tmp_path / "templates"
    (folder / "package").mkdir(parents=True)
    (folder / "README.md.jinja").write_text(README)
    (folder / "package" / "_version.py.jinja").write_text(VERSION)
    return folder


def test_overridden_templates_replace_only_themselves(overlay: Path) -> None:
    files = generate(Options(spec=SPEC, templates=(overlay,))).files
    assert files["README.md"] == (
        "# polar-oauth2 (our build)\n\n"
        "- `client.oauth2.authorize()` calls `GET /v1/oauth2/authorize`\n"
        "- `client.oauth2.clients.list(*, page: int = 1, limit: int = 10)` calls `GET /v1/oauth2/`\n"
    )
    # Python output still goes through black: the trailing comma list is exploded.
    assert files["polar_oauth2/_version.py"] == (
        '__version__ = "0.1.0"\n'
        'BUILT_FROM = "Polar API"\n'
        "SERVERS = [\n"
        '    "production",\n'
        '    "sandbox",\n'
        "]\n"
    )
    committed = tree(GENERATED)
    for path, text in files.items():
        if path not in ("README.md", "polar_oauth2/_version.py"):
            assert text.encode() == committed[path], path


def test_generate_and_check_take_templates(
    overlay: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    args = ["--spec", str(SPEC), "--out", str(out), "--quiet"]
    assert main(["generate", *args, "--templates", str(overlay)]) == 0
    assert (out / "README.md").read_text().startswith("# polar-oauth2 (our build)")
    assert main(["check", *args, "--templates", str(overlay)]) == 0
    # Without the overlay the folder is stale: the built-in README would differ.
    assert main(["check", *args]) == 1
    assert "README.md" in capsys.readouterr().out


def test_later_folders_fill_in_for_earlier_ones(overlay: Path, tmp_path: Path) -> None:
    first = tmp_path / "first"
    first.mkdir()
    (first / "README.md.jinja").write_text("# first wins\n")
    files = generate(Options(spec=SPEC, templates=(first, overlay))).files
    assert files["README.md"] == "# first wins\n"
    assert "BUILT_FROM" in files["polar_oauth2/_version.py"]


def test_templates_from_configuration(
    overlay: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "repo"
    root.mkdir()
    (root / ".git").mkdir()
    shutil.copy(SPEC, root / "api.yaml")
    shutil.copytree(overlay, root / "codegen-templates")
    (root / "pyproject.toml").write_text(
        '[tool.polar-codegen]\nspec = "api.yaml"\nout = "client"\npackage-name = "polar_oauth2"\n'
        'templates = ["codegen-templates"]\n'
    )
    monkeypatch.chdir(root)
    assert main(["generate", "--quiet"]) == 0
    assert (root / "client" / "README.md").read_text().startswith("# polar-oauth2 (our build)")
    assert main(["check", "--quiet"]) == 0


@pytest.mark.parametrize(
    ("template", "expected"),
    [
        ("{{ api.no_such_field }}", "UndefinedError"),
        ("{% if %}", "TemplateSyntaxError"),
        ('"""{{ api.title }}"""\ndef broken(:\n', "FormatError"),
    ],
)
def test_errors_in_user_templates_are_bad_input(tmp_path: Path, template: str, expected: str) -> None:
    from conftest import run_cli

    overlay = tmp_path / "templates" / "package"
    overlay.mkdir(parents=True)
    (overlay / "errors.py.jinja").write_text(template)
    out = tmp_path / "out"
    result = run_cli("generate", "--out", str(out), "--templates", str(tmp_path / "templates"))
    assert result.returncode == 2, result.stderr
    assert expected in result.stderr
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr
    assert not out.exists()
