"""IR -> {relative path: text}: the template context (context.py) through the Jinja
templates. Makes no decisions."""

from __future__ import annotations

import functools
from pathlib import Path

from ..cache import cache_dir

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (mypy reads the name)
if TYPE_CHECKING:
    from collections.abc import Collection
    from typing import Any

    import jinja2

    from ..ir import Api

# (template, output path); `{package}` is the generated package's import name.
OUTPUTS = (
    ("pyproject.toml.jinja", "pyproject.toml"),
    ("README.md.jinja", "README.md"),
    ("package/__init__.py.jinja", "{package}/__init__.py"),
    ("package/_base.py.jinja", "{package}/_base.py"),
    ("package/_client.py.jinja", "{package}/_client.py"),
    ("package/_enum.py.jinja", "{package}/_enum.py"),
    ("package/_unions.py.jinja", "{package}/_unions.py"),
    ("package/_transfer.py.jinja", "{package}/_transfer.py"),
    ("package/_codec.py.jinja", "{package}/_codec.py"),
    ("package/_options.py.jinja", "{package}/_options.py"),
    ("package/_pages.py.jinja", "{package}/_pages.py"),
    ("package/_raw_response.py.jinja", "{package}/_raw_response.py"),
    ("package/_streaming.py.jinja", "{package}/_streaming.py"),
    ("package/_version.py.jinja", "{package}/_version.py"),
    ("package/errors.py.jinja", "{package}/errors.py"),
    ("package/models.py.jinja", "{package}/models.py"),
    ("package/py.typed.jinja", "{package}/py.typed"),
)
# Rendered only when the document declares webhooks.
WEBHOOK_OUTPUTS = (("package/webhooks.py.jinja", "{package}/webhooks.py"),)


def builtin_templates() -> Path:
    """The templates folder: shipped inside the wheel, or beside the source tree."""
    package = Path(__file__).resolve().parent.parent
    for candidate in (package / "_templates", package.parent / "templates"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("polar-codegen's templates are missing from this installation")


def environment(template_dirs: list[Path] | None = None) -> jinja2.Environment:
    """User template folders come first, so any template can be overridden one by one.
    One environment per set of folders in a process: Jinja keeps the templates it compiled
    (and reloads one whose file changed), so later runs in the same process skip that."""
    return _environment(tuple(template_dirs or ()), cache_dir())


@functools.cache
def _environment(template_dirs: tuple[Path, ...], cache: Path | None) -> jinja2.Environment:
    import jinja2  # here, not at the top: finding the templates must not pay for Jinja

    from . import compiled_templates

    builtin = builtin_templates()
    compiled = compiled_templates.loader(builtin)
    sources = [str(d) for d in template_dirs] + ([] if compiled else [str(builtin)])
    loader: jinja2.BaseLoader = jinja2.FileSystemLoader(sources)
    if compiled is not None:
        loader = jinja2.ChoiceLoader([loader, compiled])
    return jinja2.Environment(loader=loader, bytecode_cache=_bytecode_cache(cache), **settings())


def builtin_environment() -> jinja2.Environment:
    """The built-in templates alone, from source: what the wheel's build compiles."""
    import jinja2

    return jinja2.Environment(loader=jinja2.FileSystemLoader(str(builtin_templates())), **settings())


def settings() -> dict[str, Any]:
    """How every template is read: the same for templates compiled ahead of time."""
    import jinja2

    return {
        "undefined": jinja2.StrictUndefined,
        "autoescape": False,
        "keep_trailing_newline": True,
        "trim_blocks": True,
        "lstrip_blocks": True,
    }


def _bytecode_cache(cache: Path | None) -> jinja2.BytecodeCache | None:
    """Templates compiled from source keep their bytecode in the content cache, keyed by
    their text (and by this Jinja and this Python, which the folder and Jinja's own header
    name)."""
    import jinja2

    if cache is None:
        return None
    folder = cache / f"jinja2-{jinja2.__version__}"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return jinja2.FileSystemBytecodeCache(str(folder))


def outputs(api: Api) -> tuple[tuple[str, str], ...]:
    """(template, path) of each file of the package, in the order they are rendered."""
    chosen = OUTPUTS + (WEBHOOK_OUTPUTS if api.webhooks else ())
    return tuple((template, output.format(package=api.package)) for template, output in chosen)


def render(api: Api, template_dirs: list[Path] | None = None, paths: Collection[str] | None = None) -> dict[str, str]:
    """Every file's text; or, given `paths`, those files' alone (the views only the other
    files need are then never made)."""
    from .context import context

    env = environment(template_dirs)
    view = context(api)
    return {
        path: env.get_template(template).render(api=view)
        for template, path in outputs(api)
        if paths is None or path in paths
    }
