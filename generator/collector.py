"""What a run keeps to its end, kept out of the cyclic garbage collector's passes.

The parsed document and the IR live until the run returns, and hold no garbage: yet the
collector walks all of them, over and over, while the build and the views make new objects
(on Polar's API about 60 ms of a one-schema regenerate; half of it once they are frozen).
Frozen, they are skipped, and the collector's passes no longer write to the pages a forked
child (the models' half of rendering; validation with --allow-file-refs) shares with this
process.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (mypy reads the name)
if TYPE_CHECKING:
    from collections.abc import Callable


@contextmanager
def lasting() -> Iterator[Callable[[], None]]:
    """Within it, the function it gives freezes every object that exists so far; at the
    end all of them are handed back to the collector, so that a program that generates
    many clients collects each run's cycles as usual. A process that froze objects of its
    own is left alone: handing them back would undo its choice."""
    ours = gc.get_freeze_count() == 0
    try:
        yield gc.freeze if ours else _leave
    finally:
        if ours:
            gc.unfreeze()


def _leave() -> None:
    pass
