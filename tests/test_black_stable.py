"""generator/emit/black_stable.py: a piece taken as formatted without black is exactly what
black makes of it, on every piece of the feature specs, spec/, real-world documents and
Polar's (black stays the check), and on pieces made from arbitrary spec text. Each rule
that sends a piece to black is shown to matter: black changes such a piece."""

from __future__ import annotations

import io
import tokenize
from pathlib import Path
from typing import Any

import black
import pytest
from conftest import FULL_SPECS, SHARED_SPECS, SPEC, TESTS
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from test_hostile import random_specs

from generator.build import BuildOptions, build
from generator.emit import format as fmt
from generator.emit import preformatted, statements
from generator.emit.black_stable import plainly_formatted, tokens
from generator.emit.render import render
from generator.problems import InputError
from generator.spec.load import load


def _black(text: str) -> str:
    return black.format_str(text, mode=fmt._mode())


def _plain(text: str) -> bool:
    return plainly_formatted(text, fmt.LINE_LENGTH)


def _pieces(files: dict[str, str]) -> list[str]:
    """Every text plainly_formatted may vouch for: each piece, and each part of a piece
    cut into statements (statements.py)."""
    pieces = [piece for path, text in files.items() if path.endswith(".py") for piece in fmt.split(text)]
    return pieces + [statements.source(part) for piece in pieces for part in _cut(piece)]


def _spec_pieces(files: dict[str, str]) -> list[str]:
    """The pieces spec text reaches: all but the runtime's known pieces, the same in every
    package (test_format.py holds those to black)."""
    known = preformatted.known(fmt.style())
    return [p for p in _pieces(files) if preformatted.digest(p) not in known]


def _cut(piece: str) -> list[statements.Part]:
    parts = statements.parts(piece)
    return parts if len(parts) > 1 else []


def _joined(piece: str) -> str | None:
    """The piece as format.py lays it out when it is cut: black on each part alone."""
    parts = _cut(piece)
    return statements.join(parts, [_black(statements.source(part)) for part in parts]) if parts else None


def _rendered(spec: Path) -> dict[str, str]:
    return render(build(load(spec).data, BuildOptions(package="pkg")))


LONG_DOC = "x" * 120
LONG_STRING = '"' + " ".join(f"scope_{i}:read" for i in range(12)) + '"'


