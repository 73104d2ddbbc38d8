"""load -> validate -> build -> render -> format: the whole generation, in memory."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from . import __version__, cache
from .build import BuildOptions, build
from .format import format_files
from .ir import Api
from .load import DEFAULT_MAX_BYTES, Document, load
from .problems import InputError, Problem
from .render import render
from .validate import rules_version, validate


@dataclass(frozen=True)
class Options:
    spec: Path
    package: str = "polar_oauth2"
    templates: tuple[Path, ...] = field(default=())
    max_bytes: int = DEFAULT_MAX_BYTES
    include_operations: tuple[str, ...] = ()
    include_tags: tuple[str, ...] = ()
    # `$ref`s to files in the spec's folder are bundled into the document (never URLs).
    allow_file_refs: bool = False


@dataclass(frozen=True)
class Result:
    document: Document
    api: Api
    files: dict[str, str]
    # Seconds spent in each stage, in order, for --verbose.
    timings: tuple[tuple[str, float], ...] = ()


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


def _validate_cached(document: Document) -> list[Problem]:
    """openapi-spec-validator takes seconds on a large spec: a spec that passed is known by
    its bytes and the versions that judged it. Problems are never cached."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        validator = version("openapi-spec-validator")
    except PackageNotFoundError:
        validator = "unknown"
    digest = cache.key("validated", __version__, validator, rules_version(), document.fingerprint)
    if cache.get("validated", digest) == "ok":
        return []
    problems = validate(document.data, document.problems)
    if not problems:
        cache.put("validated", digest, "ok")
    return problems


def generate(options: Options, progress: Progress = _quiet) -> Result:
    """Every generated file's text; raises InputError with all problems of a bad spec."""
    clock = _Clock(progress)
    with clock.stage("loading"):
        document = load(
            options.spec, max_bytes=options.max_bytes, allow_file_refs=options.allow_file_refs, defer=True
        )
    with clock.stage("validating"):
        problems = _validate_cached(document)
    if problems:
        raise InputError(problems, document)
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
    with clock.stage("rendering"):
        rendered = render(api, list(options.templates))
    with clock.stage("formatting"):
        files = format_files(rendered, lambda done, total: progress("formatting", done, total))
    return Result(document, api, files, tuple(clock.timings))
