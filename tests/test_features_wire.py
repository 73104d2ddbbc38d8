"""Wire features Polar's documents use, each exercised against our HTTP server on 127.0.0.1
(tests/http_server.py), asserting the exact request (body bytes, content type, query string)
and the decoded answer:

form-encoded request bodies, `text/csv` answers, `deepObject` and array query parameters,
`prefixItems` tuples, discriminators that map several values to one variant, the recursive `Filter` schema and `$ref` with sibling keys.

Two sources: `tests/specs_wire/features.json`, a small hand-written spec with one operation
per feature (shapes copied from Polar's documents, edge cases added), and a subset of Polar's
own 2026-04 document (`--include-operations`), so the real schemas go through the same checks.
`tests/specs_wire/nested_tagged_unions.json` reproduces a bug found on the full documents.
"""

from __future__ import annotations

import asyncio
import datetime
import importlib
import inspect
import json
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any
from urllib.parse import parse_qsl

import msgspec
import pytest
from conftest import FULL_SPECS, TESTS, full_specs_present
from http_server import Reply, ScriptedServer

# Generating the Polar subset validates the whole 2.6 MB document (about 17 s, then cached).
pytestmark = pytest.mark.slow

SPECS = TESTS / "specs_wire"
TOKEN = "polar_oat_wire_features"
ID = uuid.UUID("1dbfc517-0bbf-4301-9ba8-555ca42b9737")
ID2 = uuid.UUID("8b3e0a58-7a8f-4c62-9d0f-5b5d2f1c6b9e")
# Polar's operations that carry the features, generated from the real 2026-04 document.
POLAR_SUBSET = (
    "oauth2:request_token",  # application/x-www-form-urlencoded
    "orders:export",  # text/csv
    "customers:list",  # deepObject metadata, array query parameters
    "customers:get",  # prefixItems tax_id
    "meters:get",  # recursive Filter
    "metrics:get",  # $ref + description on a query parameter
)


def _generate(spec: Path, out: Path, package: str, *include: str) -> None:
    from generator.cli import main

    args = ["generate", "--spec", str(spec), "--out", str(out), "--package-name", package, "--quiet"]
    for pattern in include:
        args += ["--include-operations", pattern]
    assert main(args) == 0, f"generating {spec.name} failed"


@pytest.fixture(scope="module")
def packages(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, ModuleType]]:
    """Every package of this module, generated and imported once; forgotten afterwards."""
    full_specs_present()
    root = tmp_path_factory.mktemp("wire")
    _generate(SPECS / "features.json", root / "features", "wire_features")
    _generate(SPECS / "nested_tagged_unions.json", root / "tagged", "wire_tagged")
    _generate(FULL_SPECS["polar_full"], root / "polar", "wire_polar", *POLAR_SUBSET)
    folders = [str(root / name) for name in ("features", "tagged", "polar")]
    sys.path[:0] = folders
    importlib.invalidate_caches()
    try:
        yield {
            name: importlib.import_module(name)
            for name in ("wire_features", "wire_tagged", "wire_polar")
        }
    finally:
        for folder in folders:
            sys.path.remove(folder)
        for name in [m for m in sys.modules if m.split(".")[0] in ("wire_features", "wire_tagged", "wire_polar")]:
            del sys.modules[name]


@pytest.fixture
def wire(packages: dict[str, ModuleType]) -> ModuleType:
    return packages["wire_features"]


@pytest.fixture
def polar(packages: dict[str, ModuleType]) -> ModuleType:
    return packages["wire_polar"]


def client_for(package: ModuleType, server: ScriptedServer, token: str | None = TOKEN) -> Any:
    # A spec that declares no security gets a client without access_token.
    if "access_token" not in inspect.signature(package.Client).parameters:
        return package.Client(base_url=server.url, max_retries=0)
    return package.Client(access_token=token, base_url=server.url, max_retries=0)


def async_client_for(package: ModuleType, server: ScriptedServer) -> Any:
    return package.AsyncClient(access_token=TOKEN, base_url=server.url, max_retries=0)


