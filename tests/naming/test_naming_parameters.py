"""naming/parameters.py: the keyword each parameter of a method gets."""

from __future__ import annotations

import pytest

from generator.naming.parameters import parameter_names


def query(*names: str) -> list[tuple[str, str]]:
    return [(name, "query") for name in names]


@pytest.mark.parametrize(
    ("names", "keywords"),
    [
        # Comparisons are spelled out, beside their plain name or alone.
        (["DateSent", "DateSent<", "DateSent>"], ["date_sent", "date_sent_lt", "date_sent_gt"]),
        (["StartTime<=", "StartTime>="], ["start_time_lte", "start_time_gte"]),
        (["EndTime<"], ["end_time_lt"]),
        (["!status", "status!=", "a=b"], ["not_status", "status_ne", "a_eq_b"]),
        # Other punctuation only where names would meet.
        (["filter.name"], ["filter_name"]),
        (["filter.name", "filter_name"], ["filter_dot_name", "filter_name"]),
        (["ids[]"], ["ids"]),
        (["ids", "ids[]"], ["ids", "ids_list"]),
        (
            ["x-api-key", "pageSize", "2fa", "class"],
            ["x_api_key", "page_size", "param_2fa", "class_"],
        ),
        # Dashes and underscores are word breaks: the same name, numbered.
        (["page-size", "page_size"], ["page_size", "page_size_2"]),
    ],
)
def test_parameter_names(names: list[str], keywords: list[str]) -> None:
    assert parameter_names(query(*names)) == keywords


def test_a_name_in_two_places_takes_the_place_of_the_later() -> None:
    params = [("list_id", "path"), ("list_id", "query"), ("list_id", "header")]
    assert parameter_names(params) == ["list_id", "list_id_query", "list_id_header"]


def test_a_name_the_method_keeps_for_itself_takes_the_place() -> None:
    taken = {"body", "content_type"}
    assert parameter_names([("Content-Type", "header"), ("body", "query")], taken) == [
        "content_type_header",
        "body_query",
    ]


def test_a_reserved_name_gets_an_underscore() -> None:
    assert parameter_names(query("self", "x"), reserved={"self"}) == ["self_", "x"]


def test_a_keyword_with_a_trailing_underscore_takes_its_place_after_one() -> None:
    assert parameter_names([("class", "path"), ("class", "query")]) == ["class_", "class_query"]
