"""Every document's own examples as an oracle for the client generated from it.

For each real-world document (../shared/specs/realworld) and Polar's two, every operation
whose 2xx JSON response documents an example (`example` on the media type, an `examples`
entry with a `value`, else `example` on its schema) is called through the generated
blocking client against tests/http_server.py, which answers the request's exact path with
that example, its status and its media type. The call must decode. Arguments come from the
parameter schemas (required parameters only; tests/examples_oracle.py), the body from the
request body's own example, else a minimal value of its schema; a case with no body we can
build is skipped, and counted. A few cases per document go through the async client too.

What does not decode is pinned, case by case, in tests/examples_oracle/pinned.json with
the proof that the example itself is wrong (`proof`: how it breaks its own schema, by
jsonschema with formats checked). The test recomputes the proof: a failure whose example
conforms to its schema is our bug and fails, whatever is pinned. The counts per document
are pinned too, so a change in what the corpus or the generator offers shows in review.

Request examples (`requestBody` JSON examples) round-trip through the request models:
decoded with the package's own decoder into the body's type and encoded back, they are the
same JSON (`same_json` says exactly what "the same" allows).

An example written as a string that holds JSON text, where its schema wants no string
(all of Xero's Files examples), is read as the JSON it spells; `from_text` counts them.

`UPDATE_EXAMPLES_ORACLE=1` rewrites the pinned file (keeping any hand-written `note`); read
the diff: a new failure must be the example's fault, never ours.
"""

from __future__ import annotations

import asyncio
import builtins
import datetime
import enum
import json
import os
import re
import typing
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any
from urllib.parse import quote

import msgspec
import pytest
from conftest import (
    FULL_SPECS,
    REALWORLD_SPECS,
    TESTS,
    generated_package,
    import_outcome,
    realworld_package,
)
from examples_oracle import (
    RequestCase,
    ResponseCase,
    Unsynthesizable,
    body_example,
    body_schema,
    iter_required,
    path_value,
    request_cases,
    response_cases,
    sites,
    synthesize,
    undeclared,
    violations,
)
from http_server import Reply, ScriptedServer

from generator.ir import walk

PINNED = TESTS / "examples_oracle" / "pinned.json"
UPDATE = os.environ.get("UPDATE_EXAMPLES_ORACLE") == "1"
DOCUMENTS = [*(s.name for s in REALWORLD_SPECS), *(p.name for p in FULL_SPECS.values())]
# The asynchronous client answers this many of each document's cases too (the runtime
# path is shared; this proves the async methods pass the same arguments).
ASYNC_SAMPLE = 3
MINIMUM_RATIO = 0.99


# -- the generated package and its IR, per document --------------------------------------------


@dataclass(frozen=True)
class Document:
    name: str
    data: Any
    package: ModuleType
    operations: dict[tuple[str, str], Any]
    """(METHOD, path) -> the IR's Operation: where the client puts it, whatever its name."""
    models: dict[str, Any]
    """The IR's models by class name."""
    sites: dict[tuple[str, str], Any]
    """(METHOD, path) -> the operation in the spec."""
    keys: dict[str, tuple[str, str]]
    """The IR's operation_id -> (METHOD, path key in the spec)."""


def _load(path: Path) -> Any:
    from generator.spec.load import load

    return load(path).data


_BUILT: dict[str, Document] = {}


def _document(name: str, request: pytest.FixtureRequest) -> Document:
    """The document, its package and its IR; built once for both tests that read them."""
    if name not in _BUILT:
        _BUILT[name] = _build(name, request)
    return _BUILT[name]


def _build(name: str, request: pytest.FixtureRequest) -> Document:
    from generator.build import BuildOptions, build

    full = {p.name: package for package, p in FULL_SPECS.items()}
    if name in full:
        package_name = full[name]
        package = request.getfixturevalue("full_modules")[package_name]
        path = FULL_SPECS[package_name]
    else:
        outcome = request.getfixturevalue("realworld")[name]
        assert outcome.code == 0, outcome.stderr
        package, path, package_name = (
            import_outcome(outcome),
            outcome.spec,
            realworld_package(outcome.spec),
        )
    data = _load(path)
    api = build(data, BuildOptions(package=package_name))
    return _indexed(name, data, package, api)


