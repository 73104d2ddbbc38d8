"""Find every problem in a spec before anything is generated, not just the first.

Nothing here follows a reference outside the document, and nothing is fetched: `$ref`s are
checked by our own code, the OpenAPI schema (openapi-spec-validator's) is applied to the
document as plain data, and the checks that need references resolved (schemas against their
meta-schema, defaults against their schemas, parameters, path templates) are ours, with a
resolver that knows only this document. So every problem has a JSON pointer into the
document, and a dangling `$ref` does not hide the problems found elsewhere.

The checks: the document's shape; references (local, resolvable, of the right kind, no
loops); the OpenAPI schema; each schema against its meta-schema, defaults against their
schemas, duplicate parameters and tags; then ours: unique operationIds and Python method
names, declared path parameters, security schemes, schema class names, discriminator
mappings, request bodies the client can send, and schema keywords the generator cannot
express (`not`, `if`/`then`/`else`, `dependentSchemas`, `$dynamicRef`, `$id`). The report is
in document order, top to bottom.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ... import __version__, cache
from ...digests import digest_files, library_versions
from ...naming.placement import client_paths, component_class_name, operation_names
from ...problems import Problem, join_pointer, resolve_pointer, split_pointer
from ..media import pick_content
from ..walk import HTTP_METHODS, Typed, typed_nodes

if TYPE_CHECKING:
    from ..load import Document

_SPEC_URI = "urn:polar-codegen:spec"
_PATH_TEMPLATE = re.compile(r"{([^}]+)}")
_EXTRA_KEYS = re.compile(r"\((.*) (?:was|were) unexpected\)$", re.DOTALL)
_KIND_NAMES = {
    "schema": "a schema",
    "parameter": "a parameter",
    "response": "a response",
    "requestBody": "a request body",
    "header": "a header",
    "example": "an example",
    "link": "a link",
    "callback": "a callback",
    "securityScheme": "a security scheme",
    "pathItem": "a path item",
    "operation": "an operation",
    "mediaType": "a media type",
}


def validate(data: Any, earlier: Sequence[Problem] = ()) -> list[Problem]:
    """Every problem of the document, with `earlier` (the loader's: duplicate keys, refused
    tags, refused file references); a `$ref` one of those is about is not judged again."""
    problems = list(earlier)
    shape, fatal = _shape(data)
    problems += shape
    if fatal:
        return _unique(problems)
    typed = list(typed_nodes(data))
    handled = {p.pointer for p in earlier if p.file is None}
    # A value the loader refused (an unsupported tag) is null now: say nothing more about it.
    dropped = {p for p in handled if resolve_pointer(data, p) == (True, None)}
    problems += _refs(data, typed, handled)
    problems += [
        p for p in _openapi(data, typed, reported={p.pointer + p.message for p in shape}) if p.pointer not in dropped
    ]
    problems += _semantics(data, typed)
    problems += _unsupported(data, typed)
    return _in_document_order(data, _unique(problems))


def _in_document_order(data: Any, problems: list[Problem]) -> list[Problem]:
    """Top to bottom, as the user reads the file; problems in other files come last."""

    def key(problem: Problem) -> tuple[int, list[int]]:
        if problem.file is not None:
            return (1, [])
        order: list[int] = []
        node = data
        for token in split_pointer(problem.pointer):
            if isinstance(node, dict) and token in node:
                order.append(list(node).index(token))
                node = node[token]
            elif isinstance(node, list) and token.isdigit() and int(token) < len(node):
                order.append(int(token))
                node = node[int(token)]
            else:
                break
        return (0, order)

    return sorted(problems, key=key) if len(problems) > 1 else problems


def _unique(problems: list[Problem]) -> list[Problem]:
    seen: set[tuple[str | None, str, str]] = set()
    out: list[Problem] = []
    for p in problems:
        if (p.file, p.pointer, p.message) not in seen:
            seen.add((p.file, p.pointer, p.message))
            out.append(p)
    return out


def _shape(data: Any) -> tuple[list[Problem], bool]:
    """Problems of the whole document; True when nothing else can be checked."""
    if not isinstance(data, dict):
        kind = {list: "list", str: "string", bool: "boolean", type(None): "null"}.get(type(data), "number")
        return [
            Problem(
                "",
                f"the spec must be a mapping (an OpenAPI object), not a {kind}",
                hint="the document starts with `openapi: 3.1.0`, `info:` and `paths:`",
            )
        ], True
    if "swagger" in data:
        return [
            Problem(
                "/swagger",
                f"Swagger {data.get('swagger')} is not supported; OpenAPI 3.0 or 3.1 is",
                hint="convert the document to OpenAPI 3 first",
            )
        ], True
    version = data.get("openapi")
    if version is None:
        return [
            Problem(
                "",
                "missing `openapi` (the OpenAPI version, e.g. 3.1.0)",
                hint="is this an OpenAPI document?",
            )
        ], True
    if not isinstance(version, str) or not re.match(r"^3\.[01]\.\d+$", version):
        return [
            Problem(
                "/openapi",
                f"unsupported OpenAPI version {version!r}; 3.0.x or 3.1.x is",
                hint="write the version as text, e.g. openapi: 3.1.0" if not isinstance(version, str) else None,
            )
        ], True
    problems: list[Problem] = []
    if not isinstance(data.get("info"), dict):
        problems.append(Problem("", "missing `info` (title and version of the API)"))
    if "paths" not in data:
        problems.append(Problem("", "missing `paths`: there is nothing to generate"))
    return problems, False


def _is_30(data: dict[str, Any]) -> bool:
    return str(data.get("openapi", "")).startswith("3.0")


# -- references -------------------------------------------------------------------------------


def _local(data: Any, node: Any, limit: int = 64) -> Any:
    """Follow local `$ref`s from `node` to what they name; None if they lead nowhere."""
    for _ in range(limit):
        if not (isinstance(node, dict) and "$ref" in node):
            return node
        ref = node["$ref"]
        if not isinstance(ref, str) or not ref.startswith("#/"):
            return None
        found, node = resolve_pointer(data, ref[1:])
        if not found:
            return None
    return None


def _refs(data: dict[str, Any], typed: list[Typed], handled: set[str]) -> list[Problem]:
    problems: list[Problem] = []
    kinds = {t.pointer: t.kind for t in typed}
    loops: set[frozenset[str]] = set()
    for t in typed:
        node = t.node
        if not isinstance(node, dict) or "$ref" not in node:
            continue
        at = join_pointer(t.pointer, "$ref")
        if at in handled:
            continue
        problem = _check_ref(data, node["$ref"], at, t, kinds, loops)
        if problem is not None:
            problems.append(problem)
    return problems


def _check_ref(
    data: dict[str, Any], ref: Any, at: str, t: Typed, kinds: dict[str, str], loops: set[frozenset[str]]
) -> Problem | None:
    if not isinstance(ref, str):
        return None  # the OpenAPI schema says so
    if not ref.startswith("#"):
        url = re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", ref) and not re.match(r"^[A-Za-z]:[\\/]", ref)
        if url or ref.startswith("//"):
            return Problem(
                at,
                f"external reference {ref!r} refused: references are never fetched",
                hint="save the document next to the spec and bundle it into the spec",
            )
        if ref.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:[\\/]", ref):
            return Problem(
                at,
                f"external reference {ref!r} refused: an absolute path is never read",
                hint="bundle the spec, or put the file in the spec's folder, refer to it by a "
                "relative path and pass --allow-file-refs",
            )
        return Problem(
            at,
            f"external reference {ref!r} refused: only references inside the spec (`#/...`) "
            "are followed by default",
            hint="pass --allow-file-refs to read files in the spec's folder, or bundle the spec",
        )
    if ref == "#":
        return Problem(at, "`$ref` '#' points at the whole document", hint="refer to one definition in it")
    if not ref.startswith("#/"):
        return Problem(
            at,
            f"`$ref` {ref!r} names an anchor; only JSON pointers (`#/...`) are supported",
            hint="refer to the definition by its path, e.g. #/components/schemas/Name",
        )
    found, target = resolve_pointer(data, ref[1:])
    if not found:
        hint = None
        if "%" in ref:
            import urllib.parse

            if resolve_pointer(data, urllib.parse.unquote(ref[1:]))[0]:
                hint = "write the pointer's characters as they are, not percent-encoded"
        tokens = split_pointer(ref[1:])
        siblings = resolve_pointer(data, join_pointer("", *tokens[:-1]))[1] if tokens else None
        if hint is None and isinstance(siblings, dict) and siblings:
            # A typo in the last name: say which one was meant.
            names = [str(n) for n in siblings if join_pointer("", *tokens[:-1], str(n)) != t.pointer]
            best = min(names, key=lambda name: _similarity(name, tokens[-1]), default="")
            if best and _similarity(best, tokens[-1]) < 0.4:
                hint = f"did you mean {join_pointer('#', *tokens[:-1], best)!r}?"
        return Problem(at, f"`$ref` {ref!r} points at nothing in this document", hint=hint)
    # A chain of references that comes back to where it began names nothing at all.
    if ref[1:] == t.pointer:
        return Problem(at, f"`$ref` {ref!r} points at itself", hint="a reference must lead to a definition")
    chain = [t.pointer, ref[1:]]
    node = target
    while isinstance(node, dict) and isinstance(node.get("$ref"), str) and node["$ref"].startswith("#"):
        next_pointer = node["$ref"][1:]
        if next_pointer in chain:
            cycle = chain[chain.index(next_pointer) :]
            loop = " -> ".join("#" + p for p in cycle + [next_pointer])
            if next_pointer != t.pointer:
                return Problem(
                    at,
                    f"`$ref` {ref!r} leads into a loop of references that never reaches a definition ({loop})",
                    hint="one reference of the loop must be replaced by the definition itself",
                )
            if frozenset(cycle) in loops:
                return None  # said once, at the first reference of the loop
            loops.add(frozenset(cycle))
            return Problem(
                at,
                f"`$ref` {ref!r} makes a loop of references that never reaches a definition ({loop})",
                hint="one reference of the loop must be replaced by the definition itself",
            )
        ok, node = resolve_pointer(data, next_pointer)
        if not ok:
            break  # the dangling link is reported where it is
        chain.append(next_pointer)
    if t.kind == "schema":
        if not isinstance(target, (dict, bool)):
            return Problem(at, f"`$ref` {ref!r} points at {_describe(target)}, not a schema")
        return None
    found_kind = kinds.get(ref[1:])
    if found_kind != t.kind:
        what = _KIND_NAMES.get(found_kind or "", _describe(target))
        return Problem(
            at,
            f"`$ref` {ref!r} points at {what}, where {_KIND_NAMES.get(t.kind, t.kind)} belongs",
            hint=f"refer to one under #/components/{_section(t.kind)}" if _section(t.kind) else None,
        )
    return None


def _section(kind: str) -> str | None:
    from ..walk import KIND_SECTIONS

    return KIND_SECTIONS.get(kind)


def _describe(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping that is not an OpenAPI object"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, bool):
        return "a boolean"
    if value is None:
        return "null"
    return "a number"


# -- the OpenAPI schema, and the checks openapi-spec-validator makes on resolved objects ------


@functools.cache
def _document_validator(v30: bool) -> Any:
    """openapi-spec-validator's JSON Schema of OpenAPI, with a registry that is crawled once
    (seconds faster on a large spec) and that fetches nothing."""
    from importlib.util import find_spec
    from pathlib import Path

    from jsonschema.validators import validator_for  # type: ignore[import-untyped, unused-ignore]
    from jsonschema_specifications import REGISTRY  # type: ignore[import-untyped, unused-ignore]
    from referencing import Resource

    # Read from the package as a file: openapi-spec-validator's own loader goes through
    # urllib (a file:// URL), and nothing here is meant to open a URL of any kind. Found
    # without importing the package, which would load pydantic (half a second).
    spec = find_spec("openapi_spec_validator")
    folders = list(spec.submodule_search_locations or []) if spec is not None else []
    try:
        if not folders:
            raise OSError("openapi_spec_validator is not installed as a folder")
        resource = Path(folders[0]) / "resources" / "schemas" / ("v3.0" if v30 else "v3.1") / "schema.json"
        schema = json.loads(resource.read_text(encoding="utf-8"))
    except OSError:
        from openapi_spec_validator.schemas import schema_v30, schema_v31

        schema = dict(schema_v30 if v30 else schema_v31)
    uri = str(schema.get("$id", schema.get("id", "")))
    registry = REGISTRY.with_resource(uri, Resource.from_contents(schema)).crawl()
    return validator_for(schema)(schema, registry=registry)


def _openapi(data: dict[str, Any], typed: list[Typed], reported: set[str]) -> list[Problem]:
    problems: list[Problem] = []
    for error in _document_validator(_is_30(data)).iter_errors(data):
        for problem in _from_error(error):
            if _is_30(data) and problem.pointer.endswith("/type"):
                found, value = resolve_pointer(data, problem.pointer)
                if found and isinstance(value, list):
                    problem = Problem(
                        problem.pointer,
                        f"in OpenAPI 3.0 `type` names one type, not a list ({_shorten(str(value))})",
                        hint="for null, add `nullable: true`; for several types, use oneOf (or OpenAPI 3.1)",
                    )
            if problem.pointer + problem.message in reported:
                continue
            if problem.pointer == "" and problem.message in (
                "'info' is a required property",
                "'paths' is a required property",
            ):
                continue  # already said by _shape, in its own words
            problems.append(problem)
    problems += _schema_checks(data, typed)
    problems += _parameter_lists(data, typed)
    problems += _tags(data)
    # A value of the wrong type: that is the problem; what else it lacks is noise.
    mistyped = {p.pointer for p in problems if " is not of type " in p.message}
    return [p for p in problems if p.pointer not in mistyped or " is not of type " in p.message]


def _from_error(error: Any, prefix: str = "", depth: int = 0) -> list[Problem]:
    """Problems from a jsonschema error: pointed at the key or value that is wrong."""
    pointer = prefix + join_pointer("", *error.absolute_path)
    message = str(error.message)
    if error.validator in ("additionalProperties", "unevaluatedProperties") and isinstance(error.instance, dict):
        match = _EXTRA_KEYS.search(message)
        keys = [k for k in error.instance if match and repr(k) in match.group(1)]
        if keys:
            return [_unknown_key(pointer, str(key)) for key in keys]
    if "propertyNames" in error.absolute_schema_path and isinstance(error.instance, str):
        # A name that is not allowed: point at it, not at the mapping it is in.
        return [Problem(join_pointer(pointer, error.instance), f"the name {_shorten(message)}")]
    if error.validator in ("oneOf", "anyOf") and error.context and depth < 16:
        branch = _best_branch(error)
        if branch:
            return [p for sub in branch for p in _from_error(sub, prefix, depth + 1)]
    return [Problem(pointer, _shorten(message))]


def _unknown_key(pointer: str, key: str) -> Problem:
    at = join_pointer(pointer, key)
    if pointer.endswith("/responses"):
        return Problem(
            at,
            f"{key!r} is not an HTTP status code",
            hint="responses are keyed by a status code (200), a range (4XX) or `default`",
        )
    return Problem(
        at,
        f"{key!r} is not allowed here",
        hint="check its spelling and where it stands; extensions start with `x-`",
    )


def _best_branch(error: Any) -> list[Any]:
    """A value that matches none of oneOf/anyOf: the errors of the alternative it was
    meant to be. Not a Reference Object (unless it has `$ref`); of the others, the one
    whose errors go deepest into the value (it matched the most)."""
    branches: dict[Any, list[Any]] = {}
    for sub in error.context:
        key = sub.relative_schema_path[0] if sub.relative_schema_path else None
        branches.setdefault(key, []).append(sub)
    real = [
        errors
        for errors in branches.values()
        if not any(e.validator == "required" and "'$ref' is a required property" in str(e.message) for e in errors)
    ]
    if not real:
        return []
    return max(real, key=lambda errors: (max(len(e.absolute_path) for e in errors), -len(errors)))


def _shorten(message: str, limit: int = 300) -> str:
    message = " ".join(message.split())
    return message if len(message) <= limit else message[: limit - 3] + "..."


def _schema_checks(data: dict[str, Any], typed: list[Typed]) -> list[Problem]:
    """What openapi-spec-validator checks on each schema, with the pointer of each problem:
    the schema against its dialect's meta-schema (every error, not the first), defaults
    against their schema, and `required` names that no `allOf` part defines."""
    from jsonschema.exceptions import _WrappedReferencingError  # type: ignore[import-untyped, unused-ignore]
    from openapi_schema_validator import (
        OAS30Validator,
        OAS31Validator,
        oas30_format_checker,
        oas31_format_checker,
    )
    from referencing import Registry, Resource
    from referencing.exceptions import Unresolvable
    from referencing.jsonschema import DRAFT4, DRAFT202012

    v30 = _is_30(data)
    problems: list[Problem] = []
    dialect = data.get("jsonSchemaDialect") if not v30 else None
    if dialect is not None and not isinstance(dialect, str):
        dialect = None
    spec_resource = Resource.from_contents(data, default_specification=DRAFT4 if v30 else DRAFT202012)
    registry: Any = Registry().with_resource(_SPEC_URI, spec_resource)
    value_class: Any = OAS30Validator if v30 else OAS31Validator
    formats = oas30_format_checker if v30 else oas31_format_checker
    judged: dict[Any, list[Problem]] = {}
    for t in typed:
        if t.kind != "schema":
            continue
        schema = t.node
        if not t.nested:
            if not v30:  # in 3.0 the document's own schema checks schema objects already
                problems += _meta_errors(schema, t.pointer, v30, dialect, judged)
            if isinstance(schema, dict):
                problems += _required_defined(data, schema, t.pointer)
        if not isinstance(schema, dict) or "default" not in schema:
            continue
        default = schema["default"]
        if default is None and schema.get("nullable") is True:
            continue
        checker = value_class({"$ref": _SPEC_URI + "#" + t.pointer}, registry=registry, format_checker=formats)
        try:
            errors = list(checker.iter_errors(default))
        except (Unresolvable, _WrappedReferencingError, RecursionError):
            continue  # a reference that leads nowhere is reported where it is
        for error in errors:
            where = join_pointer(t.pointer, "default", *error.absolute_path)
            problems.append(Problem(where, f"the default does not match its schema: {_shorten(str(error.message))}"))
    return problems


def _meta_errors(
    schema: Any, pointer: str, v30: bool, dialect: str | None, cache: dict[Any, list[Problem]]
) -> list[Problem]:
    from jsonschema.validators import validator_for  # type: ignore[import-untyped, unused-ignore]
    from openapi_schema_validator import OAS31_BASE_DIALECT_ID, OAS30Validator

    if v30:
        cls = OAS30Validator
    else:
        wanted = schema.get("$schema") if isinstance(schema, dict) and "$schema" in schema else dialect
        wanted = wanted or OAS31_BASE_DIALECT_ID
        cls = validator_for({"$schema": wanted}, default=None) if isinstance(wanted, str) else None
        if cls is None:
            return [Problem(join_pointer(pointer, "$schema"), f"unknown JSON Schema dialect {wanted!r}")]
    # Many schemas are the same text (`{type: string}` parameters): judge each text once.
    key = (cls, json.dumps(schema, sort_keys=True, default=str))
    found = cache.get(key)
    if found is None:
        meta = _meta_validator(cls)
        try:
            found = [p for error in meta.iter_errors(schema) for p in _from_error(error)]
        except RecursionError:
            found = [Problem("", "this schema is nested too deeply to be checked", hint="flatten it with $refs")]
        cache[key] = found
    return [Problem(pointer + p.pointer, p.message, p.hint) for p in found]


@functools.cache
def _meta_validator(cls: Any) -> Any:
    """What openapi-schema-validator's check_schema uses, but giving every error."""
    from jsonschema.validators import validator_for  # type: ignore[import-untyped, unused-ignore]
    from openapi_schema_validator._specifications import REGISTRY

    meta_class = validator_for(cls.META_SCHEMA, default=cls)
    return meta_class(cls.META_SCHEMA, format_checker=cls.FORMAT_CHECKER, registry=REGISTRY)


