"""The generator on documents it was not written for: every real-world document in
../shared/specs/realworld/, Polar 2026-04 and spec/, each cold against
openapi-python-client, and a regeneration after a one-schema edit of Polar's document.

Used by generator_speed.py; each document gets a table of its own in the report (wall time,
CPU time, peak resident set, ours against the peer's), and a summary table over all of them
carries the goals of issue 15.
"""

from __future__ import annotations

import functools
import json
import re
import statistics
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from run import ROOT, SPEC

SHARED_SPECS = ROOT.parent / "shared" / "specs"
REALWORLD = SHARED_SPECS / "realworld"
POLAR = SHARED_SPECS / "polar-openapi.json"
EDIT_MARK = "(edited for the bench)"
HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")

GOAL_EACH = 0.5
GOAL_MEDIAN = 0.35
GOAL_POLAR = 0.35
GOAL_SMALL = 0.5
GOAL_SCHEMA_EDIT = 0.1


@dataclass(frozen=True)
class Document:
    label: str
    spec: Path
    package: str
    # Whether openapi-python-client gets `literal_enums: true` (Polar: see the notes).
    literal_enums: bool = False
    # Real-world documents have their own goal on each and on the median.
    realworld: bool = False

    @property
    def facts(self) -> str:
        size = self.spec.stat().st_size
        return f"{size / 1024:,.0f} KiB, {operation_count(self.spec):,} operations"


@dataclass
class Measured:
    """Ours and the peer's runs on one document, as generator_speed.Runs."""

    document: Document
    ours: Any
    peer: Any
    notes: list[str] = field(default_factory=list)


def documents() -> list[Document]:
    found = [
        Document(f"`realworld/{p.name}`", p, "rw_" + re.sub(r"\W", "_", p.stem), realworld=True)
        for p in sorted(REALWORLD.glob("*"))
        if p.suffix in (".json", ".yaml", ".yml")
    ]
    if POLAR.is_file():
        found.append(
            Document("Polar 2026-04 (`polar-openapi.json`)", POLAR, "polar", literal_enums=True)
        )
    found.append(Document(f"two-endpoint `{SPEC.relative_to(ROOT)}`", SPEC, "polar_oauth2"))
    return found


@functools.cache
def operation_count(spec: Path) -> int:
    data = read_spec(spec)
    paths = data.get("paths") if isinstance(data, dict) else None
    if not isinstance(paths, dict):
        return 0
    return sum(
        1
        for item in paths.values()
        if isinstance(item, dict)
        for method in item
        if method in HTTP_METHODS
    )


def read_spec(spec: Path) -> Any:
    text = spec.read_text("utf-8")
    if spec.suffix == ".json":
        return json.loads(text)
    import yaml  # the dev venv has PyYAML: the generator depends on it

    return yaml.safe_load(text)


def one_schema_edit(data: dict[str, Any]) -> tuple[dict[str, Any], str]:
    """The document with one schema's description changed: what a user's edit of one schema
    looks like to the generator. The schema is the first (paths and methods in order) that
    an operation's response names by `$ref` and that has properties, so it is surely
    generated, as a model class whose docstring shows the edit."""
    schemas = data["components"]["schemas"]
    name = next(
        n
        for n in _response_schemas(data)
        if isinstance(schemas.get(n), dict) and "properties" in schemas[n]
    )
    edited = json.loads(json.dumps(data))
    schema = edited["components"]["schemas"][name]
    schema["description"] = f"{schema.get('description', name)} {EDIT_MARK}".strip()
    return edited, name


def _response_schemas(data: dict[str, Any]) -> list[str]:
    prefix = "#/components/schemas/"
    found: list[str] = []
    for _, item in sorted(data.get("paths", {}).items()):
        for method in HTTP_METHODS:
            responses = item.get(method, {}).get("responses", {}) if isinstance(item, dict) else {}
            for response in responses.values():
                for media in (response.get("content") or {}).values():
                    ref = (media.get("schema") or {}).get("$ref", "")
                    if ref.startswith(prefix):
                        found.append(ref.removeprefix(prefix))
    return found


def schema_edit_trial(
    generate: Callable[[Path, Path, Path], Any], spec: Path, failed: type[Exception]
) -> Callable[[], Any]:
    """Regenerate after a one-schema edit of `spec`: one untimed generation of the document
    as it was (new cache, new folder), then the edit and the same command timed, same
    folder and cache. `generate(spec, out, workdir)` runs ours once and returns its Sample;
    raises `failed` if the edit does not reach the package."""
    import shutil
    import tempfile

    data = read_spec(spec)
    edited, name = one_schema_edit(data)

    def trial() -> Any:
        tmp = Path(tempfile.mkdtemp(prefix="polar-codegen-bench-"))
        try:
            copy = tmp / "openapi.json"
            copy.write_text(json.dumps(data, indent=2), "utf-8")
            (tmp / "cache").mkdir()
            generate(copy, tmp / "out", tmp)
            copy.write_text(json.dumps(edited, indent=2), "utf-8")
            sample = generate(copy, tmp / "out", tmp)
            if not any(EDIT_MARK in f.read_text("utf-8") for f in (tmp / "out").rglob("*.py")):
                raise failed(f"the regenerated package does not show the edit of schema {name}")
            return sample
        finally:
            shutil.rmtree(tmp, ignore_errors=True)

    return trial


