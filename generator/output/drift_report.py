"""What `check` prints when the folder is stale, in the order a reader needs it (this is what
a pre-commit hook or a CI log shows): one line first naming the files that differ and what to
run, then the diffs of the files people read, and the manifest only summarised last (its
hashes change with every file, so its diff says nothing the others have not). When the
manifest alone differs, its diff is all there is to show, so it is shown."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .drift import Drift
from .manifest import MANIFEST

NAMED = 5  # files named in the summary line; the rest are counted


@dataclass(frozen=True)
class DriftReport:
    summary: str  # one line, printed first
    diffs: str  # the unified diffs of the files people read
    footer: str  # the manifest's line and the command again, after the diffs


def drift_report(out: Path, drift: list[Drift], *, fix: str = "polar-codegen generate") -> DriftReport:
    files = [item for item in drift if item.path != MANIFEST]
    manifest = [item for item in drift if item.path == MANIFEST]
    shown = files or manifest
    names = [item.path for item in files[:NAMED]]
    if len(files) > NAMED:
        names.append(f"{len(files) - NAMED} more")
    if manifest:
        names.append(f"the manifest {MANIFEST}")
    count = len(shown)
    verb = "file differs" if count == 1 else "files differ"
    where = verb.replace(" ", f" in {out} ", 1)
    summary = (
        f"polar-codegen check: {count} {where} from the spec ({', '.join(names)}); "
        f"run `{fix}` and commit the result."
    )
    footer = []
    if manifest and files:
        footer.append(
            f"{out / MANIFEST} differs too (the generator's record of the files it wrote and "
            "their hashes); not shown."
        )
    footer.append(f"{out}: {count} {verb} from the spec; run `{fix}`.")
    return DriftReport(summary, "".join(item.diff for item in shown), "\n".join(footer))
