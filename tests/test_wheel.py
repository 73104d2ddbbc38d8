"""The built wheel carries the templates and generates the same client outside this tree."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

from conftest import GENERATED, ROOT, SPEC, tree


def test_wheel_generates_the_committed_client_from_another_folder(tmp_path: Path) -> None:
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(tmp_path), str(ROOT)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert build.returncode == 0, build.stderr
    (wheel,) = tmp_path.glob("polar_codegen-*.whl")
    unpacked = tmp_path / "site"
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        archive.extractall(unpacked)
    assert "generator/_templates/package/models.py.jinja" in names
    assert "generator/emit/preformatted.json" in names  # without it, every run formats the runtime
    assert not any(name.startswith(("tests/", "spec/")) for name in names)
    out = tmp_path / "out"
    env = {**os.environ, "PYTHONPATH": str(unpacked)}
    result = subprocess.run(
        [sys.executable, "-m", "generator", "generate", "--spec", str(SPEC), "--out", str(out), "--strict"],
        cwd=tmp_path,  # away from the source tree, so only the wheel's copy can be found
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert tree(out) == tree(GENERATED)
