"""[tool.polar-codegen] in pyproject.toml: found, checked, overridden by flags."""

from __future__ import annotations

import argparse
import re
import shutil
from pathlib import Path

import pytest
from conftest import SPEC

from generator import config
from generator.cli import main

LINE = re.compile(
    r"^(?P<file>[^:]+):(?P<line>\d+):(?P<col>\d+): #(?P<pointer>\S*): (?P<message>.+)$"
)


def project(tmp_path: Path, table: str, *, git: bool = True) -> Path:
    """A repository with the Polar spec as api.yaml and a pyproject.toml holding `table`."""
    root = tmp_path / "repo"
    root.mkdir()
    if git:
        (root / ".git").mkdir()
    shutil.copy(SPEC, root / "api.yaml")
    (root / "pyproject.toml").write_text(
        f'[project]\nname = "demo"\n\n[tool.polar-codegen]\n{table}'
    )
    return root


def namespace(**given: object) -> argparse.Namespace:
    blank = {config.dest(k): None for k in config.KEYS}
    return argparse.Namespace(**{**blank, **given})


def test_values_are_checked_and_paths_are_relative_to_the_file(tmp_path: Path) -> None:
    root = project(
        tmp_path,
        'spec = "api.yaml"\nout = "client"\npackage-name = "demo_client"\n'
        'templates = "tpl"\ninclude-operations = ["oauth2.clients.*"]\ninclude-tags = "oauth2"\n'
        "max-spec-bytes = 1000000\n",
    )
    sub = root / "src" / "deep"
    sub.mkdir(parents=True)
    found = config.load_config(sub)
    assert found.path == Path("../../pyproject.toml")
    assert found.values == {
        "spec": Path("../../api.yaml"),
        "out": Path("../../client"),
        "package-name": "demo_client",
        "templates": [Path("../../tpl")],
        "include-operations": ["oauth2.clients.*"],
        "include-tags": ["oauth2"],
        "max-spec-bytes": 1000000,
    }


def test_flags_override_configuration_which_overrides_defaults(tmp_path: Path) -> None:
    root = project(tmp_path, 'out = "client"\ninclude-tags = ["a"]\n')
    loaded = config.load_config(root)
    args = namespace(out=Path("elsewhere"), include_operations=["x.*"])
    config.apply(args, loaded)
    assert args.out == Path("elsewhere")  # flag
    assert args.include_operations == ["x.*"]  # flag
    assert args.include_tags == ["a"]  # configuration
    assert args.spec is None  # no built-in spec: `require` asks for one
    assert args.max_spec_bytes == config.DEFAULTS["max-spec-bytes"]  # built-in default
    # Lists are copies: a later append cannot change the configuration.
    args.include_tags.append("b")
    assert loaded.values["include-tags"] == ["a"]


def test_search_stops_at_the_git_root(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.polar-codegen]\nout = "outside"\n')
    inside = tmp_path / "repo"
    inside.mkdir()
    (inside / ".git").mkdir()
    assert config.load_config(inside) == config.Config()
    # Outside a repository the search goes on up.
    loose = tmp_path / "loose" / "deeper"
    loose.mkdir(parents=True)
    assert config.load_config(loose).values == {"out": Path("../../outside")}


def test_nearest_file_with_the_table_wins(tmp_path: Path) -> None:
    root = project(tmp_path, 'out = "root-client"\n')
    member = root / "packages" / "member"
    member.mkdir(parents=True)
    (member / "pyproject.toml").write_text('[project]\nname = "member"  # uses polar-codegen\n')
    assert config.load_config(member).values == {"out": Path("../../root-client")}
    (member / "pyproject.toml").write_text('[tool.polar-codegen]\nout = "own"\n')
    assert config.load_config(member).values == {"out": Path("own")}


@pytest.mark.parametrize(
    ("table", "line", "pointer", "message"),
    [
        (
            'spec = "api.yaml"\noutdir = "x"\n',
            6,
            "/tool/polar-codegen/outdir",
            (
                "unknown key 'outdir' in [tool.polar-codegen] (hint: did you mean 'out'? valid keys: "
                "include-operations, include-tags, max-spec-bytes, out, package-name, spec, strict, templates)"
            ),
        ),
        (
            'max-spec-bytes = "big"\n',
            5,
            "/tool/polar-codegen/max-spec-bytes",
            "max-spec-bytes must be a positive integer, not the string 'big'",
        ),
        (
            "include-tags = [1, 2]\n",
            5,
            "/tool/polar-codegen/include-tags",
            "include-tags must be a string or a list of strings, not a list of int",
        ),
        (
            "spec = true\n",
            5,
            "/tool/polar-codegen/spec",
            "spec must be a non-empty string, not the boolean true",
        ),
    ],
)
def test_bad_configuration_is_one_line_and_exit_2(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    table: str,
    line: int,
    pointer: str,
    message: str,
) -> None:
    root = project(tmp_path, table)
    monkeypatch.chdir(root)
    for command in ("generate", "check", "review"):
        assert main([command]) == 2
        err = capsys.readouterr().err
        (text,) = err.splitlines()
        found = LINE.match(text)
        assert found, text
        assert (found["file"], int(found["line"]), found["pointer"], found["message"]) == (
            "pyproject.toml",
            line,
            pointer,
            message,
        )
    assert not (root / "generated").exists()


