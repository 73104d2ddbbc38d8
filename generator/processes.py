"""Whether this process may fork workers, and how many: one rule for the stages that do;
and one call run in a forked child."""

from __future__ import annotations

import os
import pickle
import signal
import sys
import threading
from collections.abc import Callable
from typing import NoReturn

# Set in a Forked child: it does its one call alone. A pool it started would outlive the
# child when the parent stops it (SIGTERM ends the child, not the pool's workers), and two
# pools would compete for the same cores.
_in_child = False


def fork_workers() -> int:
    """Cores this process may use, when fork() is cheap and safe here (Linux, a process
    with no other thread, not itself a Forked child); else 1, and the caller does the work
    itself."""
    if _in_child or not sys.platform.startswith("linux") or threading.active_count() != 1:
        return 1
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


class Forked:
    """One call run in a forked child while this process goes on, its outcome read back
    through a pipe. os.fork and pickle rather than multiprocessing, whose import and start
    alone cost a small run about 20 ms."""

    def __init__(self, call: Callable[[], object]) -> None:
        """Raises OSError when the system refuses the fork (no memory, a process limit):
        the caller then does the work itself."""
        read_end, write_end = os.pipe()
        try:
            pid = os.fork()
        except OSError:
            os.close(read_end)
            os.close(write_end)
            raise
        if pid == 0:
            os.close(read_end)
            _answer(call, write_end)
        os.close(write_end)
        self._pid: int | None = pid
        self._pipe: int | None = read_end

    def outcome(self) -> tuple[str, object]:
        """Waits for the child. ("ok", what the call returned), ("error", (summary,
        traceback)) of what it raised, or ("died", exit code; minus the signal that
        killed it) when it left no answer."""
        data = b""
        if self._pipe is not None:
            with open(self._pipe, "rb") as pipe:  # closes the descriptor
                self._pipe = None
                try:
                    data = pipe.read()
                except BaseException:  # Ctrl-C while waiting, say: no child left behind
                    self.cancel()
                    raise
        code = self._reap()
        try:
            kind, value = pickle.loads(data)
        except Exception:  # noqa: BLE001 - nothing, or part of an answer: killed while writing
            return "died", code
        return kind, value

    def cancel(self) -> None:
        """Stops the child if it still runs; its answer is not wanted."""
        if self._pid is not None:
            try:
                os.kill(self._pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
        if self._pipe is not None:
            os.close(self._pipe)
            self._pipe = None
        self._reap()

    def _reap(self) -> int | None:
        if self._pid is None:
            return None
        _, status = os.waitpid(self._pid, 0)
        self._pid = None
        return os.waitstatus_to_exitcode(status)


def _answer(call: Callable[[], object], fd: int) -> NoReturn:
    """In the child: the call's outcome into the pipe, then out at once (os._exit: none of
    the parent's exit handlers or buffered output may run twice)."""
    global _in_child
    _in_child = True
    code = 0
    try:
        try:
            outcome: tuple[str, object] = ("ok", call())
        except BaseException as exc:  # noqa: BLE001 - handed to the parent, which reports it
            import traceback

            outcome = ("error", (f"{type(exc).__name__}: {exc}", traceback.format_exc()))
        with open(fd, "wb") as pipe:
            pipe.write(pickle.dumps(outcome))
    except BaseException:  # noqa: BLE001 - no answer: the parent reports the exit code
        code = 1
    finally:
        os._exit(code)
