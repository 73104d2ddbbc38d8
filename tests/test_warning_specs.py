"""The warning corpus: every spec in tests/warning_specs/ generates, with exactly the
warnings its `.expected` says, and `--strict` refuses it with the same lines as errors.

A case is `NAME.expected` plus the spec `NAME.<ext>` beside it. The `.expected` file is the
exact stderr of `polar-codegen generate` up to the line saying what was written, with the
spec's path written as `{spec}`; lines at the top starting with `# args:` add command-line
arguments. `UPDATE_WARNING_SPECS=1 pytest tests/test_warning_specs.py` rewrites the
`.expected` files; review the diff like any other change.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from conftest import ROOT
from test_bad_specs import arguments, placeholders

from generator.cli import main

CORPUS = ROOT / "tests" / "warning_specs"
UPDATE = os.environ.get("UPDATE_WARNING_SPECS") == "1"
WARNING = re.compile(r"^(?P<file>.+?):\d+:\d+: #\S*: warning: .+$")
SUMMARY = re.compile(r"^\d+ warnings?; --strict makes them errors\.$")


def cases() -> list[str]:
    return sorted(p.name.removesuffix(".expected") for p in CORPUS.glob("*.expected"))


def spec_of(name: str) -> Path:
    found = [p for p in CORPUS.glob(name + ".*") if p.suffix != ".expected" and p.stem == name]
    assert len(found) == 1, f"case {name}: expected one spec file, found {found}"
    return found[0]


def run(capsys: pytest.CaptureFixture[str], spec: Path, out: Path, extra: list[str]) -> tuple[int, list[str]]:
    code = main(["generate", "--spec", str(spec), "--out", str(out), "--package-name", "warned", *extra])
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = placeholders(captured.err, spec).splitlines()
    return code, [line for line in lines if not line.startswith("Wrote ")]


def test_every_spec_has_its_expected_file() -> None:
    names = set(cases())
    assert len(names) >= 3
    for path in CORPUS.iterdir():
        assert path.name.split(".")[0] in names, f"{path} has no .expected file"


@pytest.mark.parametrize("name", cases())
def test_warning_spec(name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    spec = spec_of(name)
    lines = (CORPUS / f"{name}.expected").read_text(encoding="utf-8").splitlines()
    directives = [line for line in lines if line.startswith("# ")]
    expected = [line for line in lines if not line.startswith("# ")]
    extra = arguments(directives)
    code, actual = run(capsys, spec, tmp_path / "out", extra)
    if UPDATE:
        (CORPUS / f"{name}.expected").write_text("\n".join(directives + actual) + "\n", encoding="utf-8")
        expected = actual
    assert code == 0, "\n".join(actual)
    assert (tmp_path / "out" / "warned" / "__init__.py").is_file()
    assert actual and SUMMARY.match(actual[-1]), actual
    assert all(WARNING.match(line) for line in actual[:-1]), actual
    assert int(actual[-1].split()[0]) == len(actual) - 1
    assert actual == expected, "\n".join(["stderr differs from the .expected file:", *actual])
    # --strict: the same lines, each counted as a problem, exit 2, nothing written.
    code, strict = run(capsys, spec, tmp_path / "strict", [*extra, "--strict"])
    assert code == 2, "\n".join(strict)
    count = len(expected) - 1
    assert strict == [*expected[:-1], f"{count} problem{'s' if count != 1 else ''}; nothing was written."]
    assert not (tmp_path / "strict").exists()
