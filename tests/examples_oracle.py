"""A document's own examples as test data: what each operation answers in its 2xx JSON
examples, what its request examples send, and arguments that make a call valid.

Used by tests/test_examples_oracle.py. Everything here reads the spec as plain JSON data
(local `$ref`s followed); nothing reads the generator's IR except to find the client
method of an operation by its path and method.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from generator.spec.media import is_json
from generator.spec.walk import follow_local, operations

# How deep a synthesized value goes before giving up (a required property that recurses).
MAX_DEPTH = 12


class Unsynthesizable(Exception):
    """No value can be built for a schema (a required recursion, or a type we do not know)."""


@dataclass(frozen=True)
class Example:
    """One documented example: where it is written, and its value."""

    where: str
    value: Any
    from_text: bool = False
    """Written as a string holding JSON text where the schema wants no string; `value` is
    what that text spells (Xero writes its examples so; Swagger UI shows them alike)."""


@dataclass(frozen=True)
class ResponseCase:
    """One 2xx JSON example of an operation: the server answers `status` with `example`."""

    method: str
    path: str
    status: int
    content_type: str
    example: Example
    schema: Any

    @property
    def id(self) -> str:
        return f"{self.method.upper()} {self.path} {self.status} {self.example.where}"


@dataclass(frozen=True)
class RequestCase:
    """One JSON request-body example of an operation."""

    method: str
    path: str
    content_type: str
    example: Example
    schema: Any

    @property
    def id(self) -> str:
        return f"{self.method.upper()} {self.path} {self.example.where}"


def resolve(data: Any, node: Any) -> Any:
    found, _ = follow_local(data, node)
    return found


def media_examples(data: Any, media: Any, where: str) -> list[Example]:
    """The examples of a Media Type Object: `example`, else each `examples` entry with a
    `value` (`externalValue` is not read), else the schema's own `example`."""
    if not isinstance(media, dict):
        return []
    return [_unquoted(data, media.get("schema"), e) for e in _written(data, media, where)]


def _unquoted(data: Any, schema: Any, example: Example) -> Example:
    if not isinstance(example.value, str) or _kind(resolve(data, schema) or {}) in ("string", None):
        return example
    try:
        value = json.loads(example.value)
    except ValueError:
        return example
    return (
        Example(example.where, value, from_text=True)
        if isinstance(value, (dict, list))
        else example
    )


def _written(data: Any, media: dict[str, Any], where: str) -> list[Example]:
    if "example" in media:
        return [Example(f"{where}/example", media["example"])]
    named = media.get("examples")
    if isinstance(named, dict) and named:
        found = []
        for name, raw in named.items():
            entry = resolve(data, raw)
            if isinstance(entry, dict) and "value" in entry:
                found.append(Example(f"{where}/examples/{name}", entry["value"]))
        return found
    schema = resolve(data, media.get("schema"))
    if isinstance(schema, dict) and "example" in schema:
        return [Example(f"{where}/schema/example", schema["example"])]
    return []


def _status(key: str) -> int | None:
    if re.fullmatch(r"2\d\d", key):
        return int(key)
    return 200 if key.upper() == "2XX" else None


def response_cases(data: Any, read_media: dict[tuple[str, str, str], str]) -> list[ResponseCase]:
    """Every 2xx JSON example of every operation, in document order. `read_media` maps
    (METHOD, path, status) to the media type the client decodes there: only examples of
    that media type are answered (another JSON media type of the same status is one the
    client never reads)."""
    cases = []
    for site in operations(data):
        responses = resolve(data, site.node.get("responses"))
        if not isinstance(responses, dict):
            continue
        for key, raw in responses.items():
            status = _status(str(key))
            response = resolve(data, raw)
            if status is None or not isinstance(response, dict):
                continue
            content = response.get("content")
            media_type = read_media.get((site.method.upper(), site.path, str(key)))
            if not isinstance(content, dict) or media_type is None or not is_json(media_type):
                continue
            where = f"responses/{key}/content/{media_type}"
            media = content.get(media_type)
            for example in media_examples(data, media, where):
                cases.append(
                    ResponseCase(
                        site.method, site.path, status, media_type, example, media.get("schema")
                    )
                )
    return cases


def request_cases(data: Any) -> list[RequestCase]:
    """Every JSON request-body example, in document order."""
    cases = []
    for site in operations(data):
        body = resolve(data, site.node.get("requestBody"))
        content = body.get("content") if isinstance(body, dict) else None
        if not isinstance(content, dict):
            continue
        for media_type, media in content.items():
            if is_json(media_type):
                where = f"requestBody/content/{media_type}"
                for example in media_examples(data, media, where):
                    cases.append(
                        RequestCase(
                            site.method, site.path, media_type, example, media.get("schema")
                        )
                    )
    return cases


def sites(data: Any) -> dict[tuple[str, str], Any]:
    """Every operation of the document by (METHOD, path)."""
    return {(s.method.upper(), s.path): s for s in operations(data)}


