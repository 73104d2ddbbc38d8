"""Writes cannot be torn, and runs on one folder take turns.

`python -m generator generate` is killed with SIGKILL at random moments, over and over, while
it turns an output folder from state A (one spec, package `pkg_a`) into state B (another
spec, package `pkg_b`) and back. After every kill the folder must be byte for byte A or B,
the user's own files (a symlink, an empty folder, a read-only file, files inside our
package folder) included, untouched and the very same inodes. A test-only environment
variable (`POLAR_CODEGEN_TEST_WRITE_DELAY`) makes every step of the write stage sleep, so
most kills land in the middle of a write rather than before it.
"""

from __future__ import annotations

import os
import random
import shutil
import stat
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT, TESTS

from generator.output import renameat2
from generator.output import write as write_module
from generator.output.journal import JOURNAL
from generator.output.siblings import SIBLING
from generator.pipeline import Options, generate

SPEC_A, PACKAGE_A = TESTS / "specs" / "collisions.yaml", "pkg_a"
SPEC_B, PACKAGE_B = TESTS / "specs" / "enums.yaml", "pkg_b"
DELAY = "0.005"  # seconds per step of the write stage while tests kill it
# Per step, for a run that must still hold the lock when a second run (which takes half a
# second to start) gets there: two seconds or more of writing.
SLOW = "0.045"
KILLS_PER_WORKER = 26
SEED = 20261122

Entry = tuple[Any, ...]
Snapshot = dict[str, Entry]


def snapshot(folder: Path) -> Snapshot:
    """Everything under `folder`, symlinks not followed: kind, permission bits, bytes."""
    out: Snapshot = {}
    stack = [folder]
    while stack:
        current = stack.pop()
        with os.scandir(current) as entries:
            for entry in entries:
                path = Path(entry.path)
                rel = str(path.relative_to(folder))
                info = entry.stat(follow_symlinks=False)
                if stat.S_ISLNK(info.st_mode):
                    out[rel] = ("link", os.readlink(path))
                elif stat.S_ISDIR(info.st_mode):
                    out[rel] = ("dir", stat.S_IMODE(info.st_mode))
                    stack.append(path)
                else:
                    out[rel] = ("file", stat.S_IMODE(info.st_mode), path.read_bytes())
    return out


def describe(got: Snapshot, want: Snapshot) -> list[str]:
    """Where two snapshots differ, briefly."""
    return sorted(
        f"{p}: {'missing' if p not in got else 'extra' if p not in want else 'differs'}"
        for p in set(got) | set(want)
        if got.get(p) != want.get(p)
    )


def add_user_files(folder: Path) -> None:
    """Files polar-codegen did not write, in the places a user would put them."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "notes.txt").write_text("the user's own notes\n")
    (folder / "link-to-notes").symlink_to("notes.txt")
    (folder / "empty").mkdir(mode=0o700)
    os.chmod(folder / "empty", 0o700)
    (folder / "readonly.txt").write_text("do not touch\n")
    os.chmod(folder / "readonly.txt", 0o444)
    for i in range(6):
        deep = folder / "docs" / f"part{i % 2}"
        deep.mkdir(parents=True, exist_ok=True)
        (deep / f"page{i}.md").write_text(f"page {i}\n" * (i + 1))
    mine = folder / PACKAGE_A / "mine"
    mine.mkdir(parents=True, exist_ok=True)
    (mine / "keep.txt").write_text("inside the generated package's folder\n")


def user_inodes(folder: Path) -> dict[str, int]:
    return {
        rel: (folder / rel).lstat().st_ino
        for rel in ("notes.txt", "link-to-notes", "readonly.txt", f"{PACKAGE_A}/mine/keep.txt")
    }


def cli(command: str, out: Path, state: str, *extra: str) -> list[str]:
    spec, package = (SPEC_A, PACKAGE_A) if state == "A" else (SPEC_B, PACKAGE_B)
    return [
        sys.executable, "-m", "generator", command, "--spec", str(spec), "--out", str(out),
        "--package-name", package, *extra,
    ]  # fmt: skip


def run(command: str, out: Path, state: str, *extra: str, env: dict[str, str] | None = None) -> str:
    result = subprocess.run(
        cli(command, out, state, *extra),
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stderr


def siblings(out: Path) -> list[str]:
    return sorted(n for n in os.listdir(out.parent) if n.startswith(f".{out.name}.polar-codegen-"))


def wait_for(condition: Callable[[], bool], proc: subprocess.Popen[Any], limit: float = 30) -> bool:
    """Poll until `condition` holds (True) or the process ends (False)."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if condition():
            return True
        if proc.poll() is not None:
            return False
        time.sleep(0.002)
    raise AssertionError("the run neither started writing nor ended")