def _indexed(name: str, data: Any, package: ModuleType, api: Any) -> Document:
    # By the spec's own key: two keys can share a request path (`/v1/chat#stream`).
    by_id = {op.operation_id: op for op in api.operations}
    spec_sites = sites(data)
    operations = {
        key: by_id[_operation_id(site)] for key, site in spec_sites.items() if _operation_id(site) in by_id
    }
    keys = {op.operation_id: key for key, op in operations.items()}
    models = {m.name: m for m in api.models}
    return Document(name, data, package, operations, models, spec_sites, keys)


def _operation_id(site: Any) -> str:
    """The IR's operation_id for a spec operation (build falls back to method and key)."""
    op_id = site.node.get("operationId")
    return op_id if op_id else f"{site.method} {site.path}"


@pytest.fixture(scope="module")
def server() -> Iterator[ScriptedServer]:
    with ScriptedServer() as running:
        yield running
    assert not running.errors, running.errors


# -- one call ------------------------------------------------------------------------------------


@dataclass
class Tally:
    cases: dict[str, Any] = field(default_factory=dict)
    decoded: list[str] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)
    skipped: dict[str, str] = field(default_factory=dict)


def _method(client: Any, op: Any) -> Any:
    target = client
    for part in op.python_path.split("."):
        target = getattr(target, part)
    return target


def _hints(method: Any) -> dict[str, Any]:
    function = method.__func__
    return typing.get_type_hints(function, function.__globals__)


_STDLIB = {
    "datetime.datetime": datetime.datetime,
    "datetime.date": datetime.date,
    "datetime.time": datetime.time,
    "datetime.timedelta": datetime.timedelta,
    "uuid.UUID": uuid.UUID,
    "msgspec.UnsetType": msgspec.UnsetType,
}


def python_type(package: ModuleType, t: Any) -> Any:
    """The runtime type an IR TypeRef names in `package`."""
    if t.kind == "builtin":
        return {"None": type(None), "Any": Any}.get(t.name) or getattr(builtins, t.name)
    if t.kind == "stdlib":
        return _STDLIB[t.name]
    if t.kind in ("model", "enum", "alias"):
        return getattr(package.models, t.name)
    args = tuple(python_type(package, a) for a in t.args)
    if t.kind == "list":
        return list[args[0]]  # type: ignore[valid-type]
    if t.kind == "dict":
        return dict[args[0], args[1]] if len(args) == 2 else dict[str, args[0]]  # type: ignore[valid-type]
    if t.kind == "tuple":
        return tuple[args]  # type: ignore[valid-type]
    if t.kind == "union":
        return typing.Union[args]  # noqa: UP007 - built from values
    if t.kind == "literal":
        return typing.Literal[t.values]
    raise Unsynthesizable(f"type {t.kind}")


def body_type_ref(body: Any, content_type: str) -> Any:
    """The IR type of the body in `content_type` (the argument's hint unions them all)."""
    return {m.content_type: m.type for m in body.choices}.get(content_type, body.type)


def body_type(package: ModuleType, body: Any, content_type: str) -> Any:
    return python_type(package, body_type_ref(body, content_type))


def _value(package: ModuleType, hint: Any, value: Any) -> Any:
    """`value` (JSON data) as the argument type `hint`, by the package's own decoding rules."""
    if hint is bytes:
        return value.encode() if isinstance(value, str) else json.dumps(value).encode()
    json_type = package._base.Json(hint)
    return json_type.decode(msgspec.json.encode(value))


def arguments(doc: Document, op: Any, method: Any) -> tuple[dict[str, Any], str]:
    """The keyword arguments of a call, and the path it goes to (raises Unsynthesizable)."""
    site = doc.sites[doc.keys[op.operation_id]]
    hints = _hints(method)
    by_wire = {(p.location, p.wire_name): p for p in op.params}
    kwargs: dict[str, Any] = {}
    path = op.path
    for index, param in enumerate(iter_required(doc.data, site)):
        ir = by_wire.get((param.get("in"), param.get("name")))
        if ir is None:
            continue  # a parameter the client does not take (a credential header, say)
        schema = param.get("schema")
        if param.get("in") == "path":
            raw = path_value(doc.data, schema, index)
            text = str(raw).lower() if isinstance(raw, bool) else str(raw)
            path = path.replace("{" + ir.wire_name + "}", quote(text, safe=""))
        else:
            raw = synthesize(doc.data, schema)
        try:
            kwargs[ir.name] = _value(doc.package, hints[ir.name], raw)
        except (msgspec.ValidationError, msgspec.DecodeError) as exc:
            raise Unsynthesizable(f"parameter {ir.name}: {exc}") from None
    body = op.body
    if body is not None and body.required:
        kwargs[body.name] = _body(doc, site, body, body_type(doc.package, body, body.content_type))
    return kwargs, path


