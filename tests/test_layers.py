"""The package layout's rules, checked on the source: imports run one way through the
pipeline's stages, no import cycles at module level, no module or class grows too big."""

from __future__ import annotations

import ast
from pathlib import Path

from conftest import ROOT

PACKAGE = ROOT / "generator"
# Lower first. naming sits below spec: validate reports the collisions of the very rule
# build uses (naming/placement.py). Shared infrastructure is below everything.
LAYERS = ("naming", "spec", "ir", "build", "emit", "output", "inspect")
BASE = frozenset({"__init__", "problems", "limits", "digests", "cache", "collector", "processes"})
TOP = frozenset({"cli", "arguments", "config", "options", "pipeline", "__main__"})
MAX_MODULE_LINES = 600
MAX_CLASS_LINES = 300


def _modules() -> dict[str, Path]:
    return {
        ".".join(p.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__"): p
        for p in sorted(PACKAGE.rglob("*.py"))
    }


def _imports(name: str, path: Path, *, module_level_only: bool) -> set[str]:
    """The generator modules `name` imports (relative imports resolved)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    found: set[str] = set()
    nodes: list[ast.AST] = list(tree.body) if module_level_only else list(ast.walk(tree))
    for node in nodes:
        if module_level_only and isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            continue
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            for alias in node.names:
                found.add(f"{target}.{alias.name}")
                found.add(target)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    modules = _modules()
    return {m for m in found if m in modules and m != name}


def _layer(module: str) -> int:
    """0 for shared infrastructure, 1 + the stage's index, len(LAYERS) + 1 for the top."""
    part = module.split(".")[1] if "." in module else "__init__"
    if part in BASE:
        return 0
    if part in TOP:
        return len(LAYERS) + 1
    return 1 + LAYERS.index(part)


def test_every_module_belongs_to_a_layer() -> None:
    for module in _modules():
        assert _layer(module) >= 0, module


def test_no_stage_imports_a_later_one() -> None:
    wrong = []
    for module, path in _modules().items():
        for target in _imports(module, path, module_level_only=False):
            if _layer(target) > _layer(module):
                wrong.append(f"{module} imports {target}")
    assert not wrong, "\n".join(wrong)


def test_no_import_cycles_at_module_level() -> None:
    modules = _modules()
    graph = {m: _imports(m, p, module_level_only=True) for m, p in modules.items()}
    state: dict[str, int] = {}
    cycles: list[str] = []

    def visit(m: str, trail: list[str]) -> None:
        state[m] = 1
        for n in sorted(graph[m]):
            if state.get(n) == 1:
                cycles.append(" -> ".join(trail[trail.index(n) :] + [n]) if n in trail else f"{m} -> {n}")
            elif n not in state:
                visit(n, trail + [n])
        state[m] = 2

    for m in sorted(graph):
        if m not in state:
            visit(m, [m])
    # A package importing its own submodules in __init__ is no cycle of meaning.
    real = [c for c in cycles if not all(part.startswith(c.split(" -> ")[0]) for part in c.split(" -> "))]
    assert not real, "\n".join(real)


def test_modules_and_classes_stay_small() -> None:
    big = []
    for module, path in _modules().items():
        text = path.read_text(encoding="utf-8")
        if text.count("\n") > MAX_MODULE_LINES:
            big.append(f"{module}: {text.count(chr(10))} lines")
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.ClassDef) and (node.end_lineno or 0) - node.lineno > MAX_CLASS_LINES:
                big.append(f"{module}.{node.name}: {(node.end_lineno or 0) - node.lineno} lines")
    assert not big, "\n".join(big)


def test_build_writes_no_python_source() -> None:
    """Source text is emit's job: build, ir and naming never import it."""
    for module, path in _modules().items():
        if _layer(module) <= 1 + LAYERS.index("build"):
            assert not any(t.startswith("generator.emit") for t in _imports(module, path, module_level_only=False)), module