@pytest.mark.parametrize(
    "piece",
    [
        "class A(msgspec.Struct):\n    x: int\n    y: str | None = None\n",
        f'class A:\n    """{LONG_DOC}"""\n\n    x: int\n',
        f'def f() -> None:\n    """First.\n\n    {LONG_DOC}\n    """\n',
        'X = Endpoint[int](\n    "GET",\n    "/items",\n)\n',
        "def f(\n    self, *, page: int = 1, limit: int = 10, filter: str | None = None, more: int = 0\n) -> int:\n    return 1\n",
        "x = 1  # a comment\n",
        'def f(uuid: str) -> int:\n    return self._client._request(\n        _APPLICATIONS_GET_APPLICATION_BY_UUID, path={"uuid": uuid}\n    )\n',
        ("def f(\n    self,\n    *,\n    kind: (\n        models.ProductBillingType | builtins.list[models.ProductBillingType] | None\n"
        "    ) = None,\n    page: int = 1,\n) -> int:\n    return 1\n"),
        ("Benefit: TypeAlias = (\n    BenefitCustom\n    | BenefitDiscord\n    | BenefitGitHubRepository\n"
        "    | BenefitDownloadables\n    | BenefitLicenseKeys\n    | BenefitMeterCredit\n    | BenefitFeatureFlag\n)\n"),
        'X: TypeAlias = (\n    FileContent\n    | tuple[str | None, FileContent]\n    | tuple[str | None, FileContent, str | None]\n)\n',
        ('_ORGANIZATIONS_V1_LIST_ALL_ORGANIZATIONS = Endpoint[\n    list[models.OrganizationResponseV1]\n](\n'
        '    "GET",\n    "/v1/organizations",\n)\n'),
        ('X = Endpoint[None](\n    "GET",\n    responses={\n'
        "        200: Json(models.AuthorizeResponseUser | models.AuthorizeResponseOrganization)\n    },\n)\n"),
        f"class _:\n    scope: str = (\n        {LONG_STRING}\n    )\n",
        f"X = [\n    {LONG_STRING},\n]\n",
        f"X = f(\n    name={LONG_STRING},\n)\n",
        f"def f(\n    self,\n    *,\n    on_behalf_of: str = {LONG_STRING},\n) -> None:\n    pass\n",
        ("class _:\n    def __init__(self, resource: Client) -> None:\n        self.text_generation_inference = (\n"
        "            TextGenerationInferenceResourceWithStreamingResponse(\n                resource.text_generation_inference\n"
        "            )\n        )\n"),
        ("class _:\n    grant_types: list[OAuth2ClientGrantTypesItem] = msgspec.field(\n        default_factory=lambda: [\n"
        "            OAuth2ClientGrantTypesItem.AUTHORIZATION_CODE,\n            OAuth2ClientGrantTypesItem.REFRESH_TOKEN,\n"
        "        ]\n    )\n"),
        # Laid out as layout.py lays out the joined statement: an attribute's annotation,
        # a value in parentheses, a union alias, a lambda's conditional body, a class base.
        ("class _:\n    allowed_cidrs_v6: (\n        list[\n            JitListAccessResponseItemsItemUserRolesItemAllowedNetworksAllowedCidrsV6Item\n"
        "        ]\n        | None\n    ) = None\n"),
        ("class _:\n    image_transformation: StorageConfigResponseFeaturesImageTransformation = (\n"
        '        msgspec.field(name="imageTransformation")\n    )\n'),
        "class _:\n    validation_records: list[\n        UpdateCustomHostnameResponseDataResultSslValidationRecordsItem\n    ]\n",
        ('if TYPE_CHECKING:\n    ApplyProjectAddonBodyAddonVariant: TypeAlias = (\n        Literal["cd_default", "ipv4_default"]\n'
        "        | ApplyProjectAddonBodyAddonVariantCi\n        | ApplyProjectAddonBodyAddonVariantPitr\n    )\n"),
        "UnstableCreateEvaluatorRequest: TypeAlias = (\n    UnstableCreateEvaluatorRequestLlmAsJudge | UnstableCreateEvaluatorRequestCode\n)\n",
        ("def f(self):\n    return _pages.cursors(\n        lambda after: self.list(after=after),\n        lambda result: (\n"
        "            (result.data[-1].identifier or None)\n            if result.has_more and result.data_of_this_page\n"
        "            else None\n        ),\n    )\n"),
        ('class NotFoundError(\n    APIStatusError[\n        "dict[str, Any] | models.ErrorData | models.FineTuningGetFineTunesModelsLimitsError404 | models.QueueError"\n'
        '    ]\n):\n    """HTTP 404."""\n'),
        "class ProjectUpgradeEligibilityResponseValidationErrorsItemUserDefinedObjectsInInternalSchemasObjType(\n    OpenStrEnum\n):\n    A = 1\n",
        # Lines black cannot shorten, and strings it leaves as they are.
        f'class _:\n    SHORT = "{"x" * 90}"\n',
        f"class _:\n    obj_type: {'X' * 90}\n",
        'class _:\n    value: float\n    """The value: \\"True\\" or \\"False\\""""\n',
        'x = "\'a\' \\"b\\""\n',
        # A signature's parameter split as layout.parameter splits it, a display's one entry
        # split at its call, a return annotation split at its subscript, a long name.
        ("class _:\n    def get_singlesend_stat(\n        self,\n        id: str,\n        *,\n"
        "        aggregated_by: models.MarketingCampaignsStatsGetSinglesendStatAggregatedBy = models.MarketingCampaignsStatsGetSinglesendStatAggregatedBy.TOTAL,\n"
        "        group_by: (\n"
        "            list[models.MarketingCampaignsStatsGetSinglesendStatGroupByItem] | None\n        ) = None,\n"
        "    ) -> None:\n        pass\n"),
        ('_SUPPRESSIONS_GLOBAL_SUPPRESSIONS_GET_ASM_SUPPRESSIONS_GLOBAL_EMAIL = Endpoint[\n'
        "    models.SuppressionsGlobalSuppressionsGetAsmSuppressionsGlobalEmailResponse\n](\n    \"GET\",\n    responses={\n"
        "        200: Json(\n            models.SuppressionsGlobalSuppressionsGetAsmSuppressionsGlobalEmailResponse\n        )\n"
        "    },\n)\n"),
        ("class _:\n    def get_suppression_unsubscribes(\n        self,\n        *,\n        start_time: int | None = None,\n"
        "        end_time: int | None = None,\n        limit: int | None = None,\n        offset: int | None = None,\n"
        "    ) -> list[\n        models.SuppressionsGlobalSuppressionsGetSuppressionUnsubscribesResponseItem\n    ]:\n        pass\n"),
        f"X = f(\n    {'A' * 90},\n    b,\n)\n",
        # `target = callee(` too long, the value in parentheses too long as well.
        ("class _:\n    def __init__(self, resource: Client) -> None:\n"
        f"        self.{'p' * 80} = _raw_response.raw(\n            resource.{'p' * 80}\n        )\n"),
        # A backslash ending a line of a docstring's text: black leaves such a docstring be.
        'def f():\n    """Run this:\n\n    a \\\\\n    b\n    """\n',
        'class _:\n    x: int\n    """Ends \\\\\n    with it"""\n',
        # `TARGET = Endpoint[` too long, a line of the call too long four columns deeper.
        ("_SYSTEM_ENTERPRISE_STUB_DELETE_REPLICATION_PERFORMANCE_PRIMARY_PATHS_FILTER_ID = Endpoint[\n    None\n](\n"
        '    "DELETE",\n    operation_id="enterprise-stub-delete-replication-performance-primary-paths-filter-id",\n'
        "    auth=False,\n)\n"),
    ],
    ids=[
        "fields", "long-docstring", "long-docstring-body", "exploded", "split-signature", "comment", "last-call",
        "union-parameter", "exploded-union", "exploded-union-brackets", "subscript-before-call", "one-item-display",
        "long-string-in-parentheses", "long-string-item", "long-string-argument", "long-string-default",
        "value-in-parentheses", "one-argument-split", "annotation-nested-split", "call-value-in-parentheses",
        "annotation-subscript-split", "alias-with-literal", "alias-of-two", "lambda-conditional", "class-base-split",
        "class-header-long-name", "long-enum-value", "long-annotation-name", "attribute-docstring-quote-end",
        "quotes-even", "parameter-annotations-split", "display-entry-split", "return-subscript-split",
        "long-name-argument", "long-assigned-call", "docstring-backslash", "attribute-docstring-backslash",
        "long-subscript-call",
    ],
)
def test_plain_pieces_are_what_black_makes_of_them(piece: str) -> None:
    assert _plain(piece)
    assert _black(piece) == piece