def ratio(ours: float | None, peer: float | None) -> float | None:
    return ours / peer if ours is not None and peer else None


def _x(value: float | None, bold: bool = False) -> str:
    if value is None:
        return "n/a"
    return f"**{value:.2f}x**" if bold else f"{value:.2f}x"


def _s(runs: Any, cpu: bool = False) -> str:
    values = runs.cpu if cpu else runs.seconds
    if not values:
        return "failed"
    return f"{statistics.median(values):.2f} s" + ("" if cpu else f" (min {min(values):.2f})")


def _mib(runs: Any) -> str:
    return "n/a" if runs.peak_rss is None else f"{runs.peak_rss:,.0f} MiB"


def render(measured: list[Measured]) -> list[str]:
    """The summary table over every document, then one table per document."""
    out = ["", "## Every document, cold", ""]
    out.append(
        "Cold generate (new output folder; for ours an empty content cache) of each document,"
        " ours and openapi-python-client taking turns. *CPU*: user + system time of the"
        " process and every child it waited for (`wait4`), the figure that outside load"
        " disturbs least; *peak RSS*: `ru_maxrss` from the same call (the largest of the"
        " process and its reaped children, not their sum). Ratios are ours / the peer's"
        " medians. Goals (issue 15): each real-world document ≤"
        f" {GOAL_EACH:g}x and their median ≤ {GOAL_MEDIAN:g}x; Polar 2026-04 ≤ {GOAL_POLAR:g}x;"
        f" the two-endpoint spec ≤ {GOAL_SMALL:g}x; peak memory ≤ the peer's."
    )
    out += [
        "",
        "| Document | Size | ours | peer | Wall ratio | CPU ratio | ours peak RSS | peer peak RSS | Goal | Met? |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |",
    ]
    realworld_ratios: list[float] = []
    for m in measured:
        wall = ratio(m.ours.median, m.peer.median)
        cpu = ratio(m.ours.cpu_median, m.peer.cpu_median)
        goal = (
            GOAL_EACH
            if m.document.realworld
            else GOAL_POLAR
            if m.document.literal_enums
            else GOAL_SMALL
        )
        if m.document.realworld and wall is not None:
            realworld_ratios.append(wall)
        met = "n/a" if wall is None else ("met" if wall <= goal else "missed")
        out.append(
            f"| {m.document.label} | {m.document.facts} | {_s(m.ours)} | {_s(m.peer)} | {_x(wall, True)}"
            f" | {_x(cpu)} | {_mib(m.ours)} | {_mib(m.peer)} | ≤ {goal:g}x | {met} |"
        )
    if realworld_ratios:
        median = statistics.median(realworld_ratios)
        met = "met" if median <= GOAL_MEDIAN else "missed"
        out += [
            "",
            (
                f"Median wall ratio over the {len(realworld_ratios)} real-world documents both"
                f" generated: **{median:.2f}x** (goal ≤ {GOAL_MEDIAN:g}x: {met})."
            ),
        ]
    for m in measured:
        out += [
            "",
            f"### {m.document.label}",
            "",
            f"{m.document.facts}; package `{m.document.package}`.",
            "",
        ]
        out += [
            "| Subject | Wall, median (min) | CPU, median | Peak RSS | Runs |",
            "| --- | ---: | ---: | ---: | ---: |",
        ]
        for label, runs in (("polar-codegen", m.ours), ("openapi-python-client", m.peer)):
            if runs.failure is not None and not runs.seconds:
                out.append(f"| {label} | failed | | | 0 |")
            else:
                out.append(
                    f"| {label} | {_s(runs)} | {_s(runs, cpu=True)} | {_mib(runs)} | {len(runs.seconds)} |"
                )
        wall = ratio(m.ours.median, m.peer.median)
        cpu = ratio(m.ours.cpu_median, m.peer.cpu_median)
        rss = ratio(m.ours.peak_rss, m.peer.peak_rss)
        out.append(f"| ours / peer | {_x(wall, True)} | {_x(cpu)} | {_x(rss)} | |")
        for label, runs in (("polar-codegen", m.ours), ("openapi-python-client", m.peer)):
            if runs.failure is not None:
                out += ["", f"{label} failed: `{runs.failure}`"]
        out += [f"\n{note}" for note in m.notes]
    return out