TOKEN_RESPONSE = {
    "access_token": "polar_at_abc",
    "token_type": "Bearer",
    "expires_in": 3600,
    "refresh_token": None,
    "scope": "openid email",
    "id_token": "eyJ.x.y",
}


# --- application/x-www-form-urlencoded request bodies --------------------------------------------


def test_form_body_authorization_code(wire: ModuleType, http_server: ScriptedServer) -> None:
    models = wire.models
    http_server.route("POST", "/v1/oauth2/token", Reply.json(TOKEN_RESPONSE))
    with client_for(wire, http_server) as client:
        result = client.oauth2.token(
            body=models.AuthorizationCodeTokenRequest(
                client_id="polar_ci_abc",
                client_secret="s e/c&r=t",
                code="c0de",
                redirect_uri="https://app.example.com/cb?x=1",
            )
        )
    request = http_server.last_request
    assert request.method == "POST" and request.target == "/v1/oauth2/token"
    assert request.headers["Content-Type"] == "application/x-www-form-urlencoded"
    # The tag first, then the fields in schema order; reserved characters percent-encoded.
    assert request.body == (
        b"grant_type=authorization_code&client_id=polar_ci_abc&client_secret=s+e%2Fc%26r%3Dt"
        b"&code=c0de&redirect_uri=https%3A%2F%2Fapp.example.com%2Fcb%3Fx%3D1"
    )
    assert request.headers["Content-Length"] == str(len(request.body))
    assert "Authorization" not in request.headers  # the operation declares `security: []`
    assert result == models.TokenResponse(
        access_token="polar_at_abc",
        token_type="Bearer",
        expires_in=3600,
        refresh_token=None,
        scope="openid email",
        id_token="eyJ.x.y",
    )


def test_form_body_optional_fields_uuid_and_enum(wire: ModuleType, http_server: ScriptedServer) -> None:
    """Unset optionals (None defaults) and fields at their default are not sent; a UUID and
    an enum go as their text."""
    models = wire.models
    http_server.route("POST", "/v1/oauth2/token", Reply.json(TOKEN_RESPONSE))
    with client_for(wire, http_server) as client:
        client.oauth2.token(
            body=models.WebTokenRequest(client_id="a", client_secret="b", session_token="t")
        )
        first = http_server.last_request.body
        client.oauth2.token(
            body=models.WebTokenRequest(
                client_id="a",
                client_secret="b",
                session_token="t",
                sub_type=models.WebTokenRequestSubType.ORGANIZATION,
                sub=ID,
                scope="openid email",
            )
        )
        second = http_server.last_request.body
    assert first == b"grant_type=web&client_id=a&client_secret=b&session_token=t"
    assert second == (
        b"grant_type=web&client_id=a&client_secret=b&session_token=t&sub_type=organization"
        b"&sub=1dbfc517-0bbf-4301-9ba8-555ca42b9737&scope=openid+email"
    )


def test_form_body_async(wire: ModuleType, http_server: ScriptedServer) -> None:
    models = wire.models
    http_server.route("POST", "/v1/oauth2/token", Reply.json(TOKEN_RESPONSE))

    async def main() -> Any:
        async with async_client_for(wire, http_server) as client:
            return await client.oauth2.token(
                body=models.RefreshTokenRequest(client_id="a", client_secret="b", refresh_token="r t")
            )

    result = asyncio.run(main())
    request = http_server.last_request
    assert request.headers["Content-Type"] == "application/x-www-form-urlencoded"
    assert request.body == b"grant_type=refresh_token&client_id=a&client_secret=b&refresh_token=r+t"
    assert result.access_token == "polar_at_abc"


