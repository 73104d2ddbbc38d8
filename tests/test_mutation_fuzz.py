"""Mutated specs never break the generator's promises on bad input.

Seeds: this repository's spec and a slice of Polar's full document (a few tags' operations
and every component they reach). Each case applies one to three mutations (a key deleted, a
value of another type, an odd string as a value or a key, a broken `$ref`, another version
string, a subtree copied elsewhere, a JSON Schema keyword set on a schema), writes the
result as YAML or JSON and runs `generate`.
Whatever comes out:

- the exit code is 0 or 2, never 3 (an internal error), and no traceback is printed;
- with exit 2, every line is located (`FILE:LINE:COL: #POINTER: ...`) or the closing count,
  and nothing is written;
- with exit 0, every line is a located warning or the warning count, and the package imports.

The cases are seeded, so a failure names a case that can be run again by its number
(`FUZZ_ONLY=<seed>:<case>`). Two worker processes share the cases (the machine has two
cores); each case is bounded in time.
"""

from __future__ import annotations

import concurrent.futures
import contextlib
import copy
import importlib
import io
import json
import multiprocessing
import os
import random
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import SHARED_SPECS, SPEC

POLAR = SHARED_SPECS / "polar-openapi.json"
# The tags whose operations make the Polar seed: a discriminated union, enums, lists, a
# file upload; small enough for a case to take a second.
POLAR_TAGS = ("custom-fields", "files")
CASES = 160  # in every run
MORE_CASES = 240  # the slow test's, on other seeds
CASE_SECONDS = 90

LOCATED = re.compile(r"^.+?:\d+:\d+: #.*?: .+$")
PROBLEM_COUNT = re.compile(r"^\d+ problems?; nothing was written\.$")
WARNING_COUNT = re.compile(r"^\d+ warnings?; --strict makes them errors\.$")

ODD_STRINGS = (
    '"', "\\", "a\"b'c", '"""', "'''", "\n", "a\nb", "\r\n", "\t", "\x00", "\x7f", "\u2028",
    "é", "名前", "😀", "class", "None", "self", "__init__", "def", "import", "{x}", "${x}", "%s",
    "{{", "}}", "a b", "1abc", "-", "_", "", " ", "a" * 300, "\\u0000", "</script>", "#", "?",
    "..", "/", "~1", "$ref", "0", "true", "null", "__class__", "print(1)", "`x`",
)  # fmt: skip
OTHER_VALUES: tuple[Any, ...] = (None, True, False, 0, -1, 1.5, 10**30, "", "x", [], {}, [1], {"a": 1}, ["x", None])
BROKEN_REFS = (
    "#/components/schemas/Missing", "#/nope", "#", "#/paths", "", "other.yaml#/x",
    "http://127.0.0.1:9/x.json", "#/components/schemas", "#/info/title", "#/components/schemas/%",
)  # fmt: skip
# JSON Schema keywords set on a schema, with values valid, odd and wrong: what the schema
# stages read (a `pattern` Python cannot compile beside a default once crashed the run).
KEYWORDS: dict[str, tuple[Any, ...]] = {
    "pattern": ("(", "\\p{L}+", "^[a-z]+$", 5, ""),
    "format": ("regex", "date-time", "uuid", "int64", "byte", "binary", 5, "weird", "decimal"),
    "minimum": (0, -1, 1.5, "1", True, 10**30),
    "exclusiveMaximum": (True, 0, -2),
    "multipleOf": (0, 0.1, -1, "x"),
    "maxLength": (-1, 0, 2, 10**30),
    "enum": ([], [None], [1, "1"], "x", [{"a": 1}], [True, 1], ["a", "a"], ["", " ", "-"], [[1], [2]]),
    "const": (None, {"a": [1]}, "x", True, "class"),
    "default": (None, "x", 0, [], {}, 10**30, {"a": None}, 1.5, "2020-01-01T00:00:00Z"),
    "items": (True, False, {}, [], [{"type": "string"}]),
    "additionalProperties": (False, True, {"type": "integer"}, "x"),
    "nullable": (True, "yes"),
    "type": (["string", "null"], "null", "file", [], ["integer", "string"], 5, ["array", "object"]),
    "discriminator": ({"propertyName": "kind"}, {"propertyName": 5}, {"propertyName": "type", "mapping": {"a": "#/nope"}}),
    "readOnly": (True,),
    "$recursiveRef": ("#",),
    "prefixItems": ([{"type": "integer"}], [], "x"),
    "required": (["a"], [], "a", [1], ["x", "x"]),
    "properties": ({}, {"": {"type": "string"}}, {"a": False}, {"class": {"type": "integer", "default": 1}}, "x"),
    "allOf": ([], [True], [{"type": "string"}, {"type": "integer"}]),
    "oneOf": ([], [{"type": "null"}], [{"type": "string"}, {"type": "string"}], [{"enum": [1]}, {"enum": ["1"]}]),
    "anyOf": ([{}], [{"type": "object"}, {"type": "array"}], [{"const": None}]),
    "description": ('"""', "\\", "a\u2028b", "*/"),
    "x-enum-varnames": (["A"], ["a", "a"], 5),
    "patternProperties": ({"^a": {"type": "integer"}}, {"(": {}}),
    "$schema": ("http://json-schema.org/draft-04/schema#", "x"),
}
SCHEMA_KEYS = ("type", "properties", "$ref", "allOf", "oneOf", "anyOf", "enum", "items")
VERSIONS: tuple[Any, ...] = ("3.0.0", "3.0.3", "3.1.0", "3.1.1", "3.2.0", "2.0", "4.0.0", "3", 3.1, "3.1.0-rc1", " 3.1.0", None)


