"""The built wheel serves a newcomer: it holds the package `polar_codegen`, its templates and
the project's metadata, generates the committed client outside this tree, and, installed in
a fresh virtual environment, runs README's quick start and the pre-commit hook end to end in
a new git repository with a spec of its own."""

from __future__ import annotations

import email
import os
import re
import shlex
import subprocess
import sys
import sysconfig
import venv
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from conftest import GENERATED, ROOT, SPEC, tree
from http_server import Reply, ScriptedServer

import generator


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("wheel")
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(folder), str(ROOT)],
        capture_output=True, text=True, check=False, timeout=300,
    )  # fmt: skip
    assert build.returncode == 0, build.stderr
    (built,) = folder.glob("polar_codegen-*.whl")
    return built


def _clean_env(**extra: str) -> dict[str, str]:
    """This process's environment without what points at the checkout."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    return {**env, **extra}


def test_the_wheel_holds_polar_codegen_its_templates_and_the_project_metadata(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        (metadata_name,) = [n for n in names if n.endswith(".dist-info/METADATA")]
        metadata = email.message_from_bytes(archive.read(metadata_name))
        entry_points = archive.read(metadata_name.replace("METADATA", "entry_points.txt")).decode()
    assert "polar_codegen/_templates/package/models.py.jinja" in names
    assert "polar_codegen/emit/preformatted.json" in names  # without it, every run formats the runtime
    # The templates compiled ahead of time, stamped last (generator/emit/compiled_templates.py).
    assert "polar_codegen/_compiled_templates/STAMP" in names
    assert sum(n.startswith("polar_codegen/_compiled_templates/tmpl_") for n in names) == len(
        list((ROOT / "templates").rglob("*.jinja"))
    )
    assert "polar_codegen/__main__.py" in names
    # The import name is polar_codegen only: no generic top-level `generator`, no dev shim.
    assert {n.split("/")[0] for n in names} == {"polar_codegen", metadata_name.split("/")[0]}
    assert "polar-codegen = polar_codegen.cli:run" in entry_points
    assert metadata["Version"] == generator.__version__
    assert metadata["Requires-Python"] == ">=3.11"
    assert metadata["License-Expression"] == "MIT"
    assert metadata["License-File"] == "LICENSE"
    assert any(n.endswith(".dist-info/licenses/LICENSE") for n in names)
    # The long description is the users' README, not the developers' guide.
    description = metadata.get_payload()
    assert description.strip() == (ROOT / "docs" / "project-readme.md").read_text().strip()
    assert "make test" not in description and "Quick start" in description


def test_one_python_floor_everywhere() -> None:
    floor = re.search(r'requires-python = ">=(3\.\d+)"', (ROOT / "pyproject.toml").read_text())
    assert floor is not None
    version = floor[1]
    for doc in ("README.md", "docs/project-readme.md"):
        text = (ROOT / doc).read_text()
        assert f"Python {version} or later" in text, doc
        stated = set(re.findall(r"Python (3\.\d+) or later", text))
        # the generated clients' own floor is the only other version named
        assert stated <= {version, "3.10"}, (doc, stated)
    assert f"Python {version} or later," in (ROOT / "Makefile").read_text()


def test_wheel_generates_the_committed_client_from_another_folder(wheel: Path, tmp_path: Path) -> None:
    unpacked = tmp_path / "site"
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(unpacked)
    out = tmp_path / "out"
    env = _clean_env(PYTHONPATH=str(unpacked))
    result = subprocess.run(
        [sys.executable, "-m", "polar_codegen", "generate", "--spec", str(SPEC), "--out", str(out),
         "--package-name", "polar_oauth2", "--strict"],
        cwd=tmp_path,  # away from the source tree, so only the wheel's copy can be found
        env=env, capture_output=True, text=True, check=False, timeout=300,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert tree(out) == tree(GENERATED)
    # ... from its compiled templates, which match the sources it carries.
    code = "from polar_codegen.emit.render import environment; print(type(environment().loader).__name__)"
    probe = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True, check=False, timeout=60
    )
    assert probe.stdout.strip() == "ChoiceLoader", probe.stderr


# --- a newcomer, end to end -------------------------------------------------------------------


def _quick_start() -> list[tuple[str, str]]:
    """README's "Use it on your own spec" section, as (language, text) code blocks."""
    text = (ROOT / "README.md").read_text()
    section = text.split("## Use it on your own spec\n", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"^```(\w+)\n(.*?)^```$", section, re.MULTILINE | re.DOTALL)


def _fresh_venv(folder: Path, wheel: Path) -> Path:
    """A new virtual environment with the wheel installed. Its dependencies come from this
    test environment's site-packages (a path entry: its .pth files, the checkout's editable
    install among them, are not run), so the test needs no network."""
    venv.EnvBuilder(with_pip=False, symlinks=True).create(folder)
    python = folder / "bin" / "python"
    site = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True, text=True, check=True, env=_clean_env(),
    ).stdout.strip()  # fmt: skip
    Path(site, "dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    _pip(python, "install", "--no-index", "--no-deps", "--force-reinstall", str(wheel))
    return python


def _pip(python: Path, *args: str, cwd: Path | None = None) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "-q", "--disable-pip-version-check", *args],
        cwd=cwd, capture_output=True, text=True, check=False, env=_clean_env(), timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr


