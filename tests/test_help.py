"""`--help` on every command: each option says what it does and its default, the
configuration file and its keys are described, examples are given; README and docs/ci.md
name the same options and keys."""

from __future__ import annotations

import argparse
import re
import shlex
import subprocess

import pytest
import yaml
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


def _blocks(text: str) -> list[tuple[str, str]]:
    return re.findall(r"^ *```(\w+)\n(.*?)^ *```$", text, re.MULTILINE | re.DOTALL)


def _commands(text: str) -> list[list[str]]:
    """Every polar-codegen command line in the code blocks (continuations joined)."""
    found = []
    for language, block in _blocks(text):
        if language not in ("console", "yaml", "sh"):
            continue
        joined = re.sub(r"\\\n\s*", " ", block)
        for line in joined.splitlines():
            line = line.split(" #", 1)[0].strip().removeprefix("run: ").strip()
            if line.startswith("polar-codegen ") and "[" not in line:  # usage lines have [OPTIONS]
                found.append(shlex.split(line.split(">", 1)[0])[1:])
    return found


@pytest.mark.parametrize("doc", ["README.md", "docs/ci.md", "docs/project-readme.md"])
def test_every_command_in_the_docs_parses(doc: str) -> None:
    commands = _commands((ROOT / doc).read_text())
    assert commands, doc
    for argv in commands:
        try:
            parser().parse_args(argv)
        except SystemExit:
            pytest.fail(f"{doc}: `polar-codegen {' '.join(argv)}` does not parse")


def test_the_docs_pin_no_tag_that_does_not_exist() -> None:
    tags = subprocess.run(["git", "tag"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
    for doc in ("README.md", "docs/ci.md", "docs/project-readme.md"):
        for language, block in _blocks((ROOT / doc).read_text()):
            for pinned in re.findall(r"(?:rev: |@)(v\d+\.\d+\.\d+)", block):
                assert pinned in tags, f"{doc} pins {pinned}, which is no tag of this repository"


def test_the_hook_in_the_docs_is_the_one_this_repository_ships() -> None:
    (shipped,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    for doc in ("README.md", "docs/ci.md"):
        configs = [yaml.safe_load(b) for lang, b in _blocks((ROOT / doc).read_text()) if lang == "yaml" and "repos:" in b]
        local = [c["repos"][0]["hooks"][0] for c in configs if c["repos"][0]["repo"] == "local"]
        assert local, doc
        for hook in local:
            assert {k: hook[k] for k in ("id", "entry", "pass_filenames", "files")} == {
                k: shipped[k] for k in ("id", "entry", "pass_filenames", "files")
            }, doc
