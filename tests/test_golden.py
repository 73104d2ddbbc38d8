"""Feature specs and their golden output, byte for byte, plus what the output does.

Each `tests/specs/<stem>.yaml` is a small hand-written spec of one feature area. It is
generated as package `feat_<stem>` and the whole output tree must equal
`tests/golden/<stem>/` exactly: every file, none missing, none extra. The manifest is the
one exception: it stamps a hash of the generator's own source, which changes with any edit
to the generator, so it is checked for what it says about the files instead (and byte for
byte in generated/, see test_generate.py).

After an intended change to the generator, rewrite the goldens and review the diff:

    UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_golden.py    (or `make golden`)

The behavioural tests below import the generated packages and decode, encode and call
them, so a golden that is byte-stable but wrong still fails here. Tests marked
`xfail(strict=True)` pin known generator bugs: they start failing (XPASS) once the bug is
fixed, as a reminder to drop the mark.
"""

from __future__ import annotations

import builtins
import datetime
import difflib
import hashlib
import inspect
import json
import os
import shutil
import subprocess
import sys
import typing
import uuid
from collections.abc import Callable
from pathlib import Path
from types import GenericAlias, ModuleType
from typing import Any

import httpx
import msgspec
import pytest
from conftest import TESTS, generate_in_process, tree

SPECS_DIR = TESTS / "specs"
GOLDEN_DIR = TESTS / "golden"
SPECS = sorted(SPECS_DIR.glob("*.yaml"))
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"
# Caches that tools leave beside the files they check; never part of the output.
TOOL_CACHES = frozenset({".mypy_cache", ".ruff_cache", ".pytest_cache", "__pycache__"})
MANIFEST = ".polar-codegen-manifest.json"

ImportGenerated = Callable[[Path, str], ModuleType]


def package_name(stem: str) -> str:
    return f"feat_{stem}"


