"""Shared fixtures: the tiny example root, the shipped data, and a CLI runner."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kieumau_cli.cli import app

TESTS = Path(__file__).parent
REPO = TESTS.parent
VALID_ROOT = TESTS / "examples" / "valid"
INVALID_CASES = TESTS / "examples" / "invalid"
GOLDEN = TESTS / "golden"
TODAY = "2026-02-20"


@dataclass
class Run:
    exit_code: int
    stdout: str
    stderr: str


Invoke = Callable[..., Run]


@pytest.fixture(autouse=True)
def _pinned_environment(
    monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """Same date, no colours, no stray data root, a fresh status cache (never the
    user's), whatever machine runs the tests."""
    monkeypatch.setenv("KIEUMAU_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
    monkeypatch.delenv("KIEUMAU_NO_CACHE", raising=False)
    monkeypatch.setenv("KIEUMAU_TODAY", TODAY)
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "120")
    monkeypatch.delenv("KIEUMAU_ROOT", raising=False)
    monkeypatch.delenv("KIEUMAU_DEBUG", raising=False)


@pytest.fixture
def example_root(tmp_path: Path) -> Path:
    """A writable copy of tests/examples/valid."""
    root = tmp_path / "root"
    shutil.copytree(VALID_ROOT, root)
    return root


@pytest.fixture
def invoke() -> Invoke:
    runner = CliRunner()

    def run(*args: str) -> Run:
        result = runner.invoke(app, list(args), catch_exceptions=False)
        return Run(result.exit_code, result.stdout, result.stderr)

    return run


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite tests/golden/* from the current output",
    )
