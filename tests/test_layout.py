"""The layout rules give what black gives: for each shape, the laid-out statement is what
black makes of the one-line statement, and black leaves it as it is."""

from __future__ import annotations

import black
import pytest

from generator.emit import layout
from generator.emit.format import _mode

LONG = "a_rather_long_parameter_name_for_testing"


def black_of(code: str) -> str:
    return black.format_str(code, mode=_mode())


def in_class(statement: str, *, method: bool = False) -> str:
    body = statement if not method else statement + "\n        pass"
    return f"class C:\n{body}\n"


SIGNATURES = [
    ["self"],
    ["self", "*", "page: int = 1"],
    ["self", "*", *(layout.Typed(f"{LONG}_{i}", "int | None", "None") for i in range(2))],
    ["self", "*", *(layout.Typed(f"{LONG}_{i}", "int | None", "None") for i in range(4))],
    ["self", layout.Typed("status", "models.CheckoutStatus | builtins.list[models.CheckoutStatus] | None", "None")],
    ["self", layout.Typed("required_thing", "models.SomeVeryLongModelName | models.AnotherLongModelName")],
    # One subscript as the annotation: split at its brackets, its items on one line or one
    # a line.
    ["self", "*", layout.Typed("content_type", 'Literal["application/json", "application/x-www-form-urlencoded", "application/xml"]', '"application/json"'), layout.Typed("**options", "Unpack[RequestOptions]")],
    ["self", "*", layout.Typed("content_type", "Literal[" + ", ".join(f'"application/vnd.kind-{i}+json"' for i in range(5)) + "]", '"application/vnd.kind-0+json"')],
    ["self", "*", layout.Typed("tags", "list[models.SomeVeryLongModelNameForTags | models.AnotherLongModelNameForTags]")],
    # A name and a string too long for any line: as it is.
    ["self", "*", layout.Typed("on_behalf_of", "str", '"The subuser\'s username. This header generates the API call as if the subuser account was making the call."')],
    # One name as the annotation: black adds no parentheses around it (they would hold no
    # split), however long the line.
    ["self", "*", "date: str", layout.Typed("aggregated_by", "models.MarketingCampaignsStatsGetSinglesendStatAggregatedBy", "models.MarketingCampaignsStatsGetSinglesendStatAggregatedBy.TOTAL"), "limit: int = 5"],
    ["self", "*", layout.Typed("sort_by_direction", "models.SubuserStatisticsGetSubusersSubuserNameStatsMonthlySortByDirection", "None")],
]


@pytest.mark.parametrize("items", SIGNATURES, ids=range(len(SIGNATURES)))
@pytest.mark.parametrize(
    "returns",
    [
        "None",
        "models.ListResourceOAuth2ClientWithAVeryLongName",
        # Too long for the closing line: split at the return annotation's subscript.
        "list[models.SuppressionsGlobalSuppressionsGetSuppressionUnsubscribesResponseItem]",
        "Stream[models.TranscriptionStreamTextDelta | models.TranscriptionStreamLanguage | models.Segment]",
    ],
)
def test_signatures(items: list[layout.Item], returns: str) -> None:
    laid = in_class(layout.bracketed(4, "def method_name(", items, f") -> {returns}:", is_def=True), method=True)
    one = in_class("    def method_name(" + ", ".join(map(layout.flat, items)) + f") -> {returns}:", method=True)
    assert black_of(laid) == laid
    assert black_of(one) == laid


CALLS = [
    ["_ENDPOINT"],
    ["_ENDPOINT", 'path={"id": id}'],
    ["_ENDPOINT", layout.Group("query={", tuple(f'"{LONG}_{i}": x{i}' for i in range(2)), "}", display=True)],
    ["_ENDPOINT", layout.Group("query={", ('"page": page', '"limit": limit'), "}", display=True), "body=body"],
    ["_A_RATHER_LONG_ENDPOINT_NAME_FOR_TESTING", "body=body", 'body_encoding="json"'],
    ["_E", layout.Group("query={", tuple(f'"{LONG}_{i}": x' for i in range(1)), "}", display=True)],
    # One argument too long for its line: split at its own brackets, no comma after it.
    [layout.Group("dict(", tuple(f"{LONG}_{i}=x{i}" for i in range(3)), ")")],
    [layout.Group("[", tuple(f"{LONG}_{i}" for i in range(3)), "]", display=True)],
    # A display's entries split at their own brackets: the one entry with no comma after
    # it, several with one each.
    ["_E", layout.Group("responses={", (layout.Group("200: Json(", ("models.EmailNotificationLongerName | models.SmsNotificationName",), ")"),), "}", display=True)],
    ["_E", layout.Group("responses={", ("200: Json(models.Order)", layout.Group("403: Json(", ("models.OffSessionChargesNotEnabled | models.OrganizationNotReady",), ")")), "}", display=True)],
]