def _required_defined(data: dict[str, Any], schema: dict[str, Any], pointer: str) -> list[Problem]:
    """openapi-spec-validator's rule: with `allOf`, every required name is defined somewhere."""
    if "allOf" not in schema or not isinstance(schema.get("required"), list):
        return []
    defined = _property_names(data, schema, 0)
    return [
        Problem(
            join_pointer(pointer, "required", i),
            f"required property {name!r} is not defined by the schema or its `allOf` parts",
        )
        for i, name in enumerate(schema["required"])
        if isinstance(name, str) and name not in defined
    ]


def _property_names(data: dict[str, Any], schema: Any, depth: int) -> set[str]:
    schema = _local(data, schema)
    if not isinstance(schema, dict) or depth > 32:
        return set()
    names = {str(k) for k in schema.get("properties") or {}} if isinstance(schema.get("properties"), dict) else set()
    for key in ("allOf", "anyOf", "oneOf"):
        for part in schema.get(key) or [] if isinstance(schema.get(key), list) else []:
            names |= _property_names(data, part, depth + 1)
    for key in ("items", "not"):
        if key in schema:
            names |= _property_names(data, schema[key], depth + 1)
    return names


def _parameter_lists(data: dict[str, Any], typed: list[Typed]) -> list[Problem]:
    problems: list[Problem] = []
    for t in typed:
        if t.kind not in ("pathItem", "operation") or not isinstance(t.node, dict) or "$ref" in t.node:
            continue
        seen: set[tuple[str, str]] = set()
        params = t.node.get("parameters")
        for i, raw in enumerate(params if isinstance(params, list) else []):
            p = _local(data, raw)
            if not isinstance(p, dict) or not isinstance(p.get("name"), str):
                continue
            key = (p["name"], str(p.get("in")))
            if key in seen:
                problems.append(
                    Problem(
                        join_pointer(t.pointer, "parameters", i),
                        f"parameter {key[0]!r} in {key[1]} is declared twice",
                    )
                )
            seen.add(key)
    return problems


