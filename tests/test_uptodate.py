"""The manifest's stamp: `check` and `generate` on an up-to-date folder answer from it
without loading the spec, Jinja, black or the validator; anything that could change the
output makes them do the full run instead, and nothing makes them vouch for a wrong tree."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, SPEC, run_cli, tree

MANIFEST = ".polar-codegen-manifest.json"
HEAVY = ("black", "jinja2", "openapi_spec_validator", "jsonschema", "yaml", "generator.build", "generator.spec.load")

# Runs the command line in this process and reports which modules it imported.
_PROBE = """
import json, sys
from generator.cli import main
code = main(sys.argv[1:])
print(json.dumps({"code": code, "modules": sorted(sys.modules)}))
"""


def probe(*args: str, cwd: Path = ROOT) -> tuple[int, set[str], str]:
    result = subprocess.run(
        [sys.executable, "-c", _PROBE, *args], cwd=cwd, capture_output=True, text=True, timeout=300, check=False
    )
    report = json.loads(result.stdout.strip().splitlines()[-1])
    return report["code"], set(report["modules"]), result.stderr


def configure(folder: Path) -> None:
    """The package name from [tool.polar-codegen], as another repository would give it."""
    (folder / "pyproject.toml").write_text('[tool.polar-codegen]\npackage-name = "polar_oauth2"\n')


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the two-endpoint spec, generated into `out` beside it."""
    configure(tmp_path)
    shutil.copy(SPEC, tmp_path / "api.yaml")
    done = run_cli("generate", "--spec", "api.yaml", "--out", "out", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    return tmp_path


def vouched(project: Path, command: str, *extra: str) -> tuple[int, bool, str]:
    """(exit code, whether the manifest answered, stderr)."""
    result = run_cli(command, "--spec", "api.yaml", "--out", "out", "--verbose", *extra, cwd=project)
    return result.returncode, "(up to date)" in result.stderr, result.stderr


def test_check_of_an_up_to_date_folder_loads_nothing_heavy(project: Path) -> None:
    code, modules, stderr = probe("check", "--spec", "api.yaml", "--out", "out", cwd=project)
    assert code == 0, stderr
    assert stderr == "out is up to date.\n"
    assert not [m for m in HEAVY if m in modules]
    # The same check in full does load them, and agrees; black only for what the
    # content cache does not hold already (here, nothing: the generate just filled it).
    code, modules, stderr = probe("check", "--spec", "api.yaml", "--out", "out", "--full", cwd=project)
    assert code == 0, stderr
    assert {"jinja2", "generator.build", "yaml"} <= modules
    assert "black" not in modules


def test_check_without_configuration_loads_neither_the_pipeline_nor_typing(project: Path) -> None:
    """Start-up is most of an up-to-date `check`: the stages' module and typing (about 4 ms
    each) stay unloaded when no pyproject.toml is read (tomllib imports typing)."""
    (project / "pyproject.toml").unlink()
    args = ("check", "--spec", "api.yaml", "--out", "out", "--package-name", "polar_oauth2")
    code, modules, stderr = probe(*args, cwd=project)
    assert code == 0, stderr
    assert stderr == "out is up to date.\n"
    assert not {"generator.pipeline", "generator.problems", "typing", "tomllib"} & modules
    assert {"generator.options", "generator.output.stamp"} <= modules


def test_generate_of_an_up_to_date_folder_writes_nothing(project: Path) -> None:
    before = {p: (p.stat().st_ino, p.stat().st_mtime_ns) for p in (project / "out").rglob("*")}
    code, modules, stderr = probe("generate", "--spec", "api.yaml", "--out", "out", cwd=project)
    assert code == 0 and stderr == "out is up to date; nothing to write.\n"
    assert not [m for m in HEAVY if m in modules]
    assert {p: (p.stat().st_ino, p.stat().st_mtime_ns) for p in (project / "out").rglob("*")} == before


def test_the_manifest_records_the_stamp_and_every_file(project: Path) -> None:
    manifest = json.loads((project / "out" / MANIFEST).read_text())
    assert manifest["inputs"]["sources"] == []
    assert len(manifest["inputs"]["stamp"]) == 64
    files = tree(project / "out")
    assert set(manifest["files"]) == set(files) - {MANIFEST}


def test_a_hand_edit_is_never_vouched_for(project: Path) -> None:
    models = project / "out" / "polar_oauth2" / "models.py"
    models.write_text(models.read_text() + "# edited\n")
    code, answered, stderr = vouched(project, "check")
    assert (code, answered) == (1, False), stderr
    result = run_cli("check", "--spec", "api.yaml", "--out", "out", cwd=project)
    assert "-# edited" in result.stdout


def test_a_deleted_file_is_never_vouched_for(project: Path) -> None:
    (project / "out" / "polar_oauth2" / "errors.py").unlink()
    code, answered, _ = vouched(project, "check")
    assert (code, answered) == (1, False)


@pytest.mark.parametrize(
    "change",
    [
        "spec-bytes",  # a comment only: same document, other bytes
        "package-name",
        "include-tags",
        "templates",
    ],
)
def test_any_other_input_means_the_full_run(project: Path, change: str) -> None:
    extra: list[str] = []
    if change == "spec-bytes":
        spec = project / "api.yaml"
        spec.write_text(spec.read_text() + "# a comment\n")
    elif change == "package-name":
        extra = ["--package-name", "other"]
    elif change == "include-tags":
        extra = ["--include-tags", "oauth2"]
    else:
        overlay = project / "overlay"
        overlay.mkdir()
        (overlay / "unused.jinja").write_text("not used by any output\n")
        extra = ["--templates", str(overlay)]
    code, answered, stderr = vouched(project, "check", *extra)
    assert not answered, stderr
    if change == "package-name":
        assert code == 1  # another package: everything differs
    elif change == "include-tags":
        # Every operation, but a subset of operations leaves the webhooks out.
        assert code == 1 and "polar_oauth2/webhooks.py" in stderr, stderr
    else:
        # Same output, other stamp: the full run finds nothing to report.
        assert code == 0, stderr
    # generate in full rewrites only the manifest's stamp; then the manifest answers again.
    run_cli("generate", "--spec", "api.yaml", "--out", "out", *extra, cwd=project)
    code, answered, stderr = vouched(project, "check", *extra)
    assert (code, answered) == (0, True), stderr


def test_a_template_edit_reaching_the_output_is_found(project: Path) -> None:
    overlay = project / "overlay" / "package"
    overlay.mkdir(parents=True)
    builtin = ROOT / "templates" / "package" / "_version.py.jinja"
    (overlay / "_version.py.jinja").write_text(builtin.read_text())
    flags = ("--templates", str(project / "overlay"))
    assert run_cli("generate", "--spec", "api.yaml", "--out", "out", *flags, cwd=project).returncode == 0
    assert vouched(project, "check", *flags)[:2] == (0, True)
    (overlay / "_version.py.jinja").write_text(builtin.read_text() + "EDITED = True\n")
    code, answered, _ = vouched(project, "check", *flags)
    assert (code, answered) == (1, False)


def test_files_pulled_in_by_the_spec_are_part_of_the_stamp(tmp_path: Path) -> None:
    configure(tmp_path)
    (tmp_path / "schemas").mkdir()
    item = tmp_path / "schemas" / "item.yaml"
    item.write_text("type: object\nproperties:\n  id: {type: string}\n")
    spec = SPEC.read_text().replace('$ref: "#/components/schemas/OAuth2ClientPublic"', '$ref: "schemas/item.yaml"', 1)
    assert spec != SPEC.read_text()
    (tmp_path / "api.yaml").write_text(spec)
    flags = ("--spec", "api.yaml", "--out", "out", "--allow-file-refs", "--verbose")
    assert run_cli("generate", *flags, cwd=tmp_path).returncode == 0
    assert json.loads((tmp_path / "out" / MANIFEST).read_text())["inputs"]["sources"] == ["schemas/item.yaml"]
    # From another working folder the same files are found.
    elsewhere = run_cli(
        "check", "--spec", "../api.yaml", "--out", "../out", "--allow-file-refs", "--verbose", cwd=tmp_path / "schemas"
    )
    assert elsewhere.returncode == 0 and "(up to date)" in elsewhere.stderr, elsewhere.stderr
    item.write_text("type: object\nproperties:\n  id: {type: integer}\n")
    result = run_cli("check", *flags, cwd=tmp_path)
    assert result.returncode == 1 and "(up to date)" not in result.stderr
    item.unlink()
    result = run_cli("check", *flags, cwd=tmp_path)
    assert result.returncode == 2 and "(up to date)" not in result.stderr


@pytest.mark.parametrize("tamper", ["stamp", "escape", "no-inputs", "not-json"])
def test_a_tampered_manifest_is_never_trusted(project: Path, tamper: str) -> None:
    path = project / "out" / MANIFEST
    body = json.loads(path.read_text())
    if tamper == "stamp":
        body["inputs"]["stamp"] = "0" * 64
    elif tamper == "escape":
        # A path out of the folder, hashed right: still not vouched for.
        (project / "secret").write_text("x")
        body["files"]["../secret"] = "2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881"
    elif tamper == "no-inputs":
        del body["inputs"]
    text = "{" if tamper == "not-json" else json.dumps(body)
    path.write_text(text)
    code, answered, stderr = vouched(project, "check")
    assert not answered, stderr
    # A stamp is not output: with the same files listed, the full check finds no drift.
    assert code == (0 if tamper in ("stamp", "no-inputs") else 1), stderr
    assert (project / "secret").exists() or tamper != "escape"
    # generate never follows a manifest path out of the folder, not even to delete it.
    assert run_cli("generate", "--spec", "api.yaml", "--out", "out", cwd=project).returncode == 0
    assert (project / "secret").exists() or tamper != "escape"
    assert vouched(project, "check")[:2] == (0, True)


def test_an_unfinished_run_is_never_vouched_for(project: Path) -> None:
    leftover = project / ".out.polar-codegen-abcd1234"
    leftover.mkdir()
    code, answered, _ = vouched(project, "generate")
    assert (code, answered) == (0, False)
    assert not leftover.exists()  # the full run cleaned it up
    assert vouched(project, "generate")[:2] == (0, True)


def test_the_stamp_does_not_depend_on_the_working_folder_or_environment(project: Path) -> None:
    first = json.loads((project / "out" / MANIFEST).read_text())["inputs"]["stamp"]
    other = project / "elsewhere"
    other.mkdir()
    env = {**os.environ, "POLAR_CODEGEN_CACHE_DIR": "off", "LC_ALL": "C"}
    result = subprocess.run(
        [sys.executable, "-m", "generator", "generate", "--spec", "../api.yaml", "--out", "out", "--full"],
        cwd=other, env=env, capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert json.loads((other / "out" / MANIFEST).read_text())["inputs"]["stamp"] == first
