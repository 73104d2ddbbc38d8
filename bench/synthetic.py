"""Synthetic OpenAPI 3.1 specs of any size, for measuring how generation time scales.

A real API grows by adding resources that look like the ones it has, so the spec grows the
same way: resource after resource, each with the same shape (a paged list with filters, a
get by id, a create with a JSON body) and its own schemas (a response model of eight
properties covering the common types, an enum, a nested object, a create body and a page).
The output depends only on the number of operations, so every run and every machine times
the same document.

    python bench/synthetic.py 100 > spec.json
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

OPERATIONS_PER_RESOURCE = 3  # list, get, create


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def _json_body(schema: dict[str, Any], description: str) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _schemas(n: int) -> dict[str, dict[str, Any]]:
    """The five schemas of resource `n`: model, enum, nested object, create body, page."""
    name = f"Resource{n}"
    return {
        f"{name}Status": {
            "type": "string",
            "enum": ["active", "archived", "pending"],
            "title": f"{name}Status",
        },
        f"{name}Item": {
            "type": "object",
            "title": f"{name}Item",
            "required": ["key", "quantity"],
            "properties": {
                "key": {"type": "string"},
                "quantity": {"type": "integer", "minimum": 0},
            },
        },
        name: {
            "type": "object",
            "title": name,
            "description": f"Resource number {n}.",
            "required": ["id", "name", "count", "created_at", "status", "items", "enabled"],
            "properties": {
                "id": {"type": "string", "format": "uuid"},
                "name": {"type": "string", "description": "A display name."},
                "count": {"type": "integer"},
                "note": {"anyOf": [{"type": "string"}, {"type": "null"}]},
                "created_at": {"type": "string", "format": "date-time"},
                "status": _ref(f"{name}Status"),
                "items": {"type": "array", "items": _ref(f"{name}Item")},
                "enabled": {"type": "boolean"},
                "score": {"type": "number"},
            },
        },
        f"{name}Create": {
            "type": "object",
            "title": f"{name}Create",
            "required": ["name"],
            "properties": {
                "name": {"type": "string", "minLength": 1},
                "note": {"anyOf": [{"type": "string"}, {"type": "null"}]},
                "status": _ref(f"{name}Status"),
                "items": {"type": "array", "items": _ref(f"{name}Item")},
            },
        },
        f"ListResource{name}": {
            "type": "object",
            "title": f"ListResource[{name}]",
            "required": ["items", "pagination"],
            "properties": {
                "items": {"type": "array", "items": _ref(name)},
                "pagination": _ref("Pagination"),
            },
        },
    }


def _operations(n: int) -> list[tuple[str, str, dict[str, Any]]]:
    """Resource `n`'s operations as (path, method, operation), in a fixed order."""
    name = f"Resource{n}"
    tag = f"resource{n}"
    base = f"/v1/resource{n}/"
    return [
        (
            base,
            "get",
            {
                "operationId": f"{tag}:list",
                "summary": f"List {name}",
                "tags": [tag],
                "parameters": [
                    {
                        "name": "page",
                        "in": "query",
                        "schema": {"type": "integer", "minimum": 1, "default": 1},
                    },
                    {
                        "name": "limit",
                        "in": "query",
                        "schema": {"type": "integer", "minimum": 1, "maximum": 100, "default": 10},
                    },
                    {"name": "query", "in": "query", "schema": {"type": "string"}},
                    {"name": "status", "in": "query", "schema": _ref(f"{name}Status")},
                ],
                "responses": {"200": _json_body(_ref(f"ListResource{name}"), "A page.")},
            },
        ),
        (
            base + "{id}",
            "get",
            {
                "operationId": f"{tag}:get",
                "summary": f"Get {name}",
                "tags": [tag],
                "parameters": [
                    {
                        "name": "id",
                        "in": "path",
                        "required": True,
                        "schema": {"type": "string", "format": "uuid"},
                    }
                ],
                "responses": {
                    "200": _json_body(_ref(name), "The resource."),
                    "404": _json_body(_ref("NotFound"), "Not found."),
                },
            },
        ),
        (
            base,
            "post",
            {
                "operationId": f"{tag}:create",
                "summary": f"Create {name}",
                "tags": [tag],
                "requestBody": {
                    "required": True,
                    "content": {"application/json": {"schema": _ref(f"{name}Create")}},
                },
                "responses": {"201": _json_body(_ref(name), "Created.")},
            },
        ),
    ]


def synthetic_spec(operations: int) -> dict[str, Any]:
    """A valid OpenAPI 3.1 document with exactly `operations` operations.

    Resources come in threes (list, get, create); the last resource gets only the first
    one or two when `operations` is not a multiple of three.
    """
    if operations < 1:
        raise ValueError("at least one operation")
    paths: dict[str, dict[str, Any]] = {}
    schemas: dict[str, dict[str, Any]] = {
        "Pagination": {
            "type": "object",
            "title": "Pagination",
            "required": ["total_count", "max_page"],
            "properties": {
                "total_count": {"type": "integer"},
                "max_page": {"type": "integer"},
            },
        },
        "NotFound": {
            "type": "object",
            "title": "NotFound",
            "required": ["error", "detail"],
            "properties": {
                "error": {"type": "string", "const": "NotFound"},
                "detail": {"type": "string"},
            },
        },
    }
    tags: list[dict[str, str]] = []
    remaining = operations
    n = 0
    while remaining > 0:
        n += 1
        schemas.update(_schemas(n))
        tags.append({"name": f"resource{n}", "description": f"Resource number {n}."})
        for path, method, operation in _operations(n)[:remaining]:
            paths.setdefault(path, {})[method] = operation
        remaining -= OPERATIONS_PER_RESOURCE
    return {
        "openapi": "3.1.0",
        "info": {"title": f"Synthetic API ({operations} operations)", "version": "1.0.0"},
        "servers": [{"url": "https://api.example.com"}],
        "tags": tags,
        "paths": paths,
        "components": {
            "schemas": schemas,
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
        },
        "security": [{"bearer": []}],
    }


def write_spec(path: Path, operations: int) -> dict[str, int]:
    """Write the spec as JSON; return its size (operations, schemas, bytes)."""
    spec = synthetic_spec(operations)
    text = json.dumps(spec, indent=2) + "\n"
    path.write_text(text, encoding="utf-8")
    return {
        "operations": operations,
        "schemas": len(spec["components"]["schemas"]),
        "bytes": len(text.encode("utf-8")),
    }


if __name__ == "__main__":
    json.dump(synthetic_spec(int(sys.argv[1]) if len(sys.argv) > 1 else 10), sys.stdout, indent=2)
    sys.stdout.write("\n")
