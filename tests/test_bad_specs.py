"""The bad-spec corpus: every file in tests/bad_specs/ is refused the way its `.expected` says.

A case is `NAME.expected` plus its spec: the file `NAME.<ext>` beside it, or the folder
`NAME/` holding `openapi.yaml` (or `openapi.json`) and whatever else it refers to. The
`.expected` file is the exact stderr of `polar-codegen generate`, one problem per line, with
the spec's path written as `{spec}` and its folder as `{dir}`; lines at the top starting with
`# args:` add command-line arguments. For every case:

- exit code 2, every problem on its own `FILE:LINE:COL: #POINTER: message (hint: ...)` line,
  exactly as expected, then the count of errors, and no traceback; a warning found beside
  the errors is listed among them (`#POINTER: warning: message`) and not counted. Specs
  whose defects are all recoverable are in tests/warning_specs/ (test_warning_specs.py);
- `polar-codegen check` prints the same lines;
- an output folder generated from a valid spec is unchanged, byte for byte.

After an intended change of messages, `UPDATE_BAD_SPECS=1 pytest tests/test_bad_specs.py`
rewrites the `.expected` files; review the diff like any other change.
"""

from __future__ import annotations

import os
import re
import shlex
import sys
from pathlib import Path

import pytest
from conftest import ROOT, SPEC, generate_in_process, run_cli, tree

from generator.cli import main

CORPUS = ROOT / "tests" / "bad_specs"
UPDATE = os.environ.get("UPDATE_BAD_SPECS") == "1"
LINE = re.compile(r"^(?P<file>.+?):(?P<line>\d+):(?P<col>\d+): #(?P<pointer>\S*): (?P<message>.+)$")
SUMMARY = re.compile(r"^\d+ problems?; nothing was written\.$")


def cases() -> list[str]:
    return sorted(p.name.removesuffix(".expected") for p in CORPUS.glob("*.expected"))


def spec_of(name: str) -> Path:
    folder = CORPUS / name
    if folder.is_dir():
        for candidate in ("openapi.yaml", "openapi.json"):
            if (folder / candidate).is_file():
                return folder / candidate
        raise AssertionError(f"{folder} has no openapi.yaml or openapi.json")
    found = [p for p in CORPUS.glob(name + ".*") if p.suffix != ".expected" and p.stem == name]
    assert len(found) == 1, f"case {name}: expected one spec file, found {found}"
    return found[0]


def read_expected(name: str) -> tuple[list[str], list[str]]:
    """(directive lines, expected stderr lines)."""
    lines = (CORPUS / f"{name}.expected").read_text(encoding="utf-8").splitlines()
    directives = [line for line in lines if line.startswith("# ")]
    body = [line for line in lines if not line.startswith("# ")]
    return directives, body


def arguments(directives: list[str]) -> list[str]:
    args: list[str] = []
    for line in directives:
        if line.startswith("# args:"):
            args += shlex.split(line.removeprefix("# args:"))
    return args


def placeholders(text: str, spec: Path) -> str:
    return text.replace(str(spec.parent), "{dir}").replace("{dir}/" + spec.name, "{spec}")


def run_in_process(
    capsys: pytest.CaptureFixture[str], command: str, spec: Path, out: Path, extra: list[str]
) -> tuple[int, str]:
    argv = [command, "--spec", str(spec), "--out", str(out), "--package-name", "polar_oauth2", *extra]
    code = main(argv)
    captured = capsys.readouterr()
    assert captured.out == "", f"{command} wrote to stdout:\n{captured.out}"
    return code, captured.err


@pytest.fixture(scope="module")
def baseline(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, bytes]]:
    """An output folder with a client generated from a valid spec, and its bytes."""
    out = tmp_path_factory.mktemp("baseline") / "out"
    generate_in_process(SPEC, out, "polar_oauth2")
    return out, tree(out)


def test_the_corpus_is_big_enough() -> None:
    assert len(cases()) >= 40, cases()
    # Every spec file belongs to a case.
    names = set(cases())
    for path in CORPUS.iterdir():
        stem = path.name if path.is_dir() else path.name.split(".")[0]
        assert stem in names, f"{path} has no {stem}.expected"


@pytest.mark.parametrize("name", cases())
def test_bad_spec(
    name: str, baseline: tuple[Path, dict[str, bytes]], capsys: pytest.CaptureFixture[str]
) -> None:
    out, before = baseline
    spec = spec_of(name)
    directives, expected = read_expected(name)
    extra = arguments(directives)
    code, stderr = run_in_process(capsys, "generate", spec, out, extra)
    actual = placeholders(stderr, spec).splitlines()
    if UPDATE:
        text = "\n".join(directives + actual) + "\n"
        (CORPUS / f"{name}.expected").write_text(text, encoding="utf-8")
        expected = actual
    assert code == 2, f"exit code {code}, stderr:\n{stderr}"
    assert "Traceback" not in stderr
    assert "internal error" not in stderr
    # One line per problem, in the format, then the count.
    assert actual and SUMMARY.match(actual[-1]), actual
    problems = actual[:-1]
    assert problems, "no problem reported"
    for line in problems:
        assert LINE.match(line), f"not FILE:LINE:COL: #POINTER: message: {line!r}"
    # The count is of errors; warnings found on the way are listed too.
    count = int(actual[-1].split()[0])
    errors = [line for line in problems if not LINE.match(line)["message"].startswith("warning: ")]  # type: ignore[index]
    assert errors, "only warnings: the case belongs in tests/warning_specs/"
    assert count == len(errors)
    assert actual == expected, "\n".join(["stderr differs from the .expected file:", *actual])
    # `check` reports the very same problems.
    code, stderr = run_in_process(capsys, "check", spec, out, extra)
    assert code == 2
    assert placeholders(stderr, spec).splitlines() == expected
    # Nothing was written, deleted or touched.
    assert tree(out) == before


# A few hostile specs in a child process, as a user runs them: never a traceback, with
# --debug or without (bad input is not a bug to debug).
@pytest.mark.parametrize("name", ["alias-bomb", "deep-nesting-yaml", "python-tag", "binary", "hostile-structure"])
def test_no_traceback_in_a_real_process(name: str, tmp_path: Path) -> None:
    spec = spec_of(name)
    for debug in ([], ["--debug"]):
        result = run_cli("generate", "--spec", str(spec), "--out", str(tmp_path / "out"), *debug)
        assert result.returncode == 2, result.stderr
        assert "Traceback" not in result.stderr
        assert not (tmp_path / "out").exists()


def test_expected_files_name_no_machine_paths() -> None:
    for path in CORPUS.glob("*.expected"):
        text = path.read_text(encoding="utf-8")
        assert str(ROOT) not in text and "/tmp/" not in text, path
        assert sys.prefix not in text, path
