"""Formatting by pieces: each top-level definition through black on its own, in parallel
and cached, must give exactly what black gives the whole file."""

from __future__ import annotations

import json
from pathlib import Path

import black
import pytest
from conftest import SPEC, TESTS, FullPackage
from tools.refresh_preformatted import compute

from generator.build import BuildOptions, build
from generator.emit import format as fmt
from generator.emit import preformatted
from generator.emit.render import render
from generator.spec.load import load

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
@pytest.mark.parametrize("built_in", [True, False], ids=["built-in", "overlay"])
def test_pieces_join_into_what_black_makes_of_the_whole_file(spec: Path, built_in: bool) -> None:
    """Also where pieces in black's style already skip black (built-in templates only)."""
    files = rendered(spec)
    formatted = fmt.format_files(files, built_in=built_in)
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


def test_a_file_formatted_before_comes_whole_from_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POLAR_CODEGEN_CACHE_DIR", str(tmp_path))
    files = rendered(SPEC)
    first = fmt.format_files(files, built_in=True)

    def refuse(text: str) -> list[str]:
        raise AssertionError("cut again")

    monkeypatch.setattr(fmt, "split", refuse)
    assert fmt.format_files(files, built_in=True) == first
    # An overlay's output is never taken for the built-in templates' (it all goes to black).
    with pytest.raises(AssertionError, match="cut again"):
        fmt.format_files(files, built_in=False)
    # Nor is a file whose text changed.
    changed = {**files, "pkg/models.py": files["pkg/models.py"] + "\n\nX = 1\n"}
    with pytest.raises(AssertionError, match="cut again"):
        fmt.format_files(changed, built_in=True)


def test_a_changed_file_takes_the_last_runs_pieces(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POLAR_CODEGEN_CACHE_DIR", str(tmp_path))
    files = rendered(SPEC)
    fmt.format_files(files, built_in=True)
    scanned: list[str] = []
    real = fmt.plainly_formatted
    monkeypatch.setattr(fmt, "plainly_formatted", lambda text, width: scanned.append(text) or real(text, width))
    path = "pkg/models.py"
    extra = "class Extra(msgspec.Struct, frozen=True, kw_only=True, omit_defaults=True):\n    x: int\n"
    changed = {**files, path: files[path] + "\n\n" + extra}
    entries = sorted(tmp_path.joinpath("formatted").rglob("*"))
    out = fmt.format_files(changed, built_in=True)
    assert scanned == [extra]  # every other piece of models.py is the last run's
    assert out[path] == whole(changed[path])
    # One entry per file, overwritten: the cache does not grow with each version of a file.
    assert sorted(tmp_path.joinpath("formatted").rglob("*")) == entries


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


def test_the_list_of_preformatted_pieces_is_current() -> None:
    """The shipped list is what the built-in templates and the pinned black give now."""
    shipped = json.loads(preformatted.DATA.read_text(encoding="utf-8"))
    assert shipped == compute(), "generator/emit/preformatted.json is stale: run `make generate`"
    # The runtime, not a token list: transport, errors, enums and unions.
    assert len(shipped["pieces"]) >= 30


def test_the_runtime_is_not_run_through_black(monkeypatch: pytest.MonkeyPatch) -> None:
    files = rendered(SPEC)
    seen: list[str] = []
    monkeypatch.setattr(fmt, "PARALLEL_MIN_LINES", 10**9)  # black in this process, to watch it
    monkeypatch.setattr(fmt, "_black", lambda text: seen.append(text) or whole(text))
    formatted = fmt.format_files(files)
    names = (
        "_base.py", "_codec.py", "_enum.py", "_options.py", "_pages.py", "_raw_response.py", "_streaming.py", "_transfer.py",
        "_unions.py", "webhooks.py",
    )  # fmt: skip
    runtime = {p for name in names for p in fmt.split(files[f"pkg/{name}"])}
    known = [p for p in runtime if preformatted.digest(p) in preformatted.known(fmt.style())]
    # Everything but the two pieces of _base.py that name the package, and the head of
    # webhooks.py that lists the spec's event types, is known and skipped...
    unknown = runtime - set(known)
    assert len(unknown) <= 3 and all("pkg" in p or "EVENT_TYPES: Final" in p for p in unknown), unknown
    assert not set(known) & set(seen)
    # ...and black still sees what the spec decides.
    assert any("class Client(" in text for text in seen)
    assert formatted["pkg/_base.py"] == whole(files["pkg/_base.py"])


def test_another_black_major_ignores_the_list(monkeypatch: pytest.MonkeyPatch) -> None:
    import generator.digests

    versions = dict(generator.digests.library_versions())
    preformatted.known.cache_clear()
    try:
        assert preformatted.known(fmt.style())
        preformatted.known.cache_clear()
        monkeypatch.setattr(generator.digests, "library_versions", lambda: {**versions, "black": "27.1.0"})
        assert preformatted.known(fmt.style()) == frozenset()
    finally:
        preformatted.known.cache_clear()


def test_a_listed_piece_is_taken_only_by_its_exact_text(monkeypatch: pytest.MonkeyPatch) -> None:
    """One character off and black formats it, so a stale list can never change output."""
    files = rendered(SPEC)
    pieces = fmt.split(files["pkg/_enum.py"])
    piece = next(p for p in pieces if "):" in p and preformatted.digest(p) in preformatted.known(fmt.style()))
    messy = piece.replace("):", ") :", 1)
    assert messy != piece
    assert fmt.format_files({"m.py": messy})["m.py"] == whole(messy)
