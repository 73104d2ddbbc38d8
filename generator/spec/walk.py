"""The one walk over an OpenAPI document: what kind of object stands where (every path item,
operation, parameter, schema...), with its JSON pointer, and every operation a client gets
(`operations`: paths x HTTP methods, path items followed through local `$ref`s). Loader,
bundler and validator all read the document through it; HTTP_METHODS is defined here and
nowhere else."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, NamedTuple

from ..problems import join_pointer, resolve_pointer

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")

_PATH_TEMPLATE = re.compile(r"{([^}]+)}")


def path_template(path: str) -> list[str]:
    """The `{name}`s of a path template, in path order."""
    return _PATH_TEMPLATE.findall(request_path(path))


def request_path(key: str) -> str:
    """Where a request for a path key goes: the key without its `#fragment`, which no HTTP
    client sends (specs use one to give a path several operations)."""
    return key.partition("#")[0]


# components/<section> holds objects of <kind>.
COMPONENT_KINDS = {
    "schemas": "schema",
    "responses": "response",
    "parameters": "parameter",
    "examples": "example",
    "requestBodies": "requestBody",
    "headers": "header",
    "securitySchemes": "securityScheme",
    "links": "link",
    "callbacks": "callback",
    "pathItems": "pathItem",
}
KIND_SECTIONS = {kind: section for section, kind in COMPONENT_KINDS.items()}

_SCHEMA_MAPS = ("properties", "patternProperties", "dependentSchemas", "$defs", "definitions")
_SCHEMA_ONE = (
    "additionalProperties", "items", "not", "if", "then", "else", "contains", "propertyNames",
    "unevaluatedProperties", "unevaluatedItems", "additionalItems", "contentSchema",
)  # fmt: skip
_SCHEMA_LISTS = ("allOf", "anyOf", "oneOf", "prefixItems", "items")
_SCHEMA_KEYS = frozenset(_SCHEMA_MAPS + _SCHEMA_ONE + _SCHEMA_LISTS)


class Typed(NamedTuple):
    """An OpenAPI object (or a reference to one) found where the structure says it stands."""

    pointer: str
    kind: str  # schema, parameter, response, requestBody, header, pathItem, operation, ...
    node: Any
    nested: bool = False  # a schema inside another schema


def _entries(node: Any) -> Iterator[tuple[str, Any]]:
    if isinstance(node, dict):
        for key, value in node.items():
            yield str(key), value


def _items(node: Any) -> Iterator[tuple[int, Any]]:
    if isinstance(node, list):
        yield from enumerate(node)


def typed_nodes(data: Any) -> Iterator[Typed]:
    """Every schema, parameter, response... of an OpenAPI document, with its pointer."""
    if not isinstance(data, dict):
        return
    for path, item in _entries(data.get("paths")):
        yield from typed_below(item, join_pointer("/paths", path), "pathItem")
    for name, item in _entries(data.get("webhooks")):
        yield from typed_below(item, join_pointer("/webhooks", name), "pathItem")
    for section, kind in COMPONENT_KINDS.items():
        for name, node in _entries((data.get("components") or {}).get(section)
                                   if isinstance(data.get("components"), dict) else None):  # fmt: skip
            yield from typed_below(node, join_pointer("/components", section, name), kind)


def typed_below(node: Any, pointer: str, kind: str, nested: bool = False) -> Iterator[Typed]:
    """`node` (of `kind`, at `pointer`) and every typed object inside it, parents first, in
    document order. A stack, not recursion: a generator per level would pass each object
    up through every level above it, and schemas nest deep."""
    stack = [Typed(pointer, kind, node, nested)]
    while stack:
        typed = stack.pop()
        yield typed
        if isinstance(typed.node, dict):
            below = _below(typed)
            if below:
                below.reverse()
                stack += below


def _below(typed: Typed) -> list[Typed]:
    """The typed objects right inside a dict one, in document order."""
    pointer, kind, node, _ = typed
    found: list[Typed] = []
    if kind == "schema":
        present = _SCHEMA_KEYS.intersection(node)
        if not present:
            return found  # most schemas: {type: string} and the like
        for key in _SCHEMA_MAPS:
            if key in present:
                for name, sub in _entries(node[key]):
                    found.append(Typed(join_pointer(pointer, key, name), "schema", sub, True))
        for key in _SCHEMA_ONE:
            if key in present and isinstance(node[key], (dict, bool)):
                found.append(Typed(join_pointer(pointer, key), "schema", node[key], True))
        for key in _SCHEMA_LISTS:
            if key in present:
                for i, sub in _items(node[key]):
                    found.append(Typed(join_pointer(pointer, key, i), "schema", sub, True))
        return found
    if "$ref" in node:
        return found  # a Reference Object: its siblings mean nothing

    def add(sub: Any, sub_kind: str, *tokens: str | int) -> None:
        found.append(Typed(join_pointer(pointer, *tokens), sub_kind, sub))

    if kind == "pathItem":
        for i, p in _items(node.get("parameters")):
            add(p, "parameter", "parameters", i)
        for method in HTTP_METHODS:
            if method in node:
                add(node[method], "operation", method)
    elif kind == "operation":
        for i, p in _items(node.get("parameters")):
            add(p, "parameter", "parameters", i)
        if "requestBody" in node:
            add(node["requestBody"], "requestBody", "requestBody")
        for status, response in _entries(node.get("responses")):
            add(response, "response", "responses", status)
        for name, callback in _entries(node.get("callbacks")):
            add(callback, "callback", "callbacks", name)
    elif kind == "callback":
        for expression, item in _entries(node):
            add(item, "pathItem", expression)
    elif kind in ("parameter", "header", "mediaType"):
        if "schema" in node:
            add(node["schema"], "schema", "schema")
        for media, content in _entries(node.get("content")):
            add(content, "mediaType", "content", media)
        for name, example in _entries(node.get("examples")):
            add(example, "example", "examples", name)
        for name, encoding in _entries(node.get("encoding")):
            for header, value in _entries(encoding.get("headers") if isinstance(encoding, dict) else None):
                add(value, "header", "encoding", name, "headers", header)
    elif kind == "requestBody":
        for media, content in _entries(node.get("content")):
            add(content, "mediaType", "content", media)
    elif kind == "response":
        for name, header in _entries(node.get("headers")):
            add(header, "header", "headers", name)
        for media, content in _entries(node.get("content")):
            add(content, "mediaType", "content", media)
        for name, link in _entries(node.get("links")):
            add(link, "link", "links", name)
    return found


# -- the operations of a document ------------------------------------------------------------


def follow_local(data: Any, node: Any, pointer: str = "", limit: int = 64) -> tuple[Any, str]:
    """Follow local `$ref`s from `node` (at `pointer`) to what they name, and where that is:
    (None, the last pointer reached) if they lead outside the document, to nothing, or around
    in a loop (more than `limit` steps)."""
    for _ in range(limit):
        if not (isinstance(node, dict) and "$ref" in node):
            return node, pointer
        ref = node["$ref"]
        if not isinstance(ref, str) or not ref.startswith("#/"):
            return None, pointer
        found, node = resolve_pointer(data, ref[1:])
        if not found:
            return None, pointer
        pointer = ref[1:]
    return None, pointer


@dataclass(frozen=True)
class PathItem:
    """One entry of `paths` that leads to a path item."""

    path: str  # the path template, as written under `paths`
    pointer: str  # /paths/<path>: where it stands (it or the `$ref` to it)
    node: dict[str, Any]  # the path item, local `$ref`s followed
    source: str  # where `node` is written: `pointer`, or where the `$ref`s led


@dataclass(frozen=True)
class OperationSite:
    """One operation of a path item, and what it shares with the path item's others."""

    path: str  # the path template
    method: str  # one of HTTP_METHODS, lower case
    pointer: str  # /paths/<path>/<method>
    node: dict[str, Any]  # the Operation Object
    shared: tuple[Any, ...]  # the path item's own `parameters`, as written (may be `$ref`s)
    source: str  # where `node` is written: `pointer`, or below the path item a `$ref` led to


def path_items(data: Any) -> Iterator[PathItem]:
    """Every path item under `paths`, in document order; an entry whose `$ref`s lead nowhere,
    or that is no mapping, is passed over (validation says why)."""
    paths = data.get("paths") if isinstance(data, dict) else None
    for path, raw in _entries(paths):
        pointer = join_pointer("/paths", path)
        node, source = follow_local(data, raw, pointer)
        if isinstance(node, dict):
            yield PathItem(path, pointer, node, source)


def item_operations(item: PathItem) -> Iterator[OperationSite]:
    """The operations of one path item, in the order of HTTP_METHODS."""
    raw = item.node.get("parameters")
    shared = tuple(raw) if isinstance(raw, list) else ()
    for method in HTTP_METHODS:
        op = item.node.get(method)
        if isinstance(op, dict):
            pointer = join_pointer(item.pointer, method)
            yield OperationSite(item.path, method, pointer, op, shared, join_pointer(item.source, method))


def operations(data: Any) -> Iterator[OperationSite]:
    """Every operation of the document: paths x HTTP methods, in document order (webhooks
    and callbacks are not operations a client calls; `typed_nodes` reaches those)."""
    for item in path_items(data):
        yield from item_operations(item)
