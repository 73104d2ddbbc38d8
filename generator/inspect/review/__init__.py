"""`polar-codegen review`: the API as the generated client exposes it, for a reviewer who
never opens the spec.

IR -> a review model (views, make) with findings (checks) -> Markdown, text or JSON. Works
from the IR alone (the raw spec only for schema titles the IR does not keep); nothing is
formatted or written. This package's namespace is what the CLI and the tests use.
"""

from __future__ import annotations

from ..analyse import analyse, load_api
from ..source_text import field_default
from ..wording import Code, Message, cell, code, md_text, message
from .checks import FINDING_KINDS, findings, operation_pointer, python_name_changed
from .data import to_data, to_json
from .make import call_text, make_review, param_view
from .markdown import to_markdown
from .render import render_review
from .text import to_text
from .views import (
    AliasView,
    EnumView,
    FieldView,
    Finding,
    MemberView,
    ModelView,
    OperationView,
    ParamView,
    ResponseView,
    Review,
)

__all__ = [
    "FINDING_KINDS",
    "AliasView",
    "Code",
    "EnumView",
    "FieldView",
    "Finding",
    "MemberView",
    "Message",
    "ModelView",
    "OperationView",
    "ParamView",
    "ResponseView",
    "Review",
    "analyse",
    "call_text",
    "cell",
    "code",
    "field_default",
    "findings",
    "load_api",
    "make_review",
    "md_text",
    "message",
    "operation_pointer",
    "param_view",
    "python_name_changed",
    "render_review",
    "to_data",
    "to_json",
    "to_markdown",
    "to_text",
]
