"""Per-call cost of one client library, as a ratio to raw httpx, measured in one process.

    python bench/measure_call.py SUBJECT [--reps N] [--batch-seconds S] [--profile CALLS]

SUBJECT is `ours` (generated/polar_oauth2), `oapc` (openapi-python-client's output,
importable as `polar_api_client`) or `polar-sdk` (Polar's official SDK). Run it with the
interpreter of the venv that holds the subject; bench/run.py does that for every subject.

Both the subject and the baseline (`httpx.Client.get(url, params=...).json()`) talk to the
same in-process `httpx.MockTransport`, which answers every request with the same 100-item
page from fixtures.py. Batches of baseline calls and of subject calls alternate (ABBA order)
for `--reps` rounds, so drift in CPU speed hits both alike; the result is the median per-call
time of each and the ratio of the medians. The garbage collector stays on: collecting what a
call allocates is part of what the call costs.

Prints one JSON object on stdout. With `--profile CALLS` it instead runs the subject CALLS
times under cProfile and prints its own time grouped by package and the functions with
the most own time.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import importlib.metadata
import json
import platform
import pstats
import statistics
import sys
import sysconfig
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import fixtures
import httpx

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Subject:
    """A client library wired to the mock transport, ready to make the benchmarked call."""

    call: Callable[[], Any]
    summary: Callable[[Any], tuple[int, str, int]]
    """(number of items, first item's client_id, pagination.total_count) of a result."""
    distributions: tuple[str, ...]
    """Installed distributions whose versions go into the report."""


class MockServer:
    """The transport's handler: the same page for every request; remembers the last one."""

    def __init__(self, body: bytes) -> None:
        self.body = body
        self.headers = [("content-type", "application/json")]
        self.last: httpx.Request | None = None

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.last = request
        return httpx.Response(200, headers=self.headers, content=self.body)


def load_baseline(transport: httpx.BaseTransport) -> Subject:
    http = httpx.Client(transport=transport)
    url = fixtures.BASE_URL + fixtures.PATH
    params = {"page": 1, "limit": fixtures.PAGE_SIZE}

    def call() -> Any:
        return http.get(url, params=params).json()

    def summary(page: Any) -> tuple[int, str, int]:
        return len(page["items"]), page["items"][0]["client_id"], page["pagination"]["total_count"]

    return Subject(call, summary, ("httpx",))


def load_ours(transport: httpx.BaseTransport) -> Subject:
    try:
        import polar_oauth2  # type: ignore[import-not-found, unused-ignore]
    except ImportError:  # run by hand rather than by run.py: use the committed client
        sys.path.insert(0, str(ROOT / "generated"))
        import polar_oauth2  # type: ignore[import-not-found, unused-ignore]

    client = polar_oauth2.Client(
        access_token=fixtures.ACCESS_TOKEN,
        base_url=fixtures.BASE_URL,
        http_client=httpx.Client(transport=transport),
    )

    def call() -> Any:
        return client.oauth2.clients.list(limit=fixtures.PAGE_SIZE)

    def summary(page: Any) -> tuple[int, str, int]:
        return len(page.items), page.items[0].client_id, page.pagination.total_count

    return Subject(call, summary, ("httpx", "msgspec"))


def load_oapc(transport: httpx.BaseTransport) -> Subject:
    from polar_api_client import AuthenticatedClient  # type: ignore[import-not-found]
    from polar_api_client.api.oauth2 import oauth2clientslist  # type: ignore[import-not-found]

    client = AuthenticatedClient(
        base_url=fixtures.BASE_URL,
        token=fixtures.ACCESS_TOKEN,
        httpx_args={"transport": transport},
    )

    def call() -> Any:
        return oauth2clientslist.sync(client=client, limit=fixtures.PAGE_SIZE)

    def summary(page: Any) -> tuple[int, str, int]:
        return len(page.items), page.items[0].client_id, page.pagination.total_count

    return Subject(call, summary, ("openapi-python-client", "httpx", "attrs"))


def load_polar_sdk(transport: httpx.BaseTransport) -> Subject:
    from polar_sdk import Polar  # type: ignore[import-not-found]

    # Polar.__init__ takes any object satisfying its HttpClient protocol as `client=`;
    # an httpx.Client is what it builds itself when none is given.
    polar = Polar(
        access_token=fixtures.ACCESS_TOKEN,
        server_url=fixtures.BASE_URL,
        client=httpx.Client(transport=transport),
    )

    def call() -> Any:
        return polar.oauth2.clients.list(limit=fixtures.PAGE_SIZE)

    def summary(response: Any) -> tuple[int, str, int]:
        page = response.result
        return len(page.items), page.items[0].client_id, page.pagination.total_count

    return Subject(call, summary, ("polar-sdk", "httpx", "pydantic", "pydantic-core"))


LOADERS: dict[str, Callable[[httpx.BaseTransport], Subject]] = {
    "ours": load_ours,
    "oapc": load_oapc,
    "polar-sdk": load_polar_sdk,
}


def check(name: str, subject: Subject, server: MockServer, expected: tuple[int, str, int]) -> None:
    """One call outside the clock: the subject must send the request and decode the page."""
    got = subject.summary(subject.call())
    request = server.last
    problems = []
    if got != expected:
        problems.append(f"decoded {got}, expected {expected}")
    if request is None or request.url.path != fixtures.PATH:
        problems.append(f"requested {request and request.url}, expected path {fixtures.PATH}")
    elif request.url.params.get("limit") != str(fixtures.PAGE_SIZE):
        problems.append(f"requested {request.url}, expected limit={fixtures.PAGE_SIZE}")
    if problems:
        sys.exit(f"{name}: the harness is miswired: {'; '.join(problems)}")


def per_call_seconds(call: Callable[[], Any], calls: int) -> float:
    clock = time.perf_counter
    start = clock()
    for _ in range(calls):
        call()
    return (clock() - start) / calls


def calibrate(call: Callable[[], Any], warmup_seconds: float) -> float:
    """Warm up for about `warmup_seconds`; returns the rough per-call time it saw."""
    calls = 0
    start = time.perf_counter()
    while (elapsed := time.perf_counter() - start) < warmup_seconds or calls < 5:
        call()
        calls += 1
    return elapsed / calls


def quartiles(values: list[float]) -> tuple[float, float]:
    q = statistics.quantiles(values, n=4, method="inclusive")
    return q[0], q[2]


def measure(name: str, reps: int, batch_seconds: float) -> dict[str, Any]:
    server = MockServer(fixtures.page_bytes())
    transport = httpx.MockTransport(server)
    baseline = load_baseline(transport)
    subject = LOADERS[name](transport)
    page = fixtures.page()
    expected = (
        len(page["items"]),
        page["items"][0]["client_id"],
        page["pagination"]["total_count"],
    )
    check("baseline", baseline, server, expected)
    check(name, subject, server, expected)

    calibrate(baseline.call, 0.2)
    rough = calibrate(subject.call, 0.3)
    batch = max(1, round(batch_seconds / rough))

    times: dict[str, list[float]] = {"baseline": [], "subject": []}
    gc.collect()
    for rep in range(reps):
        order = ("baseline", "subject") if rep % 2 == 0 else ("subject", "baseline")
        for which in order:
            call = baseline.call if which == "baseline" else subject.call
            times[which].append(per_call_seconds(call, batch))

    base_med = statistics.median(times["baseline"])
    subj_med = statistics.median(times["subject"])
    pair_ratios = [s / b for s, b in zip(times["subject"], times["baseline"])]
    return {
        "subject": name,
        "python": platform.python_version(),
        "executable": sys.executable,
        "versions": versions(subject.distributions, name),
        "body_bytes": len(server.body),
        "items": len(page["items"]),
        "reps": reps,
        "batch": batch,
        "baseline_us": base_med * 1e6,
        "subject_us": subj_med * 1e6,
        "baseline_iqr_us": [v * 1e6 for v in quartiles(times["baseline"])],
        "subject_iqr_us": [v * 1e6 for v in quartiles(times["subject"])],
        "ratio": subj_med / base_med,
        "pair_ratio_iqr": list(quartiles(pair_ratios)),
    }


def versions(distributions: tuple[str, ...], name: str) -> dict[str, str]:
    found: dict[str, str] = {}
    if name == "ours":
        import polar_oauth2  # type: ignore[import-not-found, unused-ignore]

        found["polar_oauth2 (generated)"] = polar_oauth2.__version__
    for dist in distributions:
        try:
            found[dist] = importlib.metadata.version(dist)
        except importlib.metadata.PackageNotFoundError:
            found[dist] = "not installed"
    return found


def _where(filename: str) -> str:
    """A short, machine-independent name for a profiled function's file."""
    if filename.startswith(("<", "~")):
        return filename
    path = Path(filename)
    parts = path.parts
    for anchor in ("site-packages", "generated"):
        if anchor in parts:
            return "/".join(parts[parts.index(anchor) + 1 :])
    stdlib = Path(sysconfig.get_paths()["stdlib"])
    if path.is_relative_to(stdlib):
        return str(path.relative_to(stdlib))
    return path.name


def _area(filename: str, func: str) -> str:
    """Which package a profiled function's own time belongs to."""
    if filename == "~":  # a built-in: name its extension by the type it is a method of
        for package in ("msgspec", "pydantic_core", "h11", "attrs"):
            if package in func:
                return f"{package} (C)"
        return "builtins (C)"
    parts = Path(filename).parts
    if "generated" in parts:
        return "polar_oauth2 (generated)"
    if "site-packages" in parts:
        return parts[parts.index("site-packages") + 1]
    if filename.startswith(sys.base_prefix):
        return "stdlib"
    return Path(filename).name


def profile(name: str, calls: int, top: int) -> dict[str, Any]:
    server = MockServer(fixtures.page_bytes())
    subject = LOADERS[name](httpx.MockTransport(server))
    calibrate(subject.call, 0.3)
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(calls):
        subject.call()
    profiler.disable()
    stats = pstats.Stats(profiler)
    rows: list[dict[str, Any]] = []
    raw: dict[tuple[str, int, str], tuple[int, int, float, float, Any]]
    raw = stats.stats  # type: ignore[attr-defined]
    total = sum(tt for _, _, tt, _, _ in raw.values())
    for (filename, line, func), (_, ncalls, tt, ct, _) in raw.items():
        rows.append(
            {
                "function": f"{_where(filename)}:{line}({func})" if line else func,
                "calls_per_call": ncalls / calls,
                "own_us": tt / calls * 1e6,
                "cumulative_us": ct / calls * 1e6,
                "own_share": tt / total if total else 0.0,
            }
        )
    rows.sort(key=lambda r: r["own_us"], reverse=True)
    areas: dict[str, float] = {}
    for (filename, _, func), (_, _, tt, _, _) in raw.items():
        area = _area(filename, func)
        areas[area] = areas.get(area, 0.0) + tt / calls * 1e6
    return {
        "subject": name,
        "calls": calls,
        "total_us": total / calls * 1e6,
        "areas_us": dict(sorted(areas.items(), key=lambda kv: kv[1], reverse=True)),
        "top": rows[:top],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("subject", choices=sorted(LOADERS))
    parser.add_argument("--reps", type=int, default=100, help="rounds of (baseline, subject)")
    parser.add_argument(
        "--batch-seconds", type=float, default=0.01, help="rough length of one batch"
    )
    parser.add_argument("--profile", type=int, metavar="CALLS", help="profile instead of timing")
    parser.add_argument("--top", type=int, default=15, help="rows of --profile output")
    args = parser.parse_args(argv)
    if args.profile:
        result = profile(args.subject, args.profile, args.top)
    else:
        result = measure(args.subject, args.reps, args.batch_seconds)
    json.dump(result, sys.stdout)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
