"""Reading specs: JSON-compatible data, positions for every value, hostile YAML refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.load import parse
from generator.problems import InputError


def load_text(text: str, name: str = "api.yaml") -> object:
    return parse(Path(name), text.encode())


def test_yaml_scalars_follow_the_json_compatible_core_schema() -> None:
    doc = load_text("a: yes\nb: on\nc: 2023-01-02\nd: 010\ne: 1.5\nf: ~\ng: true\nh: '3'\n200: x\n")
    assert doc.data == {"a": "yes", "b": "on", "c": "2023-01-02", "d": 10, "e": 1.5, "f": None, "g": True, "h": "3", "200": "x"}  # type: ignore[attr-defined]


def test_positions_of_yaml_values() -> None:
    doc = load_text("openapi: 3.1.0\npaths:\n  /a:\n    get:\n      summary: x\n")
    assert doc.positions.lookup("/paths/~1a/get/summary") == (5, 7)  # type: ignore[attr-defined]
    # A pointer below an existing value falls back to the nearest ancestor.
    assert doc.positions.lookup("/paths/~1a/get/nothing/here") == (4, 5)  # type: ignore[attr-defined]


def test_positions_of_json_values_are_found_lazily() -> None:
    doc = load_text('{\n  "a": {\n    "b": [1, {"c": "x"}]\n  }\n}\n', name="api.json")
    assert doc.data == {"a": {"b": [1, {"c": "x"}]}}  # type: ignore[attr-defined]
    assert doc.positions.lookup("/a/b/1/c") == (3, 15)  # type: ignore[attr-defined]


def test_duplicate_json_keys_are_refused_with_positions() -> None:
    with pytest.raises(InputError) as info:
        load_text('{"a": 1,\n "b": {"x": 1, "x": 2},\n "a": 3}', name="api.json")
    found = sorted((p.pointer, p.position) for p in info.value.problems)
    assert found == [("/a", (3, 2)), ("/b/x", (2, 16))]


def test_python_tags_are_refused_not_constructed() -> None:
    with pytest.raises(InputError) as info:
        load_text("a: !!python/object/apply:os.system ['true']\n")
    assert "unsupported YAML tag" in info.value.problems[0].message


def test_alias_bombs_are_stopped() -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 9):
        lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]")
    with pytest.raises(InputError) as info:
        load_text("\n".join(lines) + "\n")
    assert "aliases expand to more than" in info.value.problems[0].message


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b"\x00\x01binary", "binary file"),
        (b"openapi: \xff\xfe\n", "not UTF-8"),
        (b"a:\n\tb: 1\n", "tab"),
    ],
)
def test_unreadable_text(raw: bytes, message: str) -> None:
    with pytest.raises(InputError) as info:
        parse(Path("api.yaml"), raw)
    assert message in info.value.problems[0].message
