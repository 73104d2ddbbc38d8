"""The client generated from Polar's whole 2026-04 document against Prism serving that same
document in dynamic mode (random answers built from the schemas).

Every GET operation is called several times with placeholder arguments built from its
parameter types, with a Bearer token. Every answer passes a judge (tests/polar_full_support.py)
on its way to the client: Prism's made-up ids for `format: uuid4` fields (a format Prism does
not know; it sends words such as "string") are swapped for real UUIDs, exactly as
tests/test_prism.py does for the two-endpoint spec, and each JSON body is validated against
the document with `jsonschema`. Each call then falls in one class:

- decoded: the client returned a value;
- the server's fault: Prism failed (HTTP 500: it cannot fake some schemas, e.g. `prefixItems`
  without `items`), or the body really breaks the schema and the client said so;
- a known generator bug (pinned by the xfail test at the end): the decoder cannot be built
  (tag collision, see test_full_polar.py), or the client's `Accept: application/json` made
  Prism refuse a `text/csv` operation (HTTP 406);
- anything else fails the test.
"""

from __future__ import annotations

import asyncio
import json
import operator
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest
from conftest import FULL_SPECS, full_specs_present
from polar_full_support import (
    PRISM_ERRORS,
    AsyncJudgedTransport,
    Exchange,
    Judge,
    JudgedTransport,
    Unbuildable,
    decoder_failures,
    load_spec,
    placeholder,
)
from prism_server import PrismServer, PrismUnavailable

pytestmark = pytest.mark.slow

TOKEN = "polar_oat_full_api_second_opinion"
CALLS_PER_OPERATION = 3
MIN_DECODED_OPERATIONS = 30
PRISM_START_TIMEOUT = 300.0  # the 2.6 MB document takes Prism ~11 s on an idle 2-core machine
TAG_COLLISION = "all Struct types must have unique `tag` values"


class FullSpecPrism(PrismServer):
    """PrismServer with a start timeout fit for a 2.6 MB document."""

    def _wait_until_ready(self) -> None:
        deadline = time.monotonic() + PRISM_START_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise PrismUnavailable(
                    f"Prism exited with code {self.process.returncode}; its output:\n{self.output()}"
                )
            if self._answers():
                return
            time.sleep(0.1)
        raise PrismUnavailable(f"Prism did not answer within {PRISM_START_TIMEOUT:.0f} s:\n{self.output()}")


@dataclass
class PrismFull:
    server: PrismServer
    startup_seconds: float