def _body(doc: Document, site: Any, body: Any, hint: Any) -> Any:
    if body.encoding == "bytes":
        return b"token"
    if body.encoding == "text":
        return "token"
    tried: list[str] = []
    for source in ("example", "schema"):
        try:
            if source == "example":
                value = body_example(doc.data, site, body.content_type)
            else:
                value = synthesize(doc.data, body_schema(doc.data, site, body.content_type))
            if body.encoding == "multipart":
                return _form(doc, body_type_ref(body, body.content_type), value)
            return _value(doc.package, hint, value)
        except (Unsynthesizable, msgspec.ValidationError, msgspec.DecodeError, TypeError) as exc:
            tried.append(f"{source}: {exc}")
    raise Unsynthesizable("body: " + "; ".join(tried))


def _form(doc: Document, t: Any, value: Any) -> Any:
    """A multipart body: its model built field by field, each file part a few bytes (a model
    with file fields has no decoder: a file is no JSON value)."""
    model = doc.models.get(t.name) if t.kind == "model" else None
    if model is None or not isinstance(value, dict):
        raise Unsynthesizable(f"a multipart body of {t.kind} {t.name}")
    fields: dict[str, Any] = {}
    for f in model.fields:
        if f.wire_name not in value:
            continue
        if any(part.kind == "file" for part in walk(f.type)):
            fields[f.name] = [b"token"] if f.type.kind == "list" else b"token"
        else:
            fields[f.name] = _value(
                doc.package, python_type(doc.package, f.type), value[f.wire_name]
            )
    return getattr(doc.package.models, model.name)(**fields)


def _answer(server: ScriptedServer, case: ResponseCase, path: str) -> None:
    server.reset()
    body = json.dumps(case.example.value).encode()
    server.route(case.method.upper(), path, Reply.raw(body, case.status, case.content_type))


def _failure(exc: BaseException) -> str:
    text = str(exc).splitlines()[0] if str(exc) else ""
    return f"{type(exc).__name__}: {text}"[:300]


def _read_media(doc: Document) -> dict[tuple[str, str, str], str]:
    return {
        (*doc.keys[op.operation_id], case.status): case.content_type
        for op in doc.operations.values()
        for case in op.success
        if case.kind == "json" and case.content_type is not None
    }


def run_responses(doc: Document, server: ScriptedServer) -> Tally:
    tally = Tally()
    cases = response_cases(doc.data, _read_media(doc))
    sampled: list[tuple[ResponseCase, Any, dict[str, Any], str, Any]] = []
    with doc.package.Client(base_url=server.url, max_retries=0) as client:
        for case in cases:
            tally.cases[case.id] = case
            op = doc.operations[(case.method.upper(), case.path)]
            method = _method(client, op)
            try:
                kwargs, path = arguments(doc, op, method)
            except Unsynthesizable as exc:
                tally.skipped[case.id] = str(exc)[:300]
                continue
            _answer(server, case, path)
            try:
                result = method(**kwargs)
            except Exception as exc:  # noqa: BLE001 - every failure is a finding, pinned by id
                tally.failed[case.id] = _failure(exc)
                continue
            seen = server.requests
            assert [(r.method, r.path) for r in seen] == [(case.method.upper(), path)], case.id
            tally.decoded.append(case.id)
            if len(sampled) < ASYNC_SAMPLE:
                sampled.append((case, op, kwargs, path, result))
    asyncio.run(_async_sample(doc, server, sampled))
    return tally


