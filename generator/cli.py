"""Command line: arguments in, exit codes out (0 ok, 1 drift, 2 bad input, 3 internal error)."""

from __future__ import annotations

import argparse
import gc
import keyword
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from . import config as configuration
from .arguments import command_of, parser
from .options import Options, inputs_of
from .output.environment import OutputEnvironmentError
from .output.lock import LockTimeout
from .output.uptodate import up_to_date

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (mypy reads the name)
if TYPE_CHECKING:
    from typing import NoReturn

    from .problems import InputError, Problem
    from .spec.load import Document

# Only what every command needs is imported above: `check` on an up-to-date folder answers
# from the manifest before the pipeline, Jinja, black or the validator would have loaded
# (tests/test_uptodate.py holds the list).

EXIT_OK, EXIT_DRIFT, EXIT_BAD_INPUT, EXIT_INTERNAL = 0, 1, 2, 3
def format_problem(spec: Path, problem: Problem, document: Document | None) -> str:
    """`FILE:LINE:COL: POINTER: message (hint)` — one line, whatever the message holds."""
    from .spec.load import where

    file, line, col, pointer = where(spec, problem, document)
    severity = "warning: " if problem.is_warning else ""
    text = f"{file}:{line}:{col}: #{pointer}: {severity}{problem.message}"
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


