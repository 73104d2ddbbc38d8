"""The command line's options and their `--help`: every option says what it does and its
default, and every command says where the configuration lives and gives examples. README
and docs/ci.md describe the same options (tests/test_help.py holds them together)."""

from __future__ import annotations

import argparse
import textwrap
from collections.abc import Sequence
from pathlib import Path

from . import __version__
from .config import EXAMPLE, KEYS, MEANINGS, SECTION
from .limits import DEFAULT_MAX_BYTES
from .output.lock import DEFAULT_LOCK_TIMEOUT

COMMANDS = ("generate", "check", "review", "diff")
REVIEW_FORMATS = ("markdown", "text", "json")
DIFF_FORMATS = ("text", "markdown", "json")

_CONFIG_VALUES = {
    "spec": '"openapi.yaml"',
    "out": '"client"',
    "package-name": '"my_client"',
    "templates": '["codegen-templates"]',
    "include-operations": '["users:*"]',
    "include-tags": '["public"]',
    "max-spec-bytes": str(DEFAULT_MAX_BYTES),
    "strict": "true",
}


def _configuration() -> str:
    width = max(len(f"{key} = {value}") for key, value in _CONFIG_VALUES.items())
    rows = "\n".join(
        f"  {f'{key} = {_CONFIG_VALUES[key]}':<{width}}  # --{key}: {MEANINGS[key]}" for key in KEYS
    )
    return (
        f"configuration:\n"
        f"  Options may be set under [{SECTION}] in the nearest pyproject.toml that has the table\n"
        "  (the current folder, then its parents up to the git root). Paths in it are relative to\n"
        "  that file; a flag given on the command line wins over it. Its keys:\n\n"
        f"  [{SECTION}]\n{rows}\n"
    )


_QUICK = (
    f"polar-codegen generate --spec {EXAMPLE['spec']} --out {EXAMPLE['out']} "
    f"--package-name {EXAMPLE['package-name']}"
)

_GENERATE_EXAMPLES = f"""examples:
  {_QUICK}
  polar-codegen generate                        # everything from [{SECTION}]
  polar-codegen generate --include-tags public  # only the operations tagged public

exit codes: 0 written (or already up to date), 2 bad input (nothing written), 3 a bug.
"""

_CHECK_EXAMPLES = f"""examples:
  polar-codegen check                           # in CI or a pre-commit hook
  {_QUICK.replace("generate", "check", 1)}

exit codes: 0 up to date, 1 the folder differs (a summary line, then the diff), 2 bad input,
3 a bug in polar-codegen.
"""

_REVIEW_EXAMPLES = f"""examples:
  polar-codegen review --spec {EXAMPLE['spec']}
  polar-codegen review --format json > api.json

exit codes: 0 printed, 2 bad input, 3 a bug in polar-codegen.
"""

_DIFF_EXAMPLES = f"""examples:
  polar-codegen diff HEAD~1:{EXAMPLE['spec']} {EXAMPLE['spec']}
  polar-codegen diff origin/main:{EXAMPLE['spec']} --format markdown > api-changes.md
  polar-codegen diff old.yaml new.yaml --fail-on breaking

exit codes: 0 fine, 1 --fail-on was hit, 2 bad input, 3 a bug in polar-codegen.
"""

_MAIN_EPILOG = f"""quick start, in your own repository (polar-codegen installed from a checkout or a wheel):
  {_QUICK}
  pip install ./{EXAMPLE['out']}      # the generated package; then: from {EXAMPLE['package-name']} import Client

`polar-codegen COMMAND --help` describes each command's options.

{_configuration()}
exit codes: 0 success, 1 check: the folder differs / diff: --fail-on hit, 2 bad input, 3 a bug.
"""