def _tags(data: dict[str, Any]) -> list[Problem]:
    problems: list[Problem] = []
    seen: set[str] = set()
    tags = data.get("tags")
    for i, tag in enumerate(tags if isinstance(tags, list) else []):
        name = tag.get("name") if isinstance(tag, dict) else None
        if isinstance(name, str):
            if name in seen:
                problems.append(Problem(join_pointer("/tags", i, "name"), f"tag {name!r} is declared twice"))
            seen.add(name)
    return problems


# -- our checks -------------------------------------------------------------------------------


class _Op:
    def __init__(
        self, path: str, method: str, pointer: str, namespace: tuple[str, ...], name: str, op_id: Any
    ) -> None:
        self.op_id = op_id
        self.where = f"{method.upper()} {path}"
        self.pointer = pointer
        self.namespace = namespace
        self.name = name
        self.original = (namespace, name)


def _semantics(data: dict[str, Any], typed: list[Typed]) -> list[Problem]:
    problems: list[Problem] = []
    seen_ids: dict[str, str] = {}
    ops: list[_Op] = []
    paths = data.get("paths")
    for path, raw_item in paths.items() if isinstance(paths, dict) else []:
        item_pointer = join_pointer("/paths", path)
        item = _local(data, raw_item)
        if not isinstance(item, dict):
            continue
        template = _PATH_TEMPLATE.findall(str(path))
        shared, shared_ok = _params(data, item.get("parameters"), item_pointer)
        for p, at in shared:
            if p.get("in") == "path" and p.get("name") not in template:
                problems.append(_stray_path_parameter(p, at, str(path)))
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
                            hint="operationIds must be unique",
                        )
                    )
                seen_ids.setdefault(op_id, f"{method.upper()} {path}")
            if isinstance(op_id, str) and ":" in op_id and not op_id.replace(":", "").strip():
                problems.append(
                    Problem(
                        join_pointer(pointer, "operationId"),
                        f"operationId {op_id!r} has no name in it",
                        hint="colons separate names: `items:list` becomes client.items.list()",
                    )
                )
            else:
                namespace, name = operation_names(op, method, str(path))
                ops.append(_Op(str(path), method, pointer, namespace, name, op_id))
            own, own_ok = _params(data, op.get("parameters"), pointer)
            declared = {p.get("name") for p, _ in shared + own if p.get("in") == "path"}
            if shared_ok and own_ok:
                for name_in_path in template:
                    if name_in_path not in declared:
                        problems.append(
                            Problem(
                                pointer,
                                f"path parameter {{{name_in_path}}} of {path} is not declared",
                                hint="add it under `parameters` with `in: path`",
                            )
                        )
            for p, at in own:
                if p.get("in") == "path" and p.get("name") not in template:
                    problems.append(_stray_path_parameter(p, at, str(path)))
            problems += _request_body(data, op, pointer)
    problems += _python_names(ops)
    problems += _security(data, typed)
    problems += _schema_names(data)
    problems += _discriminators(data, typed)
    return problems