async def _async_sample(doc: Document, server: ScriptedServer, sampled: list[Any]) -> None:
    async with doc.package.AsyncClient(base_url=server.url, max_retries=0) as client:
        for case, op, kwargs, path, result in sampled:
            _answer(server, case, path)
            assert await _method(client, op)(**kwargs) == result, case.id


# -- the pinned outcomes ---------------------------------------------------------------------------


def _pinned() -> dict[str, Any]:
    return json.loads(PINNED.read_text(encoding="utf-8")) if PINNED.is_file() else {}


def proof(data: Any, case: ResponseCase | RequestCase, error: str) -> list[str]:
    """Why the example is wrong, by its own schema: how it breaks it (JSON Schema, formats
    checked) and, for a request, the members its schema does not declare or marks read-only
    (which a client does not send). What bears on `error` (at, above or below the JSON
    path it names) comes first; empty when nothing shows the example wrong."""
    found = violations(data, case.schema, case.example.value)
    if isinstance(case, RequestCase):
        found += undeclared(data, case.schema, case.example.value)
    at = error_path(error)
    return sorted(found, key=lambda line: not _related(line.split(": ", 1)[0], at))[:4]


def error_path(error: str) -> str:
    """The JSON path a failure names: msgspec's `at $.x` or a difference's leading `$.x:`;
    the whole value (`$`) when it names none."""
    found = re.search(r"at `?(\$[^`:\s]*)", error) or re.match(r"(\$[^:\s]*): ", error)
    return found.group(1) if found else "$"


def _related(path: str, at: str) -> bool:
    """One path is the other, or lies inside it."""
    short, long = sorted((path, at), key=len)
    return long == short or (long.startswith(short) and long[len(short)] in ".[")


def _pin(
    doc: Document,
    section: str,
    counts: dict[str, Any],
    failed: dict[str, str],
    cases: dict[str, Any],
) -> None:
    """UPDATE mode: write this document's section, keeping any note written by hand."""
    everything = _pinned()
    entry = everything.setdefault(doc.name, {}).setdefault(section, {})
    notes = {case: f.get("note") for case, f in entry.get("failures", {}).items() if f.get("note")}
    entry.clear()
    entry.update(counts)
    entry["failures"] = {}
    for case, error in sorted(failed.items()):
        entry["failures"][case] = {"error": error, "why": proof(doc.data, cases[case], error)}
        if case in notes:
            entry["failures"][case]["note"] = notes[case]
    PINNED.parent.mkdir(exist_ok=True)
    PINNED.write_text(json.dumps(everything, indent=2, sort_keys=True) + "\n", encoding="utf-8")


def _check(
    doc: Document,
    section: str,
    counts: dict[str, Any],
    failed: dict[str, str],
    cases: dict[str, Any],
) -> None:
    if UPDATE:
        _pin(doc, section, counts, failed, cases)
    pinned = _pinned().get(doc.name, {}).get(section, {})
    failures = pinned.get("failures", {})
    unexpected = {case: error for case, error in failed.items() if case not in failures}
    assert not unexpected, (
        f"{doc.name}: new failures (fix the cause, or pin them with a reason):\n"
        + "\n".join(f"  {case}: {error}" for case, error in unexpected.items())
    )
    fixed = sorted(set(failures) - set(failed))
    assert not fixed, f"{doc.name}: pinned failures that now pass (unpin them): {fixed}"
    for case, error in failed.items():
        why = proof(doc.data, cases[case], error)
        bears = bool(why) and _related(why[0].split(": ", 1)[0], error_path(error))
        assert bears, (
            f"{doc.name}: {case} fails ({error}) yet nothing there breaks its schema: our bug"
        )
        assert failures[case]["why"] == why, (
            f"{doc.name}: {case}: the pinned reason is no longer what the schema says"
        )
    assert {k: v for k, v in pinned.items() if k != "failures"} == counts


# -- the tests -----------------------------------------------------------------------------------


@pytest.mark.parametrize("name", DOCUMENTS)
def test_documented_response_examples_decode(
    name: str, server: ScriptedServer, request: pytest.FixtureRequest
) -> None:
    doc = _document(name, request)
    tally = run_responses(doc, server)
    counts = {
        "cases": len(tally.cases),
        "decoded": len(tally.decoded),
        "skipped": len(tally.skipped),
        "from_text": sum(c.example.from_text for c in tally.cases.values()),
        "skipped_cases": dict(sorted(tally.skipped.items())),
    }
    _check(doc, "responses", counts, tally.failed, tally.cases)


