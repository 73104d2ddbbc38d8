"""load -> validate -> build -> render -> format: the whole generation, in memory.

On the command line, validation (openapi-spec-validator's JSON Schemas: seconds on a large
spec) runs in a forked process while the main one builds, renders and formats; its verdict
is awaited before anything is returned, so bad input still stops the run before a file is
written, and a spec the validator rejects is reported as such even when it broke a later
stage first. A large API's models module is rendered and formatted in a second forked
process while the main one makes the other files (emit/shares.py). The heavy stages are
imported when they run: `check` on an up-to-date folder needs none of them.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Collection, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from .collector import lasting
from .options import Options
from .output import stamp
from .problems import InputError, Problem, in_document_order, split_severity
from .processes import Forked, fork_workers

# Options is re-exported: generate() takes it, and callers build it from here.
__all__ = ["Options", "Progress", "Result", "generate"]

if TYPE_CHECKING:
    from .ir import Api
    from .spec.load import Document
    from .spec.selection import Selection


@dataclass(frozen=True)
class Result:
    document: Document
    api: Api
    files: dict[str, str]
    # The stamp of every input, for the manifest (see stamp.py).
    inputs: stamp.Inputs
    # Seconds spent in each stage, in order, for --verbose.
    timings: tuple[tuple[str, float], ...] = ()
    # Recoverable defects, each saying what the generator did (none under --strict: there
    # they are errors).
    warnings: tuple[Problem, ...] = ()


# Told what is going on: (stage, done, total); total is 0 when there is nothing to count.
Progress = Callable[[str, int, int], None]


def _quiet(stage: str, done: int, total: int) -> None:
    pass


class _Clock:
    def __init__(self, progress: Progress) -> None:
        self.progress = progress
        self.timings: list[tuple[str, float]] = []

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        self.progress(name, 0, 0)
        started = time.perf_counter()
        yield
        self.timings.append((name, time.perf_counter() - started))


def _validate_now(document: Document, selection: Selection) -> list[Problem]:
    from .spec.validate import validate

    return validate(document.data, document.problems, selection)


class _Validation:
    """The validator's verdict on a document: from the cache (a spec that passed, with or
    without warnings, is known by its bytes and the versions that judged it; errors are
    never cached), else computed in a forked process, else here.

    The child is forked as soon as the spec's bytes are read, and parses its own copy: a
    child forked after the parse shares the parsed document's pages, and each page the
    build then touches (a reference count is a write) is copied on the spot: 2,200 copies
    during the build on Polar's API, 10-20 ms of it. Bundled file references are read while
    parsing, so with them the child is forked after the load."""

    def __init__(self, selection: Selection, background: bool) -> None:
        self.selection = selection
        self.background = background
        self.key: str | None = None
        self.problems: list[Problem] | None = None
        self.child: Forked | None = None

    def before_parse(self, path: Path, raw: bytes) -> None:
        from .digests import fingerprint
        from .spec.load import parse

        self._start(fingerprint(raw, []), lambda: parse(path, raw, defer=True))

    def after_load(self, document: Document) -> None:
        if self.key is None:
            self._start(document.fingerprint, lambda: document)

    def _start(self, print_: bytes, document: Callable[[], Document]) -> None:
        from .spec.validate import cache_key, recall

        self.key = cache_key(print_, self.selection)
        self.problems = recall(self.key)
        if self.problems is None and self.background and fork_workers() > 1:
            try:
                self.child = Forked(lambda: _validate_now(document(), self.selection))
            except OSError:
                self.child = None  # the system refused the fork: validated here instead

    def result(self, document: Document) -> list[Problem]:
        if self.problems is None:
            from .spec.validate import keep

            child = self.child
            self.problems = _answer_of(child) if child is not None else _validate_now(document, self.selection)
            if self.key is not None:
                keep(self.key, self.problems)
        return self.problems

    def cancel(self) -> None:
        if self.child is not None:
            self.child.cancel()


def _answer_of(child: Forked) -> list[Problem]:
    """The validating process's problems; its failure, or its death, is a bug of ours."""
    outcome, payload = child.outcome()
    if outcome == "ok" and isinstance(payload, list):
        return payload
    if outcome == "error" and isinstance(payload, tuple):
        summary, child_traceback = payload
        failure = RuntimeError(f"validation failed: {summary}")
        failure.add_note(f"in the validating process:\n{child_traceback}")  # shown by --debug
        raise failure
    raise RuntimeError(f"the validating process ended without an answer (exit code {payload})")


