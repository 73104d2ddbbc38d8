"""Time the generator itself against openapi-python-client, side by side in one run.

    .venv/bin/python bench/generator_speed.py [--quick] [--runs N] [--full-runs N]
                                              [--sizes N ...] [--output FILE]

Both generators run as their users run them: installed into a venv of their own under
bench/.peers/ (ours from a non-editable `pip install` of this checkout, so pip
byte-compiles it; openapi-python-client at run.py's pin, with its venv's bin/ on PATH for
the `ruff` its hooks call), started through their console scripts from a scratch folder,
with bytecode caching on. Wall time is taken around the whole child process, start-up
included. The subjects take turns run by run, so a burst of outside load hits both.

Prints a markdown report and writes it to bench/results-generator.md. Like run.py, this is
a benchmark, not a test: a missed goal or a failing subject is reported, never raised. It
exits non-zero only when ours could not be installed or measured at all.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.metadata
import os
import re
import shutil
import statistics
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import generator_corpus
from run import (
    OAPC_PIN,
    PEERS,
    ROOT,
    SPEC,
    busy_note,
    child_env,
    ensure_venv,
    git_revision,
    installed_version,
    load_average,
    log,
    machine_facts,
    pin_attempts,
    pin_note,
    run,
)
from synthetic import write_spec

BENCH = Path(__file__).resolve().parent
RESULTS = BENCH / "results-generator.md"
FULL_SPEC = ROOT.parent / "shared" / "specs" / "polar-openapi.json"
OURS_HOME = PEERS / "ours-gen"

# What ours' installed copy is built from: a change to any of these reinstalls it.
SOURCES = ("generator", "templates", "pyproject.toml")
# oapc 0.29.1 stops on the full document's timezone enum (GMT0, GMT+0 and GMT-0 all become
# GMT0) unless enums are generated as Literal types.
OAPC_CONFIG = "literal_enums: true\n"
# How oapc says it left a schema out (and every operation using it), after a warning.
OAPC_SKIPPED = re.compile(r"^Unable to (?:parse|process) schema (\S+?):?$", re.MULTILINE)
EDIT_MARK = "# edited"
# The line of models.py.jinja that opens each model class: `class {{ model.name }}(...):`,
# or the IR's ready-made header, `{{ model.header_source }}`.
MODEL_CLASS_HEADER = re.compile(
    r"^(?P<indent>[ \t]*)"
    r"(?:class \{\{-?\s*model\.name\s*-?\}\}.*:|\{\{-?\s*model\.header_source\s*-?\}\})"
    r"[ \t]*\n",
    re.MULTILINE,
)

# Issue 15's goals: on documents the generator was not written for too.
GOAL_SMALL_COLD = generator_corpus.GOAL_SMALL
GOAL_CHECK = 0.1
GOAL_FULL_COLD = generator_corpus.GOAL_POLAR
GOAL_TEMPLATE_EDIT = 0.5
GOAL_SCHEMA_EDIT = generator_corpus.GOAL_SCHEMA_EDIT
GOAL_SCALING = 1.5
SIZES = (10, 100, 1000)
SAMPLE_SECONDS = 0.01
TIMEOUT = 600  # seconds; far beyond any run so far, so only a hang is cut short


class SubjectFailed(Exception):
    """A subject exited with an unexpected status; the message is its output's tail."""


@dataclass
class Subject:
    """An installed generator and how to call it."""

    name: str
    label: str
    # The console script, in its venv's bin/.
    script: Path
    versions: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def env(self, cache: Path | None = None) -> dict[str, str]:
        """A user's environment: bytecode caching on, the venv's bin/ first on PATH.

        child_env() also points PYTHONPYCACHEPREFIX into bench/.peers/, which would make
        Python ignore the .pyc files pip wrote beside the installed sources; drop it.
        `cache` is ours' content cache (POLAR_CODEGEN_CACHE_DIR).
        """
        env = child_env(extra_path=self.script.parent)
        env.pop("PYTHONPYCACHEPREFIX", None)
        env.pop("POLAR_CODEGEN_CACHE_DIR", None)
        if cache is not None:
            env["POLAR_CODEGEN_CACHE_DIR"] = str(cache)
        return env


@dataclass(frozen=True)
class Sample:
    """One timed run: wall time as the parent saw it; CPU time (user + sys) and peak
    resident set of the process and every child it waited for, from wait4."""

    seconds: float
    cpu: float
    maxrss_mib: float


@dataclass
class Runs:
    """Wall times of one measurement, or why it stopped."""

    seconds: list[float] = field(default_factory=list)
    failure: str | None = None
    cpu: list[float] = field(default_factory=list)
    maxrss_mib: list[float] = field(default_factory=list)

    def add(self, sample: Sample) -> None:
        self.seconds.append(sample.seconds)
        self.cpu.append(sample.cpu)
        self.maxrss_mib.append(sample.maxrss_mib)

    @property
    def cpu_median(self) -> float | None:
        return statistics.median(self.cpu) if self.cpu else None

    @property
    def peak_rss(self) -> float | None:
        return max(self.maxrss_mib) if self.maxrss_mib else None

    @property
    def median(self) -> float | None:
        return statistics.median(self.seconds) if self.seconds else None

    @property
    def minimum(self) -> float | None:
        return min(self.seconds) if self.seconds else None


