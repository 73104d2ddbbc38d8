"""mypy --strict on the generator and on the generated client; ruff on the generated client."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import GENERATED, ROOT


def run(*args: str, cwd: str = str(ROOT)) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *args], cwd=cwd, capture_output=True, text=True, timeout=600, check=False)


def test_mypy_strict_on_generator_and_generated_client() -> None:
    result = run("mypy", "--strict", "generator")
    assert result.returncode == 0, result.stdout
    # No cache inside generated/: the folder holds exactly what the generator wrote.
    result = run("mypy", "--strict", "--cache-dir", "/dev/null", "polar_oauth2", cwd=str(GENERATED))
    assert result.returncode == 0, result.stdout


def test_pyright_on_generated_client() -> None:
    """Users of pyright (and editors built on it) read the client as mypy does."""
    pyright = str(Path(sys.executable).with_name("pyright"))
    result = subprocess.run(
        [pyright, "--pythonpath", sys.executable, "polar_oauth2"],
        cwd=GENERATED, capture_output=True, text=True, timeout=600, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout
    assert "0 errors" in result.stdout


def test_ruff_on_generated_client_and_generator() -> None:
    result = run("ruff", "check", "--no-cache", "polar_oauth2", cwd=str(GENERATED))
    assert result.returncode == 0, result.stdout
    result = run("ruff", "check", "--no-cache", "generator", "tests")
    assert result.returncode == 0, result.stdout
