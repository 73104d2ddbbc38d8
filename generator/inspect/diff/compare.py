"""Two IRs -> every change from the old to the new, breaking changes first."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ...build import BuildOptions
from ...ir import Api
from ...spec.load import Document
from ..analyse import analyse
from .aliases import alias_changes
from .change import Change, breaking_first
from .context import comparison
from .enums import enum_changes
from .models import model_changes
from .operations import operation_changes
from .schemas import pair_schemas, schema_set_changes
from .servers import server_changes


def diff_apis(old: Api, new: Api) -> list[Change]:
    """Every change from `old` to `new`, breaking changes first."""
    pairs = pair_schemas(old, new)
    cx = comparison(old, new, pairs.renamed())
    changes = operation_changes(cx)
    for om, nm in pairs.models:
        changes += model_changes(cx, om, nm)
    for oe, ne in pairs.enums:
        changes += enum_changes(cx, oe, ne)
    for oa, na in pairs.aliases:
        changes += alias_changes(cx, oa, na)
    changes += schema_set_changes(pairs)
    changes += server_changes(old, new)
    return breaking_first(changes)


def diff_data(
    old: Any, new: Any, options: BuildOptions | None = None, *, check: bool = True
) -> list[Change]:
    """Changes between two spec documents given as data (validated unless `check=False`)."""
    opts = options or BuildOptions()
    before = analyse(Document(Path("old"), old), opts, check=check)
    after = analyse(Document(Path("new"), new), opts, check=check)
    return diff_apis(before, after)
