"""The command's entry point (cli.run) ends as the interpreter would, minus the collector's
last walk over what the run kept: the exit code is main()'s, the output is flushed, and
exit handlers run."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import ROOT, SPEC

PROBE = """
import atexit, gc, sys
from generator.cli import run
atexit.register(lambda: print("handler ran; frozen:", gc.get_freeze_count() > 0, file=sys.stderr))
sys.argv[1:] = {args!r}
run()
"""


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", PROBE.format(args=list(args))],
        cwd=ROOT, capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip


def test_the_entry_point_keeps_exit_codes_output_and_exit_handlers(tmp_path: Path) -> None:
    out = tmp_path / "out"
    done = _run("generate", "--spec", str(SPEC), "--out", str(out))
    assert done.returncode == 0 and "changed file(s) to" in done.stderr
    assert done.stderr.endswith("handler ran; frozen: True\n")
    (out / "polar_oauth2" / "models.py").write_text("# edited by hand\n")
    drift = _run("check", "--spec", str(SPEC), "--out", str(out))
    # The diff is on stdout, buffered until the exit: all of it arrives.
    assert drift.returncode == 1 and drift.stdout.startswith("--- ") and "# edited by hand" in drift.stdout
    bad = tmp_path / "bad.yaml"
    bad.write_text("openapi: 3.1.0\ninfo: {title: t}\npaths: {}\n")
    refused = _run("generate", "--spec", str(bad), "--out", str(tmp_path / "other"))
    assert refused.returncode == 2 and "bad.yaml:" in refused.stderr