@pytest.fixture(scope="module")
def prism_full(
    prism_executable: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[PrismFull]:
    full_specs_present()
    log = tmp_path_factory.mktemp("prism-full") / "dynamic.log"
    started = time.perf_counter()
    try:
        server = FullSpecPrism.start(prism_executable, FULL_SPECS["polar_full"], log, dynamic=True)
    except PrismUnavailable as exc:
        pytest.fail(f"cannot start Prism on the full document: {exc}", pytrace=False)
    startup = time.perf_counter() - started
    print(f"\nPrism --dynamic on {FULL_SPECS['polar_full'].name}: answering after {startup:.1f} s")
    try:
        yield PrismFull(server, startup)
    finally:
        server.stop()
    assert server.process.returncode is not None


@dataclass
class Call:
    python_path: str
    operation_id: str
    outcome: str
    detail: str
    exchange: Exchange | None


@dataclass
class Run:
    """Every call of the sync run, classified, plus what could not be called at all."""

    calls: list[Call] = field(default_factory=list)
    skipped: dict[str, str] = field(default_factory=dict)
    undecodable: set[str] = field(default_factory=set)

    def by_outcome(self) -> dict[str, Counter[str]]:
        out: dict[str, Counter[str]] = defaultdict(Counter)
        for call in self.calls:
            out[call.outcome][call.python_path] += 1
        return out

    def decoded_operations(self) -> set[str]:
        return {c.python_path for c in self.calls if c.outcome.startswith("decoded")}


DECODED = "decoded"
DECODED_INVALID = "decoded (body breaks the schema; the client let it pass)"
SERVER_FAILED = "server: Prism failed (HTTP 5xx)"
SERVER_INVALID = "server: body breaks the schema, client rejected it"
BUG_DECODER = "generator bug: decoder cannot be built (tag collision)"
BUG_ACCEPT = "generator bug: Accept header refuses the documented media type (HTTP 406)"
UNEXPLAINED = "unexplained"


def classify(
    result: object, error: BaseException | None, seen: Exchange | None, op: Any, undecodable: set[str]
) -> tuple[str, str]:
    """The outcome of one call (see the module docstring) and a one-line detail."""
    if error is None:
        if seen is not None and seen.schema_errors:
            return DECODED_INVALID, seen.schema_errors[0]
        return DECODED, type(result).__name__
    text = f"{type(error).__name__}: {error}"[:400]
    if seen is None:
        return UNEXPLAINED, "no exchange recorded: " + text
    if isinstance(error, TypeError) and TAG_COLLISION in str(error) and op.operation_id in undecodable:
        return BUG_DECODER, text
    if seen.status >= 500 and seen.prism_error is not None:
        return SERVER_FAILED, seen.prism_error
    if seen.status == 406:
        documented = {r.content_type for r in op.success if r.content_type}
        if not any(media.split(";")[0] in seen.accept for media in documented):
            return BUG_ACCEPT, f"Accept: {seen.accept!r}; documented: {sorted(documented)}"
    if type(error).__name__ == "DecodeError" and seen.schema_errors:
        return SERVER_INVALID, seen.schema_errors[0]
    return UNEXPLAINED, text


def get_operations(api: Any) -> list[Any]:
    return [o for o in api.operations if o.method == "GET"]


def arguments(op: Any, models: ModuleType) -> tuple[list[Any], dict[str, Any]]:
    args = [placeholder(p.type, models) for p in op.positional]
    kwargs = {p.name: placeholder(p.type, models) for p in op.keyword if p.required}
    return args, kwargs


@pytest.fixture(scope="module")
def sync_run(
    prism_full: PrismFull, full_irs: dict[str, Any], full_modules: dict[str, ModuleType]
) -> Run:
    package = "polar_full"
    module = full_modules[package]
    judge = Judge(load_spec(FULL_SPECS[package]))
    run = Run(undecodable=set(decoder_failures(package)))
    transport = JudgedTransport(judge)
    started = time.perf_counter()
    with (
        httpx.Client(transport=transport, timeout=30.0) as http,
        module.Client(access_token=TOKEN, base_url=prism_full.server.url, http_client=http, max_retries=0) as client,
    ):
        for op in get_operations(full_irs[package]):
            try:
                args, kwargs = arguments(op, module.models)
            except Unbuildable as exc:
                run.skipped[op.python_path] = str(exc)
                continue
            method: Callable[..., object] = operator.attrgetter(op.python_path)(client)
            for _ in range(CALLS_PER_OPERATION):
                before = len(transport.exchanges)
                result: object = None
                error: BaseException | None = None
                try:
                    result = method(*args, **kwargs)
                except Exception as exc:  # noqa: BLE001 - classified below
                    error = exc
                seen = transport.exchanges[-1] if len(transport.exchanges) > before else None
                outcome, detail = classify(result, error, seen, op, run.undecodable)
                run.calls.append(Call(op.python_path, op.operation_id, outcome, detail, seen))
    print(f"\n{len(run.calls)} calls in {time.perf_counter() - started:.1f} s")
    return run


def report(run: Run, total: int) -> str:
    lines = [
        (
            f"GET operations: {total}; called: {total - len(run.skipped)}; skipped (no "
            f"placeholder for a required parameter): {len(run.skipped)} {run.skipped or ''}"
        ),
        f"operations decoded at least once: {len(run.decoded_operations())}",
    ]
    for outcome, ops in sorted(run.by_outcome().items()):
        lines.append(f"{outcome}: {sum(ops.values())} calls, {len(ops)} operations")
        if outcome != DECODED:
            for path, count in sorted(ops.items()):
                example = next(c.detail for c in run.calls if c.python_path == path and c.outcome == outcome)
                lines.append(f"    {path} x{count}: {' '.join(example.split())[:160]}")
    return "\n".join(lines)


def test_prism_dynamic_get_operations_decode(
    sync_run: Run, full_irs: dict[str, Any], prism_full: PrismFull
) -> None:
    total = len(get_operations(full_irs["polar_full"]))
    print("\n" + report(sync_run, total))
    # Prism checks every request against the document: none of ours broke it.
    violations = [
        (c.python_path, v) for c in sync_run.calls if c.exchange for v in c.exchange.request_violations
    ]
    assert violations == []
    assert all(c.exchange is None or c.exchange.status != 422 for c in sync_run.calls)
    unexplained = [(c.python_path, c.detail) for c in sync_run.calls if c.outcome == UNEXPLAINED]
    assert unexplained == []
    assert len(sync_run.decoded_operations()) >= MIN_DECODED_OPERATIONS
    # Swapping ids was needed (Prism does not know `uuid4`), and touched only non-UUIDs.
    replaced = [r for c in sync_run.calls if c.exchange for r in c.exchange.replaced]
    assert replaced, "Prism made only real UUIDs for `format: uuid4`: the id swap is not needed"
    assert sync_run.skipped == {}, "every GET operation's required parameters can be built"


def test_prism_failures_are_the_servers_own(sync_run: Run) -> None:
    """Each HTTP 5xx is Prism's own failure report (a stoplight.io/prism/errors problem, such
    as "missing items for ... Tax Id": its faker cannot make a `prefixItems` array without
    `items`), and each body the client rejected breaks the schema by jsonschema's verdict."""
    for call in sync_run.calls:
        if call.outcome == SERVER_FAILED:
            assert call.exchange is not None and call.exchange.prism_error
            problem = json.loads(call.exchange.content)
            assert problem["type"].startswith(PRISM_ERRORS) and problem["status"] >= 500
        if call.outcome == SERVER_INVALID:
            assert call.exchange is not None and call.exchange.schema_errors


@pytest.mark.anyio
async def test_prism_async_client_decodes(
    sync_run: Run, prism_full: PrismFull, full_irs: dict[str, Any], full_modules: dict[str, ModuleType]
) -> None:
    """AsyncClient on the operations the sync run decoded, one call each, 8 in flight."""
    package = "polar_full"
    module = full_modules[package]
    ops = [o for o in get_operations(full_irs[package]) if o.python_path in sync_run.decoded_operations()]
    transport = AsyncJudgedTransport(Judge(load_spec(FULL_SPECS[package])))
    limit = asyncio.Semaphore(8)
    results: dict[str, tuple[object, BaseException | None]] = {}

    async def one(client: Any, op: Any) -> None:
        args, kwargs = arguments(op, module.models)
        async with limit:
            try:
                results[op.operation_id] = (await operator.attrgetter(op.python_path)(client)(*args, **kwargs), None)
            except Exception as exc:  # noqa: BLE001 - classified below
                results[op.operation_id] = (None, exc)

    async with (
        httpx.AsyncClient(transport=transport, timeout=30.0) as http,
        module.AsyncClient(access_token=TOKEN, base_url=prism_full.server.url, http_client=http, max_retries=0) as client,
    ):
        await asyncio.gather(*(one(client, op) for op in ops))
    seen = {e.operation_id: e for e in transport.exchanges}
    outcomes = Counter()
    unexplained = []
    for op in ops:
        result, error = results[op.operation_id]
        outcome, detail = classify(result, error, seen.get(op.operation_id), op, sync_run.undecodable)
        outcomes[outcome] += 1
        if outcome == UNEXPLAINED:
            unexplained.append((op.python_path, detail))
    print(f"\nasync: {dict(outcomes)}")
    assert unexplained == []
    assert outcomes[DECODED] + outcomes[DECODED_INVALID] >= MIN_DECODED_OPERATIONS


def test_prism_query_encoding_passes_prism_validation(
    prism_full: PrismFull, full_modules: dict[str, ModuleType]
) -> None:
    """Arrays (two items, so Prism sees an array), a deepObject `metadata`, booleans and
    enums in the query: Prism finds nothing wrong with the request."""
    import uuid

    module = full_modules["polar_full"]
    models = module.models
    judge = Judge(load_spec(FULL_SPECS["polar_full"]))
    transport = JudgedTransport(judge)
    with (
        httpx.Client(transport=transport, timeout=30.0) as http,
        module.Client(access_token=TOKEN, base_url=prism_full.server.url, http_client=http, max_retries=0) as client,
    ):
        calls: list[Callable[[], object]] = [
            lambda: client.customers.list(
                organization_id=[uuid.UUID(int=1), uuid.UUID(int=2)],
                email="a@example.com",
                active=True,
                sorting=[models.CustomerSortProperty("-created_at"), models.CustomerSortProperty("email")],
                metadata={"plan": "pro", "seats": 3, "beta": True, "tags": ["a", "b"]},
                page=2,
                limit=5,
            ),
            lambda: client.benefits.list(
                type=[models.BenefitType("custom"), models.BenefitType("discord")],
                metadata={"k": "v"},
            ),
            lambda: client.orders.list(product_id=[uuid.UUID(int=3), uuid.UUID(int=4)]),
        ]
        for call in calls:
            try:
                call()
            except module.APIStatusError as exc:
                # Prism may fail to fake the answer (HTTP 500); what matters is the request.
                assert exc.status_code >= 500, exc
            except module.DecodeError:
                pass  # a body Prism made up; decoding is test_prism_dynamic_get_operations_decode's
    assert transport.exchanges
    for seen in transport.exchanges:
        assert seen.request_violations == [], (seen.operation_id, seen.request_violations)
        assert seen.status != 422


def test_prism_csv_export_is_accepted(prism_full: PrismFull, full_modules: dict[str, ModuleType]) -> None:
    module = full_modules["polar_full"]
    with module.Client(access_token=TOKEN, base_url=prism_full.server.url, max_retries=0) as client:
        text = client.orders.export()
    assert isinstance(text, str)


def test_prism_no_generator_caused_failures(sync_run: Run) -> None:
    caused = Counter(c.outcome for c in sync_run.calls if c.outcome in (BUG_DECODER, BUG_ACCEPT))
    assert caused == Counter()