@pytest.mark.parametrize(
    "piece",
    [
        "x: int = some_function_with_a_long_name(argument_one, argument_two, argument_three_xyz, more)\n",
        'x = "say \\"hi\\""\n',
        "x = 'single'\n",
        'def f() -> None:\n    """Ends with a quote: "q\\""""\n',
        'def f() -> None:\n    """ Starts with a space."""\n',
        'def f() -> None:\n    """First.\n\n      deeper\n      deeper\n    """\n',
        f'def f() -> None:\n    """First.\n\n    {LONG_DOC}"""\n',
        "x = call(\n    a, b\n)\n",
        "x = call(\n    f(a), b\n)\n",
        'def create(\n    *,\n    content_type: (\n        Literal["application/json", "text/plain", "application/sdp", "text/x"]\n    ) = "application/json",\n) -> bytes:\n    pass\n',
        "x = call(a, b,)\n",
        "x = 1 # one space\n",
        "x = 1  #no space\n",
        "x = [\n\t1,\n]\n",
        "x = 1 \n",
        "x = (1 +\\\n 2)\n",
        "def f(\n    *,\n    kind: (\n        models.Kind | list[models.Kind] | None\n    ) = None,\n) -> int:\n    return 1\n",
        ("def f(\n    *,\n    kind: (\n        models.ProductBillingTypeXXXXXXXXXXXXXXXXXXXX | builtins.list[models.ProductBillingType]\n"
        "    ) = None,\n) -> int:\n    return 1\n"),
        "X: TypeAlias = (\n    Aaaaaaaaaaaaaaaaaaaaaa\n    | Bbbbbbbbbbbbbbbbbbbbbbbbb\n    | Cccccccccccccccccc\n)\n",
        '_SHORT = Endpoint[\n    list[models.Organization]\n](\n    "GET",\n    "/v1/organizations",\n)\n',
        'X = Endpoint[None](\n    "GET",\n    responses={\n        200: Json(models.AuthorizeResponseUser)\n    },\n)\n',
        ('X = Endpoint[None](\n    "GET",\n    responses={\n'
        "        200: Json(models.AuthorizeResponseUser), 201: Json(models.AuthorizeResponseOrganization)\n    },\n)\n"),
        f"class _:\n    scope: str = {LONG_STRING}\n",
        f"def f(\n    self,\n    *,\n    on_behalf_of: list[str] = {LONG_STRING},\n) -> None:\n    pass\n",
        "class _:\n    def __init__(self) -> None:\n        self.short = (\n            Resource(resource.short)\n        )\n",
        "class _:\n    x: list[int] = msgspec.field(\n        default_factory=lambda: [\n            1, 2\n        ]\n    )\n",
        "class _:\n    x: (\n        int | None\n    ) = None\n",
        "class _:\n    OBSERVABILITY = (\n        \"observability.dashboard_advanced_metrics\"\n    )\n",
        'class _:\n    """The value: \\"True\\" or \\"False\\""""\n',
        'x = "it\\\'s"\n',
        f'class _:\n    VALUE_ATTACHED = "{"x" * 70}"\n',
        ("class _:\n    def __init__(self, resource: Client) -> None:\n"
        f"        self.{'a' * 55} = _raw_response.async_raw(\n            resource.{'a' * 55}\n        )\n"),
        ("_TRANSACTIONAL_TEMPLATES_VERSIONS_DELETE_TEMPLATES_TEMPLATE_ID_VERSIONS_VERSION_ID = Endpoint[\n    None\n](\n"
        '    "DELETE",\n    "/templates/{template_id}/versions/{version_id}",\n    auth=False,\n)\n'),
    ],
    ids=[
        "long-code", "escaped-quote", "single-quotes", "docstring-quote-end", "docstring-space-start",
        "docstring-margin", "docstring-long-last-line", "would-join", "would-join-call", "inner-split", "magic-comma", "inline-comment",
        "comment-space", "tab", "trailing-space", "backslash", "union-parameter-fits", "union-of-two",
        "exploded-union-fits", "subscript-before-call-fits", "one-item-display-fits", "two-item-display",
        "long-string-value", "long-string-after-subscript", "value-in-parentheses-fits", "one-argument-split-fits",
        "annotation-in-parentheses-fits", "enum-value-fits", "docstring-quote-end-first", "needless-escape",
        "long-enum-value-fits-in-parentheses", "assigned-call-fits-in-parentheses",
        "subscript-call-fits-in-parentheses",
    ],
)  # fmt: skip
def test_what_black_would_change_goes_to_black(piece: str) -> None:
    assert not _plain(piece)
    assert _black(piece) != piece