def output_tree(folder: Path) -> dict[str, bytes]:
    return {
        path: data
        for path, data in tree(folder).items()
        if not TOOL_CACHES.intersection(Path(path).parts) and path != MANIFEST
    }


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Every feature spec generated once per module: stem -> output folder."""
    root = tmp_path_factory.mktemp("feature-specs")
    out: dict[str, Path] = {}
    for spec in SPECS:
        out[spec.stem] = root / spec.stem
        generate_in_process(spec, out[spec.stem], package_name(spec.stem))
    return out


def test_the_corpus_is_there() -> None:
    assert {s.stem for s in SPECS} >= {"enums", "nullables", "unions", "defaults", "names"}


# -- golden files ---------------------------------------------------------------------------


def _diff(path: str, expected: bytes, actual: bytes) -> str:
    lines = difflib.unified_diff(
        expected.decode("utf-8", "replace").splitlines(keepends=True),
        actual.decode("utf-8", "replace").splitlines(keepends=True),
        fromfile=f"golden/{path}",
        tofile=f"generated/{path}",
    )
    return "".join(lines)


@pytest.mark.parametrize("spec", SPECS, ids=lambda p: p.stem)
def test_golden(spec: Path, generated: dict[str, Path]) -> None:
    actual = output_tree(generated[spec.stem])
    golden = GOLDEN_DIR / spec.stem
    if UPDATE:
        if golden.exists():
            shutil.rmtree(golden)
        for path, data in actual.items():
            target = golden / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        return
    assert golden.is_dir(), f"no golden output for {spec.name}; run with UPDATE_GOLDEN=1"
    expected = output_tree(golden)
    missing = sorted(set(expected) - set(actual))
    extra = sorted(set(actual) - set(expected))
    assert not missing, f"golden files no longer generated: {missing}"
    assert not extra, f"generated files with no golden: {extra}"
    diffs = [_diff(p, expected[p], actual[p]) for p in sorted(actual) if actual[p] != expected[p]]
    assert not diffs, "output differs from the golden files:\n" + "\n".join(diffs)
    manifest = json.loads((generated[spec.stem] / MANIFEST).read_bytes())
    assert manifest["files"] == {path: hashlib.sha256(data).hexdigest() for path, data in expected.items()}
    assert set(manifest["inputs"]) == {"stamp", "sources"} and len(manifest["inputs"]["stamp"]) == 64


def test_no_stale_golden_folders() -> None:
    stems = {s.stem for s in SPECS}
    stale = sorted(p for p in GOLDEN_DIR.iterdir() if p.is_dir() and p.name not in stems)
    if UPDATE:
        for folder in stale:
            shutil.rmtree(folder)
        return
    assert not stale, f"golden folders with no spec: {[p.name for p in stale]}"


# -- the golden packages pass mypy --strict and ruff ------------------------------------------

def _golden_packages() -> list[Path]:
    return [GOLDEN_DIR / s.stem / package_name(s.stem) for s in SPECS]


def test_golden_packages_pass_mypy_strict() -> None:
    packages = _golden_packages()
    assert all(p.is_dir() for p in packages), "golden output missing; run with UPDATE_GOLDEN=1"
    # One run over every package, for the oldest Python the generated pyproject allows.
    result = subprocess.run(
        [
            sys.executable, "-m", "mypy", "--strict", "--python-version", "3.10",
            *map(str, packages),
        ],
        cwd=TESTS.parent,
        check=False,
        capture_output=True,
        text=True,
        timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("spec", SPECS, ids=lambda p: p.stem)
def test_golden_package_passes_ruff(spec: Path) -> None:
    folder = GOLDEN_DIR / spec.stem
    assert folder.is_dir(), "golden output missing; run with UPDATE_GOLDEN=1"
    # From inside the folder, so ruff reads the generated pyproject.toml, not ours.
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--no-cache", "."],
        cwd=folder,
        check=False,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stdout + result.stderr


# -- behaviour: samples decode, and encode back to the same JSON -----------------------------

UUID1 = "6f0b6c1e-3f5c-4bb6-9a4e-2f8f7d1a0c01"
UUID2 = "0d6e9a52-97f1-4c39-8f3a-5b2a7c6d9e02"
IMAGE = {"url": "https://cdn.example.com/a.png", "width": 64, "height": 48}
CARD = {"type": "card", "id": "pm_1", "brand": "visa", "last4": "4242"}
BANK = {"type": "bank_transfer", "id": "pm_2", "iban": "DE89370400440532013000"}
WALLET = {"type": "wallet", "id": "pm_3", "provider": "apple_pay"}
ATTACHMENT = {"url": "https://files.example.com/1", "size": 1024}
ODD_NAMES = {
    "class": "memo",
    "from": "ada@example.com",
    "import": True,
    "list": ["a", "b"],
    "type": "task",
    "str": "text",
    "content-type": "text/plain",
    "x.y": 3,
    "display name": "Ada L.",
    "createdAt": "2024-05-01T12:30:00Z",
    "2fa_enabled": True,
    "é": "accent",
    "名前": "なまえ",
    "msgspec": "not the module",
    "datetime": "2024-05-01",
    "_links": {"self": "https://records.example.com/1"},
}
RECORD_CREATE = {
    **ODD_NAMES,
    "location": [48.8566, 2.3522],
    "attachments": {"cover": ATTACHMENT},
    "due": "2024-06-30",
}
RECORD = {
    **RECORD_CREATE,
    "id": UUID1,
    "owner": ATTACHMENT,
    "homepage": "https://example.com/",
    "checksum": "3q2+7w==",
    "thumbnail": "iVBORw0K",
    "self": "https://records.example.com/1",
}
PROFILE = {
    "id": UUID1,
    "display_name": "Ada",
    "bio": None,
    "avatar": IMAGE,
    "banner": None,
    "tags": None,
    "aliases": ["ada", None],
    "nickname": None,
    "website": "https://ada.example.com",
    "manager_id": UUID2,
    "created_at": "2024-01-02T03:04:05Z",
    "deleted_at": "2024-02-03T04:05:06Z",
    "max_sessions": None,
    "score": 9.5,
    "links": {"blog": "https://blog.example.com"},
}
PRODUCT = {
    "id": UUID1,
    "organization_id": UUID2,
    "name": "Pro plan",
    "quantity": 3,
    "tax_rate": 0.07,
    "weight": 2.5,
    "is_recurring": True,
    "is_visible": False,
    "tags": ["saas"],
    "currencies": ["gbp"],
    "prices": [990],
    "metadata": {"sku": "PRO-1"},
    "limits": {"per_order": 1},
    "visibility": "public",
    "currency": "eur",
    "status": "paused",
    "dimensions": {"width": 1.5, "height": 2.0},
    "note": None,
    "description": "Everything.",
}

# tests/specs/hostile.yaml: every property name is one Python or the generated package
# would trip over; values differ from the defaults, which are left out when encoding.
HOSTILE_THING = {
    "class": "c", "from": "f", "import": True, "None": "n", "True": False, "lambda": 1,
    "str": "s", "int": 2, "list": ["a"], "dict": {"k": 1}, "type": "t", "id": "i",
    "bytes": "3q2+7w==", "float": 1.5, "bool": True, "__init__": "init", "__class__": "cls",
    "__dict__": "d", "2fa": True, "123": "num", "content-type": "text/plain", "x.y.z": 3,
    "display name": "D", "é": "e", "名前": "n", "Client": "C", "AsyncClient": "AC",
    "errors": "E", "models": "M", "Endpoint": "EP", "Json": "J", "msgspec": "ms",
    "msgspec_": "ms_", "datetime": "2024-05-01T12:30:00Z", "uuid": UUID1, "builtins": "b",
    "field": "f", "self": "s", "a-b": "1", "a_b": "2", "A B": "3", "": "empty", "_": "_",
    "hostile": '"""', "numbers": -1,
    "nested": {"class": "x", "def": [{"__init__": "i", "yield": "y"}, {}]},
}  # fmt: skip