def _stray_path_parameter(p: dict[str, Any], at: str, path: str) -> Problem:
    name = str(p.get("name"))
    return Problem(
        at,
        f"path parameter {name!r} does not appear in {path}",
        hint="remove it, or add {" + name + "} to the path",
    )


def _params(data: Any, raw: Any, pointer: str) -> tuple[list[tuple[dict[str, Any], str]], bool]:
    """Parameters with where they are (followed through local refs); False if one could not
    be followed."""
    out: list[tuple[dict[str, Any], str]] = []
    complete = True
    for i, p in enumerate(raw if isinstance(raw, list) else []):
        resolved = _local(data, p)
        if isinstance(resolved, dict):
            out.append((resolved, join_pointer(pointer, "parameters", i)))
        else:
            complete = False
    return out, complete


def _request_body(data: dict[str, Any], op: dict[str, Any], pointer: str) -> list[Problem]:
    """The generator sends JSON, forms, text or bytes: a body it cannot send is a problem now,
    with the others, not later."""
    if "requestBody" not in op:
        return []
    at = join_pointer(pointer, "requestBody")
    raw = op["requestBody"]
    if isinstance(raw, dict) and isinstance(raw.get("$ref"), str) and raw["$ref"].startswith("#/"):
        at = raw["$ref"][1:]
    body = _local(data, raw)
    if not isinstance(body, dict) or not isinstance(body.get("content"), dict):
        return []
    content = body["content"]
    if not content:
        return [Problem(join_pointer(at, "content"), "the request body names no media type")]
    if pick_content(content, request=True) is not None:
        return []
    return [
        Problem(
            join_pointer(at, "content"),
            "unsupported request body media type(s): " + ", ".join(sorted(map(str, content))),
            hint="supported: application/json (and +json), application/x-www-form-urlencoded, "
            "application/octet-stream, text/plain",
        )
    ]


