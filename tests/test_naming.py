"""Naming decisions: deterministic, valid identifiers, collisions resolved by rule."""

from __future__ import annotations

import keyword

import pytest

from generator.build import make_union, msgspec_union_problem
from generator.ir import NONE, TypeRef
from generator.naming import (
    class_name,
    dedupe,
    enum_member_names,
    identifier,
    pascal_case,
    snake_case,
)
from generator.naming.placement import operation_names


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


@pytest.mark.parametrize(
    ("op", "expected"),
    [
        ({"operationId": "oauth2:clients:list"}, (("oauth2", "clients"), "list")),
        ({"operationId": "x", "x-speakeasy-group": "a.b", "x-speakeasy-name-override": "get"}, (("a", "b"), "get")),
        ({"operationId": "listPets", "tags": ["pets"]}, (("pets",), "list_pets")),
        ({"tags": ["Pet Store"]}, (("pet_store",), "get_pets_pet_id")),
        ({"operationId": "checkout-links:create"}, (("checkout_links",), "create")),
    ],
)
def test_operation_names(op: dict[str, object], expected: tuple[tuple[str, ...], str]) -> None:
    assert operation_names(op, "get", "/pets/{pet_id}") == expected


def test_unions_flatten_merge_literals_and_put_none_last() -> None:
    a = TypeRef("literal", values=('"a"',))
    b = TypeRef("literal", values=('"b"',))
    s = TypeRef("builtin", "str")
    assert make_union([NONE, a, make_union([b, s])]) == TypeRef(
        "union", args=(TypeRef("literal", values=('"a"', '"b"')), s, NONE)
    )
    assert make_union([s, s]) == s


def test_unions_msgspec_cannot_decode_are_named() -> None:
    dt = TypeRef("stdlib", "datetime.datetime")
    s = TypeRef("builtin", "str")
    assert msgspec_union_problem(make_union([dt, s])) is not None
    assert msgspec_union_problem(make_union([s, TypeRef("builtin", "int"), NONE])) is None
    two_models = make_union([TypeRef("model", "A"), TypeRef("model", "B")])
    assert "no tag" in (msgspec_union_problem(two_models) or "")
    class Tagged:
        def tag_of(self, model: str) -> tuple[str, str | int] | None:
            return {"A": ("kind", "a"), "B": ("kind", "b")}.get(model)

        def enum_base(self, name: str) -> str:
            return "str"

        def alias_target(self, name: str) -> TypeRef | None:
            return None

    assert msgspec_union_problem(two_models, Tagged()) is None
