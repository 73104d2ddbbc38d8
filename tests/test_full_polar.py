"""The generator on Polar's whole API: both public documents in ../shared/specs.

Each document is generated once per session through the CLI (`full_packages` in conftest.py,
both at once), then checked against the document itself, worked out independently in
tests/polar_full_support.py:

- every operation under `paths` is generated, as an `Endpoint` and in the IR;
- every component schema an operation or a webhook payload reaches becomes its class
  (objects with properties, enums, unions of 2+ non-null variants; primitives and arrays are
  inlined by design), and nothing else does;
- every webhook is an event of one union, tagged by its `type`, and `webhooks` verifies and
  decodes one;
- every operation is a callable at its Python path on `Client` and `AsyncClient`, and that
  path is Polar's `x-speakeasy-group` + `x-speakeasy-name-override` in snake case;
- every documented JSON answer gets a working decoder;
- the package imports quickly and passes `mypy --strict`;
- `--include-operations 'oauth2:*'` gives a small client with only what those operations need.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import hmac
import importlib
import inspect
import json
import operator
import statistics
import subprocess
import sys
import time
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from conftest import FULL_SPECS, ROOT, FullPackage, full_specs_present
from polar_full_support import (
    decoder_failures,
    expected_classes,
    hinted_python_path,
    iter_endpoints,
    load_spec,
    operations,
    unescape,
    webhook_payloads,
)

pytestmark = pytest.mark.slow

PACKAGES = sorted(FULL_SPECS)
# What shared/specs/README.md says each document holds.
OPERATION_COUNTS = {"polar_full": 186, "polar_v2025": 128}
WEBHOOK_COUNTS = {"polar_full": 41, "polar_v2025": 27}
IMPORT_BUDGET = 0.5  # seconds over a bare interpreter start; generous, not a benchmark

# A union of two discriminated unions whose tag values overlap (`oneOf: [LegacyRecurring-
# ProductPrice, ProductPrice]`, both tagged by `amount_type` with `fixed` and `custom` in
# each) is emitted as one flat msgspec union, which msgspec refuses when building a decoder.
TAG_COLLISION = "all Struct types must have unique `tag` values"


def spec_of(package: str) -> dict[str, Any]:
    return load_spec(FULL_SPECS[package])


def component_name(pointer: str) -> str | None:
    """`/components/schemas/X` -> X; None for an inline schema's pointer."""
    tokens = pointer.split("/")
    if len(tokens) == 4 and tokens[1:3] == ["components", "schemas"]:
        return unescape(tokens[3])
    return None


# --- 1. generation is complete ------------------------------------------------------------------


@pytest.mark.parametrize("package", PACKAGES)
def test_generate_succeeds(full_packages: dict[str, FullPackage], package: str) -> None:
    generated = full_packages[package]
    files = sorted(p.name for p in (generated.out / package).iterdir() if p.is_file())
    assert files == [
        "__init__.py", "_base.py", "_client.py", "_codec.py", "_enum.py", "_options.py", "_pages.py", "_raw_response.py", "_streaming.py",
        "_transfer.py", "_unions.py", "_version.py", "errors.py", "models.py", "py.typed", "webhooks.py",
    ]  # fmt: skip
    assert (generated.out / "pyproject.toml").is_file()
    assert (generated.out / "README.md").is_file()
    # --verbose prints stage timings and the summary; no warning, no trace.
    lines = [line for line in generated.stderr.splitlines() if line.strip()]
    assert lines and lines[-1].startswith("Wrote "), generated.stderr
    assert not any(word in generated.stderr.lower() for word in ("traceback", "error", "warning"))
    print(f"\n{package}: generated in {generated.seconds:.1f} s\n{generated.stderr}")


@pytest.mark.parametrize("package", PACKAGES)
def test_every_operation_is_generated(
    full_irs: dict[str, Any], full_modules: dict[str, ModuleType], package: str
) -> None:
    spec_ops = {(op.method, op.path, op.operation_id) for op in operations(spec_of(package))}
    assert len(spec_ops) == OPERATION_COUNTS[package]
    ir_ops = {(o.method, o.path, o.operation_id) for o in full_irs[package].operations}
    assert ir_ops == spec_ops
    client_module = sys.modules[f"{package}._client"]
    endpoint_type = sys.modules[f"{package}._base"].Endpoint
    endpoints = [e for _, e in iter_endpoints(client_module, endpoint_type)]
    assert len(endpoints) == len(spec_ops)
    assert {(e.method, e.path, e.operation_id) for e in endpoints} == spec_ops


