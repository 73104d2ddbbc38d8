"""What a run keeps to its end is frozen for the run only, and a process that froze
objects of its own keeps its choice."""

from __future__ import annotations

import gc

from generator.collector import lasting


def test_what_is_kept_is_frozen_for_the_run_only() -> None:
    assert gc.get_freeze_count() == 0
    with lasting() as keep:
        kept = [[] for _ in range(10)]
        keep()
        assert gc.get_freeze_count() >= len(kept)
    assert gc.get_freeze_count() == 0


def test_the_freeze_ends_when_the_run_fails() -> None:
    try:
        with lasting() as keep:
            keep()
            raise ValueError("a bad spec")
    except ValueError:
        pass
    assert gc.get_freeze_count() == 0


def test_a_process_that_froze_objects_itself_is_left_alone() -> None:
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        with lasting() as keep:
            keep()
            assert gc.get_freeze_count() == frozen
        assert gc.get_freeze_count() == frozen
    finally:
        gc.unfreeze()
