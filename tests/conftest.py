"""Shared test helpers: the project root, running the CLI, importing generated packages."""

from __future__ import annotations

import importlib
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "spec" / "polar-oauth2.yaml"
GENERATED = ROOT / "generated"
TESTS = ROOT / "tests"

# The committed client is imported straight from generated/, as a user's checkout would.
if str(GENERATED) not in sys.path:
    sys.path.insert(0, str(GENERATED))


def run_cli(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    """polar-codegen in a child process, exactly as a user or CI would run it."""
    return subprocess.run(
        [sys.executable, "-m", "generator", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def generate_in_process(spec: Path, out: Path, package: str) -> None:
    from generator.cli import main

    code = main(["generate", "--spec", str(spec), "--out", str(out), "--package-name", package, "--quiet"])
    assert code == 0, f"generation of {spec} failed with exit code {code}"


def tree(folder: Path) -> dict[str, bytes]:
    """Every file under `folder`, by relative path, as bytes."""
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not set(p.relative_to(folder).parts) & _TOOL_CACHES
    }


_TOOL_CACHES = {"__pycache__", ".mypy_cache", ".ruff_cache", ".pytest_cache"}


@pytest.fixture
def import_generated() -> Iterator[object]:
    """Import a freshly generated package from a folder; forgotten again after the test."""
    added: list[str] = []
    before = set(sys.modules)

    def load(out: Path, package: str) -> ModuleType:
        sys.path.insert(0, str(out))
        added.append(str(out))
        importlib.invalidate_caches()
        return importlib.import_module(package)

    yield load
    for path in added:
        sys.path.remove(path)
    for name in set(sys.modules) - before:
        if name.split(".")[0] not in {"polar_oauth2"}:
            del sys.modules[name]


# --- a real HTTP server for client tests (tests/http_server.py) ------------------------------

from http_server import ScriptedServer  # tests/ is on sys.path, as for conftest itself


@pytest.fixture
def http_server() -> Iterator[ScriptedServer]:
    """A scripted HTTP server on 127.0.0.1; stopped, with all its threads joined, afterwards."""
    server = ScriptedServer().start()
    try:
        yield server
    finally:
        leaked = server.stop()
    assert not leaked, f"scripted server threads still alive after stop(): {leaked}"
    assert not server.errors, "the scripted server failed:\n" + "\n".join(server.errors)


@pytest.fixture
def anyio_backend() -> str:
    """Async tests (@pytest.mark.anyio) run on asyncio, the loop AsyncClient targets."""
    return "asyncio"
