"""Hostile but valid specs: names Python or the generated package trip over, and text made to
break out of docstrings and literals.

- `tests/specs/hostile.yaml` (also in the golden corpus, so its output is byte-checked and
  passes mypy --strict and ruff there) is generated and exercised: wire names survive a
  round trip, docstrings hold the spec's text literally, parameters named `self` or `class`
  are sent under their wire names.
- Generator bugs these found have a regression test each, with the smallest spec that
  showed it.
- `test_random_specs_...`: thousands of random specs built from hostile pieces go through
  the generator in-process; every one either generates a package that compiles, imports and
  round-trips a sample of each model, or is refused with well-formed problems.
"""

from __future__ import annotations

import ast
import datetime
import importlib
import inspect
import json
import keyword
import os
import random
import re
import shutil
import subprocess
import sys
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any
from unittest import mock

import httpx
import msgspec
import pytest
import yaml
from conftest import ROOT, TESTS, generate_in_process
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_golden import HOSTILE_THING

from generator.problems import InputError, Problem

SPEC = TESTS / "specs" / "hostile.yaml"
PACKAGE = "feat_hostile"
# The text of every `description` in hostile.yaml but the long one, and of some defaults.
HOSTILE = (
    'Quotes """ and \'\'\' and a lone " at the end", back\\slash \\n \\x00 \\u0041 \\, '
    "{{ jinja }} {% tag %} {# comment #}, NUL\x00 CR\r LS\u2028 PS\u2029 NEL\x85 DEL\x7f "
    "BOM\ufeff tab\t, é 名前 🎉"
)
LONG = "long " + "x" * 4995
TITLE = 'Hostile """ API \\ {{ x }} {% y %} é\''