def test_form_body_polar_token_endpoint(polar: ModuleType, http_server: ScriptedServer) -> None:
    """Polar's own `POST /v1/oauth2/token` (a oneOf of three grant types)."""
    models = polar.models
    http_server.route("POST", "/v1/oauth2/token", Reply.json(TOKEN_RESPONSE))
    with client_for(polar, http_server) as client:
        result = client.oauth2.token(
            body=models.RefreshTokenRequest(client_id="polar_ci_1", client_secret="sec", refresh_token="polar_rt_2")
        )
    request = http_server.last_request
    assert request.target == "/v1/oauth2/token"
    assert request.headers["Content-Type"] == "application/x-www-form-urlencoded"
    assert request.body == (
        b"grant_type=refresh_token&client_id=polar_ci_1&client_secret=sec&refresh_token=polar_rt_2"
    )
    assert isinstance(result, models.TokenResponse) and result.refresh_token is None


# --- text/csv answers ----------------------------------------------------------------------------

CSV = "email,created_at,net_amount\nzoë@example.com,2024-01-02T03:04:05Z,1000\n"


def test_csv_answer_is_returned_as_text(wire: ModuleType, http_server: ScriptedServer) -> None:
    http_server.route(
        "GET", "/v1/orders/export", Reply.raw(CSV.encode(), content_type="text/csv; charset=utf-8")
    )
    with client_for(wire, http_server) as client:
        text = client.orders.export(product_id=ID)
    request = http_server.last_request
    assert request.target == f"/v1/orders/export?product_id={ID}"
    assert request.headers["Authorization"] == f"Bearer {TOKEN}"
    assert request.body == b""
    assert text == CSV


def test_csv_operation_error_is_decoded(wire: ModuleType, http_server: ScriptedServer) -> None:
    detail = {"detail": [{"loc": ["query", "product_id"], "msg": "bad uuid", "type": "uuid_parsing"}]}
    http_server.route("GET", "/v1/orders/export", Reply.json(detail, status=422))
    with client_for(wire, http_server) as client, pytest.raises(wire.UnprocessableEntityError) as caught:
        client.orders.export()
    assert caught.value.detail == wire.models.HTTPValidationError(
        detail=[wire.models.ValidationError(loc=["query", "product_id"], msg="bad uuid", type="uuid_parsing")]
    )
    assert http_server.last_request.target == "/v1/orders/export"


def test_csv_operation_accepts_text_csv(wire: ModuleType, http_server: ScriptedServer) -> None:
    http_server.route("GET", "/v1/orders/export", Reply.raw(CSV.encode(), content_type="text/csv"))
    with client_for(wire, http_server) as client:
        client.orders.export()
    accept = http_server.last_request.headers["Accept"]
    assert "text/csv" in [part.split(";")[0].strip() for part in accept.split(",")]


def test_csv_polar_orders_export(polar: ModuleType, http_server: ScriptedServer) -> None:
    http_server.route("GET", "/v1/orders/export", Reply.raw(CSV.encode(), content_type="text/csv"))
    with client_for(polar, http_server) as client:
        text = client.orders.export(
            product_id=[ID, ID2],
            created_after=datetime.datetime(2024, 1, 1, tzinfo=datetime.UTC),
        )
    assert text == CSV
    assert http_server.last_request.target == (
        f"/v1/orders/export?product_id={ID}&product_id={ID2}"
        "&created_after=2024-01-01T00%3A00%3A00%2B00%3A00&timezone=UTC"
    )


# --- deepObject and array query parameters -------------------------------------------------------


def test_deep_object_query(wire: ModuleType, http_server: ScriptedServer) -> None:
    http_server.route("GET", "/v1/items/", Reply.json([]))
    with client_for(wire, http_server) as client:
        client.items.list(metadata={"plan": "pro team", "seats": 3, "beta": True, "tags": ["a", "b"]})
    request = http_server.last_request
    assert request.target == (
        "/v1/items/?metadata%5Bplan%5D=pro+team&metadata%5Bseats%5D=3&metadata%5Bbeta%5D=true"
        "&metadata%5Btags%5D=a&metadata%5Btags%5D=b&limit=10"
    )
    assert request.query == [
        ("metadata[plan]", "pro team"),
        ("metadata[seats]", "3"),
        ("metadata[beta]", "true"),
        ("metadata[tags]", "a"),
        ("metadata[tags]", "b"),
        ("limit", "10"),
    ]