# Per package, per model: JSON objects that must decode and encode back unchanged. Every
# struct of a package needs at least one, so a new model cannot go untested.
SAMPLES: dict[str, dict[str, list[dict[str, Any]]]] = {
    "feat_media": {
        # Forms with file parts are only ever sent: a file object cannot be decoded, so
        # these have no samples (tests/test_media_wire.py sends them).
        "DocumentUpload": [],
        "FilesUploadBody": [],
        "Meta": [{"author": "Ada", "pages": 3}, {}],
        "Offer": [{"sdp": "v=0"}],
        "StoredFile": [{"id": "f1", "size": 12, "filename": "a.png"}, {"id": "f2", "size": 0}],
    },
    "feat_pagination": {
        "Item": [{"id": 1}],
        "ItemPage": [{"items": [{"id": 1}], "pagination": {"total_count": 1, "max_page": 1}}],
        "ItemPagePagination": [{"total_count": 0, "max_page": 0}],
        "Iteration": [{"number": 3}],
    },
    "feat_security": {"Item": [{"id": 1}], "Problem": [{"detail": "no"}, {}]},
    "feat_webhooks": {
        "Order": [{"id": "o1", "status": "paid", "total": 1200}],
        "OrderCreatedEvent": [
            {"type": "order.created", "timestamp": "2024-05-01T12:30:00Z", "data": {"id": "o1", "status": "open", "total": 5}}
        ],
        "OrderCancelledEvent": [
            {"type": "order.cancelled", "timestamp": "2024-05-01T12:30:00Z", "data": {"id": "o1", "status": "cancelled", "total": 5}, "reason": "stock"}
        ],
        "CustomerDeletedPayload": [{"type": "customer.deleted", "customer_id": UUID1}],
    },
    "feat_collisions": {
        "Identifier": [{"kind": "Identifier", "name": "x"}, {"kind": "Identifier", "name": "y", "unit": "none"}],
        "Literal_": [{"kind": "Literal", "value": "text"}, {"kind": "Literal", "value": 2.5}],
        "Session": [{"id": "s1"}],
    },
    "feat_enums": {
        "Settings": [
            {
                "object": "settings",
                "timezone": "GMT+0",
                "first_day": 7,
                "week_days": [1, 2, 3, 4, 5],
                "short_code": "A",
                "color": "blue",
                "api_version": "2024-06-01",
                "delimiter": "",
                "theme": "dark",
                "density": "compact",
                "reminder": None,
                "retries": -1,
                "export_resolution": "4k",
            },
            {
                "object": "settings",
                "timezone": "GMT-0",
                "first_day": 1,
                "week_days": [],
                "short_code": "a",
                "color": "red",
                "api_version": "2024-06-01",
            },
        ],
        "SettingsUpdate": [{}, {"timezone": "GMT0", "first_day": 2, "color": "green"}],
        "Export": [
            {"id": UUID1, "resolution": "720p", "status": "failed"},
        ],
    },
    "feat_nullables": {
        "Image": [IMAGE],
        "Profile": [
            PROFILE,
            {
                "id": UUID2,
                "display_name": None,
                "bio": "Hello",
                "avatar": None,
                "tags": ["a"],
                "manager_id": None,
                "created_at": "2024-01-02T03:04:05Z",
            },
        ],
        "ProfileUpdate": [
            {},
            {"display_name": None, "bio": None, "avatar": None, "tags": None},
            {"display_name": "Ada", "avatar": IMAGE, "tags": [], "website": "https://a.example"},
        ],
        "Error": [{"detail": "Not found"}, {"detail": "Gone", "code": None}],
    },
    "feat_unions": {
        "Card": [CARD],
        "BankTransfer": [BANK],
        "Wallet": [WALLET],
        "Cat": [{"pet_type": "Cat", "name": "Tom", "indoor": False}],
        "Dog": [{"pet_type": "Dog", "name": "Rex", "good_boy": True}],
        "EmailNotification": [{"type": "email", "id": "n1", "address": "a@example.com"}],
        "SmsNotification": [{"type": "sms", "id": "n2", "phone": "+33123456789"}],
        "PushNotification": [{"type": "push", "id": "n3", "device_tokens": ["t1", "t2"]}],
        "Charge": [
            {
                "id": "ch_1",
                "amount": 1200,
                "method": CARD,
                "metadata": {"order": "A-1", "count": 2, "gift": True},
                "refund_to": BANK,
                "tip": 1.5,
            },
            {"id": "ch_2", "amount": "12.00", "method": WALLET, "metadata": {}, "tip": None},
            {"id": "ch_3", "amount": 5, "method": BANK, "metadata": {}, "tip": "10%"},
        ],
        "EmailRecipient": [{"email": "a@example.com"}],
        "PhoneRecipient": [{"phone": "+33123456789"}],
        "MailingAddressRecipient": [{"street": "1 rue de la Paix", "city": "Paris"}],
    },
    "feat_defaults": {
        "Product": [PRODUCT],
        "ProductPage": [{"items": [PRODUCT], "total": 1}],
        "Dimensions": [{"width": 3.0, "height": 4.5}, {}],
    },
    "feat_names": {
        "Attachment": [ATTACHMENT, {"url": "https://files.example.com/2"}],
        "RecordCreate": [RECORD_CREATE],
        "Record": [RECORD],
        "ListResourceRecord": [{"items": [RECORD]}],
    },
    "feat_hostile": {
        "Thing": [HOSTILE_THING, {"class": "", "from": "", "__init__": ""}],
        "ThingNested": [HOSTILE_THING["nested"], {}],
        "ThingNestedDefItem": [{"__init__": "", "yield": "\x00"}, {}],
        "Builtins": [{"None": {"none": "x"}, "True": {"true": False}, "str": {"str": ""}, "Exception": {"args": []}}],
        "None_": [{"none": "None"}],
        "True_": [{"true": True}],
        "Str": [{"str": "str"}],
        "Exception": [{"args": ["a", "b"]}],
        "Cat": [{"class": '"""', "def": "x"}],
        "Dog": [{"class": "\\", "None": 0}],
        "Client": [{"Client": "C", "client": "c"}],
        "AsyncClient": [{"async": "a", "await": "w"}],
        "Errors": [{"detail": "{{ x }} {% y %}"}],
        "Json": [{"json": {"a": [1, None]}}],
        "Endpoint": [{"endpoint": ""}, {}],
        "Msgspec": [{"Struct": "s", "UNSET": None}, {"UNSET": "u"}, {}],
        "Init": [{"__class__": "type"}],
        "Schema2fa": [{"code": "123456"}],
        "Schema2WeirdName": [{"ünï": "ü"}],
        "MySchemaV1Beta": [{"a.b c-d": "x"}],
        "EvEntXEPayload": [{"k i.n-d": 'x""" \\ {{ y }} \t', "class": "c"}],
        "SecondPayload": [{"k i.n-d": "'''"}],
    },
}