@pytest.mark.parametrize("package", PACKAGES)
def test_every_reachable_schema_is_generated(
    full_irs: dict[str, Any], full_modules: dict[str, ModuleType], package: str
) -> None:
    spec = spec_of(package)
    wanted = expected_classes(spec, operations(spec) + webhook_payloads(spec))
    api = full_irs[package]
    declared = [*api.models, *api.enums, *api.aliases]
    from_components = {component_name(d.pointer) for d in declared} - {None}
    assert sorted(wanted - from_components) == [], "reachable schemas that were dropped"
    assert sorted(from_components - wanted) == [], "classes for schemas neither operations nor webhooks reach"
    # ... and each declared type is really in the generated models module, once.
    models = sys.modules[f"{package}.models"]
    names = [d.name for d in declared]
    assert len(names) == len(set(names))
    assert [n for n in names if not hasattr(models, n)] == []
    generated_classes = {
        name
        for name, value in vars(models).items()
        if isinstance(value, type) and value.__module__ == models.__name__
    }
    assert generated_classes <= set(names)
    print(
        f"\n{package}: {len(wanted)} component classes for {len(api.operations)} operations; "
        f"{len(api.models)} models, {len(api.enums)} enums, {len(api.aliases)} aliases in all"
    )


@pytest.mark.parametrize("package", PACKAGES)
def test_every_webhook_is_an_event_of_one_tagged_union(
    full_irs: dict[str, Any], full_modules: dict[str, ModuleType], package: str
) -> None:
    spec = spec_of(package)
    hooks = full_irs[package].webhooks
    assert len(hooks.events) == len(spec["webhooks"]) == WEBHOOK_COUNTS[package]
    # Polar's own WebhookEvent (a delivery log entry) keeps its name.
    assert hooks.union == "WebhookPayload" and hooks.discriminator == "type"
    payload = {e.name: e.payload.name for e in hooks.events}
    assert payload == {p.path: p.node["requestBody"]["content"]["application/json"]["schema"]["$ref"].split("/")[-1] for p in webhook_payloads(spec)}
    assert [e.event_type for e in hooks.events] == list(spec["webhooks"])
    (union,) = [a for a in full_irs[package].aliases if a.name == hooks.union]
    assert union.strategy == "native" and len(union.type.args) == WEBHOOK_COUNTS[package]
    webhooks = importlib.import_module(f"{package}.webhooks")
    assert webhooks.EVENT_TYPES == set(spec["webhooks"])


def test_a_polar_member_event_is_verified_and_decoded(full_modules: dict[str, ModuleType]) -> None:
    """Signed here as Polar signs: HMAC-SHA256 of `id.timestamp.body`, key = the secret's text."""
    webhooks = importlib.import_module("polar_full.webhooks")
    models = importlib.import_module("polar_full.models")
    member = {
        "id": "6f0b6c1e-3f5c-4bb6-9a4e-2f8f7d1a0c01", "created_at": "2023-11-07T05:31:56Z", "modified_at": None,
        "customer_id": "0d6e9a52-97f1-4c39-8f3a-5b2a7c6d9e02", "email": "a@example.com", "name": None,
        "external_id": None, "role": "owner",
    }  # fmt: skip
    body = json.dumps({"type": "member.created", "timestamp": "2024-05-01T12:30:00Z", "data": member}).encode()
    secret = "polar_whs_test_secret"
    mac = hmac.new(secret.encode(), b"msg_1.1714566600." + body, hashlib.sha256).digest()
    headers = {"webhook-id": "msg_1", "webhook-timestamp": "1714566600", "webhook-signature": "v1," + base64.b64encode(mac).decode()}
    event = webhooks.unwrap(body, headers, secret, now=1714566600)
    assert type(event) is models.WebhookMemberCreatedPayload and event.data.role is models.MemberRole.OWNER
    with pytest.raises(webhooks.UnknownWebhookEventError):
        webhooks.parse_event(body.replace(b"member.created", b"member.promoted"))