def test_array_query_parameters(wire: ModuleType, http_server: ScriptedServer) -> None:
    models = wire.models
    sort = models.ItemSortProperty
    http_server.route("GET", "/v1/items/", Reply.json([{"id": 1, "name": "one"}, {"id": 2, "name": "two"}]))
    with client_for(wire, http_server) as client:
        items = client.items.list(
            organization_id=[ID, ID2],
            id=[1, 2, 3],
            sorting=[sort("-name"), sort("created_at")],
            tags=["a", "b"],
            channels=["x", "y"],
            limit=5,
        )
        one_id = client.items.list(organization_id=ID)
    assert items == [models.Item(id=1, name="one"), models.Item(id=2, name="two")]
    assert len(one_id) == 2
    first, second = http_server.requests
    # form + explode (the default): the name repeated; explode false: comma-separated;
    # pipeDelimited: "|"-separated.
    assert parse_qsl(first.target.split("?", 1)[1]) == [
        ("organization_id", str(ID)),
        ("organization_id", str(ID2)),
        ("id", "1"),
        ("id", "2"),
        ("id", "3"),
        ("sorting", "-name"),
        ("sorting", "created_at"),
        ("tags", "a,b"),
        ("channels", "x|y"),
        ("limit", "5"),
    ]
    assert first.target == (
        f"/v1/items/?organization_id={ID}&organization_id={ID2}&id=1&id=2&id=3"
        "&sorting=-name&sorting=created_at&tags=a,b&channels=x|y&limit=5"
    )
    assert second.target == f"/v1/items/?organization_id={ID}&limit=10"


def test_delimited_array_items_keep_their_delimiters(wire: ModuleType, http_server: ScriptedServer) -> None:
    """Only the items are percent-encoded, so an item holding the delimiter stays one item."""
    http_server.route("GET", "/v1/items/", Reply.json([]))
    with client_for(wire, http_server) as client:
        client.items.list(tags=["a,b", "c"], channels=["x|y", "z"], words=["one two", "3"])
        client.items.list(tags=["a", "b", "c"], channels=["x", "y", "z"], words=["one", "two", "3"])
    first, second = (r.target for r in http_server.requests)
    assert first == "/v1/items/?tags=a%2Cb,c&channels=x%7Cy|z&words=one+two%203&limit=10"
    assert second == "/v1/items/?tags=a,b,c&channels=x|y|z&words=one%20two%203&limit=10"


def test_query_polar_customers_list(polar: ModuleType, http_server: ScriptedServer) -> None:
    """Polar's `GET /v1/customers/`: uuid-or-array, enum array, deepObject metadata, bool."""
    models = polar.models
    page = {"items": [], "pagination": {"total_count": 0, "max_page": 0}}
    http_server.route("GET", "/v1/customers/", Reply.json(page))
    with client_for(polar, http_server) as client:
        result = client.customers.list(
            organization_id=[ID, ID2],
            active=False,
            sorting=[models.CustomerSortProperty("-created_at"), models.CustomerSortProperty("email")],
            metadata={"plan": "pro", "seats": 3},
            limit=100,
        )
    assert result == models.ListResourceCustomer(
        items=[], pagination=models.Pagination(total_count=0, max_page=0)
    )
    assert http_server.last_request.target == (
        f"/v1/customers/?organization_id={ID}&organization_id={ID2}&active=false&page=1&limit=100"
        "&sorting=-created_at&sorting=email&metadata%5Bplan%5D=pro&metadata%5Bseats%5D=3"
    )


# --- prefixItems tuples --------------------------------------------------------------------------


