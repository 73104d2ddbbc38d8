"""Operation parameters -> IR params: their Python names and order, types, defaults and
how each is serialised (style, explode; the runtime encodes by these values). A `{name}` of
the path that no parameter declares is a required `str` path parameter (validate warns)."""

from __future__ import annotations

from typing import Any

from .. import naming
from ..ir import NONE, NULL, Default, Param
from ..naming.parameters import parameter_names
from ..naming.placement import CALL_OPTIONS, PARAM_RESERVED
from ..problems import join_pointer
from ..spec.walk import path_template
from .defaults import default_value
from .schemas import Schemas, constraints
from .typeops import make_union


def parameters(
    schemas: Schemas, raw: list[dict[str, Any]], path: str, pointer: str, pascal: str, has_body: bool
) -> tuple[Param, ...]:
    """Path parameters first, in the order the path names them; then the others in the
    spec's order. `body` and `content_type` stay free for the request body, and the
    per-call options for themselves."""
    template_order = path_template(path)
    raw = raw + undeclared_path_parameters(raw, template_order)

    def order(p: dict[str, Any]) -> tuple[int, int]:
        if p.get("in") == "path" and p.get("name") in template_order:
            return (0, template_order.index(p["name"]))
        return (1, 0)

    ordered = sorted(raw, key=order)
    names = parameter_names(
        [(str(p.get("name", "")), str(p.get("in", ""))) for p in ordered],
        # `body`, and `content_type` that picks among a body's media types (bodies.py).
        taken=CALL_OPTIONS | ({"body", "content_type"} if has_body else set()),
        reserved=PARAM_RESERVED,
    )
    return tuple(_param(schemas, py_name, p, pointer, pascal) for py_name, p in zip(names, ordered))


def undeclared_path_parameters(raw: list[dict[str, Any]], template: list[str]) -> list[dict[str, Any]]:
    """The `{name}`s of the path that no parameter declares, as the Parameter Objects the
    generator reads them as: required, in the path, a string."""
    declared = {p.get("name") for p in raw if p.get("in") == "path"}
    return [
        {"name": name, "in": "path", "required": True, "schema": {"type": "string"}}
        for name in dict.fromkeys(template)
        if name not in declared
    ]


def _param(schemas: Schemas, py_name: str, p: dict[str, Any], pointer: str, pascal: str) -> Param:
    schema = p.get("schema")
    if schema is None and isinstance(p.get("content"), dict) and p["content"]:
        schema = next(iter(p["content"].values())).get("schema")
    location = str(p.get("in"))
    required = bool(p.get("required")) or location == "path"
    at = join_pointer(pointer, "parameters")
    t = schemas.convert(schema, at, pascal + naming.pascal_case(str(p.get("name"))))
    resolved, _ = schemas.doc.resolve(schema, at)
    resolved = resolved if isinstance(resolved, dict) else {}
    sibling = schema if isinstance(schema, dict) else {}
    declared, default = t, None
    if not required:
        default = _default(sibling, resolved, t, schemas)
        if default is None:
            declared, default = make_union([t, NONE]), NULL
    style = str(p.get("style") or ("form" if location in ("query", "cookie") else "simple"))
    return Param(
        name=py_name,
        wire_name=str(p.get("name")),
        location=location,
        type=t,
        declared=declared,
        default=default,
        required=required,
        # The parameter's own words, else its schema's: a `$ref`'s sibling description
        # before the target's.
        description=p.get("description") or sibling.get("description") or resolved.get("description"),
        style=style,
        explode=bool(p.get("explode", style == "form")),
        deprecated=bool(p.get("deprecated")),
        constraints=constraints(resolved),
    )


def _default(sibling: dict[str, Any], resolved: dict[str, Any], t: Any, schemas: Schemas) -> Default | None:
    """The spec's default, when a signature can show it: never a mutable one (None sends
    nothing, and the server applies the same default)."""
    source = schemas.default_source(sibling, resolved)
    if source is None:
        return None
    found = default_value(source["default"], t, schemas.enums)
    return None if found is None or found.is_factory else found
