"""Run the whole benchmark suite: set up the peers, measure every subject, write the table.

    .venv/bin/python bench/run.py [--quick] [--only NAME ...] [--processes N] [--reps N]
                                  [--import-runs N] [--no-profile] [--output FILE]
                                  [--skip-generator | --only-generator]
                                  [--generator-output FILE]

Run it with the project's own venv (.venv/bin/python): it reads the httpx and msgspec
versions the project is tested with from there. Every subject is measured in a venv of its
own under bench/.peers/, created and installed on first use and reused while its
requirements are unchanged:

* ours: the dependencies generated/pyproject.toml declares, at the dev venv's versions;
  the client itself is imported straight from generated/ (PYTHONPATH), so every run
  measures the committed (or just regenerated) code.
* oapc: openapi-python-client, which generates a client from spec/polar-oauth2.yaml into
  bench/.peers/oapc/client (regenerated when the spec or the generator version changes);
  the dependencies that client's pyproject declares are installed into the same venv.
* polar-sdk: Polar's official Python SDK.

Every peer venv gets the same httpx version as ours, so the transport layer is identical.
Each measurement runs in a child process with the subject's interpreter (see
measure_call.py and measure_import.py); this script collects their JSON, prints a markdown
report and writes it to bench/results.md. Nothing here is a test: no result fails the run.

Then, unless --skip-generator, generator_speed.py times the generator itself against
openapi-python-client and writes bench/results-generator.md (--only-generator: just that).
"""

from __future__ import annotations

import argparse
import datetime
import hashlib
import importlib.metadata
import json
import os
import platform
import re
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import stream_report
from measure_import import measure_import

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
PEERS = BENCH / ".peers"
SPEC = ROOT / "spec" / "polar-oauth2.yaml"
RESULTS = BENCH / "results.md"

OAPC_PIN = "0.29.1"
POLAR_SDK_PIN = "0.22.1"

GOAL_RATIO = 1.0
GOAL_IMPORT_MS = 150.0
BUSY_LOAD = 0.5 * (os.cpu_count() or 1)  # 1-minute load average that makes figures noisy


@dataclass
class Target:
    """One subject: which interpreter runs it, what it imports, where that lives."""

    name: str
    label: str
    module: str
    # Import and build a client: what a program pays before its first call, whatever is
    # imported lazily.
    ready: str = ""
    python: Path | None = None
    pythonpath: list[Path] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    error: str | None = None


def log(message: str) -> None:
    print(f"[bench] {message}", file=sys.stderr, flush=True)


def run(
    args: Sequence[str | Path],
    *,
    env: dict[str, str] | None = None,
    log_file: Path | None = None,
) -> subprocess.CompletedProcess[str]:
    """Run a command from the project root; raise RuntimeError with its output on failure."""
    result = subprocess.run(
        [str(a) for a in args], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )
    if log_file is not None:
        with log_file.open("a", encoding="utf-8") as handle:
            handle.write(f"$ {' '.join(str(a) for a in args)}\n{result.stdout}{result.stderr}\n")
    if result.returncode != 0:
        tail = "\n".join((result.stderr or result.stdout).strip().splitlines()[-15:])
        raise RuntimeError(f"`{' '.join(str(a) for a in args[:4])} ...` failed:\n{tail}")
    return result


def child_env(
    pythonpath: list[Path] | None = None, extra_path: Path | None = None
) -> dict[str, str]:
    """The environment of a child process: ours, with `pythonpath` as PYTHONPATH.

    Bytecode caching is on (whatever PYTHONDONTWRITEBYTECODE said), with every .pyc in one
    tree under bench/.peers/, so that imports from generated/ and from the oapc client are
    as warm as installed packages, and nothing is written into generated/.
    """
    env = dict(os.environ)
    env.pop("PYTHONPATH", None)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(PEERS / "pycache")
    if pythonpath:
        env["PYTHONPATH"] = os.pathsep.join(str(p) for p in pythonpath)
    if extra_path is not None:
        env["PATH"] = f"{extra_path}{os.pathsep}{env.get('PATH', '')}"
    return env


# ---------------------------------------------------------------------------------------
# Peer venvs