def doc_lines(text: str) -> list[str]:
    """Text as a docstring shows it: line breaks normalized, tabs as spaces, each line's
    indentation and the blank lines around it dropped."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", "    ")
    lines = [line.strip(" ") for line in text.split("\n")]
    while lines and not lines[-1]:
        lines.pop()
    while lines and not lines[0]:
        lines.pop(0)
    return lines


def attribute_docs(source: str, class_name: str) -> dict[str, str]:
    """Attribute docstrings of a class (the string right after an assignment): Python
    keeps them only in the source."""
    docs: dict[str, str] = {}
    for node in ast.parse(source).body:
        if isinstance(node, ast.ClassDef) and node.name == class_name:
            for stmt, after in zip(node.body, node.body[1:]):
                target = getattr(stmt, "target", None) or (getattr(stmt, "targets", None) or [None])[0]
                if (
                    isinstance(target, ast.Name)
                    and isinstance(after, ast.Expr)
                    and isinstance(after.value, ast.Constant)
                    and isinstance(after.value.value, str)
                ):
                    docs[target.id] = after.value.value
    return docs


@pytest.fixture(scope="module")
def hostile_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("hostile")
    generate_in_process(SPEC, out, PACKAGE)
    return out


@pytest.fixture
def pkg(import_generated: Callable[[Path, str], ModuleType], hostile_out: Path) -> ModuleType:
    return import_generated(hostile_out, PACKAGE)


def test_the_spec_holds_the_hostile_text() -> None:
    spec = yaml.safe_load(SPEC.read_text("utf-8"))
    assert spec["info"]["description"] == HOSTILE
    assert spec["info"]["title"] == TITLE
    assert spec["components"]["schemas"]["Thing"]["properties"]["from"]["description"] == LONG


def test_every_file_compiles(hostile_out: Path) -> None:
    files = sorted(hostile_out.rglob("*.py"))
    assert len(files) >= 8
    for path in files:
        compile(path.read_text("utf-8"), str(path), "exec")


def test_wire_names_round_trip(pkg: ModuleType) -> None:
    thing_type = pkg.models.Thing
    raw = json.dumps(HOSTILE_THING, ensure_ascii=False).encode()
    thing = msgspec.json.decode(raw, type=thing_type)
    assert json.loads(msgspec.json.encode(thing)) == HOSTILE_THING
    # Python names: keywords get `_`, a leading digit `field_`, the empty and `_` names
    # `field_2`/`field_3`, module names the class body uses `_`, collisions `_2`, `_3`.
    assert (thing.class_, thing.from_, thing.import_, thing.lambda_) == ("c", "f", True, 1)
    assert (thing.init, thing.class_2, thing.dict_2) == ("init", "cls", "d")
    assert (thing.field_2fa, thing.field_123, thing.x_y_z, thing.display_name) == (True, "num", 3, "D")
    assert (thing.e, thing.u540d_u524d, thing.field_2, thing.field_3) == ("e", "n", "empty", "_")
    assert (thing.a_b, thing.a_b_2, thing.a_b_3) == ("1", "2", "3")
    assert (thing.models_, thing.msgspec_, thing.msgspec_2, thing.builtins_) == ("M", "ms", "ms_", "b")
    assert (thing.str, thing.int, thing.list, thing.dict, thing.type) == ("s", 2, ["a"], {"k": 1}, "t")
    assert thing.datetime_ == datetime.datetime(2024, 5, 1, 12, 30, tzinfo=datetime.UTC)
    assert thing.uuid_ == uuid.UUID(HOSTILE_THING["uuid"])
    assert thing.hostile is pkg.models.Hostile.DOUBLE_QUOTE_DOUBLE_QUOTE_DOUBLE_QUOTE
    assert thing.nested.def_[0].yield_ == "y"
    for f in msgspec.structs.fields(thing_type):
        assert f.name.isidentifier() and not keyword.iskeyword(f.name), f.name
    # Built by its Python names, a struct writes its wire names.
    made = thing_type(class_="", from_="", init="", field_2="", u540d_u524d="", a_b_3="x")
    assert json.loads(msgspec.json.encode(made)) == {
        "class": "", "from": "", "__init__": "", "": "", "名前": "", "A B": "x",
    }  # fmt: skip


def test_defaults_keep_the_text_exactly(pkg: ModuleType) -> None:
    models = pkg.models
    thing = msgspec.json.decode(b'{"class": "", "from": "", "__init__": ""}', type=models.Thing)
    assert thing.str == HOSTILE and thing.import_ is False
    assert models.Endpoint().endpoint == HOSTILE
    assert models.ThingNestedDefItem().yield_ == HOSTILE
    # A default is left out when encoding, and never mangled.
    assert msgspec.json.encode(models.Endpoint()) == b"{}"
    resource = sys.modules[f"{PACKAGE}._client"].ClassResource
    assert inspect.signature(resource.import_).parameters["class_query"].default == HOSTILE


def test_docstrings_hold_the_text_literally(pkg: ModuleType, hostile_out: Path) -> None:
    models = pkg.models
    hostile = doc_lines(HOSTILE)
    assert len(hostile) == 2  # the CR breaks the line, nothing else does
    for documented in (models.Thing, models.ThingNested, models.Hostile):
        assert doc_lines(documented.__doc__) == hostile, documented
    assert doc_lines(models.Schema2fa.__doc__) == [LONG]
    client = sys.modules[f"{PACKAGE}._client"]
    for resource in (client.ClassResource, client.AsyncClassResource):
        assert doc_lines(resource.__doc__) == hostile
        method = doc_lines(resource.import_.__doc__)
        assert method[:4] == [*hostile, "", LONG], method[:4]
    source = (hostile_out / PACKAGE / "models.py").read_text("utf-8")
    fields = attribute_docs(source, "Thing")
    assert doc_lines(fields["class_"]) == hostile
    assert doc_lines(fields["from_"]) == [LONG]
    members = attribute_docs(source, "Hostile")
    assert doc_lines(members["EMPTY"]) == hostile
    assert doc_lines(members["VALUE_1"]) == [LONG]
    # The API's title, in the module docstrings and the package's metadata.
    for module in (pkg, models, client):
        assert TITLE in module.__doc__, module
    import tomllib

    pyproject = tomllib.loads((hostile_out / "pyproject.toml").read_text("utf-8"))
    assert TITLE in pyproject["project"]["description"]
    # No line of the generated source ends a string early or hides a second statement.
    for path in (hostile_out / PACKAGE).glob("*.py"):
        for line in path.read_text("utf-8").splitlines():
            assert "\x00" not in line and "\r" not in line and "\u2028" not in line, path


def test_enum_values_and_members(pkg: ModuleType) -> None:
    hostile = pkg.models.Hostile
    spec = yaml.safe_load(SPEC.read_text("utf-8"))
    values = spec["components"]["schemas"]["Hostile"]["enum"]
    members = [hostile(v) for v in values]
    assert [m.value for m in members] == values
    assert len({m.name for m in members}) == len(values) == len(hostile.__members__)
    for member in members:
        assert member.name.isidentifier() and member.name.isupper(), member.name
        assert msgspec.json.decode(msgspec.json.encode(member), type=hostile) is member
    assert hostile("") is hostile.EMPTY and hostile("1") is hostile.VALUE_1
    assert hostile("-1") is hostile.MINUS_1 and hostile("+1") is hostile.PLUS_1
    assert len({hostile("a-b"), hostile("a_b"), hostile("a.b"), hostile("A-B"), hostile("a b")}) == 5
    assert hostile("A") is not hostile("a") and hostile("é") is not hostile("e")
    assert hostile("\r") is hostile.U000D and hostile("\x00") is hostile.U0000
    numbers = pkg.models.Numbers
    assert numbers(-1) is numbers.MINUS_1 and numbers(-10) is numbers.MINUS_10
    assert numbers(100000000000).name == "VALUE_100000000000"


def test_union_tagged_by_hostile_values(pkg: ModuleType) -> None:
    models = pkg.models
    cat = msgspec.json.decode(b'{"class": "\\"\\"\\"", "def": "x"}', type=models.Pet)
    dog = msgspec.json.decode(b'{"class": "\\\\", "None": 1}', type=models.Pet)
    assert type(cat) is models.Cat and cat.def_ == "x"
    assert type(dog) is models.Dog and dog.none == 1
    assert msgspec.json.encode(models.Dog()) == b'{"class":"\\\\"}'


def _client(pkg: ModuleType, seen: list[httpx.Request], body: bytes = b"{}", status: int = 200) -> Any:
    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(status, content=b"[]" if request.url.path == "/v1/print" else body)

    transport = httpx.MockTransport(handler)
    return pkg.Client(base_url="https://api.example.com", http_client=httpx.Client(transport=transport))


def test_webhooks_with_hostile_names_and_event_types(pkg: ModuleType) -> None:
    """Event types and a discriminator property that would break out of a literal. (ASCII:
    msgspec 0.22 refuses a struct tag with non-ASCII text until the struct is encoded once.)"""
    webhooks = importlib.import_module(f"{PACKAGE}.webhooks")
    odd = 'x""" \\ {{ y }} \t'
    assert webhooks.EVENT_TYPES == {odd, "'''"}
    event = webhooks.parse_event(json.dumps({"k i.n-d": odd, "class": "c"}))
    assert type(event) is pkg.models.EvEntXEPayload and event.class_ == "c"
    assert type(webhooks.parse_event(json.dumps({"k i.n-d": "'''"}))) is pkg.models.SecondPayload
    with pytest.raises(webhooks.UnknownWebhookEventError) as caught:
        webhooks.parse_event(json.dumps({"k i.n-d": odd + "!"}))
    assert caught.value.event_type == odd + "!"