def structs_of(models: ModuleType) -> dict[str, type[msgspec.Struct]]:
    return {
        name: value
        for name, value in vars(models).items()
        if isinstance(value, type)
        and issubclass(value, msgspec.Struct)
        and value.__module__ == models.__name__
    }


def load_models(
    import_generated: ImportGenerated, generated: dict[str, Path], stem: str
) -> ModuleType:
    package = import_generated(generated[stem], package_name(stem))
    models = sys.modules[f"{package.__name__}.models"]
    return models


def decode(data: Any, cls: Any) -> Any:
    return msgspec.json.decode(json.dumps(data).encode(), type=cls)


def roundtrip(cls: Any, sample: Any) -> Any:
    """Decode `sample` (as JSON) into `cls`, check it encodes back to the same JSON."""
    value = msgspec.json.decode(json.dumps(sample).encode(), type=cls)
    again = msgspec.json.decode(msgspec.json.encode(value))
    assert again == sample, f"{cls!r}: {sample} came back as {again}"
    return value


def test_every_model_round_trips(
    import_generated: ImportGenerated, generated: dict[str, Path]
) -> None:
    assert set(SAMPLES) == {package_name(s.stem) for s in SPECS}
    for spec in SPECS:
        pkg = package_name(spec.stem)
        models = load_models(import_generated, generated, spec.stem)
        structs = structs_of(models)
        assert set(structs) == set(SAMPLES[pkg]), f"{pkg}: models without samples, or gone"
        for name, samples in SAMPLES[pkg].items():
            for sample in samples:
                value = roundtrip(structs[name], sample)
                assert type(value) is structs[name]


# -- enums ----------------------------------------------------------------------------------


@pytest.fixture
def enums(import_generated: ImportGenerated, generated: dict[str, Path]) -> ModuleType:
    return load_models(import_generated, generated, "enums")


def test_colliding_enum_values_get_distinct_members(enums: ModuleType) -> None:
    tz = enums.Timezone
    assert tz("GMT+0") is tz.GMT_PLUS_0
    assert tz("GMT-0") is tz.GMT_MINUS_0
    assert tz("GMT0") is tz.GMT0
    assert len({tz.GMT0, tz.GMT_PLUS_0, tz.GMT_MINUS_0}) == 3
    assert tz("Europe/Paris") is tz.EUROPE_PARIS
    # Case-only differences stay apart too, and every member is a real (named) member.
    short = enums.ShortCode
    assert short("a") is not short("A")
    assert {m.value for m in short} == {"a", "A", "b", "B"}
    assert len(short.__members__) == 4


def test_enum_edge_values_are_members(enums: ModuleType) -> None:
    delimiter = enums.Delimiter
    assert [m.value for m in delimiter] == ["", ",", ";", "|", "\t"]
    assert delimiter("") is delimiter.EMPTY
    assert delimiter(",") is delimiter.COMMA
    assert all(name.isidentifier() and name.isupper() for name in delimiter.__members__)
    resolution = enums.Resolution
    assert resolution("1080p") is resolution.VALUE_1080P
    assert resolution("4k") is resolution.VALUE_4K
    assert msgspec.json.decode(b'"480p"', type=resolution) is resolution.VALUE_480P


def test_integer_enums(enums: ModuleType) -> None:
    weekday = enums.Weekday
    assert msgspec.json.decode(b"3", type=weekday) is weekday.VALUE_3
    assert msgspec.json.encode(weekday.VALUE_7) == b"7"
    with pytest.raises(msgspec.ValidationError):
        msgspec.json.decode(b'"3"', type=weekday)
    assert msgspec.json.decode(b"-1", type=enums.RetryLimit) is enums.RetryLimit(-1)


def test_enums_are_open(enums: ModuleType) -> None:
    """A value added to the API later decodes, keeps its value and encodes back."""
    new = msgspec.json.decode(b'"Mars/Olympus"', type=enums.Timezone)
    assert isinstance(new, enums.Timezone) and new.value == "Mars/Olympus"
    assert str(new) == "Mars/Olympus"
    assert msgspec.json.encode(new) == b'"Mars/Olympus"'
    eight = msgspec.json.decode(b"8", type=enums.Weekday)
    assert isinstance(eight, enums.Weekday) and eight == 8