def ensure_venv(name: str, attempts: list[list[str]]) -> tuple[Path, list[str]]:
    """A venv at bench/.peers/NAME/venv holding the first requirement set that installs.

    Returns its interpreter and the requirement set in it. Reused as long as `attempts` is
    what it was installed for.
    """
    home = PEERS / name
    venv = home / "venv"
    python = venv / "bin" / "python"
    stamp = home / "installed.json"
    if stamp.is_file() and python.is_file():
        recorded = json.loads(stamp.read_text("utf-8"))
        if recorded.get("attempts") == attempts:
            return python, list(recorded["installed"])
    home.mkdir(parents=True, exist_ok=True)
    log_file = home / "install.log"
    log_file.write_text("", encoding="utf-8")
    if not python.is_file():
        log(f"{name}: creating {venv.relative_to(ROOT)}")
        run([sys.executable, "-m", "venv", venv], log_file=log_file)
    failures: list[str] = []
    for requirements in attempts:
        log(f"{name}: pip install {' '.join(requirements)}")
        try:
            pip_install(python, requirements, log_file)
        except RuntimeError as exc:
            failures.append(str(exc))
            continue
        stamp.write_text(json.dumps({"attempts": attempts, "installed": requirements}), "utf-8")
        return python, requirements
    raise RuntimeError(f"{name}: no requirement set installed:\n" + "\n".join(failures))


