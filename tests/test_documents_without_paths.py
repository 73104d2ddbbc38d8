"""OpenAPI 3.1 makes `paths` optional: a document of webhooks, or of components only, is
valid, and its package is what it declares (the webhooks' decoders, the schemas' models).
OpenAPI 3.0 requires `paths`; a 3.1 document with none of the three declares nothing."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from conftest import generate_in_process, run_cli

PET = """\
    Pet:
      type: object
      required: [id]
      properties:
        id: {type: integer}
        name: {type: string}
"""


def _checked(out: Path, code: str) -> str:
    """What `code` prints, run against the generated package in a new interpreter."""
    command = [sys.executable, "-c", textwrap.dedent(code)]
    ran = subprocess.run(command, cwd=out, capture_output=True, text=True, timeout=60, check=False)
    assert ran.returncode == 0, ran.stderr
    return ran.stdout.strip()


def test_a_document_of_webhooks_only_gives_their_decoders(tmp_path: Path) -> None:
    spec = tmp_path / "hooks.yaml"
    spec.write_text(
        """\
openapi: 3.1.0
info: {title: Hooks, version: "1"}
webhooks:
  newPet:
    post:
      requestBody:
        content:
          application/json:
            schema: {$ref: "#/components/schemas/Pet"}
      responses:
        "200": {description: ok}
components:
  schemas:
"""
        + PET
        + """\
    Unused: {type: object, properties: {x: {type: string}}}
""",
        encoding="utf-8",
    )
    generate_in_process(spec, tmp_path / "out", "hooks")
    printed = _checked(
        tmp_path / "out",
        """
        from hooks import models
        from hooks.webhooks import parse_event
        print(parse_event(b'{"id": 7, "name": "Rex"}') == models.Pet(id=7, name="Rex"), hasattr(models, "Unused"))
        """,
    )
    # What the webhooks reach is generated, as for a document with operations.
    assert printed == "True False"


def test_a_document_of_components_only_gives_every_schema_a_model(tmp_path: Path) -> None:
    spec = tmp_path / "schemas.yaml"
    spec.write_text(
        """\
openapi: 3.1.0
info: {title: Schemas, version: "1"}
components:
  schemas:
"""
        + PET
        + """\
    Kind: {type: string, enum: [cat, dog]}
    Owner:
      type: object
      properties:
        pets: {type: array, items: {$ref: "#/components/schemas/Pet"}}
        kind: {$ref: "#/components/schemas/Kind"}
""",
        encoding="utf-8",
    )
    generate_in_process(spec, tmp_path / "out", "schemas")
    printed = _checked(
        tmp_path / "out",
        """
        import msgspec
        from schemas import Client, models
        owner = msgspec.json.decode(b'{"pets": [{"id": 1}], "kind": "dog"}', type=models.Owner)
        print(owner.pets[0].id, owner.kind is models.Kind.DOG, callable(Client))
        """,
    )
    assert printed == "1 True True"


@pytest.mark.parametrize(
    ("version", "message"),
    [
        ("3.1.0", "missing `paths` (or `webhooks`, or `components`): there is nothing to generate"),
        ("3.0.3", "missing `paths`: there is nothing to generate"),
    ],
)
def test_a_document_that_declares_nothing_is_refused(tmp_path: Path, version: str, message: str) -> None:
    spec = tmp_path / "api.yaml"
    components = "components:\n  schemas:\n" + PET if version.startswith("3.0") else ""
    spec.write_text(f'openapi: {version}\ninfo: {{title: T, version: "1"}}\n{components}', encoding="utf-8")
    result = run_cli("generate", "--spec", str(spec), "--out", str(tmp_path / "out"))
    assert result.returncode == 2
    assert result.stderr.splitlines() == [f"{spec}:1:1: #: {message}", "1 problem; nothing was written."]
    assert not (tmp_path / "out").exists()
