"""Problems travel as values from every stage to the CLI, which is the only place that prints.

An error makes a correct client impossible: the run stops before anything is written. A
warning is a recoverable defect of the spec: its message says what the generator did
instead, and generation goes on (`--strict` turns warnings into errors)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the input, located by JSON pointer into the spec."""

    pointer: str
    message: str
    hint: str | None = None
    # Where the pointer cannot say it (a YAML syntax error has no pointer yet): line, column.
    position: tuple[int, int] | None = None
    # The file the pointer and position are in, when it is not the spec itself (a file that
    # a `$ref` named, read with --allow-file-refs).
    file: str | None = None
    severity: str = "error"

    @property
    def is_warning(self) -> bool:
        return self.severity == WARNING


ERROR = "error"
WARNING = "warning"


def warning(pointer: str, message: str, hint: str | None = None) -> Problem:
    """A recoverable defect; `message` says what the generator did about it."""
    return Problem(pointer, message, hint, severity=WARNING)


def split_severity(problems: list[Problem], *, strict: bool = False) -> tuple[list[Problem], list[Problem]]:
    """(errors, warnings); under `strict` every warning counts as an error."""
    if strict:
        return list(problems), []
    return [p for p in problems if not p.is_warning], [p for p in problems if p.is_warning]


class InputError(Exception):
    """Raised by a stage that cannot go on; carries every problem found so far."""

    def __init__(self, problems: list[Problem], document: object = None) -> None:
        super().__init__(f"{len(problems)} problem(s) in the input")
        self.problems = problems
        # The loaded document, when there is one, to turn pointers into line and column.
        self.document = document


def escape_pointer_token(token: str | int) -> str:
    text = str(token)
    if "~" not in text and "/" not in text:
        return text  # most tokens: checked in one step each
    return text.replace("~", "~0").replace("/", "~1")


def unescape_pointer_token(token: str) -> str:
    return token.replace("~1", "/").replace("~0", "~")


def join_pointer(base: str, *tokens: str | int) -> str:
    if len(tokens) == 1:
        return base + "/" + escape_pointer_token(tokens[0])  # the usual call: one step down
    return base + "".join("/" + escape_pointer_token(t) for t in tokens)


def split_pointer(pointer: str) -> list[str]:
    if pointer in ("", "#"):
        return []
    body = pointer.removeprefix("#")
    return [unescape_pointer_token(t) for t in body.split("/")[1:]]


def resolve_pointer(data: Any, pointer: str) -> tuple[bool, Any]:
    """(found, node) at a JSON pointer into plain data; (False, None) where it leads nowhere."""
    node = data
    for token in split_pointer(pointer):
        if isinstance(node, dict) and token in node:
            node = node[token]
        elif isinstance(node, list) and token.isdigit() and int(token) < len(node):
            node = node[int(token)]
        else:
            return False, None
    return True, node


def in_document_order(data: Any, problems: list[Problem]) -> list[Problem]:
    """Top to bottom, as the user reads the file (stable: problems at one place keep their
    order); problems in other files come last."""

    def key(problem: Problem) -> tuple[int, list[int]]:
        if problem.file is not None:
            return (1, [])
        order: list[int] = []
        node = data
        for token in split_pointer(problem.pointer):
            if isinstance(node, dict) and token in node:
                order.append(list(node).index(token))
                node = node[token]
            elif isinstance(node, list) and token.isdigit() and int(token) < len(node):
                order.append(int(token))
                node = node[int(token)]
            else:
                break
        return (0, order)

    return sorted(problems, key=key) if len(problems) > 1 else problems
