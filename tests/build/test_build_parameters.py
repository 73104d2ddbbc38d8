"""build/parameters.py on IR values: parameter order, Python names, required-ness,
declarations and defaults, style and explode."""

from __future__ import annotations

from typing import Any

import pytest
from buildkit import build_api, document, json_content, only_operation

from generator.ir import ANY, INT, NONE, NULL, STR, Default, Operation, Param, TypeRef

STRING = {"type": "string"}


def union(*args: TypeRef) -> TypeRef:
    return TypeRef("union", args=args)


def operation_with(
    params: list[dict[str, Any]],
    path: str = "/things",
    *,
    body: bool = False,
    shared: list[dict[str, Any]] | None = None,
    schemas: dict[str, Any] | None = None,
) -> Operation:
    op: dict[str, Any] = {"operationId": "op", "parameters": params, "responses": {"204": {"description": "done"}}}
    if body:
        op["requestBody"] = {"required": True, **json_content(STRING)}
    item: dict[str, Any] = {"post": op}
    if shared is not None:
        item["parameters"] = shared
    return only_operation(build_api(document({path: item}, schemas)))


def query(name: str, schema: Any = None, **extra: Any) -> dict[str, Any]:
    return {"name": name, "in": "query", "schema": STRING if schema is None else schema, **extra}


def one(param: dict[str, Any], **kwargs: Any) -> Param:
    (p,) = operation_with([param], **kwargs).params
    return p


# Order


def test_path_parameters_come_first_in_the_order_of_the_path_template() -> None:
    params = [
        query("q"),
        {"name": "a", "in": "path", "required": True, "schema": STRING},
        {"name": "X-Id", "in": "header", "schema": STRING},
        {"name": "b", "in": "path", "required": True, "schema": STRING},
    ]
    op = operation_with(params, "/x/{b}/y/{a}")
    assert [p.wire_name for p in op.params] == ["b", "a", "q", "X-Id"]
    assert [p.name for p in op.positional] == ["b", "a"]
    assert [p.name for p in op.keyword] == ["q", "x_id"]


def test_an_operation_parameter_overrides_the_path_items_of_the_same_name_and_place() -> None:
    shared = [query("limit", {"type": "integer"}), query("shared_only")]
    op = operation_with([query("limit", STRING, description="Mine.")], shared=shared)
    assert [(p.wire_name, p.type) for p in op.params] == [("limit", STR), ("shared_only", STR)]
    assert op.params[0].description == "Mine."


# Names


@pytest.mark.parametrize(
    ("wire", "name"),
    [("pageSize", "page_size"), ("self", "self_"), ("class", "class_"), ("2fa", "param_2fa"), ("", "field")],
)
def test_parameter_python_names(wire: str, name: str) -> None:
    assert one(query(wire)).name == name


def test_body_is_kept_free_for_the_request_body() -> None:
    assert one(query("body"), body=True).name == "body_query"
    assert one(query("body")).name == "body"


def test_parameters_that_share_a_python_name_are_told_apart_by_place_then_numbered() -> None:
    op = operation_with([query("page-size"), query("page_size"), {"name": "page_size", "in": "header"}])
    assert [p.name for p in op.params] == ["page_size", "page_size_2", "page_size_header"]


def test_parameters_that_differ_by_punctuation_spell_it() -> None:
    op = operation_with([query("DateSent"), query("DateSent<"), query("DateSent>"), query("ids"), query("ids[]")])
    assert [p.name for p in op.params] == ["date_sent", "date_sent_lt", "date_sent_gt", "ids", "ids_list"]
    assert [p.wire_name for p in op.params] == ["DateSent", "DateSent<", "DateSent>", "ids", "ids[]"]


# Required-ness, declarations, defaults


def test_a_path_parameter_is_required_even_when_the_spec_does_not_say_so() -> None:
    p = one({"name": "id", "in": "path", "schema": {"type": "integer"}}, path="/t/{id}")
    assert (p.required, p.declared, p.default) == (True, INT, None)


def test_an_optional_parameter_is_declared_with_none_and_defaults_to_none() -> None:
    p = one(query("q"))
    assert (p.required, p.type, p.declared, p.default) == (False, STR, union(STR, NONE), NULL)


def test_a_required_query_parameter_has_no_default() -> None:
    p = one(query("q", {"type": "integer", "default": 3}, required=True))
    assert (p.required, p.declared, p.default) == (True, INT, None)


def test_a_scalar_default_shows_in_the_signature() -> None:
    p = one(query("limit", {"type": "integer", "default": 10}))
    assert (p.declared, p.default) == (INT, Default("value", 10))


@pytest.mark.parametrize(
    ("schema", "declared"),
    [
        ({"type": "array", "items": STRING, "default": ["a"]}, union(TypeRef("list", args=(STR,)), NONE)),
        (
            {"type": "object", "additionalProperties": STRING, "default": {"a": "b"}},
            union(TypeRef("dict", args=(STR,)), NONE),
        ),
        ({"default": [1]}, ANY),  # Any admits None already
    ],
    ids=["list", "dict", "any-json"],
)
def test_a_factory_default_is_dropped_from_the_signature(schema: dict[str, Any], declared: TypeRef) -> None:
    """None sends nothing, and the server applies the same default."""
    p = one(query("q", schema))
    assert (p.declared, p.default) == (declared, NULL)


