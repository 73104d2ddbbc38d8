"""Import time of a package in a fresh interpreter, two ways.

* wall: the wall time of `python -c "import MODULE"` minus that of `python -c "pass"`, the two
  run alternately `runs` times each with the same interpreter and environment, median of each.
  This is what a user's script or CLI pays at start-up for the import, everything included.
* importtime: the `cumulative` figure CPython's `-X importtime` reports for MODULE itself
  (the module and everything it imported for the first time), median over `runs` runs.

The `-X importtime` run with the median total also yields a breakdown: which imports under
MODULE took the time.

Both start with one untimed import so that bytecode caches are written before timing.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


def _run(python: Path, args: list[str], env: Mapping[str, str]) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [str(python), *args], env=dict(env), capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise RuntimeError(f"{python} {' '.join(args)} failed:\n{result.stderr.strip()}")
    return result


def _wall(python: Path, code: str, env: Mapping[str, str]) -> float:
    start = time.perf_counter()
    _run(python, ["-c", code], env)
    return time.perf_counter() - start


@dataclass
class Node:
    """One line of `-X importtime` output, with the imports it triggered."""

    name: str
    self_us: int
    cumulative_us: int
    children: list[Node] = field(default_factory=list)


def _import_tree(stderr: str, module: str) -> Node:
    """MODULE's subtree of the `-X importtime` report.

    The report is post-order: a module's line follows those of the imports it triggered,
    which are indented one step (two spaces) deeper.
    """
    pending: dict[int, list[Node]] = {}
    for line in stderr.splitlines():
        if not line.startswith("import time:"):
            continue
        fields = line[len("import time:") :].split("|")
        if len(fields) != 3 or not fields[0].strip().isdigit():
            continue  # the header line
        label = fields[2][1:]  # one space separates the column bar from the name
        depth = (len(label) - len(label.lstrip(" "))) // 2
        node = Node(label.strip(), int(fields[0]), int(fields[1]), pending.pop(depth + 1, []))
        if node.name == module:
            return node
        pending.setdefault(depth, []).append(node)
    raise RuntimeError(f"-X importtime printed no line for {module}")


def _flatten(node: Node, min_us: int, max_depth: int, depth: int = 0) -> list[dict[str, Any]]:
    """The tree in reading order, without imports under `min_us` or below `max_depth`."""
    rows = [
        {
            "depth": depth,
            "module": node.name,
            "self_ms": node.self_us / 1e3,
            "cumulative_ms": node.cumulative_us / 1e3,
        }
    ]
    if depth < max_depth:
        for child in node.children:
            if child.cumulative_us >= min_us:
                rows += _flatten(child, min_us, max_depth, depth + 1)
    return rows


def measure_import(
    python: Path,
    module: str,
    *,
    runs: int,
    env: Mapping[str, str] | None = None,
    statement: str = "",
) -> dict[str, Any]:
    """Time `import MODULE` with interpreter `python` in environment `env`.

    `env` must let the interpreter write bytecode (no PYTHONDONTWRITEBYTECODE), or every
    import of a package outside site-packages compiles it from source again.
    """
    env = dict(os.environ if env is None else env)
    env.pop("PYTHONSTARTUP", None)
    statement = statement or f"import {module}"
    _run(python, ["-c", statement], env)  # writes any missing .pyc files

    imports: list[float] = []
    empties: list[float] = []
    for i in range(runs):
        if i % 2 == 0:
            imports.append(_wall(python, statement, env))
            empties.append(_wall(python, "pass", env))
        else:
            empties.append(_wall(python, "pass", env))
            imports.append(_wall(python, statement, env))

    trees = [
        _import_tree(_run(python, ["-X", "importtime", "-c", statement], env).stderr, module)
        for _ in range(runs)
    ]
    trees.sort(key=lambda t: t.cumulative_us)
    median_tree = trees[len(trees) // 2]
    return {
        "module": module,
        "runs": runs,
        "import_wall_ms": statistics.median(imports) * 1e3,
        "pass_wall_ms": statistics.median(empties) * 1e3,
        "wall_ms": (statistics.median(imports) - statistics.median(empties)) * 1e3,
        "importtime_ms": statistics.median(t.cumulative_us for t in trees) / 1e3,
        # The run with the median total, down to imports that took at least 3% of it.
        "breakdown": _flatten(median_tree, median_tree.cumulative_us * 3 // 100, max_depth=3),
    }