def _run(
    command: str | list[str], repo: Path, env: dict[str, str], *, check: bool = True
) -> subprocess.CompletedProcess[str]:
    argv = shlex.split(command) if isinstance(command, str) else command
    done = subprocess.run(
        argv, cwd=repo, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        check=False, timeout=300,
    )  # fmt: skip
    if check:
        assert done.returncode == 0, f"{command}:\n{done.stdout}"
    return done


@pytest.fixture
def notes_server() -> Iterator[ScriptedServer]:
    server = ScriptedServer().start()
    try:
        yield server
    finally:
        assert not server.stop()


def test_a_newcomer_runs_the_quick_start_and_the_hook_in_a_repository_of_their_own(
    wheel: Path, tmp_path: Path, notes_server: ScriptedServer
) -> None:
    python = _fresh_venv(tmp_path / "venv", wheel)
    env = _clean_env(
        PATH=f"{python.parent}{os.pathsep}{os.environ['PATH']}",
        POLAR_CODEGEN_CACHE_DIR=str(tmp_path / "cache"),
        GIT_AUTHOR_NAME="n", GIT_AUTHOR_EMAIL="n@example.com",
        GIT_COMMITTER_NAME="n", GIT_COMMITTER_EMAIL="n@example.com",
    )  # fmt: skip
    located = _run([str(python), "-c", "import polar_codegen; print(polar_codegen.__file__)"], tmp_path, env)
    assert located.stdout.startswith(str(tmp_path / "venv"))
    # The installed package is not importable by the source folder's name.
    missing = _run([str(python), "-c", "import generator.cli"], tmp_path, env, check=False)
    assert "No module named 'generator" in missing.stdout
    assert _run([str(python), "-m", "polar_codegen", "--version"], tmp_path, env).stdout.startswith("polar-codegen ")

    repo = tmp_path / "notes"
    repo.mkdir()
    _run("git init -q", repo, env)
    blocks = _quick_start()
    (spec,) = [text for language, text in blocks if language == "yaml" and "openapi:" in text]
    (repo / "openapi.yaml").write_text(spec)

    # The install, the one command, the result, and the call, as README gives them.
    (install_and_generate, install_client) = [text for language, text in blocks if language == "console"]
    install, generate = install_and_generate.strip().splitlines()
    assert install == "pip install ./polar-codegen"  # done above, from the wheel built of this checkout
    _run(generate, repo, env)
    assert {p.name for p in (repo / "client").iterdir()} >= {"pyproject.toml", "README.md", "my_client"}
    assert install_client.strip() == "pip install ./client"
    _pip(python, "install", "--no-index", "--no-deps", "--no-build-isolation", "./client", cwd=repo)
    (call,) = [text for language, text in blocks if language == "python"]
    assert "http://127.0.0.1:8000" in call
    notes_server.route("GET", "/notes/n1", Reply.json({"id": "n1", "text": "hello from the server"}))
    called = _run([str(python), "-c", call.replace("http://127.0.0.1:8000", notes_server.url)], tmp_path, env)
    assert called.stdout == "hello from the server\n"
    assert [r.path for r in notes_server.requests] == ["/notes/n1"]

    # The configuration and the hook, as README gives them; the hook agrees with the one
    # this repository ships (.pre-commit-hooks.yaml).
    (toml,) = [text for language, text in blocks if language == "toml"]
    (repo / "pyproject.toml").write_text('[project]\nname = "notes"\nversion = "0"\n\n' + toml)
    (hook_config,) = [text for language, text in blocks if language == "yaml" and "repos:" in text]
    (repo / ".pre-commit-config.yaml").write_text(hook_config)
    (hook,) = yaml.safe_load(hook_config)["repos"][0]["hooks"]
    (shipped,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    assert (hook["id"], hook["entry"], hook["files"]) == (shipped["id"], shipped["entry"], shipped["files"])
    assert hook["pass_filenames"] is shipped["pass_filenames"] is False
    # What pre-commit does with it, as a git hook: run the entry when a staged file matches.
    git_hook = repo / ".git" / "hooks" / "pre-commit"
    git_hook.write_text(
        "#!/bin/sh\n"
        f"git diff --cached --name-only | grep -Eq {shlex.quote(hook['files'])} || exit 0\n"
        f"exec {hook['entry']}\n"
    )
    git_hook.chmod(0o755)
    _run("git add -A", repo, env)
    _run(["git", "commit", "-q", "-m", "the notes client"], repo, env)

    # The spec changes and the client is not regenerated: the commit is refused, and the
    # first line says which file differs and what to run.
    (repo / "openapi.yaml").write_text(spec + "        pinned: {type: boolean}\n")
    _run("git add openapi.yaml", repo, env)
    refused = _run(["git", "commit", "-q", "-m", "pin notes"], repo, env, check=False)
    assert refused.returncode != 0
    lines = refused.stdout.splitlines()
    assert re.fullmatch(
        r"polar-codegen check: \d+ files? in client differs? from the spec \(.*my_client/models\.py.*\); "
        r"run `polar-codegen generate` and commit the result\.",
        lines[0],
    ), refused.stdout
    assert "+    pinned: bool | None = None" in lines
    # README's fix, with the configuration only, and the commit goes through.
    _run("polar-codegen generate", repo, env)
    _run("git add -A", repo, env)
    _run(["git", "commit", "-q", "-m", "pin notes"], repo, env)
    status = _run("git status --porcelain", repo, env)
    assert status.stdout == ""
