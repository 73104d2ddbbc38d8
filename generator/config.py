"""`[tool.polar-codegen]` in pyproject.toml: the options of a repository, so that plain
`polar-codegen generate` / `check` / `review` / `diff` do the right thing there.

Where: the nearest `pyproject.toml` with a `[tool.polar-codegen]` table, looking in the current
directory, then its parents, up to and including the git root (the first directory holding
`.git`), or up to the filesystem root outside a repository. Paths in it are relative to the
folder of that pyproject.toml. Command-line flags override it; it overrides the built-in
defaults. An unknown key or a value of the wrong type is an error, never ignored.

There is no built-in spec, output folder or package name: a default that is this
repository's own spec fails, or quietly names another API's package, in every other
repository. Nor is the package name taken from the spec's title: the import name is the
client's public API, and a title edited for readers ("Polar API" to "Polar Public API")
would rename it and break every import, while generic titles ("API") make clashing names.
"""

from __future__ import annotations

import argparse
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .limits import DEFAULT_MAX_BYTES

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (mypy reads the name)
if TYPE_CHECKING:
    from typing import Any

SECTION = "tool.polar-codegen"

# key -> kind of value
KEYS: dict[str, str] = {
    "spec": "path",
    "out": "path",
    "package-name": "str",
    "templates": "paths",
    "include-operations": "strs",
    "include-tags": "strs",
    "max-spec-bytes": "int",
    "strict": "bool",
}

# What each key means, for `--help` and the docs (the flag of the same name says more).
MEANINGS: dict[str, str] = {
    "spec": "the OpenAPI document",
    "out": "the folder the client is written to",
    "package-name": "the import name of the client",
    "templates": "folders of template overrides",
    "include-operations": "operationId or Python path globs",
    "include-tags": "tags of the operations to generate",
    "max-spec-bytes": "largest spec read",
    "strict": "every warning is an error",
}

# Options with no default: the command line or the configuration must give them.
REQUIRED: dict[str, tuple[str, ...]] = {
    "generate": ("spec", "out", "package-name"),
    "check": ("spec", "out", "package-name"),
    "review": ("spec",),
}

DEFAULTS: dict[str, Any] = {
    "templates": [],
    "include-operations": [],
    "include-tags": [],
    "max-spec-bytes": DEFAULT_MAX_BYTES,
    "strict": False,
}


class UsageError(Exception):
    """A mistake on the command line, not in any file: `polar-codegen: error: ...`."""

    def line(self) -> str:
        return " ".join(f"polar-codegen: error: {self}".split())


def dest(key: str) -> str:
    """The argparse destination of a key (`package-name` -> `package_name`)."""
    return key.replace("-", "_")


class ConfigError(Exception):
    """A bad configuration, printed as one `FILE:LINE:COL: POINTER: message (hint: ...)` line."""

    def __init__(
        self,
        path: Path,
        position: tuple[int, int],
        pointer: str,
        message: str,
        hint: str | None = None,
    ) -> None:
        self.path = path
        self.position = position
        self.pointer = pointer
        self.message = message
        self.hint = hint
        super().__init__(self.line())

    def line(self) -> str:
        line, col = self.position
        text = f"{self.path}:{line}:{col}: #{self.pointer}: {self.message}"
        if self.hint:
            text += f" (hint: {self.hint})"
        return " ".join(text.split())


@dataclass(frozen=True)
class Config:
    # The pyproject.toml read, or None when there is none.
    path: Path | None = None
    # Checked values by key, paths already relative to the current directory.
    values: dict[str, Any] = field(default_factory=dict)


def find(start: Path) -> Path | None:
    """The nearest pyproject.toml with a [tool.polar-codegen] table (see the module doc)."""
    folder = start.resolve()
    while True:
        candidate = folder / "pyproject.toml"
        if candidate.is_file() and _has_section(candidate, _display_path(candidate, start)):
            return candidate
        if (folder / ".git").exists() or folder.parent == folder:
            return None
        folder = folder.parent


def _has_section(path: Path, shown: Path) -> bool:
    try:
        text = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    if "polar-codegen" not in text:
        return False
    data = _parse(shown, text)
    return isinstance(data.get("tool"), dict) and "polar-codegen" in data["tool"]


def _parse(path: Path, text: str) -> dict[str, Any]:
    import tomllib  # here: a run without a configuration does not pay for it

    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        found = re.search(r"\(at line (\d+), column (\d+)\)", str(exc))
        position = (int(found.group(1)), int(found.group(2))) if found else (1, 1)
        reason = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(exc))
        raise ConfigError(path, position, "", f"invalid TOML: {reason}") from None


def load_config(cwd: Path | None = None) -> Config:
    here = cwd or Path.cwd()
    path = find(here)
    if path is None:
        return Config()
    return Config(_display_path(path, here), read(path, here))