def test_enum_defaults_const_and_single_values(enums: ModuleType) -> None:
    minimal = {
        "object": "settings",
        "timezone": "UTC",
        "first_day": 1,
        "week_days": [],
        "short_code": "b",
        "color": "red",
        "api_version": "2024-06-01",
    }
    settings = msgspec.json.decode(json.dumps(minimal).encode(), type=enums.Settings)
    assert settings.delimiter is enums.Delimiter.COMMA
    assert settings.theme is enums.SettingsTheme.SYSTEM
    assert settings.reminder is enums.SettingsReminder.VALUE_5M_BEFORE
    assert settings.retries is enums.RetryLimit(3)
    assert settings.export_resolution is enums.Resolution.VALUE_1080P
    assert settings.density is None
    # A nullable enum with a non-null default: null is a value of its own.
    with_null = msgspec.json.decode(
        json.dumps({**minimal, "reminder": None}).encode(), type=enums.Settings
    )
    assert with_null.reminder is None
    assert b'"reminder":null' in msgspec.json.encode(with_null)
    # `const` is a Literal: the one value passes, any other is refused.
    hints = typing.get_type_hints(enums.Settings)
    assert hints["object"] == typing.Literal["settings"]
    with pytest.raises(msgspec.ValidationError):
        msgspec.json.decode(json.dumps({**minimal, "object": "other"}).encode(), type=enums.Settings)
    with pytest.raises(msgspec.ValidationError):
        msgspec.json.decode(json.dumps({**minimal, "density": "loose"}).encode(), type=enums.Settings)
    # An enum default is omitted when unchanged, sent when changed.
    assert msgspec.json.encode(enums.SettingsUpdate()) == b"{}"
    assert msgspec.json.encode(enums.SettingsUpdate(first_day=enums.Weekday.VALUE_2)) == (
        b'{"first_day":2}'
    )
    export = msgspec.json.decode(
        json.dumps({"id": UUID1, "resolution": "720p", "status": "done"}).encode(),
        type=enums.Export,
    )
    assert export.kind == "export"


def test_nullable_component_enum_accepts_null(enums: ModuleType) -> None:
    # `Color: {type: [string, "null"], enum: [red, green, blue, null]}`, required in Settings.
    body = {
        "object": "settings", "timezone": "UTC", "first_day": 1, "week_days": [],
        "short_code": "a", "color": None, "api_version": "2024-06-01",
    }  # fmt: skip
    assert decode(body, enums.Settings).color is None
    # ...and a PATCH can clear it: None is sent as null, not dropped.
    assert b'"color":null' in msgspec.json.encode(enums.SettingsUpdate(color=None))


def test_negative_enum_value_is_named_as_negative(enums: ModuleType) -> None:
    assert "MINUS" in enums.RetryLimit(-1).name or "NEG" in enums.RetryLimit(-1).name


def test_punctuation_members_are_spelled_out(enums: ModuleType) -> None:
    assert not enums.Delimiter(";").name.startswith("EMPTY")
    assert not enums.Delimiter("\t").name.startswith("EMPTY")


# -- nullables ------------------------------------------------------------------------------


@pytest.fixture
def nullables(import_generated: ImportGenerated, generated: dict[str, Path]) -> ModuleType:
    return load_models(import_generated, generated, "nullables")


def test_required_nullable_fields_must_be_present(nullables: ModuleType) -> None:
    complete = {k: PROFILE[k] for k in ("id", "display_name", "bio", "avatar", "tags", "manager_id", "created_at")}
    msgspec.json.decode(json.dumps(complete).encode(), type=nullables.Profile)
    for key in ("display_name", "bio", "avatar", "tags", "manager_id"):
        partial = {k: v for k, v in complete.items() if k != key}
        with pytest.raises(msgspec.ValidationError, match=key):
            msgspec.json.decode(json.dumps(partial).encode(), type=nullables.Profile)


def test_null_and_missing_are_told_apart(nullables: ModuleType) -> None:
    base = {
        "id": UUID1, "display_name": None, "bio": None, "avatar": None, "tags": None,
        "manager_id": None, "created_at": "2024-01-02T03:04:05Z",
    }  # fmt: skip
    missing = msgspec.json.decode(json.dumps(base).encode(), type=nullables.Profile)
    assert missing.nickname is msgspec.UNSET
    assert missing.banner is msgspec.UNSET
    assert missing.website is None
    assert missing.deleted_at is None
    assert missing.max_sessions == 5
    null = msgspec.json.decode(
        json.dumps({**base, "nickname": None, "banner": None, "max_sessions": None}).encode(),
        type=nullables.Profile,
    )
    assert null.nickname is None and null.banner is None and null.max_sessions is None
    assert isinstance(
        msgspec.json.decode(json.dumps({**base, "avatar": IMAGE}).encode(), type=nullables.Profile).avatar,
        nullables.Image,
    )
    # A PATCH body: left out stays out, None goes out as null.
    update = nullables.ProfileUpdate
    assert msgspec.json.encode(update()) == b"{}"
    assert msgspec.json.decode(msgspec.json.encode(update(bio=None, tags=None))) == {
        "bio": None,
        "tags": None,
    }
    # Optional but not nullable: None means "leave out", it is never sent as null.
    assert msgspec.json.encode(update(website=None)) == b"{}"


def test_nullable_response(
    import_generated: ImportGenerated, generated: dict[str, Path]
) -> None:
    package = import_generated(generated["nullables"], "feat_nullables")
    bodies = iter([b"null", json.dumps(PROFILE).encode()])

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=next(bodies))

    with package.Client(http_client=httpx.Client(transport=httpx.MockTransport(handler))) as client:
        assert client.profiles.me() is None
        profile = client.profiles.me()
    assert profile.id == uuid.UUID(UUID1)
    assert profile.created_at == datetime.datetime(2024, 1, 2, 3, 4, 5, tzinfo=datetime.UTC)


