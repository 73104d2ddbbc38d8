"""Whether this process may fork workers, and how many: one rule for the stages that do."""

from __future__ import annotations

import os
import sys
import threading


def fork_workers() -> int:
    """Cores this process may use, when fork() is cheap and safe here (Linux, a process
    with no other thread); else 1, and the caller does the work itself."""
    if not sys.platform.startswith("linux") or threading.active_count() != 1:
        return 1
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1
