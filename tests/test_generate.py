"""The committed client is exactly what the spec generates, every time, and `check` knows."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from conftest import GENERATED, ROOT, SPEC, generate_in_process, run_cli, tree


def test_generated_folder_matches_a_fresh_generation_byte_for_byte(tmp_path: Path) -> None:
    # The repository's own spec is generated under --strict (Makefile): no warning allowed.
    generate_in_process(SPEC, tmp_path / "out", "polar_oauth2", "--strict")
    assert tree(tmp_path / "out") == tree(GENERATED)


def test_two_runs_in_different_folders_are_byte_identical(tmp_path: Path) -> None:
    generate_in_process(SPEC, tmp_path / "a", "polar_oauth2")
    # A copy of the spec elsewhere, reached by another path: output must not depend on it.
    spec_copy = tmp_path / "elsewhere" / "api.yaml"
    spec_copy.parent.mkdir()
    shutil.copy(SPEC, spec_copy)
    generate_in_process(spec_copy, tmp_path / "b", "polar_oauth2")
    first, second = tree(tmp_path / "a"), tree(tmp_path / "b")
    assert first == second
    assert "polar_oauth2/models.py" in first


def test_generated_layout(tmp_path: Path) -> None:
    files = set(tree(GENERATED))
    assert {
        "pyproject.toml",
        "README.md",
        "polar_oauth2/__init__.py",
        "polar_oauth2/py.typed",
        "polar_oauth2/models.py",
        "polar_oauth2/errors.py",
        ".polar-codegen-manifest.json",
    } <= files
    pyproject = (GENERATED / "pyproject.toml").read_text()
    assert 'name = "polar-oauth2"' in pyproject
    deps = pyproject.split("dependencies = [")[1].split("]")[0]
    assert [d.strip().strip('",').split(">")[0] for d in deps.split("\n") if d.strip()] == ["httpx", "msgspec"]


def test_check_passes_on_the_committed_tree() -> None:
    result = run_cli("check", "--strict")
    assert result.returncode == 0, result.stdout + result.stderr


def test_check_catches_a_hand_edit_with_a_diff(tmp_path: Path) -> None:
    out = tmp_path / "out"
    generate_in_process(SPEC, out, "polar_oauth2")
    models = out / "polar_oauth2" / "models.py"
    models.write_text(models.read_text().replace("max_page: int", "max_page: str"))
    result = run_cli("check", "--out", str(out))
    assert result.returncode == 1
    assert "--- a/polar_oauth2/models.py" in result.stdout
    assert "-    max_page: str" in result.stdout and "+    max_page: int" in result.stdout


def test_check_says_first_what_differs_and_what_to_run_and_leaves_the_manifest_out(tmp_path: Path) -> None:
    """What a pre-commit hook shows (stdout and stderr in one stream): the summary line
    first, then the diffs of the files people read; the manifest's churn is one line."""
    out = tmp_path / "out"
    generate_in_process(SPEC, out, "polar_oauth2")
    spec = tmp_path / "api.yaml"
    spec.write_text(SPEC.read_text().replace("max_page", "page_max"))
    result = subprocess.run(
        [sys.executable, "-m", "generator", "check", "--spec", str(spec), "--out", str(out)],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[0] == (
        f"polar-codegen check: 2 files in {out} differ from the spec (polar_oauth2/_client.py, "
        "polar_oauth2/models.py, the manifest .polar-codegen-manifest.json); "
        "run `polar-codegen generate` and commit the result."
    )
    assert lines[1] == "--- a/polar_oauth2/_client.py"
    assert "+    page_max: int" in lines
    assert not any(".polar-codegen-manifest.json" in line for line in lines[1:-2])
    assert lines[-2].startswith(f"{out / '.polar-codegen-manifest.json'} differs too")
    assert lines[-1] == f"{out}: 2 files differ from the spec; run `polar-codegen generate`."


def test_check_catches_a_missing_file_and_a_stale_one(tmp_path: Path) -> None:
    out = tmp_path / "out"
    generate_in_process(SPEC, out, "polar_oauth2")
    (out / "polar_oauth2" / "errors.py").unlink()
    result = run_cli("check", "--out", str(out))
    assert result.returncode == 1
    assert "+++ b/polar_oauth2/errors.py" in result.stdout


def test_regenerating_under_another_package_name_removes_our_old_files_only(tmp_path: Path) -> None:
    out = tmp_path / "out"
    generate_in_process(SPEC, out, "first_name")
    mine = out / "first_name" / "notes.txt"
    mine.write_text("the user's own file\n")
    generate_in_process(SPEC, out, "second_name")
    assert (out / "second_name" / "models.py").is_file()
    assert not (out / "first_name" / "models.py").exists()
    assert mine.read_text() == "the user's own file\n"


def test_generate_refuses_to_overwrite_a_file_it_did_not_write(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "README.md").write_text("hand-written\n")
    result = run_cli("generate", "--out", str(out))
    assert result.returncode == 2
    # A problem of the folder, not the spec: no `openapi.yaml:1:1: #:` location.
    assert result.stderr.splitlines() == [
        (
            f"polar-codegen: error: {out / 'README.md'} exists and was not written by polar-codegen; "
            "refusing to replace it (hint: move it away, or choose another --out folder)"
        ),
        "1 problem; nothing was written.",
    ]
    assert tree(out) == {"README.md": b"hand-written\n"}


def test_second_generate_changes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "out"
    generate_in_process(SPEC, out, "polar_oauth2")
    stamps = {p: p.stat().st_mtime_ns for p in out.rglob("*.py")}
    result = run_cli("generate", "--out", str(out))
    assert result.returncode == 0
    assert result.stderr == f"{out} is up to date; nothing to write.\n"
    # In full, too: every file compared, none rewritten.
    result = run_cli("generate", "--out", str(out), "--full")
    assert result.returncode == 0
    assert "Wrote 0 changed file(s)" in result.stderr
    assert {p: p.stat().st_mtime_ns for p in out.rglob("*.py")} == stamps


def test_console_script_and_module_entry_point_agree(tmp_path: Path) -> None:
    script = Path(ROOT / ".venv" / "bin" / "polar-codegen")
    assert run_cli("--version").stdout.strip().startswith("polar-codegen ")
    if script.exists():
        import subprocess

        out = subprocess.run([str(script), "--version"], capture_output=True, text=True, check=False)
        assert out.stdout == run_cli("--version").stdout
