"""The spec as build reads it: `$ref`s followed (validate has vouched for them), and the
class names taken so far, so every new class gets a free one."""

from __future__ import annotations

from typing import Any

from .. import naming
from ..naming.placement import MODELS_MODULE_NAMES, component_class_names
from ..problems import split_pointer


class Document:
    def __init__(self, spec: dict[str, Any]) -> None:
        self.spec = spec
        self.schemas: dict[str, Any] = spec.get("components", {}).get("schemas", {}) or {}
        self.component_class = component_class_names(self.schemas)
        self.taken: set[str] = set(self.component_class.values()) | MODELS_MODULE_NAMES

    def resolve(self, node: Any, pointer: str) -> tuple[Any, str]:
        """Follow `$ref` chains to the node they name."""
        seen: set[str] = set()
        while isinstance(node, dict) and isinstance(node.get("$ref"), str):
            target = node["$ref"][1:]
            if target in seen:
                break
            seen.add(target)
            node, pointer = self.lookup(target), target
        return node, pointer

    def lookup(self, pointer: str) -> Any:
        node: Any = self.spec
        for token in split_pointer(pointer):
            node = node[int(token)] if isinstance(node, list) else node[token]
        return node

    def new_class(self, hint: str) -> str:
        """A class name made from `hint` that no other class has, now taken."""
        name = naming.dedupe([naming.class_name(hint)], self.taken, separator="")[0]
        self.taken.add(name)
        return name
