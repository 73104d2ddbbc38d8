"""Spec -> IR. Every naming and typing decision of the generated client is made in this
package, one module per family of decisions: schemas and enums (schemas.py, enums.py),
unions (unions.py), defaults (defaults.py), fields (fields.py), operations and parameters
(operations.py, parameters.py), bodies, responses and errors (bodies.py, responses.py),
pagination (pagination.py), security (security.py), webhooks (webhooks.py), servers and
namespaces.

Knows OpenAPI, not any particular spec: behaviour follows from the document alone.
"""

from __future__ import annotations

from .api import build
from .options import BuildOptions
from .typeops import make_union
from .unions import msgspec_union_problem

__all__ = ["BuildOptions", "build", "make_union", "msgspec_union_problem"]
