"""openapi-schema-validator's validator classes, imported without its package's __init__.

That __init__ also imports the package's `validate` shortcut, whose cache reads settings
through pydantic-settings: pydantic is most of the package's import time (a third of a
second on this machine, at every run, a small spec's generation included), for a
function the generator never calls. The modules it does use (`validators`, `_format`,
`_dialects`, `_specifications`) import nothing of that. So they are imported under a bare
package module that is taken out of `sys.modules` again at once: a later
`import openapi_schema_validator` (openapi-spec-validator's, in the fallback or in tests)
runs the real __init__, which finds those submodules loaded and binds the same classes.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
from types import ModuleType
from typing import Any

_PACKAGE = "openapi_schema_validator"


def _module(name: str) -> ModuleType:
    """`openapi_schema_validator.<name>`, its package's __init__ not run if it was not yet."""
    full = f"{_PACKAGE}.{name}"
    loaded = sys.modules.get(full)
    if loaded is not None:
        return loaded
    if _PACKAGE in sys.modules:
        return importlib.import_module(full)
    spec = importlib.util.find_spec(_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        return importlib.import_module(full)
    bare = ModuleType(_PACKAGE)
    bare.__path__ = list(spec.submodule_search_locations)
    bare.__spec__ = spec
    sys.modules[_PACKAGE] = bare
    try:
        return importlib.import_module(full)
    finally:
        if sys.modules.get(_PACKAGE) is bare:
            del sys.modules[_PACKAGE]


def oas_validator(v30: bool) -> Any:
    """OAS30Validator or OAS31Validator."""
    validators = _module("validators")
    return validators.OAS30Validator if v30 else validators.OAS31Validator


def oas_format_checker(v30: bool) -> Any:
    formats = _module("_format")
    return formats.oas30_format_checker if v30 else formats.oas31_format_checker


def oas31_dialect_id() -> str:
    """The OpenAPI 3.1 dialect's id, registered with jsonschema's `validator_for`."""
    _module("validators")
    return str(_module("_dialects").OAS31_BASE_DIALECT_ID)


def registry() -> Any:
    """The registry of the OpenAPI dialects' meta-schemas (the validators module registers
    the dialects with jsonschema when it loads)."""
    _module("validators")
    return _module("_specifications").REGISTRY