@pytest.mark.parametrize("items", CALLS, ids=range(len(CALLS)))
def test_calls(items: list[layout.Item]) -> None:
    statement = layout.bracketed(8, "return await self._client._request(", items, ")")
    laid = in_class("    def f(self):\n" + statement)
    one = in_class("    def f(self):\n        return await self._client._request(" + ", ".join(map(layout.flat, items)) + ")")
    assert black_of(laid) == laid
    assert black_of(one) == laid


ATTRIBUTES = [
    ("short", "int", "1"),
    ("next_payment_attempt_at", "datetime.datetime | msgspec.UnsetType | None", "msgspec.UNSET"),
    ("error", 'ClassVar[Literal["OffSessionChargesNotEnabled"]]', '"OffSessionChargesNotEnabled"'),
    ("custom_field_data", "dict[str, CheckoutPublicConfirmedCustomFieldDataValue | None] | None", "None"),
    ("custom_field_data", "dict[str, CheckoutPublicCustomFieldDataValue | None] | None", "None"),
    ("token_endpoint_auth_method", "OAuth2ClientTokenEndpointAuthMethod", "OAuth2ClientTokenEndpointAuthMethod.CLIENT_SECRET_POST"),
    ("created_date_utc", "datetime.datetime | None", 'msgspec.field(name="CreatedDateUtc", default=None)'),
    ("s3_protocol", "UpdateStorageConfigBodyFeaturesS3Protocol | None", 'msgspec.field(name="s3Protocol", default=None)'),
    ("current_config", "SslEnforcementResponseCurrentConfig", 'msgspec.field(name="current(Config)")'),
    ("scope_names", "dict[str, str]", 'msgspec.field(default_factory=lambda: {"openid": "OpenID", "a": "b"})'),
    # Arguments too long for one line: one a line, or the one argument split at its own
    # brackets.
    ("grant_types", "list[Item]", "msgspec.field(default_factory=lambda: [" + ", ".join(f"Item.VALUE_{i}" for i in range(9)) + "])"),
    ("grant_types", "list[Item]", 'msgspec.field(name="grantTypes", default_factory=lambda: [' + ", ".join(f"Item.VALUE_{i}" for i in range(9)) + "])"),
    ("scope_names", "dict[str, str]", "msgspec.field(default_factory=lambda: {" + ", ".join(f'"scope{i}": "Scope number {i}"' for i in range(6)) + "})"),
    # A string longer than any line: in parentheses all the same.
    ("scope", "str", '"' + " ".join(f"scope_{i}:read scope_{i}:write" for i in range(12)) + '"'),
    # The line up to the call's parenthesis too long: the value in parentheses, else the
    # annotation.
    ("image_transformation", "UpdateStorageConfigBodyImageTransformation | None", 'msgspec.field(name="imageTransformation", default=None)'),
    ("database_upgrade_status", "DatabaseUpgradeStatusResponseDatabaseUpgradeStatus | None", 'msgspec.field(name="databaseUpgradeStatus")'),
    # The annotation split: in parentheses, one `|` operand a line, at a subscript's own
    # brackets, or around one name too long for the line.
    ("region_selection", "V1CreateProjectBodyRegionSelectionSpecific | V1CreateProjectBodyRegionSelectionSmartGroup | None", "None"),
    ("allowed_cidrs", "list[JitListAccessResponseItemsItemUserRolesItemAllowedNetworksAllowedCidrsItem] | None", "None"),
    ("validation_records", "list[UpdateCustomHostnameResponseDataResultSslValidationRecordsItem]", None),
    ("errors", "list[" + " | ".join(f"ProjectUpgradeEligibilityResponseValidationErrorsItem{i}" for i in range(3)) + "]", None),
    ("postgres_engine", "GetProjectAvailableRestoreVersionsResponseAvailableVersionsItemPostgresEngine", None),
    ("variant", 'Literal["cd_default", "ipv4_default"] | ApplyProjectAddonBodyAddonVariantCi | None', "msgspec.UNSET"),
    ("prices", "dict[str, list[ProductPriceFixedCreate | ProductPriceCustomCreate | ProductPriceSeatBasedCreate | ProductPriceMeteredUnitCreate]] | msgspec.UnsetType | None", "msgspec.UNSET"),
]