def test_invalid_toml_is_located(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "pyproject.toml").write_text('[tool.polar-codegen]\nspec = "a\n')
    with pytest.raises(config.ConfigError) as caught:
        config.load_config(tmp_path)
    assert caught.value.line().startswith(f"{Path('pyproject.toml')}:2:")
    assert "invalid TOML" in caught.value.line()


def test_generate_and_check_run_from_configuration(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    root = project(
        tmp_path,
        'spec = "api.yaml"\nout = "client"\npackage-name = "demo_client"\n'
        'include-operations = ["oauth2.clients.*"]\n',
    )
    work = root / "src"
    work.mkdir()
    monkeypatch.chdir(work)
    assert main(["generate", "--quiet"]) == 0
    client = (root / "client" / "demo_client" / "_client.py").read_text()
    assert "def list(" in client and "def authorize(" not in client
    assert main(["check", "--quiet"]) == 0
    # A flag wins over the file: all operations now, so the folder is stale.
    assert main(["check", "--include-operations", "*"]) == 1
    assert "from the spec; run `polar-codegen generate`" in capsys.readouterr().err
    # review reads the same configuration.
    assert main(["review", "--format", "json"]) == 0
    assert '"python": "oauth2.clients.list"' in capsys.readouterr().out


NEEDS_ALL = (
    "polar-codegen: error: generate needs --spec, --out and --package-name ({where}); pass them, "
    "e.g. `polar-codegen generate --spec openapi.yaml --out client --package-name my_client`, or set "
    'spec = "openapi.yaml", out = "client", package-name = "my_client" under [tool.polar-codegen] in '
    "pyproject.toml (see `polar-codegen generate --help`)"
)


def test_without_spec_out_and_package_name_one_line_says_how_to_give_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Another repository has no implicit spec: never this repository's own, never a guess."""
    (tmp_path / ".git").mkdir()
    shutil.copy(SPEC, tmp_path / "openapi.yaml")
    monkeypatch.chdir(tmp_path)
    assert main(["generate"]) == 2
    where = "no pyproject.toml with a [tool.polar-codegen] table was found"
    assert capsys.readouterr().err.splitlines() == [NEEDS_ALL.format(where=where)]
    # Given the spec alone, the others are still asked for: the package name is not guessed.
    assert main(["generate", "--spec", "openapi.yaml"]) == 2
    (line,) = capsys.readouterr().err.splitlines()
    assert line.startswith("polar-codegen: error: generate needs --out and --package-name (")
    assert 'set out = "client", package-name = "my_client" under [tool.polar-codegen]' in line
    assert main(["review"]) == 2
    (line,) = capsys.readouterr().err.splitlines()
    assert line.startswith("polar-codegen: error: review needs --spec (")
    assert main(["diff", "HEAD:openapi.yaml"]) == 2
    (line,) = capsys.readouterr().err.splitlines()
    assert line.startswith("polar-codegen: error: diff needs NEW or --spec (")
    assert list(tmp_path.iterdir()) == [tmp_path / ".git", tmp_path / "openapi.yaml"] or set(
        tmp_path.iterdir()
    ) == {tmp_path / ".git", tmp_path / "openapi.yaml"}


def test_a_configuration_without_the_keys_is_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    root = project(tmp_path, 'spec = "api.yaml"\nstrict = true\n')
    monkeypatch.chdir(root)
    assert main(["check"]) == 2
    (line,) = capsys.readouterr().err.splitlines()
    assert line.startswith(
        "polar-codegen: error: check needs --out and --package-name "
        "(pyproject.toml has no out and package-name under [tool.polar-codegen]); pass them"
    )


@pytest.mark.parametrize("name", ["my-client", "class", "1st", "a.b"])
def test_a_bad_package_name_is_a_usage_error_not_a_spec_location(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    root = project(tmp_path, 'spec = "api.yaml"\nout = "client"\n')
    monkeypatch.chdir(root)
    assert main(["generate", "--package-name", name]) == 2
    (line,) = capsys.readouterr().err.splitlines()
    assert line.startswith(f"polar-codegen: error: --package-name {name!r} is not a Python identifier")
    assert not (root / "client").exists()


def test_the_error_docs_ci_shows_is_the_one_printed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "pyproject.toml").write_text('[tool.polar-codegen]\nspec = "openapi.yaml"\n')
    monkeypatch.chdir(tmp_path)
    assert main(["generate"]) == 2
    (line,) = capsys.readouterr().err.splitlines()
    docs = (Path(__file__).parent.parent / "docs" / "ci.md").read_text()
    assert f"  {line}\n" in docs
