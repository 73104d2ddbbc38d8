"""Security requirements name declared schemes: a requirement naming one the document does
not declare is a warning (the client cannot know what to send), and build ignores the name.
"""

from __future__ import annotations

from typing import Any

from ...problems import Problem, join_pointer, warning
from ..walk import Typed


def security(data: dict[str, Any], typed: list[Typed]) -> list[Problem]:
    """A warning for each name in a security requirement that no scheme declares."""
    components = data.get("components")
    schemes = components.get("securitySchemes") if isinstance(components, dict) else None
    declared = set(schemes) if isinstance(schemes, dict) else set()
    places = [("/security", data.get("security"))] + [
        (join_pointer(t.pointer, "security"), t.node.get("security"))
        for t in typed
        if t.kind == "operation" and isinstance(t.node, dict)
    ]
    problems: list[Problem] = []
    for pointer, requirements in places:
        for i, requirement in enumerate(requirements if isinstance(requirements, list) else []):
            for name in requirement if isinstance(requirement, dict) else {}:
                if name not in declared:
                    problems.append(
                        warning(
                            join_pointer(pointer, i, name),
                            f"security scheme {name!r} is not declared; ignored it",
                            hint="declare it under components/securitySchemes"
                            + (f" (declared: {', '.join(sorted(map(str, declared)))})" if declared else ""),
                        )
                    )
    return problems