# -- unions ---------------------------------------------------------------------------------


@pytest.fixture
def unions(import_generated: ImportGenerated, generated: dict[str, Path]) -> ModuleType:
    return load_models(import_generated, generated, "unions")


def test_discriminated_union_with_mapping(unions: ModuleType) -> None:
    for body, cls in ((CARD, unions.Card), (BANK, unions.BankTransfer), (WALLET, unions.Wallet)):
        value = decode(body, unions.PaymentMethod)
        assert type(value) is cls
        assert msgspec.json.decode(msgspec.json.encode(value)) == body
    assert decode(WALLET, unions.PaymentMethod).provider is unions.WalletProvider.APPLE_PAY
    # The tag is written even though the struct has no field to set it.
    assert msgspec.json.encode(unions.Card(id="x", brand="b", last4="1234")).startswith(
        b'{"type":"card"'
    )
    with pytest.raises(msgspec.ValidationError):
        decode({**CARD, "type": "cash"}, unions.PaymentMethod)
    methods = decode([CARD, WALLET, BANK], GenericAlias(list, (unions.PaymentMethod,)))
    assert [type(m).__name__ for m in methods] == ["Card", "Wallet", "BankTransfer"]


def test_discriminated_union_without_mapping_uses_schema_names(unions: ModuleType) -> None:
    assert type(decode({"pet_type": "Cat", "name": "Tom"}, unions.Pet)) is unions.Cat
    dog = decode({"pet_type": "Dog", "name": "Rex", "good_boy": True}, unions.Pet)
    assert type(dog) is unions.Dog and dog.good_boy is True
    assert decode({"pet_type": "Cat", "name": "Tom"}, unions.Pet).indoor is True
    with pytest.raises(msgspec.ValidationError):
        decode({"pet_type": "cat", "name": "Tom"}, unions.Pet)


def test_untagged_object_union_is_told_apart_by_its_const_property(unions: ModuleType) -> None:
    notification = (
        unions.EmailNotification | unions.SmsNotification | unions.PushNotification
    )
    samples = {
        "EmailNotification": {"type": "email", "id": "1", "address": "a@example.com"},
        "SmsNotification": {"type": "sms", "id": "2", "phone": "+1"},
        "PushNotification": {"type": "push", "id": "3", "device_tokens": []},
    }
    for name, body in samples.items():
        assert type(decode(body, notification)).__name__ == name
    with pytest.raises(msgspec.ValidationError):
        decode({"type": "pigeon", "id": "4"}, notification)


def test_untagged_unions_of_structs_try_each_variant(unions: ModuleType) -> None:
    """No property tells the recipients apart: the package's decoder tries each in turn."""
    package = unions.__name__.rsplit(".", 1)[0]
    codec, errors = sys.modules[package + "._codec"], sys.modules[package + ".errors"]
    charge = codec.decode(
        unions.Charge,
        {
            "id": "ch_4", "amount": 5, "method": CARD, "metadata": {},
            "receipt_to": {"phone": "+33123456789"},
            "receipt_copies_to": {"street": "1 rue de la Paix", "city": "Paris"},
        },
    )
    assert type(charge.receipt_to) is unions.PhoneRecipient
    assert type(charge.receipt_copies_to) is unions.MailingAddressRecipient
    email = codec.decode(unions.ScheduledDeliveryRecipientSelection, {"email": "a@example.com"})
    assert type(email) is unions.EmailRecipient
    with pytest.raises(errors.DecodeError, match="matches none of EmailRecipient, PhoneRecipient"):
        codec.decode(unions.Recipient, {"street": "1 rue de la Paix"})


def test_scalar_unions_keep_json_types(unions: ModuleType) -> None:
    values = decode({"s": "1", "i": 1, "b": True}, GenericAlias(dict, (str, unions.MetadataValue)))
    assert values == {"s": "1", "i": 1, "b": True}
    assert type(values["b"]) is bool and type(values["i"]) is int and type(values["s"]) is str
    with pytest.raises(msgspec.ValidationError):
        decode(1.5, unions.MetadataValue)
    charge = decode({"id": "c", "amount": "9.99", "method": CARD, "metadata": {}}, unions.Charge)
    assert charge.amount == "9.99" and charge.tip is msgspec.UNSET and charge.refund_to is None


def test_union_components_are_type_aliases(unions: ModuleType) -> None:
    assert set(typing.get_args(unions.PaymentMethod)) == {unions.Card, unions.BankTransfer, unions.Wallet}
    assert set(typing.get_args(unions.Pet)) == {unions.Cat, unions.Dog}
    assert set(typing.get_args(unions.MetadataValue)) == {str, int, bool}


# -- defaults -------------------------------------------------------------------------------


@pytest.fixture
def defaults(import_generated: ImportGenerated, generated: dict[str, Path]) -> ModuleType:
    return load_models(import_generated, generated, "defaults")


