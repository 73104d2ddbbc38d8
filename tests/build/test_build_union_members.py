"""Inline members of unions get classes named after what they hold (naming/union_members.py,
facts from build/member_facts.py), through build from minimal specs."""

from __future__ import annotations

from typing import Any

from buildkit import field, ref, returning

from generator.build.typeops import make_union
from generator.ir import NONE, TypeRef


def pinned(prop: str, value: str, **more: Any) -> dict[str, Any]:
    return {
        "type": "object",
        "required": [prop],
        "properties": {prop: {"type": "string", "enum": [value]}, **more},
    }


def classes(api: Any) -> list[str]:
    return sorted(
        [m.name for m in api.models] + [e.name for e in api.enums] + [a.name for a in api.aliases]
    )


def test_a_nullable_inline_enum_is_named_after_its_field() -> None:
    schemas = {
        "Req": {
            "type": "object",
            "properties": {
                "service_tier": {
                    "anyOf": [{"type": "string", "enum": ["auto", "flex"]}, {"type": "null"}]
                }
            },
        }
    }
    api = returning(ref("Req"), schemas)
    assert field(api, "Req", "service_tier").type == make_union(
        [TypeRef("enum", "ReqServiceTier"), NONE]
    )
    assert classes(api) == ["Req", "ReqServiceTier"]


def test_members_are_named_by_the_value_they_pin_through_all_of() -> None:
    schemas = {
        "Destination": {
            "oneOf": [
                pinned("type", "sqs", queue={"type": "string"}),
                pinned("type", "amazonS3", bucket={"type": "string"}),
            ]
        },
        "NumericScore": {"type": "object", "properties": {"value": {"type": "number"}}},
        "TextScore": {"type": "object", "properties": {"value": {"type": "string"}}},
        "Score": {
            "oneOf": [
                {
                    "allOf": [
                        {"properties": {"dataType": {"const": "NUMERIC"}}},
                        ref("NumericScore"),
                    ],
                    "required": ["dataType"],
                },
                {
                    "allOf": [{"properties": {"dataType": {"const": "TEXT"}}}, ref("TextScore")],
                    "required": ["dataType"],
                },
            ]
        },
        "Both": {"type": "object", "properties": {"d": ref("Destination"), "s": ref("Score")}},
    }
    api = returning(ref("Both"), schemas)
    # (NumericScore and TextScore are only parts of the members: no classes of their own.)
    assert classes(api) == [
        "Both",
        "Destination",
        "DestinationAmazonS3",
        "DestinationSqs",
        "Score",
        "ScoreNumeric",
        "ScoreText",
    ]


def test_members_that_pin_nothing_are_named_by_their_shape_numbers_last() -> None:
    schemas = {
        "ToolChoice": {
            "oneOf": [
                {"type": "string"},
                {"type": "object", "properties": {"function": {"type": "string"}}},
            ]
        },
        "Results": {
            "oneOf": [
                {
                    "type": "object",
                    "properties": {"a": {"type": "string"}, "b": {"type": "string"}},
                },
                {
                    "type": "object",
                    "properties": {"c": {"type": "string"}, "d": {"type": "string"}},
                },
            ]
        },
        "Both": {"type": "object", "properties": {"t": ref("ToolChoice"), "r": ref("Results")}},
    }
    api = returning(ref("Both"), schemas)
    assert classes(api) == [
        "Both",
        "Results",
        "Results1",
        "Results2",
        "ToolChoice",
        "ToolChoiceFunction",
    ]