@dataclass
class Memory:
    """Peak memory of a process tree, sampled from outside."""

    peak_pss_mib: float
    max_processes: int
    # The main process's own peak resident set (VmHWM), as last read before it exited.
    main_hwm_mib: float
    # ru_maxrss from wait4: the largest resident set of the main process or of any
    # descendant it waited for (Linux folds reaped children into it).
    largest_rss_mib: float
    seconds: float
    samples: int


@dataclass
class Row:
    """One line of the main table, as text."""

    label: str
    ours: str
    peer: str
    ratio: str
    goal: str
    met: str
    cpu_ratio: str = ""


# ---------------------------------------------------------------------------------------
# Subjects


def source_hash() -> str:
    """A digest of every file ours is built from, names included."""
    digest = hashlib.sha256()
    for top in SOURCES:
        path = ROOT / top
        files = sorted(path.rglob("*")) if path.is_dir() else [path]
        for file in files:
            if not file.is_file() or "__pycache__" in file.parts or file.suffix == ".pyc":
                continue
            digest.update(str(file.relative_to(ROOT)).encode() + b"\0")
            digest.update(file.read_bytes() + b"\0")
    return digest.hexdigest()


def setup_ours() -> Subject:
    """polar-codegen as a user installs it: `pip install` of the checkout, not editable.

    Its dependencies are pinned to the dev venv's versions (the ones the tests pass with);
    the package itself is reinstalled whenever its sources change.
    """
    import tomllib

    declared = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    requirements = []
    for requirement in declared["dependencies"]:
        name = re.split(r"[<>=!~;\[ ]", requirement, maxsplit=1)[0]
        try:
            requirements.append(f"{name}=={importlib.metadata.version(name)}")
        except importlib.metadata.PackageNotFoundError:
            requirements.append(requirement)
    python, _ = ensure_venv("ours-gen", [requirements])
    stamp = OURS_HOME / "source.sha256"
    key = source_hash()
    script = python.parent / "polar-codegen"
    if not (script.is_file() and stamp.is_file() and stamp.read_text("utf-8") == key):
        log("ours: pip install of this checkout (sources changed)")
        stamp.unlink(missing_ok=True)
        run(
            [
                python,
                "-m",
                "pip",
                "install",
                "--quiet",
                "--disable-pip-version-check",
                "--no-deps",
                "--force-reinstall",
                ROOT,
            ],
            log_file=OURS_HOME / "install.log",
        )
        stamp.write_text(key, "utf-8")
    subject = Subject("ours", "polar-codegen", script)
    subject.versions["polar-codegen"] = (
        f"{installed_version(python, 'polar-codegen')} (commit"
        f" {git_revision(source_paths())},"
        f" sources sha256 {key[:12]})"
    )
    for name in ("black", "jinja2", "openapi-spec-validator", "pyyaml"):
        subject.versions[name] = installed_version(python, name)
    return subject


def setup_oapc() -> Subject:
    """The venv run.py uses for openapi-python-client (same pins, so it is shared)."""
    httpx_version = importlib.metadata.version("httpx")
    python, installed = ensure_venv(
        "oapc", pin_attempts("openapi-python-client", OAPC_PIN, httpx_version)
    )
    subject = Subject("oapc", "openapi-python-client", python.parent / "openapi-python-client")
    version = installed_version(python, "openapi-python-client")
    subject.notes += pin_note("openapi-python-client", OAPC_PIN, installed, version)
    subject.versions["openapi-python-client"] = version
    subject.versions["ruff"] = installed_version(python, "ruff")
    return subject


def models_template(ours: Subject) -> str:
    """The built-in models.py.jinja of the installed copy: the one the timed runs use.

    Raises SubjectFailed when the installed package has none where expected.
    """
    # -I: without it a checkout on the path (run() works from the repository root)
    # would shadow the installed one.
    code = "import pathlib, polar_codegen; print(pathlib.Path(polar_codegen.__file__).parent)"
    try:
        package = Path(run([ours.script.parent / "python", "-I", "-c", code]).stdout.strip())
    except RuntimeError as exc:
        raise SubjectFailed(str(exc)) from None
    path = package / "_templates" / "package" / "models.py.jinja"
    if not path.is_file():
        raise SubjectFailed(f"no built-in models.py.jinja at {path}")
    return path.read_text("utf-8")


def edit_template(text: str) -> tuple[str, bool]:
    """The template with a comment in every model class; False if the class header moved
    and the comment went to the end of the module instead."""
    edited, count = MODEL_CLASS_HEADER.subn(
        lambda m: f"{m.group(0)}{m.group('indent')}    {EDIT_MARK}\n", text
    )
    if count:
        return edited, True
    return f"{text.rstrip()}\n{EDIT_MARK}\n", False


# ---------------------------------------------------------------------------------------
# Commands and timing


def ours_generate(
    ours: Subject, spec: Path, out: Path, package: str, templates: Path | None = None
) -> list[str]:
    command = [str(ours.script), "generate", "--spec", str(spec), "--out", str(out)]
    command += ["--package-name", package, "--quiet"]
    if templates is not None:
        command += ["--templates", str(templates)]
    return command


def ours_check(ours: Subject, spec: Path, out: Path, package: str) -> list[str]:
    command = [str(ours.script), "check", "--spec", str(spec), "--out", str(out)]
    return command + ["--package-name", package]