def test_every_example_that_conforms_to_its_schema_decodes() -> None:
    """Across the corpus, from the pinned counts (each document's checked above): every call
    decodes or fails on an example its own schema refutes, and of the rest at least 99%
    decode (all of them, as each document's test insists). Of all calls, fewer do: some 6%
    of the corpus's examples (Xero's and Mistral's mostly) break their own schemas."""
    pinned = _pinned()
    assert set(pinned) == set(DOCUMENTS) or UPDATE
    sections = [d["responses"] for d in pinned.values()]
    called = sum(s["cases"] - s["skipped"] for s in sections)
    decoded = sum(s["decoded"] for s in sections)
    wrong = sum(len(s["failures"]) for s in sections)
    assert called > 0 and called == decoded + wrong, (called, decoded, wrong)
    assert decoded / (called - wrong) >= MINIMUM_RATIO
    reasons = [f for d in pinned.values() for s in d.values() for f in s["failures"].values()]
    assert reasons and all(r["why"] for r in reasons)


def same_json(example: Any, value: Any, encoded: Any, where: str = "$") -> list[str]:
    """Where `encoded` (the JSON of `value`, what the client sends) differs from `example`.

    The same means: every member of every object in the example is sent, with the same
    value, except one that holds its field's default (the models leave defaults out, and a
    server reads the absence as the default); a member the client adds must hold that
    default likewise; arrays item by item;
    numbers by value (1 and 1.0 are one number); a date-time, date, time or UUID string by
    what it denotes (`...00.000Z` is `...00Z`), since the model holds the value, not its
    spelling.
    """
    if (
        isinstance(value, msgspec.Struct)
        and isinstance(example, dict)
        and isinstance(encoded, dict)
    ):
        differences = []
        defaults = {f.encode_name: f for f in msgspec.structs.fields(value)}
        for key in example:
            info = defaults.get(key)
            if key not in encoded:
                # Left out because it holds the default (the models omit defaults).
                if info is None or not _is_default(info, getattr(value, info.name)):
                    differences.append(f"{where}.{key}: dropped")
            elif info is not None:
                attr = getattr(value, info.name)
                differences += same_json(example[key], attr, encoded[key], f"{where}.{key}")
            elif example[key] != encoded[key]:
                differences.append(f"{where}.{key}: {example[key]!r} sent as {encoded[key]!r}")
        for key in sorted(set(encoded) - set(example)):
            info = defaults.get(key)
            if info is None or not _is_default(info, getattr(value, info.name)):
                differences.append(f"{where}.{key}: added {encoded[key]!r}")
        return differences
    if isinstance(value, (list, tuple)) and isinstance(example, list) and isinstance(encoded, list):
        if len(example) != len(encoded):
            return [f"{where}: {len(example)} items sent as {len(encoded)}"]
        return [
            d
            for i, items in enumerate(zip(example, value, encoded))
            for d in same_json(*items, f"{where}[{i}]")
        ]
    if isinstance(value, dict) and isinstance(example, dict) and isinstance(encoded, dict):
        if set(example) != set(encoded):
            return [f"{where}: keys {sorted(example)} sent as {sorted(encoded)}"]
        return [
            d for k in example for d in same_json(example[k], value[k], encoded[k], f"{where}.{k}")
        ]
    if isinstance(
        value, (datetime.datetime, datetime.date, datetime.time, uuid.UUID)
    ) and isinstance(example, str):
        try:
            if msgspec.convert(example, type(value)) == value:
                return []
        except msgspec.ValidationError:
            pass
    if isinstance(value, enum.Enum):
        value = value.value
    same = (
        example == encoded
        and type(example) in (type(encoded), int, float)
        and not _bool_number(example, encoded)
    )
    return [] if same else [f"{where}: {example!r} sent as {encoded!r}"]


def _bool_number(a: Any, b: Any) -> bool:
    """True == 1 in Python, never in JSON."""
    return isinstance(a, bool) != isinstance(b, bool)


