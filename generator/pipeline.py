"""load -> validate -> build -> render -> format: the whole generation, in memory."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .build import BuildOptions, build
from .format import format_files
from .ir import Api
from .load import DEFAULT_MAX_BYTES, Document, load
from .problems import InputError
from .render import render
from .validate import validate


@dataclass(frozen=True)
class Options:
    spec: Path
    package: str = "polar_oauth2"
    templates: tuple[Path, ...] = field(default=())
    max_bytes: int = DEFAULT_MAX_BYTES


@dataclass(frozen=True)
class Result:
    document: Document
    api: Api
    files: dict[str, str]


def generate(options: Options) -> Result:
    """Every generated file's text; raises InputError with all problems of a bad spec."""
    document = load(options.spec, max_bytes=options.max_bytes)
    problems = validate(document.data)
    if problems:
        raise InputError(problems, document)
    try:
        api = build(document.data, BuildOptions(package=options.package))
    except InputError as exc:
        raise InputError(exc.problems, document) from None
    files = format_files(render(api, list(options.templates)))
    return Result(document, api, files)
