"""Wording the Markdown and the text review share: the counts line, constraints."""

from __future__ import annotations

from .views import Review


def constraints_text(constraints: tuple[tuple[str, str], ...]) -> str:
    return ", ".join(f"{k} {v}" for k, v in constraints)


def counts(review: Review) -> str:
    return (
        f"{len(review.operations)} operation(s), {len(review.models)} model(s), "
        f"{len(review.enums)} enum(s), {len(review.aliases)} alias(es); "
        f"{len(review.findings)} finding(s)"
    )