def test_code_that_does_not_parse_is_left_to_black() -> None:
    assert not _plain("def f(:\n    pass\n")


CORPUS = [SPEC, *sorted((TESTS / "specs").glob("*.yaml"))]
LARGE = [
    FULL_SPECS["polar_full"],
    *(SHARED_SPECS / "realworld" / name for name in ("mistral.yaml", "xero-accounting.yaml", "clerk-fapi.yml")),
]


@pytest.mark.parametrize("spec", CORPUS, ids=lambda p: p.stem)
def test_every_plain_piece_of_the_feature_specs_is_blacks(spec: Path) -> None:
    pieces = [p for p in _pieces(_rendered(spec)) if _plain(p)]
    assert pieces
    assert [p for p in pieces if _black(p) != p] == []


def _as_tokenize_sees(code: str) -> list[tuple[str, str, tuple[int, int], tuple[int, int], bool]]:
    """Strings, comments, brackets and commas as Python's tokenize finds them, each with
    whether the code token before it is a comma."""
    seen = []
    after_comma = False
    for t in tokenize.generate_tokens(io.StringIO(code).readline):
        kind = {tokenize.STRING: "string", tokenize.COMMENT: "comment"}.get(t.type)
        if kind is None and t.type == tokenize.OP and t.string in "()[]{},":
            kind = "op"
        if kind is not None:
            seen.append((kind, t.string, t.start, t.end, after_comma))
        if t.type not in (tokenize.NL, tokenize.NEWLINE, tokenize.COMMENT, tokenize.INDENT, tokenize.DEDENT):
            after_comma = t.string == ","
    return seen