def oapc_generate(oapc: Subject, spec: Path, out: Path, config: Path | None = None) -> list[str]:
    command = [str(oapc.script), "generate", "--path", str(spec), "--output-path", str(out)]
    command += ["--overwrite"]
    if config is not None:
        command += ["--config", str(config)]
    return command


@contextmanager
def scratch() -> Iterator[Path]:
    """A fresh empty folder, removed afterwards."""
    path = Path(tempfile.mkdtemp(prefix="polar-codegen-bench-"))
    try:
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)


def tail(result: subprocess.CompletedProcess[str], lines: int = 8) -> str:
    text = (result.stderr.strip() or result.stdout.strip()).splitlines()
    return " / ".join(line.strip() for line in text[-lines:] if line.strip()) or "(no output)"


def execute(
    command: Sequence[str], env: dict[str, str], cwd: Path, expect: int = 0
) -> tuple[Sample, subprocess.CompletedProcess[str]]:
    """Run a command; its wall time as the parent sees it, start-up included, and the CPU
    time and peak memory wait4 reports for it (its reaped children included)."""
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        started = time.perf_counter()
        process = subprocess.Popen(command, env=env, cwd=cwd, stdout=out, stderr=err, text=True)
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() - started > TIMEOUT:
                process.kill()
                os.wait4(process.pid, 0)
                raise SubjectFailed(f"killed after {TIMEOUT} s")
            time.sleep(0.002)
        elapsed = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        result = subprocess.CompletedProcess(command, process.returncode, out.read(), err.read())
    if result.returncode != expect:
        raise SubjectFailed(f"exit {result.returncode}: {tail(result)}")
    # ru_maxrss is in KiB on Linux.
    return Sample(elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024), result


Trial = Callable[[], Sample]


def take_turns(trials: dict[str, Trial], runs: int, what: str) -> dict[str, Runs]:
    """Each trial `runs` times, in ABBA order; a subject that fails is not run again."""
    results = {name: Runs() for name in trials}
    names = list(trials)
    for n in range(runs):
        for name in names if n % 2 == 0 else reversed(names):
            if results[name].failure is not None:
                continue
            try:
                sample = trials[name]()
            except SubjectFailed as exc:
                results[name].failure = str(exc)
                log(f"{name}: {what} failed: {exc}")
                continue
            results[name].add(sample)
            log(
                f"{name}: {what}, run {n + 1}/{runs}: {sample.seconds:.2f} s, CPU {sample.cpu:.2f} s"
            )
    return results


def ours_cold(ours: Subject, spec: Path, package: str) -> Trial:
    """Generate into a new folder with an empty content cache."""

    def trial() -> Sample:
        with scratch() as tmp:
            (tmp / "cache").mkdir()
            command = ours_generate(ours, spec, tmp / "out", package)
            return execute(command, ours.env(tmp / "cache"), tmp)[0]

    return trial


def oapc_cold(
    oapc: Subject, spec: Path, config: Path | None = None, warnings: set[str] | None = None
) -> Trial:
    """Generate into a new folder; the schemas it left out go into `warnings`."""

    def trial() -> Sample:
        with scratch() as tmp:
            sample, result = execute(
                oapc_generate(oapc, spec, tmp / "out", config), oapc.env(), tmp
            )
        if warnings is not None:
            warnings.update(OAPC_SKIPPED.findall(result.stdout + result.stderr))
        return sample

    return trial


def ours_check_trials(ours: Subject, spec: Path, package: str, workdir: Path) -> dict[str, Trial]:
    """`check` of a folder generated just before: with the generate's cache, and with none.

    The generation happens once, outside the clock; raises SubjectFailed if it fails.
    """
    cache, out = workdir / "cache", workdir / "out"
    cache.mkdir()
    execute(ours_generate(ours, spec, out, package), ours.env(cache), workdir)

    def warm() -> Sample:
        return execute(ours_check(ours, spec, out, package), ours.env(cache), workdir)[0]

    def cold() -> Sample:
        with scratch() as tmp:
            return execute(ours_check(ours, spec, out, package), ours.env(tmp), workdir)[0]

    return {"warm cache": warm, "empty cache": cold}


def ours_after_template_edit(ours: Subject, spec: Path, original: str, notes: set[str]) -> Trial:
    """Regenerate after an edit of models.py.jinja that changes every model class.

    Untimed first: a generation with the unchanged copy of the template (fresh cache, fresh
    folder), as a user has before editing it.
    """
    edited, anchored = edit_template(original)
    if not anchored:
        notes.add(
            "The model class header was not found in models.py.jinja: the template edit"
            f" appended `{EDIT_MARK}` at the end of the module instead (one line of"
            " models.py changes, not every class)."
        )

    def trial() -> Sample:
        with scratch() as tmp:
            overlay = tmp / "templates" / "package" / "models.py.jinja"
            overlay.parent.mkdir(parents=True)
            overlay.write_text(original, "utf-8")
            (tmp / "cache").mkdir()
            command = ours_generate(ours, spec, tmp / "out", "polar", tmp / "templates")
            env = ours.env(tmp / "cache")
            execute(command, env, tmp)
            overlay.write_text(edited, "utf-8")
            sample = execute(command, env, tmp)[0]
            if not any(EDIT_MARK in f.read_text("utf-8") for f in (tmp / "out").rglob("*.py")):
                raise SubjectFailed("the regenerated package does not show the template edit")
            return sample

    return trial