def exchange_supported(tmp: Path) -> bool:
    a, b = tmp / "probe-a", tmp / "probe-b"
    a.mkdir()
    b.mkdir()
    try:
        renameat2.renameat2(a, b, renameat2.RENAME_EXCHANGE)
        return True
    except renameat2.Unsupported:
        return False
    finally:
        a.rmdir()
        b.rmdir()


@dataclass
class States:
    a: Snapshot
    b: Snapshot
    run_seconds: float  # one whole run with the delay hook
    write_seconds: float  # from the first sign of writing to the end of the run

    def name(self, snap: Snapshot) -> str | None:
        return "A" if snap == self.a else "B" if snap == self.b else None


@pytest.fixture(scope="module")
def states(tmp_path_factory: pytest.TempPathFactory) -> States:
    """The two states, made by plain runs; also how long a delayed run and its write take."""
    if not sys.platform.startswith("linux"):
        pytest.skip("the directory swap is Linux's renameat2")
    root = tmp_path_factory.mktemp("reference")
    if not exchange_supported(root):
        pytest.skip("this file system cannot exchange two directories (RENAME_EXCHANGE)")
    out = root / "out"
    add_user_files(out)
    run("generate", out, "A")
    a = snapshot(out)
    run("generate", out, "B")
    b = snapshot(out)
    assert a != b and not siblings(out)
    env = {**os.environ, write_module._DELAY_ENV: DELAY}
    started = time.monotonic()
    proc = subprocess.Popen(cli("generate", out, "A"), cwd=ROOT, env=env, text=True)
    assert wait_for(lambda: bool(siblings(out)), proc)
    writing = time.monotonic()
    assert proc.wait(timeout=60) == 0
    ended = time.monotonic()
    assert snapshot(out) == a
    return States(a, b, ended - started, ended - writing)


@dataclass
class Tally:
    kills: int = 0
    finished: int = 0
    outcomes: dict[str, int] = field(default_factory=lambda: {"before": 0, "after": 0})
    with_leftovers: int = 0
    check_runs: int = 0
    failures: list[str] = field(default_factory=list)