def parameters(data: Any, site: Any) -> list[dict[str, Any]]:
    """The operation's parameters, the path item's shared ones overridden by its own."""
    found: dict[tuple[str, str], dict[str, Any]] = {}
    for raw in [*site.shared, *(site.node.get("parameters") or [])]:
        param = resolve(data, raw)
        if isinstance(param, dict):
            found[(str(param.get("in")), str(param.get("name")))] = param
    return list(found.values())


def body_example(data: Any, site: Any, content_type: str) -> Any:
    """The first example of the request body in `content_type`, or Unsynthesizable."""
    body = resolve(data, site.node.get("requestBody"))
    media = (body.get("content") or {}).get(content_type) if isinstance(body, dict) else None
    examples = media_examples(data, media, "")
    if not examples:
        raise Unsynthesizable("no example")
    return examples[0].value


def body_schema(data: Any, site: Any, content_type: str) -> Any:
    body = resolve(data, site.node.get("requestBody"))
    media = (body.get("content") or {}).get(content_type) if isinstance(body, dict) else None
    return media.get("schema") if isinstance(media, dict) else None


# -- a minimal valid value for a schema ------------------------------------------------------

_FORMATS = {
    "date-time": "2024-01-02T03:04:05Z",
    "date": "2024-01-02",
    "time": "03:04:05",
    "uuid": "123e4567-e89b-42d3-a456-426614174000",
    "email": "someone@example.com",
    "uri": "https://example.com/",
    "url": "https://example.com/",
    "hostname": "example.com",
    "ipv4": "192.0.2.1",
    "ipv6": "2001:db8::1",
}


def synthesize(data: Any, schema: Any, *, token: str = "token", depth: int = 0) -> Any:
    """A small value `schema` accepts: required properties only, enums at their first
    value, strings at their example or default or `token`, numbers within bounds."""
    if depth > MAX_DEPTH:
        raise Unsynthesizable("required properties recurse")
    schema = resolve(data, schema)
    if schema is True or schema == {} or schema is None:
        return token
    if not isinstance(schema, dict):
        raise Unsynthesizable(f"schema {schema!r}")
    if "const" in schema:
        return schema["const"]
    enum = [v for v in schema.get("enum") or [] if v is not None]
    if enum:
        return enum[0]
    if "allOf" in schema:
        return _all_of(data, schema, token, depth)
    for key in ("oneOf", "anyOf"):
        options = [o for o in schema.get(key) or [] if resolve(data, o) not in ({"type": "null"},)]
        if options:
            return synthesize(data, options[0], token=token, depth=depth + 1)
    kind = _kind(schema)
    if kind == "object":
        return _object(data, schema, token, depth)
    if kind == "array":
        count = int(schema.get("minItems") or 0)
        return [
            synthesize(data, schema.get("items"), token=token, depth=depth + 1)
            for _ in range(count)
        ]
    if kind == "string":
        return _string(schema, token)
    if kind in ("integer", "number"):
        return _number(schema, kind)
    if kind == "boolean":
        return schema.get("default") if isinstance(schema.get("default"), bool) else True
    if kind == "null":
        return None
    return token


def _kind(schema: dict[str, Any]) -> str | None:
    kind = schema.get("type")
    if isinstance(kind, list):
        kind = next((k for k in kind if k != "null"), None)
    if kind is None and ("properties" in schema or "additionalProperties" in schema):
        return "object"
    return kind if isinstance(kind, str) else None


def _all_of(data: Any, schema: dict[str, Any], token: str, depth: int) -> Any:
    merged: dict[str, Any] = {}
    rest = {k: v for k, v in schema.items() if k != "allOf"}
    for part in [*schema["allOf"], rest]:
        if part == rest and not (rest.get("properties") or rest.get("required")):
            continue
        value = synthesize(data, part, token=token, depth=depth + 1)
        if not isinstance(value, dict):
            return value
        merged.update(value)
    return merged


def _object(data: Any, schema: dict[str, Any], token: str, depth: int) -> dict[str, Any]:
    properties = schema.get("properties") or {}
    value = {}
    for name in schema.get("required") or []:
        value[name] = synthesize(data, properties.get(name, {}), token=token, depth=depth + 1)
    return value


def _string(schema: dict[str, Any], token: str) -> Any:
    for key in ("example", "default"):
        if isinstance(schema.get(key), str):
            return schema[key]
    fmt = schema.get("format")
    if fmt in _FORMATS:
        return _FORMATS[fmt]
    if fmt in ("binary", "byte"):
        return "dG9rZW4=" if fmt == "byte" else token
    text = token
    low, high = int(schema.get("minLength") or 0), schema.get("maxLength")
    text = text.ljust(low, "x")
    return text[: int(high)] if isinstance(high, int) and high > 0 else text