# ---------------------------------------------------------------------------------------
# Memory


def descendants(root: int) -> list[int]:
    """`root` and every process below it, from each process's parent in /proc/*/stat."""
    parents: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as handle:
                stat = handle.read()
        except OSError:
            continue
        # "pid (comm) state ppid ...": comm may hold spaces and parentheses.
        ppid = int(stat[stat.rindex(b")") + 2 :].split()[1])
        parents.setdefault(ppid, []).append(int(entry.name))
    tree, pending = [], [root]
    while pending:
        pid = pending.pop()
        tree.append(pid)
        pending += parents.get(pid, [])
    return tree


def pss_kib(pid: int) -> int:
    """Proportional set size: shared pages split between their users, so forked workers
    sharing the parent's pages are not counted twice."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def status_kib(pid: int, field_name: str) -> int:
    """A KiB figure from /proc/PID/status, 0 when the process is gone."""
    try:
        with open(f"/proc/{pid}/status", encoding="utf-8", errors="replace") as handle:
            for line in handle:
                if line.startswith(field_name):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def peak_memory(command: Sequence[str], env: dict[str, str], cwd: Path) -> Memory:
    """Run `command`, sampling the summed PSS of its process tree every ~10 ms."""
    peak = most = samples = main_hwm = 0
    with tempfile.TemporaryFile("w+") as output:
        started = time.perf_counter()
        process = subprocess.Popen(command, env=env, cwd=cwd, stdout=output, stderr=output)
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() - started > TIMEOUT:
                process.kill()
            tree = descendants(process.pid)
            peak = max(peak, sum(pss_kib(p) for p in tree))
            most = max(most, len(tree))
            main_hwm = max(main_hwm, status_kib(process.pid, "VmHWM:"))
            samples += 1
            time.sleep(SAMPLE_SECONDS)
        elapsed = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            output.seek(0)
            lines = [line.strip() for line in output.read().splitlines() if line.strip()]
            raise SubjectFailed(f"exit {process.returncode}: {' / '.join(lines[-8:])}")
    # ru_maxrss is in KiB on Linux.
    return Memory(peak / 1024, most, main_hwm / 1024, usage.ru_maxrss / 1024, elapsed, samples)


# ---------------------------------------------------------------------------------------
# Report


def seconds_text(runs: Runs) -> str:
    if runs.median is None:
        return "failed"
    cpu = "" if runs.cpu_median is None else f"; CPU {runs.cpu_median:.2f} s"
    return f"{runs.median:.2f} s (min {runs.minimum:.2f}{cpu})"


def ratio_of(ours: float | None, peer: float | None) -> float | None:
    return ours / peer if ours is not None and peer else None


def ratio_row(
    label: str, ours: Runs, peer: Runs, goal: float | None, peer_text: str | None = None
) -> Row:
    """A row whose goal, if any, is on ours / peer; `peer_text` overrides the peer's cell."""
    ratio = ratio_of(ours.median, peer.median)
    cpu = ratio_of(ours.cpu_median, peer.cpu_median)
    return Row(
        label,
        seconds_text(ours),
        peer_text if peer_text is not None else seconds_text(peer),
        "n/a" if ratio is None else f"**{ratio:.2f}x**",
        "(for reference)" if goal is None else f"ratio ≤ {goal:g}x",
        "" if goal is None else met_text(ratio, goal),
        "n/a" if cpu is None else f"{cpu:.2f}x",
    )


def per_op_ratio(scaling: dict[int, dict[str, Runs]], name: str) -> float | None:
    """Seconds per operation at the largest size over that at the next one down."""
    sizes = sorted(scaling)
    if len(sizes) < 2:
        return None
    big, small = sizes[-1], sizes[-2]
    big_s, small_s = scaling[big][name].median, scaling[small][name].median
    if big_s is None or small_s is None:
        return None
    return (big_s / big) / (small_s / small)


def marginal_ratio(scaling: dict[int, dict[str, Runs]], name: str) -> float | None:
    """Seconds per added operation between the two largest sizes, over that between the
    next two down: growth with the fixed costs taken out."""
    sizes = sorted(scaling)
    if len(sizes) < 3:
        return None
    a, b, c = sizes[-3:]
    ta, tb, tc = (scaling[size][name].median for size in (a, b, c))
    if ta is None or tb is None or tc is None or tb <= ta:
        return None
    return ((tc - tb) / (c - b)) / ((tb - ta) / (b - a))


