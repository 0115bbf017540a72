"""Fixtures shared by every test and the `--update-golden` option; the helpers behind
them live in tests/support."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support import cli, data
from tests.support.git import REPOSITORY_VARIABLES


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite tests/golden/* from the current output",
    )


@pytest.fixture(autouse=True)
def _pinned_environment(
    monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """Same date, no colours, no stray data root or git repository, a fresh status
    cache (never the user's), whatever machine runs the tests."""
    monkeypatch.setenv("KIEUMAU_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
    monkeypatch.delenv("KIEUMAU_NO_CACHE", raising=False)
    monkeypatch.setenv("KIEUMAU_TODAY", data.TODAY)
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "120")
    monkeypatch.delenv("KIEUMAU_ROOT", raising=False)
    monkeypatch.delenv("KIEUMAU_DEBUG", raising=False)
    for name in REPOSITORY_VARIABLES:
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def invoke() -> cli.Invoke:
    """`kieumau ARGS` in this process (tests.support.cli.invoke)."""
    return cli.invoke


@pytest.fixture
def example_root(tmp_path: Path) -> Path:
    """A writable copy of tests/examples/valid."""
    return data.copy_example(tmp_path / "root")


@pytest.fixture
def run_example(
    invoke: cli.Invoke, example_root: Path, monkeypatch: pytest.MonkeyPatch
) -> cli.Invoke:
    """`kieumau --root EXAMPLE_ROOT ARGS`, run from the example root (relative paths)."""
    monkeypatch.chdir(example_root)

    def run(*args: str) -> cli.Run:
        return invoke("--root", str(example_root), *args)

    return run


@pytest.fixture
def shipped_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The repository's criteria/ and wards/, copied where no git history reaches them
    (goldens must not change when someone commits)."""
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    return data.copy_shipped(tmp_path / "shipped")


@pytest.fixture
def findings_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Two wards with errors and warnings (tests.support.data.copy_findings); cwd is
    the root, so paths are shown relative to it."""
    root = data.copy_findings(tmp_path / "root")
    monkeypatch.chdir(root)
    return root
