"""What a run was asked to generate, and the stamp a run with those options would have.

Its own module, apart from the pipeline, because `check` on an up-to-date folder needs
these two and nothing of the stages (`tests/test_uptodate.py` holds what it imports)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .limits import DEFAULT_MAX_BYTES
from .output import stamp

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (mypy reads the name)
if TYPE_CHECKING:
    from .spec.selection import Selection


@dataclass(frozen=True)
class Options:
    spec: Path
    package: str = "polar_oauth2"
    templates: tuple[Path, ...] = ()
    max_bytes: int = DEFAULT_MAX_BYTES
    include_operations: tuple[str, ...] = ()
    include_tags: tuple[str, ...] = ()
    # `$ref`s to files in the spec's folder are bundled into the document (never URLs).
    allow_file_refs: bool = False
    # Every warning is an error (--strict).
    strict: bool = False
    # Validate in a forked process, overlapping the other stages: what a one-off run (the
    # command line) gains from. A program generating many specs keeps the validator warm
    # in its own process instead (forked children would each load it anew).
    validate_in_background: bool = False

    def settings(self) -> stamp.Settings:
        """What of these options reaches the output, for the manifest's stamp."""
        return stamp.Settings(
            package=self.package,
            templates=self.templates,
            include_operations=self.include_operations,
            include_tags=self.include_tags,
            allow_file_refs=self.allow_file_refs,
            max_bytes=self.max_bytes,
            strict=self.strict,
        )

    def selection(self) -> Selection:
        """The operations to generate, as validate and build read them."""
        from .spec.selection import Selection

        return Selection(self.include_operations, self.include_tags)


def inputs_of(options: Options) -> Callable[[tuple[str, ...]], stamp.Inputs | None]:
    """The stamp a run with these options would have, given the files beside the spec that
    the last run read: what `uptodate.up_to_date` compares with the manifest."""
    return lambda sources: stamp.current(options.spec, sources, options.settings())