def parser(command: str | None = None) -> argparse.ArgumentParser:
    """Every command with its options; given the `command` a run names, the others with
    their names and help only (what the main `--help` and its errors list), since building
    every option of every command is most of a quick `check`'s own time."""
    main = argparse.ArgumentParser(
        prog="polar-codegen",
        description="Generate a typed Python client (httpx + msgspec) from an OpenAPI 3.0/3.1 spec.",
        epilog=_MAIN_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    main.add_argument("--version", action="version", version=f"polar-codegen {__version__}")
    commands = main.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, text, examples in (
        ("generate", "write the client package into --out", _GENERATE_EXAMPLES),
        (
            "check",
            "compare --out with a fresh generation, writing nothing; exit 1 when it differs",
            _CHECK_EXAMPLES,
        ),
    ):
        sub = commands.add_parser(
            name,
            help=text,
            description=textwrap.fill(text + ".", 79),
            epilog=examples + "\n" + _configuration(),
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        if command in (None, name):
            _add_generation_options(sub)
    _inspect_commands(commands, command)
    return main


def command_of(argv: Sequence[str]) -> str | None:
    """The command these arguments name, or None when that is not clear before parsing
    (then every command is built, for argparse's own errors)."""
    for arg in argv:
        if not arg.startswith("-"):
            return arg if arg in COMMANDS else None
        if arg in ("-h", "--help", "--version"):
            return None
    return None


def _add_generation_options(sub: argparse.ArgumentParser) -> None:
    """Defaults of None are filled from the configuration (config.apply); the three with no
    default at all are asked for by config.require."""
    sub.add_argument(
        "--spec", type=Path, default=None, metavar="PATH",
        help="the OpenAPI 3.0/3.1 document, YAML or JSON (config: spec; no default: required)",
    )  # fmt: skip
    sub.add_argument(
        "--out", type=Path, default=None, metavar="DIR",
        help="the folder written: pyproject.toml, README.md and DIR/NAME/ "
        "(config: out; no default: required)",
    )  # fmt: skip
    sub.add_argument(
        "--package-name", default=None, metavar="NAME",
        help="the client's import name, a Python identifier (config: package-name; "
        "no default: required, never guessed from the spec)",
    )  # fmt: skip
    sub.add_argument(
        "--templates", type=Path, action="append", default=None, metavar="DIR",
        help="a folder of templates that override the built-in ones of the same name; "
        "repeatable (config: templates; default: none, the built-in templates only)",
    )  # fmt: skip
    _add_spec_reading_options(sub)
    sub.add_argument(
        "--lock-timeout", type=float, default=DEFAULT_LOCK_TIMEOUT, metavar="SECONDS",
        help="how long to wait for another run on the same folder (default: %(default)g)",
    )  # fmt: skip
    sub.add_argument(
        "--allow-file-refs", action="store_true",
        help="follow $refs to files in the spec's folder, never URLs (default: refuse them)",
    )  # fmt: skip
    sub.add_argument(
        "--full", action="store_true",
        help="generate in full even when the manifest shows the folder is up to date "
        "(default: answer from the manifest)",
    )  # fmt: skip
    sub.add_argument(
        "--strict", action="store_true", default=None,
        help="treat every warning as an error: exit 2, nothing written "
        "(config: strict; default: warnings are printed and the run goes on)",
    )  # fmt: skip
    sub.add_argument(
        "--quiet", action="store_true", help="print nothing on success (default: a summary line)"
    )
    sub.add_argument(
        "--verbose", action="store_true", help="print how long each stage took (default: off)"
    )


def _add_spec_reading_options(sub: argparse.ArgumentParser) -> None:
    """The options of every command that reads a spec: which operations, how large, --debug."""
    sub.add_argument(
        "--include-operations", action="append", default=None, metavar="GLOB",
        help="only operations whose operationId or Python path matches, and what they reach; "
        "repeatable (config: include-operations; default: every operation)",
    )  # fmt: skip
    sub.add_argument(
        "--include-tags", action="append", default=None, metavar="TAG",
        help="only operations with this tag; repeatable (config: include-tags; default: every tag)",
    )  # fmt: skip
    sub.add_argument(
        "--max-spec-bytes", type=int, default=None, metavar="N",
        help=f"largest spec read, files it pulls in included (config: max-spec-bytes; "
        f"default: {DEFAULT_MAX_BYTES:,} bytes)",
    )  # fmt: skip
    sub.add_argument(
        "--debug", action="store_true",
        help="show a traceback when polar-codegen itself fails (default: one line)",
    )  # fmt: skip


def _inspect_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser], command: str | None) -> None:
    """`review` and `diff`: read specs and print; they never write a file."""
    text = "print the API as the generated client exposes it, with findings for a reviewer"
    review = commands.add_parser(
        "review",
        help=text,
        description=textwrap.fill(text + "; writes nothing.", 79),
        epilog=_REVIEW_EXAMPLES + "\n" + _configuration(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    text = "classify the changes between two specs (files or git REV:PATH)"
    diff = commands.add_parser(
        "diff",
        help=text,
        description=textwrap.fill(text + " for the Python API and the HTTP contract; writes nothing.", 79),
        epilog=_DIFF_EXAMPLES + "\n" + _configuration(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    if command in (None, "review"):
        _add_review_options(review)
    if command in (None, "diff"):
        _add_diff_options(diff)


def _add_review_options(review: argparse.ArgumentParser) -> None:
    review.add_argument(
        "--spec", type=Path, default=None, metavar="PATH",
        help="the OpenAPI document (config: spec; no default: required)",
    )  # fmt: skip
    review.add_argument(
        "--format", choices=REVIEW_FORMATS, default="markdown",
        help="markdown for a pull request, text for a terminal, json for tools "
        "(default: %(default)s)",
    )  # fmt: skip
    _add_spec_reading_options(review)


def _add_diff_options(diff: argparse.ArgumentParser) -> None:
    diff.add_argument("old", metavar="OLD", help="a spec file, or REV:PATH read with `git show`")
    diff.add_argument(
        "new", metavar="NEW", nargs="?", default=None,
        help="a spec file, or REV:PATH (default: --spec, else the configuration's spec)",
    )  # fmt: skip
    diff.add_argument(
        "--spec", type=Path, default=None, metavar="PATH",
        help="NEW when it is not given (config: spec)",
    )  # fmt: skip
    diff.add_argument(
        "--format", choices=DIFF_FORMATS, default="text",
        help="text for a terminal, markdown for a pull-request comment, json for tools "
        "(default: %(default)s)",
    )  # fmt: skip
    diff.add_argument(
        "--fail-on", choices=("breaking", "warning"), default=None,
        help="exit 1 when a change of this severity or worse is found (default: never)",
    )  # fmt: skip
    _add_spec_reading_options(diff)
