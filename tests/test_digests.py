"""digests.py: the file listings and hashes the manifest's stamp and the caches' keys are made of."""

from __future__ import annotations

import os
from pathlib import Path

from generator.digests import digest_files, files_under


def _tree(root: Path) -> None:
    for name in ("b.py", "a.py", "notes.txt", "pkg/z.py", "pkg/sub/y.py", "pkg/__pycache__/z.cpython-311.pyc",
                 "pkg/__pycache__/stray.py", "_compiled/t.py"):  # fmt: skip
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(name.encode())


def test_files_under_lists_sorted_posix_paths_and_leaves_byte_code_caches_out(tmp_path: Path) -> None:
    _tree(tmp_path)
    assert files_under(tmp_path, ".py") == ["_compiled/t.py", "a.py", "b.py", "pkg/sub/y.py", "pkg/z.py"]
    assert files_under(tmp_path, ".py", skip=("_compiled",)) == ["a.py", "b.py", "pkg/sub/y.py", "pkg/z.py"]
    assert "notes.txt" in files_under(tmp_path)


def test_files_under_lists_a_linked_file_but_does_not_enter_a_linked_folder(tmp_path: Path) -> None:
    tree, outside = tmp_path / "tree", tmp_path / "outside"
    _tree(tree)
    outside.mkdir()
    (outside / "far.py").write_text("x")
    os.symlink(outside, tree / "linked")
    os.symlink(tree / "a.py", tree / "alias.py")
    listed = files_under(tree, ".py")
    assert "alias.py" in listed
    assert not [name for name in listed if name.startswith("linked/")]


def test_files_under_a_missing_folder_is_empty(tmp_path: Path) -> None:
    assert files_under(tmp_path / "absent") == []


def test_digest_files_reads_line_endings_as_git_checks_them_out(tmp_path: Path) -> None:
    (tmp_path / "unix.py").write_bytes(b"a = 1\nb = 2\n")
    unix = digest_files(tmp_path, ["unix.py"])
    (tmp_path / "unix.py").write_bytes(b"a = 1\r\nb = 2\r\n")
    assert digest_files(tmp_path, ["unix.py"]) == unix
    (tmp_path / "unix.py").write_bytes(b"a = 1\rb = 2\n")  # a lone CR is content
    assert digest_files(tmp_path, ["unix.py"]) != unix


def test_digest_files_counts_an_unreadable_file_by_its_name(tmp_path: Path) -> None:
    (tmp_path / "here.py").write_text("x")
    before = digest_files(tmp_path, ["here.py", "gone.py"])
    assert before == digest_files(tmp_path, ["here.py", "gone.py"])
    (tmp_path / "gone.py").write_text("")
    assert digest_files(tmp_path, ["here.py", "gone.py"]) != before