# --- 2. every operation at its Python path -------------------------------------------------------


@pytest.mark.parametrize("package", PACKAGES)
def test_every_operation_is_callable_on_both_clients(
    full_irs: dict[str, Any], full_modules: dict[str, ModuleType], package: str
) -> None:
    module = full_modules[package]
    client = module.Client(base_url="http://127.0.0.1:9")
    async_client = module.AsyncClient(base_url="http://127.0.0.1:9")
    try:
        missing: list[str] = []
        for op in full_irs[package].operations:
            try:
                sync_method = operator.attrgetter(op.python_path)(client)
                async_method = operator.attrgetter(op.python_path)(async_client)
            except AttributeError:
                missing.append(op.python_path)
                continue
            assert callable(sync_method) and not inspect.iscoroutinefunction(sync_method), op.python_path
            assert inspect.iscoroutinefunction(async_method), op.python_path
        assert missing == []
    finally:
        client.close()
        asyncio.run(async_client.aclose())


@pytest.mark.parametrize("package", PACKAGES)
def test_python_paths_follow_speakeasy_hints(full_irs: dict[str, Any], package: str) -> None:
    spec = spec_of(package)
    by_id = {o.operation_id: o.python_path for o in full_irs[package].operations}
    hinted = {
        op.operation_id: hinted_python_path(op.node)
        for op in operations(spec)
        if hinted_python_path(op.node) is not None
    }
    assert len(hinted) == OPERATION_COUNTS[package]  # Polar hints every operation
    wrong = {op_id: (want, by_id[op_id]) for op_id, want in hinted.items() if by_id[op_id] != want}
    assert wrong == {}


# --- every documented JSON answer can be decoded -------------------------------------------------


@pytest.mark.parametrize("package", PACKAGES)
def test_decoders_fail_only_for_the_known_tag_collision(
    full_modules: dict[str, ModuleType], package: str
) -> None:
    """Pins the one known reason below, so no other kind of failure slips in unseen."""
    failures = decoder_failures(package)
    other = {k: v for k, v in failures.items() if TAG_COLLISION not in v or "ProductPrice" not in v}
    assert other == {}
    print(f"\n{package}: {len(failures)} operations cannot decode their answer: {sorted(failures)}")


@pytest.mark.parametrize("package", PACKAGES)
def test_every_json_response_has_a_working_decoder(
    full_modules: dict[str, ModuleType], package: str
) -> None:
    assert decoder_failures(package) == {}  # full_modules: imported


# --- 3. import time and mypy --strict ------------------------------------------------------------


def _wall(command: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, env=env, check=True, capture_output=True, timeout=60)
    return time.perf_counter() - started


def test_full_package_imports_quickly(full_packages: dict[str, FullPackage]) -> None:
    """`import polar_full` in a fresh interpreter, less a bare interpreter start; median of
    5 of each, interleaved, after one import that writes the bytecode cache (an installed
    package has it already)."""
    generated = full_packages["polar_full"]
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(generated.out)}
    importing = [sys.executable, "-c", "import polar_full"]
    bare = [sys.executable, "-c", "pass"]
    _wall(importing, env)
    imports, bares = [], []
    for _ in range(5):
        bares.append(_wall(bare, env))
        imports.append(_wall(importing, env))
    cost = statistics.median(imports) - statistics.median(bares)
    print(
        f"\nimport polar_full: {cost * 1000:.0f} ms over a bare start "
        f"(imports {[round(t * 1000) for t in imports]} ms, bare {[round(t * 1000) for t in bares]} ms)"
    )
    assert cost < IMPORT_BUDGET, f"import polar_full costs {cost:.3f} s (> {IMPORT_BUDGET} s)"


def mypy_strict(packages: dict[str, Path], cache: Path) -> subprocess.CompletedProcess[str]:
    """One `mypy --strict` run over generated packages (name -> output folder); the cache
    goes to a temp folder, never into a package."""
    command = [sys.executable, "-m", "mypy", "--strict", "--python-version", "3.10"]
    command += ["--cache-dir", str(cache), "--no-error-summary"]
    for name in packages:
        command += ["-p", name]
    env = {"PATH": "/usr/bin:/bin", "MYPYPATH": ":".join(str(p) for p in packages.values())}
    return subprocess.run(
        command, cwd=cache.parent, env=env, capture_output=True, text=True, timeout=600, check=False
    )