def _python_names(ops: list[_Op]) -> list[Problem]:
    """The operations that would land on one method of the client, where build puts them."""
    for op, (namespace, name) in zip(ops, client_paths([(op.namespace, op.name) for op in ops])):
        op.namespace, op.name = namespace, name
    problems: list[Problem] = []
    seen: dict[tuple[tuple[str, ...], str], _Op] = {}
    for op in ops:
        key = (op.namespace, op.name)
        first = seen.get(key)
        if first is not None and not (isinstance(op.op_id, str) and op.op_id == first.op_id):
            # (one operationId used twice is reported as that)
            problems.append(
                Problem(
                    op.pointer,
                    f"becomes client.{'.'.join(op.namespace + (op.name,))}(), which {first.where} already is",
                    hint="give one of them another operationId or x-speakeasy-name-override",
                )
            )
        seen.setdefault(key, op)
    return problems


def _security(data: dict[str, Any], typed: list[Typed]) -> list[Problem]:
    """Every security requirement names a declared scheme (else the client would silently
    send no credentials)."""
    components = data.get("components")
    schemes = components.get("securitySchemes") if isinstance(components, dict) else None
    declared = set(schemes) if isinstance(schemes, dict) else set()
    places = [("/security", data.get("security"))] + [
        (join_pointer(t.pointer, "security"), t.node.get("security"))
        for t in typed
        if t.kind == "operation" and isinstance(t.node, dict)
    ]
    problems: list[Problem] = []
    for pointer, requirements in places:
        for i, requirement in enumerate(requirements if isinstance(requirements, list) else []):
            for name in requirement if isinstance(requirement, dict) else {}:
                if name not in declared:
                    problems.append(
                        Problem(
                            join_pointer(pointer, i, name),
                            f"security scheme {name!r} is not declared",
                            hint="declare it under components/securitySchemes"
                            + (f" (declared: {', '.join(sorted(map(str, declared)))})" if declared else ""),
                        )
                    )
    return problems


