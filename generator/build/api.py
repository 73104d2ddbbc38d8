"""The whole API: operations first (they decide which schemas are reached, and in which
order classes get their names), then models, enums and unions, servers and auth."""

from __future__ import annotations

import re
from typing import Any

from ..ir import NATIVE, TRIED, Alias, Api, walk
from ..problems import InputError, Problem, split_severity
from .document import Document
from .error_details import error_details
from .fields import finish_model
from .namespaces import children_first, namespace_tree
from .operations import collect, endpoint_names, models_in, operation, unique_iter_names
from .options import BuildOptions
from .responses import ERROR_CLASSES
from .schemas import Schemas
from .security import security_schemes
from .servers import servers
from .streams import with_twins
from .unions import dispatch_conflicts, recursive_native_aliases
from .webhooks import webhooks

_VERSION = re.compile(r"^\d+(\.\d+)*$")


def build(data: dict[str, Any], options: BuildOptions | None = None) -> Api:
    """Build the IR; raise InputError for what the generator cannot express.

    Two findings only the whole API shows make build go round again (rarely more than
    once; each round adds at least one name, so it ends): a struct two discriminators
    would tag differently carries neither tag, and a named union that holds itself
    (through a map, a list or another union) is decoded by the runtime, which can wait
    for its variants to exist."""
    options = options or BuildOptions()
    untaggable: frozenset[str] = frozenset()
    tried: frozenset[str] = frozenset()
    while True:
        api, conflicts, recursive = _build(data, options, untaggable, tried)
        if conflicts <= untaggable and recursive <= tried:
            return api
        untaggable |= conflicts
        tried |= recursive


def _build(
    data: dict[str, Any], options: BuildOptions, untaggable: frozenset[str], tried: frozenset[str]
) -> tuple[Api, frozenset[str], frozenset[str]]:
    doc = Document(data)
    schemas = Schemas(doc, untaggable, tried)
    located = collect(doc, options)
    if not located and not options.selection.everything:
        raise InputError(
            [
                Problem(
                    "/paths",
                    "no operation matches " + ", ".join(options.selection.wanted()),
                    hint="globs match operationIds (oauth2:*) or Python paths (oauth2.clients.*)",
                )
            ]
        )
    problems: list[Problem] = []
    security = security_schemes(doc, problems)
    operations = unique_iter_names(
        with_twins(
            [
                operation(schemas, op, endpoint, problems, security)
                for op, endpoint in zip(located, endpoint_names(located))
            ]
        )
    )
    # After the operations, so their classes keep the names they have without webhooks; a
    # subset of operations leaves webhooks out, as it leaves out other operations.
    hooks = webhooks(schemas) if options.selection.everything else None
    if not operations and not (hooks and hooks.events) and options.selection.everything:
        # Nothing reaches a schema (OpenAPI 3.1 allows a document of components only): the
        # package is the document's models, every component schema of them.
        for name in doc.schemas:
            schemas.component(name)
    problems += [w for w in schemas.warnings if w not in problems]
    errors, warnings = split_severity(problems)
    if errors:
        raise InputError(problems)
    sent = models_in(
        [op.body.type for op in operations if op.body is not None] + [p.type for op in operations for p in op.params],
        schemas,
    )
    received = models_in(
        [r.type for op in operations for r in op.success + op.errors if r.type]
        + [e.payload for e in (hooks.events if hooks else ())],
        schemas,
    )
    root = namespace_tree(operations, data.get("tags") or [])
    info = data.get("info") or {}
    version = str(info.get("version") or "")
    conflicts = frozenset(schemas.tag_conflicts | dispatch_conflicts(schemas))
    recursive = frozenset(recursive_native_aliases(schemas))
    api = Api(
        title=str(info.get("title") or "API"),
        version=version,
        description=info.get("description"),
        package=options.package,
        distribution=options.package.replace("_", "-"),
        package_version=version if _VERSION.match(version) else "0.0.0",
        servers=servers(doc),
        security=security,
        root=root,
        namespaces=children_first(root),
        operations=tuple(operations),
        enums=tuple(schemas.enums[n] for n in sorted(schemas.enums)),
        models=tuple(
            finish_model(schemas.models[n], sent, received, schemas.enums, schemas.file_parts.get(n))
            for n in sorted(schemas.models)
        ),
        aliases=tuple(_alias(schemas, n) for n in _alias_order(schemas)),
        error_classes=ERROR_CLASSES,
        error_details=error_details(operations),
        warnings=tuple(warnings),
        webhooks=hooks,
    )
    return api, conflicts, recursive


def _alias(schemas: Schemas, name: str) -> Alias:
    draft = schemas.aliases[name]
    return Alias(
        name=name,
        pointer=draft.pointer,
        type=draft.type,
        description=draft.description,
        strategy=TRIED if draft.untagged else NATIVE,
        dispatch=draft.dispatch,
    )


def _alias_order(schemas: Schemas) -> list[str]:
    """Aliases are runtime values: each comes after the aliases it names."""


    aliases = schemas.aliases
    done: list[str] = []
    visiting: set[str] = set()

    def visit(name: str) -> None:
        if name in done or name in visiting:
            return
        visiting.add(name)
        for node in walk(aliases[name].type):
            if node.kind == "alias" and node.name in aliases:
                visit(node.name)
        visiting.discard(name)
        done.append(name)

    for name in sorted(aliases):
        visit(name)
    return done