def _number(schema: dict[str, Any], kind: str) -> int | float:
    low, high = schema.get("minimum"), schema.get("maximum")
    for key in ("example", "default"):
        value = schema.get(key)
        number = isinstance(value, (int, float)) and not isinstance(value, bool)
        if number and (low is None or value >= low) and (high is None or value <= high):
            return int(value) if kind == "integer" and float(value).is_integer() else value
    value: int | float = 1
    if isinstance(low, (int, float)):
        value = low + (1 if schema.get("exclusiveMinimum") is True else 0)
    if isinstance(schema.get("exclusiveMinimum"), (int, float)) and not isinstance(
        schema["exclusiveMinimum"], bool
    ):
        value = schema["exclusiveMinimum"] + 1
    if isinstance(high, (int, float)) and value > high:
        value = high
    return int(value) if kind == "integer" else value


_PATH_FORMATS = ("date-time", "date", "uuid")


def path_value(data: Any, schema: Any, index: int) -> Any:
    """A path parameter: plain ASCII (enums at their first value, numbers within bounds,
    formats date-time, date and uuid honoured); any other string is a plain token."""
    resolved = resolve(data, schema)
    if isinstance(resolved, dict) and _kind(resolved) == "string" and not resolved.get("enum"):
        if resolved.get("format") not in _PATH_FORMATS:
            return f"p{index}"
        resolved = {"type": "string", "format": resolved["format"]}
    return synthesize(data, resolved, token=f"p{index}")


def iter_required(data: Any, site: Any) -> Iterator[dict[str, Any]]:
    for param in parameters(data, site):
        if param.get("required") or param.get("in") == "path":
            yield param


# -- proof that an example is wrong, by its own schema ----------------------------------------


def _as_json_schema(node: Any) -> Any:
    """OpenAPI 3.0 schemas as JSON Schema (draft 4, which 3.0 follows): `nullable: true`
    admits null, beside a `type`, an `enum`, a `$ref` or a composition alike."""
    if isinstance(node, list):
        return [_as_json_schema(item) for item in node]
    if not isinstance(node, dict):
        return node
    out = {k: _as_json_schema(v) for k, v in node.items() if k != "nullable"}
    if node.get("nullable") is True:
        if isinstance(out.get("type"), str):
            out["type"] = [out["type"], "null"]
        if isinstance(out.get("enum"), list) and None not in out["enum"]:
            out["enum"] = [*out["enum"], None]
        if "$ref" in out or any(k in out for k in ("allOf", "oneOf", "anyOf")):
            out = {"anyOf": [out, {"type": "null"}]}
    return out


# RFC 3339 appendix A (ISO 8601), the `duration` format of JSON Schema; jsonschema checks
# it only with a package this project does not install.
_DURATION = re.compile(r"P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?")


def _iso_duration(value: object) -> bool:
    return not isinstance(value, str) or _DURATION.fullmatch(value) is not None


def violations(data: Any, schema: Any, value: Any) -> list[str]:
    """How `value` breaks `schema` (JSON Schema with formats checked, local `$ref`s resolved
    against the whole document): one line per error, empty when it conforms."""
    from jsonschema import Draft4Validator, Draft202012Validator, FormatChecker

    v30 = str(data.get("openapi", "")).startswith("3.0")
    document = _as_json_schema(data) if v30 else data
    root = {**document, "$ref": "#/__oracle__"}
    root["__oracle__"] = _as_json_schema(schema) if v30 else schema
    checker = FormatChecker()
    checker.checks("duration")(_iso_duration)
    validator = (Draft4Validator if v30 else Draft202012Validator)(root, format_checker=checker)
    # A message quotes the instance first: long ones keep their end, which says what failed.
    messages = ((e.json_path, e.message) for e in validator.iter_errors(value))
    return sorted(f"{path}: {m if len(m) <= 200 else '...' + m[-160:]}" for path, m in messages)


def undeclared(data: Any, schema: Any, value: Any, where: str = "$", depth: int = 0) -> list[str]:
    """Members of `value` its object schemas do not declare (nor allow by
    `additionalProperties`), and read-only members (which a request does not send)."""
    schema = resolve(data, schema)
    if depth > 40 or not isinstance(schema, dict):
        return []
    found: list[str] = []
    if isinstance(value, dict) and (schema.get("properties") or schema.get("allOf")):
        properties: dict[str, Any] = {}
        for part in [schema, *(resolve(data, p) or {} for p in schema.get("allOf") or [])]:
            properties.update(part.get("properties") or {})
        for key, item in value.items():
            if key not in properties:
                if not isinstance(schema.get("additionalProperties"), dict):
                    found.append(f"{where}.{key}: not a property of the schema")
            else:
                prop = resolve(data, properties[key]) or {}
                if prop.get("readOnly"):
                    found.append(f"{where}.{key}: read-only")
                found += undeclared(data, prop, item, f"{where}.{key}", depth + 1)
    elif isinstance(value, list) and "items" in schema:
        for index, item in enumerate(value):
            found += undeclared(data, schema["items"], item, f"{where}[{index}]", depth + 1)
    return found
