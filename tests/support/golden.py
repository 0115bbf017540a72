"""Output compared with tests/golden/; `pytest --update-golden` rewrites the files."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.support.cli import Invoke
from tests.support.data import GOLDEN, REPO
from tests.support.html import assert_document_structure


def check_golden(request: pytest.FixtureRequest, name: str, text: str) -> None:
    golden = GOLDEN / name
    if request.config.getoption("--update-golden"):
        golden.write_text(text, encoding="utf-8", newline="\n")
    assert golden.exists(), f"missing golden file {name}; run pytest --update-golden"
    assert text == golden.read_text(encoding="utf-8"), f"{name} differs from its golden file"


def golden_run(invoke: Invoke, request: pytest.FixtureRequest, name: str, *args: str) -> str:
    """Run kieumau, compare stdout with tests/golden/NAME; HTML must also parse and keep
    its promises, JSON must parse."""
    result = invoke(*args)
    assert result.exit_code == 0, result.stderr
    check_golden(request, name, result.stdout)
    if name.endswith(".html"):
        assert_document_structure(result.stdout, "en" if ".en." in name else "vi")
    if name.endswith(".json"):
        json.loads(result.stdout)
    return result.stdout


GoldenTest = Callable[[str, list[str], Invoke, Path, pytest.FixtureRequest], None]


def golden_tests(command: list[str], cases: list[tuple[str, list[str]]]) -> GoldenTest:
    """A parametrized test running `kieumau --root SHIPPED COMMAND ARGS` for each
    (golden file name, ARGS) case; assign it to a `test_…` name in a test module."""

    @pytest.mark.parametrize(("name", "args"), cases, ids=[case[0] for case in cases])
    def test(
        name: str,
        args: list[str],
        invoke: Invoke,
        shipped_root: Path,
        request: pytest.FixtureRequest,
    ) -> None:
        golden_run(invoke, request, name, "--root", str(shipped_root), *command, *args)

    return test


RepositoryGoldenTest = Callable[
    [str, list[str], Invoke, pytest.MonkeyPatch, pytest.FixtureRequest], None
]


def repository_golden_tests(
    command: list[str], cases: list[tuple[str, list[str]]]
) -> RepositoryGoldenTest:
    """Like `golden_tests`, but `kieumau COMMAND ARGS` runs at the top of this repository
    and finds its data there, as in the README."""

    @pytest.mark.parametrize(("name", "args"), cases, ids=[case[0] for case in cases])
    def test(
        name: str,
        args: list[str],
        invoke: Invoke,
        monkeypatch: pytest.MonkeyPatch,
        request: pytest.FixtureRequest,
    ) -> None:
        monkeypatch.chdir(REPO)
        golden_run(invoke, request, name, *command, *args)

    return test
