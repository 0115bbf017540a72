"""The Typer-free `status` fast path (cli/fast.py): plain `status` invocations skip Typer, and
print, exit and fail exactly as Typer would; anything else goes to Typer."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from kieumau_cli.cli import main
from kieumau_cli.cli.fast import StatusArgs, parse_status
from tests.support.cli import Invoke
from tests.support.data import EXAMPLE_WARD as WARD
from tests.support.data import REPO, edit


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["status", "x"], StatusArgs("x")),
        (["status", "-f", "json", "x"], StatusArgs("x", fmt="json")),
        (["status", "x", "--format=md", "--lang", "en"], StatusArgs("x", fmt="md", lang="en")),
        (["status", "a/b", "--as-of", "2026-01-01"], StatusArgs("a/b", as_of="2026-01-01")),
        (["status", "x", "--as-of=bad"], StatusArgs("x", as_of="bad")),
        (["--root", ".", "status", "x"], StatusArgs("x", root=".")),
        (["--root=.", "status", "x", "-f", "md"], StatusArgs("x", fmt="md", root=".")),
        # --root is accepted after the command too, as Typer accepts it; that one wins.
        (["status", "x", "--root", "."], StatusArgs("x", root=".")),
        (["--root", "..", "status", "x", "--root=."], StatusArgs("x", root=".")),
    ],
)
def test_plain_status_invocations_take_the_fast_path(argv: list[str], expected: StatusArgs) -> None:
    assert parse_status(argv) == expected


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["--help"],
        ["status"],
        ["status", "--help"],
        ["status", "x", "--help"],
        ["--root", "no-such-folder", "status", "x"],
        ["--root", "pyproject.toml", "status", "x"],
        ["--root", "", "status", "x"],
        ["--root", ".", "--root", ".", "status", "x"],
        ["--root"],
        ["--version", "status", "x"],
        ["status", "x", "--root", ""],
        ["status", "x", "--root", "no-such-folder"],
        ["status", "x", "y"],
        ["status", "x", "-f", "xml"],
        ["status", "x", "-f", "JSON"],
        ["status", "x", "-fjson"],
        ["status", "x", "-f=json"],
        ["status", "x", "-f", "json", "-f", "md"],
        ["status", "x", "--lang", "fr"],
        ["status", "x", "--lang"],
        ["status", "x", "--as-of", "-1"],
        ["status", "x", "--", "y"],
        ["status", "-x"],
        ["status", "x", "--unknown"],
        ["list", "x"],
    ],
)
def test_anything_else_goes_to_typer(argv: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    assert parse_status(argv) is None


@pytest.mark.parametrize(
    "args",
    [
        ["phuong-mau"],
        ["phuong-mau", "-f", "json", "--lang", "en"],
        ["phuong-mau", "--format=md", "--as-of", "2026-01-25"],
        ["phuong-mau", "--as-of", "2026-02-30"],
        ["phuong-mao"],
        ["../x"],
    ],
)
def test_the_fast_path_behaves_as_typer(
    args: list[str],
    invoke: Invoke,
    example_root: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(example_root)
    for prefix in ([], ["--root", "."], [f"--root={example_root}"]):
        expected = invoke(*prefix, "status", *args)
        monkeypatch.setattr(sys, "argv", ["kieumau", *prefix, "status", *args])
        with pytest.raises(SystemExit) as exited:
            main()
        captured = capsys.readouterr()
        assert (exited.value.code, captured.out, captured.err) == (
            expected.exit_code,
            expected.stdout,
            expected.stderr,
        )


def test_the_fast_path_reports_invalid_files_and_roots_as_typer(
    invoke: Invoke,
    example_root: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
) -> None:
    edit(example_root / WARD, "status: met", "status: done", first=True)
    monkeypatch.chdir(tmp_path)
    for argv in (
        ["--root", str(example_root), "status", "phuong-mau"],
        ["--root", str(example_root / "wards"), "status", "phuong-mau"],
        ["status", "phuong-mau"],  # no data root here: the bundled data, with its notice
    ):
        expected = invoke(*argv)
        monkeypatch.setattr(sys, "argv", ["kieumau", *argv])
        with pytest.raises(SystemExit) as exited:
            main()
        captured = capsys.readouterr()
        assert (exited.value.code, captured.out, captured.err) == (
            expected.exit_code,
            expected.stdout,
            expected.stderr,
        )
