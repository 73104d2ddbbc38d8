"""operationIds a framework made rather than a person: what name they were made from.

FastAPI's default is `{function}{path}_{method}`, every non-word character of the path
written `_` (`list_products` on GET /v1/products -> `list_products_v1_products_get`); older
versions wrote only ASCII letters and digits. Recognised, the method is the function's name:
`client.products.list_products()`. placement.py keeps the full operationId where the short
name would land on another operation's method.
"""

from __future__ import annotations

import re


def fastapi_function_name(op_id: str, method: str, path: str) -> str | None:
    """The function name `op_id` is FastAPI's default operationId of, for this method and
    path; None when it is not one."""
    tail = "_" + method.lower()
    suffixes = dict.fromkeys(
        (re.sub(r"\W", "_", path) + tail, re.sub(r"[^0-9A-Za-z_]", "_", path) + tail)
    )
    for suffix in suffixes:
        name = op_id[: -len(suffix)]
        if op_id.endswith(suffix) and name.strip("_"):
            return name
    return None