def test_prefix_items_tuple_in_response(wire: ModuleType, http_server: ScriptedServer) -> None:
    models = wire.models
    http_server.route(
        "GET",
        f"/v1/customers/{ID}",
        Reply.json({"id": str(ID), "email": "a@example.com", "tax_id": ["911144442", "us_ein"], "location": [1.5, -2.25]}),
    )
    http_server.route(
        "GET", f"/v1/customers/{ID2}", Reply.json({"id": str(ID2), "email": "b@example.com", "tax_id": None})
    )
    with client_for(wire, http_server) as client:
        first = client.customers.get(ID)
        second = client.customers.get(ID2)
    assert first == models.Customer(
        id=ID, email="a@example.com", tax_id=("911144442", models.TaxIDFormat.US_EIN), location=[1.5, -2.25]
    )
    assert isinstance(first.tax_id, tuple) and isinstance(first.tax_id[1], models.TaxIDFormat)
    assert second.tax_id is None and second.location is None
    assert http_server.last_request.target == f"/v1/customers/{ID2}"


def test_prefix_items_wrong_length_is_a_decode_error(wire: ModuleType, http_server: ScriptedServer) -> None:
    http_server.route(
        "GET", f"/v1/customers/{ID}", Reply.json({"id": str(ID), "email": "a", "tax_id": ["911144442"]})
    )
    with client_for(wire, http_server) as client, pytest.raises(wire.DecodeError) as caught:
        client.customers.get(ID)
    assert caught.value.path == "$.tax_id"


def test_prefix_items_tuple_in_request(wire: ModuleType, http_server: ScriptedServer) -> None:
    models = wire.models
    http_server.route(
        "POST", "/v1/customers/", Reply.json({"id": str(ID), "email": "a", "tax_id": ["FR61954506077", "eu_vat"]}, status=201)
    )
    with client_for(wire, http_server) as client:
        created = client.customers.create(
            body=models.CustomerCreate(email="a", tax_id=("FR61954506077", models.TaxIDFormat.EU_VAT))
        )
        client.customers.create(body=models.CustomerCreate(email="b", tax_id=None))
        client.customers.create(body=models.CustomerCreate(email="c"))
    bodies = [r.body for r in http_server.requests]
    assert bodies == [
        b'{"email":"a","tax_id":["FR61954506077","eu_vat"]}',
        b'{"email":"b","tax_id":null}',
        b'{"email":"c"}',
    ]
    assert all(r.headers["Content-Type"] == "application/json" for r in http_server.requests)
    assert created.tax_id == ("FR61954506077", models.TaxIDFormat.EU_VAT)


def test_prefix_items_with_more_items_allowed(wire: ModuleType, http_server: ScriptedServer) -> None:
    http_server.route(
        "GET", f"/v1/customers/{ID}",
        Reply.json({"id": str(ID), "email": "a", "tax_id": None, "location": [1.5, -2.25, 120.0]}),
    )  # fmt: skip
    with client_for(wire, http_server) as client:
        customer = client.customers.get(ID)
    assert list(customer.location) == [1.5, -2.25, 120.0]


TAX_CUSTOMER = {
    "type": "individual",
    "id": str(ID),
    "created_at": "2024-01-02T03:04:05Z",
    "modified_at": None,
    "metadata": {"plan": "pro"},
    "external_id": None,
    "email": "zoe@example.com",
    "email_verified": True,
    "name": "Zoë",
    "billing_name": None,
    "billing_address": None,
    "tax_id": ["FR61954506077", "eu_vat"],
    "locale": None,
    "organization_id": str(ID2),
    "deleted_at": None,
    "first_user_event_at": None,
    "avatar_url": None,
}


def test_prefix_items_polar_customer_tax_id(polar: ModuleType, http_server: ScriptedServer) -> None:
    models = polar.models
    http_server.route("GET", f"/v1/customers/{ID}", Reply.json(TAX_CUSTOMER))
    with client_for(polar, http_server) as client:
        customer = client.customers.get(ID)
    assert http_server.last_request.target == f"/v1/customers/{ID}"
    assert isinstance(customer, models.CustomerIndividual)
    assert customer.tax_id == ("FR61954506077", models.TaxIDFormat.EU_VAT)
    assert customer.metadata == {"plan": "pro"}


# --- the recursive Filter ------------------------------------------------------------------------