def test_mypy_strict_on_both_full_packages(
    full_packages: dict[str, FullPackage], tmp_path: Path
) -> None:
    result = mypy_strict({p: g.out for p, g in full_packages.items()}, tmp_path / "mypy-cache")
    assert result.returncode == 0, result.stdout + result.stderr
    for generated in full_packages.values():
        assert not list(generated.out.rglob(".mypy_cache")), "mypy wrote into the output folder"


# --- 6. an operation subset ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def oauth2_subset(tmp_path_factory: pytest.TempPathFactory) -> Path:
    full_specs_present()
    out = tmp_path_factory.mktemp("oauth2-subset")
    result = subprocess.run(
        [
            sys.executable, "-m", "generator", "generate", "--spec", str(FULL_SPECS["polar_full"]),
            "--out", str(out), "--package-name", "polar_oauth2_only",
            "--include-operations", "oauth2:*", "--quiet",
        ],
        cwd=ROOT, capture_output=True, text=True, timeout=600, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout == result.stderr == ""
    return out


def test_oauth2_subset_is_small_and_complete(
    oauth2_subset: Path, full_irs: dict[str, Any], tmp_path: Path
) -> None:
    import fnmatch

    from generator.build import BuildOptions, build

    spec = spec_of("polar_full")
    wanted_ops = [op for op in operations(spec) if fnmatch.fnmatchcase(op.operation_id, "oauth2:*")]
    assert len(wanted_ops) == 9
    api = build(spec, BuildOptions(package="polar_oauth2_only", include_operations=("oauth2:*",)))
    assert {o.operation_id for o in api.operations} == {op.operation_id for op in wanted_ops}
    declared = [*api.models, *api.enums, *api.aliases]
    classes = {component_name(d.pointer) for d in declared} - {None}
    assert classes == expected_classes(spec, wanted_ops)
    full = full_irs["polar_full"]
    full_count = len(full.models) + len(full.enums) + len(full.aliases)
    assert len(declared) * 10 < full_count, (len(declared), full_count)

    # The package on disk: imports, has exactly these endpoints, passes mypy --strict.
    sys.path.insert(0, str(oauth2_subset))
    try:
        import importlib

        module = importlib.import_module("polar_oauth2_only")
        client_module = importlib.import_module("polar_oauth2_only._client")
        base = importlib.import_module("polar_oauth2_only._base")
        models = importlib.import_module("polar_oauth2_only.models")
        endpoints = {e.operation_id for _, e in iter_endpoints(client_module, base.Endpoint)}
        assert endpoints == {op.operation_id for op in wanted_ops}
        with module.Client(base_url="http://127.0.0.1:9") as client:
            for op in api.operations:
                assert callable(operator.attrgetter(op.python_path)(client))
        assert {"products", "orders", "customers"}.isdisjoint(vars(client))
        model_names = {n for n, v in vars(models).items() if isinstance(v, type) and v.__module__ == models.__name__}
        assert model_names <= {d.name for d in declared}
        assert "Product" not in model_names and "TokenResponse" in model_names
    finally:
        sys.path.remove(str(oauth2_subset))
        for name in [m for m in sys.modules if m.split(".")[0] == "polar_oauth2_only"]:
            del sys.modules[name]
    size = sum(p.stat().st_size for p in (oauth2_subset / "polar_oauth2_only").glob("*.py"))
    # Mostly the runtime, which every package carries whole (streaming included).
    assert size < 180_000, size
    result = mypy_strict({"polar_oauth2_only": oauth2_subset}, tmp_path / "mypy-cache")
    assert result.returncode == 0, result.stdout + result.stderr
    print(f"\noauth2:* subset: {len(api.operations)} operations, {len(declared)} types, {size} bytes")


def test_spec_readme_counts_match(full_packages: dict[str, FullPackage]) -> None:
    """The documents are the ones shared/specs/README.md describes (guards the counts above)."""
    for package, generated in full_packages.items():
        assert len(operations(json.loads(generated.spec.read_text()))) == OPERATION_COUNTS[package]
