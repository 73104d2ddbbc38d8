"""`polar-codegen review`: the API as the generated client exposes it, and findings.

The Markdown review of spec/polar-oauth2.yaml is compared byte for byte with
tests/golden_review/polar-oauth2.md. After an intended change, rewrite it and review the diff:

    UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_review.py
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import SPEC, TESTS, run_cli

from generator.build import BuildOptions, build
from generator.cli import main
from generator.inspect.review import findings, make_review, to_markdown, to_text

GOLDEN = TESTS / "golden_review" / "polar-oauth2.md"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"


def review_output(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    assert main(["review", *args]) == 0
    captured = capsys.readouterr()
    assert captured.err == ""
    return captured.out


def test_markdown_golden(capsys: pytest.CaptureFixture[str]) -> None:
    text = review_output(capsys, "--spec", str(SPEC))
    if UPDATE:
        GOLDEN.parent.mkdir(exist_ok=True)
        GOLDEN.write_bytes(text.encode("utf-8"))
    assert text.encode("utf-8") == GOLDEN.read_bytes(), (
        "run with UPDATE_GOLDEN=1 and review the diff"
    )


def test_markdown_is_the_default_and_is_deterministic(capsys: pytest.CaptureFixture[str]) -> None:
    first = review_output(capsys, "--spec", str(SPEC), "--format", "markdown")
    assert review_output(capsys, "--spec", str(SPEC)) == first
    assert first.startswith("# API review: Polar API 0.1.0\n")
    assert (
        "### `client.oauth2.clients.list(*, page: int = 1, limit: int = 10) -> "
        "ListResourceOAuth2Client`" in first
    )


def test_webhooks_are_listed_with_their_event_type_and_payload(capsys: pytest.CaptureFixture[str]) -> None:
    spec = str(TESTS / "specs" / "webhooks.yaml")
    text = review_output(capsys, "--spec", spec, "--format", "text")
    assert text.endswith(
        "Webhooks (webhooks.unwrap() -> WebhookEvent):\n"
        '  order.created ("order.created"): OrderCreatedEvent\n'
        '  order.cancelled ("order.cancelled"): OrderCancelledEvent\n'
        '  customer.deleted ("customer.deleted"): CustomerDeletedPayload\n'
    )
    markdown = review_output(capsys, "--spec", spec)
    assert '| `order.cancelled` | `"order.cancelled"` | `OrderCancelledEvent` | An order was cancelled |' in markdown


def test_json_shape(capsys: pytest.CaptureFixture[str]) -> None:
    data = json.loads(review_output(capsys, "--spec", str(SPEC), "--format", "json"))
    assert set(data) == {"api", "operations", "models", "enums", "aliases", "findings", "webhooks"}
    assert data["webhooks"]["union"] == "WebhookEvent"
    assert [(w["name"], w["payload"]) for w in data["webhooks"]["events"]] == [
        ("member.created", "WebhookMemberCreatedPayload"),
        ("member.updated", "WebhookMemberUpdatedPayload"),
        ("member.deleted", "WebhookMemberDeletedPayload"),
    ]
    assert data["api"] == {
        "title": "Polar API",
        "version": "0.1.0",
        "security": [
            {
                "name": "access_token",
                "kind": "bearer",
                "in": None,
                "param_name": None,
                "keyword": "access_token",
                "description": "You can generate an Organization Access Token from your organization's settings.",
            }
        ],
    }
    by_python = {op["python"]: op for op in data["operations"]}
    assert list(by_python) == ["oauth2.authorize", "oauth2.clients.list"]
    listing = by_python["oauth2.clients.list"]
    assert {"operation_id", "method", "path", "python", "params", "returns", "errors"} <= set(
        listing
    )
    assert (listing["operation_id"], listing["method"], listing["path"]) == (
        "oauth2:clients:list",
        "GET",
        "/v1/oauth2/",
    )
    assert listing["call"] == (
        "client.oauth2.clients.list(*, page: int = 1, limit: int = 10) -> ListResourceOAuth2Client"
    )
    assert listing["returns"] == "ListResourceOAuth2Client"
    assert listing["auth"] == ["access_token"]
    assert listing["params"] == [
        {
            "name": "page",
            "wire_name": "page",
            "in": "query",
            "type": "int",
            "required": False,
            "default": "1",
            "constraints": {"exclusiveMinimum": "0"},
            "description": "Page number, defaults to 1.",
            "deprecated": False,
        },
        {
            "name": "limit",
            "wire_name": "limit",
            "in": "query",
            "type": "int",
            "required": False,
            "default": "10",
            "constraints": {"maximum": "100", "exclusiveMinimum": "0"},
            "description": "Size of a page, defaults to 10. Maximum is 100.",
            "deprecated": False,
        },
    ]
    assert listing["errors"] == [
        {
            "status": "422",
            "class": "UnprocessableEntityError",
            "type": "HTTPValidationError",
            "description": "Validation Error",
        }
    ]
    assert (
        listing["pages"]
        == "client.oauth2.clients.iter(*, limit: int = 10) -> Iterator[OAuth2Client]"
    )
    assert listing["page_style"] == "page number"
    models = {m["name"]: m for m in data["models"]}
    client = {f["name"]: f for f in models["OAuth2Client"]["fields"]}
    assert client["client_uri"] == {
        "name": "client_uri",
        "wire_name": "client_uri",
        "type": "str | msgspec.UnsetType | None",
        "required": False,
        "nullable": True,
        "default": "UNSET",
        "constraints": {},
        "description": None,
        "deprecated": False,
    }
    assert client["grant_types"]["default"] == (
        "[OAuth2ClientGrantTypesItem.AUTHORIZATION_CODE, OAuth2ClientGrantTypesItem.REFRESH_TOKEN]"
    )
    assert (
        client["redirect_uris"]["required"] is True and client["redirect_uris"]["default"] is None
    )
    assert models["AuthorizeResponseUser"]["tag"] == 'sub_type = "user"'
    enums = {e["name"]: e for e in data["enums"]}
    assert enums["Scope"]["members"][3] == {
        "name": "USER_READ",
        "value": "user:read",
        "description": None,
    }
    assert all(set(f) == {"kind", "subject", "pointer", "message"} for f in data["findings"])
    assert [f["kind"] for f in data["findings"]] == [
        "undocumented-operation",
        "undocumented-errors",
        "untitled-inline-schema",
        "enum-without-descriptions",
        "enum-without-descriptions",
        "enum-without-descriptions",
        "enum-without-descriptions",
    ]


def test_text_format(capsys: pytest.CaptureFixture[str]) -> None:
    text = review_output(capsys, "--spec", str(SPEC), "--format", "text")
    assert text.splitlines()[:2] == [
        "Polar API 0.1.0",
        "2 operation(s), 14 model(s), 4 enum(s), 1 alias(es); 7 finding(s)",
    ]
    assert (
        "    client.oauth2.clients.list(*, page: int = 1, limit: int = 10) -> ListResourceOAuth2Client"
        in text
    )
    assert "    !! HTTP 422: raises UnprocessableEntityError (.detail: HTTPValidationError)" in text


def test_include_operations(capsys: pytest.CaptureFixture[str]) -> None:
    data = json.loads(
        review_output(
            capsys,
            "--spec",
            str(SPEC),
            "--format",
            "json",
            "--include-operations",
            "oauth2.clients.*",
        )
    )
    assert [op["python"] for op in data["operations"]] == ["oauth2.clients.list"]
    assert "AuthorizeUser" not in {m["name"] for m in data["models"]}


# -- findings ----------------------------------------------------------------------------------

SMELLY: dict[str, Any] = {
    "openapi": "3.1.0",
    "info": {"title": "Smelly <API> | test", "version": "2"},
    "paths": {
        "/things/{thing-id}": {
            "get": {
                "operationId": "things:get",
                "summary": "Get a *thing*",
                "parameters": [
                    {
                        "name": "thing-id",
                        "in": "path",
                        "required": True,
                        "schema": {"type": "string"},
                    },
                    {"name": "filter", "in": "query", "schema": {}},
                ],
                "responses": {
                    "200": {
                        "description": "ok",
                        "content": {
                            "application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}
                        },
                    },
                    "404": {"description": "not found"},
                },
            }
        },
        "/things/import": {
            "post": {
                "operationId": "things:import",
                "description": "Import things | `all` of them.",
                "requestBody": {
                    "content": {
                        "application/json": {
                            "schema": {
                                "type": "object",
                                "properties": {"payload": {"type": "string"}},
                            }
                        }
                    }
                },
                "responses": {
                    "204": {"description": "done"},
                    "409": {
                        "description": "conflict",
                        "content": {
                            "application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}
                        },
                    },
                },
            }
        },
    },
    "components": {
        "schemas": {
            "Thing": {
                "type": "object",
                "description": "A thing with <b>markup</b>.",
                "required": ["class"],
                "properties": {
                    "class": {"type": "string"},
                    "createdAt": {"type": "string"},
                    "extra": {"description": "anything at all"},
                    "kind": {"type": "string", "enum": ["a", "b"]},
                    "mood": {"$ref": "#/components/schemas/Mood"},
                },
            },
            "Mood": {
                "type": "string",
                "description": "How it feels.",
                "enum": ["ok", "1", ""],
                "x-enum-descriptions": {"ok": "Fine."},
            },
        }
    },
}


def smelly_findings() -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for f in findings(build(SMELLY, BuildOptions()), SMELLY):
        out.setdefault(f.kind, []).append(f.message)
    return out


def test_findings_cover_what_a_reviewer_should_see() -> None:
    found = smelly_findings()
    assert found["undocumented-operation"] == [
        (
            "`GET /things/{thing-id}` (`client.things.get()`) has no description; its summary is "
            "`Get a *thing*`"
        )
    ]
    assert found["undocumented-errors"] == [
        (
            "`GET /things/{thing-id}` (`client.things.get()`): HTTP 404 (`NotFoundError`) has no JSON "
            "schema, so its `.detail` is not decoded"
        )
    ]
    assert found["untitled-inline-schema"] == [
        (
            "inline schema `#/components/schemas/Thing/properties/kind` has no title; its class "
            "`ThingKind` is named after where it stands (a title documents it; a component schema "
            "gives it a stable name)"
        ),
        (
            "inline schema `#/paths/~1things~1import/post/requestBody/content/application~1json/schema` "
            "has no title; its class `ThingsImportBody` is named after where it stands (a title "
            "documents it; a component schema gives it a stable name)"
        ),
    ]
    assert found["enum-without-descriptions"] == [
        "enum `Mood` leaves 2 of its 3 values undescribed (x-enum-descriptions)",
        "enum `ThingKind` has no description and describes none of its 2 values (x-enum-descriptions)",
    ]
    assert found["untyped"] == [
        "argument `filter` of `client.things.get()` is untyped: `Any`",
        "field `Thing.extra` is untyped: `Any`",
    ]
    assert found["renamed"] == [
        "path parameter `thing-id` is the argument `thing_id` of `client.things.get()`",
        (
            "`client.things.import_()`: `import_` took a trailing `_` (a Python keyword, or a name the "
            "client already uses)"
        ),
        "property `class` of `Thing` is the field `class_`",
        'enum value `"1"` of `Mood` is the member `VALUE_1`',
        'enum value `""` of `Mood` is the member `EMPTY`',
    ]
    # camelCase -> snake_case is the naming rule, not a forced change.
    assert not any("createdAt" in m for m in found["renamed"])


def test_markdown_escapes_spec_text() -> None:
    text = to_markdown(make_review(build(SMELLY, BuildOptions()), SMELLY))
    assert text.startswith("# API review: Smelly \\<API\\> \\| test 2\n")
    assert "A thing with \\<b\\>markup\\</b\\>." in text
    assert "**Get a \\*thing\\***" in text
    assert "Import things \\| \\`all\\` of them." in text
    # Union annotations inside table cells keep the table intact.
    assert "| `extra` | `Any` | no | no | `None` |  | anything at all |" in text
    # Each findings row has exactly its four cell borders outside escaped pipes.
    start = text.index("## Findings")
    rows = [
        line
        for line in text[start : text.index("## Operations")].splitlines()
        if line.startswith("| ")
    ]
    assert rows and all(line.replace("\\|", "").count("|") == 4 for line in rows)


def test_text_has_no_markdown_escapes() -> None:
    text = to_text(make_review(build(SMELLY, BuildOptions()), SMELLY))
    assert text.splitlines()[0] == "Smelly <API> | test 2"


def test_review_names_types_as_the_user_imports_them() -> None:
    """Model classes by their own names, builtins plain, strings untouched."""
    from generator.inspect import source_text as src
    from generator.ir import NONE, TypeRef

    assert src.type_text(TypeRef("union", args=(TypeRef("model", "A"), TypeRef("builtin", "str"), NONE))) == (
        "A | str | None"
    )
    assert src.type_text(TypeRef("literal", values=("models.x",))) == 'Literal["models.x"]'



# -- the command line ------------------------------------------------------------------------------


def test_review_writes_nothing(tmp_path: Path) -> None:
    spec = tmp_path / "api.yaml"
    spec.write_text(yaml.safe_dump(SMELLY))
    cache = tmp_path / "cache"
    before = sorted(tmp_path.rglob("*"))
    result = run_cli_env(tmp_path, cache, "review", "--spec", "api.yaml", "--format", "text")
    assert result.returncode == 0, result.stderr
    assert sorted(tmp_path.rglob("*")) == before
    assert not cache.exists()


def run_cli_env(cwd: Path, cache: Path, *args: str) -> Any:
    import subprocess
    import sys

    return subprocess.run(
        [sys.executable, "-m", "generator", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**os.environ, "POLAR_CODEGEN_CACHE_DIR": str(cache), "PYTHONPATH": str(TESTS.parent)},
    )


def test_bad_spec_exits_2_with_problem_lines(tmp_path: Path) -> None:
    spec = tmp_path / "api.yaml"
    spec.write_text(
        "openapi: 3.1.0\ninfo: {title: T, version: '1'}\npaths:\n  /a:\n    get:\n      responses: {}\n      responses: {}\n"
    )
    result = run_cli("review", "--spec", str(spec))
    assert result.returncode == 2
    lines = result.stderr.splitlines()
    assert lines[0].startswith(f"{spec}:7:7: #/paths/~1a/get/responses: ")
    assert "duplicate key" in lines[0]
    assert lines[-1].endswith("problem.") or lines[-1].endswith("problems.")
    assert result.stdout == ""


def test_security_schemes_and_what_each_operation_accepts(capsys: pytest.CaptureFixture[str]) -> None:
    spec = TESTS / "specs" / "security.yaml"
    assert main(["review", "--spec", str(spec), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    schemes = {s["name"]: s for s in data["api"]["security"]}
    assert list(schemes) == [
        "ApiKeyHeader", "ApiKeyQuery", "SessionCookie", "Basic", "Token", "oauth", "oidc", "Mtls", "Digest",
        "timeout",
    ]  # fmt: skip
    assert schemes["ApiKeyQuery"] == {
        "name": "ApiKeyQuery",
        "kind": "apiKey",
        "in": "query",
        "param_name": "api_key",
        "keyword": "api_key_query",
        "description": None,
    }
    assert [(s["kind"], s["keyword"]) for s in schemes.values()] == [
        ("apiKey", "api_key_header"), ("apiKey", "api_key_query"), ("apiKey", "session_cookie"),
        ("basic", "basic"), ("bearer", "token"), ("oauth2", "oauth"), ("openIdConnect", "oidc"),
        ("unsupported", None), ("unsupported", None), ("apiKey", "timeout_2"),
    ]  # fmt: skip
    auth = {op["operation_id"]: op["auth"] for op in data["operations"]}
    assert auth["inherited"] == ["ApiKeyHeader"]
    assert auth["public"] == []
    assert auth["optional"] == ["Token"]
    assert auth["mixed"] == ["Basic", "SessionCookie", "Token"]
    assert auth["unsupported"] == ["Mtls", "Token"]
    assert auth["undeclared"] == ["Token"]
    assert main(["review", "--spec", str(spec)]) == 0
    markdown = capsys.readouterr().out
    assert "auth `Basic` + `SessionCookie` or `Token`" in markdown
    assert "auth none or `Token`" in markdown
    assert "no authentication" in markdown