def render(
    facts: dict[str, str],
    rows: list[Row],
    scaling: dict[int, dict[str, Runs]],
    spec_sizes: dict[int, dict[str, int]],
    memory: dict[str, Memory | str],
    subjects: list[Subject],
    notes: list[str],
    settings: dict[str, float],
    corpus: list[generator_corpus.Measured],
) -> str:
    out = ["# Generator speed", ""]
    out += [f"- **{k}:** {v}" for k, v in facts.items()]
    out.append(
        f"- **Settings:** median of {settings['runs']:g} runs per subject on small specs,"
        f" {settings['full_runs']:g} on the full Polar document and on synthetic specs of"
        f" 1,000 operations or more, {settings['corpus_runs']:g} on each real-world document;"
        f" whole run {settings['elapsed']:.0f} s"
    )
    out += ["", "## polar-codegen vs openapi-python-client", ""]
    out.append(
        "Wall time of the whole command (interpreter start-up included) as the parent process"
        " measures it, median of the runs (fastest and the median CPU time, user + system of"
        " the process and the children it waited for, in brackets). Ratio = ours /"
        " openapi-python-client on wall time, both measured in this run; *CPU ratio* the same"
        " on CPU time, which outside load disturbs less. *Cold*: a new output folder and, for"
        " ours, an empty content cache."
    )
    out += [
        "",
        "| Measurement | ours | openapi-python-client | Ratio | CPU ratio | Goal | Met? |",
        "| --- | ---: | ---: | ---: | ---: | --- | --- |",
    ]
    for row in rows:
        out.append(
            f"| {row.label} | {row.ours} | {row.peer} | {row.ratio} | {row.cpu_ratio}"
            f" | {row.goal} | {row.met} |"
        )
    out += ["", "## Scaling with the number of operations", ""]
    out.append(
        "Synthetic specs from `bench/synthetic.py`: resources of three operations each (a"
        " paged list with four query parameters, a get by id, a create with a JSON body) and"
        " five schemas each. Cold runs, as above."
    )
    out += [
        "",
        (
            "| Operations | Schemas | Spec KiB | ours | ours ms/op | openapi-python-client"
            " | oapc ms/op | Ratio |"
        ),
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for size in sorted(scaling):
        ours, peer = scaling[size]["ours"], scaling[size]["oapc"]
        facts_of = spec_sizes[size]
        ratio = ratio_of(ours.median, peer.median)
        out.append(
            f"| {size:,} | {facts_of['schemas']:,} | {facts_of['bytes'] / 1024:,.0f}"
            f" | {seconds_text(ours)} | {per_op_text(ours, size)}"
            f" | {seconds_text(peer)} | {per_op_text(peer, size)}"
            f" | {'n/a' if ratio is None else f'{ratio:.2f}x'} |"
        )
    sizes = sorted(scaling)
    if len(sizes) >= 2:
        ours_growth, peer_growth = per_op_ratio(scaling, "ours"), per_op_ratio(scaling, "oapc")
        out += [
            "",
            (
                f"Time per operation at {sizes[-1]:,} operations over that at {sizes[-2]:,}:"
                f" ours {growth_text(ours_growth)}, openapi-python-client"
                f" {growth_text(peer_growth)} (1.00x is linear)."
            ),
        ]
    if len(sizes) >= 3:
        ours_margin, peer_margin = marginal_ratio(scaling, "ours"), marginal_ratio(scaling, "oapc")
        a, b, c = sizes[-3:]
        out += [
            "",
            (
                "Start-up and per-run costs make small specs dear per operation, so the ratio"
                " above can sit below 1.00x however generation grows. What each extra"
                f" operation costs, (t({c:,}) − t({b:,})) / {c - b:,} over"
                f" (t({b:,}) − t({a:,})) / {b - a:,}: ours {growth_text(ours_margin)},"
                f" openapi-python-client {growth_text(peer_margin)}."
            ),
        ]
    out += generator_corpus.render(corpus)
    out += ["", "## Peak memory on the full Polar document", ""]
    out.append(
        "Sum of PSS (`/proc/PID/smaps_rollup`) over the process and all its descendants"
        f" (worker processes, `ruff`), sampled every {SAMPLE_SECONDS * 1000:.0f} ms from"
        " outside; one cold run each. *Main process*: its own peak resident set (`VmHWM`, as"
        " last sampled). *ru_maxrss*: what `wait4` reports for it, which on Linux is the"
        " largest peak of the main process and every descendant it waited for."
    )
    out += [
        "",
        (
            "| Subject | Peak PSS, process tree | Processes at most | Main process | ru_maxrss"
            " | Wall |"
        ),
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for subject in subjects:
        m = memory.get(subject.name, "not run")
        if isinstance(m, Memory):
            out.append(
                f"| {subject.label} | {m.peak_pss_mib:,.0f} MiB | {m.max_processes}"
                f" | {m.main_hwm_mib:,.0f} MiB | {m.largest_rss_mib:,.0f} MiB | {m.seconds:.1f} s |"
            )
        else:
            out.append(f"| {subject.label} | {m} | | | | |")
    out += ["", "## Versions", ""]
    for subject in subjects:
        versions = ", ".join(f"{k} {v}" for k, v in subject.versions.items())
        out.append(f"- **{subject.label}:** {versions or 'not installed'}")
    out += ["", "## Notes", ""] + [f"- {n}" for n in notes]
    return "\n".join(out) + "\n"


def per_op_text(runs: Runs, size: int) -> str:
    return "n/a" if runs.median is None else f"{runs.median / size * 1000:,.1f}"


def growth_text(growth: float | None) -> str:
    return "n/a" if growth is None else f"{growth:.2f}x"


# ---------------------------------------------------------------------------------------


class Bench:
    """One run's subjects, scratch folder and findings; one method per measurement."""

    def __init__(
        self, ours: Subject, oapc: Subject | None, session: Path, args: argparse.Namespace
    ) -> None:
        self.ours, self.oapc, self.session = ours, oapc, session
        self.runs, self.full_runs = args.runs, args.full_runs
        self.config = session / "oapc-config.yaml"
        self.config.write_text(OAPC_CONFIG, "utf-8")
        self.rows: list[Row] = []
        self.notes: list[str] = []
        self.scaling: dict[int, dict[str, Runs]] = {}
        self.spec_sizes: dict[int, dict[str, int]] = {}
        self.memory: dict[str, Memory | str] = {}
        self.oapc_warnings: dict[str, set[str]] = {}
        self.corpus_runs = args.corpus_runs
        # Documents measured cold, for the per-document tables (spec/ and Polar's from the
        # rows above, not measured twice).
        self.measured: dict[Path, generator_corpus.Measured] = {}
        self.full_peer = Runs(failure="not measured")

    def pair(
        self, ours: Trial, peer: Callable[[Subject], Trial] | None, runs: int, what: str
    ) -> tuple[Runs, Runs]:
        """Ours and the peer taking turns; a failure of either goes into the notes."""
        trials = {"ours": ours}
        if peer is not None and self.oapc is not None:
            trials["oapc"] = peer(self.oapc)
        results = take_turns(trials, runs, what)
        peer_runs = results.get("oapc", Runs(failure="not measured"))
        self.fail_notes(what, results["ours"], peer_runs if peer is not None else None)
        return results["ours"], peer_runs

    def fail_notes(self, what: str, ours: Runs, peer: Runs | None = None) -> None:
        if ours.failure is not None:
            self.notes.append(f"{what}: polar-codegen failed: `{ours.failure}`")
        if peer is not None and peer.failure is not None and self.oapc is not None:
            self.notes.append(f"{what}: openapi-python-client failed: `{peer.failure}`")

    def peer_cold(
        self, spec: Path, where: str, config: Path | None = None
    ) -> Callable[[Subject], Trial]:
        warnings = self.oapc_warnings.setdefault(where, set())
        return lambda oapc: oapc_cold(oapc, spec, config, warnings)

    def warm_up(self) -> None:
        """Untimed: the first run of a fresh install writes the .pyc files pip did not and
        fills the OS's file cache; users pay that once, not on every run."""
        take_turns(
            {"ours": ours_cold(self.ours, SPEC, "polar_oauth2")}
            | ({"oapc": oapc_cold(self.oapc, SPEC)} if self.oapc else {}),
            1,
            "warm-up",
        )

    def small_and_check(self) -> None:
        """Rows 1 and 2: the two-endpoint spec cold, then `check` of an up-to-date folder.

        oapc has no check; its cold generate is what a CI staleness check with it costs.
        """
        what = "Two-endpoint spec (`spec/polar-oauth2.yaml`), cold generate"
        ours, peer = self.pair(
            ours_cold(self.ours, SPEC, "polar_oauth2"),
            self.peer_cold(SPEC, "two-endpoint"),
            self.runs,
            what,
        )
        self.rows.append(ratio_row(what, ours, peer, GOAL_SMALL_COLD))
        self.keep(SPEC, ours, peer)
        with scratch() as workdir:
            try:
                trials = ours_check_trials(self.ours, SPEC, "polar_oauth2", workdir)
                checks = take_turns(trials, self.runs, "check, up to date")
            except SubjectFailed as exc:
                failed = Runs(failure=f"generate before check: {exc}")
                checks = {"warm cache": failed, "empty cache": failed}
        peer_text = with_basis(peer, "cold generate, no `check`")
        for kind, goal in (("warm cache", GOAL_CHECK), ("empty cache", None)):
            what = f"`check` on an up-to-date folder, {kind}"
            self.rows.append(ratio_row(what, checks[kind], peer, goal, peer_text))
            self.fail_notes(what, checks[kind])

    def full_document(self) -> None:
        """Rows 3 and 4: the full Polar document cold, and after a template-only change."""
        what = "Full Polar document, cold generate"
        if not FULL_SPEC.is_file():
            missing = Runs(failure=f"{FULL_SPEC} not found")
            self.notes.append(f"{FULL_SPEC} not found: the full-document rows were not measured")
            self.rows.append(ratio_row(what, missing, missing, GOAL_FULL_COLD))
            what = "Full Polar document, regenerate after a template-only change"
            self.rows.append(ratio_row(what, missing, missing, GOAL_TEMPLATE_EDIT))
            return
        ours, peer = self.pair(
            ours_cold(self.ours, FULL_SPEC, "polar"),
            self.peer_cold(FULL_SPEC, "full", self.config),
            self.full_runs,
            what,
        )
        self.rows.append(ratio_row(what, ours, peer, GOAL_FULL_COLD))
        self.keep(FULL_SPEC, ours, peer)
        self.full_peer = peer

        what = "Full Polar document, regenerate after a template-only change"
        edit_notes: set[str] = set()
        try:
            template = models_template(self.ours)
        except SubjectFailed as exc:
            edited = Runs(failure=str(exc))
            self.fail_notes(what, edited)
        else:
            trial = ours_after_template_edit(self.ours, FULL_SPEC, template, edit_notes)
            edited, _ = self.pair(trial, None, self.full_runs, what)
        self.rows.append(
            ratio_row(what, edited, peer, GOAL_TEMPLATE_EDIT, with_basis(peer, "cold generate"))
        )
        self.notes += sorted(edit_notes)

    def keep(self, spec: Path, ours: Runs, peer: Runs) -> None:
        for document in generator_corpus.documents():
            if document.spec == spec:
                self.measured[spec] = generator_corpus.Measured(document, ours, peer)

    def corpus(self) -> None:
        """Every real-world document cold (spec/ and Polar's were measured above)."""
        for document in generator_corpus.documents():
            if document.spec in self.measured:
                continue
            what = f"{document.label}, cold generate"
            config = self.config if document.literal_enums else None
            ours, peer = self.pair(
                ours_cold(self.ours, document.spec, document.package),
                self.peer_cold(document.spec, document.label, config),
                self.corpus_runs,
                what,
            )
            self.measured[document.spec] = generator_corpus.Measured(document, ours, peer)

    def schema_edit(self) -> None:
        """Regenerating after an edit of one schema of the full document."""
        what = "Full Polar document, regenerate after an edit of one schema"
        if not FULL_SPEC.is_file():
            return

        def generate(spec: Path, out: Path, workdir: Path) -> Sample:
            command = ours_generate(self.ours, spec, out, "polar")
            return execute(command, self.ours.env(workdir / "cache"), workdir)[0]

        trial = generator_corpus.schema_edit_trial(generate, FULL_SPEC, SubjectFailed)
        edited, _ = self.pair(trial, None, self.full_runs, what)
        peer = self.full_peer
        self.rows.append(
            ratio_row(what, edited, peer, GOAL_SCHEMA_EDIT, with_basis(peer, "cold generate"))
        )

    def scale(self, sizes: Sequence[int]) -> None:
        """Row 5 and the scaling table: synthetic specs of growing size, cold."""
        for size in sorted(set(sizes)):
            spec = self.session / f"synthetic-{size}.json"
            self.spec_sizes[size] = write_spec(spec, size)
            ours, peer = self.pair(
                ours_cold(self.ours, spec, "synthetic"),
                self.peer_cold(spec, "synthetic"),
                self.full_runs if size >= 1000 else self.runs,
                f"Synthetic spec of {size:,} operations, cold generate",
            )
            self.scaling[size] = {"ours": ours, "oapc": peer}
        top = sorted(self.scaling)[-2:]
        growth = per_op_ratio(self.scaling, "ours")
        label = "Scaling: time per operation"
        if len(top) == 2:
            label += f" at {top[1]:,} operations / at {top[0]:,}"
        self.rows.append(
            Row(
                label,
                growth_text(growth),
                growth_text(per_op_ratio(self.scaling, "oapc")),
                "",
                f"ours ≤ {GOAL_SCALING:g}x",
                met_text(growth, GOAL_SCALING),
            )
        )

    def peak_memory(self) -> None:
        """Row 6 and the memory table: one cold run of each on the full document."""
        subjects = [self.ours] + ([self.oapc] if self.oapc else [])
        for subject in subjects if FULL_SPEC.is_file() else []:
            log(f"{subject.name}: peak memory on the full Polar document")
            with scratch() as tmp:
                (tmp / "cache").mkdir()
                if subject is self.ours:
                    command = ours_generate(subject, FULL_SPEC, tmp / "out", "polar")
                    env = subject.env(tmp / "cache")
                else:
                    command = oapc_generate(subject, FULL_SPEC, tmp / "out", self.config)
                    env = subject.env()
                try:
                    self.memory[subject.name] = peak_memory(command, env, tmp)
                except SubjectFailed as exc:
                    self.memory[subject.name] = "failed"
                    self.notes.append(f"Peak memory: {subject.label} failed: `{exc}`")
        ours, peer = self.memory.get("ours"), self.memory.get("oapc")
        ours_mib = ours.peak_pss_mib if isinstance(ours, Memory) else None
        peer_mib = peer.peak_pss_mib if isinstance(peer, Memory) else None
        ratio = ratio_of(ours_mib, peer_mib)
        self.rows.append(
            Row(
                "Peak memory, full Polar document (PSS of the process tree)",
                "n/a" if ours_mib is None else f"{ours_mib:,.0f} MiB",
                "n/a" if peer_mib is None else f"{peer_mib:,.0f} MiB",
                "n/a" if ratio is None else f"{ratio:.2f}x",
                "ours ≤ the peer's",
                met_text(ratio, 1.0),
            )
        )


def with_basis(peer: Runs, basis: str) -> str:
    """The peer's median, saying which of its measurements it is."""
    return "n/a" if peer.median is None else f"{peer.median:.2f} s ({basis})"


def met_text(value: float | None, goal: float) -> str:
    return "n/a" if value is None else ("met" if value <= goal else "missed")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per figure on small specs")
    parser.add_argument(
        "--full-runs",
        type=int,
        default=3,
        help="runs per figure on the full Polar document and the largest synthetic spec",
    )
    parser.add_argument(
        "--sizes",
        type=int,
        nargs="+",
        default=list(SIZES),
        metavar="N",
        help="operations in each synthetic spec",
    )
    parser.add_argument("--corpus-runs", type=int, default=3, help="runs per real-world document")
    parser.add_argument(
        "--skip-corpus", action="store_true", help="leave out the real-world documents"
    )
    parser.add_argument("--quick", action="store_true", help="fewest runs: a smoke run")
    parser.add_argument("--output", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    if args.quick:
        args.runs, args.full_runs, args.corpus_runs = 2, 1, 1

    started = time.perf_counter()
    facts = machine_facts()
    facts["Our commit"] = git_revision(source_paths())
    PEERS.mkdir(parents=True, exist_ok=True)
    try:
        ours = setup_ours()
    except RuntimeError as exc:
        log(f"ours: {exc}")
        return 1
    oapc: Subject | None = None
    install_notes: list[str] = []
    try:
        oapc = setup_oapc()
    except RuntimeError as exc:
        log(f"oapc: {exc}")
        install_notes.append(
            f"openapi-python-client could not be installed: `{tail_text(str(exc))}`"
        )

    with scratch() as session:
        bench = Bench(ours, oapc, session, args)
        bench.warm_up()
        bench.small_and_check()
        bench.full_document()
        bench.schema_edit()
        if not args.skip_corpus:
            bench.corpus()
        bench.scale(args.sizes)
        bench.peak_memory()

    subjects = [ours] + ([oapc] if oapc else [])
    # Ours formats on every core, so the load at the end is mostly this run's own: only
    # the load at the start tells of other work.
    end = "Load average at end (this run's own work included)"
    facts = {end if k == "Load average at end" else k: v for k, v in facts.items()}
    facts[end] = load_average()
    # dict.fromkeys: one failure can stop two rows; say it once.
    notes = list(dict.fromkeys(method_notes(bench.oapc_warnings) + install_notes + bench.notes))
    notes += [f"{s.label}: {n}" for s in subjects for n in s.notes]
    busy = busy_note({k: v for k, v in facts.items() if k.startswith("Load average at start")})
    if busy:
        notes.append(busy)
    settings = {
        "runs": args.runs,
        "full_runs": args.full_runs,
        "corpus_runs": args.corpus_runs,
        "elapsed": time.perf_counter() - started,
    }
    order = [d.spec for d in generator_corpus.documents()]
    corpus = sorted(bench.measured.values(), key=lambda m: order.index(m.document.spec))
    report = render(
        facts,
        bench.rows,
        bench.scaling,
        bench.spec_sizes,
        bench.memory,
        subjects,
        notes,
        settings,
        corpus,
    )
    print(report)
    args.output.write_text(report, encoding="utf-8")
    log(f"wrote {args.output}")
    measured = any(row.ours not in ("failed", "n/a") for row in bench.rows)
    return 0 if measured else 1


def source_paths() -> list[str]:
    """SOURCES as git pathspecs, folders with a trailing slash."""
    return [f"{s}/" if (ROOT / s).is_dir() else s for s in SOURCES]


def tail_text(text: str, lines: int = 4) -> str:
    return " / ".join(line.strip() for line in text.strip().splitlines()[-lines:])


def method_notes(warnings: dict[str, set[str]]) -> list[str]:
    """How each figure was taken, in words a reader can rerun."""
    peers = PEERS.relative_to(ROOT)
    notes = [
        (
            f"ours: `{peers}/ours-gen/venv/bin/polar-codegen generate --spec SPEC --out NEW_DIR"
            " --package-name PACKAGE --quiet` with `POLAR_CODEGEN_CACHE_DIR` set to a new empty"
            " folder (cold); installed with a non-editable `pip install` of this checkout,"
            " dependencies pinned to the dev venv's versions."
        ),
        (
            f"ours, `check`: `polar-codegen check --spec {SPEC.relative_to(ROOT)} --out DIR"
            " --package-name polar_oauth2` on a folder generated just before (untimed), with the"
            " same cache folder as that generation (warm) or a new empty one; it must exit 0."
            " openapi-python-client has no check: regenerating is what a CI staleness check"
            " with it costs, so its figure is its cold generate."
        ),
        (
            "ours, template-only change: `--templates OVERLAY` holding a copy of the built-in"
            f" `package/models.py.jinja`; one untimed generation with the unchanged copy (new"
            f" cache, new folder), then `{EDIT_MARK}` inserted after the class header of every"
            " model and the same command timed, same folder and cache. openapi-python-client's"
            " figure is its cold generate of the full document."
        ),
        (
            f"openapi-python-client: `{peers}/oapc/venv/bin/openapi-python-client generate --path"
            " SPEC --output-path NEW_DIR --overwrite` with that venv's `bin/` on `PATH` (its"
            " post-generation hooks run `ruff`, formatting as it does for users)."
        ),
        (
            f"openapi-python-client on the full Polar document (`{FULL_SPEC}`): version 0.29.1"
            " stops with `Duplicate key GMT0 in enum` (the timezone members `GMT0`, `GMT+0` and"
            " `GMT-0` get one name) unless enums are generated as `Literal` types, so it runs"
            " with `--config FILE` where FILE holds `literal_enums: true`."
        ),
        (
            "Every child runs from a new scratch folder as its working directory, without"
            " `PYTHONDONTWRITEBYTECODE` (this machine sets it; users do not), so installed"
            " packages load from the `.pyc` files pip wrote. One untimed run of each generator"
            " comes first."
        ),
    ]
    for where, skipped in sorted(warnings.items()):
        if skipped:
            notes.append(
                f"openapi-python-client warned on the {where} spec and left out"
                f" {len(skipped)} schema(s) it could not parse, and what uses them:"
                f" {', '.join(f'`{s}`' for s in sorted(skipped))}. Its figures are for that"
                " smaller client."
            )
    return notes


if __name__ == "__main__":
    raise SystemExit(main())
