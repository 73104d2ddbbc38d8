"""The output lock where `fcntl` is missing (Windows): `filelock` on a file beside the folder,
so two runs take turns there too, instead of no lock at all."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import filelock  # noqa: F401 - loaded before fcntl is hidden: its FileLock stays the OS's lock
import pytest

from generator.output import lock

HOLDER = textwrap.dedent(
    """
    import sys
    from filelock import FileLock
    with FileLock(sys.argv[1], is_singleton=False):
        print("held", flush=True)
        sys.stdin.read()  # until the test closes our stdin
    """
)


def test_without_fcntl_a_second_run_waits_then_gives_up(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "fcntl", None)  # `import fcntl` raises ImportError, as on Windows
    out = tmp_path / "client"
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(lock.lock_file(out))],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "held\n"
        said: list[str] = []
        with (
            pytest.raises(lock.LockTimeout) as caught,
            lock.locked(out, exclusive=False, timeout=0.2, on_wait=said.append),
        ):
            pytest.fail("took a lock another process holds")
        assert said == [
            (
                f"polar-codegen: another run is writing to {out} (or to a folder beside it); "
                "waiting up to 0.2 s for it to finish..."
            )
        ]
        assert "nothing was checked" in str(caught.value)
        assert str(lock.lock_file(out)) in str(caught.value)
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait(timeout=60)
    # Once the other run is gone, the lock is ours, and again after we let it go.
    for _ in range(2):
        with lock.locked(out, exclusive=True, timeout=0, on_wait=None):
            pass


def test_without_fcntl_a_folder_with_no_parent_yet_needs_no_lock(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "fcntl", None)
    out = tmp_path / "not" / "yet" / "client"
    with lock.locked(out, exclusive=True, timeout=0, on_wait=None):
        pass
    assert not (tmp_path / "not").exists()
