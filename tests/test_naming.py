"""Identifier rules: deterministic, valid identifiers, collisions resolved by rule. (Where
operations land on the client: tests/naming/test_naming_placement.py; unions:
tests/build/test_build_unions.py.)"""

from __future__ import annotations

import keyword

import pytest

from generator.naming import (
    class_name,
    dedupe,
    enum_member_names,
    identifier,
    pascal_case,
    snake_case,
)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("created_at", "created_at"),
        ("createdAt", "created_at"),
        ("HTTPValidationError", "http_validation_error"),
        ("checkout-links", "checkout_links"),
        ("x.y z", "x_y_z"),
        ("café", "cafe"),
        ("名前", "u540d_u524d"),
        # A plural acronym is one word; so is a lone capital before a word.
        ("redirectURLs", "redirect_urls"),
        ("IDsOnly", "ids_only"),
        ("GetDBRPs", "get_dbrps"),
        ("getOAuthToken", "get_o_auth_token"),
        ("OAuth2Client", "oauth2_client"),
        ("ETag", "etag"),
        ("XMLHttpRequest", "xml_http_request"),
        ("Status", "status"),
    ],
)
def test_snake_case(raw: str, expected: str) -> None:
    assert snake_case(raw) == expected


def test_identifiers_are_always_valid_and_never_keywords() -> None:
    for raw in ["class", "from", "None", "2fa", "", "---", "é", "self", "if"]:
        name = identifier(raw)
        assert name.isidentifier() and not keyword.iskeyword(name), raw
    assert identifier("class") == "class_"
    assert identifier("2fa") == "field_2fa"


def test_class_names_follow_design() -> None:
    assert class_name("ListResource_OAuth2Client_") == "ListResourceOAuth2Client"
    assert pascal_case("Response Oauth2:Authorize") == "ResponseOauth2Authorize"
    assert class_name("3d") == "Schema3d"


def test_enum_collisions_spell_out_punctuation_then_number() -> None:
    assert enum_member_names(["GMT0", "GMT+0", "GMT-0"]) == ["GMT0", "GMT_PLUS_0", "GMT_MINUS_0"]
    assert enum_member_names(["a", "A", ""]) == ["A", "A_2", "EMPTY"]
    assert enum_member_names(["1", "user:read"]) == ["VALUE_1", "USER_READ"]
    # Same input, same output: the rule depends on spec order only.
    assert enum_member_names(["x-y", "x_y"]) == enum_member_names(["x-y", "x_y"])


def test_dedupe_keeps_the_first_name() -> None:
    assert dedupe(["a", "a", "a_2", "b"]) == ["a", "a_2", "a_2_2", "b"]
    assert dedupe(["a"], taken={"a"}) == ["a_2"]
