"""Command line: arguments in, exit codes out (0 ok, 1 drift, 2 bad input, 3 internal error)."""

from __future__ import annotations

import argparse
import sys
import time
import traceback
from collections.abc import Sequence
from pathlib import Path

from . import __version__
from .load import DEFAULT_MAX_BYTES, Document
from .pipeline import Options, generate
from .problems import InputError, Problem
from .write import check, conflicts, write

EXIT_OK, EXIT_DRIFT, EXIT_BAD_INPUT, EXIT_INTERNAL = 0, 1, 2, 3


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="polar-codegen",
        description="Generate a typed Python client from an OpenAPI 3.x spec.",
    )
    parser.add_argument("--version", action="version", version=f"polar-codegen {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, text in (
        ("generate", "write the client package into --out"),
        ("check", "exit 1 with a diff when --out differs from a fresh generation"),
    ):
        sub = commands.add_parser(name, help=text, description=text)
        sub.add_argument("--spec", type=Path, default=Path("spec/polar-oauth2.yaml"))
        sub.add_argument("--out", type=Path, default=Path("generated"))
        sub.add_argument("--package-name", default="polar_oauth2", help="import name of the package")
        sub.add_argument(
            "--templates", type=Path, action="append", default=[],
            help="folder of templates that override the built-in ones of the same name",
        )  # fmt: skip
        sub.add_argument("--max-spec-bytes", type=int, default=DEFAULT_MAX_BYTES)
        sub.add_argument(
            "--include-operations", action="append", default=[], metavar="GLOB",
            help="only operations whose operationId or Python path matches (repeatable)",
        )  # fmt: skip
        sub.add_argument(
            "--include-tags", action="append", default=[], metavar="TAG",
            help="only operations with this tag (repeatable)",
        )  # fmt: skip
        sub.add_argument("--quiet", action="store_true", help="print nothing on success")
        sub.add_argument("--verbose", action="store_true", help="print how long each stage took")
        sub.add_argument("--debug", action="store_true", help="show tracebacks of internal errors")
    return parser


def format_problem(spec: Path, problem: Problem, document: Document | None) -> str:
    """`FILE:LINE:COL: POINTER: message (hint)` — one line, whatever the message holds."""
    if problem.position is not None:
        line, col = problem.position
    elif document is not None:
        line, col = document.positions.lookup(problem.pointer)
    else:
        line, col = 1, 1
    text = f"{spec}:{line}:{col}: #{problem.pointer}: {problem.message}"
    if problem.hint:
        text += f" (hint: {problem.hint})"
    return " ".join(text.split())


class _StatusLine:
    """Progress on a terminal, one rewritten line, only for runs that take a while."""

    def __init__(self) -> None:
        self.started = time.monotonic()
        self.shown = False

    def __call__(self, stage: str, done: int, total: int) -> None:
        if time.monotonic() - self.started < 0.3:
            return
        text = f"{stage} {done}/{total} files" if total else f"{stage}..."
        sys.stderr.write(f"\r\x1b[Kpolar-codegen: {text}")
        sys.stderr.flush()
        self.shown = True

    def clear(self) -> None:
        if self.shown:
            sys.stderr.write("\r\x1b[K")
            sys.stderr.flush()


def _no_progress(stage: str, done: int, total: int) -> None:
    pass


def _report(spec: Path, problems: list[Problem], document: Document | None) -> None:
    lines = [format_problem(spec, p, document) for p in problems]
    for line in lines:
        print(line, file=sys.stderr)
    count = len(problems)
    print(f"{count} problem{'s' if count != 1 else ''}; nothing was written.", file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    options = Options(
        spec=args.spec,
        package=args.package_name,
        templates=tuple(args.templates),
        max_bytes=args.max_spec_bytes,
        include_operations=tuple(args.include_operations),
        include_tags=tuple(args.include_tags),
    )
    document: Document | None = None
    try:
        if not args.package_name.isidentifier():
            raise InputError([Problem("", f"--package-name {args.package_name!r} is not a Python identifier")])
        status = _StatusLine() if sys.stderr.isatty() and not args.quiet else None
        try:
            result = generate(options, status or _no_progress)
        finally:
            if status is not None:
                status.clear()
        document = result.document
        if args.verbose:
            for stage, seconds in result.timings:
                print(f"{stage:>12}: {seconds * 1000:8.1f} ms", file=sys.stderr)
        if args.command == "check":
            drift = check(args.out, result.files)
            if drift:
                for item in drift:
                    sys.stdout.write(item.diff)
                print(
                    f"{len(drift)} file(s) in {args.out} differ from the spec; run `polar-codegen generate`.",
                    file=sys.stderr,
                )
                return EXIT_DRIFT
            if not args.quiet:
                print(f"{args.out} is up to date.", file=sys.stderr)
            return EXIT_OK
        blocked = conflicts(args.out, result.files)
        if blocked:
            raise InputError(blocked)
        changed = write(args.out, result.files)
        if not args.quiet:
            print(f"Wrote {len(changed)} changed file(s) to {args.out}.", file=sys.stderr)
        return EXIT_OK
    except InputError as exc:
        if isinstance(exc.document, Document):
            document = exc.document
        _report(args.spec, exc.problems, document)
        return EXIT_BAD_INPUT
    except Exception as exc:  # noqa: BLE001 - a bug of ours: say so plainly, traceback on request
        if args.debug:
            traceback.print_exc()
        print(f"polar-codegen: internal error: {type(exc).__name__}: {exc}", file=sys.stderr)
        print("Run again with --debug for a traceback, and please report it.", file=sys.stderr)
        return EXIT_INTERNAL
