"""Helpers for the tests on Polar's whole API (tests/test_full_polar*.py), worked out from the
spec alone, independently of the generator's own code where that matters:

- which operations a document has, and which component schemas they reach by `$ref`;
- which component schemas must become a class (an object with properties, an enum, or a
  union of two or more non-null variants; primitives and arrays are written out inline);
- placeholder arguments for an operation's required parameters, built from their types;
- a judge for the answers of Prism (an independent mock server): it swaps the placeholder
  ids Prism invents for `format: uuid`/`uuid4` fields for real UUIDs (Prism does not know
  `uuid4`), and checks every JSON answer against the spec with `jsonschema`, so a body that
  really breaks the schema is told apart from one the client fails to decode.
"""

from __future__ import annotations

import datetime
import functools
import hashlib
import json
import re
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import jsonschema

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
SCHEMAS = "#/components/schemas/"
UUID_FORMATS = frozenset({"uuid", "uuid1", "uuid3", "uuid4", "uuid5"})
PLACEHOLDER_UUID = uuid.UUID("1dbfc517-0bbf-4301-9ba8-555ca42b9737")
# The `type` of the problem+json Prism answers with when it fails itself.
PRISM_ERRORS = "https://stoplight.io/prism/errors#"


@functools.cache
def load_spec(path: Path) -> dict[str, Any]:
    """A spec document, parsed once per session (callers must not change it)."""
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def unescape(token: str) -> str:
    return token.replace("~1", "/").replace("~0", "~")


