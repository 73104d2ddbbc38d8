"""processes.Forked: a call in a forked child, its outcome read back through a pipe."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest
from conftest import ROOT

from generator import processes
from generator.processes import Forked


def test_what_the_call_returns_comes_back() -> None:
    assert Forked(lambda: ["a", 1, (2, 3)]).outcome() == ("ok", ["a", 1, (2, 3)])


def test_an_answer_larger_than_a_pipe_holds_comes_back_whole() -> None:
    big = "x" * (4 << 20)
    assert Forked(lambda: big).outcome() == ("ok", big)


def test_what_the_call_raises_comes_back_with_its_traceback() -> None:
    def broken() -> None:
        raise ValueError("boom")

    kind, (summary, trace) = Forked(broken).outcome()
    assert (kind, summary) == ("error", "ValueError: boom")
    assert "in broken" in trace and trace.rstrip().endswith("ValueError: boom")


def test_a_child_that_leaves_without_an_answer_gives_its_exit_code() -> None:
    assert Forked(lambda: os._exit(9)).outcome() == ("died", 9)
    assert Forked(lambda: os.kill(os.getpid(), signal.SIGKILL)).outcome() == ("died", -signal.SIGKILL)


def test_an_answer_that_cannot_be_sent_is_no_answer() -> None:
    # A lambda does not pickle: the child exits 1 and the parent says so.
    assert Forked(lambda: (lambda: None)).outcome() == ("died", 1)


def test_cancel_stops_a_running_child_and_reaps_it() -> None:
    started = time.monotonic()
    child = Forked(lambda: time.sleep(60))
    pid = child._pid
    child.cancel()
    assert time.monotonic() - started < 30
    assert pid is not None
    try:
        os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        pass  # reaped already: no zombie left behind
    else:
        raise AssertionError("the cancelled child was not reaped")
    child.cancel()  # twice is harmless


def test_a_wait_cut_short_stops_and_reaps_the_child() -> None:
    class Interrupted(Exception):
        pass

    def interrupt(signum: int, frame: object) -> None:
        raise Interrupted

    child = Forked(lambda: time.sleep(60))
    pid = child._pid
    previous = signal.signal(signal.SIGALRM, interrupt)
    signal.setitimer(signal.ITIMER_REAL, 0.2)
    try:
        try:
            child.outcome()
        except Interrupted:
            pass
        else:
            raise AssertionError("outcome() returned although its wait was interrupted")
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    assert pid is not None and child._pid is None
    try:
        os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        pass
    else:
        raise AssertionError("the child was not reaped")


def test_the_parents_unflushed_output_is_not_written_again_by_the_child() -> None:
    script = (
        "import sys; from generator.processes import Forked\n"
        "sys.stdout.write('once\\n')\n"  # buffered: a pipe is not a terminal
        "print(Forked(lambda: 'done').outcome())\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=60, check=True
    )
    assert result.stdout == "once\n('ok', 'done')\n"


def test_a_child_killed_while_writing_its_answer_gave_none(monkeypatch: pytest.MonkeyPatch) -> None:
    # Part of a pickle, as a child killed mid-write leaves it, is no answer (not an error
    # of the parent's reading).
    monkeypatch.setattr(processes.pickle, "dumps", lambda outcome: b"\x80\x04\x95\xff\xff")
    assert Forked(lambda: "answer").outcome() == ("died", 0)


def test_a_fork_the_system_refuses_raises_and_leaks_no_descriptor(monkeypatch: pytest.MonkeyPatch) -> None:
    def refused() -> int:
        raise BlockingIOError("Resource temporarily unavailable")

    before = sorted(os.listdir("/proc/self/fd"))
    monkeypatch.setattr(processes.os, "fork", refused)
    with pytest.raises(OSError):
        Forked(lambda: None)
    assert sorted(os.listdir("/proc/self/fd")) == before


def test_a_child_forks_no_workers_of_its_own() -> None:
    # Stopping a child must stop all it started: its stages work alone.
    assert Forked(processes.fork_workers).outcome() == ("ok", 1)