FILTER = {
    "conjunction": "and",
    "clauses": [
        {"property": "name", "operator": "eq", "value": "api_call"},
        {
            "conjunction": "or",
            "clauses": [
                {"property": "tokens", "operator": "gt", "value": 1000},
                {
                    "conjunction": "and",
                    "clauses": [{"property": "beta", "operator": "ne", "value": True}],
                },
            ],
        },
        {"conjunction": "or", "clauses": []},
    ],
}


def expected_filter(models: ModuleType) -> Any:
    Filter, Clause = models.Filter, models.FilterClause
    and_, or_ = models.FilterConjunction.AND, models.FilterConjunction.OR
    op = models.FilterOperator
    return Filter(
        conjunction=and_,
        clauses=[
            Clause(property="name", operator=op.EQ, value="api_call"),
            Filter(
                conjunction=or_,
                clauses=[
                    Clause(property="tokens", operator=op.GT, value=1000),
                    Filter(conjunction=and_, clauses=[Clause(property="beta", operator=op.NE, value=True)]),
                ],
            ),
            Filter(conjunction=or_, clauses=[]),
        ],
    )


def test_recursive_filter_decodes(wire: ModuleType, http_server: ScriptedServer) -> None:
    models = wire.models
    http_server.route(
        "GET", f"/v1/meters/{ID}",
        Reply.json({"id": str(ID), "name": "API calls", "filter": FILTER, "aggregation": {"func": "count"}}),
    )  # fmt: skip
    with client_for(wire, http_server) as client:
        meter = client.meters.get(ID)
    assert meter.filter == expected_filter(models)
    assert meter.aggregation == models.CountAggregation()
    assert type(meter.filter.clauses[2]) is models.Filter  # `{"conjunction", "clauses"}` is no clause


def test_recursive_filter_encodes(wire: ModuleType, http_server: ScriptedServer) -> None:
    models = wire.models
    answer = {"id": str(ID), "name": "API calls", "filter": FILTER, "aggregation": {"func": "sum", "property": "tokens"}}
    http_server.route("POST", "/v1/meters/", Reply.json(answer, status=201))
    with client_for(wire, http_server) as client:
        meter = client.meters.create(body=models.MeterCreate(name="API calls", filter=expected_filter(models)))
    request = http_server.last_request
    assert request.headers["Content-Type"] == "application/json"
    assert request.body == json.dumps({"name": "API calls", "filter": FILTER}, separators=(",", ":")).encode()
    assert meter.aggregation == models.PropertyAggregation(func=models.PropertyAggregationFunc.SUM, property="tokens")


def test_recursive_filter_with_a_bad_clause_is_a_decode_error(wire: ModuleType, http_server: ScriptedServer) -> None:
    bad = {"conjunction": "and", "clauses": [{"conjunction": "or"}]}  # neither clause nor filter
    http_server.route(
        "GET", f"/v1/meters/{ID}",
        Reply.json({"id": str(ID), "name": "m", "filter": bad, "aggregation": {"func": "count"}}),
    )  # fmt: skip
    with client_for(wire, http_server) as client, pytest.raises(wire.DecodeError) as caught:
        client.meters.get(ID)
    assert caught.value.path == "$.filter.clauses[0]"


def test_discriminator_mapping_picks_the_variant(wire: ModuleType, http_server: ScriptedServer) -> None:
    """Four values name PropertyAggregation, so msgspec cannot tag the union: the runtime
    reads `func` and decodes the variant it names, not the one that knows the most keys."""
    models = wire.models
    cases = [
        ({"func": "unique", "property": "user_id"}, models.UniqueAggregation(property="user_id")),
        ({"func": "max", "property": "tokens"}, models.PropertyAggregation(func=models.PropertyAggregationFunc.MAX, property="tokens")),
        ({"func": "count"}, models.CountAggregation()),
    ]  # fmt: skip
    for aggregation, expected in cases:
        body = {"id": str(ID), "name": "m", "filter": FILTER, "aggregation": aggregation}
        http_server.route("GET", f"/v1/meters/{ID}", Reply.json(body))
        with client_for(wire, http_server) as client:
            meter = client.meters.get(ID)
        assert meter.aggregation == expected
        assert type(meter.aggregation) is type(expected)