def test_parameters_keep_their_wire_names(pkg: ModuleType) -> None:
    seen: list[httpx.Request] = []
    thing = json.dumps({"class": "c", "from": "f", "__init__": "i"}).encode()
    with _client(pkg, seen, thing) as client:
        result = client.class_.import_(
            "a b/c",
            7,
            self_=True,
            class_query="k",
            from_=3,
            models="m",
            datetime=datetime.date(2024, 1, 31),
            msgspec="s",
            httpx="h",
            init="i",
            e="é",
            a_b_c_d="abcd",
            body="b",
            x_request_id="rid",
            lambda_="l",
        )
        assert result.init == "i"
        client.class_.import_("x", 1)  # every optional parameter left out
    request, bare = seen
    assert request.url.path == "/v1/things/a b/c/7" or request.url.raw_path.startswith(b"/v1/things/a%20b%2Fc/7")
    assert request.url.params.multi_items() == [
        ("self", "true"), ("class", "k"), ("from", "3"), ("models", "m"), ("datetime", "2024-01-31"),
        ("msgspec", "s"), ("httpx", "h"), ("__init__", "i"), ("é", "é"), ("a.b c-d", "abcd"),
        ("body", "b"),
    ]  # fmt: skip
    assert request.headers["X-Request-ID"] == "rid"
    assert request.headers["Cookie"] == "lambda=l"
    # The default of `class` is the hostile text, sent exactly.
    assert bare.url.params.multi_items() == [("class", HOSTILE)]
    assert "X-Request-ID" not in bare.headers and "Cookie" not in bare.headers


def test_body_and_root_methods_with_odd_names(pkg: ModuleType) -> None:
    seen: list[httpx.Request] = []
    thing = pkg.models.Thing(class_="c", from_="f", init="i", field_2="e")
    with _client(pkg, seen, msgspec.json.encode(thing)) as client:
        created = client.class_.init("c", 2, body=thing, body_query="q")
        assert created == thing
        for name in ("list_models", "errors", "json", "endpoint", "msgspec", "recuperer", "u83b7_u53d6", "class__", "object"):
            getattr(client, name)()
        client.print(list=["a", "b"])
    post = seen[0]
    assert (post.method, post.url.params["body"]) == ("POST", "q")
    assert json.loads(post.content) == {"class": "c", "from": "f", "__init__": "i", "": "e"}
    assert [r.url.path for r in seen[1:]] == [
        "/v1/models", "/v1/errors", "/v1/json", "/v1/endpoint", "/v1/msgspec", "/v1/unicode",
        "/v1/cjk", "/v1/dunder", "/v1/builtins", "/v1/print",
    ]  # fmt: skip
    assert seen[-1].url.params.get_list("list") == ["a", "b"]
    seen.clear()
    with _client(pkg, seen, b"", 204) as client:
        assert client.pass_(type="t", id=1) is None
        assert client.op_2fa_verify() is None
    assert [(r.method, str(r.url.params), r.headers.get("id")) for r in seen] == [
        ("DELETE", "type=t", "1"), ("POST", "", None),
    ]  # fmt: skip


def test_errors_decode_a_schema_named_errors(pkg: ModuleType) -> None:
    seen: list[httpx.Request] = []
    with _client(pkg, seen, b'{"detail": "{{ x }}"}', 404) as client, pytest.raises(
        pkg.NotFoundError
    ) as caught:
        client.class_.import_("x", 1)
    assert caught.value.detail == pkg.models.Errors(detail="{{ x }}")


# -- bugs found here: the smallest spec that showed each ---------------------------------------


def _spec(paths: dict[str, Any], schemas: dict[str, Any] | None = None, title: str = "T") -> dict[str, Any]:
    return {
        "openapi": "3.1.0",
        "info": {"title": title, "version": "1"},
        "paths": paths,
        "components": {"schemas": schemas or {}},
    }


def _op(op_id: str, params: list[dict[str, Any]] | None = None, schema: Any = None) -> dict[str, Any]:
    content = {"application/json": {"schema": schema or {"type": "string"}}}
    return {
        "operationId": op_id,
        "parameters": params or [],
        "responses": {"200": {"description": "OK", "content": content}},
    }