@pytest.mark.parametrize("name, annotation, value", ATTRIBUTES)
def test_attributes(name: str, annotation: str, value: str | None) -> None:
    laid = in_class(layout.attribute(4, name, annotation, value))
    one = in_class(f"    {name}: {annotation}" + (f" = {value}" if value is not None else ""))
    assert black_of(laid) == laid
    assert black_of(one) == laid


UNIONS = [
    ["A", "B"],
    [f"Model{i}" for i in range(3)],
    [f"BenefitCustomerSomethingLong{i}" for i in range(3)],
    [f"BenefitCustomerSomethingLong{i}" for i in range(8)],
    ["FileContent", "tuple[str | None, FileContent]", "tuple[str | None, FileContent, str | None]", "dict[str, Any]"],
    ['Literal["cd_default", "ipv4_default"]', "ApplyProjectAddonBodyAddonVariantCi", "ApplyProjectAddonBodyAddonVariantPitr"],
    # An operand too long for its line: split at its own brackets.
    ['Literal["cd_default", "ipv4_default", "auth_mfa_phone_default", "auth_mfa_web_authn_default", "log_drain_default"]', "ListProjectAddonsResponseAvailableAddonsItemVariantsItemIdCi", "ListProjectAddonsResponseAvailableAddonsItemVariantsItemIdPitr"],
    ["list[JitListAccessResponseItemsItemUserRolesItemAllowedNetworksAllowedCidrsV6Item]", "OtherModel", "None"],
    # Two operands: in parentheses too, on one line there or one a line.
    ["UnstableCreateDashboardPlacementRequestWidget", "UnstableCreateDashboardPlacementRequestPreset"],
    ["UnstableCreateEvaluatorRequestLlmAsJudge", "list[UnstableCreateEvaluatorRequestCode]"],
]


@pytest.mark.parametrize("operands", UNIONS, ids=range(len(UNIONS)))
@pytest.mark.parametrize("indent", [0, 4])
def test_union_aliases(operands: list[str], indent: int) -> None:
    value = " | ".join(operands)
    laid = layout.union_alias(indent, "SomeAlias: TypeAlias", value) + "\n"
    one = " " * indent + f"SomeAlias: TypeAlias = {value}\n"
    wrap = (lambda text: "if X:\n" + text) if indent else (lambda text: text)
    assert black_of(wrap(laid)) == wrap(laid)
    assert black_of(wrap(one)) == wrap(laid)


SUBSCRIPTS = [
    ("_SHORT", "models.Thing"),
    ("_ORGANIZATIONS_V1_LIST_ALL_ORGANIZATIONS", "list[models.OrganizationResponseV1]"),
    ("_OAUTH2_AUTHORIZE", "models.AuthorizeResponseUser | models.AuthorizeResponseOrganization"),
]


@pytest.mark.parametrize("target, subscript", SUBSCRIPTS)
def test_subscripts_before_an_exploded_call(target: str, subscript: str) -> None:
    call = '    "GET",\n    "/v1/organizations",\n)\n'
    laid = layout.subscript_call(target, "Endpoint", subscript) + "\n" + call
    one = f"{target} = Endpoint[{subscript}](\n" + call
    assert black_of(laid) == laid
    assert black_of(one) == laid