def test_a_value_the_discriminator_names_must_fit_its_variant(wire: ModuleType, http_server: ScriptedServer) -> None:
    body = {"id": str(ID), "name": "m", "filter": FILTER, "aggregation": {"func": "sum"}}  # no `property`
    http_server.route("GET", f"/v1/meters/{ID}", Reply.json(body))
    with client_for(wire, http_server) as client, pytest.raises(wire.DecodeError) as caught:
        client.meters.get(ID)
    assert caught.value.path == "$.aggregation"
    assert "PropertyAggregation, which func='sum' names" in str(caught.value)


def test_an_unknown_discriminator_value_still_decodes(wire: ModuleType, http_server: ScriptedServer) -> None:
    """A value added to the API after generation: every variant is tried, as without one."""
    body = {"id": str(ID), "name": "m", "filter": FILTER, "aggregation": {"func": "median", "property": "p"}}
    http_server.route("GET", f"/v1/meters/{ID}", Reply.json(body))
    with client_for(wire, http_server) as client:
        meter = client.meters.get(ID)
    assert meter.aggregation.property == "p"
    assert meter.aggregation.func == "median"


def test_a_variant_named_by_one_value_always_sends_it(wire: ModuleType, http_server: ScriptedServer) -> None:
    """`func` is a const with a default in CountAggregation; left out as a default, the
    server could not tell the variant. Each such variant carries it as a tag."""
    models = wire.models
    answer = {"id": str(ID), "name": "m", "filter": FILTER, "aggregation": {"func": "count"}}
    http_server.route("POST", "/v1/meters/", Reply.json(answer, status=201))
    empty = models.Filter(conjunction=models.FilterConjunction.AND, clauses=[])
    sent = []
    with client_for(wire, http_server) as client:
        for aggregation in (models.CountAggregation(), models.UniqueAggregation(property="p")):
            client.meters.create(body=models.MeterCreate(name="m", filter=empty, aggregation=aggregation))
            sent.append(json.loads(http_server.last_request.body)["aggregation"])
    assert sent == [{"func": "count"}, {"func": "unique", "property": "p"}]


def test_recursive_filter_polar_meter(polar: ModuleType, http_server: ScriptedServer) -> None:
    models = polar.models
    meter = {
        "metadata": {},
        "created_at": "2024-01-02T03:04:05Z",
        "modified_at": None,
        "id": str(ID),
        "name": "API calls",
        "unit": "token",
        "filter": FILTER,
        "aggregation": {"func": "sum", "property": "tokens"},
        "organization_id": str(ID2),
    }
    http_server.route("GET", f"/v1/meters/{ID}", Reply.json(meter))
    with client_for(polar, http_server) as client:
        result = client.meters.get(ID)
    assert http_server.last_request.target == f"/v1/meters/{ID}"
    assert result.filter == expected_filter(models)
    assert result.unit == models.MeterUnit.TOKEN
    assert result.aggregation == models.PropertyAggregation(func=models.PropertyAggregationFunc.SUM, property="tokens")
    assert msgspec.json.decode(msgspec.json.encode(result.filter)) == FILTER


# --- $ref with sibling keys ----------------------------------------------------------------------


def test_ref_siblings_in_a_response(wire: ModuleType, http_server: ScriptedServer) -> None:
    """`{$ref: SubType, default: user}` and `{$ref: PresentmentCurrency, default: usd,
    maxLength: 3, description}`: absent fields take the sibling default, typed as the enum."""
    models = wire.models
    http_server.route("GET", "/v1/settings/a", Reply.json({"id": "a"}))
    http_server.route(
        "GET", "/v1/settings/b",
        Reply.json({"id": "b", "default_sub_type": "organization", "currency": "eur", "interval": "week"}),
    )  # fmt: skip
    with client_for(wire, http_server) as client:
        first = client.settings.get("a")
        second = client.settings.get("b", interval=models.TimeInterval.HOUR)
    assert first == models.Settings(id="a")
    assert first.default_sub_type is models.SubType.USER
    assert first.currency is models.PresentmentCurrency.USD
    assert first.interval is None
    assert second == models.Settings(
        id="b",
        default_sub_type=models.SubType.ORGANIZATION,
        currency=models.PresentmentCurrency.EUR,
        interval=models.TimeInterval.WEEK,
    )
    assert [r.target for r in http_server.requests] == ["/v1/settings/a?interval=day", "/v1/settings/b?interval=hour"]