def kill_worker(states: States, folder: Path, seed: int, tally: Tally, lock: threading.Lock) -> None:
    rng = random.Random(seed)
    out = folder / "out"
    add_user_files(out)
    run("generate", out, "A")
    inodes = user_inodes(out)
    state = "A"
    env = {**os.environ, write_module._DELAY_ENV: DELAY}
    kills = 0
    for trial in range(KILLS_PER_WORKER + 10):
        if kills == KILLS_PER_WORKER:
            break
        target = "B" if state == "A" else "A"
        before = set(siblings(out))
        proc = subprocess.Popen(
            cli("generate", out, target, "--quiet"),
            cwd=ROOT, env=env, text=True, stderr=subprocess.PIPE,
        )  # fmt: skip
        if trial % 4 == 0:
            # Anywhere in the run: loading, generating, waiting for the lock, writing.
            time.sleep(rng.uniform(0, states.run_seconds))
        elif wait_for(lambda: bool(set(siblings(out)) - before), proc):  # noqa: B023
            time.sleep(rng.uniform(0, states.write_seconds))
        proc.kill()
        _, err = proc.communicate(timeout=60)
        killed = proc.returncode == -9
        kills += killed
        found = states.name(snapshot(out))
        leftovers = siblings(out)
        with lock:
            if killed:
                tally.kills += 1
                tally.outcomes["after" if found == target else "before"] += 1
                tally.with_leftovers += bool(leftovers)
            else:
                tally.finished += 1
            if proc.returncode not in (0, -9):
                tally.failures.append(f"trial {trial}: exit {proc.returncode}: {err}")
            if found is None or (not killed and found != target):
                now = snapshot(out)
                tally.failures.append(
                    f"trial {trial} (seed {seed}, killed={killed}): torn folder: "
                    f"unlike A at {describe(now, states.a)}; unlike B at {describe(now, states.b)}"
                )
                return
            if user_inodes(out) != inodes:
                tally.failures.append(f"trial {trial}: the user's files were replaced")
                return
        if leftovers and tally.check_runs < 2:
            # `check` never writes, not even to clean up after a killed run.
            parent = snapshot(out.parent)
            subprocess.run(
                cli("check", out, found), cwd=ROOT, capture_output=True, timeout=60, check=False
            )
            with lock:
                tally.check_runs += 1
                if snapshot(out.parent) != parent:
                    tally.failures.append("check changed the folder or its leftovers")
        state = found
    # A run that is not killed cleans up every leftover and lands on its state.
    run("generate", out, "B")
    assert snapshot(out) == states.b, "the final run did not land on B"
    assert not siblings(out), f"leftovers not cleaned up: {siblings(out)}"
    assert user_inodes(out) == inodes
    run("check", out, "B")


@pytest.mark.slow
def test_sigkill_at_random_moments_never_tears_the_folder(
    states: States, tmp_path: Path
) -> None:
    tally, lock = Tally(), threading.Lock()
    errors: list[BaseException] = []

    def worker(i: int) -> None:
        try:
            # Each worker has its own parent folder: the lock is taken on the parent.
            kill_worker(states, tmp_path / f"worker{i}", SEED + i, tally, lock)
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if errors:
        raise errors[0]
    assert not tally.failures, "\n".join(tally.failures)
    print(f"\n{states.run_seconds=:.2f} {states.write_seconds=:.2f} {tally}")
    assert tally.kills == 2 * KILLS_PER_WORKER >= 50, tally
    # Kills landed on both sides of the swap, and in the middle of writes.
    assert tally.outcomes["before"] >= 5 and tally.outcomes["after"] >= 5, tally
    assert tally.with_leftovers >= 5, tally


def test_journal_fallback_rolls_forward_or_back(states: States, tmp_path: Path) -> None:
    """Where the directories cannot be swapped, a killed run may leave a mix on disk; the
    next `check` or `generate` finishes or drops the journal first, so the disk is A or B
    again before anything is compared (a half-applied folder is never called up to date)."""
    out = tmp_path / "out"
    add_user_files(out)
    run("generate", out, "A")
    inodes = user_inodes(out)
    files = {
        state: generate(Options(spec=spec, package=package)).files
        for state, spec, package in (("A", SPEC_A, PACKAGE_A), ("B", SPEC_B, PACKAGE_B))
    }
    rng = random.Random(SEED)
    env = {**os.environ, write_module._DELAY_ENV: DELAY, write_module._JOURNAL_ENV: "1"}
    journal = out / JOURNAL
    state, seen = "A", {"before": 0, "after": 0, "pending": 0}
    for trial in range(8):
        target = "B" if state == "A" else "A"
        proc = subprocess.Popen(
            cli("generate", out, target, "--quiet"), cwd=ROOT, env=env, stderr=subprocess.PIPE
        )
        if wait_for(journal.exists, proc):
            # Early: while the journal is written (rolled back); late: while it is applied.
            time.sleep(rng.uniform(0, 0.05) if trial % 2 else rng.uniform(0.05, 0.3))
        proc.kill()
        proc.communicate(timeout=60)
        seen["pending"] += journal.exists()
        if trial % 4 < 2:  # what `generate` does first
            write_module.recover(out)
            assert states.name(snapshot(out)) is not None, "recovery left a mix"
        clean = [s for s in ("A", "B") if not write_module.check(out, files[s])]
        assert len(clean) == 1, f"check sees neither state: {clean}"
        assert not journal.exists(), "check left the journal"
        assert states.name(snapshot(out)) == clean[0], "check vouched for a folder the disk does not hold"
        assert user_inodes(out) == inodes
        seen["after" if clean[0] == target else "before"] += 1
        state = clean[0]
    assert seen["before"] and seen["after"], seen


