"""The warning corpus: every spec in tests/warning_specs/ has a recoverable defect, and
generates a working client that does what its warnings say.

A case is `NAME.yaml` (or `.json`) and `NAME.expected`: the exact warning lines of
`polar-codegen generate` (the spec's path written as `{spec}`) and the count, with
directives at the top about the generated source:

    # contains: _client.py: limit: int | None = None
    # lacks: models.py: = 0
    # args: --include-operations items:get

For every case:

- exit code 0, each warning on its own `FILE:LINE:COL: #POINTER: warning: message` line,
  exactly as expected, then the count; `check` on the generated folder says the same and
  that it is up to date;
- the generated package imports, and its source holds (or lacks) what the directives say;
- with `--strict` every warning is an error: exit 2, the same lines (still marked
  `warning:`, so the user sees what would pass without it), all counted as problems, and
  nothing written.

`UPDATE_WARNING_SPECS=1 pytest tests/test_warning_specs.py` rewrites the warning lines of
the `.expected` files (directives are kept); review the diff.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

from generator.cli import main

CORPUS = ROOT / "tests" / "warning_specs"
UPDATE = os.environ.get("UPDATE_WARNING_SPECS") == "1"
LINE = re.compile(r"^\{spec\}:\d+:\d+: #\S*: warning: .+$")
SUMMARY = re.compile(r"^(\d+) warnings?; --strict makes them errors\.$")
PACKAGE = "polar_oauth2"


def cases() -> list[str]:
    return sorted(p.stem for p in CORPUS.glob("*.expected"))


def spec_of(name: str) -> Path:
    found = [p for p in CORPUS.glob(name + ".*") if p.suffix in (".yaml", ".json")]
    assert len(found) == 1, found
    return found[0]


def read_expected(name: str) -> tuple[list[str], list[str]]:
    path = CORPUS / f"{name}.expected"
    lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    return [x for x in lines if x.startswith("# ")], [x for x in lines if not x.startswith("# ")]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, list[str]]:
    code = main(list(argv))
    captured = capsys.readouterr()
    assert captured.out == "", captured.out
    return code, captured.err.splitlines()


def test_every_spec_has_its_expected_file() -> None:
    specs = {p.stem for p in CORPUS.iterdir() if p.suffix in (".yaml", ".json")}
    assert specs == set(cases()), specs ^ set(cases())
    assert len(specs) >= 11


@pytest.mark.parametrize("name", cases())
def test_warning_spec(name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    spec = spec_of(name)
    directives, expected = read_expected(name)
    args = [a for d in directives if d.startswith("# args: ") for a in d.removeprefix("# args: ").split()]
    directives = [d for d in directives if not d.startswith("# args: ")]
    out = tmp_path / "out"
    common = ["--spec", str(spec), "--out", str(out), "--package-name", PACKAGE, *args]
    code, err = run(capsys, "generate", *common)
    assert code == 0, "\n".join(err)
    assert err and err[-1].startswith("Wrote "), err
    actual = [line.replace(str(spec), "{spec}") for line in err[:-1]]
    if UPDATE:
        kept = [d for d in read_expected(name)[0]]
        (CORPUS / f"{name}.expected").write_text("\n".join(kept + actual) + "\n", encoding="utf-8")
        expected = actual
    assert actual == expected, "\n".join(["stderr differs from the .expected file:", *actual])
    summary = SUMMARY.match(actual[-1])
    assert summary and int(summary.group(1)) == len(actual) - 1 >= 1, actual
    assert all(LINE.match(line) for line in actual[:-1]), actual
    # `check` warns the same and finds the folder up to date.
    code, err = run(capsys, "check", "--full", *common)
    assert code == 0 and [line.replace(str(spec), "{spec}") for line in err[:-1]] == expected, err
    # The client imports and holds what the directives say.
    imported = subprocess.run(
        [sys.executable, "-c", f"import {PACKAGE}, {PACKAGE}.models"],
        cwd=out, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert imported.returncode == 0, imported.stderr
    for directive in directives:
        verb, _, rest = directive.removeprefix("# ").partition(": ")
        file, _, text = rest.partition(": ")
        source = (out / PACKAGE / file).read_text(encoding="utf-8")
        assert verb in ("contains", "lacks"), directive
        assert (text in source) == (verb == "contains"), f"{directive}\n{source}"
    # --strict: the same defects, as errors; nothing written.
    strict_out = tmp_path / "strict"
    code, err = run(capsys, "generate", "--strict", *common[:2], "--out", str(strict_out), *common[4:])
    assert common[2:4] == ["--out", str(out)]
    assert code == 2
    errors = [line.replace(str(spec), "{spec}") for line in err]
    assert errors == expected[:-1] + [
        f"{len(expected) - 1} problem{'s' if len(expected) > 2 else ''}; nothing was written."
    ]
    assert not strict_out.exists()
