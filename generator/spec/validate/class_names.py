"""Schema names that become one Python class: two component schemas whose names make the
same class name (as build names them) cannot both be generated.
"""

from __future__ import annotations

from typing import Any

from ...naming.placement import component_class_name
from ...problems import Problem, join_pointer


def class_names(data: dict[str, Any]) -> list[Problem]:
    """Component schemas whose class name another schema has already taken."""
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

