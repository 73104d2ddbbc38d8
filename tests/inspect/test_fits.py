"""The type-compatibility rule of `polar-codegen diff`, and how a type change is judged."""

from __future__ import annotations

from generator.inspect.diff.fits import TypeNames, fits, map_type, strip_none
from generator.inspect.diff.judge import judge
from generator.inspect.diff.usage import REQUEST, RESPONSE
from generator.ir import ANY, NONE, TypeRef

STR = TypeRef("builtin", "str")
INT = TypeRef("builtin", "int")
FLOAT = TypeRef("builtin", "float")
CAT = TypeRef("model", "Cat")
DOG = TypeRef("model", "Dog")
PET = TypeRef("alias", "Pet")
COLOR = TypeRef("enum", "Color")
LEVEL = TypeRef("enum", "Level")
NAMES = TypeNames(
    aliases={"Pet": TypeRef("union", args=(CAT, DOG)), "Loop": TypeRef("alias", "Loop")},
    enum_bases={"Color": "str", "Level": "int"},
)


def union(*args: TypeRef) -> TypeRef:
    return TypeRef("union", args=args)


def literal(*values: str | int) -> TypeRef:
    return TypeRef("literal", values=values)


def test_int_fits_float_but_not_the_other_way() -> None:
    assert fits(INT, FLOAT, NAMES)
    assert not fits(FLOAT, INT, NAMES)
    assert not fits(STR, INT, NAMES)


def test_any_takes_everything_and_fits_nothing_else() -> None:
    assert fits(CAT, ANY, NAMES)
    assert not fits(ANY, CAT, NAMES)
    assert fits(ANY, ANY, NAMES)


def test_a_union_fits_when_each_member_does() -> None:
    assert fits(CAT, union(CAT, DOG), NAMES)
    assert fits(union(CAT, NONE), union(DOG, CAT, NONE), NAMES)
    assert not fits(union(CAT, NONE), union(CAT, DOG), NAMES)


def test_literals_fit_their_base_type_and_wider_literals() -> None:
    assert fits(literal("a"), STR, NAMES)
    assert not fits(literal("a"), INT, NAMES)
    assert fits(literal(3), INT, NAMES)
    assert fits(literal(3), FLOAT, NAMES)
    assert not fits(literal(3), STR, NAMES)
    assert fits(literal("a", "b"), literal("c", "b", "a"), NAMES)
    assert not fits(literal("a", "b"), literal("a"), NAMES)
    assert fits(literal("a", 1), union(STR, INT), NAMES)


def test_an_enum_fits_the_builtin_of_its_base() -> None:
    assert fits(COLOR, STR, NAMES)
    assert not fits(COLOR, INT, NAMES)
    assert fits(LEVEL, INT, NAMES)
    # An enum the rule knows nothing about counts as a string enum.
    assert fits(TypeRef("enum", "Unknown"), STR, NAMES)


def test_aliases_are_looked_through_on_both_sides() -> None:
    assert fits(CAT, PET, NAMES)
    assert fits(PET, union(DOG, CAT), NAMES)
    assert not fits(PET, CAT, NAMES)


def test_an_alias_that_names_itself_stops() -> None:
    loop = TypeRef("alias", "Loop")
    assert not fits(loop, STR, NAMES)
    assert fits(loop, loop, NAMES)


def test_containers_compare_their_items() -> None:
    assert fits(TypeRef("list", args=(INT,)), TypeRef("list", args=(FLOAT,)), NAMES)
    assert not fits(TypeRef("list", args=(FLOAT,)), TypeRef("list", args=(INT,)), NAMES)
    assert fits(TypeRef("dict", args=(CAT,)), TypeRef("dict", args=(PET,)), NAMES)
    assert not fits(TypeRef("list", args=(INT,)), TypeRef("dict", args=(INT,)), NAMES)
    pair = TypeRef("tuple", args=(INT, STR))
    assert fits(pair, TypeRef("tuple", args=(FLOAT, STR)), NAMES)
    assert not fits(pair, TypeRef("tuple", args=(INT,)), NAMES)


def test_map_type_renames_old_names_deep_inside() -> None:
    old = union(TypeRef("list", args=(TypeRef("model", "Kitten"),)), NONE)
    mapped = map_type(old, {"Kitten": "Cat"})
    assert mapped == union(TypeRef("list", args=(CAT,)), NONE)
    assert map_type(literal("a"), {"a": "b"}) == literal("a")


def test_strip_none() -> None:
    assert strip_none(union(CAT, NONE)) == CAT
    assert strip_none(NONE) == NONE
    assert strip_none(union(CAT, DOG, NONE)) == union(CAT, DOG)


def test_a_request_may_widen_and_a_response_may_narrow() -> None:
    assert judge(INT, FLOAT, {REQUEST}, NAMES) == ("info", "widened")
    assert judge(FLOAT, INT, {REQUEST}, NAMES) == ("breaking", "narrowed")
    assert judge(FLOAT, INT, {RESPONSE}, NAMES) == ("info", "narrowed")
    assert judge(INT, FLOAT, {RESPONSE}, NAMES) == ("breaking", "retyped")
    # Sent and received: any change breaks someone.
    assert judge(INT, FLOAT, {REQUEST, RESPONSE}, NAMES) == ("breaking", "retyped")
    assert judge(INT, INT, {REQUEST}, NAMES) is None


def test_nullability_changes_are_named_as_such() -> None:
    assert judge(CAT, union(CAT, NONE), {REQUEST}, NAMES) == ("info", "nullable")
    assert judge(CAT, union(CAT, NONE), {RESPONSE}, NAMES) == ("breaking", "nullable")
    assert judge(union(CAT, NONE), CAT, {RESPONSE}, NAMES) == ("info", "not-nullable")


def test_judge_compares_in_new_names() -> None:
    names = TypeNames(renamed={"Kitten": "Cat"})
    assert judge(TypeRef("model", "Kitten"), CAT, {REQUEST, RESPONSE}, names) is None
