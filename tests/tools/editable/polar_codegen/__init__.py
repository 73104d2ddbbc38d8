"""`polar_codegen` in a checkout's editable install (`make` does one).

Installed from a wheel, the package `polar_codegen` is the source folder generator/, renamed
by pyproject.toml's `sources`; an editable install cannot rename a folder, so its .pth puts
this folder on sys.path and this package reads its modules from generator/. The console
script (`polar_codegen.cli:main`) and `python -m polar_codegen` then run the checkout's code,
as `python -m generator` does. Never shipped in the wheel.
"""

from pathlib import Path

_SOURCE = Path(__file__).resolve().parents[4] / "generator"
__path__ = [str(_SOURCE)]
exec(compile((_SOURCE / "__init__.py").read_text("utf-8"), str(_SOURCE / "__init__.py"), "exec"))  # noqa: S102 - our own file