def test_field_defaults(defaults: ModuleType) -> None:
    product = decode({"id": UUID1, "organization_id": UUID2}, defaults.Product)
    assert product.name == "Untitled product"
    assert product.quantity == 1 and type(product.quantity) is int
    assert product.tax_rate == 0.2
    assert product.weight == 1.0
    assert product.is_recurring is False and product.is_visible is True
    assert product.currencies == [defaults.Currency.USD, defaults.Currency.EUR]
    assert product.prices == [100, 200]
    assert product.limits == {"per_order": 10, "per_customer": 2}
    assert product.visibility is defaults.Visibility.DRAFT
    assert product.currency is defaults.Currency.USD
    assert product.status is defaults.ProductStatus.ACTIVE
    assert product.note == "n/a"
    assert product.description == 'Line one.\nLine "two".'
    # Mutable defaults are fresh for every instance.
    other = decode({"id": UUID2, "organization_id": UUID1}, defaults.Product)
    assert other.prices == product.prices and other.prices is not product.prices
    assert other.limits is not product.limits
    # Explicit null for a nullable field with a non-null default is kept.
    assert decode({"id": UUID1, "organization_id": UUID2, "note": None}, defaults.Product).note is None
    assert decode({}, defaults.Dimensions) == defaults.Dimensions(width=0.0, height=0.0)


def test_empty_collection_defaults(defaults: ModuleType) -> None:
    product = decode({"id": UUID1, "organization_id": UUID2}, defaults.Product)
    assert product.tags == []
    assert product.metadata == {}


def test_number_defaults_are_floats(defaults: ModuleType) -> None:
    product = decode({"id": UUID1, "organization_id": UUID2}, defaults.Product)
    assert type(product.weight) is float
    assert type(decode({}, defaults.Dimensions).width) is float


def test_object_default_on_ref_field(defaults: ModuleType) -> None:
    product = decode({"id": UUID1, "organization_id": UUID2}, defaults.Product)
    assert product.dimensions == defaults.Dimensions(width=0, height=0)


def _recording_client(package: ModuleType, body: bytes, seen: list[httpx.Request]) -> Any:
    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        status = 204 if not body else 200
        return httpx.Response(status, content=body)

    return package.Client(
        access_token="tok", http_client=httpx.Client(transport=httpx.MockTransport(handler))
    )


def test_parameters_defaults_and_path_order(
    import_generated: ImportGenerated, generated: dict[str, Path]
) -> None:
    package = import_generated(generated["defaults"], "feat_defaults")
    product = json.dumps({"id": UUID1, "organization_id": UUID2}).encode()
    seen: list[httpx.Request] = []
    with _recording_client(package, product, seen) as client:
        # Path parameters are positional, in the order of the path template.
        params = list(inspect.signature(client.products.get).parameters)
        # The per-call options come last, gathered as `**options`.
        assert params == ["organization_id", "product_id", "options"]
        client.products.get(uuid.UUID(UUID2), uuid.UUID(UUID1))
    assert seen[0].url.path == f"/v1/organizations/{UUID2}/products/{UUID1}"

    seen.clear()
    page = json.dumps({"items": [], "total": 0}).encode()
    with _recording_client(package, page, seen) as client:
        signature = inspect.signature(client.products.list)
        assert signature.parameters["organization_id"].default is inspect.Parameter.empty
        with pytest.raises(TypeError):
            client.products.list()  # the required query parameter
        client.products.list(
            organization_id=uuid.UUID(UUID1),
            product_id=[uuid.UUID(UUID1), uuid.UUID(UUID2)],
            sorting=["name", "-price"],
        )
    query = seen[0].url.params
    assert query["organization_id"] == UUID1
    assert query.get_list("product_id") == [UUID1, UUID2]  # form, exploded
    assert query["page"] == "1" and query["limit"] == "10"
    assert query["query"] == "" and query["is_archived"] == "false"
    assert query["min_price"] == "0.5"
    assert query.get_list("sorting") == ["name", "-price"]
    assert query["visibility"] == "public"  # the default beside the $ref


def test_array_query_parameter_default(
    import_generated: ImportGenerated, generated: dict[str, Path]
) -> None:
    package = import_generated(generated["defaults"], "feat_defaults")
    seen: list[httpx.Request] = []
    with _recording_client(package, b'{"items": [], "total": 0}', seen) as client:
        client.products.list(organization_id=uuid.UUID(UUID1))
    # Either the spec's default is sent, or nothing and the server applies it; never a
    # function's repr (the generator once put `lambda: [...]` in the signature).
    assert seen[0].url.params.get_list("sorting") in ([], ["-created_at"])
    default = inspect.signature(
        sys.modules["feat_defaults._client"].ProductsResource.list
    ).parameters["sorting"].default
    assert not callable(default)


def test_ref_query_parameter_default(
    import_generated: ImportGenerated, generated: dict[str, Path]
) -> None:
    package = import_generated(generated["defaults"], "feat_defaults")
    method = inspect.signature(sys.modules["feat_defaults._client"].ProductsResource.list)
    assert method.parameters["visibility"].default is package.models.Visibility.PUBLIC


# -- names ----------------------------------------------------------------------------------


@pytest.fixture
def names(import_generated: ImportGenerated, generated: dict[str, Path]) -> ModuleType:
    return load_models(import_generated, generated, "names")