def test_a_default_of_the_wrong_type_is_dropped() -> None:
    p = one(query("limit", {"type": "integer", "default": "ten"}))
    assert (p.declared, p.default) == (union(INT, NONE), NULL)


def test_an_enum_default_is_its_member_and_a_sibling_default_wins() -> None:
    schemas = {"Sort": {"type": "string", "enum": ["asc", "desc"], "default": "asc"}}
    sort = {"$ref": "#/components/schemas/Sort"}
    plain = one(query("sort", sort), schemas=schemas)
    assert plain.default == Default("member", enum="Sort", member="ASC")
    assert plain.declared == TypeRef("enum", "Sort")
    sibling = one(query("sort", {**sort, "default": "desc"}), schemas=schemas)
    assert sibling.default == Default("member", enum="Sort", member="DESC")


def test_a_parameter_with_content_takes_its_schema_from_the_media_type() -> None:
    p = one({"name": "filter", "in": "query", "content": {"application/json": {"schema": {"type": "integer"}}}})
    assert p.type == INT


# Style and explode


@pytest.mark.parametrize(
    ("location", "style", "explode"),
    [("query", "form", True), ("cookie", "form", True), ("path", "simple", False), ("header", "simple", False)],
)
def test_style_and_explode_defaults_by_location(location: str, style: str, explode: bool) -> None:
    path = "/t/{v}" if location == "path" else "/t"
    p = one({"name": "v", "in": location, "required": True, "schema": STRING}, path=path)
    assert (p.location, p.style, p.explode) == (location, style, explode)


def test_explicit_style_and_explode_are_kept() -> None:
    deep = one(query("f", {"type": "object"}, style="deepObject"))
    assert (deep.style, deep.explode) == ("deepObject", False)
    packed = one(query("ids", {"type": "array", "items": STRING}, explode=False))
    assert (packed.style, packed.explode) == ("form", False)


# What else a parameter carries


def test_description_is_the_parameters_own_else_its_schemas() -> None:
    assert one(query("a", {"type": "string", "description": "Schema's."}, description="Own.")).description == "Own."
    assert one(query("a", {"type": "string", "description": "Schema's."})).description == "Schema's."
    schemas = {"Id": {"type": "string", "description": "Target's."}}
    target = one(query("a", {"$ref": "#/components/schemas/Id"}), schemas=schemas)
    assert target.description == "Target's."
    sibling = one(query("a", {"$ref": "#/components/schemas/Id", "description": "Sibling's."}), schemas=schemas)
    assert sibling.description == "Sibling's."


def test_deprecation_and_constraints() -> None:
    p = one(query("n", {"type": "integer", "minimum": 1, "maximum": 100}, deprecated=True))
    assert p.deprecated
    assert p.constraints == (("minimum", "1"), ("maximum", "100"))


def test_a_parameter_named_like_the_body_keywords_takes_another_name() -> None:
    """`content_type=` chooses a body's media type: a `Content-Type` header parameter of an
    operation with a body must not take the name (influxdb's spec has one)."""
    from buildkit import build_api, document, json_content

    op = {
        "operationId": "post",
        "parameters": [{"name": "Content-Type", "in": "header", "schema": {"type": "string"}}],
        "requestBody": {
            "content": {"application/json": {"schema": {"type": "object"}}, "text/plain": {"schema": {"type": "string"}}}
        },
        "responses": {"204": {"description": "done"}},
    }
    (operation,) = build_api(document({"/p": {"post": op}})).operations
    assert [p.name for p in operation.params] == ["content_type_header"]
    assert operation.body is not None and len(operation.body.choices) == 2
    del json_content


# Undeclared path parameters


def test_a_path_parameter_no_one_declares_is_a_required_str_in_path_order() -> None:
    op = operation_with([query("q"), {"name": "b", "in": "path", "required": True, "schema": {"type": "integer"}}], "/x/{a}/y/{b}/z/{a}")
    assert [(p.name, p.wire_name, p.location, p.type, p.required) for p in op.params] == [
        ("a", "a", "path", STR, True),
        ("b", "b", "path", INT, True),
        ("q", "q", "query", STR, False),
    ]
    assert [p.name for p in op.positional] == ["a", "b"]


def test_an_undeclared_path_parameter_is_named_like_a_declared_one() -> None:
    op = operation_with([], "/items/{item-id}", shared=[{"name": "other", "in": "query", "schema": STRING}])
    p = op.params[0]
    assert (p.name, p.wire_name, p.style, p.explode, p.declared, p.default) == ("item_id", "item-id", "simple", False, STR, None)


def test_a_path_parameter_the_path_item_declares_is_not_added_again() -> None:
    shared = [{"name": "id", "in": "path", "required": True, "schema": {"type": "integer"}}]
    op = operation_with([], "/items/{id}", shared=shared)
    assert [(p.wire_name, p.type) for p in op.params] == [("id", INT)]