def _is_default(info: Any, attr: Any) -> bool:
    if attr is msgspec.UNSET:
        return True
    if info.default is not msgspec.NODEFAULT:
        return bool(attr == info.default)
    if info.default_factory is not msgspec.NODEFAULT:
        return bool(attr == info.default_factory())
    return False


def run_requests(doc: Document) -> tuple[dict[str, int], dict[str, str], dict[str, Any]]:
    failed: dict[str, str] = {}
    cases: dict[str, Any] = {}
    for case in request_cases(doc.data):
        op = doc.operations[(case.method.upper(), case.path)]
        if op.body is None:
            continue
        encodings = {m.content_type: m.encoding for m in op.body.choices} or {
            op.body.content_type: op.body.encoding
        }
        if encodings.get(case.content_type) != "json":
            continue  # a media type the client sends some other way, or not at all
        hint = body_type(doc.package, op.body, case.content_type)
        cases[case.id] = case
        try:
            value = _value(doc.package, hint, case.example.value)
        except (msgspec.ValidationError, msgspec.DecodeError, TypeError) as exc:
            failed[case.id] = _failure(exc)
            continue
        encoded = json.loads(msgspec.json.encode(value))
        differences = same_json(case.example.value, value, encoded)
        if differences:
            failed[case.id] = "; ".join(differences)[:300]
    return (
        {"cases": len(cases), "from_text": sum(c.example.from_text for c in cases.values())},
        failed,
        cases,
    )


@pytest.mark.parametrize("name", DOCUMENTS)
def test_request_examples_round_trip_through_the_request_models(
    name: str, request: pytest.FixtureRequest
) -> None:
    doc = _document(name, request)
    counts, failed, cases = run_requests(doc)
    _check(doc, "requests", counts, failed, cases)


def test_same_json_tells_a_dropped_member_from_a_default() -> None:
    class Thing(msgspec.Struct, kw_only=True, omit_defaults=True):
        name: str
        size: int = 3
        when: datetime.datetime | None = None

    def differences(example: dict[str, Any], value: Thing | None = None) -> list[str]:
        value = msgspec.convert(example, Thing) if value is None else value
        return same_json(example, value, json.loads(msgspec.json.encode(value)))

    assert differences({"name": "a", "size": 3}) == []  # the default, left out
    assert differences({"name": "a", "size": 4, "when": "2024-01-02T00:00:00.000Z"}) == []
    assert differences({"name": "a", "extra": 1}) == ["$.extra: dropped"]
    when = datetime.datetime(2024, 1, 2, tzinfo=datetime.UTC)
    assert differences({"name": "a"}, Thing(name="a", when=when)) == [
        "$.when: added '2024-01-02T00:00:00Z'"
    ]
    assert differences({"name": "b", "size": 3}, Thing(name="a")) == ["$.name: 'b' sent as 'a'"]


def test_a_struct_tagged_elsewhere_decodes_without_its_tag_where_no_discriminator_asks(
    tmp_path: Path, http_server: ScriptedServer
) -> None:
    """Regression (found on Mistral's OCR request): a struct tagged by one union's
    discriminator, in a union with none, whose schema lets the tag be left out."""
    spec = TESTS / "specs_wire" / "tag_left_out.json"
    with generated_package(spec, tmp_path / "out", "tag_left_out") as package:
        http_server.route("GET", "/document", Reply.json({"file_id": "f1"}))
        http_server.route("GET", "/chunks", Reply.json({"type": "text", "text": "t"}))
        with package.Client(base_url=http_server.url) as client:
            assert client.document() == package.models.FileChunk(file_id="f1")
            assert client.chunks() == package.models.TextChunk(text="t")


def test_a_proof_must_bear_on_the_path_the_failure_names() -> None:
    assert (
        error_path("DecodeError: op: response does not match the spec at $.a[1].b: bad")
        == "$.a[1].b"
    )
    assert (
        error_path("ValidationError: Object missing required field `x` - at `$.a[0]`") == "$.a[0]"
    )
    assert error_path("$.a.b: dropped; $.c: dropped") == "$.a.b"
    assert error_path("DecodeError: op: Expected `object`, got `array`") == "$"
    assert _related("$.a", "$.a[0].b") and _related("$.a[0].b", "$.a") and _related("$", "$.a")
    assert not _related("$.a", "$.ab") and not _related("$.b", "$.a")