def test_wire_names_survive_a_round_trip(names: ModuleType) -> None:
    record = decode(RECORD, names.Record)
    encoded = msgspec.json.encode(record)
    for key in RECORD:
        assert json.dumps(key, ensure_ascii=False).encode() in encoded, key
    assert record.class_ == "memo" and record.from_ == "ada@example.com"
    assert record.import_ is True
    assert record.list == ["a", "b"]
    assert record.type is names.RecordType.TASK
    assert record.str == "text"
    assert record.content_type == "text/plain" and record.x_y == 3
    assert record.display_name == "Ada L." and record.field_2fa_enabled is True
    assert record.created_at == datetime.datetime(2024, 5, 1, 12, 30, tzinfo=datetime.UTC)
    assert record.e == "accent"
    assert record.u540d_u524d == "なまえ"
    assert record.msgspec_ == "not the module" and record.datetime_ == datetime.date(2024, 5, 1)
    assert record.links == {"self": "https://records.example.com/1"}
    assert record.self == "https://records.example.com/1"
    # Every Python name is a valid identifier that is not a keyword.
    for field in msgspec.structs.fields(names.Record):
        assert field.name.isidentifier() and not __import__("keyword").iskeyword(field.name)
    # Building one by its Python names writes the wire names.
    attachment = names.Attachment(url="u")
    created = names.RecordCreate(
        class_="c", from_="f", u540d_u524d="n", location=(1.0, 2.0), attachments={"a": attachment}
    )
    assert msgspec.json.decode(msgspec.json.encode(created)) == {
        "class": "c", "from": "f", "名前": "n", "location": [1.0, 2.0], "attachments": {"a": {"url": "u"}},
    }  # fmt: skip


def test_composition_formats_and_maps(names: ModuleType) -> None:
    record = decode(RECORD, names.Record)
    # allOf: RecordBase + RecordCreate's own part + Record's own part, in one struct.
    fields = {f.encode_name for f in msgspec.structs.fields(names.Record)}
    assert fields >= set(RECORD)
    assert {f.encode_name for f in msgspec.structs.fields(names.RecordCreate)} == set(RECORD_CREATE)
    required = {f.encode_name for f in msgspec.structs.fields(names.Record) if f.required}
    assert required == {"class", "from", "名前", "location", "id", "owner"}
    assert record.location == (48.8566, 2.3522)
    with pytest.raises(msgspec.ValidationError):
        decode({**RECORD, "location": [1.0]}, names.Record)
    assert record.attachments == {"cover": names.Attachment(url=ATTACHMENT["url"], size=1024)}
    assert record.id == uuid.UUID(UUID1) and record.due == datetime.date(2024, 6, 30)
    assert record.checksum == b"\xde\xad\xbe\xef"
    assert isinstance(record.owner, names.Attachment)


def test_odd_operation_names(
    import_generated: ImportGenerated, generated: dict[str, Path]
) -> None:
    package = import_generated(generated["names"], "feat_names")
    client_module = sys.modules["feat_names._client"]
    resource = client_module.RecordsResource
    # operationIds with colons and dashes become namespaced snake_case methods.
    assert {"list", "create_one", "delete_one", "download"} <= set(vars(resource))
    # The method named `list` does not break the annotations that mean the builtin.
    hints = typing.get_type_hints(resource.list, vars(client_module))
    assert hints["id"] == builtins.list[uuid.UUID] | None
    seen: list[httpx.Request] = []
    body = json.dumps({"items": [RECORD]}).encode()
    with _recording_client(package, body, seen) as client:
        page = client.records.list(
            id=[uuid.UUID(UUID1), uuid.UUID(UUID2)],
            created_after=datetime.date(2024, 1, 31),
            self_=True,
            type="memo",
        )
    assert page.items[0].class_ == "memo"
    assert seen[0].url.params.multi_items() == [
        ("id", UUID1), ("id", UUID2), ("created-after", "2024-01-31"), ("self", "true"), ("type", "memo"),
    ]  # fmt: skip
    seen.clear()
    with _recording_client(package, b"", seen) as client:
        assert client.records.delete_one(uuid.UUID(UUID1)) is None
    assert (seen[0].method, seen[0].url.path) == ("DELETE", f"/v1/records/{UUID1}")
    seen.clear()
    with _recording_client(package, b"\x89PNG\r\n", seen) as client:
        assert client.records.download(uuid.UUID(UUID2)) == b"\x89PNG\r\n"
    assert seen[0].url.path == f"/v1/records/{UUID2}/content"
    seen.clear()
    created = json.dumps(RECORD).encode()
    with _recording_client(package, created, seen) as client:
        result = client.records.create_one(body=decode(RECORD_CREATE, package.models.RecordCreate))
    assert isinstance(result, package.models.Record)
    assert json.loads(seen[0].content) == RECORD_CREATE
    assert seen[0].headers["Content-Type"] == "application/json"


def test_namespaces_that_flatten_alike_keep_their_own_paths(
    import_generated: ImportGenerated, generated: dict[str, Path]
) -> None:
    """`customer_portal:sessions:get` and `customer:portal:sessions:get` share no class or
    constant, so each method still calls its own path."""
    package = import_generated(generated["collisions"], "feat_collisions")
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, content=b'{"id": "s"}')

    # This spec declares no security: its client takes no access_token.
    with package.Client(http_client=httpx.Client(transport=httpx.MockTransport(handler))) as client:
        client.customer_portal.sessions.get("a")
        client.customer.portal.sessions.get("b")
    assert [r.url.path for r in seen] == [
        "/v1/customer-portal/sessions/a",
        "/v1/customers/portal/sessions/b",
    ]


def test_schema_named_like_an_import_is_renamed(
    import_generated: ImportGenerated, generated: dict[str, Path]
) -> None:
    package = import_generated(generated["collisions"], "feat_collisions")
    models = package.models
    value = msgspec.json.decode(b'{"kind": "Literal", "value": "x"}', type=models.Expression)
    assert type(value) is models.Literal_ and value.value == "x"