def escape(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


def lookup(spec: dict[str, Any], ref: str) -> Any:
    """The node a local `$ref` (`#/a/b`) names."""
    node: Any = spec
    for token in ref.removeprefix("#/").split("/"):
        node = node[int(token)] if isinstance(node, list) else node[unescape(token)]
    return node


def resolve(spec: dict[str, Any], node: Any) -> Any:
    seen: set[str] = set()
    while isinstance(node, dict) and isinstance(node.get("$ref"), str) and node["$ref"] not in seen:
        seen.add(node["$ref"])
        node = lookup(spec, node["$ref"])
    return node


@dataclass(frozen=True)
class SpecOperation:
    method: str  # upper case
    path: str
    operation_id: str
    node: dict[str, Any]
    path_item: dict[str, Any]


def operations(spec: dict[str, Any]) -> list[SpecOperation]:
    """Every operation under `paths`, for each of the eight HTTP methods OpenAPI knows."""
    found: list[SpecOperation] = []
    for path, item in (spec.get("paths") or {}).items():
        item = resolve(spec, item)
        for method in HTTP_METHODS:
            op = item.get(method)
            if isinstance(op, dict):
                op_id = str(op.get("operationId") or f"{method.upper()} {path}")
                found.append(SpecOperation(method.upper(), path, op_id, op, item))
    return found


def webhook_payloads(spec: dict[str, Any]) -> list[SpecOperation]:
    """Each webhook's POST as an operation holding only its request body (the payload the
    API sends; its responses are the receiver's business), named by the webhook's key."""
    found: list[SpecOperation] = []
    for name, item in (spec.get("webhooks") or {}).items():
        op = resolve(spec, item).get("post")
        if isinstance(op, dict):
            found.append(SpecOperation("POST", name, name, {"requestBody": op["requestBody"]}, {}))
    return found


def reachable_schemas(spec: dict[str, Any], ops: list[SpecOperation]) -> set[str]:
    """Names of the component schemas these operations reach: every `$ref` in the operation
    (and in its path item's shared parameters), followed transitively, discriminator
    mappings included."""
    refs: set[str] = set()
    stack: list[Any] = []
    for op in ops:
        stack.append(op.node)
        stack.append(op.path_item.get("parameters") or [])
    while stack:
        node = stack.pop()
        if isinstance(node, list):
            stack.extend(node)
            continue
        if not isinstance(node, dict):
            continue
        for key, value in node.items():
            targets: list[str] = []
            if key == "$ref" and isinstance(value, str):
                targets = [value]
            elif key == "discriminator" and isinstance(value, dict):
                targets = [
                    str(t) if str(t).startswith("#") else SCHEMAS + str(t)
                    for t in (value.get("mapping") or {}).values()
                ]
            else:
                stack.append(value)
            for ref in targets:
                if ref not in refs:
                    refs.add(ref)
                    stack.append(lookup(spec, ref))
    return {
        unescape(ref.removeprefix(SCHEMAS))
        for ref in refs
        if ref.startswith(SCHEMAS) and "/" not in ref.removeprefix(SCHEMAS)
    }


def _has_properties(spec: dict[str, Any], schema: Any, depth: int = 0) -> bool:
    schema = resolve(spec, schema)
    if not isinstance(schema, dict) or depth > 32:
        return False
    if schema.get("properties"):
        return True
    return any(_has_properties(spec, part, depth + 1) for part in schema.get("allOf") or [])


def _is_null(schema: Any) -> bool:
    return isinstance(schema, dict) and (
        schema.get("type") == "null" or ("const" in schema and schema["const"] is None)
    )


def becomes_class(spec: dict[str, Any], schema: Any) -> bool:
    """Whether a component schema is declared as its own class (model, enum or union alias)
    rather than written out where it is used (primitives, arrays, maps, plain `$ref`s)."""
    if not isinstance(schema, dict) or "$ref" in schema:
        return False
    if "oneOf" not in schema and "anyOf" not in schema:
        if schema.get("properties"):
            return True
        parts = schema.get("allOf")
        if isinstance(parts, list) and len(parts) > 1 and any(_has_properties(spec, p) for p in parts):
            return True
    values = [v for v in schema.get("enum") or [] if v is not None]
    if values and "const" not in schema:
        if all(isinstance(v, str) for v in values):
            return True
        if all(isinstance(v, int) and not isinstance(v, bool) for v in values):
            return True
    for key in ("oneOf", "anyOf"):
        variants = schema.get(key)
        if isinstance(variants, list) and len([v for v in variants if not _is_null(v)]) > 1:
            return True
    return False


def expected_classes(spec: dict[str, Any], ops: list[SpecOperation]) -> set[str]:
    """Component schema names that must be generated as classes for these operations."""
    schemas = spec.get("components", {}).get("schemas", {})
    return {name for name in reachable_schemas(spec, ops) if becomes_class(spec, schemas[name])}


def snake_case(text: str) -> str:
    text = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", text)
    return re.sub(r"[^0-9A-Za-z]+", "_", text).strip("_").lower()


def hinted_python_path(op: dict[str, Any]) -> str | None:
    """`group.name` in snake case from Polar's x-speakeasy-group / x-speakeasy-name-override."""
    group = op.get("x-speakeasy-group")
    name = op.get("x-speakeasy-name-override")
    if not isinstance(group, str) or not isinstance(name, str):
        return None
    return ".".join([snake_case(part) for part in group.split(".") if part] + [snake_case(name)])


# --- placeholder arguments -------------------------------------------------------------------


class Unbuildable(Exception):
    """No placeholder value for this parameter type."""


def placeholder(t: Any, models: Any) -> Any:
    """A valid value of an IR TypeRef for a required parameter: uuid -> a fixed UUID,
    str -> "x", int -> 1, dates -> 2024-01-01, enum -> its first member, ..."""
    if t.kind == "builtin":
        values = {"str": "x", "int": 1, "float": 1.0, "bool": True}
        if t.name in values:
            return values[t.name]
    elif t.kind == "stdlib":
        values = {
            "uuid.UUID": PLACEHOLDER_UUID,
            "datetime.date": datetime.date(2024, 1, 1),
            "datetime.datetime": datetime.datetime(2024, 1, 1, tzinfo=datetime.UTC),
        }
        if t.name in values:
            return values[t.name]
    elif t.kind == "enum":
        return next(iter(getattr(models, t.name)))
    elif t.kind == "literal":
        return json.loads(t.values[0])
    elif t.kind == "union":
        for member in t.args:
            if member.kind == "builtin" and member.name == "None":
                continue
            try:
                return placeholder(member, models)
            except Unbuildable:
                continue
    elif t.kind == "list":
        return [placeholder(t.args[0], models)]
    raise Unbuildable(f"{t.kind} {t.name}".strip())


# --- judging Prism's answers -----------------------------------------------------------------


def is_uuid(value: object) -> bool:
    if not isinstance(value, str):
        return False
    try:
        uuid.UUID(value)
    except ValueError:
        return False
    return True


def uuid_for(placeholder_id: str) -> str:
    """A version-4 UUID derived from one of Prism's placeholder ids: the same one every time."""
    digest = hashlib.sha256(placeholder_id.encode()).digest()[:16]
    return str(uuid.UUID(bytes=digest, version=4))


def real_uuids(
    spec: dict[str, Any], value: Any, schema: Any, path: str, replaced: list[tuple[str, str]]
) -> Any:
    """`value` with every string that sits where the schema says `format: uuid`/`uuid4` and
    is not a UUID swapped for one; every other value is left as it is. Unions are followed
    into each variant, so at worst a string that could have been anything becomes a UUID."""
    schema = resolve(spec, schema)
    if not isinstance(schema, dict):
        return value
    if isinstance(value, str) and schema.get("format") in UUID_FORMATS and not is_uuid(value):
        replaced.append((path, value))
        return uuid_for(value)
    for key in ("allOf", "anyOf", "oneOf"):
        for variant in schema.get(key) or []:
            value = real_uuids(spec, value, variant, path, replaced)
    if isinstance(value, dict):
        properties = schema.get("properties") or {}
        extra = schema.get("additionalProperties")
        for name in list(value):
            sub = properties.get(name, extra if isinstance(extra, dict) else None)
            if sub is not None:
                value[name] = real_uuids(spec, value[name], sub, f"{path}.{name}", replaced)
    elif isinstance(value, list):
        prefix = schema.get("prefixItems") or []
        for i in range(len(value)):
            sub = prefix[i] if i < len(prefix) else schema.get("items")
            if isinstance(sub, dict):
                value[i] = real_uuids(spec, value[i], sub, f"{path}[{i}]", replaced)
    return value


@dataclass
class Exchange:
    """One request to Prism and what came back, as the judge saw it."""

    operation_id: str
    method: str
    status: int
    accept: str
    content_type: str
    content: bytes
    # Placeholder ids swapped for UUIDs: (JSON path, Prism's value).
    replaced: list[tuple[str, str]] = field(default_factory=list)
    # jsonschema's verdict on a JSON body: None when not judged, [] when valid.
    schema_errors: list[str] | None = None
    # Prism's own verdicts (`sl-violations`) on our request.
    request_violations: list[str] = field(default_factory=list)
    # The title of Prism's own failure (HTTP 5xx problem+json of a stoplight.io/prism/errors
    # type), e.g. a schema it cannot fake; None for anything else.
    prism_error: str | None = None


class Judge:
    """Knows the document: matches requests to operations, fixes ids, validates bodies."""

    def __init__(self, spec: dict[str, Any]) -> None:
        self.spec = spec
        self._routes: list[tuple[int, str, re.Pattern[str], SpecOperation]] = []
        for op in operations(spec):
            pattern = re.compile(
                "^" + re.sub(r"\\\{[^}]+\\\}", "[^/]+", re.escape(op.path)) + "$"
            )
            self._routes.append((op.path.count("{"), op.method, pattern, op))
        self._routes.sort(key=lambda route: route[0])  # literal segments win over templates
        self._validators: dict[str, jsonschema.protocols.Validator] = {}

    def operation(self, method: str, path: str) -> SpecOperation:
        for _, route_method, pattern, op in self._routes:
            if route_method == method and pattern.match(path):
                return op
        raise LookupError(f"no operation for {method} {path}")

    def json_schema_pointer(self, op: SpecOperation, status: int) -> str | None:
        responses = op.node.get("responses") or {}
        key = next(
            (k for k in (str(status), f"{status // 100}XX", "default") if k in responses), None
        )
        if key is None:
            return None
        response = resolve(self.spec, responses[key])
        for media in (response.get("content") or {}):
            base = media.split(";")[0].strip().lower()
            if base == "application/json" or base.endswith("+json"):
                return "#/" + "/".join(
                    escape(t)
                    for t in ("paths", op.path, op.method.lower(), "responses", key, "content", media, "schema")
                )
        return None

    def validator(self, pointer: str) -> jsonschema.protocols.Validator:
        found = self._validators.get(pointer)
        if found is None:
            # The whole document is the root, so every `#/components/...` resolves; its
            # OpenAPI keys are keywords JSON Schema ignores.
            # Formats are checked too (date-time, date, uuid, ...), as the client decodes
            # them into typed values; `uuid4`, unknown to JSON Schema, is not.
            found = jsonschema.Draft202012Validator(
                {**self.spec, "$ref": pointer},
                format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER,
            )
            self._validators[pointer] = found
        return found

    def exchange(self, request: httpx.Request, status: int, headers: httpx.Headers, content: bytes) -> Exchange:
        op = self.operation(request.method, request.url.path)
        seen = Exchange(
            operation_id=op.operation_id,
            method=request.method,
            status=status,
            accept=request.headers.get("accept", ""),
            content_type=headers.get("content-type", ""),
            content=content,
        )
        raw = headers.get("sl-violations")
        if raw:
            seen.request_violations = [
                v["message"] for v in _violations(raw) if v.get("location", [""])[0] == "request"
            ]
        if status >= 500 and "problem+json" in seen.content_type:
            problem = json.loads(content)
            if str(problem.get("type", "")).startswith(PRISM_ERRORS):
                seen.prism_error = " ".join(str(problem.get("title", "")).split())[:300]
            return seen
        pointer = self.json_schema_pointer(op, status)
        if pointer is None or not seen.content_type.startswith("application/json"):
            return seen
        body = json.loads(content)
        body = real_uuids(self.spec, body, lookup(self.spec, pointer), "$", seen.replaced)
        if seen.replaced:
            seen.content = json.dumps(body).encode()
        seen.schema_errors = [_verdict(error) for error in self.validator(pointer).iter_errors(body)]
        return seen


def _verdict(error: jsonschema.ValidationError) -> str:
    """`$.path: keyword: message`, the message without the (long) offending value."""
    message = error.message
    if len(message) > 120:
        message = "..." + message[-100:]
    return f"{error.json_path}: {error.validator}: {message}"


def _violations(raw: str) -> list[dict[str, Any]]:
    """Prism's `sl-violations` header; a long list comes as `Too many violations! [...]`."""
    start = raw.find("[")
    try:
        found = json.loads(raw[start:]) if start >= 0 else []
    except ValueError:
        return [{"location": ["response"], "message": raw[:200]}]
    return [v for v in found if isinstance(v, dict)]


def _rebuilt(response: httpx.Response, seen: Exchange) -> httpx.Response:
    headers = [
        (name, value)
        for name, value in response.headers.multi_items()
        if name.lower() not in {"content-length", "content-encoding", "transfer-encoding"}
    ]
    return httpx.Response(response.status_code, headers=headers, content=seen.content)


class JudgedTransport(httpx.BaseTransport):
    """Real HTTP to Prism; every answer passes the judge on its way to the client."""

    def __init__(self, judge: Judge) -> None:
        self._inner = httpx.HTTPTransport()
        self.judge = judge
        self.exchanges: list[Exchange] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = self._inner.handle_request(request)
        try:
            content = response.read()
        finally:
            response.close()
        seen = self.judge.exchange(request, response.status_code, response.headers, content)
        self.exchanges.append(seen)
        return _rebuilt(response, seen)

    def close(self) -> None:
        self._inner.close()


class AsyncJudgedTransport(httpx.AsyncBaseTransport):
    """The asyncio twin of JudgedTransport. Requests overlap, so callers tell exchanges apart
    by operation (one call per operation at a time)."""

    def __init__(self, judge: Judge) -> None:
        self._inner = httpx.AsyncHTTPTransport()
        self.judge = judge
        self.exchanges: list[Exchange] = []

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        response = await self._inner.handle_async_request(request)
        try:
            content = await response.aread()
        finally:
            await response.aclose()
        seen = self.judge.exchange(request, response.status_code, response.headers, content)
        self.exchanges.append(seen)
        return _rebuilt(response, seen)

    async def aclose(self) -> None:
        await self._inner.aclose()


def decoder_failures(package: str) -> dict[str, str]:
    """operationId -> why msgspec cannot build the decoder of one of its JSON responses, for
    an imported generated package."""
    import sys

    import msgspec

    base = sys.modules[f"{package}._base"]
    hook = sys.modules[f"{package}._unions"].decode_hook
    failures: dict[str, str] = {}
    for _, endpoint in iter_endpoints(sys.modules[f"{package}._client"], base.Endpoint):
        for status, spec in endpoint.responses.items():
            if isinstance(spec, base.Json):
                try:
                    msgspec.json.Decoder(spec.type, dec_hook=hook)
                except Exception as exc:  # noqa: BLE001 - each failure is the finding
                    failures.setdefault(endpoint.operation_id, f"{status}: {type(exc).__name__}: {exc}")
    return failures


def iter_endpoints(client_module: Any, endpoint_type: type) -> Iterator[tuple[str, Any]]:
    """The `Endpoint` constants of a generated `_client` module."""
    for name, value in vars(client_module).items():
        if isinstance(value, endpoint_type):
            yield name, value