@dataclass(frozen=True)
class Outcome:
    case: str
    code: int
    stderr: str
    wrote: bool
    imported: str | None  # None when it imported (or was not to be imported), else why not


def _components_reached(data: dict[str, Any], roots: list[Any]) -> dict[str, dict[str, Any]]:
    """Every component that `roots` refer to, transitively."""
    keep: dict[str, dict[str, Any]] = {}
    todo = list(roots)
    while todo:
        node = todo.pop()
        if isinstance(node, dict):
            target = node.get("$ref")
            if isinstance(target, str) and target.startswith("#/components/"):
                _, _, section, name = target.split("/", 3)
                if name not in keep.setdefault(section, {}):
                    found = data["components"][section][name]
                    keep[section][name] = found
                    todo.append(found)
            todo.extend(node.values())
        elif isinstance(node, list):
            todo.extend(node)
    return keep


def polar_seed() -> dict[str, Any]:
    """A few tags of Polar's document, self-contained."""
    data = json.loads(POLAR.read_text(encoding="utf-8"))
    paths: dict[str, Any] = {}
    for path, item in data["paths"].items():
        ops = {m: op for m, op in item.items() if isinstance(op, dict) and set(op.get("tags", ())) & set(POLAR_TAGS)}
        if ops:
            paths[path] = ops
    seed = {k: v for k, v in data.items() if k not in ("paths", "components", "webhooks")}
    seed["paths"] = paths
    components = _components_reached(data, [paths])
    schemes = data.get("components", {}).get("securitySchemes")
    if schemes:
        components["securitySchemes"] = schemes
    seed["components"] = components
    return seed


def _nodes(data: Any) -> list[tuple[Any, Any]]:
    """(container, key) for every value under the root."""
    found: list[tuple[Any, Any]] = []
    todo = [data]
    while todo:
        node = todo.pop()
        items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
        for key, value in items:
            found.append((node, key))
            todo.append(value)
    return found


def _rename(container: dict[str, Any], key: Any, new: Any) -> None:
    """Change one key of a mapping in place, keeping the order."""
    items = [(new if k == key else k, v) for k, v in container.items()]
    container.clear()
    container.update(items)


def mutate(data: dict[str, Any], rng: random.Random) -> list[str]:
    """Apply one mutation; say what it was."""
    nodes = _nodes(data)
    container, key = rng.choice(nodes)
    kind = rng.choice(("delete", "retype", "odd-value", "odd-key", "ref", "version", "copy", "retype", "keyword"))
    if kind == "keyword":
        values = [node[at] for node, at in nodes]
        schemas = [v for v in values if isinstance(v, dict) and any(key in v for key in SCHEMA_KEYS)]
        if schemas:
            schema, keyword = rng.choice(schemas), rng.choice(sorted(KEYWORDS))
            schema[keyword] = copy.deepcopy(rng.choice(KEYWORDS[keyword]))
            return [f"{keyword} = {schema[keyword]!r} in a schema"]
    if kind == "version":
        data["openapi"] = rng.choice(VERSIONS)
        return [f"openapi = {data['openapi']!r}"]
    if kind == "delete" and isinstance(container, dict):
        del container[key]
        return [f"delete {key!r}"]
    if kind == "odd-key" and isinstance(container, dict):
        new = rng.choice(ODD_STRINGS)
        if new not in container:
            _rename(container, key, new)
            return [f"rename {key!r} -> {new!r}"]
    if kind == "odd-value" and isinstance(container[key], str):
        container[key] = rng.choice(ODD_STRINGS)
        return [f"{key!r} = {container[key]!r}"]
    if kind == "ref":
        container[key] = {"$ref": rng.choice(BROKEN_REFS)}
        return [f"{key!r} = {container[key]!r}"]
    if kind == "copy":
        _, source_key = other = rng.choice(nodes)
        container[key] = copy.deepcopy(other[0][source_key])
        return [f"{key!r} = copy of {source_key!r}"]
    container[key] = copy.deepcopy(rng.choice(OTHER_VALUES))
    return [f"{key!r} = {container[key]!r}"]


