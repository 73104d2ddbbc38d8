"""The machine refusing a write (a full disk, a read-only file system, `--out` under a regular
file) is the user's environment: one `polar-codegen: error:` line, exit 2, no traceback, and
the folder exactly as it was. Faults that need privileges to provoke for real (ENOSPC,
EROFS) are injected at the one call that writes a file's bytes, so the tests run as any
user, root included."""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import SPEC, run_cli, tree

import generator.output.journal as journal_module
import generator.output.write as write_module
from generator.cli import main
from generator.output.journal import JOURNAL

PACKAGE = "polar_oauth2"
EDITED = """openapi: 3.1.0
info: {title: edited, version: "2"}
paths:
  /ping:
    get:
      operationId: ping
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: {type: object, properties: {ok: {type: boolean}}}
"""


def _generate(spec: Path, out: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(["generate", "--spec", str(spec), "--out", str(out), "--package-name", PACKAGE, "--quiet"])
    return code, capsys.readouterr().err


def _failing_after(calls: int, code: int, real: Callable[[Path, bytes], None]) -> Callable[[Path, bytes], None]:
    """write_new that writes `calls` files, then fails as the disk would."""
    count = 0

    def write_new(path: Path, data: bytes) -> None:
        nonlocal count
        count += 1
        if count > calls:
            raise OSError(code, os.strerror(code), str(path))
        real(path, data)

    return write_new


def test_out_under_a_regular_file_is_exit_2(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("mine\n", encoding="utf-8")
    result = run_cli("generate", "--out", str(blocker / "client"))
    assert result.returncode == 2, result.stderr
    lines = result.stderr.splitlines()
    assert lines == [
        (
            f"polar-codegen: error: cannot write to {blocker / 'client'}: a part of the path is a file, "
            f"not a folder ({blocker}); nothing was changed"
        )
    ]
    assert blocker.read_text(encoding="utf-8") == "mine\n"


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EROFS, errno.EDQUOT])
@pytest.mark.parametrize("journal", [False, True], ids=["swap", "journal"])
def test_a_refused_write_leaves_the_folder_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], code: int, journal: bool
) -> None:
    out = tmp_path / "out"
    assert _generate(SPEC, out, capsys)[0] == 0
    (out / "mine.txt").write_text("the user's\n", encoding="utf-8")
    before = tree(out)
    edited = tmp_path / "edited.yaml"
    edited.write_text(EDITED, encoding="utf-8")
    if journal:
        monkeypatch.setenv(write_module._JOURNAL_ENV, "1")
        monkeypatch.setattr(journal_module, "write_new", _failing_after(2, code, journal_module.write_new))
    else:
        monkeypatch.setattr(write_module, "write_new", _failing_after(2, code, write_module.write_new))
    status, err = _generate(edited, out, capsys)
    assert status == 2
    (line,) = err.splitlines()
    assert line.startswith(f"polar-codegen: error: cannot write to {out}: ")
    assert line.endswith("; nothing was changed")
    assert "Traceback" not in err and "internal error" not in err
    assert tree(out) == before
    assert not (out / JOURNAL).exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no sibling left
    monkeypatch.undo()
    assert _generate(edited, out, capsys)[0] == 0  # and the next run, with room, goes through
    assert (out / "mine.txt").read_text(encoding="utf-8") == "the user's\n"


def test_check_that_cannot_finish_a_cut_short_write_is_exit_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    assert _generate(SPEC, out, capsys)[0] == 0
    (out / JOURNAL).mkdir()
    (out / JOURNAL / "plan.json").write_text('{"writes": [], "deletes": []}', encoding="utf-8")

    def refuse(out_dir: Path, pause: Callable[[], None]) -> None:
        raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(out_dir))

    monkeypatch.setattr(journal_module, "roll_forward", refuse)
    status = main(["check", "--spec", str(SPEC), "--out", str(out), "--package-name", PACKAGE, "--quiet"])
    err = capsys.readouterr().err
    assert status == 2
    assert err.splitlines() == [
        f"polar-codegen: error: cannot finish the write that was cut short in {out}: the file system is read-only"
    ]