def _as_scanned(code: str) -> list[tuple[str, str, tuple[int, int], tuple[int, int], bool]]:
    return [(t.type, t.string, t.start, t.end, t.after_comma) for t in tokens(code)]


@pytest.mark.parametrize("spec", CORPUS[:8], ids=lambda p: p.stem)
def test_the_scanner_finds_what_tokenize_finds(spec: Path) -> None:
    pieces = [p for p in _pieces(_rendered(spec)) if "\\\n" not in p]
    pieces.append('x = rb"a\\"b" + \'\'\'q\\\'\'\'\'\'\' + f"{d[\'k\']}"  # c\nif"a"in b: f("""x\n"y\\"""")\n')
    for piece in pieces:
        assert _as_scanned(piece) == _as_tokenize_sees(piece)


@pytest.mark.slow
@pytest.mark.parametrize("spec", LARGE, ids=lambda p: p.name)
def test_every_plain_piece_of_large_documents_is_blacks(spec: Path) -> None:
    pieces = _pieces(_rendered(spec))
    plain = [p for p in pieces if _plain(p)]
    share = sum(p.count("\n") for p in plain) / sum(p.count("\n") for p in pieces)
    # Text goes past black (most of Polar's): without that this module has no reason to be.
    assert share > (0.5 if spec in FULL_SPECS.values() else 0.05)
    assert [p for p in plain if _black(p) != p] == []


@pytest.mark.slow
@pytest.mark.parametrize("spec", LARGE[:2], ids=lambda p: p.name)
def test_pieces_cut_into_statements_join_into_blacks_layout(spec: Path) -> None:
    """Where a piece goes to black, its statements formatted alone are what black makes of
    the piece: the cut never changes a blank line or a layout."""
    files = _rendered(spec)
    pieces = [p for path in files if path.endswith(".py") for p in fmt.split(files[path])]
    cut = [p for p in pieces if not _plain(p) and _cut(p)]
    assert len(cut) > 10
    assert [p[:80] for p in cut if _joined(p) != _black(p)] == []


