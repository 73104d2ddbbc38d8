"""check's report: the summary line first, the files people read, the manifest summarised."""

from __future__ import annotations

from pathlib import Path

from generator.output.drift import Drift
from generator.output.drift_report import drift_report
from generator.output.manifest import MANIFEST

OUT = Path("client")


def diff(path: str) -> Drift:
    return Drift(path, f"--- a/{path}\n+++ b/{path}\n")


def test_the_manifest_is_named_last_and_not_diffed() -> None:
    report = drift_report(OUT, [diff(MANIFEST), diff("README.md"), diff("pkg/models.py")])
    assert report.summary == (
        "polar-codegen check: 2 files in client differ from the spec "
        f"(README.md, pkg/models.py, the manifest {MANIFEST}); "
        "run `polar-codegen generate` and commit the result."
    )
    assert report.diffs == diff("README.md").diff + diff("pkg/models.py").diff
    assert report.footer.splitlines() == [
        (
            f"{OUT / MANIFEST} differs too (the generator's record of the files it wrote and their "
            "hashes); not shown."
        ),
        "client: 2 files differ from the spec; run `polar-codegen generate`.",
    ]


def test_many_files_are_counted_not_listed() -> None:
    report = drift_report(OUT, [diff(f"pkg/m{i}.py") for i in range(8)])
    assert "(pkg/m0.py, pkg/m1.py, pkg/m2.py, pkg/m3.py, pkg/m4.py, 3 more)" in report.summary
    assert report.summary.startswith("polar-codegen check: 8 files in client differ")


def test_a_manifest_that_alone_differs_is_shown() -> None:
    report = drift_report(OUT, [diff(MANIFEST)])
    assert report.summary.startswith("polar-codegen check: 1 file in client differs from the spec (")
    assert report.diffs == diff(MANIFEST).diff
    assert report.footer == "client: 1 file differs from the spec; run `polar-codegen generate`."