ASSIGNED_CALLS = [
    # The line up to the call's parenthesis does not fit: the value in parentheses.
    ("self.text_generation_inference", "AsyncTextGenerationInferenceResourceWithRawResponse", ["resource.text_generation_inference"]),
    ("self.short", "AsyncTextGenerationInferenceResourceWithRawResponseAndAVeryLongName", ["resource.short"]),
    ("self.beta_observability_chat_completion_events_fields", "_streaming.async_streaming", ["self"]),
    ("self.beta_observability_chat_completion_events_fields", "a.b.async_streaming", ["self"]),
    # Not even in parentheses does every line fit: split at the call all the same.
    ("self.pki_write_issuer_issuer_ref_acme_challenge_auth_id_challenge_type", "_streaming.async_streaming", ["resource.pki_write_issuer_issuer_ref_acme_challenge_auth_id_challenge_type"]),
    ("self.pki_write_issuer_issuer_ref_roles_role_acme_challenge_auth_id_challenge_type_xx", "AsyncBetaObservabilityChatCompletionEvents", ["resource.pki_write_issuer"]),
    # Several arguments, one of them a display split one item a line.
    ("OutputMessage", "untagged_union", ['"OutputMessage"', layout.Group("(", ("TextMessage", "ToolCallMessage"), ")", display=True)]),
    ("SagemakerRequest", "untagged_union", ['"SagemakerRequest"', layout.Group("(", ("CompatGenerateRequest", "ChatRequest", "CompletionRequest"), ")", display=True)]),
    ("Lazy", "untagged_union", ['"Lazy"', layout.Group("lambda: (", tuple(f"SomeLongVariantName{i}" for i in range(4)), ")", display=True)]),
    ("Dispatched", "untagged_union", ['"Dispatched"', "(A, B)", layout.Group("(", ('"kind"', layout.Group("{", ('"a": A', '"b": B'), "}", display=True)), ")", display=True)]),
    ("EVENT_TYPES: Final[frozenset[str]]", "frozenset", [layout.Group("{", ('"member.created"', '"member.updated"', '"member.deleted"'), "}", display=True)]),
    ("EVENT_TYPES: Final[frozenset[str]]", "frozenset", [layout.Group("{", tuple(f'"resource_{i}.created"' for i in range(6)), "}", display=True)]),
]


# At the module's top, and inside a function's block (module constants only at the top).
PLACED_CALLS = [(*case, 0) for case in ASSIGNED_CALLS] + [(*case, 8) for case in ASSIGNED_CALLS if ":" not in case[0]]


@pytest.mark.parametrize("target, callee, items, indent", PLACED_CALLS, ids=range(len(PLACED_CALLS)))
def test_assigned_calls(target: str, callee: str, items: list[layout.Item], indent: int) -> None:
    laid = layout.bracketed(indent, f"{target} = {callee}(", items, ")") + "\n"
    one = " " * indent + f"{target} = {callee}(" + ", ".join(map(layout.flat, items)) + ")\n"
    wrap = (lambda text: "def f():\n    if x:\n" + text) if indent else (lambda text: text)
    assert black_of(wrap(laid)) == wrap(laid)
    assert black_of(wrap(one)) == wrap(laid)


@pytest.mark.parametrize("count", [2, 8])
def test_imports(count: int) -> None:
    names = [f"SomeRatherLongName{i}" for i in range(count)]
    laid = layout.from_import("._base", names) + "\n"
    assert black_of(laid) == laid
    assert black_of(f"from ._base import {', '.join(names)}\n") == laid


def test_shapes_beyond_the_rules_are_left_on_one_line_for_black() -> None:
    wide = ["self", "*", "naïve_名前: int = 1", *(f"p{i}: int = {i}" for i in range(20))]
    assert "\n" not in layout.bracketed(4, "def f(", wide, ") -> None:", is_def=True)
    too_long = ["self", "x: " + " | ".join(f"models.Type{i}" for i in range(20))]
    assert "\n" not in layout.bracketed(4, "def f(", too_long, ") -> None:", is_def=True)
    # A bare annotation: black splits it at its own brackets, not in parentheses.
    bare = layout.attribute(4, "required_field_with_a_long_name", "dict[str, CheckoutPublicConfirmedValue]", None)
    assert "\n" not in bare
    # A union holding a single-quoted string, or anything but names and subscripts at its
    # top.
    for first in ("Literal['a']", "A + B", "A if B else C"):
        union = first + " | " + " | ".join(["Bbbbbbbbbbbbbbbbbbbbbbbb"] * 4)
        assert "\n" not in layout.union_alias(0, "X: TypeAlias", union), first
    for value in ("f(a)(b)", "f(a) + g(b)", "f(a, b,)", "f()", "a[0](b)"):
        assert "\n" not in layout.attribute(4, "x" * 80, "int", value), value


