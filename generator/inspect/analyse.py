"""A spec, loaded and validated, as the IR both review and diff work from."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from ..build import BuildOptions, build
from ..ir import Api
from ..limits import DEFAULT_MAX_BYTES
from ..problems import InputError, split_severity
from ..spec.load import Document, load
from ..spec.validate import validate_cached


def analyse(document: Document, options: BuildOptions, *, check: bool = True) -> Api:
    """Validate and build a loaded spec; raise InputError (carrying the document) when bad.
    `check=False` skips validation, for data known to be valid (tests build many variants).
    The validator's warnings join build's on the Api."""
    problems = validate_cached(document, remember=False, selection=options.selection) if check else []
    # Warnings are recoverable: build works around them (an undeclared security scheme, ...).
    errors, warnings = split_severity(problems)
    if errors:
        raise InputError(problems, document)
    try:
        api = build(document.data, options)
    except InputError as exc:
        raise InputError(exc.problems, document) from None
    if not warnings:
        return api
    return dataclasses.replace(api, warnings=tuple(warnings) + tuple(w for w in api.warnings if w not in warnings))


def load_api(
    spec: Path, options: BuildOptions, max_bytes: int = DEFAULT_MAX_BYTES
) -> tuple[Document, Api]:
    """Load, validate and build the spec file at `spec`."""
    document = load(spec, max_bytes=max_bytes)
    return document, analyse(document, options)
