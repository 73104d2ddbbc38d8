"""Which constraint changes of `polar-codegen diff` accept fewer values, and which more."""

from __future__ import annotations

from generator.inspect.diff.constraints import constraint_changes


def test_bounds_move_in_the_direction_that_matters() -> None:
    tightened, loosened = constraint_changes(
        (("maximum", "100"), ("minLength", "1")), (("maximum", "50"), ("minLength", "0"))
    )
    assert tightened == ["maximum 100 -> 50"]
    assert loosened == ["minLength 1 -> 0"]


def test_added_tightens_removed_loosens_other_changes_tighten() -> None:
    tightened, loosened = constraint_changes(
        (("pattern", "^a"), ("maxItems", "3")), (("pattern", "^b"), ("minimum", "0"))
    )
    assert loosened == ["maxItems 3 removed"]
    assert tightened == ["pattern ^a -> ^b", "minimum 0 added"]


def test_unchanged_is_no_change() -> None:
    assert constraint_changes((("maximum", "5"),), (("maximum", "5"),)) == ([], [])
