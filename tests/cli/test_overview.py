"""`kieumau` and `kieumau --help` (cli/overview.py): the command list, built without
each command's parameters, is exactly what the fully built Typer app prints."""

from __future__ import annotations

import sys

import pytest
from typer.testing import CliRunner

from kieumau_cli.cli import app, main, overview
from kieumau_cli.cli.overview import lists_commands, overview_command


@pytest.mark.parametrize("args", [[], ["--help"]])
@pytest.mark.parametrize("columns", ["120", "50"])
def test_the_command_list_is_typers_own(
    args: list[str],
    columns: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("COLUMNS", columns)
    monkeypatch.setattr(sys, "argv", ["kieumau", *args])

    def run() -> tuple[object, str, str]:
        with pytest.raises(SystemExit) as done:
            main()
        printed = capsys.readouterr()
        return done.value.code, printed.out, printed.err

    light = run()
    with monkeypatch.context() as full_build:
        full_build.setattr(overview, "lists_commands", lambda argv: False)
        full = run()
    assert light == full
    assert "status" in light[1] + light[2] and "--root" in light[1] + light[2]


def test_only_the_bare_list_takes_it() -> None:
    assert lists_commands([]) and lists_commands(["--help"])
    for argv in (["status", "--help"], ["--help", "status"], ["--root", ".", "--help"], ["-h"]):
        assert not lists_commands(argv)


def test_commands_are_built_in_full_afterwards() -> None:
    """The builder Typer uses is put back: any later command gets its parameters."""
    overview_command(app)
    result = CliRunner().invoke(app, ["status", "--help"], prog_name="kieumau")
    assert result.exit_code == 0
    assert "--as-of" in result.stdout