def _waiting(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _report(spec: Path, problems: list[Problem], document: Document | None, *, strict: bool = False) -> None:
    lines = [format_problem(spec, p, document) for p in problems]
    for line in lines:
        print(line, file=sys.stderr)
    count = sum(1 for p in problems if strict or not p.is_warning)
    print(f"{count} problem{'s' if count != 1 else ''}; nothing was written.", file=sys.stderr)


def _warn(spec: Path, warnings: Sequence[Problem], document: Document | None) -> None:
    for problem in warnings:
        print(format_problem(spec, problem, document), file=sys.stderr)
    count = len(warnings)
    if count:
        print(f"{count} warning{'s' if count != 1 else ''}; --strict makes them errors.", file=sys.stderr)


def _inspect(args: argparse.Namespace) -> int:
    """`review` and `diff`: 0, 1 when `--fail-on` is hit, 2 for bad input, 3 for a bug."""
    from .build import BuildOptions
    from .inspect import diff as api_diff
    from .inspect import review as api_review
    from .ir import Api
    from .problems import InputError

    options = BuildOptions(
        include_operations=tuple(args.include_operations), include_tags=tuple(args.include_tags)
    )
    try:
        if args.command == "review":
            try:
                document, api = api_review.load_api(args.spec, options, args.max_spec_bytes)
            except InputError as exc:
                return _bad_input([(str(args.spec), exc)])
            review = api_review.make_review(api, document.data)
            sys.stdout.write(api_review.render_review(review, args.format))
            return EXIT_OK
        sources = (args.old, str(args.new or args.spec))
        sides: list[Api] = []
        failures: list[tuple[str, InputError]] = []
        for source in sources:
            try:
                sides.append(api_diff.load_side(source, options, max_bytes=args.max_spec_bytes))
            except InputError as exc:
                failures.append((source, exc))
        if failures:
            return _bad_input(failures)
        changes = api_diff.diff_apis(sides[0], sides[1])
        sys.stdout.write(api_diff.render_diff(changes, sources[0], sources[1], args.format))
        return EXIT_DRIFT if api_diff.failed(changes, args.fail_on) else EXIT_OK
    except Exception as exc:  # noqa: BLE001 - a bug of ours: say so plainly, traceback on request
        return _internal_error(exc, args.debug)


def _bad_input(failures: list[tuple[str, InputError]]) -> int:
    """Every problem of every spec, one `FILE:LINE:COL: POINTER: message` line each."""
    from .spec.load import Document

    count = 0
    for source, error in failures:
        document = error.document if isinstance(error.document, Document) else None
        for problem in error.problems:
            print(format_problem(Path(source), problem, document), file=sys.stderr)
        count += len(error.problems)
    print(f"{count} problem{'s' if count != 1 else ''}.", file=sys.stderr)
    return EXIT_BAD_INPUT


def run() -> NoReturn:
    """The command's entry point. What is still alive when main() is done is frozen out of
    the garbage collector first: the interpreter's exit would otherwise collect what the
    run left, its caches and the cycles among its objects (about 80 ms after Polar's API,
    longer than some whole runs), just before the system frees all of it at once. Exit
    handlers and the flushing of output run as usual."""
    code = main()
    gc.freeze()
    raise SystemExit(code)


def main(argv: Sequence[str] | None = None) -> int:
    given = sys.argv[1:] if argv is None else list(argv)
    args = parser(command_of(given)).parse_args(given)
    try:
        found = configuration.load_config()
        configuration.apply(args, found)
        configuration.require(args, found)
        if args.command in ("generate", "check"):
            _check_package_name(args.package_name)
    except (configuration.ConfigError, configuration.UsageError) as exc:
        print(exc.line(), file=sys.stderr)
        return EXIT_BAD_INPUT
    if args.command in ("review", "diff"):
        return _inspect(args)
    options = Options(
        spec=args.spec,
        package=args.package_name,
        templates=tuple(args.templates),
        max_bytes=args.max_spec_bytes,
        include_operations=tuple(args.include_operations),
        include_tags=tuple(args.include_tags),
        allow_file_refs=args.allow_file_refs,
        strict=bool(args.strict),
        validate_in_background=True,
    )
    document: Document | None = None
    try:
        waiting = None if args.quiet else _waiting
        if not args.full and _vouched(args, options):
            if not args.quiet:
                done = "" if args.command == "check" else "; nothing to write"
                print(f"{args.out} is up to date{done}.", file=sys.stderr)
            return EXIT_OK
        from .output.write import check, conflicts, write
        from .pipeline import generate

        status = _StatusLine() if sys.stderr.isatty() and not args.quiet else None
        try:
            result = generate(options, status or _no_progress)
        finally:
            if status is not None:
                status.clear()
        document = result.document
        if not args.quiet:
            _warn(args.spec, result.warnings, document)
        if args.verbose:
            for stage, seconds in result.timings:
                print(f"{stage:>12}: {seconds * 1000:8.1f} ms", file=sys.stderr)
        if args.command == "check":
            drift = check(args.out, result.files, result.inputs, lock_timeout=args.lock_timeout, on_wait=waiting)
            if drift:
                from .output.drift_report import drift_report

                report = drift_report(args.out, drift)
                print(report.summary, file=sys.stderr, flush=True)
                sys.stdout.write(report.diffs)
                sys.stdout.flush()
                print(report.footer, file=sys.stderr)
                return EXIT_DRIFT
            if not args.quiet:
                print(f"{args.out} is up to date.", file=sys.stderr)
            return EXIT_OK
        blocked = conflicts(args.out, result.files)
        if blocked:
            return _refused(blocked)
        changed = write(args.out, result.files, result.inputs, lock_timeout=args.lock_timeout, on_wait=waiting)
        if not args.quiet:
            print(f"Wrote {len(changed)} changed file(s) to {args.out}.", file=sys.stderr)
        return EXIT_OK
    except LockTimeout as exc:
        print(f"polar-codegen: error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except OutputEnvironmentError as exc:
        print(f"polar-codegen: error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except Exception as exc:  # noqa: BLE001 - said plainly below, traceback on request
        from .problems import InputError

        if isinstance(exc, InputError):
            return _input_error(args, exc, document)
        if not (_template_error(exc) and args.templates):
            return _internal_error(exc, args.debug)  # the built-in templates failing included
        # The user's own templates are input: say where they went wrong, no traceback.
        where = _template_location(exc)
        print(f"polar-codegen: {where}{type(exc).__name__}: {exc}", file=sys.stderr)
        print("The templates given with --templates produced no valid output; nothing was written.", file=sys.stderr)
        return EXIT_BAD_INPUT


def _input_error(args: argparse.Namespace, exc: InputError, document: Document | None) -> int:
    from .spec.load import Document

    if isinstance(exc.document, Document):
        document = exc.document
    _report(args.spec, exc.problems, document, strict=bool(args.strict))
    return EXIT_BAD_INPUT


def _check_package_name(name: str) -> None:
    if not name.isidentifier() or keyword.iskeyword(name):
        raise configuration.UsageError(
            f"--package-name {name!r} is not a Python identifier that can be imported "
            "(letters, digits and _, not starting with a digit, not a keyword; e.g. my_client)"
        )


def _refused(problems: list[Problem]) -> int:
    """Problems of the output folder, not the spec: said without a spec location."""
    for problem in problems:
        hint = f" (hint: {problem.hint})" if problem.hint else ""
        print(" ".join(f"polar-codegen: error: {problem.message}{hint}".split()), file=sys.stderr)
    count = len(problems)
    print(f"{count} problem{'s' if count != 1 else ''}; nothing was written.", file=sys.stderr)
    return EXIT_BAD_INPUT


def _vouched(args: argparse.Namespace, options: Options) -> bool:
    """The manifest's stamp and hashes show the folder is what this run would write."""
    started = time.perf_counter()
    fresh = up_to_date(args.out, inputs_of(options))
    if args.verbose:
        verdict = "up to date" if fresh else "cannot vouch, generating"
        print(f"{'manifest':>12}: {(time.perf_counter() - started) * 1000:8.1f} ms ({verdict})", file=sys.stderr)
    return fresh


def _template_error(exc: Exception) -> bool:
    """An error Jinja or black raised over what the templates produced (both are loaded
    by then, if they are to blame)."""
    jinja2 = sys.modules.get("jinja2")
    from .emit.format import FormatError

    return isinstance(exc, FormatError) or (jinja2 is not None and isinstance(exc, jinja2.TemplateError))


def _internal_error(exc: Exception, debug: bool) -> int:
    """A bug of ours: said plainly, with a traceback on request."""
    if debug:
        import traceback

        traceback.print_exception(exc)
    print(f"polar-codegen: internal error: {type(exc).__name__}: {exc}", file=sys.stderr)
    print("Run again with --debug for a traceback, and please report it.", file=sys.stderr)
    return EXIT_INTERNAL


def _template_location(exc: Exception) -> str:
    filename = getattr(exc, "filename", None)
    lineno = getattr(exc, "lineno", None)
    if filename:
        return f"{filename}:{lineno}: " if lineno else f"{filename}: "
    return ""
