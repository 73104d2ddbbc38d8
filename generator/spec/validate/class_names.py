"""Schema names that make one Python class (`nullTime` and `NullTime`): the later schema
is renamed by the rule build names classes with (naming/placement.py), and the warning says
to what.
"""

from __future__ import annotations

from typing import Any

from ...naming.placement import component_class_name, component_class_names
from ...problems import Problem, join_pointer, warning


def class_names(data: dict[str, Any]) -> list[Problem]:
    """A warning for each component schema whose class an earlier schema has taken."""
    components = data.get("components")
    schemas = components.get("schemas") if isinstance(components, dict) else None
    names = [str(name) for name in schemas] if isinstance(schemas, dict) else []
    classes = component_class_names(names)
    first: dict[str, str] = {}
    problems: list[Problem] = []
    for name in names:
        own = component_class_name(name)
        first.setdefault(own, name)
        if classes[name] != own:
            problems.append(
                warning(
                    join_pointer("/components/schemas", name),
                    f"schema {name!r} and schema {first[own]!r} both become class {own}; "
                    f"named this one {classes[name]}",
                    hint="rename one of them to choose the class names",
                )
            )
    return problems