_NAMES = ["x", "allowed_cidrs", "members_exceeding_free_project_limit_and_more"]
_TYPES = ["Item", "JitListAccessResponseItemsItemUserRolesItemAllowedNetworksAllowedCidrsV6Item", "UpdateStorageConfigBodyFeaturesImageTransform", "ProjectUpgradeEligibilityResponseTargetUpgradeVersionsItemReleaseChan"]
_VALUES = [None, "None", "msgspec.UNSET", 'msgspec.field(name="xYz")', 'msgspec.field(name="imageTransformation", default=None)', '"a string value"']


def _annotations(n: str) -> list[str]:
    m = "UpdateStorageConfigBodyFeaturesImageTransform"
    return [n, f"{n} | None", f"{n} | msgspec.UnsetType | None", f"list[{n}]", f"list[{n}] | None", f"list[{n} | {m}]", f"dict[str, {n}] | None", f'Literal["a", "b"] | {n}', f"dict[str, list[{n} | {m}]] | None"]


@pytest.mark.parametrize("name", _NAMES)
@pytest.mark.parametrize("value", _VALUES)
def test_attributes_are_laid_out_as_black_or_left_to_it(name: str, value: str | None) -> None:
    """Over names, annotations and values around the line's limit, what the rules lay out
    is black's output of the one-line statement; what they leave on one line, black does."""
    laid_out = 0
    for annotation in (a for n in _TYPES for a in _annotations(n)):
        one = f"    {name}: {annotation}" + (f" = {value}" if value is not None else "")
        laid = layout.attribute(4, name, annotation, value)
        if laid != one:
            laid_out += 1
            assert in_class(laid) == black_of(in_class(one)), laid
    assert laid_out or name == "x" and value is None


def test_enum_members_and_class_headers() -> None:
    for target, value in [("A", '"a"'), ("OBSERVABILITY_DASHBOARD_ADVANCED_METRICS_WITH_A_LONGER_NAME", '"observability.dashboard_advanced_metrics"'), ("VALUE_" + "X" * 60, "12345678901234"), ("SHORT", '"' + "x" * 90 + '"')]:
        laid = in_class(layout.assignment(4, target, value))
        assert black_of(laid) == laid
        assert black_of(in_class(f"    {target} = {value}")) == laid
    for name in ("Short", "X" * 84, "ProjectUpgradeEligibilityResponseValidationErrorsItemUserDefinedObjectsInInternalSchemasObjType"):
        for bases in (["OpenStrEnum"], ["msgspec.Struct", "frozen=True", "kw_only=True"], ["msgspec.Struct", "frozen=True", "kw_only=True", "omit_defaults=True", 'tag_field="type"', 'tag="unlogged_table_with_persistent_sequence"']):
            laid = layout.bracketed(0, f"class {name}(", bases, "):") + "\n    pass\n"
            assert black_of(laid) == laid
            assert black_of(f"class {name}(" + ", ".join(bases) + "):\n    pass\n") == laid
    # A subscripted base, split at its own brackets; a string too long stays on its line.
    for name, count in (("NotFoundError", 2), ("NotFoundError", 5), ("InternalServerError" + "X" * 60, 8)):
        detail = '"' + " | ".join(f"models.ErrorDataNumber{i}" for i in range(count)) + '"'
        base = layout.Group("APIStatusError[", (detail,), "]")
        laid = layout.bracketed(0, f"class {name}(", [base], "):") + "\n    pass\n"
        assert black_of(laid) == laid
        assert black_of(f"class {name}({layout.flat(base)}):\n    pass\n") == laid


@pytest.mark.parametrize(
    "body",
    [
        "(result.data[-1].id or None) if result.has_more and result.data else None",
        "None if result.pagination.is_last_page_of_results else (result.pagination.next_cursor or None)",
        "a if b else c",
    ],
)
def test_lambda_bodies(body: str) -> None:
    lines = layout.parenthesised(16, body)
    assert lines is not None
    if len(lines) == 1:
        assert lines == [" " * 16 + body]  # fits: one line (and the lambda is not split)
        return
    laid = "\n".join(["def f():", "    def g(self):", "        return _pages.cursors(", "            lambda after: self.list(after=after),", "            lambda result: (", *lines, "            ),", "        )"]) + "\n"
    one = f"def f():\n    def g(self):\n        return _pages.cursors(lambda after: self.list(after=after), lambda result: ({body}))\n"
    assert black_of(laid) == laid
    assert black_of(one) == laid
