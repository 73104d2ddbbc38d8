"""naming/union_members.py: the classes of a union's inline members, named after what they
hold, on values."""

from __future__ import annotations

from generator.naming.union_members import MemberFacts, member_names

NULL = MemberFacts("null")
REF = MemberFacts("ref")


def obj(
    *pinned: tuple[str, str | int | bool],
    props: tuple[str, ...] = ("a", "b"),
    title: str | None = None,
) -> MemberFacts:
    return MemberFacts("object", title, pinned=pinned, properties=props)


def enum(*values: str) -> MemberFacts:
    return MemberFacts("enum", values=values)


def test_a_nullable_wrapper_is_the_union_itself() -> None:
    assert member_names("ServiceTier", [enum("auto", "flex"), NULL]) == [
        "ServiceTier",
        "ServiceTier2",
    ]
    # ...unless another class has the name: then it says what it holds.
    assert (
        member_names("ServiceTier", [enum("auto", "flex"), NULL], taken={"ServiceTier"})[0]
        == "ServiceTierEnum"
    )


def test_members_are_named_by_the_value_they_pin() -> None:
    facts = [obj(("type", "sqs")), obj(("type", "amazonS3")), obj(("type", "generic-webhook")), REF]
    assert member_names("Destination", facts)[:3] == [
        "DestinationSqs",
        "DestinationAmazonS3",
        "DestinationGenericWebhook",
    ]


def test_the_discriminator_names_first_then_the_property_most_members_tell_apart() -> None:
    # `use` is pinned in every member, to one value: it tells nothing.
    facts = [obj(("use", "sig"), ("kty", "RSA")), obj(("use", "sig"), ("kty", "EC"))]
    assert member_names("Jwk", facts) == ["JwkRsa", "JwkEc"]
    both = [obj(("a", "x"), ("kind", "k1")), obj(("a", "y"), ("kind", "k2"))]
    assert member_names("U", both, discriminator="kind") == ["UK1", "UK2"]


def test_screaming_values_read_as_words_and_values_that_are_no_word_take_the_property() -> None:
    assert member_names("Score", [obj(("dataType", "NUMERIC")), obj(("dataType", "TEXT"))]) == [
        "ScoreNumeric",
        "ScoreText",
    ]
    facts = [obj(("object", "token")), obj(("active", False))]
    assert member_names("Verify", facts) == ["VerifyToken", "VerifyActiveFalse"]


def test_a_name_another_class_has_is_passed_over() -> None:
    facts = [obj(("dataType", "NUMERIC")), obj(("dataType", "TEXT"))]
    names = member_names("Data", facts, taken={"DataNumeric"})
    assert names == ["DataDataTypeNumeric", "DataText"]


def test_titles_and_kinds_name_members_that_pin_nothing() -> None:
    facts = [obj(title="Successful Execution"), obj(title="FailedExecution")]
    assert member_names("Execute", facts) == [
        "ExecuteSuccessfulExecution",
        "ExecuteFailedExecution",
    ]
    assert member_names("ToolChoice", [MemberFacts("other"), obj(props=("function",))]) == [
        "ToolChoice1",
        "ToolChoiceFunction",
    ]
    assert member_names("Error", [MemberFacts("other"), obj()]) == ["Error1", "ErrorObject"]
    assert member_names("Model", [enum("a/b", "c/d"), MemberFacts("other")]) == [
        "ModelEnum",
        "Model2",
    ]
    assert member_names("Grain", [enum("word", "page"), MemberFacts("array")]) == [
        "GrainEnum",
        "Grain",
    ]


def test_enums_beside_each_other_are_named_by_the_word_their_values_begin_with() -> None:
    facts = [enum("ci_micro", "ci_large"), MemberFacts("other"), enum("pitr_7", "pitr_14")]
    assert member_names("Variant", facts) == ["VariantCi", "Variant2", "VariantPitr"]


def test_a_name_two_members_would_take_is_taken_by_neither() -> None:
    assert member_names("Results", [obj(), obj(), REF]) == ["Results1", "Results2", "Results3"]
    assert member_names("V", [enum("a", "b"), enum("c", "d")]) == ["V1", "V2"]
    # One value pinned twice tells those two apart by nothing: numbers; the other by its value.
    facts = [obj(("t", "x")), obj(("t", "x")), obj(("t", "y"))]
    assert member_names("U", facts) == ["U1", "U2", "UY"]


def test_a_single_member_is_the_union() -> None:
    assert member_names("Only", [obj(("t", "x"))]) == ["Only"]


def test_a_union_of_references_and_null_declares_nothing() -> None:
    """No member is declared in place: the names are placeholders, whatever is taken."""
    for facts in ([REF, NULL], [REF, REF, NULL], [NULL, REF]):
        names = member_names("Choice", facts, discriminator="kind", taken={"Choice1", "Choice2"})
        assert names == [f"Choice{i + 1}" for i in range(len(facts))]
