"""`--help` on every command: each option says what it does and its default, the
configuration file and its keys are described, examples are given; README and docs/ci.md
name the same options and keys."""

from __future__ import annotations

import argparse
import re

import pytest
from conftest import ROOT

from generator import config
from generator.arguments import parser

COMMANDS = ("generate", "check", "review", "diff")


def _subparser(name: str) -> argparse.ArgumentParser:
    actions = [a for a in parser()._actions if isinstance(a, argparse._SubParsersAction)]
    return actions[0].choices[name]


@pytest.mark.parametrize("command", COMMANDS)
def test_every_option_has_help_with_its_default(command: str) -> None:
    sub = _subparser(command)
    for action in sub._actions:
        if isinstance(action, argparse._HelpAction) or not action.option_strings:
            continue
        assert action.help, f"{command} {action.option_strings[0]} has no help text"
        assert "default" in action.help or "config:" in action.help, (command, action.help)
        key = action.option_strings[0].removeprefix("--")
        if key in config.KEYS:  # an option of the configuration says so
            assert f"config: {key}" in action.help, (command, key)


@pytest.mark.parametrize("command", COMMANDS)
def test_help_names_the_configuration_its_keys_and_gives_examples(command: str) -> None:
    text = _subparser(command).format_help()
    assert "[tool.polar-codegen]" in text and "pyproject.toml" in text
    for key in config.KEYS:
        assert re.search(rf"^  {re.escape(key)} = .+# --{re.escape(key)}: ", text, re.MULTILINE), key
    examples = text.split("examples:\n", 1)[1]
    assert f"polar-codegen {command}" in examples


def test_the_top_level_help_opens_with_a_quick_start() -> None:
    text = parser().format_help()
    assert "quick start" in text
    assert "polar-codegen generate --spec openapi.yaml --out client --package-name my_client" in text


def _flags(command: str) -> set[str]:
    return {
        flag
        for action in _subparser(command)._actions
        for flag in action.option_strings
        if flag.startswith("--") and flag != "--help"
    }


def test_readme_and_ci_docs_agree_with_help() -> None:
    readme = (ROOT / "README.md").read_text()
    ci = (ROOT / "docs" / "ci.md").read_text()
    for command in COMMANDS:
        for flag in _flags(command):
            assert f"`{flag}" in readme or f"{flag}" in ci, f"{command} {flag} is not documented"
    table = ci.split("[tool.polar-codegen]\n", 1)[1].split("```", 1)[0]
    assert [line.split(" =")[0] for line in table.strip().splitlines()] == list(config.KEYS)
    for key in config.KEYS:
        assert f"# --{key}" in table
    # No built-in spec, output folder or package name, anywhere the user reads.
    for text in (readme, ci, parser().format_help()):
        assert "Defaults: `--spec spec/" not in text and "(`spec/polar-oauth2.yaml`" not in text