def _schema_names(data: dict[str, Any]) -> list[Problem]:
    problems: list[Problem] = []
    components = data.get("components")
    schemas = components.get("schemas") if isinstance(components, dict) else None
    by_class: dict[str, str] = {}
    for name in schemas if isinstance(schemas, dict) else {}:
        cls = component_class_name(str(name))
        if cls in by_class:
            problems.append(
                Problem(
                    join_pointer("/components/schemas", name),
                    f"schema {name!r} and schema {by_class[cls]!r} both become class {cls}",
                    hint="rename one of them",
                )
            )
        by_class.setdefault(cls, str(name))
    return problems


def _discriminators(data: dict[str, Any], typed: list[Typed]) -> list[Problem]:
    problems: list[Problem] = []
    components = data.get("components")
    schemas = components.get("schemas") if isinstance(components, dict) else None
    schemas = schemas if isinstance(schemas, dict) else {}
    for t in typed:
        node = t.node
        if t.kind != "schema" or not isinstance(node, dict) or not isinstance(node.get("discriminator"), dict):
            continue
        mapping = node["discriminator"].get("mapping")
        for value, target in mapping.items() if isinstance(mapping, dict) else []:
            if not isinstance(target, str):
                continue
            at = join_pointer(t.pointer, "discriminator", "mapping", value)
            if target.startswith("#"):
                found, schema = resolve_pointer(data, target[1:])
                if found and isinstance(schema, (dict, bool)):
                    continue
            elif ("/" in target or "." in target) and target not in schemas:
                problems.append(
                    Problem(
                        at,
                        f"discriminator value {value!r} maps to {target!r}, outside this document",
                        hint="map it to #/components/schemas/<name> or to a schema name",
                    )
                )
                continue
            elif target in schemas:
                continue
            names = sorted(schemas, key=lambda n: _similarity(str(n), target))[:1]
            problems.append(
                Problem(
                    at,
                    f"discriminator value {value!r} maps to {target!r}, which does not exist",
                    hint=f"did you mean {names[0]!r}?" if names and _similarity(str(names[0]), target) < 0.5 else None,
                )
            )
    return problems