def test_ref_siblings_on_a_parameter(wire: ModuleType) -> None:
    """`{$ref: TimeInterval, default: day, description}` as a query parameter's schema: the
    sibling default is the argument's default, as the enum member."""
    models = wire.models
    method = wire.Client(base_url="http://127.0.0.1:9").settings.get
    parameter = inspect.signature(method).parameters["interval"]
    assert parameter.default is models.TimeInterval.DAY
    assert parameter.kind is inspect.Parameter.KEYWORD_ONLY


def test_ref_sibling_description_documents_the_parameter(wire: ModuleType) -> None:
    method = wire.Client(base_url="http://127.0.0.1:9").settings.get
    assert "Interval between two timestamps." in (method.__doc__ or "")


def test_ref_siblings_polar_metrics_interval(polar: ModuleType, http_server: ScriptedServer) -> None:
    """Polar's `GET /v1/metrics/`: `interval` is `{$ref: TimeInterval, description}`."""
    models = polar.models
    method = polar.Client(base_url="http://127.0.0.1:9").metrics.get
    assert "Interval between two timestamps." in (method.__doc__ or "")
    assert inspect.signature(method).parameters["interval"].default is inspect.Parameter.empty
    http_server.route("GET", "/v1/metrics/", Reply.json({}, status=500))
    with client_for(polar, http_server) as client, pytest.raises(polar.InternalServerError):
        client.metrics.get(
            start_date=datetime.date(2024, 1, 1),
            end_date=datetime.date(2024, 1, 31),
            interval=models.TimeInterval.WEEK,
        )
    assert http_server.last_request.target == (
        "/v1/metrics/?start_date=2024-01-01&end_date=2024-01-31&timezone=UTC&interval=week"
    )


# --- nested discriminated unions (a bug found on the full documents) -----------------------------


def test_nested_discriminated_unions_decode(packages: dict[str, ModuleType], http_server: ScriptedServer) -> None:
    tagged = packages["wire_tagged"]
    models = tagged.models
    http_server.route(
        "GET", "/v1/products/p1",
        Reply.json({"id": "p1", "prices": [
            {"amount_type": "fixed", "price_amount": 500, "legacy": True},
            {"amount_type": "fixed", "price_amount": 700},
            {"amount_type": "custom", "minimum_amount": None},
            {"amount_type": "custom", "legacy": True},
        ]}),
    )  # fmt: skip
    with client_for(tagged, http_server) as client:
        product = client.products.get("p1")
    assert [type(p).__name__ for p in product.prices] == [
        "LegacyRecurringProductPriceFixed",
        "ProductPriceFixed",
        "ProductPriceCustom",
        "LegacyRecurringProductPriceCustom",
    ]
    assert product.prices[1] == models.ProductPriceFixed(price_amount=700)


# --- readOnly and writeOnly -----------------------------------------------------------------------


def test_read_only_and_write_only_fields_on_the_wire(wire: ModuleType, http_server: ScriptedServer) -> None:
    """`id` is required but readOnly, `secret` required but writeOnly, in one class used
    both ways: a request needs no id, and an answer without the secret decodes."""
    models = wire.models
    http_server.route("POST", "/v1/notes/", Reply.json({"id": 7, "text": "hello"}, status=201))
    with client_for(wire, http_server) as client:
        note = client.notes.create(body=models.Note(text="hello", secret="s3"))
    assert http_server.last_request.body == b'{"text":"hello","secret":"s3"}'
    assert note == models.Note(id=7, text="hello")
    assert note.secret is None
