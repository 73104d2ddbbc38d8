"""The document as a whole: a mapping, OpenAPI 3.0 or 3.1 (not Swagger), with `info` and
`paths` (in 3.1, or `webhooks` or `components`). Checked first, because a document that fails the first of these cannot be checked
any further.
"""

from __future__ import annotations

import re
from typing import Any

from ...problems import Problem


def document_shape(data: Any) -> tuple[list[Problem], bool]:
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
    # OpenAPI 3.1 makes `paths` optional beside `webhooks` or `components`: a document of
    # webhooks, or of schemas only, still gives a package (its models, its webhooks).
    if "paths" not in data and (is_30(data) or not ({"webhooks", "components"} & data.keys())):
        wanted = "`paths`" if is_30(data) else "`paths` (or `webhooks`, or `components`)"
        problems.append(Problem("", f"missing {wanted}: there is nothing to generate"))
    return problems, False


def is_30(data: dict[str, Any]) -> bool:
    return str(data.get("openapi", "")).startswith("3.0")

