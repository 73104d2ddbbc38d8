"""Every public document in ../shared/specs/realworld/ through the generator, as a user
would run it: default options, one command.

What each run says is pinned in `tests/realworld/<file>.expected` (the exit code and every
line on stderr, the spec's path written `{spec}`), so any change in the warnings or errors
a real document gets shows in review. `UPDATE_REALWORLD=1` rewrites them; read the diff.
Each document that generates is then imported, every operation must be callable where the
IR places it, on the sync and the async client, and all of them pass `mypy --strict`.
"""

from __future__ import annotations

import importlib
import os
import re
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

import pytest
from conftest import ROOT, SHARED_SPECS, TESTS

REALWORLD = SHARED_SPECS / "realworld"
SPECS = sorted(p for p in REALWORLD.glob("*") if p.suffix in (".json", ".yaml", ".yml"))
EXPECTED = TESTS / "realworld"
UPDATE = os.environ.get("UPDATE_REALWORLD") == "1"
PARALLEL = 2


def package_of(spec: Path) -> str:
    return "rw_" + re.sub(r"\W", "_", spec.stem)


def _pinned(spec: Path) -> Path:
    return EXPECTED / f"{spec.name}.expected"


def _pinned_exit(spec: Path) -> int | None:
    """The exit code the pinned outcome gives (read at collection), or None when unpinned."""
    path = _pinned(spec)
    if not path.is_file():
        return None
    first = path.read_text(encoding="utf-8").split("\n", 1)[0]
    return int(first.removeprefix("exit ")) if first.startswith("exit ") else None


GENERATING = [s for s in SPECS if _pinned_exit(s) == 0]


@dataclass(frozen=True)
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
    if not SPECS:
        pytest.fail(f"no real-world documents in {REALWORLD}", pytrace=False)
    root = tmp_path_factory.mktemp("realworld")
    env = {**os.environ, "POLAR_CODEGEN_CACHE_DIR": "off"}
    pending = list(SPECS)
    running: dict[Path, tuple[subprocess.Popen[bytes], Path, Path]] = {}
    done: dict[str, Outcome] = {}
    deadline = time.monotonic() + 900
    while pending or running:
        while pending and len(running) < PARALLEL:
            spec = pending.pop(0)
            # A folder of its own: runs writing beside each other take turns (a lock on the
            # parent folder), which would add a line about waiting to the pinned output.
            out, err = root / spec.stem / "out", root / f"{spec.name}.stderr"
            command = [
                sys.executable, "-m", "generator", "generate", "--spec", str(spec),
                "--out", str(out), "--package-name", package_of(spec),
            ]  # fmt: skip
            with err.open("wb") as sink:
                process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=sink, env=env)
            running[spec] = (process, out, err)
        for spec, (process, out, err) in list(running.items()):
            if process.poll() is not None:
                stderr = err.read_text(encoding="utf-8", errors="replace")
                done[spec.name] = Outcome(spec, out, package_of(spec), process.returncode, stderr)
                del running[spec]
        if time.monotonic() > deadline:
            for process, _, _ in running.values():
                process.kill()
            pytest.fail("generating the real-world documents took more than 900 s", pytrace=False)
        time.sleep(0.05)
    return done


def test_the_corpus_is_there() -> None:
    assert len(SPECS) >= 16, SPECS
    assert {_pinned(s).name for s in SPECS} == {p.name for p in EXPECTED.glob("*.expected")} or UPDATE


@pytest.mark.parametrize("spec", SPECS, ids=lambda s: s.name)
def test_what_the_generator_says_is_pinned(spec: Path, realworld: dict[str, Outcome]) -> None:
    outcome = realworld[spec.name]
    assert outcome.code in (0, 2), f"exit {outcome.code} on {spec.name}:\n{outcome.stderr}"
    text = outcome.text()
    if UPDATE:
        EXPECTED.mkdir(exist_ok=True)
        _pinned(spec).write_text(text, encoding="utf-8")
    assert _pinned(spec).read_text(encoding="utf-8") == text


def _import(outcome: Outcome) -> ModuleType:
    if str(outcome.out) not in sys.path:
        sys.path.insert(0, str(outcome.out))
    importlib.invalidate_caches()
    module = importlib.import_module(outcome.package)
    for sub in ("_client", "_base", "models", "errors"):
        importlib.import_module(f"{outcome.package}.{sub}")
    return module


@pytest.mark.parametrize("spec", GENERATING, ids=lambda s: s.name)
def test_every_operation_is_callable_where_the_ir_puts_it(spec: Path, realworld: dict[str, Outcome]) -> None:
    from generator.build import BuildOptions, build
    from generator.spec.load import load

    outcome = realworld[spec.name]
    assert outcome.code == 0, outcome.stderr
    package = _import(outcome)
    api = build(load(spec).data, BuildOptions(package=outcome.package))
    assert api.operations, f"{spec.name} has no operations"
    for cls in (package.Client, package.AsyncClient):
        client = cls(base_url="http://127.0.0.1:9")
        for op in api.operations:
            target = client
            for part in op.python_path.split("."):
                target = getattr(target, part)
            assert callable(target), f"{cls.__name__}.{op.python_path}"


@pytest.mark.slow
def test_every_generated_package_passes_mypy_strict(realworld: dict[str, Outcome], tmp_path: Path) -> None:
    packages = [realworld[s.name] for s in GENERATING]
    assert packages, "no real-world document generates"
    paths = [str(o.out / o.package) for o in packages]
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--python-version", "3.10", "--cache-dir", str(tmp_path), *paths],
        capture_output=True, text=True, check=False, timeout=900,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout[-5000:]
