"""Shared test helpers: the project root, running the CLI, importing generated packages."""

from __future__ import annotations

import contextlib
import importlib
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "spec" / "polar-oauth2.yaml"
GENERATED = ROOT / "generated"
TESTS = ROOT / "tests"

# Generation caches (validated specs, black's output) go to one folder per test session, so
# tests neither read a stale cache from the machine nor fill the user's.
os.environ.setdefault("POLAR_CODEGEN_CACHE_DIR", tempfile.mkdtemp(prefix="polar-codegen-cache-"))

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


def generate_in_process(spec: Path, out: Path, package: str, *extra: str) -> None:
    from generator.cli import main

    argv = ["generate", "--spec", str(spec), "--out", str(out), "--package-name", package, "--quiet", *extra]
    code = main(argv)
    assert code == 0, f"generation of {spec} failed with exit code {code}"


def tree(folder: Path) -> dict[str, bytes]:
    """Every file under `folder`, by relative path, as bytes."""
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not set(p.relative_to(folder).parts) & _TOOL_CACHES
    }


_TOOL_CACHES = {"__pycache__", ".mypy_cache", ".ruff_cache", ".pytest_cache"}


@contextlib.contextmanager
def generated_package(spec: Path, out: Path, package: str) -> Iterator[ModuleType]:
    """`spec` generated into `out` and imported as `package`; forgotten again afterwards
    (only the package: modules of the generator it loaded stay the ones their importers hold)."""
    generate_in_process(spec, out, package)
    sys.path.insert(0, str(out))
    importlib.invalidate_caches()
    try:
        yield importlib.import_module(package)
    finally:
        sys.path.remove(str(out))
        for name in [m for m in sys.modules if m.split(".")[0] == package]:
            del sys.modules[name]


@pytest.fixture
def import_generated() -> Iterator[object]:
    """Import a freshly generated package from a folder; forgotten again after the test."""
    added: list[str] = []
    packages: set[str] = set()
    before = set(sys.modules)

    def load(out: Path, package: str) -> ModuleType:
        sys.path.insert(0, str(out))
        added.append(str(out))
        packages.add(package)
        importlib.invalidate_caches()
        return importlib.import_module(package)

    yield load
    for path in added:
        sys.path.remove(path)
    # Only the generated packages: a module of the generator first imported during the
    # test (a lazy import of a stage) must stay the one its importers hold.
    for name in set(sys.modules) - before:
        if name.split(".")[0] in packages - {"polar_oauth2"}:
            del sys.modules[name]


# --- a real HTTP server for client tests (tests/http_server.py) ------------------------------

from http_server import ScriptedServer
from prism_server import PrismServer, PrismUnavailable, in_ci, install


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


# --- Prism, an independent mock server serving spec/polar-oauth2.yaml (tests/prism_server.py) --


@pytest.fixture(scope="session")
def prism_executable() -> Path:
    """The pinned Prism, installed into .tools/prism on first use. A failure to install fails
    the tests; they skip only outside CI on a machine with no npm at all."""
    if shutil.which("npm") is None:
        if in_ci():
            pytest.fail("CI is set but npm is not on PATH: the Prism tests cannot run", pytrace=False)
        pytest.skip("npm is not installed: cannot install the Prism mock server")
    try:
        return install()
    except PrismUnavailable as exc:
        pytest.fail(f"cannot install Prism: {exc}", pytrace=False)


def _prism(executable: Path, log: Path, *, dynamic: bool) -> Iterator[PrismServer]:
    try:
        server = PrismServer.start(executable, SPEC, log, dynamic=dynamic)
    except PrismUnavailable as exc:
        pytest.fail(f"cannot start Prism: {exc}", pytrace=False)
    try:
        yield server
    finally:
        server.stop()
    assert server.process.returncode is not None, f"{server} is still running"


