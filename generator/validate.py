"""Find every problem in a spec before anything is generated, not just the first.

Order matters for safety: `$ref`s are checked first, and the OpenAPI validator (which can
follow references) only runs once every reference is known to be local and resolvable.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from . import naming
from .build import HTTP_METHODS, operation_names
from .problems import Problem, join_pointer, split_pointer

_TOP_LEVEL = {
    "openapi", "info", "servers", "paths", "components", "security", "tags",
    "externalDocs", "webhooks", "jsonSchemaDialect",
}  # fmt: skip


def validate(data: Any) -> list[Problem]:
    problems = _shape(data)
    if problems:
        return problems
    ref_problems = list(_refs(data))
    problems += ref_problems
    if not ref_problems:
        problems += _openapi(data)
    if not ref_problems:
        problems += _semantics(data)
    return _unique(problems)


def _unique(problems: list[Problem]) -> list[Problem]:
    seen: set[tuple[str, str]] = set()
    out: list[Problem] = []
    for p in problems:
        if (p.pointer, p.message) not in seen:
            seen.add((p.pointer, p.message))
            out.append(p)
    return out


def _shape(data: Any) -> list[Problem]:
    if not isinstance(data, dict):
        kind = type(data).__name__ if data is not None else "null"
        return [Problem("", f"the spec must be a mapping (an OpenAPI object), not a {kind}")]
    if "swagger" in data:
        return [
            Problem(
                "/swagger",
                f"Swagger {data.get('swagger')} is not supported; OpenAPI 3.0 or 3.1 is",
                hint="convert the document to OpenAPI 3 first",
            )
        ]
    problems: list[Problem] = []
    version = data.get("openapi")
    if version is None:
        problems.append(Problem("", "missing `openapi` (the OpenAPI version, e.g. 3.1.0)"))
    elif not isinstance(version, str) or not re.match(r"^3\.[01]\.\d+", version):
        problems.append(
            Problem("/openapi", f"unsupported OpenAPI version {version!r}; 3.0.x or 3.1.x is")
        )
    if not isinstance(data.get("info"), dict):
        problems.append(Problem("", "missing `info` (title and version of the API)"))
    if "paths" not in data:
        problems.append(Problem("", "missing `paths`: there is nothing to generate"))
    return problems


def _walk(node: Any, pointer: str) -> Iterator[tuple[str, Any]]:
    yield pointer, node
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _walk(value, join_pointer(pointer, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _walk(value, join_pointer(pointer, i))


def resolve_pointer(data: Any, pointer: str) -> tuple[bool, Any]:
    node = data
    for token in split_pointer(pointer):
        if isinstance(node, dict) and token in node:
            node = node[token]
        elif isinstance(node, list) and token.isdigit() and int(token) < len(node):
            node = node[int(token)]
        else:
            return False, None
    return True, node


def _refs(data: Any) -> Iterator[Problem]:
    for pointer, node in _walk(data, ""):
        if not isinstance(node, dict) or "$ref" not in node:
            continue
        ref = node["$ref"]
        at = join_pointer(pointer, "$ref")
        if not isinstance(ref, str):
            yield Problem(at, "`$ref` must be a string")
            continue
        if not ref.startswith("#"):
            yield Problem(
                at,
                f"external reference {ref!r} refused: only references inside the spec "
                "(`#/...`) are followed, and nothing is fetched",
                hint="inline the referenced document, or bundle the spec into one file",
            )
            continue
        found, _ = resolve_pointer(data, ref[1:])
        if not found:
            yield Problem(at, f"`$ref` {ref!r} points at nothing in this document")
            continue
        # A chain of references that comes back to where it began names no schema at all.
        seen = {pointer}
        target = ref[1:]
        while True:
            if target in seen:
                yield Problem(at, f"`$ref` {ref!r} refers back to itself")
                break
            seen.add(target)
            _, next_node = resolve_pointer(data, target)
            if not (isinstance(next_node, dict) and isinstance(next_node.get("$ref"), str)):
                break
            next_ref = next_node["$ref"]
            if not next_ref.startswith("#") or not resolve_pointer(data, next_ref[1:])[0]:
                break
            target = next_ref[1:]


def _openapi(data: dict[str, Any]) -> list[Problem]:
    from openapi_spec_validator import OpenAPIV30SpecValidator, OpenAPIV31SpecValidator

    validator_class = (
        OpenAPIV30SpecValidator if str(data.get("openapi", "")).startswith("3.0") else OpenAPIV31SpecValidator
    )
    problems: list[Problem] = []
    for error in validator_class(data).iter_errors():
        path = list(error.absolute_path)
        pointer = join_pointer("", *path)
        if path and str(path[0]) not in _TOP_LEVEL:
            # Schema errors come with a path relative to their schema: find that schema.
            pointer = _locate(data, path, error.instance) or pointer
        message = str(error.message)
        best = _best_context(error)
        if best:
            message = f"{message} ({best})"
        problems.append(Problem(pointer, message))
    return problems


def _best_context(error: Any) -> str | None:
    context = getattr(error, "context", None) or []
    messages = [str(c.message) for c in context if "is not valid under" not in str(c.message)]
    return messages[0] if messages else None


def _locate(data: Any, relative: list[Any], instance: Any) -> str | None:
    tail = join_pointer("", *relative)
    matches = []
    for pointer, node in _walk(data, ""):
        if pointer.endswith(tail) and node == instance and pointer != tail:
            matches.append(pointer)
    return matches[0] if matches else None


def _semantics(data: dict[str, Any]) -> list[Problem]:
    problems: list[Problem] = []
    seen_ids: dict[str, str] = {}
    seen_paths: dict[tuple[tuple[str, ...], str], str] = {}
    paths = data.get("paths") or {}
    for path, item in paths.items():
        item_pointer = join_pointer("/paths", path)
        if not isinstance(item, dict):
            continue
        template = re.findall(r"{([^}]+)}", path)
        shared = _params(data, item.get("parameters"))
        for method in HTTP_METHODS:
            op = item.get(method)
            if not isinstance(op, dict):
                continue
            pointer = join_pointer(item_pointer, method)
            op_id = op.get("operationId")
            if isinstance(op_id, str):
                if op_id in seen_ids:
                    problems.append(
                        Problem(
                            join_pointer(pointer, "operationId"),
                            f"operationId {op_id!r} is already used by {seen_ids[op_id]}",
                        )
                    )
                seen_ids.setdefault(op_id, f"{method.upper()} {path}")
            namespace, name = operation_names(op, method, path)
            where = seen_paths.get((namespace, name))
            python = ".".join(namespace + (name,))
            if where is not None:
                problems.append(
                    Problem(
                        pointer,
                        f"becomes client.{python}(), which {where} already is",
                        hint="give one of them another operationId or x-speakeasy-name-override",
                    )
                )
            seen_paths.setdefault((namespace, name), f"{method.upper()} {path}")
            declared = {
                p.get("name") for p in shared + _params(data, op.get("parameters")) if p.get("in") == "path"
            }
            for name_in_path in template:
                if name_in_path not in declared:
                    problems.append(
                        Problem(
                            pointer,
                            f"path parameter {{{name_in_path}}} of {path} is not declared",
                            hint="add it under `parameters` with `in: path`",
                        )
                    )
            for param in _params(data, op.get("parameters")):
                if param.get("in") == "path" and param.get("name") not in template:
                    problems.append(
                        Problem(pointer, f"path parameter {param.get('name')!r} does not appear in {path}")
                    )
    problems += _schema_names(data)
    problems += _discriminators(data)
    return problems


def _params(data: Any, raw: Any) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for p in raw or []:
        if isinstance(p, dict) and isinstance(p.get("$ref"), str):
            _, p = resolve_pointer(data, p["$ref"][1:])
        if isinstance(p, dict):
            out.append(p)
    return out


def _schema_names(data: dict[str, Any]) -> list[Problem]:
    problems: list[Problem] = []
    schemas = (data.get("components") or {}).get("schemas") or {}
    by_class: dict[str, str] = {}
    for name in schemas:
        cls = naming.class_name(name)
        if cls in by_class:
            problems.append(
                Problem(
                    join_pointer("/components/schemas", name),
                    f"schema {name!r} and schema {by_class[cls]!r} both become class {cls}",
                    hint="rename one of them",
                )
            )
        by_class.setdefault(cls, name)
    return problems


def _discriminators(data: dict[str, Any]) -> list[Problem]:
    problems: list[Problem] = []
    schemas = (data.get("components") or {}).get("schemas") or {}
    for pointer, node in _walk(data, ""):
        if not isinstance(node, dict) or not isinstance(node.get("discriminator"), dict):
            continue
        mapping = node["discriminator"].get("mapping") or {}
        for value, target in mapping.items() if isinstance(mapping, dict) else []:
            target = str(target)
            found = (
                resolve_pointer(data, target[1:])[0] if target.startswith("#") else target in schemas
            )
            if not found:
                problems.append(
                    Problem(
                        join_pointer(pointer, "discriminator", "mapping", value),
                        f"discriminator value {value!r} maps to {target!r}, which does not exist",
                    )
                )
    return problems
