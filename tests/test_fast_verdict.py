"""openapi-spec-validator-rs as the verdict that lets validation skip the Python JSON Schema
rules (generator/spec/validate/fast_verdict.py), held to what it stands in for on every spec
the project has: the bad and warning corpora, the real-world documents, Polar's two
documents and spec/.

- Its verdict (valid or not) is openapi-spec-validator's, on the document as loaded.
- The report with the fast verdict is the report without it, problem for problem.
- It is asked nothing about a document with a reference that leaves it, and fetches nothing.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
from conftest import FULL_SPECS, SHARED_SPECS, SPEC, TESTS

from generator.problems import InputError
from generator.spec.load import load
from generator.spec.validate import fast_verdict, validate
from generator.spec.validate.fast_verdict import judged_document, passes
from generator.spec.walk import typed_nodes

pytestmark = pytest.mark.slow


def _corpus(name: str) -> list[tuple[Path, bool]]:
    """(spec, allow_file_refs) of each case of tests/<name>/ (a file, or a folder's openapi.*)."""
    folder = TESTS / name
    found: list[tuple[Path, bool]] = []
    for expected in sorted(folder.glob("*.expected")):
        case = expected.name.removesuffix(".expected")
        directives = [line for line in expected.read_text(encoding="utf-8").splitlines() if line.startswith("# ")]
        allow = any("--allow-file-refs" in line for line in directives)
        if (folder / case).is_dir():
            specs = list((folder / case).glob("openapi.*"))
        else:
            specs = [p for p in folder.glob(case + ".*") if p.suffix != ".expected" and p.stem == case]
        found += [(spec, allow) for spec in specs]
    return found


REALWORLD = sorted(p for p in (SHARED_SPECS / "realworld").glob("*") if p.suffix in (".json", ".yaml", ".yml"))
INPUTS = (
    _corpus("bad_specs")
    + _corpus("warning_specs")
    + [(p, False) for p in REALWORLD]
    + [(p, False) for p in FULL_SPECS.values()]
    + [(SPEC, False)]
)
# Where the two disagree, the port is the stricter, so the full rules run and the report is
# the same: both documents are refused by our loader before validation in any case.
STRICTER_PORT = {
    # PyYAML reads a 5,000-digit integer as an int; the port as a number it cannot hold.
    "huge-integer.yaml",
    # A string holding a lone surrogate cannot be handed to the port (not UTF-8).
    "json-lone-surrogate.json",
}


def _ids(inputs: list[tuple[Path, bool]]) -> list[str]:
    return [f"{spec.parent.name}/{spec.name}" for spec, _ in inputs]


def _loaded(spec: Path, allow_file_refs: bool) -> Any:
    """The document as validation gets it, or None for one the loader refuses outright
    (a syntax error: nothing is validated)."""
    try:
        return load(spec, allow_file_refs=allow_file_refs, defer=True)
    except InputError as exc:
        assert exc.problems
        return None


def _leaves_document(node: Any) -> bool:
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and not ref.startswith("#"):
            return True
        return any(_leaves_document(v) for v in node.values())
    if isinstance(node, list):
        return any(_leaves_document(v) for v in node)
    return False


def _reference_verdict(data: Any) -> bool:
    from openapi_spec_validator import validate as reference

    try:
        reference(data)
    except Exception:  # noqa: BLE001 - any failure is "not valid", as for the port
        return False
    return True


def _port_verdict(data: Any) -> bool:
    from openapi_spec_validator_rs import validate as port

    try:
        port(data)
    except Exception:  # noqa: BLE001
        return False
    return True


@pytest.mark.parametrize(("spec", "allow"), INPUTS, ids=_ids(INPUTS))
def test_verdict_is_openapi_spec_validators(spec: Path, allow: bool, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    document = _loaded(spec, allow)
    if document is None or not isinstance(document.data, dict):
        return
    if _leaves_document(document.data):
        # Both validators would follow the reference (and may fetch it); ours refuses it.
        assert any("$ref" in p.pointer for p in validate(document.data, document.problems))
        return
    monkeypatch.chdir(tmp_path)
    reference, port = _reference_verdict(document.data), _port_verdict(document.data)
    if spec.name in STRICTER_PORT:
        assert (reference, port) == (True, False)
        assert any(not p.is_warning for p in document.problems)
        return
    assert port == reference


@pytest.mark.parametrize(("spec", "allow"), INPUTS, ids=_ids(INPUTS))
def test_fast_report_is_the_full_report(spec: Path, allow: bool) -> None:
    document = _loaded(spec, allow)
    if document is None:
        return
    fast = validate(document.data, document.problems)
    assert fast == validate(document.data, document.problems, reference=True)


@pytest.mark.parametrize("spec", [*FULL_SPECS.values(), *REALWORLD[:3]], ids=lambda p: p.name)
def test_large_documents_take_the_fast_path(spec: Path) -> None:
    """Without this, the comparison above would pass with a verdict that never says yes."""
    data = load(spec).data
    assert passes(data, list(typed_nodes(data)))


def _document(**operation: Any) -> dict[str, Any]:
    return {
        "openapi": "3.1.0",
        "info": {"title": "t", "version": "1"},
        "paths": {"/items": {"post": {"operationId": "items:create", "responses": {"200": {"description": "ok"}}, **operation}}},
    }


def test_a_request_body_schema_is_judged_by_the_port_too() -> None:
    """openapi-spec-validator's walk skips request bodies; the port is handed them as
    components, so its pass covers them and its objection sends the full rules there."""
    data = _document(requestBody={"content": {"application/json": {"schema": {"type": "strnig"}}}})
    assert not passes(data, list(typed_nodes(data)))
    problems = validate(data)
    assert [p.pointer for p in problems if not p.is_warning] == [
        "/paths/~1items/post/requestBody/content/application~1json/schema/type"
    ]
    assert validate(data, reference=True) == problems


def test_a_valid_31_document_is_judged_without_the_python_rules(tmp_path: Path) -> None:
    """Schemas of request bodies, response headers and webhooks, each with a default, and a
    pattern: the port's pass covers them all, and jsonschema is not even imported."""
    import json
    import subprocess
    import sys

    schema = {"type": "string", "pattern": "^[a-z]+$", "default": "abc"}
    data = _document(
        requestBody={"content": {"application/json": {"schema": {"type": "object", "properties": {"name": schema}}}}},
        responses={"200": {"description": "ok", "headers": {"X-Rate": {"schema": {"type": "integer", "default": 1}}}}},
    )
    data["webhooks"] = {"made": {"post": {"requestBody": {"content": {"application/json": {"schema": schema}}}}}}
    assert passes(data, list(typed_nodes(data)))
    spec = tmp_path / "openapi.json"
    spec.write_text(json.dumps(data), "utf-8")
    script = (
        "import sys; from pathlib import Path; from generator.spec.load import load; "
        "from generator.spec.validate import validate; "
        f"d = load(Path({str(spec)!r})); print(len(validate(d.data, d.problems)), 'jsonschema' in sys.modules)"
    )
    ran = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert ran.stdout.split() == ["0", "False"]


def test_the_judged_document_copies_only_what_it_changes() -> None:
    header = {"schema": {"type": "integer", "default": 1}}
    listed = {"type": "string", "default": "a"}
    data = _document(
        parameters=[{"name": "q", "in": "query", "schema": listed}],
        responses={"200": {"description": "ok", "headers": {"X-Rate": header}}},
    )
    data["components"] = {"schemas": {"polar-codegen.skipped.0": {"type": "string"}}}
    before = copy.deepcopy(data)
    judged = judged_document(data, list(typed_nodes(data)))
    assert data == before  # the document itself is untouched
    assert judged is not None
    assert judged["info"] is data["info"]  # what holds no default is shared, not copied
    operation = judged["paths"]["/items"]["post"]
    assert operation["parameters"][0]["schema"] == {"type": "string"}
    # The header's schema (which openapi-spec-validator's walk skips) joins the components,
    # under a name no schema of the document has, without its default.
    assert judged["components"]["schemas"] == {
        "polar-codegen.skipped.0": {"type": "string"},
        "polar-codegen.skipped.0_": {"type": "integer"},
    }
    assert judged["components"]["schemas"]["polar-codegen.skipped.0_"] is operation["responses"]["200"]["headers"]["X-Rate"]["schema"]
    # OpenAPI 3.0's own schema describes every Schema Object: nothing is added there.
    data_30 = {**copy.deepcopy(before), "openapi": "3.0.3"}
    judged_30 = judged_document(data_30, list(typed_nodes(data_30)))
    assert judged_30 is not None
    assert judged_30["components"] is data_30["components"]
    # Components that are not a mapping: the full rules judge the document.
    broken = {**copy.deepcopy(before), "components": ["schemas"]}
    assert judged_document(broken, list(typed_nodes(broken))) is None


def test_a_bad_default_is_ours_to_judge() -> None:
    schema = {"type": "integer", "default": "ten"}
    data = _document(parameters=[{"name": "limit", "in": "query", "schema": schema}])
    assert passes(data, list(typed_nodes(data)))
    assert [(p.pointer, p.is_warning) for p in validate(data)] == [
        ("/paths/~1items/post/parameters/0/schema/default", True)
    ]


def test_an_error_the_port_finds_is_reported_by_the_full_rules() -> None:
    data = _document(responses={"200": {"description": "ok", "content": {"application/json": {"schema": {"type": 3}}}}})
    assert not passes(data, list(typed_nodes(data)))
    assert any(p.pointer.endswith("/schema/type") and not p.is_warning for p in validate(data))


def test_a_reference_out_of_the_document_is_refused_not_fetched(monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[str] = []

    def refuse(url: str) -> bytes:
        asked.append(url)
        raise OSError("refused")

    monkeypatch.setattr(fast_verdict, "_refuse", refuse)
    data = _document(parameters=[{"$ref": "http://127.0.0.1:9/limit.json"}])
    assert not passes(data, list(typed_nodes(data)))
    assert asked == ["http://127.0.0.1:9/limit.json"]
    # validate() does not even ask: its own check already refused the reference.
    asked.clear()
    assert any(p.pointer.endswith("/$ref") and not p.is_warning for p in validate(data))
    assert asked == []


@pytest.mark.parametrize(
    ("pointer", "walked"),
    [
        ("/components/schemas/Item", True),
        ("/components/schemas/Item/properties/id", False),
        ("/paths/~1items/parameters/0/schema", True),
        ("/paths/~1items/get/parameters/1/schema", True),
        ("/paths/~1items/get/responses/200/content/application~1json/schema", True),
        ("/paths/~1items/post/requestBody/content/application~1json/schema", False),
        ("/paths/~1items/get/responses/200/headers/X-Rate/schema", False),
        ("/components/parameters/Limit/schema", False),
        ("/webhooks/created/post/requestBody/content/application~1json/schema", False),
    ],
)
def test_the_schemas_openapi_spec_validator_walks(pointer: str, walked: bool) -> None:
    """The others are the ones handed to the port as components."""
    assert fast_verdict._walked(pointer) is walked