def pip_install(python: Path, requirements: list[str], log_file: Path) -> None:
    run(
        [python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", *requirements],
        log_file=log_file,
    )


def installed_version(python: Path, distribution: str) -> str:
    code = f"import importlib.metadata as m; print(m.version({distribution!r}))"
    return run([python, "-c", code]).stdout.strip()


def pin_attempts(distribution: str, pin: str, httpx_version: str) -> list[list[str]]:
    """The pin with our httpx, the pin alone, then the latest release as a last resort."""
    return [
        [f"{distribution}=={pin}", f"httpx=={httpx_version}"],
        [f"{distribution}=={pin}"],
        [distribution],
    ]


def pin_note(distribution: str, pin: str, installed: list[str], version: str) -> list[str]:
    if installed[0] != f"{distribution}=={pin}":
        return [f"{distribution} {pin} could not be installed; measured the latest, {version}"]
    if not any(r.startswith("httpx==") for r in installed):
        return [f"{distribution} {pin} would not install beside our httpx; it uses its own"]
    return []


def tomllib_load(path: Path) -> dict[str, Any]:
    import tomllib  # Python 3.11+: run this script with the project's venv

    return tomllib.loads(path.read_text("utf-8"))


def poetry_requirements(pyproject: Path) -> list[str]:
    """`[tool.poetry.dependencies]` of a generated project as pip requirements."""
    data = tomllib_load(pyproject)
    dependencies = data.get("tool", {}).get("poetry", {}).get("dependencies", {})
    requirements = []
    for name, spec in dependencies.items():
        if name == "python":
            continue
        version = spec.get("version", "*") if isinstance(spec, dict) else str(spec)
        if version in ("", "*"):
            requirements.append(name)
        elif version.startswith("^"):  # Poetry's caret: at least this version
            requirements.append(f"{name}>={version[1:]}")
        else:
            requirements.append(f"{name}{version}")
    return requirements


def setup_oapc(target: Target, httpx_version: str) -> None:
    python, installed = ensure_venv(
        "oapc", pin_attempts("openapi-python-client", OAPC_PIN, httpx_version)
    )
    version = installed_version(python, "openapi-python-client")
    target.notes += pin_note("openapi-python-client", OAPC_PIN, installed, version)

    home = PEERS / "oapc"
    project = home / "client"
    stamp = home / "generated.json"
    key = {
        "spec_sha256": hashlib.sha256(SPEC.read_bytes()).hexdigest(),
        "generator": version,
    }
    if not (stamp.is_file() and json.loads(stamp.read_text("utf-8")) == key):
        log(f"oapc: generating a client from {SPEC.relative_to(ROOT)}")
        log_file = home / "generate.log"
        log_file.write_text("", encoding="utf-8")
        stamp.unlink(missing_ok=True)
        bin_dir = python.parent
        # Its post-generation hooks run `ruff`, which its venv has: put that on PATH.
        result = run(
            [
                bin_dir / "openapi-python-client",
                "generate",
                "--path",
                SPEC,
                "--output-path",
                project,
                "--overwrite",
            ],
            env=child_env(extra_path=bin_dir),
            log_file=log_file,
        )
        if "warning" in (result.stdout + result.stderr).lower():
            target.notes.append("openapi-python-client warned while generating: see generate.log")
        requirements = poetry_requirements(project / "pyproject.toml")
        log(f"oapc: installing the generated client's dependencies: {' '.join(requirements)}")
        pip_install(python, [*requirements, f"httpx=={httpx_version}"], log_file)
        stamp.write_text(json.dumps(key), "utf-8")
    target.python = python
    target.pythonpath = [project]


def setup_ours(target: Target, httpx_version: str) -> None:
    """A clean venv with just the generated package's declared dependencies.

    Pinned to the versions the project's dev venv has, so the client is measured with the
    httpx and msgspec it is tested with, but without the dev venv's extra packages (with
    click and pygments installed, for one, `import httpx` also imports its CLI).
    """
    data = tomllib_load(ROOT / "generated" / "pyproject.toml")
    requirements = []
    for requirement in data["project"]["dependencies"]:
        name = re.split(r"[<>=!~;\[ ]", requirement, maxsplit=1)[0]
        try:
            requirements.append(f"{name}=={importlib.metadata.version(name)}")
        except importlib.metadata.PackageNotFoundError:
            requirements.append(requirement)
    if not any(r.startswith("httpx") for r in requirements):
        requirements.append(f"httpx=={httpx_version}")
    target.python, _ = ensure_venv("ours", [requirements])
    target.pythonpath = [ROOT / "generated"]


def setup_polar_sdk(target: Target, httpx_version: str) -> None:
    python, installed = ensure_venv(
        "polar-sdk", pin_attempts("polar-sdk", POLAR_SDK_PIN, httpx_version)
    )
    version = installed_version(python, "polar-sdk")
    target.notes += pin_note("polar-sdk", POLAR_SDK_PIN, installed, version)
    target.python = python


# ---------------------------------------------------------------------------------------
# Measurements


def run_json(target: Target, script: str, *args: str) -> dict[str, Any]:
    assert target.python is not None
    result = run([target.python, BENCH / script, *args], env=child_env(target.pythonpath))
    parsed: dict[str, Any] = json.loads(result.stdout)
    return parsed


def combine(results: list[dict[str, Any]]) -> dict[str, Any]:
    """The process with the median ratio, plus the range of ratios over all processes."""
    ordered = sorted(results, key=lambda r: r["ratio"])
    chosen = dict(ordered[(len(ordered) - 1) // 2])
    chosen["processes"] = len(ordered)
    chosen["process_ratios"] = [r["ratio"] for r in results]
    return chosen


def machine_facts() -> dict[str, str]:
    cpu = platform.processor() or "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text("utf-8").splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    cores = os.cpu_count() or 0
    try:
        usable = len(os.sched_getaffinity(0))
    except AttributeError:
        usable = cores
    return {
        "Date": datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "CPU": cpu,
        "Cores": f"{cores} ({usable} usable by this process)",
        "Python": f"{platform.python_implementation()} {platform.python_version()}",
        "OS": platform.platform(),
        "Load average at start (1, 5, 15 min)": load_average(),
        "Load average at end": "",  # filled in when the run ends
        "Our commit": git_revision(),
    }


def load_average() -> str:
    try:
        return ", ".join(f"{v:.2f}" for v in os.getloadavg())
    except OSError:
        return "unknown"


def git_revision(paths: Sequence[str] = ("generated/",)) -> str:
    """HEAD, and which of `paths` (the ones the figures depend on) differ from it."""
    try:
        head = run(["git", "rev-parse", "--short", "HEAD"]).stdout.strip()
        dirty = [p for p in paths if run(["git", "status", "--porcelain", "--", p]).stdout.strip()]
    except (RuntimeError, OSError):
        return "unknown"
    if not dirty:
        return head
    verb = "has" if len(dirty) == 1 else "have"
    return f"{head} ({', '.join(dirty)} {verb} uncommitted changes)"


# ---------------------------------------------------------------------------------------
# Report


def _versions(result: dict[str, Any] | None) -> str:
    if not result:
        return ""
    return ", ".join(f"{k} {v}" for k, v in result["versions"].items())


def _first_load(text: str) -> float:
    try:
        return float(text.split(",")[0])
    except ValueError:
        return 0.0


def busy_note(facts: dict[str, str]) -> str | None:
    """A warning for the report when the 1-minute load average was high at start or end."""
    busy = [k for k in facts if k.startswith("Load average") and _first_load(facts[k]) >= BUSY_LOAD]
    if not busy:
        return None
    return (
        f"The machine was busy ({' and '.join(b.lower() for b in busy)} ≥ {BUSY_LOAD:g}):"
        " other processes competed for its cores, so figures are noisier than usual."
    )


def render(
    targets: list[Target],
    calls: dict[str, dict[str, Any]],
    imports: dict[str, dict[str, Any]],
    profile: dict[str, Any] | None,
    facts: dict[str, str],
    settings: dict[str, Any],
) -> str:
    out: list[str] = ["# Benchmark results", ""]
    out += [f"- **{k}:** {v}" for k, v in facts.items()]
    any_call = next(iter(calls.values()), None)
    if any_call:
        out.append(
            f"- **Fixture:** {any_call['items']} OAuth2 clients, {any_call['body_bytes']:,} bytes"
            " of JSON, served by an in-process `httpx.MockTransport`"
        )
    out.append(
        f"- **Settings:** {settings['processes']} processes × {settings['reps']} interleaved"
        " rounds per subject;"
        f" {settings['import_runs']} fresh interpreters per import figure;"
        f" whole run {settings['elapsed']:.0f} s"
    )
    out += ["", "## Per-call cost of `list(limit=100)`", ""]
    out.append(
        "Ratio = median per-call time of the subject / median per-call time of raw"
        " `httpx.Client.get(url, params=...).json()`, both measured in alternating batches in"
        f" the same process. Each subject runs in {settings['processes']} processes; the row"
        " shows the process with the median ratio, *Process range* the ratios of all of them"
        " and *Round IQR* the spread of the per-round ratios within the shown process."
        " *vs ours* is the subject's ratio over ours: how many times our call's cost it costs."
        " Baselines differ between rows because each process has its own (see README);"
        " compare ratios."
    )
    out += [
        "",
        (
            "| Subject | Versions | Baseline µs/call | Subject µs/call | Ratio | Process range"
            " | Round IQR | vs ours |"
        ),
        "| --- | --- | ---: | ---: | ---: | --- | --- | ---: |",
    ]
    ours = calls.get("ours")
    for t in targets:
        c = calls.get(t.name)
        if c is None:
            out.append(f"| {t.label} | | | | n/a | {t.error or 'not run'} | | |")
            continue
        low, high = c["pair_ratio_iqr"]
        spread = f"{min(c['process_ratios']):.2f}–{max(c['process_ratios']):.2f}x"
        versus = f"{c['ratio'] / ours['ratio']:.2f}x" if ours else ""
        out.append(
            f"| {t.label} | {_versions(c)} | {c['baseline_us']:,.0f} | {c['subject_us']:,.0f}"
            f" | **{c['ratio']:.2f}x** | {spread} | {low:.2f}–{high:.2f}x | {versus} |"
        )
    out += ["", "## Import time in a fresh interpreter", ""]
    out.append(
        "*Wall* = median wall time of `python -c 'import M'` minus that of `python -c 'pass'`"
        " (same interpreter, alternating). *-X importtime* = median `cumulative` figure"
        " CPython reports for M: M and everything it imports that start-up had not."
    )
    out += [
        "",
        "| Subject | Module | Wall ms | -X importtime ms | Import + first client, wall ms |",
        "| --- | --- | ---: | ---: | ---: |",
    ]
    for t in targets:
        i = imports.get(t.name)
        if i is None:
            out.append(f"| {t.label} | `{t.module}` | n/a | n/a | n/a |")
            continue
        ready = f"{i['ready_wall_ms']:,.0f}" if "ready_wall_ms" in i else "n/a"
        out.append(
            f"| {t.label} | `{t.module}` | {i['wall_ms']:,.0f} | {i['importtime_ms']:,.0f} | {ready} |"
        )
    floor = imports.get("httpx")
    if floor:
        out.append(
            f"| httpx alone, which every subject imports | `httpx` | {floor['wall_ms']:,.0f}"
            f" | {floor['importtime_ms']:,.0f} | |"
        )
    breakdown = imports.get("ours", {}).get("breakdown")
    if breakdown:
        out += [
            "",
            "What `import polar_oauth2` spends its time on (the `-X importtime` run with the",
        ]
        out[-1] += " median total; imports under 3% of it left out):"
        out += ["", "| Module | Cumulative ms | Self ms |", "| --- | ---: | ---: |"]
        for row in breakdown:
            name = "· " * row["depth"] + f"`{row['module']}`"
            out.append(f"| {name} | {row['cumulative_ms']:,.1f} | {row['self_ms']:,.1f} |")
    out += ["", "## Goals for ours", ""]
    ours_call, ours_import = calls.get("ours"), imports.get("ours")
    if ours_call:
        met = "met" if ours_call["ratio"] <= GOAL_RATIO else "missed"
        out.append(f"- Per-call ratio ≤ {GOAL_RATIO:.1f}x: {met} ({ours_call['ratio']:.2f}x)")
    if ours_import:
        met = "met" if ours_import["wall_ms"] <= GOAL_IMPORT_MS else "missed"
        out.append(
            f"- Import ≤ {GOAL_IMPORT_MS:.0f} ms: {met} ({ours_import['wall_ms']:.0f} ms wall,"
            f" {ours_import['importtime_ms']:.0f} ms -X importtime"
            + (f"; httpx alone: {floor['wall_ms']:.0f} ms wall)" if floor else ")")
        )
    notes = [f"{t.label}: {n}" for t in targets for n in t.notes]
    busy = busy_note(facts)
    if busy:
        notes.append(busy)
    if notes:
        out += ["", "## Notes", ""] + [f"- {n}" for n in notes]
    if profile:
        out += ["", "## Where our call spends its time (cProfile)", ""]
        out.append(
            f"{profile['calls']} calls of `client.oauth2.clients.list(limit=100)` under"
            f" cProfile, {profile['total_us']:,.0f} µs of profiled time per call (cProfile's own"
            " overhead inflates this; compare rows with each other, not with the table above)."
        )
        out += ["", "| Own time in | µs per call | Share |", "| --- | ---: | ---: |"]
        for area, micros in profile["areas_us"].items():
            out.append(f"| {area} | {micros:,.1f} | {micros / profile['total_us']:.0%} |")
        out += [
            "",
            "| Function | Calls per call | Own µs | Cumulative µs | Own share |",
            "| --- | ---: | ---: | ---: | ---: |",
        ]
        for row in profile["top"]:
            out.append(
                f"| `{row['function']}` | {row['calls_per_call']:g} | {row['own_us']:,.1f}"
                f" | {row['cumulative_us']:,.1f} | {row['own_share']:.0%} |"
            )
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reps", type=int, default=100, help="interleaved rounds per subject")
    parser.add_argument("--processes", type=int, default=3, help="processes per subject")
    parser.add_argument("--import-runs", type=int, default=11, help="interpreters per figure")
    parser.add_argument("--only", nargs="+", choices=["ours", "oapc", "polar-sdk"])
    parser.add_argument("--quick", action="store_true", help="few rounds: a smoke run")
    parser.add_argument("--no-profile", action="store_true", help="skip the cProfile section")
    parser.add_argument("--output", type=Path, default=RESULTS)
    part = parser.add_mutually_exclusive_group()
    part.add_argument(
        "--skip-generator", action="store_true", help="measure the generated client only"
    )
    part.add_argument(
        "--only-generator",
        action="store_true",
        help="measure the generator's speed only (generator_speed.py)",
    )
    parser.add_argument(
        "--generator-output", type=Path, help="where generator_speed.py writes its report"
    )
    args = parser.parse_args(argv)
    status = 0
    if not args.only_generator:
        status = measure_client(args)
    if not args.skip_generator:
        # Imported here: it imports this module's helpers in turn.
        import generator_speed

        generator_argv = ["--quick"] if args.quick else []
        if args.generator_output is not None:
            generator_argv += ["--output", str(args.generator_output)]
        status = max(status, generator_speed.main(generator_argv))
    return status


def measure_client(args: argparse.Namespace) -> int:
    """The generated client against its peers: per-call cost, import time, profile."""
    if args.quick:
        args.reps, args.import_runs, args.processes = 10, 3, 1

    started = time.perf_counter()
    facts = machine_facts()
    httpx_version = importlib.metadata.version("httpx")
    targets = [
        Target(
            "ours",
            "ours (polar-codegen)",
            "polar_oauth2",
            "from polar_oauth2 import Client; Client(access_token='t').close()",
        ),
        Target(
            "oapc",
            "openapi-python-client",
            "polar_api_client",
            "from polar_api_client import AuthenticatedClient;"
            " AuthenticatedClient(base_url='http://x', token='t').get_httpx_client().close()",
        ),
        Target(
            "polar-sdk",
            "polar-sdk (official)",
            "polar_sdk",
            "from polar_sdk import Polar; Polar(access_token='t')",
        ),
    ]
    if args.only:
        targets = [t for t in targets if t.name in args.only]
    setups = {"ours": setup_ours, "oapc": setup_oapc, "polar-sdk": setup_polar_sdk}

    PEERS.mkdir(parents=True, exist_ok=True)
    for t in targets:
        if t.name in setups:
            try:
                setups[t.name](t, httpx_version)
            except RuntimeError as exc:
                t.error = f"setup failed: {exc}".splitlines()[0]
                log(f"{t.name}: {exc}")

    # Each subject in several processes, the subjects taking turns: a process's absolute
    # speed can differ from the next one's (see README), and a burst of outside load then
    # hits one process of every subject rather than every process of one.
    per_process: dict[str, list[dict[str, Any]]] = {}
    for n in range(1, args.processes + 1):
        for t in targets:
            if t.error:
                continue
            log(f"{t.name}: per-call cost, process {n}/{args.processes}, {args.reps} rounds")
            try:
                result = run_json(t, "measure_call.py", t.name, "--reps", str(args.reps))
            except RuntimeError as exc:
                t.error = f"measurement failed: {exc}".splitlines()[0]
                log(f"{t.name}: {exc}")
                continue
            per_process.setdefault(t.name, []).append(result)
            log(f"{t.name}: {result['ratio']:.2f}x baseline")
    calls = {t.name: combine(per_process[t.name]) for t in targets if not t.error}
    imports: dict[str, dict[str, Any]] = {}
    for t in targets:
        if t.error:
            continue
        assert t.python is not None
        log(f"{t.name}: import time, {args.import_runs} runs")
        try:
            imports[t.name] = measure_import(
                t.python, t.module, runs=args.import_runs, env=child_env(t.pythonpath)
            )
        except RuntimeError as exc:
            t.notes.append(f"import timing failed: {str(exc).splitlines()[0]}")
            log(f"{t.name}: {exc}")
            continue
        log(f"{t.name}: import {imports[t.name]['wall_ms']:.0f} ms")
        try:
            ready = measure_import(
                t.python, t.module, runs=args.import_runs, env=child_env(t.pythonpath), statement=t.ready
            )
            imports[t.name]["ready_wall_ms"] = ready["wall_ms"]
        except RuntimeError as exc:
            t.notes.append(f"ready timing failed: {str(exc).splitlines()[0]}")

    profile = None
    ours = next((t for t in targets if t.name == "ours" and not t.error), None)
    if ours is not None and ours.python is not None:
        # The floor under every subject: each of them imports httpx.
        log(f"httpx alone: import time, {args.import_runs} runs")
        try:
            imports["httpx"] = measure_import(
                ours.python, "httpx", runs=args.import_runs, env=child_env()
            )
        except RuntimeError as exc:
            log(f"httpx alone: {exc}")
    if ours is not None and not args.no_profile:
        log("ours: cProfile of the call path")
        try:
            profile = run_json(ours, "measure_call.py", "ours", "--profile", "300")
        except RuntimeError as exc:
            log(f"ours: profiling failed: {exc}")

    streams: dict[str, Any] | None = None
    stream_error = "our client could not be set up"
    if ours is not None and ours.python is not None:
        log("ours: event-stream consumption against a hand-written httpx loop")
        try:
            client_dir = stream_report.generate(PEERS / "stream")
            streams = stream_report.measure(
                ours.python, client_dir, child_env(), reps=max(6, args.reps // 5)
            )
            log(f"ours: events at {streams['ratio']:.2f}x the hand-written loop")
        except (subprocess.CalledProcessError, ValueError) as exc:
            stream_error = f"measurement failed: {exc}".splitlines()[0]
            log(f"ours: {stream_error}")

    facts["Load average at end"] = load_average()
    settings = {
        "reps": args.reps,
        "processes": args.processes,
        "import_runs": args.import_runs,
        "elapsed": time.perf_counter() - started,
    }
    report = render(targets, calls, imports, profile, facts, settings)
    report += "\n".join(stream_report.section(streams, stream_error)) + "\n"
    print(report)
    args.output.write_text(report, encoding="utf-8")
    log(f"wrote {args.output}")
    return 1 if any(t.name == "ours" and t.error for t in targets) else 0


if __name__ == "__main__":
    raise SystemExit(main())
