"""Bundling (`--allow-file-refs`): `$ref`s to files in the spec's own folder become
references inside the document.

The files are read with the same reader as the spec, within what is left of the size limit,
and what the references name becomes part of the document, so the rest of the pipeline only
ever sees `#/...` references. Each copy is mounted where it lands, so a problem in it names
the file and line it came from. Nothing is ever fetched, and nothing outside the spec's
folder is read, also through a symbolic link.
"""

from __future__ import annotations

import copy
import os
import re
from pathlib import Path
from typing import Any, NamedTuple

from ..problems import InputError, Problem, join_pointer, resolve_pointer, split_pointer
from .bundle_files import display, locate, relative_name
from .bundle_layout import (
    INLINED,
    described_by_file,
    description_text,
    description_warning,
    inlined_warning,
    warning_at,
    what,
)
from .document import Document, Mount
from .read import parse
from .walk import COMPONENT_KINDS, KIND_SECTIONS, Typed, typed_below, typed_nodes


def bundle(document: Document, budget: int, max_bytes: int) -> None:
    """Bring what `document`'s file references name into it, reading at most `budget` more
    bytes (`max_bytes` is the limit as the user set it, for the message); problems go to
    `document.problems`."""
    _Bundler(document, budget, max_bytes).run()


class _External(NamedTuple):
    document: Document | None  # None: the file could not be read (already reported)
    display: Path


