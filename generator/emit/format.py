"""Format rendered Python with black's API, so templates can stay simple.

Black costs about a third of a millisecond per line, and a large spec renders tens of
thousands of lines, so each file is cut into its top-level definitions and those are
formatted on their own: in parallel on every core, and each cached by its text (as are
each whole file, and what the last run made of each piece of a file), so a change
reformats, and even scans, only the definitions it touched. Black lays out a definition the same way
whatever surrounds it and puts two blank lines between top-level definitions, so the
pieces join into exactly the text black gives for the whole file (a test holds this to the
golden corpus; Polar's full API is checked to be black-stable). A file the cut cannot be trusted on (`# fmt:`
directives, or a piece that does not parse alone) is formatted whole. The runtime's own
pieces, the same in every package, are known to be formatted already (preformatted.py), and
a piece of the models or the client that the built-in templates wrote in black's style
already is taken as it is (black_stable.py): black formats only what is left, and stays
the check in tests.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from .. import cache as content_cache
from ..processes import fork_workers
from . import preformatted, statements
from .black_stable import plainly_formatted

if TYPE_CHECKING:
    from black.mode import Mode

# The style the golden files are written in; black's version is pinned in pyproject.toml.
LINE_LENGTH = 88
TARGET = "PY310"
_STARTS = ("class ", "def ", "async def ", "@")
# Below this many lines to format, forking workers costs more than it saves.
PARALLEL_MIN_LINES = 400
_BATCH_LINES = 1500


class FormatError(Exception):
    """A template produced Python that does not parse: a generator bug, not bad input."""


def format_files(
    files: dict[str, str], progress: Callable[[int, int], None] | None = None, *, built_in: bool = False
) -> dict[str, str]:
    """Every Python file through black; the others as they are. `built_in`: the files come
    from the built-in templates alone, so a piece that black_stable.py finds in black's
    style already is taken as it is (a user's template overlay may write anything: its
    output always goes through black), and one that is not is cut into statements
    (statements.py) so that black sees only those it must."""
    every = [path for path in files if path.endswith(".py")]
    # What the last run made of each file: the same text comes back whole, and a changed
    # file is mostly the pieces it had before.
    memos = {path: _recall(path, built_in) for path in every}
    done_files = {
        path: memo.output for path, memo in memos.items() if memo.input == preformatted.digest(files[path])
    }
    python = [path for path in every if path not in done_files]
    pieces = {path: split(files[path]) for path in python}
    remembered = {
        piece: memos[path].pieces[key]
        for path in python
        for piece in pieces[path]
        if (key := preformatted.digest(piece)) in memos[path].pieces
    }
    wanted = {piece for path in python for piece in pieces[path]} - remembered.keys()
    plain: set[str] = set()
    cut: dict[str, list[statements.Part]] = {}
    known = preformatted.known(style()) if built_in else frozenset()
    for path in python:
        if built_in and "fmt:" not in files[path]:
            for piece in pieces[path]:
                if piece in remembered or preformatted.digest(piece) in known:
                    continue  # formatted by the last run, or the runtime's, formatted already
                if plainly_formatted(piece, LINE_LENGTH):
                    plain.add(piece)
                elif len(parts := statements.parts(piece)) > 1:
                    cut[piece] = parts
    sources = {statements.source(part) for parts in cut.values() for part in parts}
    plain_sources = {source for source in sources if plainly_formatted(source, LINE_LENGTH)}
    done = _format_many(sorted((wanted - plain - cut.keys()) | (sources - plain_sources)))
    done.update((text, text) for text in plain | plain_sources)
    done.update(remembered)
    for piece, parts in cut.items():
        joined = statements.join(parts, [done[statements.source(part)] for part in parts])
        done[piece] = joined if joined is not None else _format_many([piece])[piece]
    out: dict[str, str] = {}
    finished = 0
    for path, text in files.items():
        if path in memos:
            if path in done_files:
                text = done_files[path]
            else:
                text = _join(path, files[path], pieces[path], done)
                _remember(path, built_in, _Memo(preformatted.digest(files[path]), text, {
                    preformatted.digest(piece): formatted
                    for piece in pieces[path]
                    if (formatted := done[piece]) is not None
                }))  # fmt: skip
            finished += 1
            if progress is not None:
                progress(finished, len(memos))
        out[path] = text
    return out


@dataclass(frozen=True)
class _Memo:
    """What the last run made of one file of a package: the digest of the text it was
    given, the text it wrote, and each piece's formatting by the piece's digest."""

    input: str = ""
    output: str = ""
    pieces: dict[str, str] = field(default_factory=dict)


def _memo_key(path: str, built_in: bool) -> str:
    """One entry per file of a package, overwritten by each run (the cache does not grow
    with each version of a file); what it holds is checked by digest, so a hit is always
    the text's own result. Keyed by black's version and mode, whether the built-in
    templates alone wrote the file, and the code that cuts and vouches."""
    return content_cache.key(_key_prefix(), _formatter_digest(), "built-in" if built_in else "overlay", path)


def _recall(path: str, built_in: bool) -> _Memo:
    import json

    text = content_cache.get("formatted", _memo_key(path, built_in))
    try:
        data = json.loads(text) if text is not None else None
    except ValueError:
        data = None
    if not isinstance(data, dict):
        return _Memo()
    given, written, pieces = data.get("input"), data.get("output"), data.get("pieces")
    if not (isinstance(given, str) and isinstance(written, str) and isinstance(pieces, dict)):
        return _Memo()
    return _Memo(given, written, {k: v for k, v in pieces.items() if isinstance(k, str) and isinstance(v, str)})


def _remember(path: str, built_in: bool, memo: _Memo) -> None:
    import json

    entry = {"input": memo.input, "output": memo.output, "pieces": memo.pieces}
    content_cache.put("formatted", _memo_key(path, built_in), json.dumps(entry, sort_keys=True))


@cache
def _formatter_digest() -> str:
    from ..digests import digest_files

    here = Path(__file__).resolve().parent
    # black_stable's verdicts lean on relaid.py and layout.py's rules as well.
    return digest_files(
        here,
        ["format.py", "black_stable.py", "relaid.py", "layout.py", "statements.py", "preformatted.py", "preformatted.json"],
    )


def split(text: str) -> list[str]:
    """The file cut before each top-level definition that follows two blank lines."""
    if "fmt:" in text:
        return [text]
    lines = text.splitlines(keepends=True)
    pieces: list[str] = []
    start = 0
    for i in range(3, len(lines)):
        if (
            lines[i].startswith(_STARTS)
            and lines[i - 1] == "\n"
            and lines[i - 2] == "\n"
            and lines[i - 3].strip()
            and not lines[i - 3].startswith(("#", "@"))
        ):
            pieces.append("".join(lines[start : i - 2]))
            start = i
    pieces.append("".join(lines[start:]))
    return pieces


def _join(path: str, text: str, pieces: Sequence[str], done: dict[str, str | None]) -> str:
    results = [done[piece] for piece in pieces]
    formatted = [r for r in results if r is not None]
    if len(formatted) == len(results):
        return "\n\n".join(formatted)
    if len(pieces) == 1:
        raise FormatError(f"{path}: generated code does not parse: {_error(text)}")
    # A piece that does not parse alone (the cut fell inside a string): the whole file.
    whole = _format_many([text])[text]
    if whole is None:
        raise FormatError(f"{path}: generated code does not parse: {_error(text)}")
    return whole


def _error(text: str) -> str:
    from black.parsing import InvalidInput

    try:
        _black(text)
    except InvalidInput as exc:
        return str(exc)
    return "unknown error"


def _format_many(texts: Sequence[str]) -> dict[str, str | None]:
    """Each text formatted (None where it does not parse): as it is when it is a piece of
    the runtime known to be formatted, else from the cache, else by black, in worker
    processes when there is enough to do."""
    done: dict[str, str | None] = {}
    missing: list[str] = []
    known = preformatted.known(style())
    keys: dict[str, str] = {}
    for text in texts:
        if preformatted.digest(text) in known:
            done[text] = text
            continue
        keys[text] = _key(text)
        hit = content_cache.get("black", keys[text])
        if hit is not None:
            done[text] = hit
        else:
            missing.append(text)
    for text, result in zip(missing, _run(missing)):
        done[text] = result
        if result is not None:
            content_cache.put("black", keys[text], result)
    return done


def _run(texts: list[str]) -> list[str | None]:
    lines = sum(text.count("\n") for text in texts)
    workers = fork_workers()
    if workers < 2 or lines < PARALLEL_MIN_LINES:
        return [black_or_none(text) for text in texts]
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    import black  # noqa: F401 - imported once here, inherited by every forked worker

    batches = _batches(texts, workers)
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=min(workers, len(batches)), mp_context=context) as pool:
        results = list(pool.map(_try_all, batches))
    formatted = {text: result for batch, out in zip(batches, results) for text, result in zip(batch, out)}
    return [formatted[text] for text in texts]


def _batches(texts: list[str], workers: int) -> list[list[str]]:
    """Batches of about _BATCH_LINES lines, at least two per worker so that a worker that
    finishes early takes another: pieces vary from three lines to thousands."""
    total = sum(text.count("\n") for text in texts)
    size = max(50, min(_BATCH_LINES, total // (workers * 2) + 1))
    batches: list[list[str]] = [[]]
    filled = 0
    for text in sorted(texts, key=len, reverse=True):
        if filled >= size:
            batches.append([])
            filled = 0
        batches[-1].append(text)
        filled += text.count("\n")
    return [batch for batch in batches if batch]


def _try_all(texts: list[str]) -> list[str | None]:
    return [black_or_none(text) for text in texts]


def black_or_none(text: str) -> str | None:
    """Black's output for a text, or None when it does not parse."""
    from black.parsing import InvalidInput

    try:
        return _black(text)
    except InvalidInput:
        return None


def _black(text: str) -> str:
    import black

    return black.format_str(text, mode=_mode())


@cache
def _mode() -> Mode:
    from black.mode import Mode, TargetVersion

    return Mode(target_versions={TargetVersion[TARGET]}, line_length=LINE_LENGTH)


def mode_text() -> str:
    """Our mode as text, for keys and stamps that must not import black to name it."""
    return f"line length {LINE_LENGTH}; target {TARGET}"


def style() -> str:
    """What black's output depends on, besides the text: its major version and our mode."""
    from ..digests import library_versions

    major = library_versions().get("black", "").split(".")[0]
    return f"black {major}; {mode_text()}"


@cache
def _key_prefix() -> str:
    """Black's exact version and our mode: a run whose pieces are all cached or known
    never imports black."""
    from ..digests import library_versions

    return content_cache.key("black", library_versions()["black"], mode_text())


def _key(text: str) -> str:
    return content_cache.key(_key_prefix(), text)