def test_a_cut_keeps_blank_lines_and_comments_where_they_are() -> None:
    piece = (
        'class A(msgspec.Struct):\n    """Doc."""\n\n    a: int\n    # why\n    b: str\n    c: str\n'
        '    """Of c."""\n    d: int\n\n    def f(self) -> None:\n        pass\n'
    )
    parts = statements.parts(piece)
    assert [p.text for p in parts] == [
        'class A(msgspec.Struct):\n    """Doc."""\n',
        "    a: int\n    # why\n    b: str\n",
        '    c: str\n    """Of c."""\n',
        "    d: int\n",
        "    def f(self) -> None:\n        pass\n",
    ]
    assert [p.wrapped for p in parts] == [False, True, True, True, True]
    assert statements.join(parts, [statements.source(p) for p in parts]) == piece
    assert statements.parts("x = 1\n\n\n\ny = 2\n") == [statements.Part("x = 1\n\n\n\ny = 2\n", False, "")]
    assert [p.gap for p in statements.parts("x = 1\n\n\ny = 2\n")] == ["\n\n", ""]
    # Black leaves one blank line after an import, two after a block that defines.
    assert len(statements.parts("import x\n\n\ny = 2\n")) == 1
    assert len(statements.parts("if X:\n    def f() -> None:\n        pass\n\ny = 2\n")) == 1


TEXT = st.text(
    st.characters(codec="utf-8", categories=("L", "N", "P", "S", "Zs", "Cc")), min_size=1, max_size=120
)


def _spec(description: str, value: str, name: str, summary: str) -> dict[str, Any]:
    schema = {
        "type": "object",
        "description": description,
        "properties": {
            name: {"type": "string", "enum": [value, "other"], "default": value, "description": summary},
            "count": {"type": "integer", "default": 3, "description": description},
        },
    }
    return {
        "openapi": "3.1.0",
        "info": {"title": "t", "version": "1"},
        "paths": {
            "/items": {
                "get": {
                    "operationId": "items:list",
                    "summary": summary,
                    "description": description,
                    "parameters": [{"name": "q", "in": "query", "schema": {"type": "string", "default": value}}],
                    "responses": {
                        "200": {
                            "description": "ok",
                            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Item"}}},
                        }
                    },
                }
            }
        },
        "components": {"schemas": {"Item": schema}},
    }


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(description=TEXT, value=TEXT, name=TEXT, summary=TEXT)
def test_spec_text_never_makes_a_plain_piece_black_would_change(
    description: str, value: str, name: str, summary: str
) -> None:
    try:
        files = render(build(_spec(description, value, name, summary), BuildOptions(package="pkg")))
    except InputError:
        assume(False)
        raise
    for piece in _spec_pieces(files):
        if _plain(piece):
            assert _black(piece) == piece
        if "\\\n" not in piece:
            assert _as_scanned(piece) == _as_tokenize_sees(piece)
        joined = _joined(piece)
        assert joined is None or joined == _black(piece)


def test_only_the_built_in_templates_skip_black(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POLAR_CODEGEN_CACHE_DIR", "off")
    monkeypatch.setattr(fmt, "PARALLEL_MIN_LINES", 10**9)  # black in this process, to watch it
    files = _rendered(SPEC)
    seen: list[str] = []
    monkeypatch.setattr(fmt, "_black", lambda text: seen.append(text) or _black(text))
    fmt.format_files(files, built_in=True)
    known = preformatted.known(fmt.style())  # runtime pieces, never given to black
    plain = {
        p
        for path in files
        if path.endswith(".py")
        for p in fmt.split(files[path])
        if _plain(p) and preformatted.digest(p) not in known
    }
    assert plain and not plain & set(seen)
    seen.clear()
    fmt.format_files(files)  # a template overlay: black sees every piece again
    assert plain <= set(seen)


@settings(max_examples=40, deadline=None, database=None, suppress_health_check=list(HealthCheck))
@given(spec=random_specs())
def test_random_specs_never_make_a_plain_piece_black_would_change(spec: dict[str, Any]) -> None:
    """test_hostile's random specs: every schema shape, name and text it draws."""
    try:
        files = render(build(spec, BuildOptions(package="pkg")))
    except InputError:
        assume(False)
        raise
    for piece in _spec_pieces(files):
        if _plain(piece):
            assert _black(piece) == piece
        if "\\\n" not in piece:
            assert _as_scanned(piece) == _as_tokenize_sees(piece)
        joined = _joined(piece)
        assert joined is None or joined == _black(piece)