@pytest.fixture(scope="session")
def prism_static(
    prism_executable: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[PrismServer]:
    """`prism mock` in static mode: every answer is the spec's example (or one built from
    the schema), the same each time."""
    log = tmp_path_factory.mktemp("prism") / "static.log"
    yield from _prism(prism_executable, log, dynamic=False)


@pytest.fixture(scope="session")
def prism_dynamic(
    prism_executable: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[PrismServer]:
    """`prism mock --dynamic`: every answer is new random data generated from the schema."""
    log = tmp_path_factory.mktemp("prism") / "dynamic.log"
    yield from _prism(prism_executable, log, dynamic=True)


# --- Polar's whole API (../shared/specs), generated once per session ----------------------------
# Used by tests/test_full_polar.py, tests/test_full_polar_prism.py and tests/test_features_wire.py.

import json as _json
import time as _time
from dataclasses import dataclass as _dataclass


def _shared_specs() -> Path:
    """Polar's documents: $POLAR_SHARED_SPECS, else shared/specs beside the checkout, else
    beside the checkout this one was cloned from (a throwaway clone in a temp folder)."""
    configured = os.environ.get("POLAR_SHARED_SPECS")
    if configured:
        return Path(configured)
    beside = ROOT.parent / "shared" / "specs"
    if beside.is_dir():
        return beside
    origin = subprocess.run(
        ["git", "-C", str(ROOT), "config", "--get", "remote.origin.url"],
        capture_output=True, text=True, check=False,
    ).stdout.strip()  # fmt: skip
    if origin and Path(origin).is_dir():
        return Path(origin).resolve().parent / "shared" / "specs"
    return beside


SHARED_SPECS = _shared_specs()
# Import name -> document: API version 2026-04 (186 operations) and 2025-07-02 (128).
FULL_SPECS = {
    "polar_full": SHARED_SPECS / "polar-openapi.json",
    "polar_v2025": SHARED_SPECS / "polar-openapi-2025-07-02.json",
}


@_dataclass(frozen=True)
class FullPackage:
    package: str
    spec: Path
    out: Path
    seconds: float
    """Wall time of `polar-codegen generate` (both documents run at once, one per core)."""
    stderr: str


def full_specs_present() -> None:
    missing = [str(p) for p in FULL_SPECS.values() if not p.is_file()]
    if missing:
        pytest.fail(
            f"Polar's documents are missing (shared/ beside the checkout, or $POLAR_SHARED_SPECS): {missing}",
            pytrace=False,
        )


@pytest.fixture(scope="session")
def full_packages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, FullPackage]:
    """Both full documents through the CLI, once per session, in parallel child processes
    (each run is single-threaded: validating and black take nearly all of it)."""
    full_specs_present()
    root = tmp_path_factory.mktemp("full-polar")
    running = {}
    for package, spec in FULL_SPECS.items():
        out = root / package
        err = (root / f"{package}.stderr").open("w+")
        command = [
            sys.executable, "-m", "generator", "generate", "--spec", str(spec),
            "--out", str(out), "--package-name", package, "--verbose",
        ]  # fmt: skip
        process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=err)
        running[package] = (process, err, out, _time.perf_counter())
    done: dict[str, FullPackage] = {}
    deadline = _time.monotonic() + 600
    while len(done) < len(running):
        for package, (process, err, out, started) in running.items():
            if package in done or process.poll() is None:
                continue
            seconds = _time.perf_counter() - started
            err.seek(0)
            stderr = err.read()
            err.close()
            done[package] = FullPackage(package, FULL_SPECS[package], out, seconds, stderr)
        if _time.monotonic() > deadline:
            for process, *_ in running.values():
                if process.poll() is None:
                    process.kill()
            pytest.fail("generating the full documents took more than 600 s", pytrace=False)
        _time.sleep(0.05)
    for package, (process, *_rest) in running.items():
        assert process.returncode == 0, (
            f"polar-codegen generate failed on {FULL_SPECS[package].name} "
            f"(exit {process.returncode}):\n{done[package].stderr}"
        )
    return done


@pytest.fixture(scope="session")
def full_modules(full_packages: dict[str, FullPackage]) -> dict[str, ModuleType]:
    """The generated full packages, imported into this process once."""
    modules: dict[str, ModuleType] = {}
    for package, generated in full_packages.items():
        if str(generated.out) not in sys.path:
            sys.path.insert(0, str(generated.out))
        importlib.invalidate_caches()
        modules[package] = importlib.import_module(package)
        for sub in ("_client", "_base", "_unions", "models"):
            importlib.import_module(f"{package}.{sub}")
    return modules