def _similarity(a: str, b: str) -> float:
    """0 for the same words, 1 for nothing in common (a cheap hint for typos)."""
    import difflib

    b = b.rsplit("/", 1)[-1]
    return 1 - difflib.SequenceMatcher(None, a.lower(), b.lower()).ratio()


# -- what the generator cannot express ---------------------------------------------------------

_UNSUPPORTED = {
    "not": (
        (
            "`not` is not supported: a Python type cannot say which values it excludes, so the "
            "client would accept what the spec forbids"
        ),
        "describe the allowed values instead (enum, oneOf), or remove `not`",
    ),
    "if": (
        "`if`/`then`/`else` is not supported: the generated type cannot depend on a value",
        "describe the cases as oneOf variants told apart by a discriminator",
    ),
    "dependentSchemas": (
        "`dependentSchemas` is not supported: what it adds to an object would be dropped",
        "list those properties under `properties` (optional), or use oneOf variants",
    ),
    "$dynamicRef": (
        "`$dynamicRef` is not supported: only `$ref`s to JSON pointers are followed",
        "refer to the schema with `$ref: '#/components/schemas/Name'`",
    ),
    "$recursiveRef": (
        "`$recursiveRef` is not supported: only `$ref`s to JSON pointers are followed",
        "refer to the schema with `$ref: '#/components/schemas/Name'`",
    ),
    "$id": (
        "`$id` inside a spec is not supported: it changes what the `$ref`s below it mean",
        "remove `$id`; references are resolved against the document",
    ),
}