def make_case(seed_data: dict[str, Any], seed: int, number: int, folder: Path) -> tuple[str, Path, list[str]]:
    rng = random.Random(f"{seed}:{number}")
    data = copy.deepcopy(seed_data)
    done: list[str] = []
    for _ in range(rng.choice((1, 1, 2, 3))):
        done += mutate(data, rng)
    name = f"{seed}:{number}"
    if rng.random() < 0.5:
        path = folder / f"case{number}.yaml"
        path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    else:
        path = folder / f"case{number}.json"
        path.write_text(json.dumps(data, indent=1, ensure_ascii=False), encoding="utf-8")
    return name, path, done


def run_case(name: str, spec: Path, out: Path, package: str) -> Outcome:
    """One generation in this (worker) process, as the command line runs it."""
    from generator.cli import main

    err = io.StringIO()
    try:
        with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
            code = main(["generate", "--spec", str(spec), "--out", str(out), "--package-name", package])
    except BaseException as exc:  # noqa: BLE001 - any escape is the failure this test looks for
        return Outcome(name, -1, f"{err.getvalue()}escaped main(): {type(exc).__name__}: {exc}", out.exists(), None)
    imported = None
    if code == 0:
        sys.path.insert(0, str(out))
        try:
            importlib.import_module(package)
            importlib.import_module(f"{package}.models")
        except BaseException as exc:  # noqa: BLE001 - the package must import, whatever the spec
            imported = f"{type(exc).__name__}: {exc}"
        finally:
            sys.path.remove(str(out))
            for module in [m for m in sys.modules if m == package or m.startswith(package + ".")]:
                del sys.modules[module]
    return Outcome(name, code, err.getvalue(), out.exists(), imported)


def broken_promises(outcome: Outcome) -> list[str]:
    lines = outcome.stderr.splitlines()
    wrong: list[str] = []
    if outcome.code not in (0, 2):
        wrong.append(f"exit {outcome.code}")
    if "Traceback" in outcome.stderr or "internal error" in outcome.stderr:
        wrong.append("a traceback or an internal error")
    if outcome.code == 2:
        wrong += [f"not located: {line!r}" for line in lines if not (LOCATED.match(line) or PROBLEM_COUNT.match(line))]
        if outcome.wrote:
            wrong.append("exit 2, yet the output folder was written")
    if outcome.code == 0:
        wrong += [
            f"not a located warning: {line!r}"
            for line in lines
            if not ((LOCATED.match(line) and ": warning: " in line) or WARNING_COUNT.match(line) or line.startswith("Wrote "))
        ]
        if outcome.imported is not None:
            wrong.append(f"exit 0, yet the package does not import: {outcome.imported}")
    return wrong


def fuzz(seeds: list[int], count: int, tmp: Path) -> list[str]:
    bases = {"spec": yaml.safe_load(SPEC.read_text(encoding="utf-8")), "polar": polar_seed()}
    only = os.environ.get("FUZZ_ONLY")
    jobs: list[tuple[str, Path, Path, str, list[str]]] = []
    for seed in seeds:
        for number in range(count):
            base = "spec" if number % 2 else "polar"
            name = f"{base}:{seed}:{number}"
            if only and only != f"{seed}:{number}":
                continue
            folder = tmp / f"{seed}-{number}"
            folder.mkdir()
            _, path, done = make_case(bases[base], seed, number, folder)
            jobs.append((name, path, folder / "out", f"fz{seed}_{number}", done))
    # No cache between cases: each mutated document is new anyway, and a cache would be
    # written to the user's home.
    os.environ["POLAR_CODEGEN_CACHE_DIR"] = "off"
    failures: list[str] = []
    # Not a multiprocessing.Pool: its workers are daemons, which may not fork the
    # background validation that `generate` starts.
    context = multiprocessing.get_context("fork")
    with concurrent.futures.ProcessPoolExecutor(2, mp_context=context) as pool:
        pending = [(job, pool.submit(run_case, *job[:4])) for job in jobs]
        for (name, path, _, _, done), result in pending:
            try:
                outcome = result.result(timeout=CASE_SECONDS)
            except concurrent.futures.TimeoutError:
                failures.append(f"{name} ({'; '.join(done)}): more than {CASE_SECONDS} s")
                continue
            wrong = broken_promises(outcome)
            if wrong:
                shown = "\n    ".join(outcome.stderr.splitlines()[:6])
                failures.append(f"{name} ({'; '.join(done)}) {path}: {', '.join(wrong)}\n    {shown}")
    return failures


def test_mutated_specs_keep_the_promises_on_bad_input(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POLAR_CODEGEN_CACHE_DIR", "off")
    failures = fuzz([1], CASES, tmp_path)
    assert not failures, f"{len(failures)} case(s):\n" + "\n".join(failures)


@pytest.mark.slow
def test_more_mutated_specs_keep_the_promises(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POLAR_CODEGEN_CACHE_DIR", "off")
    failures = fuzz([2, 3], MORE_CASES // 2, tmp_path)
    assert not failures, f"{len(failures)} case(s):\n" + "\n".join(failures)
