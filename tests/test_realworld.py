"""Every public document in ../shared/specs/realworld/ through the generator, as a user
would run it: default options, one command.

What each run says is pinned in `tests/realworld/<file>.expected` (the exit code and every
line on stderr, the spec's path written `{spec}`), so any change in the warnings or errors
a real document gets shows in review. `UPDATE_REALWORLD=1` rewrites them; read the diff.
Each document that generates is then imported, every operation must be callable where the
IR places it, on the sync and the async client, and all of them pass `mypy --strict`.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REALWORLD_SPECS as SPECS
from conftest import TESTS, Outcome, import_outcome

EXPECTED = TESTS / "realworld"
UPDATE = os.environ.get("UPDATE_REALWORLD") == "1"


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


@pytest.mark.parametrize("spec", GENERATING, ids=lambda s: s.name)
def test_every_operation_is_callable_where_the_ir_puts_it(spec: Path, realworld: dict[str, Outcome]) -> None:
    from generator.build import BuildOptions, build
    from generator.spec.load import load

    outcome = realworld[spec.name]
    assert outcome.code == 0, outcome.stderr
    package = import_outcome(outcome)
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