def generate(options: Options, progress: Progress = _quiet) -> Result:
    """Every generated file's text; raises InputError with all problems of a bad spec."""
    with lasting() as keep:
        return _generate(options, progress, keep)


def _generate(options: Options, progress: Progress, keep: Callable[[], None]) -> Result:
    from .spec.load import load

    clock = _Clock(progress)
    validation = _Validation(options.selection(), options.validate_in_background)
    try:
        with clock.stage("loading"):
            document = load(
                options.spec,
                max_bytes=options.max_bytes,
                allow_file_refs=options.allow_file_refs,
                defer=True,
                on_read=None if options.allow_file_refs else partial(validation.before_parse, options.spec),
            )
        keep()  # the document lasts the run
        inputs = stamp.compute(
            document.raw, stamp.relative_sources(options.spec, document.sources), options.settings()
        )
        if any(not p.is_warning for p in document.problems):
            # The loader already refused part of the document: nothing to build from.
            validation.cancel()
            with clock.stage("validating"):
                raise InputError(_validate_now(document, options.selection()), document)
        validation.after_load(document)
    except BaseException:
        validation.cancel()  # the error so far is the answer
        raise
    try:
        api, files, timings = _produce(options, document, progress, keep)
    except Exception:
        # A spec the validator rejects may break the stages after it: its problems are
        # the answer, not the crash they caused.
        with clock.stage("validating"):
            problems = validation.result(document)
        if split_severity(problems, strict=options.strict)[0]:
            raise InputError(problems, document) from None
        raise
    except BaseException:
        validation.cancel()
        raise
    with clock.stage("validating"):
        problems = validation.result(document)
    # The build's warnings among the validator's, top to bottom, as the user reads the file.
    everything = in_document_order(document.data, problems + [w for w in api.warnings if w not in problems])
    errors, warnings = split_severity(everything, strict=options.strict)
    if errors:
        raise InputError(everything, document)
    return Result(document, api, files, inputs, tuple(clock.timings + timings), tuple(warnings))


def _produce(
    options: Options, document: Document, progress: Progress, keep: Callable[[], None]
) -> tuple[Api, dict[str, str], list[tuple[str, float]]]:
    from .build import BuildOptions, build
    from .emit.render import outputs
    from .emit.shares import apart

    clock = _Clock(progress)
    try:
        with clock.stage("building"):
            api = build(
                document.data,
                BuildOptions(
                    package=options.package,
                    include_operations=options.include_operations,
                    include_tags=options.include_tags,
                ),
            )
    except InputError as exc:
        raise InputError(exc.problems, document) from None
    keep()  # and so does the IR
    order = [path for _, path in outputs(api)]
    there = apart(api) if fork_workers() > 1 else frozenset()
    child = None
    if there:
        # What both halves use is imported and loaded once, before the fork; then the
        # child makes its files while this process makes the others.
        from .emit import context, format  # noqa: F401
        from .emit.render import environment

        environment(list(options.templates))
        try:
            child = Forked(lambda: _make(api, options, there))
        except OSError:
            there = frozenset()  # the system refused the fork: every file is made here
    try:
        files = _make(api, options, [path for path in order if path not in there], clock, progress)
        if child is not None:
            with clock.stage("joining"):
                files.update(_made_apart(child, api, options, there))
    except BaseException:
        if child is not None:
            child.cancel()
        raise
    return api, {path: files[path] for path in order}, clock.timings


def _make(
    api: Api,
    options: Options,
    paths: Collection[str],
    clock: _Clock | None = None,
    progress: Progress = _quiet,
) -> dict[str, str]:
    """These files of the package, rendered and formatted."""
    from .emit.format import format_files
    from .emit.render import render

    clock = clock or _Clock(_quiet)
    with clock.stage("rendering"):
        rendered = render(api, list(options.templates), paths)
    with clock.stage("formatting"):
        return format_files(
            rendered, lambda done, total: progress("formatting", done, total), built_in=not options.templates
        )


def _made_apart(child: Forked, api: Api, options: Options, paths: Collection[str]) -> dict[str, str]:
    """The child's files; made again here when the child failed, so that what went wrong
    (a user's template, say) is raised as it would be without the fork."""
    outcome, payload = child.outcome()
    if outcome == "ok" and isinstance(payload, dict):
        return payload
    return _make(api, options, paths)