def test_two_runs_at_once_take_turns(states: States, tmp_path: Path) -> None:
    out = tmp_path / "out"
    add_user_files(out)
    run("generate", out, "A")
    slow = {**os.environ, write_module._DELAY_ENV: SLOW}
    first = subprocess.Popen(cli("generate", out, "B"), cwd=ROOT, env=slow, stderr=subprocess.PIPE, text=True)
    assert wait_for(lambda: bool(siblings(out)), first), "the first run never wrote"
    second = subprocess.Popen(cli("generate", out, "A"), cwd=ROOT, stderr=subprocess.PIPE, text=True)
    _, second_err = second.communicate(timeout=120)
    _, first_err = first.communicate(timeout=120)
    assert first.returncode == 0, first_err
    assert second.returncode == 0, second_err
    assert "another run is writing to" in second_err and "waiting up to 60 s" in second_err
    # The second run went last, whole: the folder is A, not a blend of A and B.
    assert snapshot(out) == states.a
    assert not siblings(out)


def test_a_run_that_waits_too_long_gives_up(states: States, tmp_path: Path) -> None:
    out = tmp_path / "out"
    add_user_files(out)
    run("generate", out, "A")
    slow = {**os.environ, write_module._DELAY_ENV: SLOW}
    first = subprocess.Popen(cli("generate", out, "B"), cwd=ROOT, env=slow, stderr=subprocess.PIPE, text=True)
    assert wait_for(lambda: bool(siblings(out)), first), "the first run never wrote"
    second = subprocess.run(
        cli("generate", out, "A", "--lock-timeout", "0.2"),
        cwd=ROOT, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert first.poll() is None, "the first run ended before the second gave up; make it slower"
    assert second.returncode == 2, second.stderr
    assert "gave up waiting, nothing was written" in second.stderr
    _, first_err = first.communicate(timeout=120)
    assert first.returncode == 0, first_err
    assert snapshot(out) == states.b


def test_check_waits_for_a_running_generate(states: States, tmp_path: Path) -> None:
    out = tmp_path / "out"
    add_user_files(out)
    run("generate", out, "A")
    slow = {**os.environ, write_module._DELAY_ENV: SLOW}
    first = subprocess.Popen(cli("generate", out, "B"), cwd=ROOT, env=slow, stderr=subprocess.PIPE, text=True)
    assert wait_for(lambda: bool(siblings(out)), first), "the first run never wrote"
    # Without the lock, check would read A (or half of each) and report drift.
    result = subprocess.run(
        cli("check", out, "B"), cwd=ROOT, capture_output=True, text=True, timeout=120, check=False
    )
    first.communicate(timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "waiting" in result.stderr


def test_first_run_and_leftovers(tmp_path: Path) -> None:
    """A folder that does not exist yet appears whole; a killed run's sibling tree is taken
    apart by the next run without losing a file of the user's made meanwhile."""
    out = tmp_path / "deep" / "out"
    run("generate", out, "A")
    assert (out / PACKAGE_A / "models.py").is_file() and not siblings(out)
    # A sibling as a run killed after the swap leaves it: the old tree, with one file of
    # the user's that was made in the folder after the run had hard-linked the others.
    old = tmp_path / "deep" / f".out{SIBLING}abcd1234"
    shutil.copytree(out, old, symlinks=True)
    (old / "late.txt").write_text("made during the run\n")
    (old / PACKAGE_A / "models.py").write_text("# an old generation\n")
    run("generate", out, "A")
    assert not old.exists()
    assert (out / "late.txt").read_text() == "made during the run\n"
    assert "# an old" not in (out / PACKAGE_A / "models.py").read_text()
