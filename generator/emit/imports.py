"""The import block of models.py and of _client.py: what the emitted source names, and
nothing more (no dead imports), sorted the way isort and ruff sort them."""

from __future__ import annotations

from collections.abc import Sequence

from ..ir import Api
from . import layout
from .pysource import FILE_INPUT, import_lines, import_sort_key, names_used
from .security_view import uses_credential_table

# What _client.py always takes from the runtime.
CLIENT_RUNTIME = (
    "AsyncAPIClient",
    "DEFAULT_MAX_RESPONSE_SIZE",
    "DEFAULT_MAX_RETRIES",
    "DEFAULT_TIMEOUT",
    "Endpoint",
    "SyncAPIClient",
)


def models_imports(api: Api, field_annotations: Sequence[str], alias_annotations: Sequence[str]) -> list[str]:
    """The annotations models.py writes, as written: a builtin that a member shadows is
    spelled `builtins.x` and needs that module; an alias may name `msgspec.UnsetType`."""
    aliases, enums, models = api.aliases, api.enums, api.models
    needed = names_used([f.type for m in models for f in m.fields] + [a.type for a in aliases]) - {"models"}
    if any("builtins." in a for a in field_annotations):
        needed.add("builtins")
    typing_extra = ["ClassVar", "Literal"] if any(m.tag for m in models) else []
    if aliases:
        typing_extra.append("TypeAlias")
    untagged = any(a.untagged for a in aliases)
    if untagged:
        typing_extra.append("TYPE_CHECKING")
    lines = import_lines(needed, typing_extra=typing_extra)
    if models or any("msgspec." in a for a in alias_annotations):
        # A blank line between the standard library's imports and msgspec, when there are any.
        lines += ["", "import msgspec"] if lines else ["import msgspec"]
    bases = sorted({"OpenIntEnum" if e.base == "int" else "OpenStrEnum" for e in enums})
    files = FILE_INPUT in needed
    if bases or untagged or files:
        lines.append("")
    if files:
        lines.append(f"from ._base import {FILE_INPUT}")
    if bases:
        lines.append(layout.from_import("._enum", bases))
    if untagged:
        lines.append("from ._unions import untagged_union")
    return lines


def client_imports(api: Api, signatures: Sequence[str], runtime: Sequence[str]) -> list[str]:
    """`signatures`: every method signature with its return annotation, as written;
    `runtime`: the names taken from `_base` (see runtime_names)."""
    operations = api.operations
    types = [p.type for o in operations for p in o.params]
    types += [o.body.type for o in operations if o.body]
    types += [r.type for o in operations for r in o.success + o.errors if r.type]
    needed = names_used(types)
    needed.add("Literal")
    if any("builtins." in sig for sig in signatures):
        needed.add("builtins")
    paginated = any(o.pagination for o in operations)
    uses_base_module = any(o.cookie_params or o.stream_flag for o in operations) or uses_credential_table(api)
    # `functools.cached_property` keeps each client's `with_raw_response` view; `sys`
    # tells where `Unpack` (of the per-call options) comes from.
    stdlib = sorted(import_lines(needed - {"models", "Any", "Literal"}) + ["import functools", "import sys"])
    typing_names = sorted((needed & {"Any", "Literal"}) | {"TYPE_CHECKING"}, key=import_sort_key)
    lines = stdlib + [
        "from collections.abc import " + ("AsyncIterator, Iterator, Mapping" if paginated else "Mapping"),
        layout.from_import("typing", typing_names),
        "",
    ]
    # `_raw_response` and `_streaming` make the twins of `with_raw_response` and
    # `with_streaming_response`, which every client has.
    local_modules = (["_base"] if uses_base_module else []) + (["_pages"] if paginated else [])
    local_modules += ["_raw_response", "_streaming"]
    local_modules += ["models"] if "models" in needed else []
    lines.append(layout.from_import(".", local_modules))
    files = [FILE_INPUT] if FILE_INPUT in needed else []
    lines.append(layout.from_import("._base", sorted([*runtime, *files], key=import_sort_key)))
    lines.append("from ._options import RequestOptions")
    return lines


def runtime_names(response_specs: Sequence[str]) -> tuple[str, ...]:
    """What _client.py imports from `_base`: the client classes and constants, and the
    response readers its endpoint tables name (`Json(...)`, `TEXT`, ...); the stream types
    where an operation returns events."""
    names = set(CLIENT_RUNTIME) | {spec.split("(")[0] for spec in response_specs}
    if "Events" in names:
        names |= {"AsyncStream", "Stream"}
    return tuple(sorted(names, key=import_sort_key))