def _generate_cli(tmp_path: Path, spec: dict[str, Any], package: str = "buggy") -> subprocess.CompletedProcess[str]:
    path = tmp_path / "spec.json"
    path.write_text(json.dumps(spec), "utf-8")
    return subprocess.run(
        [sys.executable, "-m", "generator", "generate", "--spec", str(path), "--out", str(tmp_path / "out"),
         "--package-name", package, "--quiet"],
        cwd=ROOT, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip


def _mypy(*packages: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--python-version", "3.10",
         *map(str, packages)],
        cwd=ROOT, capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip


def test_title_with_triple_quotes_and_backslashes(tmp_path: Path) -> None:
    title = 'Evil """ API \\d'
    result = _generate_cli(tmp_path, _spec({"/a": {"get": _op("a")}}, title=title))
    assert result.returncode == 0, result.stderr
    for name in ("models.py", "_client.py"):
        source = (tmp_path / "out" / "buggy" / name).read_text("utf-8")
        docstring = ast.get_docstring(ast.parse(source), clean=False)
        assert docstring is not None and title in docstring


def test_operations_named_like_modules_the_annotations_use(tmp_path: Path) -> None:
    """`def models(self)` in a class shadows the module for the annotations of the methods
    after it (likewise `datetime`, `uuid`): mypy --strict fails."""
    thing = {"type": "object", "properties": {"a": {"type": "string"}}}
    date = [{"name": "d", "in": "query", "schema": {"type": "string", "format": "date"}}]
    ident = [{"name": "u", "in": "query", "schema": {"type": "string", "format": "uuid"}}]
    paths = {
        "/a": {"get": _op("models", schema={"$ref": "#/components/schemas/Thing"})},
        "/b": {"get": _op("zz", schema={"$ref": "#/components/schemas/Thing"})},
        "/c": {"get": _op("ns:datetime")},
        "/d": {"get": _op("ns:zz", date)},
        "/e": {"get": _op("other:uuid")},
        "/f": {"get": _op("other:zz", ident)},
    }
    result = _generate_cli(tmp_path, _spec(paths, {"Thing": thing}))
    assert result.returncode == 0, result.stderr
    checked = _mypy(tmp_path / "out" / "buggy")
    assert checked.returncode == 0, checked.stdout


def test_cookie_parameter_named_cookie_header(tmp_path: Path, import_generated: Callable[[Path, str], ModuleType]) -> None:
    params = [{"name": "cookie_header", "in": "cookie", "schema": {"type": "string"}}]
    result = _generate_cli(tmp_path, _spec({"/a": {"get": _op("a", params)}}))
    assert result.returncode == 0, result.stderr
    pkg = import_generated(tmp_path / "out", "buggy")
    seen: list[httpx.Request] = []
    with _client(pkg, seen, b'"x"') as client:
        client.a(cookie_header="v")  # TypeError: 'str' object is not callable
    assert seen[0].headers["Cookie"] == "cookie_header=v"


def test_operation_id_of_colons_only(tmp_path: Path) -> None:
    result = _generate_cli(tmp_path, _spec({"/a": {"get": _op(":")}, "/b": {"get": _op("::")}}))
    # Either a name is made up (like for a missing operationId) or it is bad input; never exit 3.
    assert result.returncode in (0, 2), result.stderr


def test_lone_surrogates_are_bad_input_not_a_crash(tmp_path: Path) -> None:
    path = tmp_path / "spec.json"
    text = json.dumps(_spec({"/a": {"get": {**_op("a"), "summary": "s"}}}, title="sur"))
    path.write_text(text.replace('"summary": "s"', '"summary": "\\ud800"'), "utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "generator", "generate", "--spec", str(path), "--out", str(tmp_path / "out")],
        cwd=ROOT, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert result.returncode in (0, 2), result.stderr


def test_server_description_without_words(tmp_path: Path) -> None:
    spec = {**_spec({"/a": {"get": _op("a")}}), "servers": [{"url": "https://x.example", "description": "{{ }}"}]}
    result = _generate_cli(tmp_path, spec)
    assert result.returncode == 0, result.stderr


def test_spec_without_models_passes_ruff(tmp_path: Path) -> None:
    result = _generate_cli(tmp_path, _spec({"/a": {"get": _op("a")}}))
    assert result.returncode == 0, result.stderr
    checked = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--no-cache", "."],
        cwd=tmp_path / "out", capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert checked.returncode == 0, checked.stdout


# -- property-based: random specs made of hostile pieces ---------------------------------------

# Names are one or two of these pieces, joined by one of SEPARATORS.
PIECES = (
    "class", "from", "import", "None", "True", "self", "def", "lambda", "yield", "async",
    "list", "str", "int", "bool", "type", "id", "print", "object", "__init__", "__class__",
    "__dict__", "2fa", "123", "é", "名前", "Ünï", "Client", "AsyncClient", "errors", "models",
    "Endpoint", "Json", "msgspec", "datetime", "uuid", "builtins", "typing", "enum", "field",
    "body", "page", "items", "max_page", "_", "x", "Item", "UNSET", "mro", "name", "value",
    "close", "headers", "httpx", "iter", "pages", "with_options", "Literal", "Any",
    "ClassVar", "TypeAlias", "OpenStrEnum", "HTTPError", "a-b", "A.B", "cookie_header",
    "cursor", "result", "decimal", "Mapping", "TYPE_CHECKING", "SERVERS", "Server",
)  # fmt: skip
SEPARATORS = ("", "-", "_", ".", " ", "__")
ASCII_PIECES = tuple(p for p in PIECES if p.isascii() and p.replace("_", "a").isalnum() or p in ("a-b", "A.B"))
TEXTS = (
    HOSTILE, " ", "plain words", '"""', "'''", "\\", "ends with \\", "{{ x }}", "{% if %}",
    "\x00", "\r", "a\r\nb", "\u2028", "\t", "line\nbreak", "x" * 300,
)  # fmt: skip
ENUM_STRINGS = (
    "", "a", "A", "a-b", "a_b", "a.b", "a b", "A-B", "1", "01", "-1", "+1", "1.0", "None",
    "class", "mro", "_missing_", "name", "value", '"""', "\\", "{{ x }}", "\x00", "\r",
    "\u2028", "é", "e", "名前", "!!!", "_", "__",
)  # fmt: skip
ENUM_INTS = (0, 1, -1, 2, 10, -10, 2**40)
STRING_FORMATS = {"date-time": "2024-01-02T03:04:05Z", "date": "2024-01-02", "uuid": str(uuid.UUID(int=7)), "byte": "3q2+7w=="}
EXAMPLES = int(os.environ.get("HOSTILE_EXAMPLES", "2000"))
# Examples formatted with black and checked by one mypy --strict run at the end.
MYPY_SAMPLES = 20


def _name(pieces: tuple[str, ...] = PIECES, separators: tuple[str, ...] = SEPARATORS) -> st.SearchStrategy[str]:
    return st.builds(
        lambda parts, sep: sep.join(parts),
        st.lists(st.sampled_from(pieces), min_size=1, max_size=2),
        st.sampled_from(separators),
    )


# Strategies are made once: making one per draw would cost more than the draws.
NAME = _name()
NAMES = st.lists(NAME, min_size=1, max_size=3, unique=True)
# Property names may also hold what no struct field can carry on the wire (a quote, a
# backslash, a control character): such a property is left out, with a warning.
UNMAPPABLE = re.compile(r'["\\\x00-\x1f]')
PROPERTY_NAMES = st.lists(
    _name(PIECES + ('say "hi"', "back\\slash", "tab\there", "new\nline")), min_size=1, max_size=3, unique=True
)
# Now and then a component that holds itself, through a map, a list or a property.
RECURSIVE = st.sampled_from(["map", "list", "property"])
SCHEMA_NAMES = st.lists(
    _name(ASCII_PIECES, ("", "-", "_", ".")).filter(lambda n: n.strip("._-") != ""),
    min_size=1,
    max_size=3,
    unique=True,
)
OPERATION_ID = st.builds(lambda a, b, c: f"{a}:{b}" if c else a, NAME, NAME, st.booleans())
# Now and then an operationId with no name in it: refused, never a crash.
ODD_OPERATION_IDS = st.sampled_from([":", "::", "a:", ":b", " ", "-", "__"])
RARELY = st.sampled_from([False] * 49 + [True])  # hypothesis favours the first element
TEXT = st.sampled_from(TEXTS)
# sampled_from rather than integers: hypothesis draws the bounds of integers() far more
# often than the values between them.
TENTHS = st.sampled_from(range(10))
INDEX = st.sampled_from(range(720))
BOOL = st.booleans()
ENUM_VALUES = st.lists(st.sampled_from(ENUM_STRINGS), min_size=1, max_size=5, unique=True)
INT_ENUM_VALUES = st.lists(st.sampled_from(ENUM_INTS), min_size=2, max_size=4, unique=True)
INT = st.sampled_from(ENUM_INTS)
NUMBER = st.sampled_from([0.5, -2.0, 3])
FORMAT = st.sampled_from(sorted(STRING_FORMATS))
LOCATION = st.sampled_from(["query", "query", "header", "cookie", "path"])
OPERATIONS = st.integers(1, 2)
PARAMETERS = st.integers(0, 3)
LEAF_KINDS = ["string", "format", "integer", "number", "boolean", "enum", "int-enum", "array", "map", "union"]
KINDS = {
    (nested, refs): st.sampled_from(LEAF_KINDS + ["object", "object"] * nested + ["ref", "ref", "ref"] * refs)
    for nested in (False, True)
    for refs in (False, True)
}


class _Spec:
    """Draws one spec: a few component schemas, a few operations using them."""

    def __init__(self, draw: st.DrawFn) -> None:
        self.draw = draw

    def text(self) -> str:
        return self.draw(TEXT)

    def maybe(self, probability: float = 0.3) -> bool:
        return self.draw(TENTHS) < probability * 10

    def pick(self, options: list[Any]) -> Any:
        return options[self.draw(INDEX) % len(options)]

    def leaf(self, refs: list[str], depth: int) -> tuple[dict[str, Any], Any]:
        """A property's schema and, when it has one, a default that suits it."""
        kind = self.draw(KINDS[depth < 2, bool(refs)])
        default: Any = None
        schema: dict[str, Any]
        if kind == "string":
            schema, default = {"type": "string"}, self.text()
        elif kind == "format":
            schema = {"type": "string", "format": self.draw(FORMAT)}
        elif kind == "integer":
            schema, default = {"type": "integer"}, self.draw(INT)
        elif kind == "number":
            schema, default = {"type": "number"}, self.draw(NUMBER)
        elif kind == "boolean":
            schema, default = {"type": "boolean"}, self.draw(BOOL)
        elif kind == "enum":
            values = self.draw(ENUM_VALUES)
            schema, default = {"type": "string", "enum": values}, self.pick(values)
        elif kind == "int-enum":
            values = self.draw(INT_ENUM_VALUES)
            schema, default = {"type": "integer", "enum": values}, values[0]
        elif kind == "array":
            item, _ = self.leaf(refs, depth + 1)
            schema = {"type": "array", "items": item}
        elif kind == "map":
            schema = {"type": "object", "additionalProperties": {"type": "integer"}}
        elif kind == "union":
            schema = {"anyOf": [{"type": "string"}, {"type": "integer"}]}
        elif kind == "object":
            schema = self.object(refs, depth + 1)
        else:
            schema = {"$ref": "#/components/schemas/" + self.pick(refs)}
        if self.maybe(0.25):  # nullable
            if "type" in schema and kind not in ("object", "map", "enum", "int-enum"):
                schema = {**schema, "type": [schema["type"], "null"]}
            else:
                schema = {"anyOf": [schema, {"type": "null"}]}
        if "$ref" not in schema and self.maybe(0.2):
            schema["description"] = self.text()
        return schema, default

    def object(self, refs: list[str], depth: int) -> dict[str, Any]:
        properties: dict[str, Any] = {}
        required: list[str] = []
        for name in self.draw(PROPERTY_NAMES):
            schema, default = self.leaf(refs, depth)
            if self.maybe(0.4):
                required.append(name)
            elif default is not None and self.maybe(0.5) and "$ref" not in schema:
                schema["default"] = default
            properties[name] = schema
        out: dict[str, Any] = {"type": "object", "properties": properties}
        if required:
            out["required"] = required
        if self.maybe(0.2):
            out["title"] = self.text()
        if self.maybe(0.3):
            out["description"] = self.text()
        return out

    def parameter(self, used: set[tuple[str, str]]) -> dict[str, Any] | None:
        name = self.draw(NAME)
        where = self.draw(LOCATION)
        if (name, where) in used or not name or (where == "path" and ("{" in name or "}" in name)):
            return None
        used.add((name, where))
        schema, default = self.leaf([], 2)
        if where != "query" and schema.get("type") not in ("string", "integer", "boolean"):
            schema, default = {"type": "string"}, self.text()
        param: dict[str, Any] = {"name": name, "in": where, "schema": schema}
        if where == "path":
            param["required"] = True
        elif default is not None and self.maybe(0.4):
            schema["default"] = default
        if self.maybe(0.2):
            param["description"] = self.text()
        return param

    def recursive(self, name: str, refs: list[str]) -> dict[str, Any]:
        """A schema that refers to itself; its last variant (or an absent property) ends it."""
        me = {"$ref": "#/components/schemas/" + name}
        leaf = {"$ref": "#/components/schemas/" + self.pick(refs)} if refs and self.maybe(0.5) else {"type": "string"}
        how = self.draw(RECURSIVE)
        if how == "map":
            return {"anyOf": [{"type": "object", "additionalProperties": me}, leaf]}
        if how == "list":
            return {"anyOf": [{"type": "array", "items": me}, leaf]}
        return {"type": "object", "required": ["v"], "properties": {"v": leaf, "next": me}}

    def operation_id(self) -> str:
        return self.draw(ODD_OPERATION_IDS if self.draw(RARELY) else OPERATION_ID)

    def build(self) -> dict[str, Any]:
        names = self.draw(SCHEMA_NAMES)
        schemas: dict[str, Any] = {}
        for i, name in enumerate(names):
            if self.maybe(0.2):
                values = self.draw(ENUM_VALUES)
                schemas[name] = {"type": "string", "enum": values, "description": self.text()}
            elif self.maybe(0.15):
                schemas[name] = self.recursive(name, names[:i])
            else:
                # Only earlier schemas are referenced: samples of them are finite.
                schemas[name] = self.object(names[:i], 0)
        paths: dict[str, Any] = {}
        for i in range(self.draw(OPERATIONS)):
            used: set[tuple[str, str]] = set()
            params = [p for p in (self.parameter(used) for _ in range(self.draw(PARAMETERS))) if p]
            path = f"/p{i}" + "".join("/{" + p["name"] + "}" for p in params if p["in"] == "path")
            op: dict[str, Any] = {"operationId": self.operation_id(), "parameters": params}
            target: dict[str, Any] = {"$ref": "#/components/schemas/" + self.pick(names)}
            if self.maybe(0.5):
                target = {"type": "array", "items": target}
            content = {"application/json": {"schema": target}}
            op["responses"] = {"200": {"description": self.text(), "content": content}}
            if self.maybe(0.3):
                op["summary"] = self.text()
            method = "get"
            if self.maybe(0.4):
                method = "post"
                body = {"$ref": "#/components/schemas/" + self.pick(names)}
                op["requestBody"] = {"required": self.draw(BOOL), "content": {"application/json": {"schema": body}}}
            paths[path] = {method: op}
        server = self.text()
        return {
            "openapi": "3.1.0",
            "info": {"title": "Hostile API", "version": "1.0.0", "description": self.text()},
            "servers": [{"url": "https://api.example.com", "description": server}],
            "paths": paths,
            "components": {"schemas": schemas},
        }


@st.composite
def random_specs(draw: st.DrawFn) -> dict[str, Any]:
    return _Spec(draw).build()


def _resolve(spec: dict[str, Any], pointer: str) -> Any:
    node: Any = spec
    for token in [t.replace("~1", "/").replace("~0", "~") for t in pointer.split("/")[1:]]:
        node = node[int(token)] if isinstance(node, list) else node[token]
    while isinstance(node, dict) and "$ref" in node:
        node = _resolve(spec, node["$ref"][1:])
    return node


def sample(spec: dict[str, Any], schema: Any, rng: random.Random, depth: int = 0) -> Any:
    """A JSON value the schema allows, that msgspec encodes back exactly as it is."""
    while isinstance(schema, dict) and "$ref" in schema:
        schema = _resolve(spec, schema["$ref"][1:])
    if "anyOf" in schema:
        variants = [v for v in schema["anyOf"] if v.get("type") != "null"]
        if len(variants) < len(schema["anyOf"]) and rng.random() < 0.3:
            return None
        # Deep down, the last variant: it ends a schema that holds itself.
        return sample(spec, variants[-1] if depth > 3 else rng.choice(variants), rng, depth + 1)
    kind = schema.get("type")
    if isinstance(kind, list):
        if "null" in kind and rng.random() < 0.3:
            return None
        kind = next(k for k in kind if k != "null")
    if "enum" in schema:
        return rng.choice(schema["enum"])
    if kind == "string":
        return STRING_FORMATS.get(schema.get("format", ""), rng.choice(TEXTS))
    if kind == "integer":
        return rng.choice(ENUM_INTS)
    if kind == "number":
        return rng.choice([1.5, -0.25, 1e20])
    if kind == "boolean":
        return rng.random() < 0.5
    if kind == "array":
        return [sample(spec, schema["items"], rng, depth + 1) for _ in range(rng.randint(0, 2))]
    if "properties" not in schema:
        values = schema.get("additionalProperties")
        if isinstance(values, dict) and "type" not in values:
            return {"k": sample(spec, values, rng, depth + 1)} if depth <= 3 and rng.random() < 0.5 else {}
        return {"k": rng.choice(ENUM_INTS)} if rng.random() < 0.5 else {}
    out: dict[str, Any] = {}
    for name, prop in schema["properties"].items():
        if UNMAPPABLE.search(name):
            continue  # left out of the struct: never decoded, never sent
        if name in schema.get("required", []):
            out[name] = sample(spec, prop, rng, depth + 1)
        elif depth <= 3 and rng.random() < 0.6:
            value = sample(spec, prop, rng, depth + 1)
            # Optional and not nullable: None means "absent"; a default is left out.
            keep = value is not None or _nullable(spec, prop)
            if keep and ("default" not in prop or value != prop["default"]):
                out[name] = value
    return out


def _nullable(spec: dict[str, Any], schema: Any) -> bool:
    while isinstance(schema, dict) and "$ref" in schema:
        schema = _resolve(spec, schema["$ref"][1:])
    kind = schema.get("type")
    return (isinstance(kind, list) and "null" in kind) or any(
        v.get("type") == "null" for v in schema.get("anyOf", [])
    )


@dataclass
class _Run:
    root: Path
    examples: int = 0
    generated: int = 0
    rejected: int = 0
    models_checked: int = 0
    problems_seen: list[str] = field(default_factory=list)
    mypy_packages: list[Path] = field(default_factory=list)
    # Files that come out the same for every spec (_base.py, errors.py, ...): compiled once,
    # then hard-linked with their bytecode into each package, so imports stay quick.
    static: dict[tuple[str, str], Path] = field(default_factory=dict)

    def summary(self) -> dict[str, int]:
        return {
            "examples": self.examples,
            "generated": self.generated,
            "rejected": self.rejected,
            "models_checked": self.models_checked,
            "type_checked": len(self.mypy_packages),
        }


PROPERTY_PACKAGE = "hostile_prop"
PER_SPEC_FILES = ("models.py", "_client.py")
SHARDS = 2  # one per core: the examples are split, each shard in its own process
SEED = 20261122


@pytest.mark.slow
def test_random_specs_generate_or_are_refused_cleanly(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Each random spec is generated in-process (load, validate, build, render; black for a
    sample, since black takes ~0.1 s a file and does not change what the code means). Then:
    every .py file compiles, the package imports under a name of its own, and two samples of
    every model decode and encode back to the same JSON, wire keys and all. A spec may be
    refused with InputError (two schemas that become one class name, ...): its problems must
    be well-formed and the CLI must write nothing. Anything else is a generator bug.

    The examples are split into SHARDS shards with their own seeds; shard 0 runs here, the
    others in child processes at the same time. Each shard ends with one mypy --strict run
    over the packages it formatted."""
    per_shard = -(-EXAMPLES // SHARDS)
    children = []
    for shard in range(1, SHARDS):
        folder = tmp_path_factory.mktemp(f"shard{shard}")
        command = [sys.executable, "-c", _CHILD, str(shard), str(per_shard), str(folder)]
        children.append(
            subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        )
    try:
        totals = run_shard(0, per_shard, tmp_path_factory.mktemp("shard0")).summary()
    except BaseException:
        for child in children:
            child.kill()
        raise
    for child in children:
        out, err = child.communicate(timeout=900)
        assert child.returncode == 0, f"a shard failed:\n{err[-12000:]}"
        for key, value in json.loads(out.strip().splitlines()[-1]).items():
            totals[key] += value
    print(f"\nrandom specs: {totals}")
    assert totals["examples"] >= EXAMPLES
    assert totals["generated"] >= totals["examples"] * 0.7, "most random specs should be valid"
    assert totals["models_checked"] >= totals["generated"]
    assert totals["type_checked"] >= min(MYPY_SAMPLES, totals["generated"]) * 0.7


_CHILD = f"""
import json, sys
sys.path[:0] = [{str(TESTS)!r}, {str(ROOT)!r}]
import test_hostile
from pathlib import Path
run = test_hostile.run_shard(int(sys.argv[1]), int(sys.argv[2]), Path(sys.argv[3]))
print(json.dumps(run.summary()))
"""


def run_shard(shard: int, examples: int, root: Path) -> _Run:
    from hypothesis import seed

    from generator import pipeline
    from generator.emit import format as format_module
    from generator.emit import render
    from generator.emit.format import format_files

    run = _Run(root)
    environment = render.environment()
    mypy_samples = -(-MYPY_SAMPLES // SHARDS)
    sample_every = max(1, examples // (mypy_samples + 2))
    fmt = {"on": False}

    def maybe_format(files: dict[str, str], *args: Any, **kwargs: Any) -> dict[str, str]:
        return format_files(files) if fmt["on"] else files

    def check(spec: dict[str, Any]) -> None:
        run.examples += 1
        n = run.examples
        spec_path = run.root / "spec.json"
        spec_path.write_text(json.dumps(spec, ensure_ascii=False), "utf-8")
        fmt["on"] = run.generated % sample_every == 0 and len(run.mypy_packages) < mypy_samples
        try:
            result = pipeline.generate(pipeline.Options(spec=spec_path, package=PROPERTY_PACKAGE))
        except InputError as exc:
            _check_refusal(run, exc, spec_path, n)
            return
        run.generated += 1
        name = f"{PROPERTY_PACKAGE}_{shard}_{n}"
        folder = run.root / ("mypy" if fmt["on"] else "import") / name
        _place(run, result.files, folder)
        if fmt["on"]:
            run.mypy_packages.append(folder)
        _import_and_round_trip(run, spec, result.api, folder, name, random.Random(n))
        if not fmt["on"]:
            shutil.rmtree(folder)

    @seed(SEED + shard)
    @settings(
        max_examples=examples,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
    )
    @given(random_specs())
    def examples_of(spec: dict[str, Any]) -> None:
        check(spec)

    with mock.patch.object(format_module, "format_files", maybe_format), mock.patch.object(
        render, "environment", lambda template_dirs=None: environment
    ):
        examples_of()
    if run.mypy_packages:
        checked = _mypy(*run.mypy_packages)
        assert checked.returncode == 0, checked.stdout[-5000:]
    return run


def _place(run: _Run, files: dict[str, str], folder: Path) -> None:
    """Check that every .py file compiles; write the package's files into `folder`."""
    import py_compile
    from importlib.util import cache_from_source

    folder.mkdir(parents=True)
    for path, text in files.items():
        if not path.endswith(".py"):
            continue
        rel = path.split("/", 1)[1]
        target = folder / rel
        known = run.static.get((rel, text))
        if known is not None:
            os.link(known, target)
            compiled = Path(cache_from_source(str(target)))
            compiled.parent.mkdir(exist_ok=True)
            os.link(cache_from_source(str(known)), compiled)
            continue
        compile(text, path, "exec")
        target.write_text(text, "utf-8")
        if rel not in PER_SPEC_FILES:  # formatted or not: two versions of each
            canonical = run.root / "static" / str(len(run.static)) / rel
            canonical.parent.mkdir(parents=True)
            canonical.write_text(text, "utf-8")
            py_compile.compile(str(canonical), doraise=True)
            run.static[rel, text] = canonical


def _check_refusal(run: _Run, exc: InputError, spec_path: Path, n: int) -> None:
    from generator.cli import main

    run.rejected += 1
    assert exc.problems, "InputError without problems"
    for problem in exc.problems:
        assert isinstance(problem, Problem)
        assert isinstance(problem.pointer, str) and (problem.pointer == "" or problem.pointer.startswith("/"))
        assert isinstance(problem.message, str) and problem.message.strip(), problem
        if len(run.problems_seen) < 5 and problem.message not in run.problems_seen:
            run.problems_seen.append(problem.message)
    out = run.root / f"refused-{n}"
    with mock.patch("sys.stderr"):
        code = main(["generate", "--spec", str(spec_path), "--out", str(out), "--package-name", "x", "--quiet"])
    assert code == 2
    assert not out.exists(), "a refused spec wrote files"


def _import_and_round_trip(
    run: _Run, spec: dict[str, Any], api: Any, folder: Path, name: str, rng: random.Random
) -> None:
    sys.path.insert(0, str(folder.parent))
    try:
        importlib.invalidate_caches()
        importlib.import_module(name)
        models = sys.modules[f"{name}.models"]
        hook = importlib.import_module(f"{name}._unions").decode_hook
        for model in api.models:
            cls = getattr(models, model.name)
            schema = _resolve(spec, model.pointer)
            for _ in range(2):
                value = sample(spec, schema, rng)
                decoded = msgspec.json.decode(json.dumps(value).encode(), type=cls, dec_hook=hook)
                again = json.loads(msgspec.json.encode(decoded))
                assert again == value, f"{model.name}: {value!r} came back as {again!r}"
            run.models_checked += 1
    finally:
        sys.path.remove(str(folder.parent))
        for module in [m for m in sys.modules if m == name or m.startswith(name + ".")]:
            del sys.modules[module]
