"""`polar-codegen diff`: two versions of a spec -> the changes a client user sees, each
classified and explained at two levels: the HTTP contract and the generated Python API.

Works from the two IRs (what the generated client exposes: names, types, defaults,
constraints, enum members). Whether a schema is sent, received or both decides how a change
is judged (usage.py, judge.py, fits.py). One module per part of the API compared; nothing
is written. This package's namespace is what the CLI and the tests use.
"""

from __future__ import annotations

from .change import SEVERITIES, Change, counts, failed
from .compare import diff_apis, diff_data
from .constraints import constraint_changes
from .fits import fits, strip_none
from .load import load_side, read_spec
from .match import normalized_path
from .render import render_diff, to_data, to_json, to_markdown, to_text
from .usage import REQUEST, RESPONSE

__all__ = [
    "REQUEST",
    "RESPONSE",
    "SEVERITIES",
    "Change",
    "constraint_changes",
    "counts",
    "diff_apis",
    "diff_data",
    "failed",
    "fits",
    "load_side",
    "normalized_path",
    "read_spec",
    "render_diff",
    "strip_none",
    "to_data",
    "to_json",
    "to_markdown",
    "to_text",
]
