"""Formatting by pieces: each top-level definition through black on its own, in parallel
and cached, must give exactly what black gives the whole file."""

from __future__ import annotations

from pathlib import Path

import black
import pytest
from conftest import SPEC, TESTS, FullPackage

from generator import format as fmt
from generator.build import BuildOptions, build
from generator.load import load
from generator.render import render

SPECS = [SPEC, *sorted((TESTS / "specs").glob("*.yaml"))]


def rendered(spec: Path) -> dict[str, str]:
    document = load(spec)
    return render(build(document.data, BuildOptions(package="pkg")))


def whole(text: str) -> str:
    return black.format_str(text, mode=fmt._mode())


@pytest.fixture(autouse=True)
def no_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POLAR_CODEGEN_CACHE_DIR", "off")


@pytest.mark.parametrize("spec", SPECS, ids=lambda p: p.stem)
def test_pieces_join_into_what_black_makes_of_the_whole_file(spec: Path) -> None:
    files = rendered(spec)
    formatted = fmt.format_files(files)
    for path, text in files.items():
        if path.endswith(".py"):
            assert formatted[path] == whole(text), path
            if path.endswith("models.py"):
                assert len(fmt.split(text)) > 2  # really formatted in pieces
        else:
            assert formatted[path] == text


def test_workers_and_this_process_agree(monkeypatch: pytest.MonkeyPatch) -> None:
    files = rendered(TESTS / "specs" / "unions.yaml")
    monkeypatch.setattr(fmt, "PARALLEL_MIN_LINES", 10**9)
    alone = fmt.format_files(files)
    monkeypatch.setattr(fmt, "PARALLEL_MIN_LINES", 0)
    monkeypatch.setattr(fmt, "_BATCH_LINES", 20)
    # Forked workers even where this test process has threads (a server fixture) or one core.
    monkeypatch.setattr(fmt, "fork_workers", lambda: 2)
    assert fmt.format_files(files) == alone


def test_a_cached_piece_is_not_formatted_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POLAR_CODEGEN_CACHE_DIR", str(tmp_path))
    files = rendered(SPEC)
    first = fmt.format_files(files)

    def refuse(text: str) -> str:
        raise AssertionError("black ran on a cached piece")

    monkeypatch.setattr(fmt, "_black", refuse)
    assert fmt.format_files(files) == first
    # A new piece is formatted; the others still come from the cache.
    calls: list[str] = []
    monkeypatch.setattr(fmt, "_black", lambda text: calls.append(text) or whole(text))
    changed = dict(files)
    path = "pkg/models.py"
    changed[path] = files[path] + "\n\nclass Extra(   msgspec.Struct ):\n    x:int\n"
    out = fmt.format_files(changed)
    assert out[path] == whole(changed[path])
    assert calls == ["class Extra(   msgspec.Struct ):\n    x:int\n"]


def test_the_cut_falls_only_between_top_level_definitions() -> None:
    text = (
        '"""Module."""\n\nimport x\n\n\nclass A:\n    pass\n\n\n@decorator\ndef f():\n    pass\n'
        "\n\n# a comment about g\ndef g():\n    pass\n# trailing\n\n\ndef h():\n    pass\n"
    )
    assert fmt.split(text) == [
        '"""Module."""\n\nimport x\n',
        "class A:\n    pass\n",
        "@decorator\ndef f():\n    pass\n\n\n# a comment about g\ndef g():\n    pass\n# trailing\n\n\ndef h():\n    pass\n",
    ]


@pytest.mark.parametrize(
    "text",
    [
        # A cut inside a string would not parse: the file is formatted whole instead.
        'X = """\nsome text\n\n\nclass NotCode:\n"""\n\n\nclass A :\n  pass\n',
        # Directives to black may span definitions: never cut.
        "# fmt: off\nA = [1,\n  2]\n\n\nclass B :\n  x=[1,\n    2]\n# fmt: on\n",
        "",
        "x=1\n",
    ],
    ids=["string", "fmt-off", "empty", "one-line"],
)
def test_files_the_cut_cannot_be_trusted_on_are_formatted_whole(text: str) -> None:
    assert fmt.format_files({"m.py": text})["m.py"] == whole(text)


def test_code_that_does_not_parse_is_a_format_error() -> None:
    with pytest.raises(fmt.FormatError, match="m.py: generated code does not parse"):
        fmt.format_files({"m.py": "class A:\n    pass\n\n\ndef f(:\n    pass\n"})


@pytest.mark.slow
def test_the_full_polar_packages_are_black_stable(full_packages: dict[str, FullPackage]) -> None:
    """What the pieces make of Polar's whole API is what black keeps as it is."""
    for package in full_packages.values():
        for path in sorted(package.out.rglob("*.py")):
            text = path.read_text()
            assert whole(text) == text, path
