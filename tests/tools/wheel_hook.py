"""The wheel's build step: the built-in templates compiled to Python modules ahead of time
(generator/emit/compiled_templates.py), so an installed generator skips Jinja's parsing on
every run. Not for editable installs: a checkout compiles its templates from source, so an
edited template counts at once."""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class CompileTemplates(BuildHookInterface):  # type: ignore[type-arg]
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel" or version == "editable":
            return
        sys.path.insert(0, self.root)
        try:
            from generator.emit import compiled_templates, render
        finally:
            sys.path.remove(self.root)
        self._folder = Path(tempfile.mkdtemp(prefix="polar-codegen-compiled-"))
        compiled_templates.compile_into(self._folder, render.builtin_environment(), render.builtin_templates())
        build_data["force_include"][str(self._folder)] = "polar_codegen/_compiled_templates"

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        folder = getattr(self, "_folder", None)
        if folder is not None:
            shutil.rmtree(folder, ignore_errors=True)
