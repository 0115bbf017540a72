"""The README and docs/ are checked against the code so they cannot drift apart."""

from __future__ import annotations

import re
import shlex

import pytest

from kieumau_cli.check.diagnostics import CODES
from tests.support.cli import invoke
from tests.support.data import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")
CLI_REFERENCE = REPO / "docs" / "cli.md"


def _help(*args: str) -> str:
    result = invoke(*args, "--help", env={"COLUMNS": "100", "NO_COLOR": "1"})
    assert result.exit_code == 0, result.output
    return result.stdout


def _commands() -> list[str]:
    return re.findall(r"^  (\w+)\s{2,}", _help(), flags=re.MULTILINE)


def test_every_diagnostic_code_is_documented_once_with_its_severity() -> None:
    rows = re.findall(r"^\| `([a-z-]+)` \| (error|warning) \|", README, flags=re.MULTILINE)
    assert len(rows) == len(dict(rows))
    assert dict(rows) == CODES


def test_every_shipped_criteria_set_is_in_the_readme_table() -> None:
    shipped = {f"{p.parent.name}@{p.stem}" for p in (REPO / "criteria").glob("*/*.yaml")}
    documented = set(re.findall(r"^\| `([a-z0-9-]+@[A-Za-z0-9.]+)` \|", README, flags=re.MULTILINE))
    assert documented == shipped


def test_ci_runs_the_readme_test_command() -> None:
    commands = re.findall(r"```sh\n(.+?)\n```", README)
    assert len(commands) == 2
    assert commands[0].endswith("kieumau status phuong-dong-son")
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert commands[1] in ci.splitlines()
    assert shlex.split(commands[1])[-1] == "pytest"


def test_readme_lists_exactly_the_commands_of_help() -> None:
    documented = set(re.findall(r"^\| `kieumau (\w+)", README, flags=re.MULTILINE))
    assert documented and documented == set(_commands())


def test_linked_docs_exist() -> None:
    for link in re.findall(r"\]\((docs/[\w.-]+)\)", README):
        assert (REPO / link).is_file(), link


def test_cli_reference_is_generated_from_help(request: pytest.FixtureRequest) -> None:
    parts = [
        "# Tham chiếu lệnh / Command reference",
        "",
        "Sinh từ `--help`; đừng sửa tay: `pytest tests/project/test_docs.py --update-golden`.",
        "Generated from `--help`; do not edit by hand.",
        "",
        "## kieumau",
        "",
        "```text",
        _help().rstrip(),
        "```",
    ]
    for command in _commands():
        parts += ["", f"## kieumau {command}", "", "```text", _help(command).rstrip(), "```"]
    generated = "\n".join(parts) + "\n"
    if request.config.getoption("--update-golden"):
        CLI_REFERENCE.write_text(generated, encoding="utf-8")
    assert CLI_REFERENCE.read_text(encoding="utf-8") == generated
