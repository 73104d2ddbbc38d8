"""generator/spec/schema_validators.py: openapi-schema-validator's classes without its
package's __init__ (and so without pydantic), and the same classes for a later real import."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT

PROGRAM = """
import sys
from generator.spec.schema_validators import oas_format_checker, oas_validator, oas31_dialect_id, registry
v30, v31 = oas_validator(True), oas_validator(False)
assert registry() is not None and oas31_dialect_id().startswith("https://spec.openapis.org/")
assert oas_format_checker(True).conforms("12", "int32")
print("pydantic" in sys.modules, "openapi_schema_validator" in sys.modules)
import openapi_schema_validator
print(openapi_schema_validator.OAS30Validator is v30, openapi_schema_validator.OAS31Validator is v31)
"""


def test_loads_no_pydantic_and_a_real_import_gets_the_same_classes() -> None:
    result = subprocess.run(
        [sys.executable, "-c", PROGRAM], cwd=ROOT, capture_output=True, text=True, check=True, timeout=120
    )
    assert result.stdout.split() == ["False", "False", "True", "True"]
