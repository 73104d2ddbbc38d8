"""Spec text reaches generated code only as escaped literals that mean exactly the text."""

from __future__ import annotations

import ast

import pytest

from generator.emit.pysource import docstring, literal, string_literal

NASTY = [
    'ends with a quote"',
    '"starts with one',
    'a "quoted" word, two "" and four """" in a row',
    'ends with two ""',
    'a backslash before a quote \\" and after one "\\',
    '""" closes a docstring',
    "''' too",
    "back\\slash\\",
    "{{ jinja }} {% tag %}",
    "nul\x00 and bell\x07",
    "line\rbreak\nand\u2028separator\u2029",
    "bom\ufeff",
    "lone \ud800 surrogate",
    "é 名前 🎉",
    "x" * 5000,
    "\"); import os; os.system('true') #",
]


@pytest.mark.parametrize("text", NASTY)
def test_string_literals_round_trip(text: str) -> None:
    source = string_literal(text)
    assert "\n" not in source and "\r" not in source
    assert ast.literal_eval(source) == text


@pytest.mark.parametrize("text", [t for t in NASTY if "\ud800" not in t])
def test_docstrings_cannot_be_escaped_from(text: str) -> None:
    source = docstring(text, 8)
    assert source is not None
    module = ast.parse(f"def f():\n        {source}\n        return 1\n")
    function = module.body[0]
    assert isinstance(function, ast.FunctionDef) and len(function.body) == 2
    value = ast.literal_eval(function.body[0].value)  # type: ignore[attr-defined]
    normalized = "\n".join(line.rstrip() for line in text.strip().replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    assert value.replace("\n        ", "\n").rstrip() == normalized.replace("\t", "    ")


def test_a_docstring_escapes_only_the_quotes_that_need_it() -> None:
    """A quote reads as written, but beside another (three end the docstring) or at either
    end (beside the docstring's own quotes)."""
    assert docstring('Say "hi" to them') == '"""Say "hi" to them"""'
    assert docstring('"Quoted"') == '"""\\"Quoted\\""""'
    assert docstring('Two "" and three """') == '"""Two \\"\\" and three \\"\\"\\""""'


def test_json_values_become_python_literals() -> None:
    value = {"a": [1, 2.5, True, None, "x\"y"], "b": {}}
    assert ast.literal_eval(literal(value)) == value
    assert literal(float("inf")) == 'float("inf")'