class _Bundler:
    """Turns `$ref`s to files in the spec's folder into references inside the document.

    What a reference names is copied into `components/<section>/<name>` (a path item takes
    the reference's place), references inside the copy are bundled the same way, relative to
    the file the copy came from, and the copy is mounted so errors name that file.
    """

    def __init__(self, document: Document, budget: int, max_bytes: int) -> None:
        self.doc = document
        self.spec_dir = document.path.parent
        self.root = self.spec_dir.resolve()
        self.budget = budget
        self.max_bytes = max_bytes
        self.main = document.path.resolve()
        self.files: dict[Path, _External] = {}
        self.placed: dict[tuple[Path, str], str] = {}
        self.inlining: set[tuple[Path, str]] = set()
        self.done: set[int] = set()
        self.names: dict[str, set[str]] = {}

    def run(self) -> None:
        data = self.doc.data
        if not isinstance(data, dict):
            return
        components = data.get("components")
        if isinstance(components, dict):
            for section in COMPONENT_KINDS:
                entries = components.get(section)
                if isinstance(entries, dict):
                    self.names[section] = set(entries)
            # A component that is only a reference to a file keeps its name for what it names.
            for section, kind in COMPONENT_KINDS.items():
                entries = components.get(section)
                if not isinstance(entries, dict) or kind == "pathItem":
                    continue
                for name, node in list(entries.items()):
                    ref = node.get("$ref") if isinstance(node, dict) and len(node) == 1 else None
                    if isinstance(ref, str) and not ref.startswith("#"):
                        self._home(entries, section, name, node)
        self._descriptions()
        self._walk(list(typed_nodes(data)), self.main)

    def _home(self, entries: dict[str, Any], section: str, name: str, node: dict[str, Any]) -> None:
        self.done.add(id(node))
        pointer = join_pointer("/components", section, name)
        found = self._follow(node["$ref"], self.main, join_pointer(pointer, "$ref"))
        if found is None:
            return
        file, fragment, external, value = found
        if file == self.main:
            node["$ref"] = "#" + fragment
            return
        entries[name] = copy.deepcopy(value)
        self.placed[(file, fragment)] = pointer
        self._mount(pointer, external, fragment)
        self._walk(list(typed_below(entries[name], pointer, COMPONENT_KINDS[section])), file)

    def _walk(self, found: list[Typed], base: Path) -> None:
        for typed in found:
            node = typed.node
            if not isinstance(node, dict):
                continue
            if typed.kind == "schema" and isinstance(node.get("discriminator"), dict):
                self._mapping(node["discriminator"], typed.pointer, base)
            if not isinstance(node.get("$ref"), str) or id(node) in self.done:
                continue  # not a reference, or one node reached twice (a YAML alias)
            if node["$ref"].startswith("#") and base == self.main:
                continue
            self.done.add(id(node))
            self._rewrite(node, typed, base)

    def _mapping(self, discriminator: dict[str, Any], pointer: str, base: Path) -> None:
        """Discriminator mapping values that are references (not bare schema names)."""
        mapping = discriminator.get("mapping")
        if id(discriminator) in self.done or not isinstance(mapping, dict):
            return
        self.done.add(id(discriminator))
        for value, target in list(mapping.items()):
            if not isinstance(target, str) or not ("#" in target or "/" in target or "." in target):
                continue
            if target.startswith("#") and base == self.main:
                continue
            holder = {"$ref": target}
            at = join_pointer(pointer, "discriminator", "mapping", value)
            self._rewrite(holder, Typed(at, "schema", holder, True), base, at=at)
            mapping[value] = holder["$ref"]

    def _rewrite(
        self, node: dict[str, Any], typed: Typed, base: Path, at: str | None = None
    ) -> None:
        ref = node["$ref"]
        at = at or join_pointer(typed.pointer, "$ref")
        found = self._follow(ref, base, at)
        if found is None:
            return
        file, fragment, external, value = found
        if file == self.main:
            node["$ref"] = "#" + fragment
            return
        local = self.placed.get((file, fragment))
        if local is not None:
            node["$ref"] = "#" + local
            return
        section = KIND_SECTIONS.get(typed.kind)
        if typed.kind in INLINED:
            self._inline(node, typed, file, fragment, external, value)
        elif section is not None:
            node["$ref"] = "#" + self._place(section, typed.kind, file, fragment, external, value)
        else:
            self._problem(at, f"`$ref` {ref!r}: a {typed.kind} cannot be a reference")

    def _follow(self, ref: str, base: Path, at: str) -> tuple[Path, str, _External, Any] | None:
        target = self._target(ref, base, at)
        if target is None:
            return None
        file, fragment, external = target
        if external.document is None:
            self._problem(at, f"`$ref` {ref!r} names {external.display}, which could not be read")
            return None
        found, value = resolve_pointer(external.document.data, fragment)
        if not found:
            self._problem(at, f"`$ref` {ref!r} points at nothing in {external.display}")
            return None
        return file, fragment, external, value

    def _inline(
        self,
        node: dict[str, Any],
        typed: Typed,
        file: Path,
        fragment: str,
        external: _External,
        value: Any,
    ) -> None:
        """A path item (no components section in OpenAPI 3.0) or an operation (none at all)
        takes the reference's place."""
        key = (file, fragment)
        at = join_pointer(typed.pointer, "$ref")
        if key in self.inlining:
            self._problem(at, f"`$ref` {node['$ref']!r} leads back to itself")
            return
        if not isinstance(value, dict):
            self._problem(at, f"`$ref` {node['$ref']!r} names no {what(typed.kind).split()[-1]}")
            return
        message = inlined_warning(typed.kind, self._name(file, fragment, external))
        if message is not None:
            self.doc.problems.append(warning_at(at, message, self.doc.locate(at), self.doc.path))
        self.inlining.add(key)
        node.clear()
        node.update(copy.deepcopy(value))
        self.done.discard(id(node))
        self._mount(typed.pointer, external, fragment)
        self._walk(list(typed_below(node, typed.pointer, typed.kind)), file)
        self.inlining.discard(key)

    def _place(
        self, section: str, kind: str, file: Path, fragment: str, external: _External, value: Any
    ) -> str:
        tokens = split_pointer(fragment)
        name = _component_name(tokens[-1] if tokens else external.display.name.split(".")[0])
        taken = self.names.setdefault(section, set())
        unique, n = name, 1
        while unique in taken:
            n += 1
            unique = f"{name}{n}"
        taken.add(unique)
        data = self.doc.data
        components = data.get("components")
        if not isinstance(components, dict):
            components = data["components"] = {}
        entries = components.get(section)
        if not isinstance(entries, dict):
            entries = components[section] = {}
        pointer = join_pointer("/components", section, unique)
        entries[unique] = copy.deepcopy(value)
        self.placed[(file, fragment)] = pointer
        self._mount(pointer, external, fragment)
        self._walk(list(typed_below(entries[unique], pointer, kind)), file)
        return pointer

    def _mount(self, pointer: str, external: _External, fragment: str) -> None:
        assert external.document is not None
        at, inner = tuple(split_pointer(pointer)), tuple(split_pointer(fragment))
        self.doc.mounts.append(Mount(at, external.display, inner, external.document.positions))

    def _problem(self, pointer: str, message: str, hint: str | None = None) -> None:
        self.doc.problems.append(Problem(pointer, message, hint=hint))

    def _target(self, ref: str, base: Path, at: str) -> tuple[Path, str, _External] | None:
        """The file and JSON pointer a reference names, read; None when refused (reported)."""
        located = locate(ref, base, self.root, self.spec_dir, at)
        if isinstance(located, Problem):
            self.doc.problems.append(located)
            return None
        file, lexical, fragment = located
        if file != self.main and file not in self.files:
            self.files[file] = self._read_external(file, lexical, at, ref)
        if file == self.main:
            return file, fragment, _External(self.doc, self.doc.path)
        return file, fragment, self.files[file]

    def _name(self, file: Path, fragment: str, external: _External) -> str:
        """The file (and part) a reference named, relative to the spec's folder."""
        name = Path(os.path.relpath(external.display, self.spec_dir)).as_posix()
        return name + ("#" + fragment if fragment else "")

    def _descriptions(self) -> None:
        """Tag descriptions kept in text files (not OpenAPI): their text takes the `$ref`'s place."""
        for at, tag, ref in described_by_file(self.doc.data):
            located = locate(ref, self.main, self.root, self.spec_dir, join_pointer(at, "$ref"))
            if isinstance(located, Problem):
                self.doc.problems.append(located)
                continue
            if located.fragment or located.file == self.main:
                self._problem(
                    join_pointer(at, "$ref"),
                    f"`$ref` {ref!r}: a description is read from a whole Markdown or text file",
                    hint="refer to the file without `#...`",
                )
                continue
            shown = self._display(located.lexical)
            raw = self._read(located.file, shown, join_pointer(at, "$ref"), ref)
            text = None if raw is None else description_text(raw)
            if raw is not None and text is None:
                self._problem(
                    join_pointer(at, "$ref"), f"`$ref` {ref!r}: {shown} is not UTF-8 text"
                )
            if text is not None:
                message = description_warning(relative_name(located.lexical, self.root))
                self.doc.problems.append(
                    warning_at(at, message, self.doc.locate(at), self.doc.path)
                )
                tag["description"] = text

    def _display(self, lexical: Path) -> Path:
        return display(lexical, self.root, self.spec_dir)

    def _read(self, file: Path, display: Path, at: str, ref: str) -> bytes | None:
        """A file's bytes, counted against the size limit; None when refused (reported)."""
        try:
            with file.open("rb") as handle:
                raw = handle.read(self.budget + 1)
        except OSError as exc:
            self._problem(at, f"`$ref` {ref!r}: cannot read {display}: {exc.strerror or exc}")
            return None
        if len(raw) > self.budget:
            self._problem(
                at,
                f"`$ref` {ref!r}: with {display} the spec is over the limit of {self.max_bytes:,} bytes",
                hint="raise the limit with --max-spec-bytes if these files are trusted",
            )
            return None
        self.budget -= len(raw)
        self.doc.sources.append((str(display), raw))
        return raw

    def _read_external(self, file: Path, lexical: Path, at: str, ref: str) -> _External:
        display = self._display(lexical)
        raw = self._read(file, display, at, ref)
        if raw is None:
            return _External(None, display)
        try:
            document = parse(display, raw, defer=True)
        except InputError as exc:
            self.doc.problems.extend(_in_file(p, display) for p in exc.problems)
            return _External(None, display)
        self.doc.problems.extend(_in_file(p, display, document) for p in document.problems)
        return _External(document, display)


def _in_file(problem: Problem, display: Path, document: Document | None = None) -> Problem:
    position = problem.position
    if position is None and document is not None:
        position = document.positions.lookup(problem.pointer)
    return Problem(problem.pointer, problem.message, problem.hint, position, str(display))


def _component_name(text: str) -> str:
    name = re.sub(r"[^A-Za-z0-9._-]+", "_", text).strip("_")
    return name or "Bundled"
