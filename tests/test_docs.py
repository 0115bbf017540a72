"""The README is checked against the code so the two cannot drift apart."""

from __future__ import annotations

import re
import shlex

from conftest import REPO
from kieumau_cli._diagnostics import CODES

README = (REPO / "README.md").read_text(encoding="utf-8")


def test_every_diagnostic_code_is_documented_with_its_severity() -> None:
    rows = dict(re.findall(r"^\| `([a-z-]+)` \| (error|warning) \|", README, flags=re.MULTILINE))
    assert rows == {code: spec.severity for code, spec in CODES.items()}


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


def test_readme_commands_exist_in_help() -> None:
    from typer.testing import CliRunner

    from kieumau_cli.cli import app

    help_text = CliRunner().invoke(app, ["--help"]).stdout
    documented = set(re.findall(r"^\| `kieumau (\w+)", README, flags=re.MULTILINE))
    listed = set(re.findall(r"^  (\w+)\s{2,}", help_text, flags=re.MULTILINE))
    assert documented and documented == listed
