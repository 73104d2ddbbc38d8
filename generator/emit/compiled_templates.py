"""The built-in templates compiled to Python modules ahead of time, as the wheel ships them.

Jinja parses and compiles every template on each run: about a tenth of a second, most of
the rendering of a small spec and a fifth of its whole run. The wheel's build
(tests/tools/wheel_hook.py) writes Jinja's compiled form of the built-in templates into
the installed package, where pip byte-compiles them like any module, and a run loads them
instead of parsing the sources. A compiled folder is used only when its stamp names the
Jinja version that runs and the digest of the template files beside it, so a template
edited after installation, or another Jinja, falls back to compiling the sources: the
compiled form can make a run faster, never change what it writes. A checkout has no
compiled folder; its runs compile from source (with Jinja's bytecode kept in the content
cache, see render.py).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..digests import digest_files, files_under

if TYPE_CHECKING:
    import jinja2

# Beside the package's modules, as `_templates` is in the wheel.
FOLDER = Path(__file__).resolve().parent.parent / "_compiled_templates"
STAMP = "STAMP"


def stamp(templates: Path) -> str:
    """What a compiled folder was made from: Jinja's version and the template files."""
    import jinja2

    return f"jinja2 {jinja2.__version__}\ntemplates {digest_files(templates, files_under(templates))}\n"


def compile_into(target: Path, env: jinja2.Environment, templates: Path) -> None:
    """Every template of `templates` compiled by `env` (the built-in templates' settings)
    into `target`, with its stamp written last: a folder cut short has none and is never
    used."""
    target.mkdir(parents=True, exist_ok=True)
    env.compile_templates(str(target), zip=None, ignore_errors=False, log_function=lambda _: None)
    (target / STAMP).write_text(stamp(templates), encoding="utf-8")


def loader(templates: Path, folder: Path | None = None) -> jinja2.BaseLoader | None:
    """A loader of the compiled built-in templates (in `folder`, else the installed ones),
    or None when there are none that match these template files and this Jinja."""
    folder = folder or FOLDER
    try:
        recorded = (folder / STAMP).read_text(encoding="utf-8")
    except OSError:
        return None
    if recorded != stamp(templates):
        return None
    import jinja2

    return jinja2.ModuleLoader(str(folder))