@pytest.fixture(scope="session")
def full_irs(full_packages: dict[str, FullPackage]) -> dict[str, object]:
    """The generator's IR of each full document (`build(data, BuildOptions(package=...))`)."""
    from generator.build import BuildOptions, build

    return {
        package: build(_json.loads(g.spec.read_text()), BuildOptions(package=package))
        for package, g in full_packages.items()
    }


def oauth2_client_json(client_id: str) -> dict[str, Any]:
    """One OAuth2 client of the two-endpoint spec as the API sends it, the least it must hold."""
    return {
        "redirect_uris": ["https://example.com/cb"],
        "client_name": client_id,
        "created_at": "2023-11-07T05:31:56Z",
        "modified_at": None,
        "client_id": client_id,
        "client_secret": "secret",
        "client_id_issued_at": 1,
        "client_secret_expires_at": 0,
    }


# --- the real-world corpus (../shared/specs/realworld), generated once per session ---------------
# Used by tests/test_realworld.py and tests/test_examples_oracle.py.

import re as _re

REALWORLD = SHARED_SPECS / "realworld"
REALWORLD_SPECS = sorted(p for p in REALWORLD.glob("*") if p.suffix in (".json", ".yaml", ".yml"))
_REALWORLD_PARALLEL = 2


def realworld_package(spec: Path) -> str:
    return "rw_" + _re.sub(r"\W", "_", spec.stem)


@_dataclass(frozen=True)
class Outcome:
    spec: Path
    out: Path
    package: str
    code: int
    stderr: str

    def text(self) -> str:
        lines = [line.replace(str(self.spec), "{spec}") for line in self.stderr.splitlines()]
        lines = [line for line in lines if not line.startswith("Wrote ")]
        return f"exit {self.code}\n" + "".join(line + "\n" for line in lines)


@pytest.fixture(scope="session")
def realworld(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Outcome]:
    """Every document generated once per session, two at a time (one per core)."""
    if not REALWORLD_SPECS:
        pytest.fail(f"no real-world documents in {REALWORLD}", pytrace=False)
    root = tmp_path_factory.mktemp("realworld")
    env = {**os.environ, "POLAR_CODEGEN_CACHE_DIR": "off"}
    pending = list(REALWORLD_SPECS)
    running: dict[Path, tuple[subprocess.Popen[bytes], Path, Path]] = {}
    done: dict[str, Outcome] = {}
    deadline = _time.monotonic() + 900
    while pending or running:
        while pending and len(running) < _REALWORLD_PARALLEL:
            spec = pending.pop(0)
            # A folder of its own: runs writing beside each other take turns (a lock on the
            # parent folder), which would add a line about waiting to the pinned output.
            out, err = root / spec.stem / "out", root / f"{spec.name}.stderr"
            command = [
                sys.executable, "-m", "generator", "generate", "--spec", str(spec),
                "--out", str(out), "--package-name", realworld_package(spec),
            ]  # fmt: skip
            with err.open("wb") as sink:
                process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=sink, env=env)
            running[spec] = (process, out, err)
        for spec, (process, out, err) in list(running.items()):
            if process.poll() is not None:
                stderr = err.read_text(encoding="utf-8", errors="replace")
                done[spec.name] = Outcome(spec, out, realworld_package(spec), process.returncode, stderr)
                del running[spec]
        if _time.monotonic() > deadline:
            for process, _, _ in running.values():
                process.kill()
            pytest.fail("generating the real-world documents took more than 900 s", pytrace=False)
        _time.sleep(0.05)
    return done


def import_outcome(outcome: Outcome) -> ModuleType:
    """A generated real-world package, imported (once) with every module of it."""
    if str(outcome.out) not in sys.path:
        sys.path.insert(0, str(outcome.out))
    importlib.invalidate_caches()
    module = importlib.import_module(outcome.package)
    for sub in ("_client", "_base", "models", "errors"):
        importlib.import_module(f"{outcome.package}.{sub}")
    return module