def _unsupported(data: dict[str, Any], typed: list[Typed]) -> list[Problem]:
    problems: list[Problem] = []
    for t in typed:
        node = t.node
        if t.kind != "schema" or not isinstance(node, dict):
            continue
        for key, (message, hint) in _UNSUPPORTED.items():
            present = key in node or (key == "if" and ("then" in node or "else" in node))
            if present:
                first = key if key in node else ("then" if "then" in node else "else")
                problems.append(Problem(join_pointer(t.pointer, first), message, hint=hint))
    return problems


def cache_key(document: Document) -> str:
    """A spec that passed is known by its bytes and the code and versions that judged it;
    the key of that "ok" in the content cache (problems are never cached)."""
    versions = library_versions()
    return cache.key(
        "validated",
        __version__,
        versions["openapi-spec-validator"],
        versions["openapi-schema-validator"],
        rules_version(),
        document.fingerprint,
    )


def validate_cached(document: Document, *, remember: bool = True) -> list[Problem]:
    """`validate`, answered from the cache for a spec that passed before; a pass is
    written to the cache unless `remember` is off (commands that promise to write nothing)."""
    key = cache_key(document)
    if cache.get("validated", key) == "ok":
        return []
    problems = validate(document.data, document.problems)
    if not problems and remember:
        cache.put("validated", key, "ok")
    return problems


@functools.lru_cache(maxsize=1)
def rules_version() -> str:
    """A digest of the code that judges a spec (this module and what it uses): part of the
    key of a cached "this spec is valid", so a changed rule is never answered from the cache."""
    from pathlib import Path

    package = Path(__file__).resolve().parent.parent.parent
    names = sorted(
        p.relative_to(package).as_posix()
        for folder in ("spec", "naming")
        for p in (package / folder).rglob("*.py")
    )
    return digest_files(package, [*names, "problems.py", "digests.py"])