def read(path: Path, cwd: Path | None = None) -> dict[str, Any]:
    """The checked [tool.polar-codegen] values of one pyproject.toml."""
    here = cwd or Path.cwd()
    shown = _display_path(path, here)
    try:
        text = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(shown, (1, 1), "", f"cannot read the configuration: {exc}") from None
    data = _parse(shown, text)
    table = (
        data.get("tool", {}).get("polar-codegen", {}) if isinstance(data.get("tool"), dict) else {}
    )
    if not isinstance(table, dict):
        raise ConfigError(
            shown, _key_position(text, None), "/tool/polar-codegen", f"[{SECTION}] must be a table"
        )
    base = path.parent.resolve()
    values: dict[str, Any] = {}
    for key, value in table.items():
        pointer = f"/tool/polar-codegen/{key}"
        if key not in KEYS:
            import difflib

            close = difflib.get_close_matches(key, list(KEYS), n=1)
            hint = (
                (f"did you mean {close[0]!r}? " if close else "")
                + "valid keys: "
                + ", ".join(sorted(KEYS))
            )
            raise ConfigError(
                shown,
                _key_position(text, key),
                pointer,
                f"unknown key {key!r} in [{SECTION}]",
                hint,
            )
        problem = _check(KEYS[key], value)
        if problem is not None:
            raise ConfigError(
                shown,
                _key_position(text, key),
                pointer,
                f"{key} must be {problem}, not {_kind(value)}",
            )
        values[key] = _convert(KEYS[key], value, base, here)
    return values


def _check(kind: str, value: Any) -> str | None:
    """What the value should have been, or None when it is fine."""
    if kind in ("path", "str"):
        return None if isinstance(value, str) and value.strip() else "a non-empty string"
    if kind in ("paths", "strs"):
        items = [value] if isinstance(value, str) else value
        ok = isinstance(items, list) and all(isinstance(v, str) and v.strip() for v in items)
        return None if ok else "a string or a list of strings"
    if kind == "int":
        ok = isinstance(value, int) and not isinstance(value, bool) and value > 0
        return None if ok else "a positive integer"
    if kind == "bool":
        return None if isinstance(value, bool) else "true or false"
    raise AssertionError(kind)


def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, str):
        return f"the string {value!r}"
    if isinstance(value, list):
        return "a list of " + (", ".join(sorted({type(v).__name__ for v in value})) or "nothing")
    if isinstance(value, dict):
        return "a table"
    return type(value).__name__


def _convert(kind: str, value: Any, base: Path, cwd: Path) -> Any:
    if kind == "path":
        return _relative(base, str(value), cwd)
    if kind == "paths":
        items = [value] if isinstance(value, str) else value
        return [_relative(base, str(v), cwd) for v in items]
    if kind == "strs":
        return [value] if isinstance(value, str) else list(value)
    return value


def _relative(base: Path, value: str, cwd: Path) -> Path:
    """A path from the configuration, as seen from the current directory."""
    path = Path(value).expanduser()
    if path.is_absolute():
        return path
    return _display_path(base / path, cwd)


def _display_path(path: Path, cwd: Path) -> Path:
    try:
        return Path(os.path.relpath(path, cwd.resolve()))
    except ValueError:  # another drive on Windows
        return path


def _key_position(text: str, key: str | None) -> tuple[int, int]:
    """Line and column of a key inside [tool.polar-codegen] (TOML parsers do not say)."""
    lines = text.splitlines()
    header = re.compile(r"^\s*\[\s*tool\s*\.\s*[\"']?polar-codegen[\"']?\s*\]")
    start = next((i for i, line in enumerate(lines) if header.match(line)), None)
    if start is None:
        return (1, 1)
    if key is not None:
        wanted = re.compile(r"^(\s*)[\"']?" + re.escape(key) + r"[\"']?\s*=")
        for i in range(start + 1, len(lines)):
            if lines[i].lstrip().startswith("["):
                break
            found = wanted.match(lines[i])
            if found:
                return (i + 1, len(found.group(1)) + 1)
    return (start + 1, 1)


def apply(args: argparse.Namespace, config: Config) -> None:
    """Fill the options the command line left unset (None): configuration, then defaults;
    those with no default stay None for `require` to name."""
    for key in KEYS:
        name = dest(key)
        if not hasattr(args, name) or getattr(args, name) is not None:
            continue
        value = config.values.get(key, DEFAULTS.get(key))
        setattr(args, name, list(value) if isinstance(value, list) else value)


def require(args: argparse.Namespace, config: Config) -> None:
    """Raise `UsageError` naming every option the command needs that neither the command
    line nor the configuration gave, with how to give it."""
    command = args.command
    needed = REQUIRED.get(command, ())
    if command == "diff" and getattr(args, "new", None) is None:
        needed = ("spec",)
    missing = [key for key in needed if getattr(args, dest(key), None) is None]
    if not missing:
        return
    flags = "NEW or --spec" if command == "diff" else _and(f"--{key}" for key in missing)
    where = (
        f"{config.path} has no {_and(missing)} under [{SECTION}]"
        if config.path is not None
        else f"no pyproject.toml with a [{SECTION}] table was found"
    )
    example = " ".join(f"--{key} {EXAMPLE[key]}" for key in needed)
    if command == "diff":
        example = "HEAD~1:openapi.yaml openapi.yaml"
    settings = ", ".join(f"{key} = {EXAMPLE[key]!r}" for key in missing).replace("'", '"')
    raise UsageError(
        f"{command} needs {flags} ({where}); pass "
        + ("it" if len(missing) == 1 else "them")
        + f", e.g. `polar-codegen {command} {example}`, or set {settings} under [{SECTION}] "
        f"in pyproject.toml (see `polar-codegen {command} --help`)"
    )


EXAMPLE = {"spec": "openapi.yaml", "out": "client", "package-name": "my_client"}


def _and(items: Iterable[str]) -> str:
    words = list(items)
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]
