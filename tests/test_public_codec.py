"""`pkg.decode` and `pkg.encode`: JSON that did not come through a call (a webhook payload,
stored JSON) decoded by the client's own rules — unions picked by their tag or their shape,
open enums keeping values the spec does not list — and encoded as the client would send it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
from conftest import ROOT, generated_package

SPEC = ROOT / "tests" / "specs" / "unions.yaml"


@pytest.fixture(scope="module")
def pkg(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    with generated_package(SPEC, tmp_path_factory.mktemp("codec"), "codec_unions") as package:
        yield package


def test_a_tagged_union_from_text_and_from_parsed_json(pkg: ModuleType) -> None:
    models = pkg.models
    text = b'{"type": "wallet", "id": "w1", "provider": "apple_pay"}'
    wallet = pkg.decode(models.PaymentMethod, text)
    assert isinstance(wallet, models.Wallet) and wallet.provider == "apple_pay"
    assert pkg.decode(models.PaymentMethod, text.decode()) == wallet
    parsed = {"type": "card", "id": "c1", "brand": "visa", "last4": "4242"}
    card = pkg.decode(models.PaymentMethod, parsed)
    assert isinstance(card, models.Card) and card.last4 == "4242"


def test_lists_of_models_and_schema_name_tags(pkg: ModuleType) -> None:
    models = pkg.models
    pets = pkg.decode(list[models.Pet], '[{"pet_type": "Cat", "name": "Tom"}, {"pet_type": "Dog", "name": "Rex", "good_boy": true}]')
    assert [type(p) for p in pets] == [models.Cat, models.Dog]
    assert pets[0].indoor is True  # the spec's default


def test_an_open_enum_keeps_a_value_the_spec_does_not_list(pkg: ModuleType) -> None:
    wallet = pkg.decode(pkg.models.Wallet, {"type": "wallet", "id": "w2", "provider": "samsung_pay"})
    assert wallet.provider == "samsung_pay"


def test_encode_is_what_the_client_sends(pkg: ModuleType) -> None:
    models = pkg.models
    card = models.Card(id="c1", brand="visa", last4="4242")
    assert pkg.decode(models.PaymentMethod, pkg.encode(card)) == card
    assert pkg.encode(card).startswith(b'{"type":"card"')
    assert pkg.encode([models.Cat(name="Tom")]) == b'[{"pet_type":"Cat","name":"Tom"}]'


@pytest.mark.parametrize(
    ("data", "path", "reason"),
    [
        ({"type": "card", "id": "c1", "brand": "visa", "last4": 4242}, "$.last4", "Expected `str`, got `int`"),
        ({"type": "cheque", "id": "x"}, "$.type", "unknown type 'cheque'"),
        (b'{"type": "card",', None, "not valid JSON"),
    ],
)
def test_what_does_not_fit_is_a_decode_error_with_its_path(
    pkg: ModuleType, data: object, path: str | None, reason: str
) -> None:
    with pytest.raises(pkg.DecodeError) as raised:
        pkg.decode(pkg.models.PaymentMethod, data)
    error = raised.value
    assert error.path == path
    assert reason in str(error)
    assert str(error).startswith("decode(")
    assert error.__cause__ is None and error.__suppress_context__
    assert error.body == (data if isinstance(data, bytes) else b"")


def test_the_package_exports_them(pkg: ModuleType) -> None:
    assert {"decode", "encode"} <= set(pkg.__all__)
    assert Path(pkg.__file__).with_name("_codec.py").is_file()
